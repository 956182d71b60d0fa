// Project operations run inside a register mutation: they read and change the in-memory register and report
// what changed for the journal. They hold no rule of their own; the rules are in domain/.
import {storedRoutingReason} from '../i18n/routing.js'
import {buildDeclaration, type EnumWords, type RawValue} from '../domain/declaration.js'
import {createProject, changedFields, computeFlags, reroute, trackChange, type DeclaredField} from '../domain/project.js'
import {declaredFacts, isEditableInReview} from '../domain/declaration-fields.js'
import {allStagesPassed, closeOpenStages} from '../domain/stages.js'
import {nextProjectId} from '../domain/register-data.js'
import {applyContinuation, continuationOf, continuationSummary} from './continuing.js'
import {maintainedSystem} from './systems.js'
import {assertCanDo, isClosed, isDeclarationEditable, isRoutable, moveTo} from '../domain/lifecycle.js'
import {Conflict, InvalidInput, UsageError, type FieldProblem} from '../domain/errors.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import type {AddWorkingDays} from '../domain/stages.js'
import type {Change, DeclarationInput, Project, RegisterData, Track} from '../domain/types.js'
import {regionOf} from '../domain/region.js'

export interface ProjectOpOptions {
  words: EnumWords
  today: string
  now: string
  addWorkingDays: AddWorkingDays
}

function declarationContext(data: Pick<RegisterData, 'settings'>, options: Pick<ProjectOpOptions, 'words' | 'today'>) {
  return {defaultYear: data.settings.planYear, receivedOn: options.today, words: options.words, amountUnits: {}, defaultAmountUnit: 'yuan' as const, region: regionOf(data.settings)}
}

/**
 * The problems of some fields of a declaration still being entered by hand (the flags given, then each answer at a
 * prompt): the one validator of `project add` and the import, run on what is known so far, so that a bad value —
 * or a rule across fields, such as fiscal funds within the total, at the answer that breaks it — is refused while
 * the clerk is still typing, not after the last question.
 */
export function declarationProblems(data: Pick<RegisterData, 'settings'>, raw: Record<string, RawValue>, fields: readonly string[], options: Pick<ProjectOpOptions, 'words' | 'today'>): FieldProblem[] {
  return buildDeclaration(raw, declarationContext(data, options)).problems.filter((p) => fields.includes(p.field))
}

/** What `project show` and the journal say about a new project. */
export function creationSummary(p: Project) {
  // The file's hash stays on the project; the journal names the file, sheet and row.
  const source = p.source ? {file: p.source.file, sheet: p.source.sheet, row: p.source.row} : null
  return {name: p.name, unit: p.unit, planYear: p.planYear, totalInvestmentFen: p.totalInvestmentFen, fiscalFundsFen: p.fiscalFundsFen, track: p.track, flags: p.flags, source}
}

export function addProject(ctx: MutationContext, raw: Record<string, RawValue>, options: ProjectOpOptions): MutationOutcome<Project> {
  const {data, index} = ctx
  const built = buildDeclaration(raw, declarationContext(data, options))
  if (!built.input) throw new InvalidInput(built.problems, true)
  const input = built.input
  const system = maintainedSystem(index, input)
  if (!system.ok) throw new InvalidInput([{field: 'systemId', code: system.code, params: system.params, article: 12}], true)
  input.systemId = system.systemId
  const continuation = continuationOf(index, input)
  if (continuation.kind === 'refused') throw new InvalidInput([{field: 'declarationNo', code: continuation.code, params: continuation.params}])
  if (continuation.kind === 'continues') {
    // a 续建 of an earlier project: its request for the year, not a second project
    const outcome = applyContinuation(continuation.project, input, null, options.now)
    if (outcome === 'unchanged') throw new Conflict('project.duplicate', {id: continuation.project.id, name: continuation.project.name, unit: continuation.project.unit})
    return {result: continuation.project, changes: [{projectId: continuation.project.id, action: 'continue', change: {...continuationSummary(continuation.project, input.planYear, null), outcome}}]}
  }
  const existing = index.findMatch(input.planYear, input.declarationNo ?? null, input.unit, input.name)
  if (existing && existing.status !== 'withdrawn') throw new Conflict('project.duplicate', {id: existing.id, name: existing.name, unit: existing.unit})
  const id = nextProjectId(data, input.planYear)
  const project = createProject(id, input, data.rules, storedRoutingReason, index.flagContext(input.planYear, input.unit), options.now, null)
  if (continuation.kind === 'before-register') project.reviewedBeforeRegister = true
  data.projects.push(project)
  index.add(project)
  return {result: project, changes: [{projectId: id, action: 'create', change: creationSummary(project)}]}
}

export interface UpdateResult {
  project: Project
  fields: DeclaredField[]
  reroute: {from: Track; to: Track; moved: boolean; addedStages: string[]} | null
}

/**
 * Applies declared facts to an existing project (from `project update` or a re-import). A changed amount
 * re-routes; flags are recomputed; an amount change after planning needs a reason and is kept as a record.
 */
export function applyDeclaration(ctx: MutationContext, project: Project, input: DeclarationInput, options: ProjectOpOptions & {reason?: string; action: string; source?: Project['source']}): MutationOutcome<UpdateResult> {
  // An identical declaration is `unchanged` whatever the project's status: only a real change must be allowed.
  const fields = changedFields(project, input)
  if (fields.length === 0) return {result: {project, fields, reroute: null}, changes: []}
  assertCanDo(project, 'update')
  const late = !isDeclarationEditable(project.status)
  if (late) {
    const locked = fields.filter((f) => !isEditableInReview(f))
    if (locked.length > 0) throw new UsageError('project.fieldLocked', {status: project.status, fields: locked})
  }
  const amountChanged = fields.includes('totalInvestmentFen')
  if (late && amountChanged && !options.reason) throw new UsageError('project.needsReason')
  const before = {declarationNo: project.declarationNo, unit: project.unit, name: project.name, planYear: project.planYear}
  const diff: Record<string, {from: unknown; to: unknown}> = {}
  for (const f of fields) diff[f] = {from: project[f], to: input[f] ?? null}
  if (amountChanged && late) {
    project.amountChanges.push({fromFen: project.totalInvestmentFen, toFen: input.totalInvestmentFen, reason: options.reason ?? '', date: options.today})
  }
  Object.assign(project, declaredFacts(input))
  if (options.source !== undefined) project.source = options.source
  project.updatedAt = options.now
  // A budget cut after the fiscal review lowers the approved amount too: it is what routes the project.
  if (amountChanged && project.approvedAmountFen !== null && input.totalInvestmentFen < project.approvedAmountFen) project.approvedAmountFen = input.totalInvestmentFen
  const moved = reroute(project, ctx.data.rules, storedRoutingReason, options.today, options.addWorkingDays)
  project.flags = computeFlags(project, ctx.index.flagContext(project.planYear, project.unit))
  ctx.index.reindex(project, before)
  const change: Record<string, unknown> = {fields: diff}
  if (moved.moved) change.track = trackChange(moved, project.routing.reason)
  if (options.reason) change.reason = options.reason
  return {result: {project, fields, reroute: moved}, changes: [{projectId: project.id, action: options.action, change}]}
}

export function updateProject(ctx: MutationContext, id: string, raw: Record<string, RawValue>, options: ProjectOpOptions & {reason?: string}): MutationOutcome<UpdateResult> {
  const project = ctx.index.require(id)
  assertCanDo(project, 'update')
  // Only the fields given are parsed; the others keep the project's values as they are.
  const built = buildDeclaration(raw, declarationContext(ctx.data, options), project)
  if (!built.input) throw new InvalidInput(built.problems, true)
  if (built.input.planYear !== project.planYear) throw new UsageError('project.yearLocked', {id})
  const system = maintainedSystem(ctx.index, built.input)
  if (!system.ok) throw new InvalidInput([{field: 'systemId', code: system.code, params: system.params, article: 12}], true)
  built.input.systemId = system.systemId
  const clash = ctx.index.findMatch(built.input.planYear, built.input.declarationNo ?? null, built.input.unit, built.input.name)
  if (clash && clash.id !== project.id && clash.status !== 'withdrawn') throw new Conflict('project.duplicate', {id: clash.id, name: clash.name, unit: clash.unit})
  return applyDeclaration(ctx, project, built.input, {...options, action: 'update'})
}

export function withdrawProject(ctx: MutationContext, id: string, options: {today: string; now: string; reason?: string}): MutationOutcome<Project> {
  const project = ctx.index.require(id)
  const {from} = moveTo(project, 'withdraw', options.today, options.now)
  // A unit may withdraw a project under review; the departments stop work on it.
  const closed = closeOpenStages(project, options.today, 'project.closedWithdrawn')
  return {result: project, changes: [{projectId: id, action: 'withdraw', change: {status: {from, to: 'withdrawn'}, reason: options.reason ?? null, ...(closed.length ? {closedStages: closed} : {})}}]}
}

export interface RouteMove {
  id: string
  name: string
  from: Track
  to: Track
  reason: string
  addedStages: string[]
  removedStages: string[]
  notRequiredStages: string[]
}

/**
 * `project route`: the projects that can still move (declared, planned, reviewing) re-routed under the rules in
 * force; the others keep the track they were reviewed and built on and are listed as kept (DESIGN §11.4).
 */
export function rerouteAll(ctx: MutationContext, options: {today: string; now: string; addWorkingDays: AddWorkingDays}): MutationOutcome<{moves: RouteMove[]; kept: Array<{id: string; status: Project['status']}>; rulesVersion: string}> {
  const moves: RouteMove[] = []
  const kept: Array<{id: string; status: Project['status']}> = []
  const changes: Change[] = []
  const rules = ctx.data.rules
  for (const project of ctx.data.projects) {
    if (isClosed(project.status)) continue
    if (!isRoutable(project.status)) {
      kept.push({id: project.id, status: project.status})
      continue
    }
    const version = project.routing.rulesVersion
    const fromStatus = project.status
    const r = reroute(project, rules, storedRoutingReason, options.today, options.addWorkingDays)
    const flags = computeFlags(project, ctx.index.flagContext(project.planYear, project.unit))
    const flagsChanged = flags.join() !== project.flags.join()
    project.flags = flags
    // A move to a lighter track may leave nothing to review: the project is cleared.
    if (r.moved && project.status === 'reviewing' && allStagesPassed(project, rules)) moveTo(project, 'reroute', options.today, options.now, 'cleared')
    if (r.moved) {
      moves.push({id: project.id, name: project.name, from: r.from, to: r.to, reason: project.routing.reason, addedStages: r.addedStages, removedStages: r.removedStages, notRequiredStages: r.notRequiredStages})
    }
    if (r.moved || flagsChanged || version !== project.routing.rulesVersion) {
      project.updatedAt = options.now
      const change: Record<string, unknown> = {track: trackChange(r, project.routing.reason), rulesVersion: project.routing.rulesVersion, flags}
      if (project.status !== fromStatus) change.status = {from: fromStatus, to: project.status}
      changes.push({projectId: project.id, action: 'reroute', change})
    }
  }
  return {result: {moves, kept, rulesVersion: rules.version}, changes}
}

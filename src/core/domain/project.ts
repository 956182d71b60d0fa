// A project's derived facts — its track, its flags, its stages — are recomputed from its declared facts and the
// rules in force whenever either changes, so that no command can leave them stale.
import {route, routingAmount, routingBasis, type RoutingBasis, type ExplainRouting} from './routing.js'
import {restage, advanceStages, type AddWorkingDays} from './stages.js'
import {matchKeyOfName} from './normalise.js'
import {isRoutable} from './lifecycle.js'
import {DECLARED_FIELDS, declaredFacts, type DeclaredField} from './declaration-fields.js'
import type {DeclarationInput, Evaluation, Project, ProjectFlag, Rules, Source, StageKey, Track, UnitRecord} from './types.js'
import {PROJECT_FLAGS, TRACK_RANK} from './types.js'

export interface FlagContext {
  /** declaration deadline of the project's plan year */
  deadline: string
  unitSuspended: boolean
  weakPerformance: boolean
  /** Art. 12: the inventory records the system as not sharing its data (absent: no inventory consulted) */
  sharesNoData?: (systemId: string) => boolean
}

/** Art. 4: an explicit "no" without a justification. */
export function isNonCompliant(p: Pick<Project, 'compliance'>): boolean {
  const c = p.compliance
  const anyNo = !c.govCloud || !c.dataSharing || !c.cityBrain || !c.egovNetwork
  return anyNo && c.justification.trim() === ''
}

export function computeFlags(p: Pick<Project, 'declaredOn' | 'compliance' | 'coUnits' | 'track'> & Partial<Pick<Project, 'kind' | 'systemId'>> & {flags?: readonly ProjectFlag[]}, ctx: FlagContext): ProjectFlag[] {
  const flags = new Set<ProjectFlag>()
  if (p.declaredOn > ctx.deadline) flags.add('late') // Art. 6
  if (isNonCompliant(p)) flags.add('non-compliant') // Art. 4, 12
  if (p.coUnits.length > 0 && p.track === 'approval') flags.add('major-multi-unit') // Art. 3
  if (ctx.unitSuspended) flags.add('unit-suspended') // Art. 17
  if (ctx.weakPerformance) flags.add('weak-performance') // Art. 20
  if (p.kind === 'operations' && p.systemId && ctx.sharesNoData?.(p.systemId)) flags.add('no-data-sharing') // Art. 12
  // set and cleared by `screen` only (Art. 4, 12): recomputing the other flags keeps it
  if (p.flags?.includes('possible-duplicate')) flags.add('possible-duplicate')
  return PROJECT_FLAGS.filter((f) => flags.has(f))
}

export function createProject(id: string, input: DeclarationInput, rules: Rules, explain: ExplainRouting, ctx: FlagContext, now: string, source: Source | null): Project {
  const routing = route({amountFen: input.totalInvestmentFen, procurementCategory: input.procurementCategory}, rules, explain)
  const project: Project = {
    id,
    planYear: input.planYear,
    ...declaredFacts(input),
    approvedAmountFen: null,
    track: routing.track,
    routing,
    status: 'declared',
    statusSince: input.declaredOn,
    flags: [],
    marks: {keyArea: false, major: false},
    stages: [],
    specialApprovals: [],
    amountChanges: [],
    construction: null,
    acceptance: null,
    evaluations: [],
    source,
    createdAt: now,
    updatedAt: now,
  }
  project.flags = computeFlags(project, ctx)
  return project
}

export {DECLARED_FIELDS, type DeclaredField}

/** Fields whose values differ, compared as JSON (field order inside objects is fixed by construction). */
export function changedFields(project: Project, input: DeclarationInput): DeclaredField[] {
  return DECLARED_FIELDS.filter((f) => JSON.stringify(project[f] ?? null) !== JSON.stringify(input[f] ?? null))
}

export interface RerouteResult {
  from: Track
  to: Track
  moved: boolean
  stricter: boolean
  /** what routed it: the declared total or the 审定金额 */
  basis: RoutingBasis
  addedStages: StageKey[]
  removedStages: StageKey[]
  notRequiredStages: StageKey[]
}

/**
 * Routes the project again under `rules` (after an amount or rules change). While reviewing, a move adds the
 * stages the new track needs (opening what can open), removes those it does not need that never started, and keeps
 * and marks those already started or decided. A project past review is not moved.
 */
export function reroute(project: Project, rules: Rules, explain: ExplainRouting, date: string, addWorkingDays: AddWorkingDays): RerouteResult {
  const from = project.track
  const basis = routingBasis(project)
  const none = {addedStages: [], removedStages: [], notRequiredStages: []}
  if (!isRoutable(project.status)) return {from, to: from, moved: false, stricter: false, basis, ...none}
  project.routing = route({amountFen: routingAmount(project), procurementCategory: project.procurementCategory, basis}, rules, explain)
  project.track = project.routing.track
  const to = project.track
  const stricter = TRACK_RANK[to] > TRACK_RANK[from]
  if (from === to || project.status !== 'reviewing') return {from, to, moved: from !== to, stricter, basis, ...none}
  const r = restage(project, to, rules)
  project.stages = r.stages
  advanceStages(project, rules, date, addWorkingDays)
  return {from, to, moved: true, stricter, basis, addedStages: r.added, removedStages: r.removed, notRequiredStages: r.notRequired}
}

/** The journal's record of a track move, which notices are read from. */
export function trackChange(r: RerouteResult, reason: string) {
  return {from: r.from, to: r.to, basis: r.basis, reason, addedStages: r.addedStages, removedStages: r.removedStages, notRequiredStages: r.notRequiredStages}
}

export function matchKey(planYear: number, unit: string, name: string): string {
  return `${planYear}\u0000${unit}\u0000${matchKeyOfName(name)}`
}

/** Art. 20: an evaluation below the score line or with a weak grade. */
export function isWeakEvaluation(e: Evaluation, rules: Rules): boolean {
  return e.score < rules.weakPerformance.scoreBelow || (e.grade !== null && rules.weakPerformance.grades.includes(e.grade))
}

/** The latest evaluation of each unit's projects, built once per command. */
export function lastEvaluationByUnit(projects: readonly Project[]): Map<string, Evaluation & {projectId: string}> {
  const last = new Map<string, Evaluation & {projectId: string}>()
  for (const p of projects) {
    for (const e of p.evaluations) {
      const current = last.get(p.unit)
      if (!current || e.date >= current.date) last.set(p.unit, {...e, projectId: p.id})
    }
  }
  return last
}

export function isUnitSuspended(units: readonly UnitRecord[], unit: string): boolean {
  return units.some((u) => u.name === unit && u.suspended)
}

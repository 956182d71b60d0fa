// Import, the register side: every validated file is checked against the register first, then applied whole or
// not at all (DESIGN §6: a file is all-or-nothing; --all-or-nothing makes the batch one unit). Re-importing is an
// idempotent upsert: matched by 申报编号, else by (plan year, unit, normalised name). A 续建 row of a later year
// continues the earlier project it names (operations/continuing.ts).
import {storedRoutingReason} from '../i18n/routing.js'
import {createProject, changedFields} from '../domain/project.js'
import {isDeclarationEditable} from '../domain/lifecycle.js'
import {nextProjectId} from '../domain/register-data.js'
import {applyDeclaration, type ProjectOpOptions} from './projects.js'
import {applyContinuation, continuationOf, continuationSummary} from './continuing.js'
import {maintainedSystem} from './systems.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import type {FileValidation, RowProblem} from '../domain/import-validation.js'
import type {Change, Project} from '../domain/types.js'

export interface FileOutcome {
  file: string
  /** rejected before the register was consulted (unreadable file, bad rows) */
  problems: RowProblem[]
  created: number
  updated: number
  /** 续建 rows recorded as a later year's request of a project already registered */
  continued: number
  unchanged: number
  status: 'imported' | 'rejected' | 'skipped'
  createdIds: string[]
  updatedIds: string[]
  continuedIds: string[]
}

export interface ImportInput {
  file: string
  validation: FileValidation | null
  /** a file refused as a whole (unreadable, too large...) */
  fileProblem: RowProblem | null
}

/** Rows that would change a project past the point where its declaration can change. */
function registerProblems(ctx: MutationContext, validation: FileValidation): RowProblem[] {
  const problems: RowProblem[] = []
  for (const d of validation.declarations) {
    const sheet = d.source.sheet ?? ''
    const system = maintainedSystem(ctx.index, d.input)
    if (!system.ok) problems.push({sheet, row: d.source.row, column: validation.columns.get(sheet)?.get('systemId') ?? null, field: 'systemId', code: system.code, params: system.params, article: 12})
    // the register keeps the system's number, whichever way the row named it
    else d.input.systemId = system.systemId
    const continuation = continuationOf(ctx.index, d.input, d.key)
    if (continuation.kind === 'refused') {
      problems.push({sheet, row: d.source.row, column: validation.columns.get(sheet)?.get('declarationNo') ?? null, field: 'declarationNo', code: continuation.code, params: continuation.params})
      continue
    }
    if (continuation.kind !== 'own-year') continue
    const match = ctx.index.findMatch(d.input.planYear, d.input.declarationNo ?? null, d.input.unit, d.input.name, d.key)
    if (!match || match.status === 'withdrawn') continue
    if (changedFields(match, d.input).length === 0) continue
    if (!isDeclarationEditable(match.status)) {
      problems.push({sheet: d.source.sheet ?? '', row: d.source.row, column: null, field: null, code: 'import.projectLocked', params: {id: match.id, status: match.status}})
    }
  }
  return problems
}

export function applyImport(ctx: MutationContext, inputs: ImportInput[], o: ProjectOpOptions & {allOrNothing: boolean}): MutationOutcome<FileOutcome[]> {
  const outcomes: FileOutcome[] = inputs.map((i) => ({file: i.file, problems: [], created: 0, updated: 0, continued: 0, unchanged: 0, status: 'imported', createdIds: [], updatedIds: [], continuedIds: []}))
  inputs.forEach((input, n) => {
    const out = outcomes[n]
    if (input.fileProblem) out.problems.push(input.fileProblem)
    if (input.validation) {
      // concat, not push(...): a file can carry a hundred thousand problems, more than a call's arguments
      out.problems = out.problems.concat(input.validation.errors)
      if (out.problems.length === 0) out.problems = registerProblems(ctx, input.validation)
    }
    if (out.problems.length > 0) out.status = 'rejected'
    else if (!input.validation || input.validation.declarations.length === 0) out.status = 'skipped'
  })
  if (o.allOrNothing && outcomes.some((f) => f.status === 'rejected')) {
    // --all-or-nothing: one rejected file keeps every file of the batch out.
    for (const f of outcomes) if (f.status === 'imported') f.status = 'skipped'
    return {result: outcomes, changes: []}
  }
  const changes: Change[] = []
  inputs.forEach((input, n) => {
    const out = outcomes[n]
    if (out.status !== 'imported' || !input.validation) return
    // One journal entry per file, listing every project it created or changed: a 50,000-row file is one change.
    const created: unknown[] = []
    const updated: unknown[] = []
    const continued: unknown[] = []
    for (const d of input.validation.declarations) {
      const continuation = continuationOf(ctx.index, d.input, d.key)
      if (continuation.kind === 'continues') {
        const outcome = applyContinuation(continuation.project, d.input, d.source, o.now)
        if (outcome === 'unchanged') out.unchanged += 1
        else {
          out.continued += 1
          out.continuedIds.push(continuation.project.id)
          continued.push({...continuationSummary(continuation.project, d.input.planYear, d.source.row), outcome})
        }
        continue
      }
      const match = ctx.index.findMatch(d.input.planYear, d.input.declarationNo ?? null, d.input.unit, d.input.name, d.key)
      if (match && match.status !== 'withdrawn') {
        const r = applyDeclaration(ctx, match, d.input, {...o, action: 'import-update', source: d.source})
        if (r.result.fields.length === 0) out.unchanged += 1
        else {
          out.updated += 1
          out.updatedIds.push(match.id)
          for (const c of r.changes) updated.push({id: c.projectId, ...(c.change as object), source: {sheet: d.source.sheet, row: d.source.row}})
        }
        continue
      }
      const id = nextProjectId(ctx.data, d.input.planYear)
      const project: Project = createProject(id, d.input, ctx.data.rules, storedRoutingReason, ctx.index.flagContext(d.input.planYear, d.input.unit), o.now, d.source)
      if (continuation.kind === 'before-register') project.reviewedBeforeRegister = true
      ctx.data.projects.push(project)
      ctx.index.add(project, d.key)
      out.created += 1
      out.createdIds.push(id)
      // What the journal keeps of a created project: enough to trace it; the rest is in the register.
      created.push({id, name: project.name, unit: project.unit, totalInvestmentFen: project.totalInvestmentFen, track: project.track, row: d.source.row, ...(project.reviewedBeforeRegister ? {reviewedBeforeRegister: true} : {})})
    }
    if (created.length + updated.length + continued.length > 0) {
      const file = input.validation.declarations[0]?.source
      changes.push({projectId: null, action: 'import', change: {file: input.file, sha256: file?.sha256 ?? null, created, updated, ...(continued.length > 0 ? {continued} : {})}})
    }
  })
  return {result: outcomes, changes}
}

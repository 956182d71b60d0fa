// Import, the register side: every validated file is checked against the register first, then applied whole or
// not at all (DESIGN §6: a file is all-or-nothing; --all-or-nothing makes the batch one unit). Re-importing is an
// idempotent upsert: matched by 申报编号, else by (plan year, unit, normalised name).
import {storedRoutingReason} from '../i18n/routing.js'
import {createProject, changedFields} from '../domain/project.js'
import {isDeclarationEditable} from '../domain/lifecycle.js'
import {nextProjectId} from '../domain/register-data.js'
import {applyDeclaration, type ProjectOpOptions} from './projects.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import type {FileValidation, RowProblem, ValidDeclaration} from '../domain/import-validation.js'
import type {Change, Project} from '../domain/types.js'

export interface FileOutcome {
  file: string
  /** rejected before the register was consulted (unreadable file, bad rows) */
  problems: RowProblem[]
  created: number
  updated: number
  unchanged: number
  status: 'imported' | 'rejected' | 'skipped'
  createdIds: string[]
  updatedIds: string[]
}

export interface ImportInput {
  file: string
  validation: FileValidation | null
  /** a file refused as a whole (unreadable, too large...) */
  fileProblem: RowProblem | null
}

/** Rows that would change a project past the point where its declaration can change. */
function registerProblems(ctx: MutationContext, declarations: ValidDeclaration[]): RowProblem[] {
  const problems: RowProblem[] = []
  for (const d of declarations) {
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
  const outcomes: FileOutcome[] = inputs.map((i) => ({file: i.file, problems: [], created: 0, updated: 0, unchanged: 0, status: 'imported', createdIds: [], updatedIds: []}))
  inputs.forEach((input, n) => {
    const out = outcomes[n]
    if (input.fileProblem) out.problems.push(input.fileProblem)
    if (input.validation) {
      // concat, not push(...): a file can carry a hundred thousand problems, more than a call's arguments
      out.problems = out.problems.concat(input.validation.errors)
      if (out.problems.length === 0) out.problems = registerProblems(ctx, input.validation.declarations)
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
    for (const d of input.validation.declarations) {
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
      ctx.data.projects.push(project)
      ctx.index.add(project, d.key)
      out.created += 1
      out.createdIds.push(id)
      // What the journal keeps of a created project: enough to trace it; the rest is in the register.
      created.push({id, name: project.name, unit: project.unit, totalInvestmentFen: project.totalInvestmentFen, track: project.track, row: d.source.row})
    }
    if (created.length + updated.length > 0) {
      const file = input.validation.declarations[0]?.source
      changes.push({projectId: null, action: 'import', change: {file: input.file, sha256: file?.sha256 ?? null, created, updated}})
    }
  })
  return {result: outcomes, changes}
}

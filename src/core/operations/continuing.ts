// A 续建 declaration (DESIGN §12): the next year of a project the register already holds becomes that project's
// request for the year, not a second project; one that continues nothing the register knows is a project whose
// reviews happened before the register, and is registered so marked.
import {hasEnded, recordAnnualRequest, type RequestOutcome} from '../domain/continuing.js'
import {annualPlanOf} from '../domain/plan.js'
import type {RegisterIndex} from '../domain/register-data.js'
import type {DeclarationInput, Project, Source} from '../domain/types.js'

export type Continuation =
  /** the row is this project's own year (already registered, or not a 续建): the usual upsert */
  | {kind: 'own-year'}
  /** the row asks money of a later year for this earlier project */
  | {kind: 'continues'; project: Project}
  /** a 续建 the register has nothing to continue: a new project, reviewed before the register */
  | {kind: 'before-register'}
  /** the row names a project it cannot continue */
  | {kind: 'refused'; code: 'import.continuesUnknownId' | 'import.continuesEnded'; params: Record<string, string | number>}

/** What a declaration of `input.planYear` is, given what the register holds. */
export function continuationOf(index: RegisterIndex, input: DeclarationInput, key?: string): Continuation {
  if (input.nature !== 'continuing') return {kind: 'own-year'}
  const same = index.findMatch(input.planYear, input.declarationNo ?? null, input.unit, input.name, key)
  if (same && same.status !== 'withdrawn') return {kind: 'own-year'}
  const found = index.findContinued(input.planYear, input.declarationNo ?? null, input.unit, input.name)
  if (found.unknownId) return {kind: 'refused', code: 'import.continuesUnknownId', params: {id: found.unknownId, year: input.planYear}}
  if (!found.project) return {kind: 'before-register'}
  if (hasEnded(found.project)) return {kind: 'refused', code: 'import.continuesEnded', params: {id: found.project.id, name: found.project.name, status: found.project.status, year: input.planYear}}
  return {kind: 'continues', project: found.project}
}

/** Records the row's request for its year on the project it continues. */
export function applyContinuation(project: Project, input: DeclarationInput, source: Source | null, now: string): RequestOutcome {
  const outcome = recordAnnualRequest(project, {
    year: input.planYear,
    // the year's figure as the plan reads a declaration: 年度计划投资, else the fiscal funds
    requestedFen: input.annualPlanFen ?? input.fiscalFundsFen,
    completedBeforeFen: input.completedBeforeFen ?? null,
    declaredOn: input.declaredOn,
    source,
  })
  if (outcome !== 'unchanged') project.updatedAt = now
  return outcome
}

/** What the journal keeps of a continuation. */
export function continuationSummary(project: Project, year: number, row: number | null) {
  return {id: project.id, name: project.name, year, requestedFen: annualPlanOf(project, year), completedBeforeFen: project.annual?.find((a) => a.year === year)?.completedBeforeFen ?? null, row}
}

// DESIGN §12: a multi-year project (续建) keeps one identity and one lifecycle across plan years. Each later year
// it asks money of is an annual request on the project; the plan of that year shows the project with that year's
// figures, and its reviews are not repeated.
import type {AnnualRequest, Project, ProjectStatus} from './types.js'

/** A project in one of these has ended: nothing continues it. */
const ENDED: readonly ProjectStatus[] = ['withdrawn', 'refused', 'dropped']

/** Still being built: a multi-year project in one of these should ask money of the next year's plan. */
const UNDER_CONSTRUCTION: readonly ProjectStatus[] = ['in-construction', 'suspended']

export function hasEnded(p: Pick<Project, 'status'>): boolean {
  return ENDED.includes(p.status)
}

export function annualRequestOf(p: Pick<Project, 'annual'>, year: number): AnnualRequest | undefined {
  return p.annual?.find((a) => a.year === year)
}

/** The project is in year's plan as a continuation of an earlier year's (not as its own first year). */
export function continuesInto(p: Project, year: number): boolean {
  return p.planYear < year && !hasEnded(p) && annualRequestOf(p, year) !== undefined
}

/** The project with the figures of plan year `year`: a later year's request replaces the first year's, and in
 * that year's plan it is a 续建 line whatever its first year's nature. */
export function projectInYear(p: Project, year: number): Project {
  if (year === p.planYear) return p
  const request = annualRequestOf(p, year)
  if (!request) return p
  return {...p, nature: 'continuing', annualPlanFen: request.requestedFen, completedBeforeFen: request.completedBeforeFen}
}

export type RequestOutcome = 'created' | 'updated' | 'unchanged'

/** Records (or replaces) the request of `request.year`; a re-import of the same row changes nothing. */
export function recordAnnualRequest(p: Project, request: AnnualRequest): RequestOutcome {
  const annual = p.annual ?? []
  const at = annual.findIndex((a) => a.year === request.year)
  if (at >= 0) {
    const before = annual[at]
    if (before.requestedFen === request.requestedFen && before.completedBeforeFen === request.completedBeforeFen && before.declaredOn === request.declaredOn) return 'unchanged'
    annual[at] = request
    p.annual = annual
    return 'updated'
  }
  p.annual = [...annual, request].sort((a, b) => a.year - b.year)
  return 'created'
}

/** Multi-year projects still being built that nobody has declared for `year` (plan build warns of them). */
export function unrequestedContinuations(projects: readonly Project[], year: number): Project[] {
  return projects.filter((p) => p.planYear < year && UNDER_CONSTRUCTION.includes(p.status) && !annualRequestOf(p, year) && continuesPastYear(p, year))
}

/**
 * A project built over more than a year: declared 续建, or asking for a period that runs past the end of its plan
 * year (建设周期 in months counted from the start of the plan year), or continued once already.
 */
function continuesPastYear(p: Project, year: number): boolean {
  if (p.nature === 'continuing' || (p.annual?.length ?? 0) > 0) return true
  return p.periodMonths !== null && p.periodMonths > (year - p.planYear) * 12
}

// Art. 6–7: the annual plan admits only eligible declarations. Each rule is small and named, returns the reason
// a project stays out (with its article), and the rules run in order so every reason is reported, not just the first.
import {annualRequestOf, continuesInto} from './continuing.js'
import type {Category, Plan, PlanSection, Project, Track} from './types.js'

export interface ExclusionReason {
  code: string
  article: number
}

type EligibilityRule = (p: Project) => ExclusionReason | null

const hasSpecialApproval = (p: Project, kind: 'late' | 'multi-unit') => p.specialApprovals.some((a) => a.kind === kind)

/** Art. 6: an undeclared (late) project needs the leading group's case-by-case decision (一事一议). */
const lateNeedsSpecialApproval: EligibilityRule = (p) => (p.flags.includes('late') && !hasSpecialApproval(p, 'late') ? {code: 'plan.excluded.late', article: 6} : null)

/** Art. 4, 12: a project that does not follow the four unifications and does not say why is not approved. */
const mustBeCompliant: EligibilityRule = (p) => (p.flags.includes('non-compliant') ? {code: 'plan.excluded.nonCompliant', article: 12} : null)

/** Art. 17: a unit held back for refusing or failing rectification gets no new approvals. */
const unitNotSuspended: EligibilityRule = (p) => (p.flags.includes('unit-suspended') ? {code: 'plan.excluded.unitSuspended', article: 17} : null)

/** Art. 3: an especially major multi-department project is decided by the leading group. */
const multiUnitNeedsDecision: EligibilityRule = (p) =>
  p.flags.includes('major-multi-unit') && !hasSpecialApproval(p, 'multi-unit') ? {code: 'plan.excluded.multiUnit', article: 3} : null

/** Art. 12: no O&M money for a system that does not share its data. */
const maintainedSystemShares: EligibilityRule = (p) => (p.flags.includes('no-data-sharing') ? {code: 'plan.excluded.noDataSharing', article: 12} : null)

export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [lateNeedsSpecialApproval, mustBeCompliant, unitNotSuspended, multiUnitNeedsDecision, maintainedSystemShares]

export function exclusionReasons(p: Project): ExclusionReason[] {
  return ELIGIBILITY_RULES.map((rule) => rule(p)).filter((r): r is ExclusionReason => r !== null)
}

/** Projects a plan for `year` considers: declared or already in the draft, of that plan year; and the multi-year
 * projects of earlier years that asked money of this one (续建, DESIGN §12), whatever their stage. */
export function candidatesFor(projects: readonly Project[], year: number): Project[] {
  return projects.filter((p) => (p.planYear === year && (p.status === 'declared' || p.status === 'planned')) || continuesInto(p, year))
}

export interface PlanSelection {
  included: Project[]
  excluded: Array<{project: Project; reasons: ExclusionReason[]}>
}

/**
 * Chooses the plan: every eligible candidate, minus the office's exclusions (--exclude), plus projects the
 * office names (--include) if they are eligible. An ineligible project stays out even when named.
 */
export function selectPlan(candidates: readonly Project[], officeExcluded: ReadonlySet<string>): PlanSelection {
  const included: Project[] = []
  const excluded: PlanSelection['excluded'] = []
  for (const p of candidates) {
    const reasons = exclusionReasons(p)
    if (officeExcluded.has(p.id)) reasons.push({code: 'plan.excluded.byOffice', article: 7})
    if (reasons.length === 0) included.push(p)
    else excluded.push({project: p, reasons})
  }
  return {included, excluded}
}

export interface AmountTotals {
  count: number
  totalInvestmentFen: number
  fiscalFundsFen: number
  annualPlanFen: number
}

export interface PlanTotals {
  all: AmountTotals
  /** 续建 / 新建 / 运维, the plan's sections (DESIGN §12) */
  bySection: Record<PlanSection, AmountTotals>
  byTrack: Record<Track, AmountTotals>
  byUnit: Array<{unit: string} & AmountTotals>
  byCategory: Record<Category, AmountTotals>
  keyArea: AmountTotals
  major: AmountTotals
}

const zero = (): AmountTotals => ({count: 0, totalInvestmentFen: 0, fiscalFundsFen: 0, annualPlanFen: 0})

/** The plan section a line is in: an O&M project, else a multi-year one continued (or declared 续建), else new. */
export function planSectionOf(p: Pick<Project, 'kind' | 'nature'>): PlanSection {
  return p.kind === 'operations' ? 'operations' : p.nature === 'continuing' ? 'continuing' : 'new'
}

/** 年度计划投资 defaults to the fiscal funds (DESIGN §6); of a later plan year, the 续建 request of that year. */
export function annualPlanOf(p: Project, year: number = p.planYear): number {
  if (year !== p.planYear) {
    const request = annualRequestOf(p, year)
    if (request) return request.requestedFen
  }
  return p.annualPlanFen ?? p.fiscalFundsFen
}

function addTo(t: AmountTotals, p: Project): void {
  t.count += 1
  t.totalInvestmentFen += p.totalInvestmentFen
  t.fiscalFundsFen += p.fiscalFundsFen
  t.annualPlanFen += annualPlanOf(p)
}

/** Art. 7 investment scale: integer sums by track, unit and category. */
export function planTotals(projects: readonly Project[]): PlanTotals {
  const totals: PlanTotals = {
    all: zero(),
    bySection: {continuing: zero(), new: zero(), operations: zero()},
    byTrack: {self: zero(), review: zero(), approval: zero()},
    byUnit: [],
    byCategory: {infrastructure: zero(), data: zero(), business: zero(), service: zero()},
    keyArea: zero(),
    major: zero(),
  }
  const units = new Map<string, {unit: string} & AmountTotals>()
  for (const p of projects) {
    addTo(totals.all, p)
    addTo(totals.bySection[planSectionOf(p)], p)
    addTo(totals.byTrack[p.track], p)
    addTo(totals.byCategory[p.category], p)
    let u = units.get(p.unit)
    if (!u) units.set(p.unit, (u = {unit: p.unit, ...zero()}))
    addTo(u, p)
    if (p.marks.keyArea) addTo(totals.keyArea, p)
    if (p.marks.major) addTo(totals.major, p)
  }
  totals.byUnit = [...units.values()].sort((a, b) => b.totalInvestmentFen - a.totalInvestmentFen || a.unit.localeCompare(b.unit, 'zh'))
  return totals
}

export function findPlan(plans: readonly Plan[], year: number): Plan | undefined {
  return plans.find((p) => p.year === year)
}

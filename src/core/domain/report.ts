// The summary leaders look at (DESIGN §5 `report`): counts and amounts by track, unit, category and status, the
// overdue stages by department, the projects waiting longest, incidents. One structure feeds the terminal, the
// HTML page and --json, so the three can never disagree.
import {daysBetween} from './dates.js'
import {executionByUnit, sumFiscalReviews, type FiscalReviewTotals, type FundsPosition, type FundsUnitTotals} from './funds.js'
import {CLOSED_STATUSES} from './lifecycle.js'
import {isWeakEvaluation, lastEvaluationByUnit} from './project.js'
import {CATEGORIES, PROJECT_FLAGS, PROJECT_STATUSES, TRACKS, type Category, type Project, type ProjectFlag, type ProjectStatus, type RegisterData, type Track} from './types.js'

export interface Amounts {
  count: number
  totalInvestmentFen: number
  fiscalFundsFen: number
}

export interface DeadlineRow {
  projectId: string
  projectName: string
  unit: string
  key: string
  department: string
  startedOn: string | null
  dueOn: string | null
  daysLeft: number | null
  /** the stage's status (`open`, `returned`); `open` for a pending acceptance, filing or evaluation deadline */
  status: string
}

/** Overdue: the due date has passed by the calendar in force (Art. 9). The one test `review list --overdue`, `report`
 * and `review remind` share. */
export function isOverdue(row: Pick<DeadlineRow, 'daysLeft'>): boolean {
  return row.daysLeft !== null && row.daysLeft < 0
}

/** Due today or within `workingDays` working days, not yet overdue (what a 催办单 lists beside the overdue). */
export function isDueWithin(row: Pick<DeadlineRow, 'daysLeft'>, workingDays: number): boolean {
  return row.daysLeft !== null && row.daysLeft >= 0 && row.daysLeft <= workingDays
}

export interface ReportData {
  year: number | null
  asOf: string
  generatedAt: string
  rulesVersion: string
  auditHead: string | null
  totals: Amounts
  byTrack: Array<{track: Track} & Amounts>
  byCategory: Array<{category: Category} & Amounts>
  byStatus: Array<{status: ProjectStatus} & Amounts>
  byUnit: Array<{unit: string; suspended: boolean; weakPerformance: boolean} & Amounts>
  flags: Array<{flag: ProjectFlag; count: number}>
  deadlinesByDepartment: Array<{department: string; open: number; overdue: number; items: DeadlineRow[]}>
  stuck: Array<{projectId: string; projectName: string; unit: string; status: ProjectStatus; since: string; days: number}>
  incidents: Array<{projectId: string; projectName: string; unit: string; kind: string; date: string; description: string}>
  // ── funds (branch funds, issue 18) ──
  /** the year's fiscal review: 送审, 审定, 审减 of the projects whose review is decided, 审减率 on the sums */
  fiscalReview: FiscalReviewTotals
  /** the budgets of the approved plans (of the year, or of every year): by unit and in total, with the execution rate */
  execution: {byUnit: FundsUnitTotals[]; totals: FundsPosition}
  // ── end funds ──
}

const zero = (): Amounts => ({count: 0, totalInvestmentFen: 0, fiscalFundsFen: 0})
function add(a: Amounts, p: Project): void {
  a.count += 1
  a.totalInvestmentFen += p.totalInvestmentFen
  a.fiscalFundsFen += p.fiscalFundsFen
}

/** The day the project entered its current status (registers written before statusSince: its last update). */
export function statusSince(p: Project): string {
  return p.statusSince ?? p.updatedAt.slice(0, 10)
}

export function buildReport(data: RegisterData, o: {year: number | null; asOf: string; generatedAt: string; deadlines: DeadlineRow[]}): ReportData {
  const projects = data.projects.filter((p) => o.year === null || p.planYear === o.year)
  const counted = projects.filter((p) => p.status !== 'withdrawn')
  const totals = zero()
  const byTrack = new Map(TRACKS.map((k) => [k, zero()]))
  const byCategory = new Map(CATEGORIES.map((k) => [k, zero()]))
  const byStatus = new Map(PROJECT_STATUSES.map((k) => [k, zero()]))
  const byUnit = new Map<string, Amounts>()
  const flags = new Map(PROJECT_FLAGS.map((f) => [f, 0]))
  for (const p of counted) {
    add(totals, p)
    add(byTrack.get(p.track)!, p)
    add(byCategory.get(p.category)!, p)
    add(byStatus.get(p.status)!, p)
    if (!byUnit.has(p.unit)) byUnit.set(p.unit, zero())
    add(byUnit.get(p.unit)!, p)
    for (const f of p.flags) flags.set(f, (flags.get(f) ?? 0) + 1)
  }
  // withdrawn projects are still counted by status, so the status table accounts for every declaration
  for (const p of projects) if (p.status === 'withdrawn') add(byStatus.get('withdrawn')!, p)
  const evaluations = lastEvaluationByUnit(data.projects)
  const ids = new Set(projects.map((p) => p.id))
  const departments = new Map<string, DeadlineRow[]>()
  for (const row of o.deadlines) {
    if (!ids.has(row.projectId)) continue
    departments.set(row.department, [...(departments.get(row.department) ?? []), row])
  }
  const stuck = projects
    .filter((p) => !CLOSED_STATUSES.includes(p.status))
    .map((p) => {
      const since = statusSince(p)
      return {projectId: p.id, projectName: p.name, unit: p.unit, status: p.status, since, days: Math.max(0, daysBetween(since, o.asOf))}
    })
    .sort((a, b) => b.days - a.days || a.projectId.localeCompare(b.projectId))
    .slice(0, 10)
  const incidents = projects.flatMap((p) => (p.construction?.incidents ?? []).map((i) => ({projectId: p.id, projectName: p.name, unit: p.unit, kind: i.kind, date: i.date, description: i.description})))
  return {
    year: o.year,
    asOf: o.asOf,
    generatedAt: o.generatedAt,
    rulesVersion: data.rules.version,
    auditHead: data.audit.head,
    totals,
    byTrack: TRACKS.map((track) => ({track, ...byTrack.get(track)!})),
    byCategory: CATEGORIES.map((category) => ({category, ...byCategory.get(category)!})),
    byStatus: PROJECT_STATUSES.map((status) => ({status, ...byStatus.get(status)!})).filter((s) => s.count > 0),
    byUnit: [...byUnit.entries()]
      .map(([unit, a]) => {
        const last = evaluations.get(unit)
        return {unit, suspended: data.units.some((u) => u.name === unit && u.suspended), weakPerformance: last !== undefined && isWeakEvaluation(last, data.rules), ...a}
      })
      .sort((a, b) => b.totalInvestmentFen - a.totalInvestmentFen || a.unit.localeCompare(b.unit, 'zh')),
    flags: PROJECT_FLAGS.map((flag) => ({flag, count: flags.get(flag) ?? 0})),
    deadlinesByDepartment: [...departments.entries()]
      .map(([department, items]) => ({department, open: items.length, overdue: items.filter(isOverdue).length, items: items.sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0))}))
      .sort((a, b) => b.overdue - a.overdue || a.department.localeCompare(b.department, 'zh')),
    stuck,
    incidents: incidents.sort((a, b) => b.date.localeCompare(a.date)),
    fiscalReview: sumFiscalReviews(counted),
    execution: executionByUnit(data, o.year),
  }
}

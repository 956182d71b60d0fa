// Money through the lifecycle (DESIGN §13; Art. 5, 15, 20): what the fiscal review cut from what was sent to it,
// and each plan year's budget of a project — the approved annual investment, less what the funding group cut
// (压减) or recovered (收回), against what has been paid (拨付). Integer 分 throughout; a rate is a fraction
// rounded once, at the end, from the exact integers.
import {latestVersion, versionsOf} from './plan-versions.js'
import type {FundsKind, FundsRecord, Plan, PlanLine, PlanVersion, Project, ProjectStatus, RegisterData} from './types.js'

/** Rates are fractions kept to 4 decimals: 0.1765 is 17.65 %. */
export const RATE_DECIMALS = 4
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS)

/**
 * `part / whole` as a fraction rounded half up (away from zero) at the 4th decimal, computed on the exact integers
 * of 分 so no binary fraction decides a boundary (15 / 85 = 0.17647… → 0.1765; 1 / 20,000 = 0.00005 → 0.0001).
 * Null when `whole` is 0: a rate of nothing is not 0 %, it is no rate.
 */
export function rateOf(part: number, whole: number): number | null {
  if (whole === 0) return null
  const negative = (part < 0) !== (whole < 0)
  const p = BigInt(Math.abs(part))
  const w = BigInt(Math.abs(whole))
  // round(p / w · 10⁴) half up = floor((2·p·10⁴ + w) / 2w)
  const scaled = (2n * p * RATE_SCALE + w) / (2n * w)
  const value = Number(scaled) / Number(RATE_SCALE)
  return negative && value !== 0 ? -value : value
}

// ── the fiscal review: 送审, 审定, 审减, 审减率 ──

export interface FiscalReview {
  /** 送审金额: the total when the fiscal review opened */
  submittedFen: number
  /** 审定金额; null until the review passes */
  approvedFen: number | null
  /** 审减金额 = 送审 − 审定 (negative when the review approved more, with a reason, DESIGN §11.8); null until decided */
  reducedFen: number | null
  /** 审减率 = 审减 / 送审, a fraction to 4 decimals (0.1765); null until decided or when nothing was sent */
  reductionRate: number | null
}

const STARTED: ReadonlySet<string> = new Set(['open', 'returned', 'passed', 'failed'])

/**
 * The project's fiscal review, or null when it has none (the track needs none, or the stage has not opened).
 * A project whose review opened before 送审 was recorded was sent its total; a pass without an amount approved what
 * was sent.
 */
export function fiscalReviewOf(p: Pick<Project, 'stages' | 'totalInvestmentFen' | 'approvedAmountFen' | 'fiscalSubmittedFen'>): FiscalReview | null {
  const stage = p.stages.find((s) => s.key === 'fiscal-review')
  if (!stage || !STARTED.has(stage.status)) return null
  const submittedFen = p.fiscalSubmittedFen ?? p.totalInvestmentFen
  if (stage.status !== 'passed') return {submittedFen, approvedFen: null, reducedFen: null, reductionRate: null}
  const approvedFen = p.approvedAmountFen ?? stage.approvedAmountFen ?? submittedFen
  const reducedFen = submittedFen - approvedFen
  return {submittedFen, approvedFen, reducedFen, reductionRate: rateOf(reducedFen, submittedFen)}
}

/** A project as `project show` and `project list` print it: with its fiscal review beside its fields. */
export type ProjectWithMoney = Project & {fiscalReview: FiscalReview | null}

export function withFiscalReview(p: Project): ProjectWithMoney {
  return {...p, fiscalReview: fiscalReviewOf(p)}
}

/** Records 送审 as the fiscal review opens: the total at that moment, kept whatever the total becomes later. */
export function recordFiscalSubmission(p: Pick<Project, 'totalInvestmentFen' | 'fiscalSubmittedFen'>): void {
  if (p.fiscalSubmittedFen === undefined) p.fiscalSubmittedFen = p.totalInvestmentFen
}

export interface FiscalReviewTotals {
  /** the projects whose fiscal review has been decided with an amount */
  count: number
  submittedFen: number
  approvedFen: number
  reducedFen: number
  reductionRate: number | null
}

/**
 * The year's 审减 as leaders quote it: the projects whose review is decided, their 送审 and 审定 added in 分 and the
 * rate computed once on the sums (never an average of rates). Reviews still open are not counted: their 审减 is
 * not known yet.
 */
export function sumFiscalReviews(projects: readonly Project[]): FiscalReviewTotals {
  const t = {count: 0, submittedFen: 0, approvedFen: 0, reducedFen: 0}
  for (const p of projects) {
    const r = fiscalReviewOf(p)
    if (!r || r.approvedFen === null) continue
    t.count += 1
    t.submittedFen += r.submittedFen
    t.approvedFen += r.approvedFen
    t.reducedFen += r.submittedFen - r.approvedFen
  }
  return {...t, reductionRate: rateOf(t.reducedFen, t.submittedFen)}
}

// ── the year's budget: planned, cut, recovered, paid ──

export interface FundsPosition {
  /** 年度计划投资 as the approved plan holds it */
  plannedFen: number
  cutFen: number
  recoveredFen: number
  /** the year's available budget: planned − cut − recovered */
  availableFen: number
  paidFen: number
  /** what can still be paid: available − paid */
  remainingFen: number
  /** 执行率 = paid / available, 4 decimals; null when nothing is available */
  executionRate: number | null
}

/** The records of one plan year. */
export function recordsOf(p: Pick<Project, 'funds'>, year: number): FundsRecord[] {
  return (p.funds ?? []).filter((r) => r.year === year)
}

/** A project's budget position for a year from its planned figure and the records of that year. */
export function fundsPosition(plannedFen: number, records: readonly FundsRecord[]): FundsPosition {
  const sums: Record<FundsKind, number> = {pay: 0, cut: 0, recover: 0}
  for (const r of records) sums[r.kind] += r.amountFen
  return positionOf(plannedFen, sums.cut, sums.recover, sums.pay)
}

export function positionOf(plannedFen: number, cutFen: number, recoveredFen: number, paidFen: number): FundsPosition {
  const availableFen = plannedFen - cutFen - recoveredFen
  return {plannedFen, cutFen, recoveredFen, availableFen, paidFen, remainingFen: availableFen - paidFen, executionRate: rateOf(paidFen, availableFen)}
}

/** Positions added up in 分, the rate computed on the sums. */
export function sumPositions(positions: Iterable<FundsPosition>): FundsPosition {
  let planned = 0
  let cut = 0
  let recovered = 0
  let paid = 0
  for (const x of positions) {
    planned += x.plannedFen
    cut += x.cutFen
    recovered += x.recoveredFen
    paid += x.paidFen
  }
  return positionOf(planned, cut, recovered, paid)
}

/** Where a project's budget for a year comes from: the approved plan that holds it. */
export interface BudgetSource {
  year: number
  line: PlanLine
  /** the version of the plan that holds the line (the latest approved one holding the project) */
  version: PlanVersion
  /** the government approval of the first version that held the project: nothing is paid before it */
  since: string
}

/** The approved line of `id` in `plan`: from the latest version that holds it (an amendment may have removed it). */
export function budgetSource(plan: Plan, id: string): BudgetSource | null {
  const versions = versionsOf(plan)
  let since: string | null = null
  let found: {line: PlanLine; version: PlanVersion} | null = null
  for (const v of versions) {
    const line = v.lines.find((l) => l.id === id)
    if (!line) continue
    since ??= v.approvedOn
    found = {line, version: v}
  }
  return found && since !== null ? {year: plan.year, ...found, since} : null
}

/** True when the latest approved version of the plan still holds the project. */
export function inLatestVersion(plan: Plan, id: string): boolean {
  return latestVersion(plan)?.lines.some((l) => l.id === id) ?? false
}

/**
 * The plan year a money record of project `id` dated `date` belongs to: `year` when given; else the year of the date
 * when that year's approved plan holds the project (a multi-year project paid in 2027 draws on its 2027 budget), else
 * the latest year whose approved plan (its latest version) holds it. Null when no approved plan holds it.
 */
export function budgetFor(plans: readonly Plan[], id: string, year: number | null, date: string): BudgetSource | null {
  if (year !== null) {
    const plan = plans.find((p) => p.year === year)
    return plan && inLatestVersion(plan, id) ? budgetSource(plan, id) : null
  }
  const holding = plans.filter((p) => inLatestVersion(p, id)).sort((a, b) => b.year - a.year)
  const chosen = holding.find((p) => p.year === Number(date.slice(0, 4))) ?? holding[0]
  return chosen ? budgetSource(chosen, id) : null
}

/** The years of approved plans that hold the project now, for the message when none was found for a year. */
export function budgetYears(plans: readonly Plan[], id: string): number[] {
  return plans.filter((p) => inLatestVersion(p, id)).map((p) => p.year).sort((a, b) => a - b)
}

/** A project that ended (refused, withdrawn, dropped) is paid nothing more; its budget can still be cut or recovered. */
const NOT_PAYABLE: readonly ProjectStatus[] = ['refused', 'withdrawn', 'dropped']

export function isPayable(status: ProjectStatus): boolean {
  return !NOT_PAYABLE.includes(status)
}

/** Why a money record is refused, as a catalogue code and its figures; null when it may be recorded. */
export interface FundsRefusal {
  code: 'funds.amountZero' | 'funds.beyondAvailable' | 'funds.belowPaid' | 'funds.dateBeforeApproval'
  /** amounts in 分, for the message to format */
  amounts: Record<string, number>
  dates?: Record<string, string>
}

/**
 * Art. 15 and the budget: a payment may not exceed what is left of the year's available budget; a cut or a
 * recovery may not take the available budget below what has already been paid; nothing is dated before the
 * government approved the plan that holds the project.
 */
export function checkFundsRecord(kind: FundsKind, amountFen: number, date: string, position: FundsPosition, since: string): FundsRefusal | null {
  if (amountFen <= 0) return {code: 'funds.amountZero', amounts: {amount: amountFen}}
  if (date < since) return {code: 'funds.dateBeforeApproval', amounts: {}, dates: {date, since}}
  if (kind === 'pay') {
    if (amountFen > position.remainingFen) return {code: 'funds.beyondAvailable', amounts: {amount: amountFen, ...amountsOf(position)}}
    return null
  }
  const after = position.availableFen - amountFen
  if (after < position.paidFen) return {code: 'funds.belowPaid', amounts: {amount: amountFen, after, ...amountsOf(position)}}
  return null
}

function amountsOf(x: FundsPosition): Record<string, number> {
  return {planned: x.plannedFen, cut: x.cutFen, recovered: x.recoveredFen, available: x.availableFen, paid: x.paidFen, remaining: x.remainingFen}
}

/** A rate as people read it: 0.1765 → 17.65%, from the 4 decimals kept (no further rounding). */
export function formatRate(rate: number): string {
  const basis = Math.round(Math.abs(rate) * 10 ** RATE_DECIMALS)
  return `${rate < 0 ? '-' : ''}${Math.floor(basis / 100)}.${String(basis % 100).padStart(2, '0')}%`
}

/** One project of `funds list`: its budget position for the year and its contract amount. */
export interface FundsRow extends FundsPosition {
  id: string
  unit: string
  name: string
  contractAmountFen: number | null
}

export interface FundsUnitTotals extends FundsPosition {
  unit: string
  count: number
}

// ── the year's budgets, project by project, by unit and in total: the one model of `funds list`, the
// 资金执行情况表 and `report` ──

export interface FundsView {
  year: number
  /** the approved version of the plan the budgets come from; null when the year has no approved plan */
  version: number | null
  projects: FundsRow[]
  byUnit: FundsUnitTotals[]
  totals: FundsPosition
}

/**
 * The year's budgets: every project the latest approved version of the plan holds, and any project it no longer
 * holds (an amendment removed it) that has money records of the year, with the figure it was last approved with.
 * By unit (largest planned investment first), then by project id; `unit` keeps the units whose name contains it.
 */
export function fundsView(data: RegisterData, year: number, unit: string | null = null): FundsView {
  const plan = data.plans.find((p) => p.year === year)
  const latest = latestVersion(plan)
  const byId = new Map(data.projects.map((p) => [p.id, p]))
  const ids = new Set(latest?.lines.map((l) => l.id) ?? [])
  if (plan && versionsOf(plan).length > 0) for (const p of data.projects) if (!ids.has(p.id) && recordsOf(p, year).length > 0) ids.add(p.id)
  const rows: FundsRow[] = []
  for (const id of ids) {
    const p = byId.get(id)
    const source = plan ? budgetSource(plan, id) : null
    if (!p || !source) continue
    if (unit !== null && !p.unit.includes(unit)) continue
    rows.push(rowOf(p, source.line.annualPlanFen, year))
  }
  const units = new Map<string, FundsRow[]>()
  for (const r of rows) units.set(r.unit, [...(units.get(r.unit) ?? []), r])
  const byUnit = unitTotals(units)
  const order = new Map(byUnit.map((u, i) => [u.unit, i]))
  rows.sort((a, b) => order.get(a.unit)! - order.get(b.unit)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return {year, version: latest?.version ?? null, projects: rows, byUnit, totals: sumPositions(rows)}
}

function rowOf(p: Project, plannedFen: number, year: number): FundsRow {
  return {id: p.id, unit: p.unit, name: p.name, ...fundsPosition(plannedFen, recordsOf(p, year)), contractAmountFen: p.construction?.contractAmountFen ?? null}
}

/**
 * The execution rate by unit for `report`: the year's budgets, or with no year every year whose plan the government
 * approved, added up per unit in 分.
 */
export function executionByUnit(data: RegisterData, year: number | null): {byUnit: FundsUnitTotals[]; totals: FundsPosition} {
  const years = year !== null ? [year] : data.plans.filter((p) => versionsOf(p).length > 0).map((p) => p.year)
  const rows = years.flatMap((y) => fundsView(data, y).projects)
  const units = new Map<string, FundsRow[]>()
  for (const r of rows) units.set(r.unit, [...(units.get(r.unit) ?? []), r])
  return {byUnit: unitTotals(units), totals: sumPositions(rows)}
}

function unitTotals(units: ReadonlyMap<string, FundsRow[]>): FundsUnitTotals[] {
  return [...units.entries()].map(([unit, list]) => ({unit, count: list.length, ...sumPositions(list)})).sort((a, b) => b.plannedFen - a.plannedFen || a.unit.localeCompare(b.unit, 'zh'))
}

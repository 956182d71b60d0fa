// Money in the terminal (branch funds, DESIGN §13): rates as 17.65 %, the year's budget line of `project show`,
// the money history, the `funds list` table with its unit subtotals and total.
import {t, word} from '../core/i18n/index.js'
import {formatWan} from '../core/domain/money.js'
import {budgetSource, fiscalReviewOf, formatRate, fundsPosition, recordsOf, type FundsPosition} from '../core/domain/funds.js'
import type {FundsView} from '../core/operations/funds.js'
import type {Plan, Project} from '../core/domain/types.js'
import {renderTable} from './table.js'
import {out} from './ui.js'

export const rateText = (rate: number | null) => (rate === null ? t('rate.none') : formatRate(rate))

/** 送审 / 审定 / 审减 / 审减率 of the fiscal review, or nothing when it has not opened. */
export function fiscalReviewLines(p: Project): string[] {
  const r = fiscalReviewOf(p)
  if (!r) return []
  if (r.approvedFen === null) return [`  ${t('show.fiscalReviewOpen', {submitted: formatWan(r.submittedFen)})}`]
  return [`  ${t('show.fiscalReview', {submitted: formatWan(r.submittedFen), approved: formatWan(r.approvedFen), reduced: formatWan(r.reducedFen ?? 0), rate: rateText(r.reductionRate)})}`]
}

export function positionText(year: number, x: FundsPosition): string {
  return t('show.fundsYear', {year, planned: formatWan(x.plannedFen), cut: formatWan(x.cutFen), recovered: formatWan(x.recoveredFen), available: formatWan(x.availableFen), paid: formatWan(x.paidFen), rate: rateText(x.executionRate)})
}

/** Each year's budget of the approved plans that hold the project, then every payment, cut and recovery. */
export function moneyHistoryLines(p: Project, plans: readonly Plan[]): string[] {
  const l: string[] = []
  for (const plan of [...plans].sort((a, b) => a.year - b.year)) {
    const source = budgetSource(plan, p.id)
    if (!source) continue
    l.push(`  ${positionText(plan.year, fundsPosition(source.line.annualPlanFen, recordsOf(p, plan.year)))}`)
  }
  for (const r of p.funds ?? []) {
    l.push(
      `    ${t('show.fundsRecord', {
        date: r.date,
        kind: word('fundsKind', r.kind),
        amount: formatWan(r.amountFen),
        year: r.year,
        doc: r.documentNo ? t('journal.doc', {doc: r.documentNo}) : '',
        reason: r.reason ? t('journal.reason', {reason: r.reason}) : '',
        note: r.note ? t('show.fundsNote', {note: r.note}) : '',
      })}`,
    )
  }
  return l
}

const COLUMNS = () => [t('table.id'), t('table.name'), t('funds.col.planned'), t('funds.col.cut'), t('funds.col.recovered'), t('funds.col.available'), t('funds.col.paid'), t('funds.col.rate'), t('funds.col.contract')]
const money = (x: FundsPosition) => [formatWan(x.plannedFen), formatWan(x.cutFen), formatWan(x.recoveredFen), formatWan(x.availableFen), formatWan(x.paidFen), rateText(x.executionRate)]

/** `funds list`: by unit, each unit's projects then its 小计, the 合计 last. */
export function fundsTable(v: FundsView): string {
  const rows: Array<Array<string | number>> = []
  for (const u of v.byUnit) {
    for (const p of v.projects.filter((x) => x.unit === u.unit)) rows.push([p.id, p.name, ...money(p), p.contractAmountFen === null ? '' : formatWan(p.contractAmountFen)])
    rows.push(['', out.bold(t('funds.subtotal', {unit: u.unit, count: u.count})), ...money(u), ''])
  }
  rows.push(['', out.bold(t('funds.total', {count: v.projects.length})), ...money(v.totals), ''])
  return [out.bold(t('funds.title', {year: v.year, version: v.version ?? ''})), renderTable(COLUMNS(), rows, ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'])].join('\n')
}

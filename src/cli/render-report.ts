// `report` in the terminal: the same numbers as --json and --html, as tables with simple bars.
import {t, codeText, word} from '../core/i18n/index.js'
import {formatWan} from '../core/domain/money.js'
import type {ReportData} from '../core/domain/report.js'
import type {FundsPosition} from '../core/domain/funds.js'
import {renderTable, bar, padDisplay, displayWidth} from './table.js'
import {out} from './ui.js'
import {rateText} from './render-funds.js'

// ── funds (branch funds, issue 18): the year's 审减 as a headline, the execution rate by unit ──
function fiscalReviewHeadline(r: ReportData): string[] {
  const f = r.fiscalReview
  if (f.count === 0) return [t('report.fiscalReviewNone')]
  return [
    out.bold(t('report.fiscalReview', {count: f.count, submitted: formatWan(f.submittedFen), approved: formatWan(f.approvedFen), reduced: formatWan(f.reducedFen), rate: rateText(f.reductionRate)})),
    bars([
      {label: t('funds.col.submitted'), value: f.submittedFen, text: formatWan(f.submittedFen)},
      {label: t('funds.col.approved'), value: f.approvedFen, text: formatWan(f.approvedFen)},
      {label: t('report.fiscalReduced'), value: Math.max(0, f.reducedFen), text: formatWan(f.reducedFen)},
    ]),
  ]
}

function executionLines(r: ReportData): string[] {
  const l = [out.underline(t('report.execution'))]
  const e = r.execution
  if (e.byUnit.length === 0) return [...l, `  ${t('report.executionNone')}`]
  const money = (x: FundsPosition) => [formatWan(x.availableFen), formatWan(x.paidFen), rateText(x.executionRate)]
  const rows = e.byUnit.map((u) => [u.unit, u.count, ...money(u)])
  rows.push([t('funds.total', {count: e.byUnit.reduce((s, u) => s + u.count, 0)}), '', ...money(e.totals)])
  l.push(renderTable([t('table.unit'), t('report.projects'), t('funds.col.available'), t('funds.col.paid'), t('funds.col.rate')], rows, ['left', 'right', 'right', 'right', 'right']))
  return l
}

function bars(rows: Array<{label: string; value: number; text: string}>): string {
  const max = Math.max(0, ...rows.map((r) => r.value))
  const width = Math.max(...rows.map((r) => displayWidth(r.label)), 8)
  return rows.map((r) => `  ${padDisplay(r.label, width)}  ${r.text.padStart(14)}  ${bar(r.value, max)}`).join('\n')
}

export function renderReport(r: ReportData): string {
  const l: string[] = []
  l.push(out.bold(r.year === null ? t('report.titleAll') : t('report.title', {year: r.year})) + out.dim(`  ${t('report.asOf', {asOf: r.asOf})}`))
  l.push(t('report.summaryLine', {count: r.totals.count, total: formatWan(r.totals.totalInvestmentFen), fiscal: formatWan(r.totals.fiscalFundsFen)}))
  l.push(...fiscalReviewHeadline(r))
  l.push(out.underline(t('report.byTrack')))
  l.push(bars(r.byTrack.map((x) => ({label: `${word('track', x.track)}（${x.count}）`, value: x.totalInvestmentFen, text: formatWan(x.totalInvestmentFen)}))))
  l.push(out.underline(t('report.byCategory')))
  l.push(bars(r.byCategory.map((x) => ({label: `${word('category', x.category)}（${x.count}）`, value: x.totalInvestmentFen, text: formatWan(x.totalInvestmentFen)}))))
  l.push(out.underline(t('report.byStatus')))
  l.push(bars(r.byStatus.map((x) => ({label: word('status', x.status), value: x.count, text: String(x.count)}))))
  l.push(out.underline(t('report.byUnit')))
  l.push(
    renderTable(
      [t('table.unit'), t('report.projects'), t('table.total'), t('table.fiscal'), t('report.standing')],
      r.byUnit.map((u) => [u.unit, u.count, formatWan(u.totalInvestmentFen), formatWan(u.fiscalFundsFen), [u.suspended ? word('flag', 'unit-suspended') : '', u.weakPerformance ? word('flag', 'weak-performance') : ''].filter(Boolean).join('、')]),
      ['left', 'right', 'right', 'right', 'left'],
    ),
  )
  l.push(...executionLines(r))
  const flagged = r.flags.filter((f) => f.count > 0)
  if (flagged.length > 0) l.push(t('report.flagsLine', {flags: flagged.map((f) => `${word('flag', f.flag)} ${f.count}`)}))
  l.push(out.underline(t('report.deadlines')))
  if (r.deadlinesByDepartment.length === 0) l.push(`  ${t('review.listEmpty')}`)
  for (const d of r.deadlinesByDepartment) {
    const text = t('review.departmentTitle', {department: d.department, count: d.open, overdue: d.overdue})
    l.push(`  ${d.overdue > 0 ? out.red(text) : text}`)
  }
  if (r.stuck.length > 0) {
    l.push(out.underline(t('report.stuck')))
    l.push(renderTable([t('table.id'), t('table.name'), t('table.status'), t('report.since'), t('report.days')], r.stuck.map((s) => [s.projectId, s.projectName, word('status', s.status), s.since, s.days]), ['left', 'left', 'left', 'left', 'right']))
  }
  if (r.incidents.length > 0) {
    l.push(out.underline(t('report.incidents')))
    for (const i of r.incidents) l.push(`  ${i.date} ${i.projectId} ${i.projectName}：${codeText(`incident.${i.kind}`)} — ${i.description}`)
  }
  return l.join('\n')
}

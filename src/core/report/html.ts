// One self-contained page (inline CSS and SVG, no script, no network) that a clerk can open or print: the same
// ReportData as `report --json`, so the page can be checked against it number by number.
import {t, codeText, word, type Lang, type MessageKey} from '../i18n/index.js'
import {formatWan} from '../domain/money.js'
import {formatLocalTime} from '../domain/iso-date.js'
import type {ReportData} from '../domain/report.js'
import {formatRate, type FundsPosition} from '../domain/funds.js'

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

interface Bar {
  label: string
  value: number
  text: string
}

/** A horizontal bar chart as inline SVG; values are 分, labels already in words. */
function barChart(title: string, bars: Bar[]): string {
  const rowHeight = 26
  const labelWidth = 230
  const barWidth = 360
  const height = bars.length * rowHeight + 10
  const max = Math.max(1, ...bars.map((b) => b.value))
  const rows = bars
    .map((b, i) => {
      const y = i * rowHeight + 5
      const w = b.value > 0 ? Math.max(2, Math.round((b.value / max) * barWidth)) : 0
      return (
        `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(b.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" rx="2" class="bar"/>` +
        `<text x="${labelWidth + w + 6}" y="${y + 16}" class="num">${escapeHtml(b.text)}</text>`
      )
    })
    .join('')
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 140}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 140} ${height}">${rows}</svg></figure>`
}

function table(headers: string[], rows: Array<Array<string | number>>, numeric: number[] = []): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(String(c))}</td>`).join('')}</tr>`).join('')
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
}

export function renderReportHtml(r: ReportData, lang: Lang): string {
  const T = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, params, lang)
  const wan = (fen: number) => `${formatWan(fen)} 万元`
  const rate = (v: number | null) => (v === null ? T('rate.none') : formatRate(v))
  const title = r.year === null ? T('report.titleAll') : T('report.title', {year: r.year})
  const sections: string[] = []
  sections.push(
    `<section class="cards">` +
      `<div class="card"><div class="k">${escapeHtml(T('report.projects'))}</div><div class="v" data-total-count>${r.totals.count}</div></div>` +
      `<div class="card"><div class="k">${escapeHtml(T('report.totalInvestment'))}</div><div class="v" data-total-investment>${escapeHtml(wan(r.totals.totalInvestmentFen))}</div></div>` +
      `<div class="card"><div class="k">${escapeHtml(T('report.fiscalFunds'))}</div><div class="v" data-total-fiscal>${escapeHtml(wan(r.totals.fiscalFundsFen))}</div></div>` +
      `<div class="card"><div class="k">${escapeHtml(T('report.overdue'))}</div><div class="v" data-total-overdue>${r.deadlinesByDepartment.reduce((s, d) => s + d.overdue, 0)}</div></div>` +
      // branch funds: the figures leaders quote, 审减 and 审减率 of the year's fiscal reviews
      `<div class="card"><div class="k">${escapeHtml(T('report.fiscalReduced'))}</div><div class="v" data-fiscal-reduced>${escapeHtml(wan(r.fiscalReview.reducedFen))}</div></div>` +
      `<div class="card"><div class="k">${escapeHtml(T('report.fiscalReductionRate'))}</div><div class="v" data-fiscal-rate>${escapeHtml(rate(r.fiscalReview.reductionRate))}</div></div>` +
      `</section>`,
  )
  sections.push(`<p>${escapeHtml(r.fiscalReview.count === 0 ? T('report.fiscalReviewNone') : T('report.fiscalReview', {count: r.fiscalReview.count, submitted: formatWan(r.fiscalReview.submittedFen), approved: formatWan(r.fiscalReview.approvedFen), reduced: formatWan(r.fiscalReview.reducedFen), rate: rate(r.fiscalReview.reductionRate)}))}</p>`)
  sections.push(
    `<section class="charts">` +
      barChart(T('report.byTrack'), r.byTrack.map((x) => ({label: `${word('track', x.track, lang)}（${x.count}）`, value: x.totalInvestmentFen, text: wan(x.totalInvestmentFen)}))) +
      barChart(T('report.byCategory'), r.byCategory.map((x) => ({label: `${word('category', x.category, lang)}（${x.count}）`, value: x.totalInvestmentFen, text: wan(x.totalInvestmentFen)}))) +
      barChart(T('report.byStatus'), r.byStatus.map((x) => ({label: word('status', x.status, lang), value: x.count, text: String(x.count)}))) +
      barChart(T('report.byUnit'), r.byUnit.slice(0, 20).map((x) => ({label: `${x.unit}（${x.count}）`, value: x.totalInvestmentFen, text: wan(x.totalInvestmentFen)}))) +
      `</section>`,
  )
  sections.push(`<h2>${escapeHtml(T('report.byUnit'))}</h2>`)
  sections.push(
    table(
      [T('table.unit'), T('report.projects'), T('table.total'), T('table.fiscal'), T('report.standing')],
      r.byUnit.map((u) => [u.unit, u.count, formatWan(u.totalInvestmentFen), formatWan(u.fiscalFundsFen), [u.suspended ? word('flag', 'unit-suspended', lang) : '', u.weakPerformance ? word('flag', 'weak-performance', lang) : ''].filter(Boolean).join('、')]),
      [1, 2, 3],
    ),
  )
  sections.push(`<h2>${escapeHtml(T('report.execution'))}</h2>`)
  if (r.execution.byUnit.length === 0) sections.push(`<p>${escapeHtml(T('report.executionNone'))}</p>`)
  else {
    sections.push(barChart(T('report.execution'), r.execution.byUnit.slice(0, 20).map((u) => ({label: u.unit, value: Math.round((u.executionRate ?? 0) * 10_000), text: rate(u.executionRate)}))))
    const money = (x: FundsPosition) => [formatWan(x.plannedFen), formatWan(x.cutFen), formatWan(x.recoveredFen), formatWan(x.availableFen), formatWan(x.paidFen), rate(x.executionRate)]
    sections.push(
      table(
        [T('table.unit'), T('report.projects'), T('funds.col.planned'), T('funds.col.cut'), T('funds.col.recovered'), T('funds.col.available'), T('funds.col.paid'), T('funds.col.rate')],
        [...r.execution.byUnit.map((u) => [u.unit, u.count, ...money(u)]), [T('funds.total', {count: r.execution.byUnit.reduce((n, u) => n + u.count, 0)}), '', ...money(r.execution.totals)]],
        [1, 2, 3, 4, 5, 6, 7],
      ),
    )
  }
  sections.push(`<h2>${escapeHtml(T('report.deadlines'))}</h2>`)
  if (r.deadlinesByDepartment.length === 0) sections.push(`<p>${escapeHtml(T('review.listEmpty'))}</p>`)
  for (const d of r.deadlinesByDepartment) {
    sections.push(`<h3>${escapeHtml(T('review.departmentTitle', {department: d.department, count: d.open, overdue: d.overdue}))}</h3>`)
    sections.push(
      table(
        [T('table.id'), T('table.name'), T('table.unit'), T('review.stage'), T('review.due'), T('review.daysLeft')],
        d.items.map((i) => [i.projectId, i.projectName, i.unit, word('stage', i.key, lang), i.dueOn ?? '', i.daysLeft === null ? '' : i.daysLeft < 0 ? T('review.overdueDays', {days: -i.daysLeft}) : T('review.leftDays', {days: i.daysLeft})]),
      ),
    )
  }
  sections.push(`<h2>${escapeHtml(T('report.stuck'))}</h2>`)
  sections.push(table([T('table.id'), T('table.name'), T('table.unit'), T('table.status'), T('report.since'), T('report.days')], r.stuck.map((s) => [s.projectId, s.projectName, s.unit, word('status', s.status, lang), s.since, s.days]), [5]))
  if (r.incidents.length > 0) {
    sections.push(`<h2>${escapeHtml(T('report.incidents'))}</h2>`)
    sections.push(table([T('table.id'), T('table.name'), T('table.unit'), T('report.incidentKind'), T('field.date'), T('report.description')], r.incidents.map((i) => [i.projectId, i.projectName, i.unit, codeText(`incident.${i.kind}`, {}, lang), i.date, i.description])))
  }
  const footer = T('report.footer', {asOf: r.asOf, generatedAt: formatLocalTime(r.generatedAt), rules: r.rulesVersion, head: r.auditHead ?? ''})
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #1f5fa8;padding-bottom:4px}h3{font-size:14px;margin:16px 0 6px}
.sub{color:#666;font-size:13px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}.card{border:1px solid #d0d7e2;border-radius:6px;padding:10px 16px;min-width:160px}.card .k{color:#666;font-size:12px}.card .v{font-size:20px;font-weight:bold}
.charts{display:flex;flex-wrap:wrap;gap:18px}figure{margin:0}figcaption{font-weight:bold;font-size:14px;margin:6px 0}
svg text{font-size:12px;fill:#333}svg text.num{fill:#555}.bar{fill:#1f5fa8}
table{border-collapse:collapse;font-size:12px;margin:6px 0}th,td{border:1px solid #c8ced8;padding:3px 8px;text-align:left}th{background:#eef2f8}td.num{text-align:right}
footer{margin-top:32px;color:#777;font-size:11px;word-break:break-all}
@media print{body{margin:10mm}.charts{page-break-inside:avoid}h2{page-break-after:avoid}table{page-break-inside:auto}tr{page-break-inside:avoid}}
@page{size:A4 landscape;margin:12mm}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="sub">${escapeHtml(T('report.asOf', {asOf: r.asOf}))}</div>
${sections.join('\n')}
<footer>${escapeHtml(footer)}</footer>
</body>
</html>
`
}

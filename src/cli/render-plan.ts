// The plan in the terminal: included projects with their marks, the investment scale, and why others are out.
import {t, word} from '../core/i18n/index.js'
import {formatWan} from '../core/domain/money.js'
import {TRACKS, CATEGORIES, type Project} from '../core/domain/types.js'
import type {PlanView} from '../core/operations/plan.js'
import {renderTable, bar, padDisplay} from './table.js'
import {out} from './ui.js'
import {flagsText} from './render.js'

export function renderPlan(view: PlanView, projects: Map<string, Project>): string {
  const l: string[] = []
  l.push(out.bold(t('plan.title', {year: view.year, status: view.status === 'none' ? t('plan.none') : word('planStatus', view.status)})))
  for (const a of view.approvals) l.push(`  ${t('plan.approvalLine', {by: word('approver', a.by), doc: a.documentNo, date: a.date})}`)
  const rows = view.included.map((id) => projects.get(id)!).map((p) => [
    p.id,
    p.unit,
    p.name,
    formatWan(p.totalInvestmentFen),
    word('track', p.track),
    [p.marks.keyArea ? t('plan.markKeyArea') : '', p.marks.major ? t('plan.markMajor') : ''].filter(Boolean).join(' '),
    flagsText(p),
  ])
  if (rows.length > 0) l.push(renderTable([t('table.id'), t('table.unit'), t('table.name'), t('table.total'), t('table.track'), t('plan.marks'), t('table.flags')], rows, ['left', 'left', 'left', 'right']))
  const totals = view.totals
  l.push(out.bold(t('plan.scale', {count: totals.all.count, total: formatWan(totals.all.totalInvestmentFen), fiscal: formatWan(totals.all.fiscalFundsFen)})))
  const maxTrack = Math.max(...TRACKS.map((k) => totals.byTrack[k].totalInvestmentFen))
  for (const k of TRACKS) l.push(`  ${padDisplay(word('track', k), 28)} ${String(totals.byTrack[k].count).padStart(3)}  ${formatWan(totals.byTrack[k].totalInvestmentFen).padStart(12)}  ${bar(totals.byTrack[k].totalInvestmentFen, maxTrack)}`)
  const maxCat = Math.max(...CATEGORIES.map((k) => totals.byCategory[k].totalInvestmentFen))
  for (const k of CATEGORIES) l.push(`  ${padDisplay(word('category', k), 28)} ${String(totals.byCategory[k].count).padStart(3)}  ${formatWan(totals.byCategory[k].totalInvestmentFen).padStart(12)}  ${bar(totals.byCategory[k].totalInvestmentFen, maxCat)}`)
  if (totals.keyArea.count || totals.major.count) l.push(`  ${t('plan.markTotals', {keyArea: totals.keyArea.count, keyAreaTotal: formatWan(totals.keyArea.totalInvestmentFen), major: totals.major.count, majorTotal: formatWan(totals.major.totalInvestmentFen)})}`)
  if (view.excluded.length > 0) {
    l.push(out.bold(t('plan.excludedTitle', {count: view.excluded.length})))
    for (const e of view.excluded) {
      const p = projects.get(e.id)
      l.push(`  ${e.id} ${p?.name ?? ''}（${p?.unit ?? ''}）：${e.reasons.map((r) => t(r)).join('；')}`)
    }
  }
  return l.join('\n')
}

// The plan in the terminal: included projects with their marks, the investment scale, and why others are out.
import {t, codeText, word} from '../core/i18n/index.js'
import {formatWan} from '../core/domain/money.js'
import {TRACKS, CATEGORIES, type Project} from '../core/domain/types.js'
import type {PlanView, ResolvedPlan} from '../core/operations/plan.js'
import {changeValueText} from '../core/i18n/values.js'
import {renderTable, bar, padDisplay} from './table.js'
import {out} from './ui.js'
import {flagsText} from './render.js'

function versionLine(view: PlanView): string {
  if (view.version !== null) return t('plan.versionLine', {version: view.version, count: view.versions.length})
  if (view.amendment) return t('plan.amendmentLine', {status: word('planStatus', view.amendment.status === 'draft' ? 'draft' : 'adopted'), reason: view.amendment.reason, added: view.amendment.added.length ? view.amendment.added : '—', removed: view.amendment.removed.length ? view.amendment.removed : '—'})
  return t('plan.draftLine')
}

export function renderPlan({view, projects: shown}: ResolvedPlan, projects: Map<string, Project>): string {
  const l: string[] = []
  l.push(out.bold(t('plan.title', {year: view.year, status: view.status === 'none' ? t('plan.none') : word('planStatus', view.status)})))
  if (view.status !== 'none') l.push(`  ${versionLine(view)}`)
  for (const a of view.approvals) l.push(`  ${t('plan.approvalLine', {by: word('approver', a.by), doc: a.documentNo, date: a.date})}`)
  if (view.versions.length > 1 || (view.version === null && view.versions.length > 0)) {
    for (const v of view.versions) l.push(`  ${out.dim(t('plan.versionHistory', {version: v.version, date: v.approvedOn, docs: v.approvals.map((a) => a.documentNo), reason: v.reason ?? t('plan.versionFirst')}))}`)
  }
  const rows = shown.map((p) => [
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
      l.push(`  ${e.id} ${p?.name ?? ''}（${p?.unit ?? ''}）：${e.reasons.map((r) => codeText(r)).join('；')}`)
    }
  }
  if (view.version !== null) {
    const changes = view.changesSinceApproval
    l.push(out.bold(t('plan.changesTitle', {count: changes.length, version: view.version})))
    if (changes.length === 0) l.push(`  ${t('plan.changesNone')}`)
    else {
      l.push(
        renderTable(
          [t('table.id'), t('table.name'), t('plan.changeField'), t('plan.changeApproved'), t('plan.changeCurrent'), t('plan.changeDate'), t('plan.changeReason')],
          changes.map((c) => [c.id, projects.get(c.id)?.name ?? '', codeText(`planField.${c.field}`), changeValueText(c.field, c.approved), changeValueText(c.field, c.current), c.date, c.reason]),
          ['left', 'left', 'left', 'right', 'right', 'left', 'left'],
        ),
      )
    }
    if (view.amendment) l.push(`  ${out.yellow(versionLine({...view, version: null}))}`)
  }
  return l.join('\n')
}

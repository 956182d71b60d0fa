// Human rendering of projects and lists; JSON output never passes through here.
import {t, codeText, word, getLang} from '../core/i18n/index.js'
import {routingAmount, routingBasis} from '../core/domain/routing.js'
import {explainRouting} from '../core/i18n/routing.js'
import {formatWan} from '../core/domain/money.js'
import {nextSteps} from '../core/domain/lifecycle.js'
import type {Project} from '../core/domain/types.js'
import type {Notice} from '../core/domain/notices.js'
import type {Params} from '../core/domain/errors.js'
import {out} from './ui.js'
import {renderTable} from './table.js'

/** The stored reason is Chinese (it goes into exports); other languages re-explain it from the same snapshot. */
export function routingReason(p: Project): string {
  if (getLang() === 'zh') return p.routing.reason
  const limits = {goods: p.routing.procurementLimitFen, services: p.routing.procurementLimitFen, works: p.routing.procurementLimitFen}
  return explainRouting({amountFen: routingAmount(p), procurementCategory: p.procurementCategory, basis: routingBasis(p)}, {procurementLimitFen: limits, approvalStandardFen: p.routing.approvalStandardFen}, getLang())
}

export function flagsText(p: Project): string {
  return p.flags.map((f) => word('flag', f)).join('、')
}

/** The few lines printed after a change: what the project is now, and what can be done next. */
export function projectSummary(p: Project): string {
  const lines = [
    `${out.bold(p.id)} ${p.name}（${p.unit}）`,
    `  ${t('project.statusLine', {status: word('status', p.status)})}`,
    `  ${t('project.trackLine', {track: out.cyan(word('track', p.track))})}`,
    `  ${t('project.reasonLine', {reason: routingReason(p)})}`,
  ]
  if (p.flags.length > 0) lines.push(`  ${out.yellow(t('project.flagsLine', {flags: flagsText(p)}))}`)
  const steps = nextSteps(p)
  if (steps.length > 0) lines.push(`  ${out.dim(t('common.nextSteps', {steps}))}`)
  return lines.join('\n')
}

export function projectTable(projects: Project[]): string {
  return renderTable(
    [t('table.id'), t('table.unit'), t('table.name'), t('table.total'), t('table.fiscal'), t('table.track'), t('table.status'), t('table.flags')],
    projects.map((p) => [p.id, p.unit, p.name, formatWan(p.totalInvestmentFen), formatWan(p.fiscalFundsFen), word('track', p.track), word('status', p.status), flagsText(p)]),
    ['left', 'left', 'left', 'right', 'right', 'left', 'left', 'left'],
  )
}

/** A notice in the clerk's words: closed-list values (tracks, stages, reasons, fields) in words too. */
export function noticeText(n: Notice): string {
  const p: Record<string, unknown> = {...n.params}
  if (typeof p.from === 'string') p.from = word('track', p.from)
  if (typeof p.to === 'string') p.to = word('track', p.to)
  if (Array.isArray(p.stages)) p.stages = p.stages.map((s) => word('stage', String(s)))
  if (Array.isArray(p.reasons)) p.reasons = p.reasons.map((r) => codeText(String(r)))
  if (typeof p.field === 'string') p.field = codeText(`planField.${p.field}`)
  return codeText(n.code, p as Params)
}

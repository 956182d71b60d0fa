// `project show` in the terminal: everything about one project, grouped as a clerk reads a file.
import {t, word} from '../core/i18n/index.js'
import {formatWan} from '../core/domain/money.js'
import {nextSteps} from '../core/domain/lifecycle.js'
import type {JournalEntry, Project} from '../core/domain/types.js'
import {out} from './ui.js'
import {flagsText, routingReason} from './render.js'

const yn = (v: boolean) => (v ? t('yes') : out.red(t('no')))

export function projectDetails(p: Project, history: JournalEntry[]): string {
  const l: string[] = []
  l.push(out.bold(`${p.id}  ${p.name}`))
  l.push(out.underline(t('show.section.basic')))
  l.push(`  ${t('field.unit')}: ${p.unit}${p.coUnits.length ? `；${t('field.coUnits')}: ${p.coUnits.join('、')}` : ''}`)
  l.push(`  ${t('field.planYear')}: ${p.planYear}  ${t('field.declarationNo')}: ${p.declarationNo ?? t('common.none')}  ${t('field.declaredOn')}: ${p.declaredOn}`)
  l.push(`  ${t('field.nature')}: ${word('nature', p.nature)}  ${t('field.category')}: ${word('category', p.category)}  ${t('field.procurementCategory')}: ${word('procurementCategory', p.procurementCategory)}`)
  l.push(`  ${t('show.amounts', {total: formatWan(p.totalInvestmentFen), fiscal: formatWan(p.fiscalFundsFen)})}`)
  if (p.approvedAmountFen !== null) l.push(`  ${t('show.approved', {approved: formatWan(p.approvedAmountFen)})}`)
  l.push(`  ${t('show.compliance', {govCloud: yn(p.compliance.govCloud), dataSharing: yn(p.compliance.dataSharing), cityBrain: yn(p.compliance.cityBrain), egovNetwork: yn(p.compliance.egovNetwork)})}`)
  if (p.compliance.justification) l.push(`  ${t('field.justification')}: ${p.compliance.justification}`)
  if (p.contact.name || p.contact.phone) l.push(`  ${t('field.contact')}: ${p.contact.name} ${p.contact.phone}`)
  if (p.summary) l.push(`  ${t('field.summary')}: ${p.summary}`)
  l.push(`  ${t('project.statusLine', {status: word('status', p.status)})}`)
  if (p.flags.length) l.push(`  ${out.yellow(t('project.flagsLine', {flags: flagsText(p)}))}`)
  if (p.source) l.push(`  ${t('show.source', {file: p.source.file, sheet: p.source.sheet ?? '', row: p.source.row ?? ''})}`)
  l.push(out.underline(t('show.section.routing')))
  l.push(`  ${word('track', p.track)}`)
  l.push(`  ${routingReason(p)}（${p.routing.rulesVersion}）`)
  l.push(out.underline(t('show.section.stages')))
  if (p.stages.length === 0) l.push(`  ${t('show.noStages')}`)
  for (const s of p.stages) {
    let line = `  ${t('show.stageLine', {stage: word('stage', s.key), department: s.department, status: word('stageStatus', s.status)})}`
    if (s.startedOn) line += t('show.stageDue', {started: s.startedOn, due: s.dueOn ?? ''})
    if (s.decidedOn) line += t('show.stageDecided', {date: s.decidedOn})
    l.push(line)
  }
  if (history.length > 0) {
    l.push(out.underline(t('show.section.history')))
    for (const e of history) l.push(`  ${e.at.slice(0, 19).replace('T', ' ')}  ${e.operator}  ${e.action}  ${out.dim(e.command)}`)
  }
  const steps = nextSteps(p)
  if (steps.length) l.push(out.dim(t('common.nextSteps', {steps})))
  return l.join('\n')
}

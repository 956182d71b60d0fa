// What a lifecycle step recorded, said back before the new status: the clerk checks the record, not only where
// the project went.
import {t, codeText, word} from '../core/i18n/index.js'
import {isWeakEvaluation, lastEvaluationByUnit} from '../core/domain/project.js'
import type {JournalEntry, Project, RegisterData} from '../core/domain/types.js'
import {out} from './ui.js'

interface Written {
  data: RegisterData
  entries: readonly JournalEntry[]
}

/** The projects whose flags the step changed so that `flag` was set (`gained`) or lifted. */
function flagMoves(entries: readonly JournalEntry[], flag: string): {gained: string[]; lost: string[]} {
  const gained: string[] = []
  const lost: string[] = []
  for (const e of entries) {
    if (e.action !== 'flags' || !e.projectId) continue
    const c = e.change as {from?: unknown; to?: unknown}
    const had = Array.isArray(c.from) && c.from.includes(flag)
    const has = Array.isArray(c.to) && c.to.includes(flag)
    if (has && !had) gained.push(e.projectId)
    if (had && !has) lost.push(e.projectId)
  }
  return {gained, lost}
}

/** `evaluate`: the score and grade recorded, and what they mean for the unit's later declarations (Art. 20). */
export function evaluationEcho(p: Project, {data, entries}: Written): string {
  const e = p.evaluations.at(-1)!
  const lines = [t('evaluate.recorded', {id: p.id, score: e.score, grade: e.grade ?? t('common.none'), date: e.date})]
  const rules = data.rules
  const last = lastEvaluationByUnit(data.projects).get(p.unit)
  const weak = last !== undefined && isWeakEvaluation(last, rules)
  const flag = word('flag', 'weak-performance')
  const {gained, lost} = flagMoves(entries, 'weak-performance')
  if (last && (last.projectId !== p.id || last.date !== e.date)) lines.push(`  ${t('evaluate.laterEvaluation', {unit: p.unit, id: last.projectId, date: last.date, score: last.score})}`)
  if (weak) {
    lines.push(`  ${out.yellow(t('evaluate.weak', {unit: p.unit, scoreBelow: rules.weakPerformance.scoreBelow, grades: rules.weakPerformance.grades, flag}))}`)
    if (gained.length > 0) lines.push(`  ${out.yellow(t('evaluate.flagged', {count: gained.length, ids: gained, flag}))}`)
  } else {
    lines.push(`  ${t('evaluate.notWeak', {unit: p.unit, scoreBelow: rules.weakPerformance.scoreBelow})}`)
    if (lost.length > 0) lines.push(`  ${t('evaluate.unflagged', {count: lost.length, ids: lost, flag})}`)
  }
  return lines.join('\n')
}

/** `construction report`: the incident as recorded (kind, date, description), and how many the project has. */
export function incidentEcho(p: Project): string {
  const incidents = p.construction?.incidents ?? []
  const i = incidents.at(-1)!
  return [
    t('construction.reported', {id: p.id, kind: codeText(`incident.${i.kind}`), date: i.date}),
    `  ${t('show.fact', {label: t('report.description'), value: i.description})}`,
    `  ${out.dim(t('construction.incidentCount', {count: incidents.length}))}`,
  ].join('\n')
}

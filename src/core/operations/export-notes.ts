// The 说明 rows every export ends with: the rules in force (DESIGN §3, §4) and where the printed table comes
// from (the export time, the journal head, the tool and the template). Their words are templates/notes.json.
import {formatWan} from '../domain/money.js'
import {localTimeParts} from '../domain/iso-date.js'
import {fillTemplate, chineseOrdinal} from '../i18n/fill.js'
import {word} from '../i18n/index.js'
import {readPackageJson} from '../package-root.js'
import {loadNotesText, type NoteRow, type NoteText, type NotesText} from '../excel/layout/notes-sheet.js'
import type {RegisterData, Rules} from '../domain/types.js'
import type {RegionWords} from '../domain/region.js'

export type {NoteRow}

/** One 说明 row from its words, placeholders filled. */
export function noteRow(text: NoteText, params: Record<string, string | number> = {}): NoteText {
  return {label: fillTemplate(text.label, params), value: fillTemplate(text.value, params)}
}

export type NotesWords = NotesText & {wan: (fen: number) => string}

/** The shared words, and `50.00 万元` for an amount in 分. */
export function notesText(region: RegionWords): NotesWords {
  const words = loadNotesText(region)
  return {...words, wan: (fen) => fillTemplate(words.amount, {amount: formatWan(fen)})}
}

/** The rules in force: limits, the approval standard (flagged while it is an assumption), times, citations. */
function rulesNotes(rules: Rules, words: NotesWords): NoteRow[] {
  const r = words.rules.rows
  const limits = rules.procurementLimitFen
  const track = (t: string) => word('track', t, 'zh')
  const rows: NoteRow[] = [
    {section: words.rules.section},
    noteRow(r.version, {version: rules.version}),
    noteRow(r.limitGoods, {amount: words.wan(limits.goods)}),
    noteRow(r.limitServices, {amount: words.wan(limits.services)}),
    noteRow(r.limitWorks, {amount: words.wan(limits.works)}),
    noteRow(rules.approvalStandardConfirmed ? r.approvalStandard : r.approvalStandardAssumed, {amount: words.wan(rules.approvalStandardFen)}),
    noteRow(r.tracks, {self: track('self'), review: track('review'), approval: track('approval')}),
  ]
  for (const s of rules.stages) {
    rows.push(noteRow(r.timeLimit, {stage: word('stage', s.key, 'zh'), days: rules.timeLimits[s.key], department: s.department, article: chineseOrdinal(s.article)}))
  }
  rows.push(
    noteRow(r.acceptanceApply, {months: rules.deadlines.acceptanceApplyMonths}),
    noteRow(r.filing, {days: rules.deadlines.filingWorkingDays}),
    noteRow(r.evaluation, {months: rules.deadlines.evaluationMonths}),
    noteRow(r.weakPerformance, {score: rules.weakPerformance.scoreBelow, grades: rules.weakPerformance.grades.join(words.listSeparator)}),
  )
  for (const [key, text] of Object.entries(rules.citations)) {
    // The citation copied at init calls the default an assumption; once the office has set the standard, the
    // article and the confirmed figure are cited instead.
    const confirmed = key === 'approvalStandardFen' && rules.approvalStandardConfirmed
    const params = {name: words.rules.citationLabels[key] ?? key, text, amount: words.wan(rules.approvalStandardFen), version: rules.version}
    rows.push(noteRow(confirmed ? r.approvalStandardConfirmedCitation : r.citation, params))
  }
  return rows
}

/** The local time of `exportedAt` with its UTC offset; null when it is no timestamp. */
function localTime(exportedAt: string): {local: string; zone: string} | null {
  const parts = localTimeParts(exportedAt)
  return parts && {local: `${parts.date} ${parts.seconds}`, zone: `UTC${parts.offset}`}
}

/** Where the printed table comes from: the export time, the journal head, the tool and the template. */
function traceNotes(data: RegisterData, o: {exportedAt: string; template: string; templateVersion: string}, words: NotesWords): NoteRow[] {
  const r = words.trace.rows
  let version = ''
  try {
    version = readPackageJson<{version?: string}>('package.json').version ?? ''
  } catch {
    // the version is a courtesy; the audit head is what traces the table
  }
  const time = localTime(o.exportedAt)
  const {head, seq} = data.audit
  const tool = noteRow(r.tool, {version})
  return [
    {section: words.trace.section},
    time ? noteRow(r.exportedAt, {...time, exportedAt: o.exportedAt}) : {label: r.exportedAt.label, value: o.exportedAt},
    head === null ? noteRow(r.noAudit) : seq ? noteRow(r.auditHeadSeq, {head, seq}) : noteRow(r.auditHead, {head}),
    noteRow(r.check),
    {...tool, value: tool.value.trim()},
    noteRow(r.template, {file: o.template, version: o.templateVersion}),
  ]
}

/** The rules in force and the trace, as every export's 说明 sheet ends. */
export function closingNotes(data: RegisterData, o: {exportedAt: string; template: string; templateVersion: string}, words: NotesWords): NoteRow[] {
  return [...rulesNotes(data.rules, words), ...traceNotes(data, o, words)]
}

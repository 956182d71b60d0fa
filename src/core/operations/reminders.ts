// 催办单 (Art. 9: "相关部门应严格遵守审批时限"): one note per reviewing department, listing its stages that are past
// their time limit and those due within N working days, as `review list` computes them (the same rows, the same
// overdue test, the calendar in force). The writer (excel/reminder-export.ts) only lays each note out.
import {fillTemplate} from '../i18n/fill.js'
import {word} from '../i18n/index.js'
import {UsageError} from '../domain/errors.js'
import {isDueWithin, isOverdue} from '../domain/report.js'
import {STAGE_KEYS, type RegisterData, type Rules, type StageKey} from '../domain/types.js'
import {readReminderTemplate, REMINDER_TEMPLATE_FILE, type ReminderTemplate} from '../excel/reminder-template.js'
import type {ReminderModel} from '../excel/reminder-export.js'
import {closingNotes, noteRow, notesText, type NoteRow} from './export-notes.js'
import {kindsOf, rowOf, type ColumnTable} from './sheet-columns.js'
import type {OpenStageRow} from './review.js'
import {regionWordsOf} from '../domain/region.js'

/** `2027年2月17日`: how a date is written on an official note. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

interface ReminderCell {
  row: OpenStageRow
  seq: number
  t: ReminderTemplate
  rules: Rules
}

const isStage = (key: string): key is StageKey => (STAGE_KEYS as readonly string[]).includes(key)

function daysText({row, t}: ReminderCell): string | null {
  if (row.daysLeft === null) return null
  if (row.daysLeft === 0) return t.days.today
  return fillTemplate(row.daysLeft < 0 ? t.days.overdue : t.days.left, {days: Math.abs(row.daysLeft)})
}

/** The columns a 催办单 may show: the kind of each and how it reads a stage. */
export const REMINDER_COLUMNS = {
  seq: {kind: 'integer', cell: ({seq}) => seq},
  id: {kind: 'text', cell: ({row}) => row.projectId},
  name: {kind: 'text', cell: ({row}) => row.projectName},
  unit: {kind: 'text', cell: ({row}) => row.unit},
  stage: {kind: 'text', cell: ({row}) => word('stage', row.key, 'zh')},
  startedOn: {kind: 'date', cell: ({row}) => row.startedOn},
  dueOn: {kind: 'date', cell: ({row}) => row.dueOn},
  days: {kind: 'text', cell: daysText},
  timeLimit: {kind: 'text', cell: ({row, t, rules}) => (isStage(row.key) ? fillTemplate(t.timeLimit, {days: rules.timeLimits[row.key]}) : null)},
} satisfies ColumnTable<ReminderCell>

/** The reviewing departments: those of the rules' stages in their order, then any an older stage still names. */
export function reviewDepartments(rules: Rules, rows: readonly OpenStageRow[]): string[] {
  return [...new Set([...rules.stages.map((s) => s.department), ...rows.filter((r) => isStage(r.key)).map((r) => r.department)])]
}

/** `--department`: the full name, or a part of it that names one department only (财政局 → 市财政局). */
export function matchDepartment(name: string, departments: readonly string[]): string {
  const wanted = name.trim()
  if (departments.includes(wanted)) return wanted
  const matches = departments.filter((d) => d.includes(wanted))
  if (matches.length === 1) return matches[0]
  if (matches.length > 1) throw new UsageError('remind.ambiguousDepartment', {department: wanted, matches})
  throw new UsageError('remind.unknownDepartment', {department: wanted, departments: [...departments]})
}

/** A department's name as part of a file name: characters no file system takes become _. */
export function fileNamePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || '_'
}

export interface ReminderOptions {
  data: RegisterData
  /** the open stages and deadlines as `review list` shows them on `asOf` */
  rows: readonly OpenStageRow[]
  asOf: string
  /** working days ahead; the template's default when null */
  within: number | null
  /** a department name (or a unique part of one); every department when null */
  department: string | null
  exportedAt: string
  uncoveredYears: readonly number[]
}

export interface Reminders {
  within: number
  notes: ReminderModel[]
  /** departments asked about that have nothing to chase (no note is written for them) */
  quiet: string[]
}

/** The 催办单 of each department with something overdue or due within `within` working days. */
export function reminders(o: ReminderOptions): Reminders {
  const t = readReminderTemplate(kindsOf(REMINDER_COLUMNS), regionWordsOf(o.data.settings))
  const within = o.within ?? t.defaultWithinWorkingDays
  const departments = reviewDepartments(o.data.rules, o.rows)
  const asked = o.department === null ? departments : [matchDepartment(o.department, departments)]
  const notes: ReminderModel[] = []
  const quiet: string[] = []
  for (const department of asked) {
    const mine = o.rows.filter((r) => r.department === department && isStage(r.key))
    const overdue = mine.filter(isOverdue).sort((a, b) => a.daysLeft! - b.daysLeft! || a.projectId.localeCompare(b.projectId))
    const dueSoon = mine.filter((r) => isDueWithin(r, within)).sort((a, b) => a.daysLeft! - b.daysLeft! || a.projectId.localeCompare(b.projectId))
    if (overdue.length + dueSoon.length === 0) {
      quiet.push(department)
      continue
    }
    notes.push(noteOf(t, department, overdue, dueSoon, {...o, within}))
  }
  return {within, notes, quiet}
}

function noteOf(t: ReminderTemplate, department: string, overdue: OpenStageRow[], dueSoon: OpenStageRow[], o: ReminderOptions & {within: number}): ReminderModel {
  const date = chineseDate(o.asOf)
  const words = {issuer: t.issuer, department, date, asOf: o.asOf, within: o.within, overdue: overdue.length, dueSoon: dueSoon.length}
  let seq = 0
  const rowsOf = (list: OpenStageRow[]) => list.map((row) => rowOf(REMINDER_COLUMNS, t.columns, {row, seq: ++seq, t, rules: o.data.rules}))
  const n = t.notes.rows
  const rows: NoteRow[] = [
    {section: t.notes.section},
    noteRow(n.department, words),
    noteRow(n.asOf, words),
    noteRow(n.within, words),
    noteRow(n.count, words),
    noteRow(n.method, words),
    ...(o.uncoveredYears.length > 0 ? [noteRow(n.uncoveredYears, {years: o.uncoveredYears.join('、')})] : []),
    ...closingNotes(o.data, {exportedAt: o.exportedAt, template: REMINDER_TEMPLATE_FILE, templateVersion: t.version}, notesText(regionWordsOf(o.data.settings))),
  ]
  return {
    template: t,
    department,
    fileName: fillTemplate(t.fileName, {department: fileNamePart(department), asOf: o.asOf}),
    title: fillTemplate(t.title, words),
    dateLine: fillTemplate(t.unitNote, words),
    addressee: fillTemplate(t.addressee, words),
    body: fillTemplate(t.body, words),
    sections: [
      {label: fillTemplate(t.sections.overdue, {...words, count: overdue.length}), rows: rowsOf(overdue)},
      {label: fillTemplate(t.sections.dueSoon, {...words, count: dueSoon.length}), rows: rowsOf(dueSoon)},
    ],
    contact: fillTemplate(t.closing.contact, words),
    signature: t.closing.signature.map((line) => fillTemplate(line, words)),
    notes: {title: fillTemplate(t.notes.title, words), rows},
    overdue,
    dueSoon,
  }
}

// The 说明 sheet that lets a printed table be traced back to the register: a title and two columns, 项目 / 内容,
// sections in bands. Its words are data (templates/notes.json and each template's `notes`); the operations layer
// fills them in, this module lays them out.
import {z} from 'zod'
import type {Workbook} from 'exceljs'
import {addSheet, fillRow, writeBandRow, writeDataRow} from './table-rows.js'
import {loadTemplate, text, type PrintSpec} from './template-schema.js'
import type {TableStyles} from './styles.js'
import type {RegionWords} from '../../domain/region.js'

export type NoteRow = {section: string} | {label: string; value: string}

export interface NotesSheetModel {
  title: string
  rows: NoteRow[]
}

/** One row's words: both may hold {placeholders}. */
export const noteText = z.object({label: text(), value: z.string({message: '应为文字'})})
export type NoteText = z.infer<typeof noteText>

/** A fixed set of rows by key: each must be there, so a row cannot silently go missing. */
export function noteTexts<K extends string>(keys: readonly K[]) {
  return z.object(Object.fromEntries(keys.map((k) => [k, noteText])) as Record<K, typeof noteText>)
}

export const NOTES_TEXT_FILE = 'notes.json'

const RULE_ROWS = ['version', 'limitGoods', 'limitServices', 'limitWorks', 'approvalStandard', 'approvalStandardAssumed', 'tracks', 'timeLimit', 'acceptanceApply', 'filing', 'evaluation', 'weakPerformance', 'citation', 'approvalStandardConfirmedCitation'] as const
const TRACE_ROWS = ['exportedAt', 'auditHead', 'auditHeadSeq', 'noAudit', 'check', 'tool', 'template'] as const

const notesTextSchema = z.object({
  listSeparator: z.string({message: '应为文字'}),
  amount: text(),
  rules: z.object({section: text(), rows: noteTexts(RULE_ROWS), citationLabels: z.record(text())}),
  trace: z.object({section: text(), rows: noteTexts(TRACE_ROWS)}),
})

export type NotesText = z.infer<typeof notesTextSchema>

/** templates/notes.json: the 说明 rows every export shares (the rules in force, where the table comes from). */
export function loadNotesText(region: RegionWords): NotesText {
  return loadTemplate(NOTES_TEXT_FILE, notesTextSchema, region)
}

export function writeNotesSheet(wb: Workbook, name: string, model: NotesSheetModel, print: PrintSpec, styles: TableStyles): void {
  const ws = addSheet(wb, name, print, [30, 110], null)
  const titleRow = ws.getRow(1)
  titleRow.height = 32
  fillRow(titleRow, [model.title], styles.title)
  ws.mergeCells(1, 1, 1, 2)
  titleRow.commit()
  let r = 2
  for (const note of model.rows) {
    r += 1
    if ('section' in note) writeBandRow(ws, r, note.section, 2, styles.notesSection)
    else writeDataRow(ws, r, [note.label, note.value], [styles.notesLabel, styles.notesValue])
  }
  ws.commit()
}

// The 催办单 workbook (Art. 9, DESIGN §16): one A4 note to one department — title and date, the addressee, a
// paragraph, the table of stages in two sections (overdue, due soon), the contact line and the lines to sign and
// seal — and its 说明 sheet. operations/reminders.ts decides what it says; this module lays it out as
// templates/reminder.json says, with the print setup of every export.
import type {Workbook, Worksheet} from 'exceljs'
import {writeNotesSheet} from './layout/notes-sheet.js'
import {tableStyles, type CellStyle} from './layout/styles.js'
import {addSheet, fillRow, rowHeightFor, writeBandRow, writeHeaderRow, writeModelRow, writeTitleRows, wrappedLines} from './layout/table-rows.js'
import {writeStreamingWorkbook} from './layout/workbook.js'
import type {ReminderTemplate} from './reminder-template.js'
import type {NotesSheetModel} from './layout/notes-sheet.js'
import type {ModelValue} from './layout/cells.js'
import type {DeadlineRow} from '../domain/report.js'

/** One department's note, laid out by the writer. */
export interface ReminderModel {
  template: ReminderTemplate
  department: string
  /** the file name, from the template (no folder) */
  fileName: string
  title: string
  dateLine: string
  addressee: string
  body: string
  sections: Array<{label: string; rows: ModelValue[][]}>
  contact: string
  signature: string[]
  notes: NotesSheetModel
  /** the stages listed, by section */
  overdue: DeadlineRow[]
  dueSoon: DeadlineRow[]
}


/** Title, date, addressee, paragraph, then the header row (frozen and printed on every page). */
const HEADER_ROW = 5

/** One line of text across the whole width, unbordered (the addressee, the paragraph, the closing lines). */
function writeLine(ws: Worksheet, rowNumber: number, text: string, columnCount: number, style: CellStyle, height?: number): void {
  const row = ws.getRow(rowNumber)
  if (height !== undefined) row.height = height
  fillRow(row, [text], style)
  if (columnCount > 1) ws.mergeCells(rowNumber, 1, rowNumber, columnCount)
  row.commit()
}

function writeNote(wb: Workbook, m: ReminderModel): void {
  const t = m.template
  const columns = t.columns
  const n = columns.length
  const styles = tableStyles(t.fonts, columns)
  const body = {name: t.fonts.body.name, size: t.fonts.body.size}
  const plain: CellStyle = {font: body, alignment: {horizontal: 'left', vertical: 'top', wrapText: true}}
  const addressee: CellStyle = {font: {...body, bold: true}, alignment: {horizontal: 'left', vertical: 'middle'}}
  const right: CellStyle = {font: body, alignment: {horizontal: 'right', vertical: 'middle'}}
  const width = columns.reduce((sum, c) => sum + c.width, 0)

  const ws = addSheet(wb, t.sheetName, t.print, columns.map((c) => c.width), HEADER_ROW)
  writeTitleRows(ws, m.title, m.dateLine, n, styles)
  writeLine(ws, 3, m.addressee, n, addressee, 24)
  writeLine(ws, 4, m.body, n, plain, rowHeightFor(wrappedLines(m.body, width), 16))
  writeHeaderRow(ws, HEADER_ROW, columns.map((c) => c.header), styles)
  let r = HEADER_ROW
  for (const section of m.sections) {
    writeBandRow(ws, ++r, section.label, n, styles.groupLabel)
    if (section.rows.length === 0) writeBandRow(ws, ++r, t.sections.empty, n, styles.notesValue)
    for (const values of section.rows) writeModelRow(ws, ++r, columns, values, styles.data)
  }
  r += 1
  if (m.contact.trim()) writeLine(ws, ++r, m.contact, n, plain, 22)
  r += 1
  for (const line of m.signature) writeLine(ws, ++r, line, n, right, 26)
  ws.commit()
  writeNotesSheet(wb, t.notes.sheetName, m.notes, t.print, styles)
}

/** Writes the note `model` describes to `outPath` (via a temporary file beside it). */
export async function writeReminderWorkbook(outPath: string, model: ReminderModel): Promise<void> {
  await writeStreamingWorkbook(outPath, async (wb) => writeNote(wb, model))
}

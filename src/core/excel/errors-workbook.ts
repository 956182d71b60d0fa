// The error workbook sent back to a unit (DESIGN §6): its own rows and columns as it sent them, plus the
// original row number and what is wrong. Error files are small, so the regular (in-memory) exceljs writer.
import {writeAtomically} from '../atomic-file.js'
import type {Worksheet} from 'exceljs'
import type {CellValue} from './read/index.js'
import {safeText} from './layout/cells.js'

export interface ErrorSheetRow {
  rowNumber: number
  values: CellValue[]
  messages: string[]
}

export interface ErrorSheet {
  name: string
  headers: string[]
  rows: ErrorSheetRow[]
}

export const ROW_NUMBER_HEADER = '原行号'
export const MESSAGES_HEADER = '错误说明'
const MESSAGE_SEPARATOR = '；'
const LIGHT_RED = 'FFFFE0E0'
const FORMULA_LIKE = /^[=+\-@]/

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\, not blank, unique (case-insensitive). */
export function sheetNameFor(name: string, taken: Set<string>): string {
  const base = (safeText(name).replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || '错误').slice(0, 31)
  let candidate = base
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`
    candidate = base.slice(0, 31 - suffix.length) + suffix
  }
  taken.add(candidate.toLowerCase())
  return candidate
}

function columnWidth(header: string): number {
  return Math.min(40, Math.max(10, Math.ceil([...header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) * 1.1) + 2))
}

/** A value as the unit wrote it: dates as real dates, text as text (never a formula). */
function writeValue(ws: Worksheet, rowIndex: number, colIndex: number, value: CellValue): void {
  if (value === null) return
  const cell = ws.getCell(rowIndex, colIndex)
  if (typeof value === 'object') {
    const [y, m, d] = value.date.split('-').map(Number)
    cell.value = new Date(Date.UTC(y, m - 1, d))
    cell.numFmt = 'yyyy-mm-dd'
    return
  }
  if (typeof value === 'string') {
    // A string cell is never evaluated, but the text format also keeps Excel from turning `=…` into a formula
    // when the unit edits the cell.
    cell.value = safeText(value)
    if (FORMULA_LIKE.test(value)) cell.numFmt = '@'
    return
  }
  cell.value = value
}

function addSheet(ws: Worksheet, sheet: ErrorSheet): void {
  const headers = [...sheet.headers.map(safeText), ROW_NUMBER_HEADER, MESSAGES_HEADER]
  const rowNumberCol = sheet.headers.length + 1
  const messagesCol = sheet.headers.length + 2
  headers.forEach((h, i) => {
    const cell = ws.getCell(1, i + 1)
    cell.value = h
    if (FORMULA_LIKE.test(h)) cell.numFmt = '@'
  })
  ws.getRow(1).font = {bold: true}
  ws.views = [{state: 'frozen', xSplit: 0, ySplit: 1}]
  sheet.headers.forEach((h, i) => (ws.getColumn(i + 1).width = columnWidth(h)))
  ws.getColumn(rowNumberCol).width = 8
  const messages = ws.getColumn(messagesCol)
  messages.width = 60
  messages.alignment = {wrapText: true, vertical: 'top'}
  sheet.rows.forEach((row, r) => {
    const rowIndex = r + 2
    row.values.forEach((v, c) => writeValue(ws, rowIndex, c + 1, v))
    ws.getCell(rowIndex, rowNumberCol).value = row.rowNumber
    const cell = ws.getCell(rowIndex, messagesCol)
    cell.value = safeText(row.messages.join(MESSAGE_SEPARATOR))
    cell.alignment = {wrapText: true, vertical: 'top'}
    cell.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: LIGHT_RED}}
  })
  const header = ws.getCell(1, messagesCol)
  header.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: LIGHT_RED}}
}

/**
 * Writes `<outPath>` with one sheet per source sheet: the original headers, then 原行号 and 错误说明
 * (messages joined by '；'). Written to a temporary file and renamed, so a half-written file never remains.
 */
export async function writeErrorWorkbook(outPath: string, sheets: ErrorSheet[]): Promise<void> {
  const {default: ExcelJS} = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = 'itplan'
  const taken = new Set<string>()
  const list = sheets.length > 0 ? sheets : [{name: MESSAGES_HEADER, headers: [], rows: []}]
  for (const sheet of list) addSheet(wb.addWorksheet(sheetNameFor(sheet.name, taken)), sheet)
  await writeAtomically(outPath, (temp) => wb.xlsx.writeFile(temp))
}

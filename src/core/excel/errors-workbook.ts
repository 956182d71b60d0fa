// The error workbook sent back to a unit (DESIGN §6): the unit's whole file — every row of each declaration
// sheet, in its own columns under its own header — with each wrong cell filled and commented, 原行号 and 错误说明
// last (无误 on the good rows), the template's dropdowns, a title and a print setup. Corrected and sent back as it
// is, it imports: 原行号 and 错误说明 are ignored headers of the dictionary, and the rows above the header are a
// title and a note the header detection passes over. Words, colours and print setup: templates/errors-workbook.json.
// A rejected file may hold up to 200,000 rows, all of which go back: exceljs's streaming writer, row by row.
import {z} from 'zod'
import type {Cell, Workbook, Worksheet} from 'exceljs'
import type {AmountUnit} from '../domain/money.js'
import {fillTemplate} from '../i18n/fill.js'
import {isIgnoredHeader, loadDictionary, unitWord, type Dictionary} from './dictionary.js'
import {columnLetter, type CellValue} from './read/index.js'
import {safeText} from './layout/cells.js'
import {printOptions} from './layout/print.js'
import {DRAIN_EVERY, drain, rowHeightFor, wrappedLines} from './layout/table-rows.js'
import {loadTemplate, numberIn, printSchema, text, width} from './layout/template-schema.js'
import {addColumnValidation, fieldChoices, listValidation} from './layout/validations.js'
import {writeStreamingWorkbook} from './layout/workbook.js'
import type {RegionWords} from '../domain/region.js'

export const ERRORS_TEMPLATE_FILE = 'errors-workbook.json'

/** A column of the unit's sheet: its header as read (a two-level header's levels joined by '/'). */
export interface ErrorColumn {
  header: string
  /** the dictionary field it holds, for its dropdown and width; null for the unit's own columns */
  field: string | null
}

export interface ErrorSheetRow {
  rowNumber: number
  /** one per column, as the unit wrote them */
  values: CellValue[]
  /** a 合计 / 小计 row, or a line with no declared value (填表人：…): written back, never marked 无误 */
  project: boolean
  problems: ErrorProblem[]
}

/** What is wrong, in the column whose letter it names (the sheet's own: its columns keep their order), or null. */
export interface ErrorProblem {
  column: string | null
  text: string
}

export interface ErrorSheet {
  name: string
  columns: ErrorColumn[]
  headerRowCount: 1 | 2
  /** the sheet's `单位：万元` note, written again so that its amounts keep their unit */
  unitNote: AmountUnit | null
  rows: ErrorSheetRow[]
  /** problems of the sheet as a whole (a required column missing) */
  sheetProblems: ErrorProblem[]
}

const argb = () => z.string({message: '应为 ARGB 颜色，如 FFFFC7CE'}).regex(/^[0-9A-Fa-f]{8}$/, '应为 ARGB 颜色，如 FFFFC7CE')
const ignoredHeader = () => text().refine((h) => isIgnoredHeader(h), '须列在 templates/declaration.json 的 ignoredHeaders 中，否则报回的文件导入时会把它当作未知列')

const errorsTemplateSchema = z.object({
  version: text(),
  title: text(),
  note: text(),
  sheetProblems: text(),
  unitNote: text(),
  units: z.object({yuan: text(), wan: text(), yi: text()}).superRefine((units, ctx) => {
    for (const [unit, word] of Object.entries(units)) if (unitWord(word) !== unit) ctx.addIssue({code: 'custom', path: [unit], message: `“${word}”不是导入能识别的金额单位`})
  }),
  headers: z.object({rowNumber: ignoredHeader(), messages: ignoredHeader()}),
  ok: text(),
  columnPrefix: text(),
  messageSeparator: z.string({message: '应为文字'}),
  spareRows: numberIn(0, 1000),
  widths: z.object({rowNumber: width(), messages: width()}),
  colors: z.object({error: argb(), header: argb(), ok: argb()}),
  print: printSchema,
})

type ErrorsTemplate = z.infer<typeof errorsTemplateSchema>

export function loadErrorsTemplate(region: RegionWords): ErrorsTemplate {
  return loadTemplate(ERRORS_TEMPLATE_FILE, errorsTemplateSchema, region)
}

const TITLE_ROW = 1
const NOTE_ROW = 2
const HEADER_ROW = 3
const THIN = {style: 'thin'} as const
const BORDER = {top: THIN, left: THIN, bottom: THIN, right: THIN}
const FORMULA_LIKE = /^[=+\-@]/
const MAX_MESSAGE_LINES = 8

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

/** `B列：…`: the column named, as on the clerk's terminal. */
function messageOf(p: ErrorProblem, t: ErrorsTemplate): string {
  return (p.column === null ? '' : fillTemplate(t.columnPrefix, {column: p.column})) + p.text
}

function columnWidth(header: string): number {
  return Math.min(40, Math.max(10, Math.ceil([...header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) * 1.1) + 2))
}

/** Text as text: the text format keeps Excel from turning `=…` into a formula when the unit edits the cell. */
function writeText(cell: Cell, value: string): void {
  cell.value = safeText(value)
  if (FORMULA_LIKE.test(value)) cell.numFmt = '@'
}

/** A value as the unit wrote it: dates as real dates, text as text (never a formula). */
function writeValue(cell: Cell, value: CellValue): void {
  if (value === null) return
  if (typeof value === 'object') {
    const [y, m, d] = value.date.split('-').map(Number)
    cell.value = new Date(Date.UTC(y, m - 1, d))
    cell.numFmt = 'yyyy-mm-dd'
    return
  }
  if (typeof value === 'string') writeText(cell, value)
  else cell.value = value
}

/** A two-level header's group title and field name; one level: the header alone (as the upper level). */
function levelsOf(header: string, headerRowCount: 1 | 2): {upper: string; lower: string | null} {
  const slash = header.indexOf('/')
  if (headerRowCount === 1 || slash < 0) return {upper: header, lower: null}
  return {upper: header.slice(0, slash), lower: header.slice(slash + 1)}
}

/** The header's last row: the second for a header of two levels (a single-level sheet, whatever its count says). */
function lastHeaderRow(sheet: ErrorSheet): number {
  return sheet.columns.some((c) => levelsOf(c.header, sheet.headerRowCount).lower !== null) ? HEADER_ROW + 1 : HEADER_ROW
}

/**
 * The header as the unit had it: one row, or group titles over field names (each group title once, over the
 * columns it spans, a single-level column spanning both rows), then 原行号 and 错误说明.
 */
function writeHeader(ws: Worksheet, sheet: ErrorSheet, t: ErrorsTemplate): number {
  const levels = sheet.columns.map((c) => levelsOf(c.header, sheet.headerRowCount))
  const last = lastHeaderRow(sheet)
  const twoLevel = last > HEADER_ROW
  const headers = [...levels, {upper: t.headers.rowNumber, lower: null}, {upper: t.headers.messages, lower: null}]
  const style = (cell: Cell) => {
    cell.font = {bold: true}
    cell.alignment = {horizontal: 'center', vertical: 'middle', wrapText: true}
    cell.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: t.colors.header}}
    cell.border = BORDER
  }
  for (let i = 0; i < headers.length; i++) {
    const col = i + 1
    const {upper, lower} = headers[i]
    for (let r = HEADER_ROW; r <= last; r++) style(ws.getCell(r, col))
    if (!twoLevel) {
      writeText(ws.getCell(HEADER_ROW, col), upper)
      continue
    }
    if (lower === null) {
      writeText(ws.getCell(HEADER_ROW, col), upper)
      ws.mergeCells(HEADER_ROW, col, last, col)
      continue
    }
    writeText(ws.getCell(last, col), lower)
    const startsGroup = i === 0 || headers[i - 1].lower === null || headers[i - 1].upper !== upper
    if (!startsGroup) continue
    writeText(ws.getCell(HEADER_ROW, col), upper)
    let end = i
    while (end + 1 < headers.length && headers[end + 1].lower !== null && headers[end + 1].upper === upper) end++
    if (end > i) ws.mergeCells(HEADER_ROW, col, HEADER_ROW, end + 1)
  }
  for (let r = HEADER_ROW; r <= last; r++) {
    ws.getRow(r).height = twoLevel ? 24 : 32
    ws.getRow(r).commit()
  }
  return last
}

/**
 * A workbook sent back still wrong: the 原行号 and 错误说明 it ends with are this workbook's own, and give way to the
 * new ones (only at the end: a column dropped further left would move the letters the messages name).
 */
function withoutOwnColumns(sheet: ErrorSheet, t: ErrorsTemplate): ErrorSheet {
  const own = new Set([t.headers.rowNumber, t.headers.messages])
  let n = sheet.columns.length
  while (n > 0 && own.has(sheet.columns[n - 1].header.trim())) n--
  if (n === sheet.columns.length) return sheet
  return {...sheet, columns: sheet.columns.slice(0, n), rows: sheet.rows.map((r) => ({...r, values: r.values.slice(0, n)}))}
}

async function writeSheet(ws: Worksheet, file: string, sheet: ErrorSheet, t: ErrorsTemplate, dictionary: Dictionary): Promise<void> {
  const n = sheet.columns.length
  const rowNumberCol = n + 1
  const messagesCol = n + 2
  const widths = [...sheet.columns.map((c) => (c.field ? dictionary.byKey.get(c.field)?.width : null) ?? columnWidth(c.header)), t.widths.rowNumber, t.widths.messages]
  ws.columns = widths.map((width) => ({width}))

  const bad = sheet.rows.filter((r) => r.problems.length > 0).length
  const params = {file, sheet: sheet.name, rows: sheet.rows.length, bad}
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, messagesCol)
  const title = ws.getCell(TITLE_ROW, 1)
  writeText(title, fillTemplate(t.title, params))
  title.font = {bold: true, size: 14}
  title.alignment = {horizontal: 'center', vertical: 'middle'}
  ws.getRow(TITLE_ROW).height = 28
  ws.getRow(TITLE_ROW).commit()

  // The note, and the sheet's unit of amounts in a cell of its own, where the import finds it again.
  const sheetProblems = sheet.sheetProblems.map((p) => messageOf(p, t))
  const noteText = [fillTemplate(t.note, params), ...(sheetProblems.length > 0 ? [fillTemplate(t.sheetProblems, {messages: sheetProblems.join(t.messageSeparator)})] : [])].join('\n')
  const noteEnd = sheet.unitNote === null ? messagesCol : rowNumberCol
  ws.mergeCells(NOTE_ROW, 1, NOTE_ROW, noteEnd)
  const note = ws.getCell(NOTE_ROW, 1)
  writeText(note, noteText)
  note.alignment = {wrapText: true, vertical: 'middle'}
  if (sheet.sheetProblems.length > 0) note.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: t.colors.error}}
  if (sheet.unitNote !== null) {
    const unit = ws.getCell(NOTE_ROW, messagesCol)
    unit.value = fillTemplate(t.unitNote, {unit: t.units[sheet.unitNote]})
    unit.alignment = {horizontal: 'right', vertical: 'bottom'}
  }
  const noteWidth = widths.slice(0, noteEnd).reduce((a, b) => a + b, 0)
  ws.getRow(NOTE_ROW).height = rowHeightFor(wrappedLines(noteText, noteWidth), 15)
  ws.getRow(NOTE_ROW).commit()

  const headerLast = writeHeader(ws, sheet, t)
  const first = headerLast + 1
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i]
    const r = first + i
    const wrong = new Map<string, string[]>()
    for (const p of row.problems) if (p.column !== null) wrong.set(p.column, [...(wrong.get(p.column) ?? []), p.text])
    for (let c = 0; c < n; c++) {
      const cell = ws.getCell(r, c + 1)
      writeValue(cell, row.values[c] ?? null)
      cell.border = BORDER
      const messages = wrong.get(columnLetter(c + 1))
      if (!messages) continue
      cell.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: t.colors.error}}
      cell.note = messages.join('\n')
    }
    const rowNo = ws.getCell(r, rowNumberCol)
    rowNo.value = row.rowNumber
    rowNo.border = BORDER
    rowNo.alignment = {horizontal: 'center'}
    const messages = row.problems.map((p) => messageOf(p, t))
    const cell = ws.getCell(r, messagesCol)
    cell.border = BORDER
    cell.alignment = {wrapText: true, vertical: 'top'}
    if (messages.length > 0) {
      const textOut = messages.join(t.messageSeparator)
      writeText(cell, textOut)
      cell.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: t.colors.error}}
      const lines = wrappedLines(textOut, t.widths.messages)
      if (lines > 1) ws.getRow(r).height = rowHeightFor(Math.min(lines, MAX_MESSAGE_LINES))
    } else if (row.project) {
      cell.value = t.ok
      cell.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: t.colors.ok}}
    }
    ws.getRow(r).commit()
    if (i % DRAIN_EVERY === DRAIN_EVERY - 1) await drain()
  }

  // The template's dropdowns, over the rows and some spare ones for a row the unit adds.
  const lastRow = first + sheet.rows.length - 1 + t.spareRows
  sheet.columns.forEach((c, i) => {
    const field = c.field ? dictionary.byKey.get(c.field) : undefined
    const choices = field ? fieldChoices(field, dictionary) : null
    if (field && choices && lastRow >= first) addColumnValidation(ws, columnLetter(i + 1), first, lastRow, listValidation(field, choices))
  })
  ws.commit()
  await drain()
}

/**
 * Writes `<outPath>` with one sheet per declaration sheet of `file` (a rejected file is rejected whole, so its
 * good sheets go back too). Written to a temporary file and renamed, so a half-written file never remains.
 */
export async function writeErrorWorkbook(outPath: string, book: {file: string; sheets: ErrorSheet[]}, region: RegionWords): Promise<void> {
  const t = loadErrorsTemplate(region)
  const dictionary = loadDictionary()
  const empty: ErrorSheet = {name: t.headers.messages, columns: [], headerRowCount: 1, unitNote: null, rows: [], sheetProblems: []}
  await writeStreamingWorkbook(outPath, async (wb: Workbook) => {
    const taken = new Set<string>()
    for (const given of book.sheets.length > 0 ? book.sheets : [empty]) {
      const sheet = withoutOwnColumns(given, t)
      const headerLast = lastHeaderRow(sheet)
      const ws = wb.addWorksheet(sheetNameFor(sheet.name, taken), {
        views: [{state: 'frozen', xSplit: 0, ySplit: headerLast, topLeftCell: `A${headerLast + 1}`, activeCell: `A${headerLast + 1}`}],
        ...printOptions(t.print, {first: HEADER_ROW, last: headerLast}),
      })
      await writeSheet(ws, book.file, sheet, t, dictionary)
    }
  })
}

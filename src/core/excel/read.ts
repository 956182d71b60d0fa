// Reads a declaration spreadsheet (.xlsx/.xlsm streamed, .csv, .xls/.et through LibreOffice) into sheets of
// rows keyed by dictionary field (DESIGN §6). It knows nothing of the regulation: values come out as read
// (numbers, text, dates, booleans) and the validator decides what they mean. Every refusal is an InvalidData
// with a catalogue code and the file's base name (and sheet where there is one), never a stack trace.
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {open, stat, readFile, mkdtemp, mkdir, copyFile, rm, access} from 'node:fs/promises'
import {constants as fsConstants} from 'node:fs'
import type {FileHandle} from 'node:fs/promises'
import {execFile} from 'node:child_process'
import {tmpdir} from 'node:os'
import {basename, extname, join, delimiter, posix} from 'node:path'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import {Readable, Transform, pipeline} from 'node:stream'
import {StringDecoder} from 'node:string_decoder'
import * as zlib from 'node:zlib'
import {createInflateRaw, inflateRawSync, constants as zlibConstants} from 'node:zlib'
import iconv from 'iconv-lite'
import {InvalidData} from '../domain/errors.js'
import {excelSerialToIso} from '../domain/iso-date.js'
import {NOTE_LINE} from '../domain/import-validation.js'
import type {AmountUnit} from '../domain/money.js'
import {isIgnoredHeader, isTotalLabel, loadDictionary, matchHeader, normaliseHeader, foldText, unitWord} from './dictionary.js'
import type {HeaderDetection} from './dictionary.js'

// ---------------------------------------------------------------------------------------------------------
// Public shapes

export type CellValue = string | number | boolean | {date: string /* YYYY-MM-DD */} | null

export interface ReadColumn {
  /** 1-based */
  index: number
  /** 'A' */
  letter: string
  /** the original text; both levels joined with '/' for a two-level header (`投资估算（万元）/总投资`) */
  header: string
  field: string | null
  /** from the header, else from a `单位：万元` note above the table (amount fields only); null: not stated */
  unit: AmountUnit | null
}

export interface ReadRow {
  /** the row number in the sheet (CSV: the record number), 1-based */
  rowNumber: number
  /** one value per column of the header (index − 1), in the original order, for the error workbook */
  values: CellValue[]
  /** every column the dictionary recognised, with its value (null when the cell is empty); a field absent
   * from the map has no column at all. Read-only (a RowFields view over `values`; `get` gives a fresh object) */
  byField: Map<string, {value: CellValue; column: ReadColumn}>
  /** a 合计 / 小计 / 总计 row */
  kind: 'data' | 'total'
}

export interface ReadSheet {
  /** the sheet's real name (CSV: the file's base name) */
  name: string
  /** the lowest header row: data starts below it */
  headerRowNumber: number
  /** 2 for a two-level header (group titles over field names) */
  headerRowCount: 1 | 2
  columns: ReadColumn[]
  /** non-empty headers the dictionary does not know (and second columns for a field already seen), once each */
  unknownHeaders: string[]
  /** blank rows dropped */
  rows: ReadRow[]
  /** a `单位：万元` / `单位：元` note above the header, applied to amount columns whose header states no unit */
  unitNote: AmountUnit | null
  /** the sheet is hidden in the workbook */
  hidden: boolean
  /** formula cells without a cached result (read as empty), as A1 references, at most 20 */
  uncalculatedCells: string[]
}

export interface ReadFileResult {
  /** the file's base name */
  file: string
  /** of the original file's bytes */
  sha256: string
  /** in workbook order */
  sheets: ReadSheet[]
  skippedSheets: Array<{name: string; reason: 'no-header' | 'empty'}>
}

export interface ReadOptions {
  /** default 50 MB */
  maxBytes?: number
  /** default 200,000 */
  maxRows?: number
  /** called as rows are read (every few thousand), for a progress bar */
  onRows?: (rows: number) => void
  /** LibreOffice for .xls/.et: a path; null to never convert; undefined to look on the PATH */
  sofficePath?: string | null
  /** given the file's name and hash, a sink that sees each sheet's header and rows as they are read */
  sink?: (file: {file: string; sha256: string}) => RowSink
  /** false: rows go to the sink only and `ReadSheet.rows` stays empty (a 50,000-row file is not held twice) */
  keepRows?: boolean
}

/** Receives rows while the file is still being read (the import validates as it reads). */
export interface RowSink {
  startSheet(sheet: {name: string; headerRowNumber: number; columns: ReadColumn[]}): void
  row(row: ReadRow): void
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024
export const DEFAULT_MAX_ROWS = 200_000
/** Declared uncompressed size of all parts of an .xlsx; far above any real declaration, far below a zip bomb. */
export const MAX_UNCOMPRESSED_BYTES = 2 * 1024 * 1024 * 1024
/** The shared strings part is held in memory whole, so it gets a tighter limit. */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024
const SOFFICE_TIMEOUT_MS = 180_000
export const MAX_UNCALCULATED_REPORTED = 20
/** Excel's own sheet width (XFD): a row reaching past it is no declaration, and is refused as it streams. */
export const MAX_COLUMNS = 16_384
/**
 * Cells of one file, all sheets together (200,000 rows of 50 columns), counted as they stream: a row costs its
 * `<c>` elements or its width, whichever is more. A 196 KB workbook can hold a row of 50 million empty cells;
 * without a count it takes a minute and a gigabyte, or crashes V8.
 */
export const MAX_CELLS_PER_FILE = 10_000_000

/** Thrown where the cells stream (in the worker too), turned into InvalidData naming the file and sheet. */
export class TooManyCells extends Error {
  constructor(
    readonly kind: 'columns' | 'cells',
    readonly row: number,
  ) {
    super(`too many ${kind} at row ${row}`)
  }
}

/** Cells counted so far in one file, and its limit. */
export interface CellCount {
  cells: number
  max: number
}

function tooManyCells(e: TooManyCells, file: string, sheet: string): InvalidData {
  return e.kind === 'columns'
    ? new InvalidData('file.tooManyColumns', {file, sheet, row: e.row, limit: MAX_COLUMNS})
    : new InvalidData('file.tooManyCells', {file, sheet, row: e.row, limit: MAX_CELLS_PER_FILE})
}

interface Limits {
  maxBytes: number
  maxRows: number
  /** told every PROGRESS_EVERY rows, for a progress bar */
  onRows?: (rows: number) => void
  sink?: RowSink
  keepRows: boolean
}

const PROGRESS_EVERY = 2000

// ---------------------------------------------------------------------------------------------------------
// Entry point

type Format = 'zip' | 'csv' | 'legacy'

/** Reads one declaration file. Throws InvalidData (`file.*`) when the file as a whole cannot be read. */
export async function readDeclarationFile(path: string, opts: ReadOptions = {}): Promise<ReadFileResult> {
  const file = basename(path)
  const limits: Limits = {maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS, onRows: opts.onRows, keepRows: opts.keepRows ?? true}
  const size = await fileSize(path, file)
  if (size > limits.maxBytes) throw new InvalidData('file.tooLarge', {file, bytes: size, limit: limits.maxBytes})
  if (size === 0) throw new InvalidData('file.empty', {file})
  const format = await detectFormat(path, file)
  const sha256 = await hashFile(path)
  limits.sink = opts.sink?.({file, sha256})
  const read =
    format === 'csv'
      ? await readCsvFile(path, file, limits)
      : format === 'zip'
        ? await readXlsxFile(path, file, limits)
        : await readLegacyFile(path, file, limits, opts.sofficePath)
  return {file, sha256, ...read}
}

interface SheetsRead {
  sheets: ReadSheet[]
  skippedSheets: ReadFileResult['skippedSheets']
}

async function fileSize(path: string, file: string): Promise<number> {
  try {
    const s = await stat(path)
    if (!s.isFile()) throw new InvalidData('file.unreadable', {file, detail: 'not a file'})
    return s.size
  } catch (e) {
    if (e instanceof InvalidData) throw e
    throw new InvalidData('file.unreadable', {file, detail: (e as NodeJS.ErrnoException).code ?? String(e)})
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

async function readHead(path: string, length: number): Promise<Buffer> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(length)
    const {bytesRead} = await fh.read(buf, 0, length, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

/** By content first: a renamed .xls that is really .xlsx is read as .xlsx, and vice versa. */
async function detectFormat(path: string, file: string): Promise<Format> {
  const ext = extname(file).toLowerCase()
  if (ext === '.csv' || ext === '.tsv') return 'csv'
  if (!['.xlsx', '.xlsm', '.xls', '.et'].includes(ext)) throw new InvalidData('file.unsupported', {file, ext})
  const head = await readHead(path, 8)
  if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) return 'zip'
  if (startsWith(head, OLE_MAGIC)) {
    // A password-protected .xlsx is an OLE container holding an EncryptedPackage stream.
    if (await isEncryptedPackage(path)) throw new InvalidData('file.encrypted', {file})
    return 'legacy'
  }
  // .xls/.et files exported by web systems are often HTML or text; LibreOffice can still open them.
  if (ext === '.xls' || ext === '.et') return 'legacy'
  throw new InvalidData('file.notWorkbook', {file})
}

function startsWith(buf: Buffer, magic: Buffer): boolean {
  return buf.length >= magic.length && buf.subarray(0, magic.length).equals(magic)
}

async function isEncryptedPackage(path: string): Promise<boolean> {
  const bytes = await readFile(path)
  return bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))
}

// ---------------------------------------------------------------------------------------------------------
// Cell values

const XML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g

/** Trimmed text, or null when nothing is left; OOXML `_x000D_` escapes decoded. */
export function cleanText(text: string): string | null {
  const t = (text.includes('_x') ? text.replace(XML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text).trim()
  return t === '' ? null : t
}

/** By UTC parts: exceljs turns an Excel serial into a Date at UTC midnight. */
export function dateValue(d: Date): CellValue {
  if (Number.isNaN(d.getTime())) return null
  const y = d.getUTCFullYear()
  const m = String(d.getUTCMonth() + 1).padStart(2, '0')
  const day = String(d.getUTCDate()).padStart(2, '0')
  return {date: `${String(y).padStart(4, '0')}-${m}-${day}`}
}

/** A date-formatted number: the calendar date it shows, or the number itself when no date can show it. */
function serialCell(serial: number, date1904: boolean): CellValue {
  const date = excelSerialToIso(serial, date1904)
  return date === null ? serial : {date}
}

/** Same test as exceljs applies to plain cells: y/m/d/h/s outside quotes and brackets. A workbook has a handful of
 * formats and every numeric cell asks, so the answers are remembered. */
const dateFormats = new Map<string, boolean>()
function isDateFormat(fmt: unknown): boolean {
  if (typeof fmt !== 'string' || fmt === '') return false
  let answer = dateFormats.get(fmt)
  if (answer === undefined) {
    answer = /[ymdhsb]/i.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''))
    if (dateFormats.size < 1000) dateFormats.set(fmt, answer)
  }
  return answer
}

/** An error value's text stands in for the value, so the validator can say what the cell held. */
const FORMULA_ERROR_TEXT = '#ERROR'

interface CellContext {
  numFmt?: unknown
  date1904: boolean
  /** called for a formula without a cached result */
  onUncalculated?: () => void
}

function formulaResult(result: unknown, ctx: CellContext): CellValue {
  if (result === undefined || result === null) {
    ctx.onUncalculated?.()
    return null
  }
  if (typeof result === 'number') {
    // exceljs's streaming reader parses every cached result with parseFloat: error results become NaN, and
    // results in date-formatted cells stay serials.
    if (Number.isNaN(result)) return FORMULA_ERROR_TEXT
    if (isDateFormat(ctx.numFmt)) return serialCell(result, ctx.date1904)
    return result
  }
  if (typeof result === 'object' && 'error' in (result as object)) return String((result as {error: unknown}).error)
  return toCellValue(result, {date1904: ctx.date1904})
}

function richTextValue(runs: unknown[]): CellValue {
  return cleanText(runs.map((r) => (r && typeof r === 'object' && typeof (r as {text?: unknown}).text === 'string' ? (r as {text: string}).text : '')).join(''))
}

/** Any exceljs cell value → CellValue: formulas give their cached result, rich text and hyperlinks their text. */
export function toCellValue(v: unknown, ctx: CellContext = {date1904: false}): CellValue {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return cleanText(v)
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'boolean') return v
  if (v instanceof Date) return dateValue(v)
  if (typeof v !== 'object') return null
  const o = v as {richText?: unknown; formula?: unknown; sharedFormula?: unknown; result?: unknown; error?: unknown; text?: unknown}
  if (Array.isArray(o.richText)) return richTextValue(o.richText)
  if ('formula' in o || 'sharedFormula' in o || 'result' in o) return formulaResult(o.result, ctx)
  if ('error' in o) return o.error === undefined || o.error === null ? null : String(o.error)
  if ('date' in o && typeof (o as {date?: unknown}).date === 'string') return {date: (o as {date: string}).date}
  if ('text' in o) return toCellValue(o.text, {date1904: ctx.date1904})
  return null
}

/** 1 → 'A', 27 → 'AA' */
export function columnLetter(index: number): string {
  let n = index
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

function cellText(v: CellValue): string {
  if (v === null) return ''
  if (typeof v === 'object') return v.date
  return String(v)
}

// ---------------------------------------------------------------------------------------------------------
// Sheet assembly: header detection and row building, shared by the .xlsx and .csv readers

interface RawRow {
  rowNumber: number
  /** cells[0] is column A */
  cells: CellValue[]
}

function isBlank(cells: CellValue[]): boolean {
  for (const c of cells) if (c !== null) return false
  return true
}

interface HeaderLayout {
  columns: ReadColumn[]
  unknownHeaders: string[]
  headerRowNumber: number
  headerRowCount: 1 | 2
  /** index in the scanned rows of the last header row */
  lastIndex: number
}

interface ColumnHeader {
  upper: string
  lower: string
}

/** Text of header cells, with a two-level header's group title carried over the columns it spans. */
function combineLevels(upper: RawRow | null, lower: RawRow): ColumnHeader[] {
  const width = Math.max(lower.cells.length, upper?.cells.length ?? 0)
  const out: ColumnHeader[] = []
  let carried = ''
  for (let i = 0; i < width; i++) {
    const lowerText = cellText(lower.cells[i] ?? null).trim()
    let upperText = upper ? cellText(upper.cells[i] ?? null).trim() : ''
    // The streaming reader does not see merges: only the top-left cell of `投资估算（万元）` over G:H holds
    // the text. Carry it right while the lower level continues (a vertical merge has no lower text, so it
    // never carries into the next column).
    if (upperText === '' && lowerText !== '' && carried !== '' && out[i - 1]?.lower !== '') upperText = carried
    carried = upperText
    out.push({upper: upperText, lower: lowerText})
  }
  return out
}

function matchColumn(h: ColumnHeader): {field: string; unit: AmountUnit | null} | null {
  if (h.lower === '') return h.upper === '' ? null : matchHeader(h.upper)
  const m = matchHeader(h.lower) ?? (h.upper !== '' ? matchHeader(h.upper + h.lower) : null)
  if (!m) return null
  if (m.unit === null && h.upper !== '' && loadDictionary().byKey.get(m.field)?.kind === 'amount') {
    return {field: m.field, unit: normaliseHeader(h.upper).unit}
  }
  return m
}

function headerText(h: ColumnHeader): string {
  if (h.upper !== '' && h.lower !== '' && h.upper !== h.lower) return `${h.upper}/${h.lower}`
  return h.lower !== '' ? h.lower : h.upper
}

function buildColumns(headers: ColumnHeader[]): {columns: ReadColumn[]; unknownHeaders: string[]} {
  let width = headers.length
  while (width > 0 && headerText(headers[width - 1]) === '') width--
  const seen = new Set<string>()
  const unknown: string[] = []
  const columns: ReadColumn[] = []
  for (let i = 0; i < width; i++) {
    const h = headers[i]
    const header = headerText(h)
    const m = header === '' ? null : matchColumn(h)
    const duplicate = m !== null && seen.has(m.field)
    if (m && !duplicate) seen.add(m.field)
    const field = m && !duplicate ? m.field : null
    if (header !== '' && field === null && (duplicate || !isIgnored(h)) && !unknown.includes(header)) unknown.push(header)
    columns.push({index: i + 1, letter: columnLetter(i + 1), header, field, unit: field ? (m?.unit ?? null) : null})
  }
  return {columns, unknownHeaders: unknown}
}

function isIgnored(h: ColumnHeader): boolean {
  return (h.lower !== '' && isIgnoredHeader(h.lower)) || (h.lower === '' && isIgnoredHeader(h.upper))
}

function qualifies(columns: ReadColumn[], rule: HeaderDetection): boolean {
  const dict = loadDictionary()
  const fields = columns.flatMap((c) => (c.field ? [c.field] : []))
  const required = fields.filter((f) => dict.byKey.get(f)?.required).length
  const anyOk = rule.anyOf.length === 0 || rule.anyOf.some((f) => fields.includes(f))
  return fields.length >= rule.minMatches && required >= rule.minRequired && anyOk
}

function allText(row: RawRow): boolean {
  return row.cells.every((c) => c === null || typeof c === 'string')
}

/**
 * `lower` continues the header `upper` (two levels): it holds only text, sits under a group title or a
 * merged span somewhere, and leaves the columns already named by `upper` empty (vertical merges) — a data row
 * would fill the unit and name columns with values that are not headers.
 */
function continuesHeader(upper: RawRow, lower: RawRow): boolean {
  if (lower.rowNumber !== upper.rowNumber + 1 || !allText(lower) || isBlank(lower.cells)) return false
  let underGroup = false
  for (let i = 0; i < lower.cells.length; i++) {
    const lowerText = cellText(lower.cells[i] ?? null)
    if (lowerText === '') continue
    const upperText = cellText(upper.cells[i] ?? null)
    const upperField = upperText === '' ? null : matchHeader(upperText)
    if (upperField === null) underGroup = true
    else if (lowerText !== upperText && !matchHeader(lowerText)) return false
  }
  return underGroup
}

/** A row of group titles (基本情况 | 投资情况) above the header, as opposed to a title or a 填报单位：… line. */
function isGroupRow(above: RawRow, header: RawRow): boolean {
  if (above.rowNumber !== header.rowNumber - 1 || !allText(above)) return false
  const filled = above.cells.flatMap((c, i) => (c === null ? [] : [{text: foldText(String(c)), i}]))
  if (filled.length === 0) return false
  if (filled.length === 1 && filled[0].i === 0) return false
  return filled.every((f) => !f.text.includes(':') && !f.text.endsWith('表') && !isTotalLabel(f.text))
}

const UNIT_NOTE = /^(?:金额|资金|投资|计量)?单位:?(亿元|万元|元)$/

/** `单位：万元` (possibly in brackets) in the title area. */
function findUnitNote(rows: RawRow[]): AmountUnit | null {
  for (const row of rows) {
    for (const c of row.cells) {
      if (typeof c !== 'string' || c.length > 20) continue
      const m = UNIT_NOTE.exec(foldText(c).replace(/^\((.*)\)$/, '$1'))
      if (m) return unitWord(m[1])
    }
  }
  return null
}

function layoutFrom(upper: RawRow | null, lower: RawRow, lastIndex: number): HeaderLayout {
  const {columns, unknownHeaders} = buildColumns(combineLevels(upper, lower))
  return {columns, unknownHeaders, headerRowNumber: lower.rowNumber, headerRowCount: upper ? 2 : 1, lastIndex}
}

/** The header among the first non-empty rows of a sheet, or null. */
function detectHeader(scanned: RawRow[], rule: HeaderDetection): HeaderLayout | null {
  const limit = Math.min(scanned.length, rule.scanRows)
  for (let i = 0; i < limit; i++) {
    const row = scanned[i]
    if (!allTextish(row)) continue
    const next = scanned[i + 1]
    if (next && continuesHeader(row, next)) {
      const two = layoutFrom(row, next, i + 1)
      if (qualifies(two.columns, rule)) return two
    }
    const one = layoutFrom(null, row, i)
    if (!qualifies(one.columns, rule)) continue
    const above = scanned[i - 1]
    if (above && isGroupRow(above, row)) return layoutFrom(above, row, i)
    return one
  }
  return null
}

/** A header row is mostly text; a year or a number here and there (2027年度) is allowed. */
function allTextish(row: RawRow): boolean {
  let text = 0
  let other = 0
  for (const c of row.cells) {
    if (c === null) continue
    if (typeof c === 'string') text++
    else other++
  }
  return text >= 3 && text > other
}

const TOTAL_CHARS = /[合小总總]/

export interface FieldCell {
  value: CellValue
  column: ReadColumn
}

/**
 * `ReadRow.byField`: a read-only Map view of one row's recognised columns over the row's values. A real Map
 * per row (25 entries, 25 small objects) costs ~2 KB, 100 MB for 50,000 rows; the view costs a few words.
 */
export class RowFields extends Map<string, FieldCell> {
  constructor(
    private readonly cells: CellValue[],
    private readonly columnsByField: Map<string, ReadColumn>,
  ) {
    super()
  }

  override get(field: string): FieldCell | undefined {
    const column = this.columnsByField.get(field)
    return column ? {value: this.cells[column.index - 1], column} : undefined
  }

  override has(field: string): boolean {
    return this.columnsByField.has(field)
  }

  override get size(): number {
    return this.columnsByField.size
  }

  /** A plain Map copy, for iteration. */
  toMap(): Map<string, FieldCell> {
    const m = new Map<string, FieldCell>()
    for (const [field, column] of this.columnsByField) m.set(field, {value: this.cells[column.index - 1], column})
    return m
  }

  override keys() {
    return this.columnsByField.keys()
  }

  override values() {
    return this.toMap().values()
  }

  override entries() {
    return this.toMap().entries()
  }

  override [Symbol.iterator]() {
    return this.toMap()[Symbol.iterator]()
  }

  override forEach(callback: (value: FieldCell, key: string, map: Map<string, FieldCell>) => void, thisArg?: unknown): void {
    this.toMap().forEach((v, k) => callback.call(thisArg, v, k, this))
  }

  override set(): this {
    throw new TypeError('ReadRow.byField is read-only')
  }

  override delete(): boolean {
    throw new TypeError('ReadRow.byField is read-only')
  }

  override clear(): void {
    throw new TypeError('ReadRow.byField is read-only')
  }
}

class SheetAssembler {
  private scanned: RawRow[] = []
  private layout: HeaderLayout | null = null
  private gaveUp = false
  private anyContent = false
  private rows: ReadRow[] = []
  private unitNote: AmountUnit | null = null
  private mapped: ReadColumn[] = []
  private columnsByField = new Map<string, ReadColumn>()
  private unitCol = -1
  private nameCol = -1

  constructor(
    readonly name: string,
    private readonly rule: HeaderDetection,
    private readonly sink?: RowSink,
    private readonly keepRows = true,
  ) {}

  add(rowNumber: number, cells: CellValue[]): void {
    if (this.layout) return this.addData(rowNumber, cells)
    if (isBlank(cells)) return
    this.anyContent = true
    if (this.gaveUp) return
    this.scanned.push({rowNumber, cells})
    // One row beyond the scan window, so a header on the last scanned row can still find its second level.
    if (this.scanned.length > this.rule.scanRows) this.settle()
  }

  /** Decides the header from the scanned rows, then replays the rows below it as data. */
  private settle(): void {
    const layout = detectHeader(this.scanned, this.rule)
    const scanned = this.scanned
    this.scanned = []
    if (!layout) {
      this.gaveUp = true
      return
    }
    this.layout = layout
    this.mapped = layout.columns.filter((c) => c.field !== null)
    for (const c of this.mapped) this.columnsByField.set(c.field as string, c)
    this.unitCol = layout.columns.findIndex((c) => c.field === 'unit')
    this.nameCol = layout.columns.findIndex((c) => c.field === 'name')
    this.applyUnitNote(scanned.slice(0, layout.lastIndex + 1 - layout.headerRowCount))
    this.sink?.startSheet({name: this.name, headerRowNumber: layout.headerRowNumber, columns: layout.columns})
    for (const row of scanned.slice(layout.lastIndex + 1)) this.addData(row.rowNumber, row.cells)
  }

  private applyUnitNote(above: RawRow[]): void {
    this.unitNote = findUnitNote(above)
    if (!this.unitNote) return
    const dict = loadDictionary()
    for (const c of this.mapped) {
      if (c.unit === null && dict.byKey.get(c.field as string)?.kind === 'amount') c.unit = this.unitNote
    }
  }

  private addData(rowNumber: number, cells: CellValue[]): void {
    const columns = (this.layout as HeaderLayout).columns
    const values: CellValue[] = new Array(columns.length)
    for (let i = 0; i < columns.length; i++) values[i] = cells[i] ?? null
    if (this.mappedBlank(values) || this.repeatsHeader(values)) return
    const row: ReadRow = {rowNumber, values, byField: new RowFields(values, this.columnsByField), kind: this.isTotal(values) ? 'total' : 'data'}
    if (this.keepRows) this.rows.push(row)
    this.sink?.row(row)
  }

  /** The header again (a block pasted with its header, a second table): 项目名称 under 项目名称 is no project. */
  private repeatsHeader(values: CellValue[]): boolean {
    for (const i of [this.unitCol, this.nameCol]) {
      if (i < 0) continue
      const v = values[i]
      const header = (this.layout as HeaderLayout).columns[i].header
      if (typeof v === 'string' && (v === header || header.endsWith('/' + v))) return true
    }
    return false
  }

  /** A row with nothing under any recognised column (a pre-numbered 序号 only, say) is blank — unless another column
   * holds a note such as 填表人：张三, which the validator must see to report it (nothing is silently dropped). */
  private mappedBlank(values: CellValue[]): boolean {
    for (const column of this.mapped) if (values[column.index - 1] !== null) return false
    return !values.some((v) => typeof v === 'string' && NOTE_LINE.test(v))
  }

  private isTotal(values: CellValue[]): boolean {
    // Most cells cannot be a total label; the character test spares them the Traditional→Simplified pass.
    const label = (v: CellValue | undefined) => typeof v === 'string' && v.length <= 16 && TOTAL_CHARS.test(v) && isTotalLabel(v)
    if (this.unitCol >= 0 && label(values[this.unitCol])) return true
    if (this.nameCol >= 0 && label(values[this.nameCol])) return true
    const firstText = values.find((v) => typeof v === 'string')
    return label(firstText)
  }

  finish(extra: {hidden: boolean; uncalculatedCells: string[]}): ReadSheet | {name: string; reason: 'no-header' | 'empty'} {
    if (!this.layout && !this.gaveUp && this.scanned.length > 0) this.settle()
    if (!this.layout) return {name: this.name, reason: this.anyContent ? 'no-header' : 'empty'}
    const l = this.layout
    return {
      name: this.name,
      headerRowNumber: l.headerRowNumber,
      headerRowCount: l.headerRowCount,
      columns: l.columns,
      unknownHeaders: l.unknownHeaders,
      rows: this.rows,
      unitNote: this.unitNote,
      hidden: extra.hidden,
      uncalculatedCells: extra.uncalculatedCells,
    }
  }
}

function collect(results: Array<{order: number; result: ReturnType<SheetAssembler['finish']>}>): SheetsRead {
  const sorted = [...results].sort((a, b) => a.order - b.order)
  const sheets: ReadSheet[] = []
  const skippedSheets: SheetsRead['skippedSheets'] = []
  for (const {result} of sorted) {
    if ('reason' in result) skippedSheets.push(result)
    else sheets.push(result)
  }
  return {sheets, skippedSheets}
}

function tooManyRows(file: string, sheet: string, rows: number, limits: Limits): InvalidData {
  return new InvalidData('file.sheetTooLarge', {file, sheet, rows, limit: limits.maxRows})
}

// ---------------------------------------------------------------------------------------------------------
// .xlsx: the zip directory is read here (validity, zip-bomb sizes, real sheet names, declared dimensions) and
// each part is inflated here; exceljs's streaming readers parse the shared strings, styles and rows.
//
// Why not `for await (const ws of new WorkbookReader(path))`: its zip iteration (unzipper) emits 'end' when
// the input is exhausted, even while parsed entries still wait in the stream's buffer, so on small files the
// shared strings (or a sheet) are silently dropped now and then (every text cell read as empty); it hangs for
// ever on a damaged part; it crashes when xl/workbook.xml comes after the sheets (exceljs's own writer does
// that); it names sheets Sheet1… when the rels use absolute targets (openpyxl); and it reads sheets in zip
// order. Feeding its readers part by part avoids all five and parses the same XML with the same code.

interface ZipEntry {
  name: string
  method: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
}

class NotAZip extends Error {}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length)
  const {bytesRead} = await fh.read(buf, 0, length, position)
  if (bytesRead !== length) throw new NotAZip('short read')
  return buf
}

const EOCD_SIG = 0x06054b50
const ZIP64_LOCATOR_SIG = 0x07064b50
const ZIP64_EOCD_SIG = 0x06064b50
const CD_SIG = 0x02014b50
const LOCAL_SIG = 0x04034b50

async function findCentralDirectory(fh: FileHandle, size: number): Promise<{offset: number; length: number; count: number}> {
  const tailLength = Math.min(size, 22 + 0xffff)
  const tail = await readAt(fh, size - tailLength, tailLength)
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIG) continue
    let count = tail.readUInt16LE(i + 10)
    let length = tail.readUInt32LE(i + 12)
    let offset = tail.readUInt32LE(i + 16)
    if ((offset === 0xffffffff || count === 0xffff) && i >= 20 && tail.readUInt32LE(i - 20) === ZIP64_LOCATOR_SIG) {
      const eocd64 = await readAt(fh, Number(tail.readBigUInt64LE(i - 12)), 56)
      if (eocd64.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new NotAZip('bad zip64 record')
      count = Number(eocd64.readBigUInt64LE(32))
      length = Number(eocd64.readBigUInt64LE(40))
      offset = Number(eocd64.readBigUInt64LE(48))
    }
    if (offset + length > size) throw new NotAZip('central directory outside the file')
    return {offset, length, count}
  }
  throw new NotAZip('no end of central directory')
}

function zip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p)
    const len = extra.readUInt16LE(p + 2)
    if (id === 0x0001) {
      let q = p + 4
      const next = () => {
        const v = Number(extra.readBigUInt64LE(q))
        q += 8
        return v
      }
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next()
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next()
      if (entry.localOffset === 0xffffffff) entry.localOffset = next()
      return
    }
    p += 4 + len
  }
}

async function readZipDirectory(fh: FileHandle, size: number): Promise<Map<string, ZipEntry>> {
  const cd = await findCentralDirectory(fh, size)
  const buf = await readAt(fh, cd.offset, cd.length)
  const entries = new Map<string, ZipEntry>()
  let p = 0
  for (let n = 0; n < cd.count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CD_SIG) throw new NotAZip('bad central directory')
    const nameLength = buf.readUInt16LE(p + 28)
    const extraLength = buf.readUInt16LE(p + 30)
    const commentLength = buf.readUInt16LE(p + 32)
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      crc32: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    }
    zip64Extra(buf.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry)
    entries.set(entry.name, entry)
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Where a part's data begins, past its local header; checks that the data lies inside the file. */
async function dataStart(fh: FileHandle, entry: ZipEntry, size: number): Promise<number> {
  if (entry.method !== 0 && entry.method !== 8) throw new NotAZip(`compression method ${entry.method}`)
  const local = await readAt(fh, entry.localOffset, 30)
  if (local.readUInt32LE(0) !== LOCAL_SIG) throw new NotAZip('bad local header')
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
  if (start + entry.compressedSize > size) throw new NotAZip(`${entry.name} outside the file`)
  return start
}

/** A whole small part (workbook.xml and its rels), inflated with a hard output cap. */
async function readEntryText(fh: FileHandle, entry: ZipEntry, start: number, maxOutput = 16 * 1024 * 1024): Promise<string> {
  if (entry.uncompressedSize > maxOutput) throw new NotAZip(`${entry.name} too large`)
  const data = await readAt(fh, start, entry.compressedSize)
  const text = entry.method === 0 ? data : inflateRawSync(data, {maxOutputLength: maxOutput})
  return text.toString('utf8')
}

/** The first few KB of a part, enough to see a worksheet's <dimension>. */
async function readEntryPrefix(fh: FileHandle, entry: ZipEntry, start: number): Promise<string> {
  const data = await readAt(fh, start, Math.min(entry.compressedSize, 4096))
  if (entry.method === 0) return data.toString('utf8')
  try {
    return inflateRawSync(data, {finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: 8 * 1024 * 1024}).toString('utf8')
  } catch {
    return ''
  }
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c
  }
  return table
})()

// zlib.crc32 is native from Node 20.15; the table version covers older Node 20 releases.
const nativeCrc32 = (zlib as {crc32?: (data: Buffer, value?: number) => number}).crc32

function crc32(previous: number, buf: Buffer): number {
  if (nativeCrc32) return nativeCrc32(buf, previous)
  let c = ~previous
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8)
  return ~c >>> 0
}

/**
 * The inflated bytes of one part, checked against the directory as they pass: more bytes than declared (a zip
 * bomb whose sizes lie) or a wrong size or CRC at the end (damage) fails the stream, and so the read.
 */
function partStream(path: string, entry: ZipEntry, start: number): Readable {
  let produced = 0
  let crc = 0
  // exceljs decodes each chunk on its own; a character split across two inflated chunks (any Chinese text) would
  // become U+FFFD. So the part is handed over as text, decoded with a decoder that carries partial characters.
  const decoder = new StringDecoder('utf8')
  const check = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      produced += chunk.length
      if (produced > entry.uncompressedSize) return callback(new NotAZip(`${entry.name} larger than declared`))
      crc = crc32(crc, chunk)
      const text = decoder.write(chunk)
      callback(null, text === '' ? undefined : text)
    },
    flush(callback) {
      if (produced !== entry.uncompressedSize || crc !== entry.crc32) return callback(new NotAZip(`${entry.name} damaged`))
      const rest = decoder.end()
      callback(null, rest === '' ? undefined : rest)
    },
  })
  const raw = entry.compressedSize === 0 ? Readable.from([]) : createReadStream(path, {start, end: start + entry.compressedSize - 1})
  const stages: Array<NodeJS.ReadableStream | NodeJS.WritableStream> = entry.method === 8 ? [raw, createInflateRaw(), check] : [raw, check]
  // The callback form destroys every stage on error and passes the error on to `check`, which is what the
  // parser reads: a damaged part surfaces as an exception, never as a stall.
  pipeline(stages as never, () => undefined)
  return check
}

const XML_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
])

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16))
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10))
    return XML_ENTITIES.get(ref) ?? whole
  })
}

/** Attributes of one start tag; names keep their prefix (`r:id`). A Map, since the names come from the file. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''))
  return out
}

function relationshipId(attrs: Map<string, string>): string | undefined {
  for (const [k, v] of attrs) if (k !== 'sheetId' && /(^|:)id$/.test(k)) return v
  return undefined
}

interface Part {
  entry: ZipEntry
  start: number
}

export interface SheetInfo {
  name: string
  hidden: boolean
  order: number
  part: Part
}

export interface WorkbookInfo {
  sheets: SheetInfo[]
  date1904: boolean
  sharedStrings: Part | null
  styles: Part | null
}

interface WorkbookXml {
  sheets: Array<{name: string; hidden: boolean; path: string}>
  date1904: boolean
  /** other parts by relationship type suffix (sharedStrings, styles) */
  parts: Map<string, string>
}

function resolveTarget(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target))
}

function parseWorkbook(workbookXml: string, relsXml: string): WorkbookXml {
  const targets = new Map<string, string>()
  const parts = new Map<string, string>()
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0])
    const id = a.get('Id')
    const target = a.get('Target')
    const type = (a.get('Type') ?? '').replace(/^.*\//, '')
    if (!id || !target || a.get('TargetMode') === 'External') continue
    if (type === 'worksheet') targets.set(id, resolveTarget(target))
    else if (!parts.has(type)) parts.set(type, resolveTarget(target))
  }
  const sheets: WorkbookXml['sheets'] = []
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0])
    const rid = relationshipId(a)
    const path = rid ? targets.get(rid) : undefined
    if (!path) continue // chart sheets and dialog sheets hold no cells
    sheets.push({name: a.get('name') ?? '', hidden: (a.get('state') ?? 'visible') !== 'visible', path})
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbookXml)
  return {sheets, date1904, parts}
}

/** The last row of `<dimension ref="A1:Z300000"/>`, or null. */
function declaredRows(sheetXmlStart: string): number | null {
  const m = /<(?:\w+:)?dimension\b[^>]*\bref\s*=\s*["']([A-Z]*)(\d+)(?::([A-Z]*)(\d+))?["']/.exec(sheetXmlStart)
  if (!m) return null
  return Number(m[4] ?? m[2])
}

function checkUncompressed(entries: Map<string, ZipEntry>, file: string): void {
  let total = 0
  for (const e of entries.values()) total += e.uncompressedSize
  if (total > MAX_UNCOMPRESSED_BYTES) throw new InvalidData('file.uncompressedTooLarge', {file, bytes: total, limit: MAX_UNCOMPRESSED_BYTES})
  for (const e of entries.values()) {
    if (/sharedStrings\.xml$/i.test(e.name) && e.uncompressedSize > MAX_SHARED_STRINGS_BYTES) {
      throw new InvalidData('file.uncompressedTooLarge', {file, bytes: e.uncompressedSize, limit: MAX_SHARED_STRINGS_BYTES})
    }
  }
}

async function partAt(fh: FileHandle, entries: Map<string, ZipEntry>, path: string | undefined, size: number): Promise<Part | null> {
  const entry = path === undefined ? undefined : entries.get(path)
  return entry ? {entry, start: await dataStart(fh, entry, size)} : null
}

/** Everything that can be known from the zip directory, before any sheet is parsed. */
async function inspectWorkbook(path: string, file: string, limits: Limits): Promise<WorkbookInfo> {
  const {size} = await stat(path)
  const fh = await open(path, 'r')
  try {
    const entries = await readZipDirectory(fh, size)
    checkUncompressed(entries, file)
    const workbook = await partAt(fh, entries, 'xl/workbook.xml', size)
    const rels = await partAt(fh, entries, 'xl/_rels/workbook.xml.rels', size)
    if (!workbook || !rels) throw new InvalidData('file.notWorkbook', {file})
    const xml = parseWorkbook(await readEntryText(fh, workbook.entry, workbook.start), await readEntryText(fh, rels.entry, rels.start))
    const sheets: SheetInfo[] = []
    for (const s of xml.sheets) {
      const part = await partAt(fh, entries, s.path, size)
      if (!part) throw new InvalidData('file.notWorkbook', {file, sheet: s.name})
      const rows = declaredRows(await readEntryPrefix(fh, part.entry, part.start))
      if (rows !== null && rows > limits.maxRows) throw tooManyRows(file, s.name, rows, limits)
      sheets.push({name: s.name, hidden: s.hidden, order: sheets.length, part})
    }
    return {
      sheets,
      date1904: xml.date1904,
      sharedStrings: await partAt(fh, entries, xml.parts.get('sharedStrings') ?? 'xl/sharedStrings.xml', size),
      styles: await partAt(fh, entries, xml.parts.get('styles') ?? 'xl/styles.xml', size),
    }
  } catch (e) {
    if (e instanceof InvalidData) throw e
    throw new InvalidData('file.notWorkbook', {file})
  } finally {
    await fh.close()
  }
}

// The parts of exceljs's streaming reader used here. Its typings omit these; they are stable across exceljs 4.
interface StreamWorkbookInternals {
  model?: unknown
  properties?: unknown
  sharedStrings?: unknown[]
  styles?: {getStyleModel(id: number): {numFmt?: unknown} | null}
  _parseSharedStrings(stream: Readable): AsyncIterable<unknown>
  _parseStyles(stream: Readable): Promise<void>
}
type SaxEvent = {eventType: 'opentag'; value: {name: string; attributes: Record<string, string>}} | {eventType: 'text'; value: string} | {eventType: 'closetag'; value: {name: string}}
type ParseSax = (stream: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>

async function openWorkbookReader(path: string, info: WorkbookInfo, parts = {sharedStrings: true, styles: true}): Promise<StreamWorkbookInternals> {
  // The streaming reader's own module, not all of exceljs: the writers and the document model are not needed here.
  const {default: WorkbookReader} = await import('exceljs/lib/stream/xlsx/workbook-reader.js')
  const options = {sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore'} as const
  const reader = new WorkbookReader(path, options) as unknown as StreamWorkbookInternals
  for (const method of ['_parseSharedStrings', '_parseStyles'] as const) {
    if (typeof reader[method] !== 'function') throw new Error(`exceljs ${method} is missing: the streaming reader changed`)
  }
  reader.model = {sheets: []}
  reader.properties = {model: {date1904: info.date1904}}
  if (info.sharedStrings && parts.sharedStrings) for await (const _ of reader._parseSharedStrings(partStream(path, info.sharedStrings.entry, info.sharedStrings.start))) void _
  // Without the styles every date cell would read as a bare number.
  if (info.styles && parts.styles) await reader._parseStyles(partStream(path, info.styles.entry, info.styles.start))
  return reader
}

/** 'AB12' → 28 (the column of an A1 reference); 0 when there is none. */
function referenceColumn(ref: string | undefined): number {
  if (!ref) return 0
  let col = 0
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~0x20
    if (code < 65 || code > 90) break
    col = col * 26 + (code - 64)
  }
  return col
}

export interface SheetRow {
  number: number
  cells: Array<CellValue | SharedStringRef>
}

/** A shared-string cell read without the shared strings (the worker): the index, resolved by the main thread. */
export interface SharedStringRef {
  sst: number
}

/**
 * The rows of one worksheet part, as CellValues. The values are what exceljs's streaming worksheet reader gives
 * (the same shared strings, styles and number formats, the same value shapes through toCellValue), built straight
 * from exceljs's sax events: its Row and Cell objects cost more than the whole rest of an import of 50,000 rows.
 * Rows and cells without an `r` reference (some writers leave them out) follow the one before.
 */
async function* sheetRows(reader: StreamWorkbookInternals, parseSax: ParseSax, part: Readable, onUncalculated: (ref: string) => void, date1904: boolean, withSharedStrings: boolean, count: CellCount): AsyncGenerator<SheetRow> {
  const sharedStrings = reader.sharedStrings ?? []
  const styles = new Map<number, {numFmt?: unknown} | null>()
  const styleOf = (styleId: number) => {
    let style = styles.get(styleId)
    if (style === undefined) styles.set(styleId, (style = reader.styles?.getStyleModel(styleId) ?? null))
    return style
  }
  let inRows = false
  let row: SheetRow | null = null
  let rowFmt: unknown
  let lastRow = 0
  let col = 0
  // cells before this row, and this row's <c> elements and width (see MAX_CELLS_PER_FILE)
  let before = count.cells
  let elements = 0
  let width = 0
  // the cell being read
  let inCell = false
  let cellType: string | undefined
  let cellRef = ''
  let formula: string | null = null
  let text: string | null = null
  let capture: 'f' | 'v' | null = null
  // phonetic guides (<rPh>) are not part of the text
  let inPhonetic = false
  const ctx: CellContext = {date1904, numFmt: undefined, onUncalculated: () => onUncalculated(cellRef)}
  for await (const events of parseSax(part)) {
    const done: SheetRow[] = []
    for (const event of events) {
      if (event.eventType === 'text') {
        if (capture === 'v') text += event.value
        else if (capture === 'f') formula += event.value
        continue
      }
      const name = event.value.name
      if (event.eventType === 'opentag') {
        const attributes = event.value.attributes
        if (name === 'c') {
          if (!row) continue
          const ref = attributes.r
          col = referenceColumn(ref) || col + 1
          if (col > MAX_COLUMNS) throw new TooManyCells('columns', row.number)
          elements += 1
          if (col > width) width = col
          if (before + (elements > width ? elements : width) > count.max) throw new TooManyCells('cells', row.number)
          // as exceljs: a cell's own style, else the row's
          const style = attributes.s ? styleOf(Number.parseInt(attributes.s, 10)) : null
          ctx.numFmt = style ? style.numFmt : rowFmt
          inCell = true
          cellType = attributes.t
          cellRef = ref ?? `${columnLetter(col)}${row.number}`
          formula = text = null
          capture = null
        } else if (name === 'v' || name === 't') {
          // <is><t>…</t></is> and rich inline runs <is><r><t>…</t></r>…</is> add up to one text
          if (inCell && !inPhonetic) {
            if (text === null || name === 'v') text = ''
            capture = 'v'
          }
        } else if (name === 'f') {
          if (inCell) {
            formula = ''
            capture = 'f'
          }
        } else if (name === 'rPh') {
          inPhonetic = true
        } else if (name === 'row') {
          if (!inRows) continue
          const number = Number.parseInt(attributes.r, 10)
          row = {number: Number.isFinite(number) ? number : lastRow + 1, cells: []}
          lastRow = row.number
          col = 0
          before = count.cells
          elements = width = 0
          rowFmt = attributes.s ? styleOf(Number.parseInt(attributes.s, 10))?.numFmt : undefined
        } else if (name === 'sheetData') {
          inRows = true
        }
        continue
      }
      // closetag
      if (name === 'v' || name === 't' || name === 'f') {
        capture = null
      } else if (name === 'c') {
        if (row && inCell && col > 0 && !withSharedStrings && cellType === 's' && formula === null && text !== null) {
          row.cells[col - 1] = {sst: Number.parseInt(text, 10)}
        } else if (row && inCell && col > 0) {
          const v = cellValueOf(cellType, formula, text, ctx.numFmt, sharedStrings, date1904)
          const converted = v === undefined ? null : toCellValue(v, ctx)
          if (converted !== null || row.cells[col - 1] === undefined) row.cells[col - 1] = converted
        }
        inCell = false
        capture = null
      } else if (name === 'rPh') {
        inPhonetic = false
      } else if (name === 'row') {
        if (row) {
          done.push(row)
          count.cells = before + (elements > width ? elements : width)
        }
        row = null
      } else if (name === 'sheetData') {
        inRows = false
      }
    }
    yield* done
  }
}

/** The value exceljs's streaming reader would give a cell (see its WorksheetReader.parse). */
function cellValueOf(type: string | undefined, formula: string | null, text: string | null, fmt: unknown, sharedStrings: unknown[], date1904: boolean): unknown {
  if (formula !== null) {
    if (text === null) return {formula}
    return {formula, result: type === 'str' ? text : Number.parseFloat(text)}
  }
  if (text === null) return undefined
  switch (type) {
    case 's':
      return sharedStrings[Number.parseInt(text, 10)]
    case 'inlineStr':
    case 'str':
      return text
    case 'e':
      return {error: text}
    case 'b':
      return Number.parseInt(text, 10) !== 0
    default: {
      const n = Number.parseFloat(text)
      return isDateFormat(fmt) ? serialCell(n, date1904) : n
    }
  }
}

async function readXlsxFile(path: string, file: string, limits: Limits): Promise<SheetsRead> {
  const info = await inspectWorkbook(path, file, limits)
  if (info.sheets.length === 0) throw new InvalidData('file.empty', {file})
  const results: Array<{order: number; result: ReturnType<SheetAssembler['finish']>}> = []
  const count: CellCount = {cells: 0, max: MAX_CELLS_PER_FILE}
  let current = ''
  try {
    // exceljs and the shared strings are loaded in this thread only when a sheet is read here
    let here: Promise<SheetParser> | null = null
    let sharedStrings: Promise<unknown[]> | null = null
    for (const sheet of info.sheets) {
      current = sheet.name
      const uncalculated: string[] = []
      const onUncalculated = (ref: string) => {
        if (uncalculated.length < MAX_UNCALCULATED_REPORTED) uncalculated.push(ref)
      }
      const parseHere = async function* () {
        yield* (await (here ??= sheetParser(path, info)))(sheet, onUncalculated, count)
      }
      let rows: AsyncIterable<SheetRow>
      if (inWorker(sheet)) {
        if (!sharedStrings) {
          sharedStrings = sharedStringsOf(path, info)
          // awaited with the first row; until then a failure must not count as unhandled
          sharedStrings.catch(() => undefined)
        }
        rows = resolvingSharedStrings(workerRows(path, info, sheet, onUncalculated, count, parseHere), sharedStrings)
      } else rows = parseHere()
      results.push({order: sheet.order, result: await readWorksheet(rows, sheet, file, limits, uncalculated)})
    }
  } catch (e) {
    if (e instanceof InvalidData) throw e
    if (e instanceof TooManyCells) throw tooManyCells(e, file, current)
    throw new InvalidData('file.notWorkbook', {file})
  }
  if (results.every((r) => 'reason' in r.result && r.result.reason === 'empty')) throw new InvalidData('file.empty', {file})
  return collect(results)
}

type SheetParser = (sheet: SheetInfo, onUncalculated: (ref: string) => void, count: CellCount) => AsyncGenerator<SheetRow>

/** Opens the workbook's shared parts once; then parses any of its sheets into rows. Also what the worker runs. */
export async function sheetParser(path: string, info: WorkbookInfo, withSharedStrings = true): Promise<SheetParser> {
  const reader = await openWorkbookReader(path, info, {sharedStrings: withSharedStrings, styles: true})
  const {default: parseSax} = (await import('exceljs/lib/utils/parse-sax.js')) as {default: ParseSax}
  return (sheet, onUncalculated, count) => sheetRows(reader, parseSax, partStream(path, sheet.part.entry, sheet.part.start), onUncalculated, info.date1904, withSharedStrings, count)
}

/** The workbook's shared strings, parsed here while the worker starts on the sheet itself. */
async function sharedStringsOf(path: string, info: WorkbookInfo): Promise<unknown[]> {
  return (await openWorkbookReader(path, info, {sharedStrings: true, styles: false})).sharedStrings ?? []
}

async function* resolvingSharedStrings(rows: AsyncIterable<SheetRow>, strings: Promise<unknown[]>): AsyncGenerator<SheetRow> {
  let sst: unknown[] | null = null
  for await (const row of rows) {
    sst ??= await strings
    const cells = row.cells
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]
      if (c !== null && typeof c === 'object' && 'sst' in c) cells[i] = toCellValue(sst[c.sst])
    }
    yield row
  }
}

// A large sheet is parsed in a worker thread while this thread checks the rows already parsed: on two cores a
// 50,000-row import then takes little longer than the parse alone. Small sheets stay here (a worker costs ~0.1 s
// to start). ITPLAN_SHEET_WORKER_MIN_BYTES moves the line (0: every sheet; tests use it to cover both paths).
const WORKER_MIN_BYTES = 4 * 1024 * 1024
const WORKER_BATCH_ROWS = 500
const workerFile = new URL('./sheet-worker.js', import.meta.url)

// Run from the TypeScript sources (the unit tests, under tsx) there is no compiled worker to start.
const fromSources = import.meta.url.endsWith('.ts')

function workerMinBytes(): number {
  const setting = process.env.ITPLAN_SHEET_WORKER_MIN_BYTES
  return setting !== undefined && setting.trim() !== '' && Number.isFinite(Number(setting)) ? Number(setting) : WORKER_MIN_BYTES
}

function inWorker(sheet: SheetInfo): boolean {
  return !fromSources && sheet.part.entry.uncompressedSize >= workerMinBytes()
}

/** A worker started ahead of need, loading exceljs while this thread reads the register and the workbook's
 * directory; unreferenced, so an import that never uses it still exits at once. */
let spare: {worker: Worker; dead: boolean} | null = null

function startWorker(data: SheetWorkerData | null): Worker {
  // Nothing the worker might print may reach the clerk's screen or a --json document: its output is drained
  // once it is at work (a flowing stream would keep an unused spare, and so the process, alive).
  return new Worker(workerFile, {workerData: data, stdout: true, stderr: true})
}

function atWork(worker: Worker): Worker {
  worker.stdout.resume()
  worker.stderr.resume()
  return worker
}

/**
 * Starts the sheet worker early when one of `files` looks large enough to need it (a workbook compresses about
 * eight to one, so its size on disk says roughly whether a sheet will be over the line).
 */
export async function prepareSheetWorker(paths: string[]): Promise<void> {
  if (fromSources || spare) return
  let large = false
  for (const path of paths) {
    if (!/\.xls[xm]$/i.test(path)) continue
    const bytes = await stat(path).then((s) => s.size, () => 0)
    if ((large = bytes * 8 >= workerMinBytes())) break
  }
  if (!large) return
  const worker = startWorker(null)
  const entry = {worker, dead: false}
  worker.on('exit', () => (entry.dead = true))
  worker.on('error', () => (entry.dead = true))
  worker.unref()
  spare = entry
}

function takeWorker(data: SheetWorkerData): Worker {
  const ready = spare
  spare = null
  if (!ready || ready.dead) return atWork(startWorker(data))
  ready.worker.removeAllListeners()
  ready.worker.ref()
  ready.worker.postMessage(data)
  return atWork(ready.worker)
}

export interface SheetWorkerData {
  path: string
  info: WorkbookInfo
  sheet: SheetInfo
  batchRows: number
  /** the file's cells before this sheet, and the limit */
  count: CellCount
}
export type SheetWorkerMessage =
  | {rows: SheetRow[]}
  | {done: true; uncalculated: string[]; cells: number}
  | {failed: string}
  | {tooMany: {kind: TooManyCells['kind']; row: number}}

/**
 * The rows of one sheet, parsed by a worker thread. A worker that cannot start or dies before its first rows (no
 * memory for a second thread, say) is no reason to refuse the file: the sheet is then parsed here instead.
 */
async function* workerRows(path: string, info: WorkbookInfo, sheet: SheetInfo, onUncalculated: (ref: string) => void, count: CellCount, here: () => AsyncGenerator<SheetRow>): AsyncGenerator<SheetRow> {
  const worker = takeWorker({path, info, sheet, batchRows: WORKER_BATCH_ROWS, count: {...count}})
  const queue: Array<SheetWorkerMessage | {crashed: string}> = []
  let wake: (() => void) | null = null
  const push = (m: SheetWorkerMessage | {crashed: string}) => {
    queue.push(m)
    wake?.()
  }
  worker.on('message', push)
  worker.on('error', (e) => push({crashed: e.message}))
  worker.on('exit', (code) => push({crashed: `sheet worker exited (${code})`}))
  let yielded = false
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      wake = null
      const m = queue.shift()!
      if ('failed' in m) throw new Error(m.failed)
      if ('tooMany' in m) throw new TooManyCells(m.tooMany.kind, m.tooMany.row)
      if ('crashed' in m) {
        if (yielded) throw new Error(m.crashed)
        break
      }
      if ('done' in m) {
        for (const ref of m.uncalculated) onUncalculated(ref)
        count.cells = m.cells
        return
      }
      yielded = true
      yield* m.rows
    }
  } finally {
    // also when the reader stops early (too many rows): the worker's parse is of no use any more
    worker.removeAllListeners()
    await worker.terminate()
  }
  yield* here()
}

async function readWorksheet(rows: AsyncIterable<SheetRow>, sheet: SheetInfo, file: string, limits: Limits, uncalculated: string[]) {
  const assembler = new SheetAssembler(sheet.name, loadDictionary().headerDetection, limits.sink, limits.keepRows)
  let counted = 0
  for await (const row of rows) {
    // Both the rows' own numbers and how many came: a file can number every row 2.
    counted += 1
    if (row.number > limits.maxRows || counted > limits.maxRows) throw tooManyRows(file, sheet.name, Math.max(row.number, counted), limits)
    if (limits.onRows && counted % PROGRESS_EVERY === 0) limits.onRows(counted)
    const cells = row.cells as CellValue[]
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
    assembler.add(row.number, cells)
  }
  return assembler.finish({hidden: sheet.hidden, uncalculatedCells: uncalculated})
}

// ---------------------------------------------------------------------------------------------------------
// .csv

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 when a BOM says so, else GB18030 (what
 * Chinese Excel and WPS write); text that decodes to replacement characters or NULs is refused.
 */
export function decodeCsvBytes(bytes: Buffer, file: string): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(bytes.subarray(3).toString('utf8'), file)
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return checked(iconv.decode(bytes.subarray(2), 'utf-16le'), file)
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return checked(iconv.decode(bytes.subarray(2), 'utf-16be'), file)
  let utf8: string | null = null
  try {
    utf8 = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    utf8 = null
  }
  return checked(utf8 ?? iconv.decode(bytes, 'gb18030'), file)
}

function checked(text: string, file: string): string {
  if (text.includes('\u0000') || text.includes('\ufffd')) throw new InvalidData('file.encoding', {file})
  return text
}

/** Tab when the first lines hold more tabs than commas outside quotes (Excel's 'Unicode text'), else comma. */
export function sniffDelimiter(text: string): ',' | '\t' {
  let commas = 0
  let tabs = 0
  let quoted = false
  let lines = 0
  for (let i = 0; i < text.length && lines < 5; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (quoted) continue
    else if (ch === ',') commas++
    else if (ch === '\t') tabs++
    else if (ch === '\n') lines++
  }
  return tabs > commas ? '\t' : ','
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF and CR all
 * end a record. A quote inside an unquoted field is kept as text. Yields 1-based record numbers.
 */
export function* parseDelimited(text: string, delim: string, file: string): Generator<{rowNumber: number; fields: string[]}> {
  let fields: string[] = []
  let field = ''
  let rowNumber = 1
  let i = 0
  const n = text.length
  let atFieldStart = true
  while (i < n) {
    const ch = text[i]
    if (atFieldStart && ch === '"') {
      const end = quotedEnd(text, i + 1)
      if (end < 0) throw new InvalidData('file.csvMalformed', {file, sheet: file, row: rowNumber})
      field += text.slice(i + 1, end).replace(/""/g, '"')
      i = end + 1
      atFieldStart = false
      continue
    }
    atFieldStart = false
    if (ch === delim) {
      fields.push(field)
      // another field follows: a header of 45 million commas is refused at the 16,385th field, not held whole
      if (fields.length >= MAX_COLUMNS) throw new InvalidData('file.tooManyColumns', {file, sheet: file, row: rowNumber, limit: MAX_COLUMNS})
      field = ''
      atFieldStart = true
      i++
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field)
      yield {rowNumber, fields}
      rowNumber++
      fields = []
      field = ''
      atFieldStart = true
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      // Plain characters up to the next delimiter or line break, in one slice.
      let j = i + 1
      while (j < n && text[j] !== delim && text[j] !== '\n' && text[j] !== '\r') j++
      field += text.slice(i, j)
      i = j
    }
  }
  if (!atFieldStart || field !== '' || fields.length > 0) {
    fields.push(field)
    yield {rowNumber, fields}
  }
}

/** Index of the quote closing a quoted field opened before `from`, or −1. */
function quotedEnd(text: string, from: number): number {
  let i = from
  for (;;) {
    const q = text.indexOf('"', i)
    if (q < 0) return -1
    if (text[q + 1] === '"') {
      i = q + 2
      continue
    }
    return q
  }
}

async function readCsvFile(path: string, file: string, limits: Limits): Promise<SheetsRead> {
  let text = decodeCsvBytes(await readFile(path), file)
  if (text.trim() === '') throw new InvalidData('file.empty', {file})
  // Excel's `sep=;` first line names the delimiter and is not shown as a row.
  const sep = /^sep=(.)\r?\n/i.exec(text)
  if (sep) text = text.slice(sep[0].length)
  const delim = sep ? sep[1] : sniffDelimiter(text)
  const assembler = new SheetAssembler(file, loadDictionary().headerDetection, limits.sink, limits.keepRows)
  let cells = 0
  for (const {rowNumber, fields} of parseDelimited(text, delim, file)) {
    if (rowNumber > limits.maxRows) throw tooManyRows(file, file, rowNumber, limits)
    if ((cells += fields.length) > MAX_CELLS_PER_FILE) throw tooManyCells(new TooManyCells('cells', rowNumber), file, file)
    if (limits.onRows && rowNumber % PROGRESS_EVERY === 0) limits.onRows(rowNumber)
    assembler.add(rowNumber, fields.map(cleanText))
  }
  return collect([{order: 0, result: assembler.finish({hidden: false, uncalculatedCells: []})}])
}

// ---------------------------------------------------------------------------------------------------------
// .xls / .et through LibreOffice

/** Well-known install locations, since the Windows and macOS installers do not put soffice on the PATH. */
function wellKnownSoffice(): string[] {
  if (process.platform === 'win32') {
    const roots = [process.env['ProgramFiles'], process.env['ProgramFiles(x86)']].filter((r): r is string => !!r)
    return roots.map((r) => join(r, 'LibreOffice', 'program', 'soffice.exe'))
  }
  if (process.platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
  return []
}

async function isExecutable(candidate: string): Promise<boolean> {
  try {
    await access(candidate, process.platform === 'win32' ? fsConstants.F_OK : fsConstants.X_OK)
    return (await stat(candidate)).isFile()
  } catch {
    return false
  }
}

/** soffice on the PATH (looked up without a shell), else at a well-known location, else null. */
export async function findSoffice(): Promise<string | null> {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com', 'soffice'] : ['soffice']
  const dirs = (process.env.PATH ?? process.env.Path ?? '').split(delimiter).filter((d) => d !== '')
  for (const dir of dirs) for (const name of names) if (await isExecutable(join(dir, name))) return join(dir, name)
  for (const candidate of wellKnownSoffice()) if (await isExecutable(candidate)) return candidate
  return null
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, {timeout: SOFFICE_TIMEOUT_MS, windowsHide: true}, (error, _stdout, stderr) => {
      if (error) reject(new Error(String(stderr || error.message).trim().slice(0, 300)))
      else resolve()
    })
  })
}

async function readLegacyFile(path: string, file: string, limits: Limits, sofficeOption: string | null | undefined): Promise<SheetsRead> {
  const soffice = sofficeOption === undefined ? await findSoffice() : sofficeOption
  if (!soffice) throw new InvalidData('file.legacyFormat', {file, ext: extname(file).toLowerCase()})
  const work = await mkdtemp(join(tmpdir(), 'itplan-soffice-'))
  try {
    // A plain ASCII copy: soffice names its output after the input, and some builds mishandle non-ASCII paths.
    const inDir = join(work, 'in')
    const outDir = join(work, 'out')
    await mkdir(inDir)
    const source = join(inDir, 'source' + extname(file).toLowerCase())
    await copyFile(path, source)
    // A private profile, so parallel runs (and a clerk's open LibreOffice) do not block each other.
    const profile = pathToFileURL(join(work, 'profile')).href
    try {
      await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'xlsx', '--outdir', outDir, source])
    } catch (e) {
      throw new InvalidData('file.convertFailed', {file, detail: (e as Error).message})
    }
    const converted = join(outDir, 'source.xlsx')
    if (!(await isFile(converted))) throw new InvalidData('file.convertFailed', {file, detail: 'no output'})
    return await readXlsxFile(converted, file, limits)
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

async function isFile(candidate: string): Promise<boolean> {
  try {
    return (await stat(candidate)).isFile()
  } catch {
    return false
  }
}

// What the official workbooks (DESIGN §7) share: the layout read from templates/*.json, the title / unit-note /
// header rows, borders and print setup, the 说明 sheet that lets a printed table be traced back to the register,
// amounts as exact 万元 numbers, and text that can never turn into a formula or break the file.
//
// Everything here works on exceljs's streaming writer (stream.xlsx.WorkbookWriter), which the plan export needs
// for 10,000 rows. Two of its habits shape the code: sheet views and the fit-to-page flag are written when the
// sheet is created, so they go into addWorksheet's options; and a row can only be touched (values, merges) until
// it is committed, so every row here is filled, merged and committed in one go, top to bottom.
//
// Styles are shared objects built once per workbook: exceljs then finds each one's style id by identity (a
// WeakMap) instead of serialising a style per cell. They are never mutated after a cell holds them.
import {writeAtomically} from '../atomic-file.js'
import type {Row, Style, Workbook, Worksheet} from 'exceljs'
import {InvalidData} from '../domain/errors.js'
import {fenToWanNumber, formatWan} from '../domain/money.js'
import {word} from '../i18n/index.js'
import {readPackageJson} from '../package-root.js'
import {isoToExcelSerial, isValidIsoDate} from '../domain/iso-date.js'
import type {Rules} from '../domain/types.js'
import {safeText} from './errors-workbook.js'
import {asStorageFailure} from '../output.js'

export {safeText}

// ── templates ────────────────────────────────────────────────────────────────────────────────────────────────

export type ColumnKind = 'text' | 'amount' | 'integer' | 'date'

export interface ColumnSpec<K extends string = string> {
  key: K
  header: string
  width: number
  kind: ColumnKind
  numFmt?: string
  wrap?: boolean
}

export interface FontSpec {
  name: string
  size: number
}

export interface PrintSpec {
  /** 8 = A3, 9 = A4 */
  paperSize: number
  orientation: 'portrait' | 'landscape'
  fitToWidth: number
  fitToHeight: number
  /** inches */
  margins: {left: number; right: number; top: number; bottom: number; header: number; footer: number}
  footer?: string
}

/** The part every table template has. */
export interface TableTemplate<K extends string> {
  version: string
  sheetName: string
  /** with {year} */
  title: string
  unitNote: string
  fonts: {body: FontSpec; header: FontSpec; title: FontSpec}
  columns: Array<ColumnSpec<K>>
  totalLabel: string
  listSeparator: string
  notes: {sheetName: string; title: string}
  print: PrintSpec
}

export const DEFAULT_NUM_FMT: Record<ColumnKind, string> = {text: '@', amount: '#,##0.00', integer: '0', date: 'yyyy-mm-dd'}

/** A broken template is the office's to fix: exit 3 with the file and what is wrong. */
export function templateError(file: string, problem: string): InvalidData {
  return new InvalidData('template.invalid', {file: `templates/${file}`, problem})
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''
const isNumberIn = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max

/** Checks that `value` is text at `path` of the template; returns it. */
export function requireText(file: string, value: unknown, path: string): string {
  if (!isText(value)) throw templateError(file, `${path} 应为非空文字`)
  return value
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\\. */
export function requireSheetName(file: string, value: unknown, path: string): string {
  const name = requireText(file, value, path)
  if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw templateError(file, `${path} 应不超过31个字符，且不含 []:*?/\\`)
  return name
}

/**
 * Reads `templates/<file>` and checks the parts every table shares: the columns (known keys, each once, with the
 * kind its key needs), widths, fonts and print settings. The caller checks its own extra sections.
 */
export function loadTableTemplate<K extends string, T extends TableTemplate<K>>(file: string, kinds: Readonly<Record<K, ColumnKind>>): T {
  let raw: unknown
  try {
    raw = readPackageJson<unknown>('templates', file)
  } catch (e) {
    throw templateError(file, e instanceof Error ? e.message : String(e))
  }
  if (!isObject(raw)) throw templateError(file, '应为 JSON 对象')
  for (const key of ['sheetName', 'title', 'unitNote', 'totalLabel'] as const) requireText(file, raw[key], key)
  if (typeof raw.listSeparator !== 'string') throw templateError(file, 'listSeparator 应为文字')
  if (!isObject(raw.notes)) throw templateError(file, 'notes 缺失')
  requireText(file, raw.notes.sheetName, 'notes.sheetName')
  requireText(file, raw.notes.title, 'notes.title')
  for (const [path, name] of [['sheetName', raw.sheetName], ['notes.sheetName', raw.notes.sheetName]] as const) requireSheetName(file, name, path)
  if (raw.sheetName === raw.notes.sheetName) throw templateError(file, 'sheetName 与 notes.sheetName 不能相同')
  if (!isObject(raw.fonts)) throw templateError(file, 'fonts 缺失')
  for (const f of ['body', 'header', 'title'] as const) {
    const font = raw.fonts[f]
    if (!isObject(font) || !isText(font.name) || !isNumberIn(font.size, 4, 72)) throw templateError(file, `fonts.${f} 应为 {"name": 字体, "size": 4–72}`)
  }
  const p = raw.print
  if (!isObject(p) || !isNumberIn(p.paperSize, 1, 118) || (p.orientation !== 'portrait' && p.orientation !== 'landscape') || !isNumberIn(p.fitToWidth, 0, 100) || !isNumberIn(p.fitToHeight, 0, 100)) {
    throw templateError(file, 'print 应含 paperSize、orientation（portrait|landscape）、fitToWidth、fitToHeight')
  }
  const m = p.margins
  if (!isObject(m) || !['left', 'right', 'top', 'bottom', 'header', 'footer'].every((k) => isNumberIn(m[k], 0, 5))) throw templateError(file, 'print.margins 应含 left、right、top、bottom、header、footer（英寸）')
  if (p.footer !== undefined && typeof p.footer !== 'string') throw templateError(file, 'print.footer 应为文字')
  if (!Array.isArray(raw.columns) || raw.columns.length === 0) throw templateError(file, 'columns 应为非空列表')
  const seen = new Set<string>()
  raw.columns.forEach((c: unknown, i: number) => {
    const at = `columns[${i}]`
    if (!isObject(c)) throw templateError(file, `${at} 应为对象`)
    const key = c.key
    if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(kinds, key)) {
      throw templateError(file, `${at}.key “${String(key)}” 不在可用列中：${Object.keys(kinds).join('、')}`)
    }
    if (seen.has(key)) throw templateError(file, `${at}.key “${key}” 重复`)
    seen.add(key)
    requireText(file, c.header, `${at}.header`)
    if (!isNumberIn(c.width, 1, 255)) throw templateError(file, `${at}.width 应为 1–255 的数字`)
    const kind = kinds[key as K]
    if (c.kind !== kind) throw templateError(file, `${at}（${key}）的 kind 应为 ${kind}`)
    if (c.numFmt !== undefined && !isText(c.numFmt)) throw templateError(file, `${at}.numFmt 应为文字`)
    if (c.wrap !== undefined && typeof c.wrap !== 'boolean') throw templateError(file, `${at}.wrap 应为 true 或 false`)
  })
  return raw as unknown as T
}

/** `{name}` placeholders; unknown ones stay visible. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole))
}

/** Chinese ordinals for group labels: 一、二、三 … 十、十一 … 九十九. */
export function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']
  if (n < 10) return digits[n] || '〇'
  if (n < 100) {
    const tens = Math.floor(n / 10)
    return `${tens === 1 ? '' : digits[tens]}十${digits[n % 10]}`
  }
  return String(n)
}

// ── values ───────────────────────────────────────────────────────────────────────────────────────────────────

/** What a cell may hold. No object ever reaches exceljs from user data, so no cell can become a formula. */
export type CellOut = string | number | null

/** An amount cell: the exact 万元 value (the format shows 2 decimals). */
export function amountValue(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fenToWanNumber(fen)
}

/** `50.00 万元`, for text in the 说明 sheet. */
export function wanText(fen: number): string {
  return `${formatWan(fen)} 万元`
}

/** Sums of integer 分 by key, for subtotal and total rows; `null` when nothing was added (a blank cell). */
export class FenSums {
  private readonly sums = new Map<string, number>()

  add(key: string, fen: number | null | undefined): void {
    if (fen === null || fen === undefined) return
    this.sums.set(key, (this.sums.get(key) ?? 0) + fen)
  }

  get(key: string): number | null {
    return this.sums.get(key) ?? null
  }

  addAll(other: FenSums): void {
    for (const [key, fen] of other.sums) this.add(key, fen)
  }
}

/** A bar of `char` proportional to value / max, for the summary sheet's visual cue. */
export function textBar(value: number, max: number, length: number, char: string): string {
  if (max <= 0 || value <= 0) return ''
  return char.repeat(Math.max(1, Math.round((value / max) * length)))
}

// ── styles ───────────────────────────────────────────────────────────────────────────────────────────────────

type CellStyle = Partial<Style>

const THIN = {style: 'thin' as const}
const BORDER = {top: THIN, left: THIN, bottom: THIN, right: THIN}
const HEADER_FILL = {type: 'pattern' as const, pattern: 'solid' as const, fgColor: {argb: 'FFD9E1F2'}}
const GROUP_FILL = {type: 'pattern' as const, pattern: 'solid' as const, fgColor: {argb: 'FFF2F2F2'}}
const TOTAL_FILL = {type: 'pattern' as const, pattern: 'solid' as const, fgColor: {argb: 'FFFFF2CC'}}

export interface TableStyles {
  title: CellStyle
  note: CellStyle
  header: CellStyle
  /** data cells, by column */
  data: CellStyle[]
  /** subtotal / total cells, by column */
  total: CellStyle[]
  totalLabel: CellStyle
  groupLabel: CellStyle
  /** label / value cells of the 说明 sheet */
  notesLabel: CellStyle
  notesValue: CellStyle
  notesSection: CellStyle
  bar: CellStyle
}

function columnStyle(c: Pick<ColumnSpec, 'kind' | 'numFmt' | 'wrap'>, font: Partial<Style['font']>, fill?: Style['fill']): CellStyle {
  const numFmt = c.numFmt ?? DEFAULT_NUM_FMT[c.kind]
  const horizontal = c.kind === 'amount' ? 'right' : c.kind === 'text' ? 'left' : 'center'
  return {
    font,
    border: BORDER,
    numFmt,
    alignment: {vertical: 'middle', horizontal, wrapText: c.wrap === true},
    ...(fill ? {fill} : {}),
  }
}

export function tableStyles(fonts: TableTemplate<string>['fonts'], columns: ReadonlyArray<Pick<ColumnSpec, 'kind' | 'numFmt' | 'wrap'>>): TableStyles {
  const body = {name: fonts.body.name, size: fonts.body.size}
  const bold = {...body, bold: true}
  return {
    title: {font: {name: fonts.title.name, size: fonts.title.size, bold: true}, alignment: {horizontal: 'center', vertical: 'middle'}},
    note: {font: body, alignment: {horizontal: 'right', vertical: 'middle'}},
    header: {font: {name: fonts.header.name, size: fonts.header.size, bold: true}, border: BORDER, fill: HEADER_FILL, alignment: {horizontal: 'center', vertical: 'middle', wrapText: true}},
    data: columns.map((c) => columnStyle(c, body)),
    total: columns.map((c) => columnStyle(c.kind === 'text' ? {...c, wrap: false} : c, bold, TOTAL_FILL)),
    totalLabel: {font: bold, border: BORDER, fill: TOTAL_FILL, numFmt: '@', alignment: {horizontal: 'center', vertical: 'middle'}},
    groupLabel: {font: bold, border: BORDER, fill: GROUP_FILL, numFmt: '@', alignment: {horizontal: 'left', vertical: 'middle'}},
    notesLabel: {font: bold, border: BORDER, numFmt: '@', alignment: {horizontal: 'left', vertical: 'top', wrapText: true}},
    notesValue: {font: body, border: BORDER, numFmt: '@', alignment: {horizontal: 'left', vertical: 'top', wrapText: true}},
    notesSection: {font: bold, fill: HEADER_FILL, border: BORDER, numFmt: '@', alignment: {horizontal: 'left', vertical: 'middle'}},
    bar: {font: {...body, color: {argb: 'FF4472C4'}}, border: BORDER, numFmt: '@', alignment: {horizontal: 'left', vertical: 'middle'}},
  }
}

// ── sheets and rows ──────────────────────────────────────────────────────────────────────────────────────────

/** Title, unit note, header: the header sits on this row, frozen and repeated on every printed page. */
export const HEADER_ROW = 3

/**
 * A sheet with its print setup: paper and orientation from the template, fit to width, margins, page-number
 * footer; with `headerRow`, the rows above and including it frozen and that row printed on every page.
 */
export function addSheet(wb: Workbook, name: string, print: PrintSpec, widths: number[], headerRow: number | null): Worksheet {
  const ws = wb.addWorksheet(name, {
    views: headerRow === null ? [] : [{state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}`}],
    pageSetup: {
      paperSize: print.paperSize,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitToWidth,
      fitToHeight: print.fitToHeight,
      margins: print.margins,
      horizontalCentered: true,
      ...(headerRow === null ? {} : {printTitlesRow: `${headerRow}:${headerRow}`}),
    },
    headerFooter: print.footer ? {oddFooter: print.footer} : {},
  })
  ws.columns = widths.map((width) => ({width}))
  return ws
}

/** Fills one row: strings cleaned by safeText (and never parsed), numbers as numbers, `null` as a styled blank. */
export function fillRow(row: Row, values: readonly CellOut[], styles: readonly CellStyle[] | CellStyle): void {
  for (let i = 0; i < values.length; i++) {
    const cell = row.getCell(i + 1)
    const v = values[i]
    if (typeof v === 'string') cell.value = safeText(v)
    else if (typeof v === 'number') cell.value = Number.isFinite(v) ? v : null
    cell.style = Array.isArray(styles) ? styles[i] : (styles as CellStyle)
  }
}

/** Commits a row (the streaming writer flushes it; the in-memory writer ignores it). */
function commit(row: Row): void {
  row.commit()
}

/** Row 1: the title across every column; row 2: the unit note (单位：万元), right-aligned. */
export function writeTitleRows(ws: Worksheet, title: string, unitNote: string, columnCount: number, styles: TableStyles): void {
  const titleRow = ws.getRow(1)
  titleRow.height = 36
  fillRow(titleRow, [title], styles.title)
  if (columnCount > 1) ws.mergeCells(1, 1, 1, columnCount)
  commit(titleRow)
  const noteRow = ws.getRow(2)
  noteRow.height = 18
  fillRow(noteRow, [unitNote], styles.note)
  if (columnCount > 1) ws.mergeCells(2, 1, 2, columnCount)
  commit(noteRow)
}

export function writeHeaderRow(ws: Worksheet, rowNumber: number, headers: readonly string[], styles: TableStyles): void {
  const row = ws.getRow(rowNumber)
  row.height = 32
  fillRow(row, headers, styles.header)
  commit(row)
}

/** A row with one label across all columns (a group heading, a section heading). */
export function writeBandRow(ws: Worksheet, rowNumber: number, label: string, columnCount: number, style: CellStyle): void {
  const row = ws.getRow(rowNumber)
  row.height = 22
  fillRow(row, [label, ...Array<CellOut>(columnCount - 1).fill(null)], style)
  if (columnCount > 1) ws.mergeCells(rowNumber, 1, rowNumber, columnCount)
  commit(row)
}

export function writeDataRow(ws: Worksheet, rowNumber: number, values: readonly CellOut[], styles: readonly CellStyle[]): void {
  const row = ws.getRow(rowNumber)
  fillRow(row, values, styles)
  const height = wrappedHeight(ws, values, styles)
  if (height !== null) row.height = height
  commit(row)
}

const LINE_POINTS = 14

/** Display columns of a text: CJK and full-width characters are two. */
function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1
  return w
}

/**
 * The height a row needs for its wrapped text. LibreOffice and WPS do not always grow a row whose height the
 * file leaves unset, so long 主要建设内容 would print over the next row; the height is estimated from the
 * column widths (one width unit ≈ one Latin character), capped so one project never fills a page.
 */
function wrappedHeight(ws: Worksheet, values: readonly CellOut[], styles: readonly CellStyle[]): number | null {
  let lines = 1
  values.forEach((v, i) => {
    if (typeof v !== 'string' || !styles[i]?.alignment?.wrapText) return
    const width = Math.max(4, (ws.getColumn(i + 1).width ?? 10) - 1)
    const needed = v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / width)), 0)
    lines = Math.max(lines, needed)
  })
  return lines > 1 ? Math.min(lines, 8) * LINE_POINTS + 4 : null
}

/**
 * A 小计 / 合计 row: the label spans the columns before the first amount column (or `labelSpan` columns; or sits
 * in the first text column when an amount comes first), each amount column holds its integer sum converted to
 * 万元, and `extra` fills other columns by key (a count, a share).
 */
export function writeTotalRow<K extends string>(
  ws: Worksheet,
  rowNumber: number,
  label: string,
  columns: ReadonlyArray<Pick<ColumnSpec<K>, 'key' | 'kind'>>,
  sums: FenSums,
  styles: TableStyles,
  options: {labelSpan?: number; extra?: Partial<Record<K, CellOut>>} = {},
): void {
  const row = ws.getRow(rowNumber)
  row.height = 22
  const firstAmount = columns.findIndex((c) => c.kind === 'amount')
  const span = options.labelSpan ?? (firstAmount > 0 ? firstAmount : 1)
  const labelAt = firstAmount === 0 && options.labelSpan === undefined ? Math.max(0, columns.findIndex((c) => c.kind !== 'amount')) : 0
  const values: CellOut[] = columns.map((c) => {
    const extra = options.extra?.[c.key]
    if (extra !== undefined) return extra
    return c.kind === 'amount' ? amountValue(sums.get(c.key)) : null
  })
  values[labelAt] = label
  const labelCells = (i: number) => i === labelAt || (labelAt === 0 && i < span)
  fillRow(row, values, columns.map((_, i) => (labelCells(i) ? styles.totalLabel : styles.total[i])))
  if (labelAt === 0 && span > 1) ws.mergeCells(rowNumber, 1, rowNumber, span)
  commit(row)
}

/** Lets the zip stream drain now and then, so a long sheet does not pile up in memory. */
export function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Every this many data rows a writer yields (drain), so the zip stream drains as the sheet is written. */
export const DRAIN_EVERY = 500

/** A table sheet as every export starts it: page setup and widths, the title and unit-note rows, the header row. */
export function startTableSheet<K extends string>(wb: Workbook, t: TableTemplate<K>, year: number, styles: TableStyles): Worksheet {
  const ws = addSheet(wb, t.sheetName, t.print, t.columns.map((c) => c.width), HEADER_ROW)
  writeTitleRows(ws, fillTemplate(t.title, {year}), t.unitNote, t.columns.length, styles)
  writeHeaderRow(ws, HEADER_ROW, t.columns.map((c) => c.header), styles)
  return ws
}

// ── dates ────────────────────────────────────────────────────────────────────────────────────────────────────

/** A date cell: the Excel serial of the calendar date (no time, no time zone); text when it is not a date. */
export function dateValue(date: string | null | undefined): CellOut {
  if (!date) return null
  if (!isValidIsoDate(date)) return date
  return isoToExcelSerial(date)
}

// ── the 说明 sheet ───────────────────────────────────────────────────────────────────────────────────────────

export type NoteRow = {section: string} | {label: string; value: string}

const CITATION_LABELS: Record<string, string> = {
  procurementLimitFen: '政府采购限额标准',
  approvalStandardFen: '立项金额标准',
  timeLimits: '审批时限',
  stages: '评审环节',
  deadlines: '验收、备案和绩效评价期限',
  weakPerformance: '绩效偏弱',
}

/** The rules in force (DESIGN §3, §4): limits, the approval standard (flagged while it is an assumption), times. */
export function rulesNotes(rules: Rules): NoteRow[] {
  const limits = rules.procurementLimitFen
  const rows: NoteRow[] = [
    {section: '现行规则'},
    {label: '规则版本', value: rules.version},
    {label: '政府采购限额标准（货物）', value: wanText(limits.goods)},
    {label: '政府采购限额标准（服务）', value: wanText(limits.services)},
    {label: '政府采购限额标准（工程）', value: wanText(limits.works)},
    {
      label: '立项金额标准',
      value: wanText(rules.approvalStandardFen) + (rules.approvalStandardConfirmed ? '' : '（假设值，尚待办公室确认）'),
    },
    {
      label: '审批路径（第八条）',
      value:
        `总投资低于所属采购类别的政府采购限额标准：${word('track', 'self', 'zh')}；` +
        `达到采购限额标准、低于立项金额标准：${word('track', 'review', 'zh')}；` +
        `达到立项金额标准：${word('track', 'approval', 'zh')}（恰为立项金额标准时从严）。`,
    },
  ]
  for (const s of rules.stages) {
    rows.push({label: `审批时限：${word('stage', s.key, 'zh')}`, value: `${rules.timeLimits[s.key]} 个工作日（${s.department}，第${chineseOrdinal(s.article)}条）`})
  }
  rows.push(
    {label: '竣工验收申请期限', value: `建设完成后 ${rules.deadlines.acceptanceApplyMonths} 个月内`},
    {label: '验收备案期限', value: `竣工验收后 ${rules.deadlines.filingWorkingDays} 个工作日内`},
    {label: '绩效评价', value: `竣工验收后 ${rules.deadlines.evaluationMonths} 个月开展`},
    {label: '绩效偏弱', value: `上次绩效评价低于 ${rules.weakPerformance.scoreBelow} 分或等次为${rules.weakPerformance.grades.join('、')}`},
  )
  for (const [key, text] of Object.entries(rules.citations)) rows.push({label: `依据：${CITATION_LABELS[key] ?? key}`, value: text})
  return rows
}

/** `2027-12-31 10:00:00（UTC+08:00）`, then the exact timestamp as recorded. */
export function exportTimeText(exportedAt: string): string {
  const d = new Date(exportedAt)
  if (Number.isNaN(d.getTime())) return exportedAt
  const pad = (n: number) => String(n).padStart(2, '0')
  const offset = -d.getTimezoneOffset()
  const zone = `UTC${offset >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  return `${local}（${zone}；${exportedAt}）`
}

/** Where the printed table comes from: the export time, the journal head, the tool and the template. */
export function traceNotes(o: {exportedAt: string; auditHead: string | null; auditSeq?: number; template: string; templateVersion: string}): NoteRow[] {
  let version = ''
  try {
    version = readPackageJson<{version?: string}>('package.json').version ?? ''
  } catch {
    // the version is a courtesy; the audit head is what traces the table
  }
  return [
    {section: '追溯信息'},
    {label: '导出时间', value: exportTimeText(o.exportedAt)},
    {label: '登记簿审计链头', value: o.auditHead === null ? '（登记簿尚无审计记录）' : o.auditSeq ? `${o.auditHead}（第 ${o.auditSeq} 条记录）` : o.auditHead},
    {
      label: '核对方法',
      value: '上行为本表导出时登记簿审计日志最后一条记录的哈希值。运行 itplan audit verify 核对审计日志完整，再用 itplan audit log 查到该记录，其后对登记簿的每一项改动均可逐条查明。',
    },
    {label: '导出工具', value: `itplan ${version}`.trim()},
    {label: '版式模板', value: `templates/${o.template}（版本 ${o.templateVersion}）`},
  ]
}

/** The 说明 sheet: a title and two columns, 项目 / 内容, sections in bands. */
export function writeNotesSheet(wb: Workbook, o: {name: string; title: string; rows: NoteRow[]; print: PrintSpec; styles: TableStyles}): void {
  const ws = addSheet(wb, o.name, o.print, [30, 110], null)
  const titleRow = ws.getRow(1)
  titleRow.height = 32
  fillRow(titleRow, [o.title], o.styles.title)
  ws.mergeCells(1, 1, 1, 2)
  commit(titleRow)
  let r = 2
  for (const note of o.rows) {
    r += 1
    if ('section' in note) writeBandRow(ws, r, note.section, 2, o.styles.notesSection)
    else writeDataRow(ws, r, [note.label, note.value], [o.styles.notesLabel, o.styles.notesValue])
  }
  ws.commit()
}

// ── the file ─────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Writes a workbook through exceljs's streaming writer into a temporary file beside `outPath`, then renames it,
 * so a failed export never leaves a half-written file under the target name. exceljs is imported here, lazily.
 */
export async function writeStreamingWorkbook(outPath: string, build: (wb: Workbook) => Promise<void>): Promise<void> {
  const {default: ExcelJS} = await import('exceljs')
  const fill = async (temp: string) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({filename: temp, useStyles: true, useSharedStrings: false})
    wb.creator = 'itplan'
    await build(wb)
    await wb.commit()
  }
  await writeAtomically(outPath, fill).catch((error: unknown) => {
    throw asStorageFailure(error, outPath)
  })
}

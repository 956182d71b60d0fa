// The sheets and rows every official table shares: print setup, the title / unit-note / header rows, group
// bands, data rows, 小计 / 合计 rows, and the one row writer that turns a view-model row into cells by the kind
// of each column.
//
// Everything here works on exceljs's streaming writer (stream.xlsx.WorkbookWriter), which the plan export needs
// for 10,000 rows. Two of its habits shape the code: sheet views and the fit-to-page flag are written when the
// sheet is created, so they go into addWorksheet's options; and a row can only be touched (values, merges) until
// it is committed, so every row here is filled, merged and committed in one go, top to bottom.
import type {Row, Workbook, Worksheet} from 'exceljs'
import {amountValue, cellOf, FenSums, safeText, type CellOut, type ModelValue} from './cells.js'
import type {CellStyle, StyledKind, TableStyles} from './styles.js'
import {printOptions} from './print.js'
import type {PrintSpec, TableTemplate} from './template-schema.js'

/** Title, unit note, header: the header sits on this row, frozen and repeated on every printed page. */
export const HEADER_ROW = 3

/** Every this many data rows a writer yields (drain), so the zip stream drains as the sheet is written. */
export const DRAIN_EVERY = 500

/** Lets the zip stream drain now and then, so a long sheet does not pile up in memory. */
export function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * A sheet with its print setup: paper and orientation from the template, fit to width, margins, page header and
 * footer; with `headerRow`, the rows above and including it frozen and that row printed on every page.
 */
export function addSheet(wb: Workbook, name: string, print: PrintSpec, widths: number[], headerRow: number | null): Worksheet {
  const ws = wb.addWorksheet(name, {
    views: headerRow === null ? [] : [{state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}`}],
    ...printOptions(print, headerRow === null ? null : {first: headerRow, last: headerRow}),
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

/** Row 1: the title across every column; row 2: the unit note (单位：万元), right-aligned. */
export function writeTitleRows(ws: Worksheet, title: string, unitNote: string, columnCount: number, styles: TableStyles): void {
  const titleRow = ws.getRow(1)
  titleRow.height = 36
  fillRow(titleRow, [title], styles.title)
  if (columnCount > 1) ws.mergeCells(1, 1, 1, columnCount)
  titleRow.commit()
  const noteRow = ws.getRow(2)
  noteRow.height = 18
  fillRow(noteRow, [unitNote], styles.note)
  if (columnCount > 1) ws.mergeCells(2, 1, 2, columnCount)
  noteRow.commit()
}

export function writeHeaderRow(ws: Worksheet, rowNumber: number, headers: readonly string[], styles: TableStyles): void {
  const row = ws.getRow(rowNumber)
  row.height = 32
  fillRow(row, headers, styles.header)
  row.commit()
}

/** A row with one label across all columns (a group heading, a section heading). */
export function writeBandRow(ws: Worksheet, rowNumber: number, label: string, columnCount: number, style: CellStyle): void {
  const row = ws.getRow(rowNumber)
  row.height = 22
  fillRow(row, [label, ...Array<CellOut>(columnCount - 1).fill(null)], style)
  if (columnCount > 1) ws.mergeCells(rowNumber, 1, rowNumber, columnCount)
  row.commit()
}

export function writeDataRow(ws: Worksheet, rowNumber: number, values: readonly CellOut[], styles: readonly CellStyle[]): void {
  const row = ws.getRow(rowNumber)
  fillRow(row, values, styles)
  const height = wrappedHeight(ws, values, styles)
  if (height !== null) row.height = height
  row.commit()
}

/**
 * The one row writer: a view-model row (amounts in 分, dates ISO) written by the kind of each column, its amounts
 * added to `sums` by column key so a 小计 equals its rows to the 分.
 */
export function writeModelRow(ws: Worksheet, rowNumber: number, columns: ReadonlyArray<{key: string; kind: StyledKind}>, values: readonly ModelValue[], styles: readonly CellStyle[], sums?: FenSums): void {
  writeDataRow(
    ws,
    rowNumber,
    columns.map((c, i) => cellOf(c.kind, values[i])),
    styles,
  )
  if (!sums) return
  for (let i = 0; i < columns.length; i++) if (columns[i].kind === 'amount') sums.add(columns[i].key, values[i] as number | null)
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
    lines = Math.max(lines, wrappedLines(v, ws.getColumn(i + 1).width ?? 10))
  })
  return lines > 1 ? Math.min(lines, 8) * LINE_POINTS + 4 : null
}

/** The lines `text` takes when wrapped in a cell `width` units wide (a merged cell: the widths added up). */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(4, width - 1)
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / room)), 0)
}

/** The height of a row whose tallest cell wraps to `lines` lines, at `points` a line. */
export function rowHeightFor(lines: number, points = LINE_POINTS): number {
  return lines * points + 4
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
  columns: ReadonlyArray<{key: K; kind: StyledKind}>,
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
  row.commit()
}

/** The rows of a table sheet: groups, each with an optional band above and 小计 below, then the 合计. */
export interface TableSheetModel {
  title: string
  groups: ReadonlyArray<{
    label: string | null
    rows: ReadonlyArray<readonly ModelValue[]>
    subtotalLabel: string | null
    /** a section of groups (一、续建项目) starts with this group: its band comes first */
    sectionLabel?: string
    /** the section ends with this group: a 小计 of every group since its start */
    sectionSubtotalLabel?: string
    /** values of that section 小计 that are no sum (a rate worked out on the section's sums) */
    sectionSubtotalExtra?: Partial<Record<string, CellOut>>
    /** cells of the 小计 that are no sum of the rows, by column key (a rate computed on the sums; branch funds) */
    subtotalExtra?: Record<string, CellOut>
  }>
  totalLabel: string
  totalExtra?: Record<string, CellOut>
}

/**
 * A table sheet as every export lays it out: page setup and widths, the title and unit-note rows, the header row,
 * then the groups of `model` in the template's columns, the 合计 last.
 */
export async function writeTableSheet(wb: Workbook, t: TableTemplate, model: TableSheetModel, styles: TableStyles): Promise<void> {
  const columns = t.columns
  const ws = addSheet(wb, t.sheetName, t.print, columns.map((c) => c.width), HEADER_ROW)
  writeTitleRows(ws, model.title, t.unitNote, columns.length, styles)
  writeHeaderRow(ws, HEADER_ROW, columns.map((c) => c.header), styles)
  const total = new FenSums()
  let section = new FenSums()
  let r = HEADER_ROW
  for (const group of model.groups) {
    if (group.sectionLabel !== undefined) {
      writeBandRow(ws, ++r, group.sectionLabel, columns.length, styles.groupLabel)
      section = new FenSums()
    }
    if (group.label !== null) writeBandRow(ws, ++r, group.label, columns.length, styles.groupLabel)
    const sums = new FenSums()
    for (let i = 0; i < group.rows.length; i++) {
      writeModelRow(ws, ++r, columns, group.rows[i], styles.data, sums)
      if (i % DRAIN_EVERY === DRAIN_EVERY - 1) await drain()
    }
    if (group.subtotalLabel !== null) writeTotalRow(ws, ++r, group.subtotalLabel, columns, sums, styles, {extra: group.subtotalExtra})
    total.addAll(sums)
    section.addAll(sums)
    if (group.sectionSubtotalLabel !== undefined) writeTotalRow(ws, ++r, group.sectionSubtotalLabel, columns, section, styles, {extra: group.sectionSubtotalExtra})
  }
  writeTotalRow(ws, ++r, model.totalLabel, columns, total, styles, {extra: model.totalExtra})
  ws.commit()
  await drain()
}

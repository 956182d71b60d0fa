// Styles are shared objects built once per workbook: exceljs then finds each one's style id by identity (a
// WeakMap) instead of serialising a style per cell. They are never mutated after a cell holds them.
import type {Style} from 'exceljs'
import type {ColumnKind, FontSpec} from './template-schema.js'

export type CellStyle = Partial<Style>

/** `ratio` is no template column: the summary's share of the total, shown as a percentage. */
export type StyledKind = ColumnKind | 'ratio'

export interface StyledColumn {
  kind: StyledKind
  numFmt?: string
  wrap?: boolean
}

export const DEFAULT_NUM_FMT: Record<StyledKind, string> = {text: '@', amount: '#,##0.00', integer: '0', date: 'yyyy-mm-dd', ratio: '0.00%'}

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

function columnStyle(c: StyledColumn, font: Partial<Style['font']>, fill?: Style['fill']): CellStyle {
  const numFmt = c.numFmt ?? DEFAULT_NUM_FMT[c.kind]
  const horizontal = c.kind === 'amount' || c.kind === 'ratio' ? 'right' : c.kind === 'text' ? 'left' : 'center'
  return {
    font,
    border: BORDER,
    numFmt,
    alignment: {vertical: 'middle', horizontal, wrapText: c.wrap === true},
    ...(fill ? {fill} : {}),
  }
}

export function tableStyles(fonts: {body: FontSpec; header: FontSpec; title: FontSpec}, columns: readonly StyledColumn[]): TableStyles {
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

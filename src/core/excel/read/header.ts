// Header detection: which of a sheet's first rows is the header (one level, or group titles over field names),
// which dictionary field each column holds, and a `单位：万元` note above the table. Shared by .xlsx and .csv.
import type {AmountUnit} from '../../domain/money.js'
import {isIgnoredHeader, isTotalLabel, loadDictionary, matchHeader, normaliseHeader, foldText, unitWord} from '../dictionary.js'
import type {HeaderDetection, HeaderMatch} from '../dictionary.js'
import {cellText, columnLetter} from './cell-values.js'
import {holdsLabel} from './label-block.js'
import type {CellValue, ReadColumn} from './types.js'

export interface RawRow {
  rowNumber: number
  /** cells[0] is column A */
  cells: CellValue[]
}

export function isBlank(cells: CellValue[]): boolean {
  for (const c of cells) if (c !== null) return false
  return true
}

export interface HeaderLayout {
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

function matchColumn(h: ColumnHeader): HeaderMatch | null {
  if (h.lower === '') return h.upper === '' ? null : matchHeader(h.upper)
  const m = matchHeader(h.lower) ?? (h.upper !== '' ? matchHeader(h.upper + h.lower) : null)
  if (!m) return null
  if (m.unit === null && h.upper !== '' && loadDictionary().byKey.get(m.field)?.kind === 'amount') {
    return {...m, unit: normaliseHeader(h.upper).unit}
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
  const matches = headers.slice(0, width).map((h) => (headerText(h) === '' ? null : matchColumn(h)))
  resolveShared(matches)
  const seen = new Set<string>()
  const unknown: string[] = []
  const columns: ReadColumn[] = []
  for (let i = 0; i < width; i++) {
    const h = headers[i]
    const header = headerText(h)
    const m = matches[i]
    const duplicate = m !== null && seen.has(m.field)
    if (m && !duplicate) seen.add(m.field)
    const field = m && !duplicate ? m.field : null
    if (header !== '' && field === null && (duplicate || !isIgnored(h)) && !unknown.includes(header)) unknown.push(header)
    columns.push({index: i + 1, letter: columnLetter(i + 1), header, field, unit: field ? (m?.unit ?? null) : null})
  }
  return {columns, unknownHeaders: unknown}
}

/** A shared header (项目类别) stands for the first of its fields that no other column of the sheet holds. */
function resolveShared(matches: Array<HeaderMatch | null>): void {
  const taken = new Set<string>()
  for (const m of matches) if (m && !m.shared) taken.add(m.field)
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]
    if (!m?.shared) continue
    const field = m.shared.find((f) => !taken.has(f)) ?? m.field
    taken.add(field)
    const amount = loadDictionary().byKey.get(field)?.kind === 'amount'
    matches[i] = {field, unit: amount ? m.unit : null}
  }
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
  if (!filled.every((f) => !f.text.includes(':') && !f.text.endsWith('表') && !isTotalLabel(f.text))) return false
  // `联系人 | 李强` is a label and its value, not a group title over the columns below
  return !holdsLabel(above, header)
}

const UNIT_NOTE = /^(?:金额|资金|投资|计量)?单位:?(亿元|万元|元)$/

/** `单位：万元` (possibly in brackets) in the title area. */
export function findUnitNote(rows: RawRow[]): AmountUnit | null {
  for (const row of rows) {
    for (const c of row.cells) {
      if (typeof c !== 'string' || c.length > 20) continue
      const m = UNIT_NOTE.exec(foldText(c).replace(/^\((.*)\)$/, '$1'))
      if (m) return unitWord(m[1])
    }
  }
  return null
}

/**
 * A row of units alone right under the header (`（万元）` under 总投资, `(元)` under 年度计划投资), written without merged
 * cells: it belongs to the header. Every filled cell is a unit word or a bracketed hint such as `（月）`, and one at
 * least is a unit. Returns the unit written under each column (0-based), or null when the row is not such a row.
 */
export function unitsUnder(row: RawRow | undefined, headerRowNumber: number): Map<number, AmountUnit> | null {
  if (!row || row.rowNumber !== headerRowNumber + 1 || !allText(row)) return null
  const units = new Map<number, AmountUnit>()
  for (let i = 0; i < row.cells.length; i++) {
    const c = row.cells[i]
    if (c === null) continue
    const text = foldText(c as string)
    const bracketed = /^[([]([^()[\]]{1,10})[)\]]$/.exec(text)
    const unit = unitWord(bracketed ? bracketed[1] : text)
    if (unit !== null) units.set(i, unit)
    else if (!bracketed) return null
  }
  return units.size > 0 ? units : null
}

function layoutFrom(upper: RawRow | null, lower: RawRow, lastIndex: number): HeaderLayout {
  const {columns, unknownHeaders} = buildColumns(combineLevels(upper, lower))
  return {columns, unknownHeaders, headerRowNumber: lower.rowNumber, headerRowCount: upper ? 2 : 1, lastIndex}
}

/** The header among the first non-empty rows of a sheet, or null. */
export function detectHeader(scanned: RawRow[], rule: HeaderDetection): HeaderLayout | null {
  const limit = Math.min(scanned.length, rule.scanRows)
  for (let i = 0; i < limit; i++) {
    const row = scanned[i]
    if (!allTextish(row)) continue
    const next = scanned[i + 1]
    if (next && continuesHeader(row, next) && !holdsLabel(row, next)) {
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

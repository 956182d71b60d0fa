// Cell values: what exceljs or a sheet's XML holds for one cell, as the CellValue the validator reads. The same
// shapes whichever path read the cell (in this thread, in the worker, from CSV).
import {excelSerialToIso} from '../../domain/iso-date.js'
import type {CellValue} from './types.js'

const XML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g

/** Trimmed text, or null when nothing is left; OOXML `_x000D_` escapes decoded. */
export function cleanText(text: string): string | null {
  const t = (text.includes('_x') ? text.replace(XML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text).trim()
  return t === '' ? null : t
}

/** By UTC parts: exceljs turns an Excel serial into a Date at UTC midnight. */
function dateValue(d: Date): CellValue {
  if (Number.isNaN(d.getTime())) return null
  const y = d.getUTCFullYear()
  const m = String(d.getUTCMonth() + 1).padStart(2, '0')
  const day = String(d.getUTCDate()).padStart(2, '0')
  return {date: `${String(y).padStart(4, '0')}-${m}-${day}`}
}

/** A date-formatted number: the calendar date it shows, or the number itself when no date can show it. */
export function serialCell(serial: number, date1904: boolean): CellValue {
  const date = excelSerialToIso(serial, date1904)
  return date === null ? serial : {date}
}

/** Same test as exceljs applies to plain cells: y/m/d/h/s outside quotes and brackets. A workbook has a handful of
 * formats and every numeric cell asks, so the answers are remembered. */
const dateFormats = new Map<string, boolean>()
export function isDateFormat(fmt: unknown): boolean {
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

export interface CellContext {
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

export function cellText(v: CellValue): string {
  if (v === null) return ''
  if (typeof v === 'object') return v.date
  return String(v)
}

/** 'AB12' → 28 (the column of an A1 reference); 0 when there is none. */
export function referenceColumn(ref: string | undefined): number {
  if (!ref) return 0
  let col = 0
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~0x20
    if (code < 65 || code > 90) break
    col = col * 26 + (code - 64)
  }
  return col
}

// What a cell may hold, and how a value of the view model becomes one: text that can never turn into a formula
// or break the file, amounts from integer 分 to exact 万元 numbers, ISO dates to Excel serials.
import {fenToWanNumber} from '../../domain/money.js'
import {isoToExcelSerial, isValidIsoDate} from '../../domain/iso-date.js'
import type {StyledKind} from './styles.js'

/** What a cell may hold. No object ever reaches exceljs from user data, so no cell can become a formula. */
export type CellOut = string | number | null

/** A value of a view model row: text, an integer, an amount in 分, or an ISO date, as its column's kind says. */
export type ModelValue = string | number | null

/** Excel refuses longer cell text. */
export const MAX_CELL_TEXT = 32_767

// Characters XML 1.0 forbids: a value holding one would make the whole file unreadable.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/** Text safe to store: no XML-forbidden characters, within Excel's length limit. */
export function safeText(text: string): string {
  const t = text.replace(XML_INVALID, '')
  return t.length > MAX_CELL_TEXT ? t.slice(0, MAX_CELL_TEXT - 1) + '…' : t
}

/** An amount cell: the exact 万元 value (the format shows 2 decimals). */
export function amountValue(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fenToWanNumber(fen)
}

/** A date cell: the Excel serial of the calendar date (no time, no time zone); text when it is not a date. */
export function dateValue(date: string | null | undefined): CellOut {
  if (!date) return null
  if (!isValidIsoDate(date)) return date
  return isoToExcelSerial(date)
}

/** The cell a model value becomes in a column of `kind`. */
export function cellOf(kind: StyledKind, value: ModelValue): CellOut {
  if (kind === 'amount') return typeof value === 'number' ? amountValue(value) : null
  if (kind === 'date') return typeof value === 'string' ? dateValue(value) : value
  return value
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

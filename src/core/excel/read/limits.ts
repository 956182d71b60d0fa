// The reader's bounds: a file, a sheet or a row past them is refused as it streams, with an InvalidData that
// names the file and sheet, never after the damage (memory, minutes) is done.
import {InvalidData} from '../../domain/errors.js'
import type {Limits} from './types.js'

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024
export const DEFAULT_MAX_ROWS = 200_000
/** Declared uncompressed size of all parts of an .xlsx; far above any real declaration, far below a zip bomb. */
export const MAX_UNCOMPRESSED_BYTES = 2 * 1024 * 1024 * 1024
/** The shared strings part is held in memory whole, so it gets a tighter limit. */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024
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

export function tooManyCells(e: TooManyCells, file: string, sheet: string): InvalidData {
  return e.kind === 'columns'
    ? new InvalidData('file.tooManyColumns', {file, sheet, row: e.row, limit: MAX_COLUMNS})
    : new InvalidData('file.tooManyCells', {file, sheet, row: e.row, limit: MAX_CELLS_PER_FILE})
}

export function tooManyRows(file: string, sheet: string, rows: number, limits: Limits): InvalidData {
  return new InvalidData('file.sheetTooLarge', {file, sheet, rows, limit: limits.maxRows})
}

/** `onRows` is told every this many rows. */
export const PROGRESS_EVERY = 2000

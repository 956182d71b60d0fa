// What the reader hands on (DESIGN §6): sheets of rows keyed by dictionary field, values as read. The validator
// decides what they mean.
import type {AmountUnit} from '../../domain/money.js'

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

/** A value of the label block above the header (`填报单位（盖章）：市民政局`): the default of its field for every row. */
export interface LabelValue {
  field: string
  value: CellValue
  /** where the value was written: the label's own cell when label and value share it */
  row: number
  column: string
  /** the label as written: 填报单位（盖章） */
  label: string
}

/** A recognised column's value in one row. */
export interface FieldCell {
  value: CellValue
  column: ReadColumn
}

export interface ReadRow {
  /** the row number in the sheet (CSV: the record number), 1-based */
  rowNumber: number
  /** one value per column of the header (index − 1), in the original order, for the error workbook */
  values: CellValue[]
  /** every column the dictionary recognised, with its value (null when the cell is empty); a field absent
   * from the map has no column at all. Read-only, and built only when asked for: the import reads `values` by
   * the sheet's columns instead */
  readonly byField: Map<string, FieldCell>
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
  /** a row of units alone (`（万元）`, `(元)`) right under the header, which belongs to it; null when there is none */
  unitsRowNumber: number | null
  /** the label block above the header, in the order written */
  labels: LabelValue[]
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
  startSheet(sheet: {name: string; headerRowNumber: number; columns: ReadColumn[]; labels: LabelValue[]}): void
  row(row: ReadRow): void
}

/** The options as one file's readers use them. */
export interface Limits {
  maxBytes: number
  maxRows: number
  /** told every PROGRESS_EVERY rows, for a progress bar */
  onRows?: (rows: number) => void
  sink?: RowSink
  keepRows: boolean
}

/** What the .xlsx and .csv readers give back for one file. */
export interface SheetsRead {
  sheets: ReadSheet[]
  skippedSheets: ReadFileResult['skippedSheets']
}

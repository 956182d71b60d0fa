// Sheet assembly: rows as they stream, from either reader, become a ReadSheet — the header settled from the
// first rows, then each row below it as data or a total, blank rows and repeated headers dropped.
import {NOTE_LINE} from '../../domain/import-validation.js'
import type {AmountUnit} from '../../domain/money.js'
import {isTotalLabel, loadDictionary} from '../dictionary.js'
import type {HeaderDetection} from '../dictionary.js'
import {detectHeader, findUnitNote, isBlank, unitsUnder, type HeaderLayout, type RawRow} from './header.js'
import {readLabelBlock} from './label-block.js'
import type {CellValue, FieldCell, LabelValue, ReadColumn, ReadRow, ReadSheet, RowSink, SheetsRead} from './types.js'

const TOTAL_CHARS = /[合小总總]/

/**
 * A row holds its values and the sheet's columns; `byField` is built the first time it is asked for. The import
 * never asks (the validator reads `values` by the sheet's columns): a Map per row (25 entries, 25 small objects)
 * costs ~2 KB, 100 MB for 50,000 rows.
 */
class AssembledRow implements ReadRow {
  private fields: Map<string, FieldCell> | undefined = undefined

  constructor(
    readonly rowNumber: number,
    readonly values: CellValue[],
    readonly kind: 'data' | 'total',
    private readonly columnsByField: ReadonlyMap<string, ReadColumn>,
  ) {}

  get byField(): Map<string, FieldCell> {
    if (!this.fields) {
      const fields = new Map<string, FieldCell>()
      for (const [field, column] of this.columnsByField) fields.set(field, {value: this.values[column.index - 1], column})
      this.fields = readOnly(fields)
    }
    return this.fields
  }
}

/** The map itself refuses changes: the row's values are the one record of what the file held. */
function readOnly<K, V>(map: Map<K, V>): Map<K, V> {
  const refuse = (): never => {
    throw new TypeError('ReadRow.byField is read-only')
  }
  for (const method of ['set', 'delete', 'clear']) Object.defineProperty(map, method, {value: refuse})
  return map
}

export class SheetAssembler {
  private scanned: RawRow[] = []
  private layout: HeaderLayout | null = null
  private gaveUp = false
  private anyContent = false
  private rows: ReadRow[] = []
  private unitNote: AmountUnit | null = null
  private unitsRowNumber: number | null = null
  private labels: LabelValue[] = []
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
    const above = scanned.slice(0, layout.lastIndex + 1 - layout.headerRowCount)
    // the header's own unit first, then a units row under it, then a 单位：万元 note above the table
    const dataFrom = this.applyUnitsRow(scanned[layout.lastIndex + 1]) ? layout.lastIndex + 2 : layout.lastIndex + 1
    this.applyUnitNote(above)
    this.labels = readLabelBlock(above).map(({labelColumn: _, ...label}) => label)
    this.sink?.startSheet({name: this.name, headerRowNumber: layout.headerRowNumber, columns: layout.columns, labels: this.labels})
    for (const row of scanned.slice(dataFrom)) this.addData(row.rowNumber, row.cells)
  }

  /** True when `row` is a units row under the header: it sets the unit of the amount columns whose header has none. */
  private applyUnitsRow(row: RawRow | undefined): boolean {
    const layout = this.layout as HeaderLayout
    const units = unitsUnder(row, layout.headerRowNumber)
    if (!units) return false
    this.unitsRowNumber = row!.rowNumber
    const dict = loadDictionary()
    for (const [i, unit] of units) {
      const c = layout.columns[i]
      if (c?.field && c.unit === null && dict.byKey.get(c.field)?.kind === 'amount') c.unit = unit
    }
    return true
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
    const row = new AssembledRow(rowNumber, values, this.isTotal(values) ? 'total' : 'data', this.columnsByField)
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
      unitsRowNumber: this.unitsRowNumber,
      labels: this.labels,
      hidden: extra.hidden,
      uncalculatedCells: extra.uncalculatedCells,
    }
  }
}

export function collect(results: Array<{order: number; result: ReturnType<SheetAssembler['finish']>}>): SheetsRead {
  const sorted = [...results].sort((a, b) => a.order - b.order)
  const sheets: ReadSheet[] = []
  const skippedSheets: SheetsRead['skippedSheets'] = []
  for (const {result} of sorted) {
    if ('reason' in result) skippedSheets.push(result)
    else sheets.push(result)
  }
  return {sheets, skippedSheets}
}

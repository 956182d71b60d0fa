// Validation of the rows read from one declaration file (DESIGN §6), pure: the spreadsheet layer hands over rows
// and cells, this decides which rows are declarations, which are wrong and why (sheet, row, column, rule).
import {buildDeclaration, type DeclarationContext, type EnumWords, type RawValue} from './declaration.js'
import {AMOUNT_FIELDS, defaultOf, type AmountFieldKey} from './declaration-fields.js'
import {matchKey} from './project.js'
import {parseAmount, type AmountUnit} from './money.js'
import type {FieldProblem, Params} from './errors.js'
import type {DeclarationInput, Source} from './types.js'

export interface SheetColumn {
  /** 1-based: the row's value is `values[index - 1]` */
  index: number
  letter: string
  field: string | null
  unit: AmountUnit | null
  header: string
}

/** A label above the table (`填报单位（盖章）：市民政局`): the value of its field in every row whose own cell is blank. */
export interface SheetLabel {
  field: string
  value: RawValue
  /** where the value was written */
  row: number
  column: string
  /** as written: 填报单位（盖章） */
  label: string
}

export interface SheetInput {
  name: string
  headerRowNumber: number
  columns: SheetColumn[]
  /** the label block above the header; none when absent */
  labels?: SheetLabel[]
  /** `values`: one per column of the header, in its order */
  rows: Array<{rowNumber: number; values: ReadonlyArray<RawValue>; kind: 'data' | 'total'}>
}

/** The recognised columns of a sheet, by field, in the sheet's order. */
type FieldColumns = Map<string, SheetColumn>

export interface FileInput {
  file: string
  sha256: string
  sheets: SheetInput[]
}

export interface RowProblem {
  sheet: string
  row: number | null
  column: string | null
  field: string | null
  code: string
  params: Params
  article?: number
}

export interface ValidDeclaration {
  input: DeclarationInput
  /** matchKey(planYear, unit, name), computed once */
  key: string
  source: Source
  /** key that finds the same project in a batch: 申报编号, else (year, unit, name) */
  batchKeys: string[]
}

export interface FileValidation {
  declarations: ValidDeclaration[]
  errors: RowProblem[]
  warnings: RowProblem[]
  /** rows with problems, by sheet, for the error workbook */
  badRows: Map<string, Set<number>>
  /** the column letter of each recognised field, by sheet: where a problem found against the register is placed */
  columns: Map<string, Map<string, string>>
}

export interface ImportContext {
  defaultYear: number
  receivedOn: string
  words: EnumWords
  /** the register's region (units are normalised with it) */
  region: DeclarationContext['region']
  /** fields the dictionary marks required; a sheet without one of these columns is refused whole */
  requiredFields: string[]
  /** the first label each field may also be given by above the table (unit → 填报单位), for the message of a missing column */
  labelHints?: Record<string, string>
}

/** The keys that find a row's project in a batch: its 申报编号, and its (year, unit, name) when it has both. */
function batchKeysOf(input: {declarationNo?: string | null; planYear: number; unit: string; name: string}, key?: string): string[] {
  const keys = input.unit !== '' && input.name !== '' ? [`name:${key ?? matchKey(input.planYear, input.unit, input.name)}`] : []
  if (input.declarationNo) keys.unshift(`no:${input.planYear}\u0000${input.declarationNo}`)
  return keys
}

type Sums = Record<'totalInvestment' | 'fiscalFunds', number>

/** A 小计 totals the rows since the previous 小计 or 合计; a 合计 / 总计 totals every row since the previous 合计. */
function isSubtotal(row: SheetInput['rows'][number]): boolean {
  return row.values.some((v) => typeof v === 'string' && v.replace(/\s+/g, '').includes('小计'))
}

/** A total row's figure against the rows it totals: a disagreement is worth a warning. */
function checkTotal(sheet: SheetInput, fields: FieldColumns, row: SheetInput['rows'][number], sums: Sums, warnings: RowProblem[]): void {
  for (const field of ['totalInvestment', 'fiscalFunds'] as const) {
    const column = fields.get(field)
    const value = column ? row.values[column.index - 1] : undefined
    if (!column || value === null || value === undefined || value === '') continue
    if (typeof value === 'boolean' || typeof value === 'object') continue
    const parsed = parseAmount(value, column.unit ?? 'wan')
    if (parsed.ok && parsed.fen !== sums[field]) {
      warnings.push({sheet: sheet.name, row: row.rowNumber, column: column.letter, field, code: 'import.totalMismatch', params: {stated: parsed.fen, sum: sums[field]}})
    }
  }
}

/** `seen` is shared by all files of one batch: the same project twice in a batch is an error on the later row. */
// Units often end a sheet with 填表人：… 审核人：… or a 备注 line; such a row has no amount and says what it is.
export const NOTE_LINE = /^\s*(填表人|填报人|审核人|制表人|制表|审核|负责人|单位负责人|分管领导|联系人|备注|说明|注)\s*[:：]/

/** The note text of a row, in a recognised column or any other (序号, say). */
function signatureText(raw: Record<string, RawValue>, values: ReadonlyArray<RawValue>): string | undefined {
  const found = [...Object.values(raw), ...values].find((v) => typeof v === 'string' && NOTE_LINE.test(v))
  return found as string | undefined
}

function isBlankValue(v: RawValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

function isBlankAmounts(raw: Record<string, RawValue>): boolean {
  return isBlankValue(raw.totalInvestment) && isBlankValue(raw.fiscalFunds)
}

type SheetRow = SheetInput['rows'][number]

/**
 * Validates one file's rows as they are read, sheet by sheet (the reader calls `sheet` once a sheet's header is
 * known, then `row` for each row below it), so a large file is checked while the rest of it is still being parsed.
 */
export class DeclarationValidator {
  private readonly declarations: ValidDeclaration[] = []
  private readonly errors: RowProblem[] = []
  private readonly warnings: RowProblem[] = []
  private readonly badRows = new Map<string, Set<number>>()
  private readonly columns = new Map<string, Map<string, string>>()
  /** the batch keys of this file: they join the batch's `seen` only once the whole file has been read */
  private readonly mine = new Map<string, {file: string; sheet: string; row: number}>()
  private sheet: SheetInput | null = null
  private skipSheet = false
  private present = new Set<string>()
  private fields: FieldColumns = new Map()
  private labels: SheetLabel[] = []
  /** fields whose label value was wrong, reported once at the label rather than on every row */
  private labelsReported = new Set<string>()
  private amountUnits: Partial<Record<AmountFieldKey, AmountUnit>> = {}
  private sheetWarningsAt = 0
  private sawData = false
  private readonly sinceSubtotal: Sums = {totalInvestment: 0, fiscalFunds: 0}
  private readonly sinceTotal: Sums = {totalInvestment: 0, fiscalFunds: 0}

  constructor(
    private readonly file: {file: string; sha256: string},
    private readonly ctx: ImportContext,
    private readonly seen: Map<string, {file: string; sheet: string; row: number}> = new Map(),
  ) {}

  /** A sheet whose header has been found; `rows` may still be filling. */
  startSheet(sheet: Pick<SheetInput, 'name' | 'headerRowNumber' | 'columns' | 'labels'>): void {
    this.sheet = {...sheet, rows: []}
    this.fields = new Map()
    for (const c of sheet.columns) if (c.field !== null) this.fields.set(c.field, c)
    this.columns.set(sheet.name, new Map([...this.fields].map(([field, c]) => [field, c.letter])))
    this.present = new Set(this.fields.keys())
    this.labels = sheet.labels ?? []
    this.labelsReported = new Set()
    const missing = this.ctx.requiredFields.filter((f) => !this.present.has(f) && !this.labels.some((l) => l.field === f))
    this.skipSheet = missing.length > 0
    if (this.skipSheet) {
      const hints = missing.flatMap((f) => (this.ctx.labelHints?.[f] ? [this.ctx.labelHints[f]] : []))
      const problem = hints.length > 0 ? {code: 'import.missingColumnsOrLabel', params: {fields: missing, labels: hints}} : {code: 'import.missingColumns', params: {fields: missing}}
      this.errors.push({sheet: sheet.name, row: sheet.headerRowNumber, column: null, field: null, ...problem})
      return
    }
    this.amountUnits = {}
    for (const c of sheet.columns) if (c.field && (AMOUNT_FIELDS as readonly string[]).includes(c.field)) this.amountUnits[c.field as AmountFieldKey] = c.unit ?? 'wan'
    this.sheetWarningsAt = this.warnings.length
    this.sawData = false
    this.sinceSubtotal.totalInvestment = this.sinceSubtotal.fiscalFunds = 0
    this.sinceTotal.totalInvestment = this.sinceTotal.fiscalFunds = 0
  }

  row(row: SheetRow): void {
    const sheet = this.sheet
    if (!sheet || this.skipSheet) return
    const {sinceSubtotal, sinceTotal, present, warnings, errors} = this
    if (row.kind === 'total') {
      const subtotal = isSubtotal(row)
      checkTotal(sheet, this.fields, row, subtotal ? sinceSubtotal : sinceTotal, warnings)
      sinceSubtotal.totalInvestment = sinceSubtotal.fiscalFunds = 0
      if (!subtotal) sinceTotal.totalInvestment = sinceTotal.fiscalFunds = 0
      return
    }
    if (!this.sawData) {
      this.sawData = true
      // said once per sheet, ahead of the sheet's row warnings
      if (!present.has('procurementCategory')) warnings.splice(this.sheetWarningsAt, 0, {sheet: sheet.name, row: sheet.headerRowNumber, column: null, field: 'procurementCategory', code: 'warning.procurementColumnMissing', params: {}})
    }
    const raw: Record<string, RawValue> = {}
    for (const [field, column] of this.fields) raw[field] = row.values[column.index - 1]
    const note = signatureText(raw, row.values)
    if (note !== undefined && isBlankAmounts(raw)) {
      warnings.push({sheet: sheet.name, row: row.rowNumber, column: null, field: null, code: 'import.noteRowSkipped', params: {text: note}})
      return
    }
    // A missing procurement column means the default, silently per row (one warning per sheet above).
    if (!present.has('procurementCategory')) raw.procurementCategory = defaultOf<string>('procurementCategory')
    // The label block's values fill what the row leaves blank: a cell of the row's own wins.
    let fromLabels: SheetLabel[] | undefined
    for (const l of this.labels) {
      if (!isBlankValue(raw[l.field])) continue
      raw[l.field] = l.value
      ;(fromLabels ??= []).push(l)
    }
    const ctx = this.ctx
    const built = buildDeclaration(raw, {defaultYear: ctx.defaultYear, receivedOn: ctx.receivedOn, words: ctx.words, amountUnits: this.amountUnits, defaultAmountUnit: 'wan', region: ctx.region})
    const place = (p: FieldProblem): RowProblem => ({
      sheet: sheet.name,
      row: row.rowNumber,
      column: this.fields.get(p.field)?.letter ?? null,
      field: p.field,
      code: p.code,
      params: p.params,
      ...(p.article ? {article: p.article} : {}),
    })
    if (!built.input) {
      for (const p of built.problems) {
        const label = fromLabels?.find((l) => l.field === p.field)
        if (!label) errors.push(place(p))
        else if (!this.labelsReported.has(p.field)) {
          // a wrong 填报日期：… is one mistake, where it was written, not one on every row
          this.labelsReported.add(p.field)
          errors.push({...place(p), row: label.row, column: label.column})
        }
      }
      // An invalid row still is somebody: its repeat is reported too, so the unit fixes both in one round; and
      // its amounts still count towards the 合计 under it.
      if (built.identity) this.claim(sheet, row, batchKeysOf(built.identity))
      this.addToSums(raw)
      this.markBad(sheet.name, row.rowNumber)
      return
    }
    const input = built.input
    for (const sums of [sinceSubtotal, sinceTotal]) {
      sums.totalInvestment += input.totalInvestmentFen
      sums.fiscalFunds += input.fiscalFundsFen
    }
    // A blank 采购类别 cell is treated as 服务, which sets the procurement limit: say so on the row.
    if (present.has('procurementCategory')) for (const w of built.warnings) warnings.push(place(w))
    const key = matchKey(input.planYear, input.unit, input.name)
    const keys = batchKeysOf(input, key)
    if (!this.claim(sheet, row, keys)) {
      this.markBad(sheet.name, row.rowNumber)
      return
    }
    const source: Source = {file: this.file.file, sheet: sheet.name, row: row.rowNumber, sha256: this.file.sha256}
    if (fromLabels) source.fromLabels = fromLabels.map((l) => ({field: l.field, row: l.row, column: l.column, label: l.label}))
    this.declarations.push({input, key, source, batchKeys: keys})
  }

  /** The amounts of an invalid row that can be read, towards the totals under it. */
  private addToSums(raw: Record<string, RawValue>): void {
    for (const field of ['totalInvestment', 'fiscalFunds'] as const) {
      const v = raw[field]
      if (typeof v !== 'string' && typeof v !== 'number') continue
      const parsed = parseAmount(v, this.amountUnits[field] ?? 'wan')
      if (!parsed.ok) continue
      this.sinceSubtotal[field] += parsed.fen
      this.sinceTotal[field] += parsed.fen
    }
  }

  /**
   * The row's keys become this file's; false (and the duplicate reported) when an earlier row of the batch, valid
   * or not, already has one of them.
   */
  private claim(sheet: SheetInput, row: SheetRow, keys: string[]): boolean {
    let earlier: {file: string; sheet: string; row: number} | undefined
    for (const k of keys) if ((earlier = this.seen.get(k) ?? this.mine.get(k))) break
    if (earlier) {
      this.errors.push({sheet: sheet.name, row: row.rowNumber, column: this.fields.get('name')?.letter ?? null, field: 'name', code: 'import.duplicateInBatch', params: {file: earlier.file, sheet: earlier.sheet, row: earlier.row}})
      return false
    }
    const at = {file: this.file.file, sheet: sheet.name, row: row.rowNumber}
    for (const k of keys) this.mine.set(k, at)
    return true
  }

  /** The file was read whole: its rows now count as seen for the files after it. */
  finish(): FileValidation {
    for (const [k, v] of this.mine) this.seen.set(k, v)
    this.mine.clear()
    return {declarations: this.declarations, errors: this.errors, warnings: this.warnings, badRows: this.badRows, columns: this.columns}
  }

  private markBad(sheet: string, row: number): void {
    let set = this.badRows.get(sheet)
    if (!set) this.badRows.set(sheet, (set = new Set()))
    set.add(row)
  }
}

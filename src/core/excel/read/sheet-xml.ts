// Sheet XML events: one worksheet part, streamed through exceljs's sax parser, becomes rows of cell values,
// counted against the file's cell limit as they pass. The same code runs here and in the sheet worker.
import type {Readable} from 'node:stream'
import {columnLetter, isDateFormat, referenceColumn, serialCell, toCellValue, type CellContext} from './cell-values.js'
import {MAX_COLUMNS, TooManyCells, type CellCount} from './limits.js'
import type {CellValue} from './types.js'
import {openWorkbookReader, type SheetInfo, type StreamWorkbookInternals, type WorkbookInfo} from './workbook-parts.js'
import {partStream} from './zip-directory.js'

type SaxEvent = {eventType: 'opentag'; value: {name: string; attributes: Record<string, string>}} | {eventType: 'text'; value: string} | {eventType: 'closetag'; value: {name: string}}
type ParseSax = (stream: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>

export interface SheetRow {
  number: number
  cells: Array<CellValue | SharedStringRef>
}

/** A shared-string cell read without the shared strings (the worker): the index, resolved by the main thread. */
export interface SharedStringRef {
  sst: number
}

/**
 * The rows of one worksheet part, as CellValues. The values are what exceljs's streaming worksheet reader gives
 * (the same shared strings, styles and number formats, the same value shapes through toCellValue), built straight
 * from exceljs's sax events: its Row and Cell objects cost more than the whole rest of an import of 50,000 rows.
 * Rows and cells without an `r` reference (some writers leave them out) follow the one before.
 */
async function* sheetRows(reader: StreamWorkbookInternals, parseSax: ParseSax, part: Readable, onUncalculated: (ref: string) => void, date1904: boolean, withSharedStrings: boolean, count: CellCount): AsyncGenerator<SheetRow> {
  const sharedStrings = reader.sharedStrings ?? []
  const styles = new Map<number, {numFmt?: unknown} | null>()
  const styleOf = (styleId: number) => {
    let style = styles.get(styleId)
    if (style === undefined) styles.set(styleId, (style = reader.styles?.getStyleModel(styleId) ?? null))
    return style
  }
  let inRows = false
  let row: SheetRow | null = null
  let rowFmt: unknown
  let lastRow = 0
  let col = 0
  // cells before this row, and this row's <c> elements and width (see MAX_CELLS_PER_FILE)
  let before = count.cells
  let elements = 0
  let width = 0
  // the cell being read
  let inCell = false
  let cellType: string | undefined
  let cellRef = ''
  let formula: string | null = null
  let text: string | null = null
  let capture: 'f' | 'v' | null = null
  // phonetic guides (<rPh>) are not part of the text
  let inPhonetic = false
  const ctx: CellContext = {date1904, numFmt: undefined, onUncalculated: () => onUncalculated(cellRef)}
  for await (const events of parseSax(part)) {
    const done: SheetRow[] = []
    for (const event of events) {
      if (event.eventType === 'text') {
        if (capture === 'v') text += event.value
        else if (capture === 'f') formula += event.value
        continue
      }
      const name = event.value.name
      if (event.eventType === 'opentag') {
        const attributes = event.value.attributes
        if (name === 'c') {
          if (!row) continue
          const ref = attributes.r
          col = referenceColumn(ref) || col + 1
          if (col > MAX_COLUMNS) throw new TooManyCells('columns', row.number)
          elements += 1
          if (col > width) width = col
          if (before + (elements > width ? elements : width) > count.max) throw new TooManyCells('cells', row.number)
          // as exceljs: a cell's own style, else the row's
          const style = attributes.s ? styleOf(Number.parseInt(attributes.s, 10)) : null
          ctx.numFmt = style ? style.numFmt : rowFmt
          inCell = true
          cellType = attributes.t
          cellRef = ref ?? `${columnLetter(col)}${row.number}`
          formula = text = null
          capture = null
        } else if (name === 'v' || name === 't') {
          // <is><t>…</t></is> and rich inline runs <is><r><t>…</t></r>…</is> add up to one text
          if (inCell && !inPhonetic) {
            if (text === null || name === 'v') text = ''
            capture = 'v'
          }
        } else if (name === 'f') {
          if (inCell) {
            formula = ''
            capture = 'f'
          }
        } else if (name === 'rPh') {
          inPhonetic = true
        } else if (name === 'row') {
          if (!inRows) continue
          const number = Number.parseInt(attributes.r, 10)
          row = {number: Number.isFinite(number) ? number : lastRow + 1, cells: []}
          lastRow = row.number
          col = 0
          before = count.cells
          elements = width = 0
          rowFmt = attributes.s ? styleOf(Number.parseInt(attributes.s, 10))?.numFmt : undefined
        } else if (name === 'sheetData') {
          inRows = true
        }
        continue
      }
      // closetag
      if (name === 'v' || name === 't' || name === 'f') {
        capture = null
      } else if (name === 'c') {
        if (row && inCell && col > 0 && !withSharedStrings && cellType === 's' && formula === null && text !== null) {
          row.cells[col - 1] = {sst: Number.parseInt(text, 10)}
        } else if (row && inCell && col > 0) {
          const v = cellValueOf(cellType, formula, text, ctx.numFmt, sharedStrings, date1904)
          const converted = v === undefined ? null : toCellValue(v, ctx)
          if (converted !== null || row.cells[col - 1] === undefined) row.cells[col - 1] = converted
        }
        inCell = false
        capture = null
      } else if (name === 'rPh') {
        inPhonetic = false
      } else if (name === 'row') {
        if (row) {
          done.push(row)
          count.cells = before + (elements > width ? elements : width)
        }
        row = null
      } else if (name === 'sheetData') {
        inRows = false
      }
    }
    yield* done
  }
}

/** The value exceljs's streaming reader would give a cell (see its WorksheetReader.parse). */
function cellValueOf(type: string | undefined, formula: string | null, text: string | null, fmt: unknown, sharedStrings: unknown[], date1904: boolean): unknown {
  if (formula !== null) {
    if (text === null) return {formula}
    return {formula, result: type === 'str' ? text : Number.parseFloat(text)}
  }
  if (text === null) return undefined
  switch (type) {
    case 's':
      return sharedStrings[Number.parseInt(text, 10)]
    case 'inlineStr':
    case 'str':
      return text
    case 'e':
      return {error: text}
    case 'b':
      return Number.parseInt(text, 10) !== 0
    default: {
      const n = Number.parseFloat(text)
      return isDateFormat(fmt) ? serialCell(n, date1904) : n
    }
  }
}

export type SheetParser = (sheet: SheetInfo, onUncalculated: (ref: string) => void, count: CellCount) => AsyncGenerator<SheetRow>

/** Opens the workbook's shared parts once; then parses any of its sheets into rows. Also what the worker runs. */
export async function sheetParser(path: string, info: WorkbookInfo, withSharedStrings = true): Promise<SheetParser> {
  const reader = await openWorkbookReader(path, info, {sharedStrings: withSharedStrings, styles: true})
  const {default: parseSax} = (await import('exceljs/lib/utils/parse-sax.js')) as {default: ParseSax}
  return (sheet, onUncalculated, count) => sheetRows(reader, parseSax, partStream(path, sheet.part.entry, sheet.part.start), onUncalculated, info.date1904, withSharedStrings, count)
}

export async function* resolvingSharedStrings(rows: AsyncIterable<SheetRow>, strings: Promise<unknown[]>): AsyncGenerator<SheetRow> {
  let sst: unknown[] | null = null
  for await (const row of rows) {
    sst ??= await strings
    const cells = row.cells
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]
      if (c !== null && typeof c === 'object' && 'sst' in c) cells[i] = toCellValue(sst[c.sst])
    }
    yield row
  }
}

// .xlsx / .xlsm: the zip directory and the workbook's parts are read here (validity, zip-bomb sizes, real sheet
// names, declared dimensions) and each part is inflated here; exceljs's streaming readers parse the shared
// strings, styles and rows.
//
// Why not `for await (const ws of new WorkbookReader(path))`: its zip iteration (unzipper) emits 'end' when
// the input is exhausted, even while parsed entries still wait in the stream's buffer, so on small files the
// shared strings (or a sheet) are silently dropped now and then (every text cell read as empty); it hangs for
// ever on a damaged part; it crashes when xl/workbook.xml comes after the sheets (exceljs's own writer does
// that); it names sheets Sheet1… when the rels use absolute targets (openpyxl); and it reads sheets in zip
// order. Feeding its readers part by part avoids all five and parses the same XML with the same code.
import {InvalidData} from '../../domain/errors.js'
import {loadDictionary} from '../dictionary.js'
import {isTemplateStamp} from '../template-stamp.js'
import {MAX_CELLS_PER_FILE, MAX_UNCALCULATED_REPORTED, PROGRESS_EVERY, TooManyCells, tooManyCells, tooManyRows, type CellCount} from './limits.js'
import {collect, SheetAssembler} from './sheet-assembly.js'
import {resolvingSharedStrings, sheetParser, type SheetParser, type SheetRow} from './sheet-xml.js'
import type {CellValue, Limits, SheetsRead} from './types.js'
import {isBlank, type RawRow} from './header.js'
import {inspectWorkbook, sharedStringsOf, type SheetInfo} from './workbook-parts.js'
import {inWorker, workerRows} from './worker-pool.js'

export async function readXlsxFile(path: string, file: string, limits: Limits): Promise<SheetsRead> {
  const results = await eachSheet(path, file, limits, async (rows, sheet, uncalculated) => ({order: sheet.order, result: await readWorksheet(rows, sheet, file, limits, uncalculated)}))
  if (results.every((r) => 'reason' in r.result && r.result.reason === 'empty')) throw new InvalidData('file.empty', {file})
  return collect(results)
}

/** A sheet as a grid of rows, for the vertical forms that have no header row (the 绩效自评表): blank rows dropped. */
export interface GridSheet {
  name: string
  hidden: boolean
  rows: RawRow[]
}

/** Every sheet of the workbook as rows of cells, in workbook order, with the same limits as the declaration reader. */
export async function readXlsxGrid(path: string, file: string, limits: Limits): Promise<GridSheet[]> {
  const sheets = await eachSheet(path, file, limits, async (rows, sheet) => {
    const grid: GridSheet & {order: number} = {name: sheet.name, hidden: sheet.hidden, rows: [], order: sheet.order}
    let counted = 0
    for await (const row of rows) {
      counted += 1
      if (row.number > limits.maxRows || counted > limits.maxRows) throw tooManyRows(file, sheet.name, Math.max(row.number, counted), limits)
      const cells = row.cells as CellValue[]
      // a sparse array: map() would keep its holes
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
      if (!isBlank(cells)) grid.rows.push({rowNumber: row.number, cells})
    }
    return grid
  })
  if (sheets.every((s) => s.rows.length === 0)) throw new InvalidData('file.empty', {file})
  return sheets.sort((a, b) => a.order - b.order).map(({order: _, ...s}) => s)
}

/** Reads each sheet (not the template's stamp) with `consume`: in this thread, or a large one in a worker. */
async function eachSheet<R>(path: string, file: string, limits: Limits, consume: (rows: AsyncIterable<SheetRow>, sheet: SheetInfo, uncalculated: string[]) => Promise<R>): Promise<R[]> {
  const info = await inspectWorkbook(path, file, limits)
  if (info.sheets.length === 0) throw new InvalidData('file.empty', {file})
  const results: R[] = []
  const count: CellCount = {cells: 0, max: MAX_CELLS_PER_FILE}
  let current = ''
  try {
    // exceljs and the shared strings are loaded in this thread only when a sheet is read here
    let here: Promise<SheetParser> | null = null
    let sharedStrings: Promise<unknown[]> | null = null
    for (const sheet of info.sheets) {
      if (isTemplateStamp(sheet)) continue
      current = sheet.name
      const uncalculated: string[] = []
      const onUncalculated = (ref: string) => {
        if (uncalculated.length < MAX_UNCALCULATED_REPORTED) uncalculated.push(ref)
      }
      const parseHere = async function* () {
        yield* (await (here ??= sheetParser(path, info)))(sheet, onUncalculated, count)
      }
      let rows: AsyncIterable<SheetRow>
      if (inWorker(sheet)) {
        if (!sharedStrings) {
          sharedStrings = sharedStringsOf(path, info)
          // awaited with the first row; until then a failure must not count as unhandled
          sharedStrings.catch(() => undefined)
        }
        rows = resolvingSharedStrings(workerRows(path, info, sheet, onUncalculated, count, parseHere), sharedStrings)
      } else rows = parseHere()
      results.push(await consume(rows, sheet, uncalculated))
    }
  } catch (e) {
    if (e instanceof InvalidData) throw e
    if (e instanceof TooManyCells) throw tooManyCells(e, file, current)
    throw new InvalidData('file.notWorkbook', {file})
  }
  return results
}

async function readWorksheet(rows: AsyncIterable<SheetRow>, sheet: SheetInfo, file: string, limits: Limits, uncalculated: string[]) {
  const assembler = new SheetAssembler(sheet.name, loadDictionary().headerDetection, limits.sink, limits.keepRows)
  let counted = 0
  for await (const row of rows) {
    // Both the rows' own numbers and how many came: a file can number every row 2.
    counted += 1
    if (row.number > limits.maxRows || counted > limits.maxRows) throw tooManyRows(file, sheet.name, Math.max(row.number, counted), limits)
    if (limits.onRows && counted % PROGRESS_EVERY === 0) limits.onRows(counted)
    const cells = row.cells as CellValue[]
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
    assembler.add(row.number, cells)
  }
  return assembler.finish({hidden: sheet.hidden, uncalculatedCells: uncalculated})
}

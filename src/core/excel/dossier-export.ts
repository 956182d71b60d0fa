// A project's dossier (Art. 18–19, DESIGN §16): one workbook, a sheet per part of the record, each a title and then
// blocks — 项目 / 内容 rows, or a table with its header — so that every sheet prints on A4 with the print setup of
// every export. operations/dossier.ts decides what each sheet holds; this module only lays the blocks out.
import type {Workbook, Worksheet} from 'exceljs'
import {tableStyles, type StyledKind} from './layout/styles.js'
import {addSheet, fillRow, rowHeightFor, writeBandRow, writeHeaderRow, writeModelRow, wrappedLines} from './layout/table-rows.js'
import {writeStreamingWorkbook} from './layout/workbook.js'
import type {ModelValue} from './layout/cells.js'
import type {FontSpec, PrintSpec} from './layout/template-schema.js'

export type DossierBlock =
  | {kind: 'facts'; title: string; rows: Array<[string, string]>}
  | {kind: 'table'; title: string; columns: Array<{header: string; kind: StyledKind; wrap?: boolean}>; rows: ModelValue[][]}

export interface DossierSheet {
  sheetName: string
  title: string
  widths: number[]
  blocks: DossierBlock[]
}

export interface DossierModel {
  fonts: {body: FontSpec; header: FontSpec; title: FontSpec}
  print: PrintSpec
  /** what an empty block shows */
  none: string
  sheets: DossierSheet[]
}

function writeFacts(ws: Worksheet, r: number, block: Extract<DossierBlock, {kind: 'facts'}>, widths: number[], model: DossierModel, styles: ReturnType<typeof tableStyles>): number {
  if (block.rows.length === 0) {
    writeBandRow(ws, ++r, model.none, widths.length, styles.notesValue)
    return r
  }
  const valueWidth = widths.slice(1).reduce((a, b) => a + b, 0)
  for (const [label, value] of block.rows) {
    const row = ws.getRow(++r)
    fillRow(row, [label, value, ...Array<null>(widths.length - 2).fill(null)], [styles.notesLabel, ...widths.slice(1).map(() => styles.notesValue)])
    const lines = Math.max(wrappedLines(label, widths[0]), wrappedLines(value, valueWidth))
    if (lines > 1) row.height = rowHeightFor(Math.min(lines, 30))
    if (widths.length > 2) ws.mergeCells(r, 2, r, widths.length)
    row.commit()
  }
  return r
}

function writeTable(ws: Worksheet, r: number, block: Extract<DossierBlock, {kind: 'table'}>, widths: number[], model: DossierModel, styles: ReturnType<typeof tableStyles>): number {
  const columns = block.columns.slice(0, widths.length)
  const tableStyle = tableStyles(model.fonts, columns.map((c) => ({kind: c.kind, wrap: c.wrap ?? c.kind === 'text'})))
  writeHeaderRow(ws, ++r, columns.map((c) => c.header), styles)
  if (block.rows.length === 0) {
    writeBandRow(ws, ++r, model.none, columns.length, styles.notesValue)
    return r
  }
  const keyed = columns.map((c, i) => ({key: String(i), kind: c.kind}))
  for (const values of block.rows) writeModelRow(ws, ++r, keyed, values.slice(0, columns.length), tableStyle.data)
  return r
}

function writeSheet(wb: Workbook, sheet: DossierSheet, model: DossierModel): void {
  const styles = tableStyles(model.fonts, sheet.widths.map(() => ({kind: 'text' as const})))
  const ws = addSheet(wb, sheet.sheetName, model.print, sheet.widths, null)
  const n = sheet.widths.length
  const title = ws.getRow(1)
  title.height = 32
  fillRow(title, [sheet.title], styles.title)
  ws.mergeCells(1, 1, 1, n)
  title.commit()
  let r = 1
  for (const block of sheet.blocks) {
    r += 1
    writeBandRow(ws, ++r, block.title, n, styles.notesSection)
    r = block.kind === 'facts' ? writeFacts(ws, r, block, sheet.widths, model, styles) : writeTable(ws, r, block, sheet.widths, model, styles)
  }
  ws.commit()
}

/** Writes the dossier `model` describes to `outPath` (via a temporary file beside it). */
export async function writeDossierWorkbook(outPath: string, model: DossierModel): Promise<void> {
  await writeStreamingWorkbook(outPath, async (wb) => {
    for (const sheet of model.sheets) writeSheet(wb, sheet, model)
  })
}

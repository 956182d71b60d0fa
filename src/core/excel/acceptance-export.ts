// The acceptance filing workbook (Art. 16–17, DESIGN §7): the filing table and its 说明 sheet.
// operations/acceptance-sheet.ts decides what they show (lateness included); this module lays them out as
// templates/acceptance-filing.json says, with the print quality of the annual plan (layout/table-workbook.ts).
import {writeTableWorkbook, type TableWorkbookModel} from './layout/table-workbook.js'
import type {AcceptanceTemplate} from './acceptance-template.js'

export type AcceptanceSheetModel = TableWorkbookModel<AcceptanceTemplate>

/** Writes the filing workbook `model` describes to `outPath` (via a temporary file beside it). */
export async function writeAcceptanceWorkbook(outPath: string, model: AcceptanceSheetModel): Promise<void> {
  await writeTableWorkbook(outPath, model)
}

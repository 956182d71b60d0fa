// The 资金执行情况表 (branch funds, DESIGN §13 and §7): the table by unit with its 小计 and 合计, and its 说明 sheet.
// operations/funds-sheet.ts decides what they show; this module lays them out as templates/funds-execution.json
// says, with the print quality of the annual plan (layout/table-workbook.ts).
import {writeTableWorkbook, type TableWorkbookModel} from './layout/table-workbook.js'
import type {FundsTemplate} from './funds-template.js'

export type FundsSheetModel = TableWorkbookModel<FundsTemplate>

/** Writes the workbook `model` describes to `outPath` (via a temporary file beside it). */
export async function writeFundsWorkbook(outPath: string, model: FundsSheetModel): Promise<void> {
  await writeTableWorkbook(outPath, model)
}

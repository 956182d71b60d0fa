// The 资金执行情况表 (branch funds, DESIGN §13 and §7): the table by unit with its 小计 and 合计, and its 说明 sheet.
// operations/funds-sheet.ts decides what they show; this module lays them out as templates/funds-execution.json
// says, with the print quality of the annual plan.
import {writeNotesSheet, type NotesSheetModel} from './layout/notes-sheet.js'
import {tableStyles} from './layout/styles.js'
import {writeTableSheet, type TableSheetModel} from './layout/table-rows.js'
import {writeStreamingWorkbook} from './layout/workbook.js'
import type {FundsTemplate} from './funds-template.js'

export interface FundsSheetModel {
  template: FundsTemplate
  table: TableSheetModel
  notes: NotesSheetModel
}

/** Writes the workbook `model` describes to `outPath` (via a temporary file beside it). */
export async function writeFundsWorkbook(outPath: string, model: FundsSheetModel): Promise<void> {
  const t = model.template
  const styles = tableStyles(t.fonts, t.columns)
  await writeStreamingWorkbook(outPath, async (wb) => {
    await writeTableSheet(wb, t, model.table, styles)
    writeNotesSheet(wb, t.notes.sheetName, model.notes, t.print, styles)
  })
}

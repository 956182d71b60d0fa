// The acceptance filing workbook (Art. 16–17, DESIGN §7): the filing table and its 说明 sheet.
// operations/acceptance-sheet.ts decides what they show (lateness included); this module lays them out as
// templates/acceptance-filing.json says, with the print quality of the annual plan.
import {writeNotesSheet, type NotesSheetModel} from './layout/notes-sheet.js'
import {tableStyles} from './layout/styles.js'
import {writeTableSheet, type TableSheetModel} from './layout/table-rows.js'
import {writeStreamingWorkbook} from './layout/workbook.js'
import type {AcceptanceTemplate} from './acceptance-template.js'

export interface AcceptanceSheetModel {
  template: AcceptanceTemplate
  table: TableSheetModel
  notes: NotesSheetModel
}

/** Writes the filing workbook `model` describes to `outPath` (via a temporary file beside it). */
export async function writeAcceptanceWorkbook(outPath: string, model: AcceptanceSheetModel): Promise<void> {
  const t = model.template
  const styles = tableStyles(t.fonts, t.columns)
  await writeStreamingWorkbook(outPath, async (wb) => {
    await writeTableSheet(wb, t, model.table, styles)
    writeNotesSheet(wb, t.notes.sheetName, model.notes, t.print, styles)
  })
}

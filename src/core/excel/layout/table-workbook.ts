// A workbook of one official table and its 说明 sheet, as the acceptance filing and the 资金执行情况表 are: the table
// laid out by its template (writeTableSheet), the notes after it, written through the streaming writer.
import {writeNotesSheet, type NotesSheetModel} from './notes-sheet.js'
import {tableStyles} from './styles.js'
import {writeTableSheet, type TableSheetModel} from './table-rows.js'
import {writeStreamingWorkbook} from './workbook.js'
import type {TableTemplate} from './template-schema.js'

export interface TableWorkbookModel<T extends TableTemplate = TableTemplate> {
  template: T
  table: TableSheetModel
  notes: NotesSheetModel
}

/** Writes the workbook `model` describes to `outPath` (via a temporary file beside it). */
export async function writeTableWorkbook(outPath: string, model: TableWorkbookModel): Promise<void> {
  const t = model.template
  const styles = tableStyles(t.fonts, t.columns)
  await writeStreamingWorkbook(outPath, async (wb) => {
    await writeTableSheet(wb, t, model.table, styles)
    writeNotesSheet(wb, t.notes.sheetName, model.notes, t.print, styles)
  })
}

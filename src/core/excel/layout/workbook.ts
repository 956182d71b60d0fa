// Every export is one file written whole or not at all.
import type {Workbook} from 'exceljs'
import {writeAtomically} from '../../atomic-file.js'
import {asStorageFailure} from '../../output.js'

/**
 * Writes a workbook through exceljs's streaming writer into a temporary file beside `outPath`, then renames it,
 * so a failed export never leaves a half-written file under the target name. exceljs is imported here, lazily.
 */
export async function writeStreamingWorkbook(outPath: string, build: (wb: Workbook) => Promise<void>): Promise<void> {
  const {default: ExcelJS} = await import('exceljs')
  const fill = async (temp: string) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({filename: temp, useStyles: true, useSharedStrings: false})
    wb.creator = 'itplan'
    await build(wb)
    await wb.commit()
  }
  await writeAtomically(outPath, fill).catch((error: unknown) => {
    throw asStorageFailure(error, outPath)
  })
}

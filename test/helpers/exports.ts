// The plan and acceptance exports as their commands run them: the operation builds the sheets, the writer lays
// them out.
import {acceptanceExport, type AcceptanceExportInput, type AcceptanceExportResult} from '../../src/core/operations/acceptance-sheet.js'
import {planExport, type PlanExportInput, type PlanExportResult} from '../../src/core/operations/plan-sheet.js'
import {writeAcceptanceWorkbook as writeAcceptanceSheets} from '../../src/core/excel/acceptance-export.js'
import {writePlanWorkbook as writePlanSheets} from '../../src/core/excel/plan-export.js'

export async function writePlanWorkbook(outPath: string, input: PlanExportInput): Promise<PlanExportResult> {
  const {sheets, result} = planExport(input)
  await writePlanSheets(outPath, sheets)
  return result
}

export async function writeAcceptanceWorkbook(outPath: string, input: AcceptanceExportInput): Promise<AcceptanceExportResult> {
  const {sheets, result} = acceptanceExport(input)
  await writeAcceptanceSheets(outPath, sheets)
  return result
}

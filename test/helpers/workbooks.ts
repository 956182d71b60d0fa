// Reading a written workbook back with exceljs, as the tests that look at cells do.
import ExcelJS from 'exceljs'

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb
}

/** A cell's text: rich text joined, a date as its ISO day, nothing as ''. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('')
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  return String(v)
}

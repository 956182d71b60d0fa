// The dropdowns of a declaration sheet, from the dictionary (templates/declaration.json): the template sends them
// to the units, and the error workbook puts them back on the columns they belong to, so a corrected row is picked
// from the same words the import reads.
import type {DataValidation, Worksheet} from 'exceljs'
import type {Dictionary, FieldDef} from '../dictionary.js'

/** The words a unit picks from: 是/否 for a yes/no field, an enum's first words; null where the cell is free text. */
export function fieldChoices(field: FieldDef, dictionary: Pick<Dictionary, 'yesWords' | 'noWords'>): string[] | null {
  if (field.kind === 'yesno') return [dictionary.yesWords[0], dictionary.noWords[0]]
  if (field.kind === 'enum' && field.values) return field.values.map((v) => v.words[0])
  return null
}

export function listValidation(field: FieldDef, choices: readonly string[]): DataValidation {
  return {type: 'list', allowBlank: true, formulae: [`"${choices.join(',')}"`], showErrorMessage: true, errorTitle: field.header, error: `请从下拉框中选择：${choices.join('、')}`}
}

export function amountValidation(): DataValidation {
  return {type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: '请填写不小于 0 的金额（万元）'}
}

/**
 * A column's validation over rows `first`–`last`, as one range. Given cell by cell, exceljs merges them into
 * ranges that overlap (`F4:F203` and `F10:F203`), which Excel repairs on opening and EPPlus refuses.
 */
export function addColumnValidation(ws: Worksheet, letter: string, first: number, last: number, validation: DataValidation): void {
  // exceljs 4 has worksheet.dataValidations.add(range, …) but its typings leave it out
  const sheet = ws as unknown as {dataValidations: {add(address: string, validation: DataValidation): void}}
  sheet.dataValidations.add(`${letter}${first}:${letter}${last}`, validation)
}

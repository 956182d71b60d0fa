// The declaration workbook the office sends to units, generated from the same header dictionary the importer
// reads (templates/declaration.json), so that a filled template always imports, whichever program filled it. Its
// title, instructions and print setup are templates/declaration-template.json.
import path from 'node:path'
import {z} from 'zod'
import type {Worksheet} from 'exceljs'
import {loadDictionary, type FieldDef} from './dictionary.js'
import type {RegionWords} from '../domain/region.js'
import {fillTemplate} from '../i18n/fill.js'
import {columnLetter} from './read/index.js'
import {writeOutputFile} from '../output.js'
import {printOptions} from './layout/print.js'
import {rowHeightFor, wrappedLines} from './layout/table-rows.js'
import {fileName, loadTemplate, printSchema, text} from './layout/template-schema.js'
import {addColumnValidation, amountValidation, fieldChoices, listValidation} from './layout/validations.js'
import {STAMP_SHEET} from './template-stamp.js'

export const TEMPLATE_SHEET = '申报表'
export const INSTRUCTIONS_SHEET = '填表说明'
export const DECLARATION_TEMPLATE_FILE = 'declaration-template.json'
const DATA_ROWS = 200
const HEADER_ROW = 3
const FIRST_DATA_ROW = HEADER_ROW + 1
const LAST_DATA_ROW = FIRST_DATA_ROW + DATA_ROWS - 1
const HELP_WIDTHS = [24, 100]
const THIN = {style: 'thin'} as const
const HAIR = {style: 'hair'} as const

const templateSchema = z.object({
  version: text(),
  /** with {year} */
  title: text(),
  /** with {year} */
  fileName: fileName(),
  unitLine: text(),
  instructions: z.array(z.string({message: '应为文字'})),
  form: z.object({print: printSchema}),
  instructionsSheet: z.object({print: printSchema}),
})

type DeclarationTemplate = z.infer<typeof templateSchema>

/** The dictionary's columns as this register's template shows them: {level} is the register's level (DESIGN §18). */
function regionalFields(region: RegionWords): FieldDef[] {
  return loadDictionary().fields.map((f) => ({...f, header: fillTemplate(f.header, region), note: f.note === null ? null : fillTemplate(f.note, region)}))
}

function writeForm(sheet: Worksheet, t: DeclarationTemplate, planYear: number, region: RegionWords): void {
  const dictionary = loadDictionary()
  const fields = regionalFields(region)
  const last = columnLetter(fields.length)
  sheet.mergeCells(`A1:${last}1`)
  const title = sheet.getCell('A1')
  title.value = fillTemplate(t.title, {year: planYear})
  title.font = {bold: true, size: 16}
  title.alignment = {horizontal: 'center', vertical: 'middle'}
  sheet.getRow(1).height = 30
  sheet.mergeCells(`A2:${last}2`)
  sheet.getCell('A2').value = fillTemplate(t.unitLine, {year: planYear})
  const header = sheet.getRow(HEADER_ROW)
  fields.forEach((field, i) => {
    const cell = header.getCell(i + 1)
    cell.value = field.header
    cell.font = {bold: true}
    cell.alignment = {horizontal: 'center', vertical: 'middle', wrapText: true}
    cell.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: field.required ? 'FFFCE4D6' : 'FFDDEBF7'}}
    cell.border = {top: THIN, left: THIN, bottom: THIN, right: THIN}
    if (field.note) cell.note = field.note
    sheet.getColumn(i + 1).width = field.width ?? 12
  })
  header.height = 36
  for (let r = FIRST_DATA_ROW; r <= LAST_DATA_ROW; r++) {
    const row = sheet.getRow(r)
    fields.forEach((field, i) => {
      const cell = row.getCell(i + 1)
      cell.border = {top: HAIR, left: HAIR, bottom: HAIR, right: HAIR}
      // Codes and phone numbers are text: Excel would otherwise drop leading zeros or show 1.39E+10.
      if (field.key === 'declarationNo' || field.key === 'contactPhone') cell.numFmt = '@'
      if (field.kind === 'amount') cell.numFmt = '#,##0.00'
      if (field.kind === 'date') cell.numFmt = 'yyyy-mm-dd'
    })
  }
  fields.forEach((field, i) => {
    const choices = fieldChoices(field, dictionary)
    const validation = choices ? listValidation(field, choices) : field.kind === 'amount' ? amountValidation() : null
    if (validation) addColumnValidation(sheet, columnLetter(i + 1), FIRST_DATA_ROW, LAST_DATA_ROW, validation)
  })
}

/**
 * The instructions, then a line per column. Excel never grows a row for wrapped text in merged cells, so every
 * row gets the height its text needs at these widths; otherwise the articles would print cut off.
 */
function writeInstructions(help: Worksheet, t: DeclarationTemplate, region: RegionWords): void {
  const dictionary = loadDictionary()
  HELP_WIDTHS.forEach((width, i) => (help.getColumn(i + 1).width = width))
  const fullWidth = HELP_WIDTHS[0] + HELP_WIDTHS[1]
  t.instructions.forEach((line, i) => {
    const r = i + 1
    help.mergeCells(`A${r}:B${r}`)
    const c = help.getCell(`A${r}`)
    c.value = line
    c.alignment = {wrapText: true, vertical: 'top'}
    if (i === 0) {
      c.font = {bold: true, size: 14}
      help.getRow(r).height = 24
    } else if (line !== '') help.getRow(r).height = rowHeightFor(wrappedLines(line, fullWidth), 15)
  })
  let r = t.instructions.length + 1
  for (const field of regionalFields(region)) {
    const values = fieldChoices(field, dictionary)
    const label = `${field.header}${field.required ? '（必填）' : ''}`
    const description = [field.note, values ? `可选：${values.join('、')}` : null].filter(Boolean).join('；')
    help.getCell(`A${r}`).value = label
    help.getCell(`B${r}`).value = description
    for (const col of ['A', 'B']) {
      const cell = help.getCell(`${col}${r}`)
      cell.alignment = {wrapText: true, vertical: 'top'}
      cell.border = {top: HAIR, left: HAIR, bottom: HAIR, right: HAIR}
    }
    const lines = Math.max(wrappedLines(label, HELP_WIDTHS[0]), wrappedLines(description, HELP_WIDTHS[1]))
    if (lines > 1) help.getRow(r).height = rowHeightFor(lines, 15)
    r++
  }
}

/** The template's default file name for `planYear` in the register's region. */
export function declarationTemplateFileName(planYear: number, region: RegionWords): string {
  return fillTemplate(loadTemplate(DECLARATION_TEMPLATE_FILE, templateSchema, region).fileName, {year: planYear})
}

/** `region`: the register's words, for the title, the instructions and the headers that name the level. */
export async function writeDeclarationTemplate(outPath: string, o: {planYear: number; generatedAt: string; region: RegionWords}): Promise<{columns: number}> {
  const {default: ExcelJS} = await import('exceljs')
  const t = loadTemplate(DECLARATION_TEMPLATE_FILE, templateSchema, o.region)
  const dictionary = loadDictionary()
  const wb = new ExcelJS.Workbook()
  wb.creator = 'itplan'
  wb.title = fillTemplate(t.title, {year: o.planYear})

  const form = wb.addWorksheet(TEMPLATE_SHEET, {
    views: [{state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: `A${FIRST_DATA_ROW}`}],
    ...printOptions(t.form.print, {first: HEADER_ROW, last: HEADER_ROW}),
  })
  writeForm(form, t, o.planYear, o.region)
  writeInstructions(wb.addWorksheet(INSTRUCTIONS_SHEET, printOptions(t.instructionsSheet.print, null)), t, o.region)

  // The stamp says which dictionary made the template, so a returned file can be traced to its version.
  const stamp = wb.addWorksheet(STAMP_SHEET, {state: 'veryHidden', ...printOptions(t.instructionsSheet.print, null)})
  stamp.addRow(['itplan-declaration-template', dictionary.version, o.planYear, o.generatedAt, t.version])

  const buffer = Buffer.from(await wb.xlsx.writeBuffer())
  await writeOutputFile(path.resolve(outPath), buffer)
  return {columns: dictionary.fields.length}
}

// The declaration workbook the office sends to units, generated from the same header dictionary the importer
// reads (templates/declaration.json), so that a filled template always imports, whichever program filled it.
import path from 'node:path'
import {loadDictionary, type FieldDef} from './dictionary.js'
import {columnLetter} from './read/index.js'
import {writeOutputFile} from '../output.js'

export const TEMPLATE_SHEET = '申报表'
export const INSTRUCTIONS_SHEET = '填表说明'
export const STAMP_SHEET = '_itplan'
const DATA_ROWS = 200
const FIRST_DATA_ROW = 4

/** Instructions with the articles a unit must know when declaring (Art. 2, 4, 6, 12). */
const INSTRUCTIONS: string[] = [
  '郴州市本级财政投资类信息化项目申报表 填表说明',
  '',
  '一、适用范围（《郴州市本级财政投资类信息化项目管理暂行办法》第二条）：全部或部分使用市本级财政资金建设的政务信息化基础设施、数据系统、业务系统、服务系统（含新建、扩建和改造升级）。涉密项目不适用，请勿在本表申报；未使用市本级财政资金的项目不属于本表范围。',
  '二、统筹要求（第四条）：“应统尽统”使用市政务云，“应聚尽聚”数据汇聚到市政务信息资源交换共享平台与大数据中心，“应接尽接”接入城市大脑中枢平台，“应联尽联”接入电子政务网。四项中有填“否”的，须在“情况说明”中写明原因，否则不予列入计划。',
  '三、申报时间（第六条）：请于每年度末（12月31日前）申报下一年度项目。逾期申报的项目原则上不予审批，确需建设的报领导小组“一事一议”。',
  '四、共享要求（第十二条）：不符合统筹建设和不支持共享的项目不予审批建设；未按要求共享数据资源的系统不予验收、不安排运行维护经费。',
  '五、填写方法：每个项目一行，从第 4 行开始填写；金额单位为万元（也可写“120万元”“1,200,000元”）；带下拉框的列请从下拉框中选择；日期写作 2026-12-01。多部门共同使用的项目，由主要使用部门作为建设单位，其他部门填在“共建单位”。',
  '六、请勿修改表头文字、列的顺序可以调整；可以增加本单位需要的列（导入时会忽略）。',
  '',
  '各列说明：',
]

function validationList(field: FieldDef, yes: string[], no: string[]): string[] | null {
  if (field.kind === 'yesno') return [yes[0], no[0]]
  if (field.kind === 'enum' && field.values) return field.values.map((v) => v.words[0])
  return null
}

export async function writeDeclarationTemplate(outPath: string, o: {planYear: number; generatedAt: string}): Promise<{columns: number}> {
  const {default: ExcelJS} = await import('exceljs')
  const dictionary = loadDictionary()
  const fields = dictionary.fields
  const wb = new ExcelJS.Workbook()
  wb.creator = 'itplan'
  wb.title = `郴州市${o.planYear}年度市本级财政投资信息化项目申报表`

  const sheet = wb.addWorksheet(TEMPLATE_SHEET, {views: [{state: 'frozen', ySplit: FIRST_DATA_ROW - 1}]})
  const last = columnLetter(fields.length)
  sheet.mergeCells(`A1:${last}1`)
  const title = sheet.getCell('A1')
  title.value = `郴州市${o.planYear}年度市本级财政投资信息化项目申报表`
  title.font = {bold: true, size: 16}
  title.alignment = {horizontal: 'center', vertical: 'middle'}
  sheet.getRow(1).height = 30
  sheet.mergeCells(`A2:${last}2`)
  sheet.getCell('A2').value = '填报单位（盖章）：                    单位：万元                    填报日期：'
  const header = sheet.getRow(3)
  fields.forEach((field, i) => {
    const cell = header.getCell(i + 1)
    cell.value = field.header
    cell.font = {bold: true}
    cell.alignment = {horizontal: 'center', vertical: 'middle', wrapText: true}
    cell.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: field.required ? 'FFFCE4D6' : 'FFDDEBF7'}}
    cell.border = {top: {style: 'thin'}, left: {style: 'thin'}, bottom: {style: 'thin'}, right: {style: 'thin'}}
    if (field.note) cell.note = field.note
    sheet.getColumn(i + 1).width = field.width ?? 12
  })
  header.height = 36
  for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + DATA_ROWS; r++) {
    const row = sheet.getRow(r)
    fields.forEach((field, i) => {
      const cell = row.getCell(i + 1)
      cell.border = {top: {style: 'hair'}, left: {style: 'hair'}, bottom: {style: 'hair'}, right: {style: 'hair'}}
      // Codes and phone numbers are text: Excel would otherwise drop leading zeros or show 1.39E+10.
      if (field.key === 'declarationNo' || field.key === 'contactPhone') cell.numFmt = '@'
      if (field.kind === 'amount') cell.numFmt = '#,##0.00'
      if (field.kind === 'date') cell.numFmt = 'yyyy-mm-dd'
      const list = validationList(field, dictionary.yesWords, dictionary.noWords)
      if (list) {
        cell.dataValidation = {type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`], showErrorMessage: true, errorTitle: field.header, error: `请从下拉框中选择：${list.join('、')}`}
      } else if (field.kind === 'amount') {
        cell.dataValidation = {type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: '请填写不小于 0 的金额（万元）'}
      }
    })
  }

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET)
  help.getColumn(1).width = 24
  help.getColumn(2).width = 100
  INSTRUCTIONS.forEach((line, i) => {
    help.mergeCells(`A${i + 1}:B${i + 1}`)
    const c = help.getCell(`A${i + 1}`)
    c.value = line
    c.alignment = {wrapText: true, vertical: 'top'}
    if (i === 0) c.font = {bold: true, size: 14}
  })
  let r = INSTRUCTIONS.length + 1
  for (const field of fields) {
    const values = validationList(field, dictionary.yesWords, dictionary.noWords)
    help.getCell(`A${r}`).value = `${field.header}${field.required ? '（必填）' : ''}`
    help.getCell(`B${r}`).value = [field.note, values ? `可选：${values.join('、')}` : null].filter(Boolean).join('；')
    help.getCell(`B${r}`).alignment = {wrapText: true}
    r++
  }

  // The stamp says which dictionary made the template, so a returned file can be traced to its version.
  const stamp = wb.addWorksheet(STAMP_SHEET, {state: 'veryHidden'})
  stamp.addRow(['itplan-declaration-template', dictionary.version, o.planYear, o.generatedAt])

  const buffer = Buffer.from(await wb.xlsx.writeBuffer())
  await writeOutputFile(path.resolve(outPath), buffer)
  return {columns: fields.length}
}

// The 项目支出绩效自评表 (DESIGN §15) of one project, laid out as templates/evaluation.json says and the provinces
// publish it: the head block (label/value pairs, values in merged cells), 预算执行情况, 年度总体目标, the indicator
// table with each first-level indicator merged down over its rows and its weight in its label, then 总分, 评价等级,
// 评价结论, 存在问题, 改进措施 and the signature line. One A4 portrait page wide. The project id is printed in the
// head block and the page header, so `evaluate import` matches the filled form back to its project.
import type {Worksheet} from 'exceljs'
import {amountValue, safeText} from './layout/cells.js'
import {printOptions} from './layout/print.js'
import type {CellStyle} from './layout/styles.js'
import {writeStreamingWorkbook} from './layout/workbook.js'
import type {EvaluationTemplate} from './evaluation-template.js'

/** What one form shows (operations/evaluation-form.ts decides it). */
export interface EvaluationFormModel {
  id: string
  year: number
  name: string
  department: string
  unit: string
  responsible: string
  /** 年初预算数 and 全年预算数: the year's planned investment (年度计划投资), in 分 */
  initialBudgetFen: number
  fullBudgetFen: number
  /** 全年执行数: what was paid in the year; null until the funds records say */
  executedFen: number | null
  /** 预期目标: what the declaration said it would build */
  expectedGoal: string
}

const THIN = {style: 'thin' as const}
const BORDER = {top: THIN, left: THIN, bottom: THIN, right: THIN}
const LABEL_FILL = {type: 'pattern' as const, pattern: 'solid' as const, fgColor: {argb: 'FFF2F2F2'}}
const COLUMNS = 8

interface FormStyles {
  title: CellStyle
  note: CellStyle
  label: CellStyle
  text: CellStyle
  amount: CellStyle
  points: CellStyle
  rate: CellStyle
  signature: CellStyle
}

function formStyles(t: EvaluationTemplate): FormStyles {
  const body = {name: t.fonts.body.name, size: t.fonts.body.size}
  const centred = {vertical: 'middle' as const, horizontal: 'center' as const, wrapText: true}
  return {
    title: {font: {name: t.fonts.title.name, size: t.fonts.title.size, bold: true}, alignment: {vertical: 'middle', horizontal: 'center'}},
    note: {font: body, alignment: {vertical: 'middle', horizontal: 'right'}},
    label: {font: {name: t.fonts.header.name, size: t.fonts.header.size}, alignment: centred, border: BORDER, fill: LABEL_FILL},
    text: {font: body, alignment: {vertical: 'middle', horizontal: 'left', wrapText: true}, border: BORDER, numFmt: '@'},
    amount: {font: body, alignment: {vertical: 'middle', horizontal: 'right'}, border: BORDER, numFmt: '#,##0.00'},
    points: {font: body, alignment: centred, border: BORDER, numFmt: '0.##'},
    rate: {font: body, alignment: centred, border: BORDER, numFmt: '0.00%'},
    signature: {font: body, alignment: {vertical: 'middle', horizontal: 'left'}},
  }
}

const LETTERS = 'ABCDEFGH'

/** Writes rows top to bottom; every cell of a merged range gets the style, so its borders print whole. */
class FormSheet {
  row = 0
  constructor(private readonly ws: Worksheet) {}

  next(height?: number): number {
    this.row += 1
    if (height) this.ws.getRow(this.row).height = height
    return this.row
  }

  /** `from`–`to`: 1-based columns of this row, merged when they differ; `down`: rows the cell spans below. */
  put(from: number, to: number, value: string | number | null, style: CellStyle, down = 0): void {
    const r = this.row
    for (let rr = r; rr <= r + down; rr++) for (let c = from; c <= to; c++) this.ws.getRow(rr).getCell(c).style = style
    if (value !== null) this.ws.getRow(r).getCell(from).value = typeof value === 'string' ? safeText(value) : value
    if (to > from || down > 0) this.ws.mergeCells(`${LETTERS[from - 1]}${r}:${LETTERS[to - 1]}${r + down}`)
  }
}

function headBlock(f: FormSheet, t: EvaluationTemplate, m: EvaluationFormModel, s: FormStyles): void {
  const h = t.head
  const pairs: Array<[string, string | number, string, string | number] | [string, string | number]> = [
    [h.projectId.label, m.id, h.year.label, m.year],
    [h.name.label, m.name],
    [h.department.label, m.department, h.unit.label, m.unit],
    [h.responsible.label, m.responsible],
  ]
  for (const p of pairs) {
    f.next(22)
    f.put(1, 1, p[0], s.label)
    if (p.length === 2) {
      f.put(2, COLUMNS, p[1], s.text)
      continue
    }
    f.put(2, 4, p[1], s.text)
    f.put(5, 5, p[2], s.label)
    f.put(6, COLUMNS, p[3], s.text)
  }
}

function budgetBlock(f: FormSheet, t: EvaluationTemplate, m: EvaluationFormModel, s: FormStyles): void {
  const c = t.budget.columns
  f.next(30)
  f.put(1, 2, t.budget.title, s.label)
  ;[c.initial, c.full, c.executed, c.weight, c.rate, c.score].forEach((col, i) => f.put(3 + i, 3 + i, col.label, s.label))
  for (const row of t.budget.rows) {
    f.next(20)
    f.put(1, 2, row.label, s.label)
    const total = row.key === 'total'
    const rate = total && m.executedFen !== null && m.fullBudgetFen > 0 ? m.executedFen / m.fullBudgetFen : null
    f.put(3, 3, total ? amountValue(m.initialBudgetFen) : null, s.amount)
    f.put(4, 4, total ? amountValue(m.fullBudgetFen) : null, s.amount)
    f.put(5, 5, total ? amountValue(m.executedFen) : null, s.amount)
    // 分值 and 得分 belong to the total: the 其中 rows carry only their amounts
    f.put(6, 6, total ? t.budget.weight : '/', s.points)
    f.put(7, 7, total ? rate : null, s.rate)
    f.put(8, 8, total ? null : '/', s.points)
  }
}

function goalsBlock(f: FormSheet, t: EvaluationTemplate, m: EvaluationFormModel, s: FormStyles): void {
  const g = t.goals
  f.next(20)
  f.put(1, 1, g.title, s.label, 1)
  f.put(2, 5, g.expected.label, s.label)
  f.put(6, COLUMNS, g.actual.label, s.label)
  f.next(60)
  f.put(2, 5, m.expectedGoal === '' ? null : m.expectedGoal, s.text)
  f.put(6, COLUMNS, null, s.text)
}

function indicatorTable(f: FormSheet, t: EvaluationTemplate, s: FormStyles): void {
  const i = t.indicators
  const c = i.columns
  f.next(30)
  ;[c.level1, c.level2, c.level3, c.target, c.actual, c.weight, c.score, c.deviation].forEach((col, k) => f.put(k + 1, k + 1, col.label, s.label))
  const per = i.rowsPerSecondLevel
  for (const first of i.standard) {
    const rows = first.second.length * per
    f.next(20)
    f.put(1, 1, i.weightInLabel.replace('{name}', first.name).replace('{weight}', String(first.weight)), s.label, rows - 1)
    first.second.forEach((second, k) => {
      if (k > 0) f.next(20)
      f.put(2, 2, second, s.label, per - 1)
      for (let r = 0; r < per; r++) {
        if (r > 0) f.next(20)
        for (let col = 3; col <= COLUMNS; col++) f.put(col, col, null, col >= 6 && col <= 7 ? s.points : s.text)
      }
    })
  }
  // the total sits in the table, under 分值 and 得分, as the published forms have it
  f.next(22)
  f.put(1, 5, t.close.total.label, s.label)
  f.put(6, 6, 100, s.points)
  f.put(7, 7, null, s.points)
  f.put(8, 8, null, s.text)
}

function closeBlock(f: FormSheet, t: EvaluationTemplate, s: FormStyles): void {
  const c = t.close
  f.next(22)
  f.put(1, 1, c.grade.label, s.label)
  f.put(2, COLUMNS, null, s.text)
  for (const key of ['conclusion', 'problems', 'measures'] as const) {
    f.next(48)
    f.put(1, 1, c[key].label, s.label)
    f.put(2, COLUMNS, null, s.text)
  }
  f.next(8)
  f.next(24)
  f.put(1, COLUMNS, t.signatures.join('        '), s.signature)
}

function writeForm(ws: Worksheet, t: EvaluationTemplate, m: EvaluationFormModel, s: FormStyles): void {
  ws.columns = t.columnWidths.map((width) => ({width}))
  const f = new FormSheet(ws)
  f.next(34)
  f.put(1, COLUMNS, t.title.replace('{year}', String(m.year)), s.title)
  f.next(18)
  f.put(1, 4, t.yearNote.replace('{year}', String(m.year)), s.signature)
  f.put(5, COLUMNS, t.unitNote, s.note)
  headBlock(f, t, m, s)
  budgetBlock(f, t, m, s)
  goalsBlock(f, t, m, s)
  indicatorTable(f, t, s)
  closeBlock(f, t, s)
}

/** Writes the form of `model` to `outPath` (via a temporary file beside it). */
export async function writeEvaluationForm(outPath: string, template: EvaluationTemplate, model: EvaluationFormModel): Promise<void> {
  const styles = formStyles(template)
  const print = {...template.print, header: template.print.header?.replace('{id}', model.id)}
  await writeStreamingWorkbook(outPath, async (wb) => {
    const ws = wb.addWorksheet(template.sheetName, {...printOptions(print, null), views: [{showGridLines: false}]})
    writeForm(ws, template, model, styles)
    ws.commit()
  })
}

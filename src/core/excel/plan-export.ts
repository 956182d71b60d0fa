// The annual plan workbook (Art. 7, DESIGN §7) that goes to the leading group and the city government: the
// plan table grouped by review track with a 小计 per group and a 合计, the 汇总 by unit, category and track, the
// 执行变化 since the version's approval, and the 说明 sheet. operations/plan-sheet.ts decides what it shows; this
// module lays it out as templates/annual-plan.json says (columns, headers, widths, formats, print settings).
//
// A plan of 10,000 projects goes through exceljs's streaming writer row by row (DESIGN §10). Sums are integer
// 分 added as the rows go out and converted to 万元 once, so a 小计 always equals its rows to the 分.
import type {Workbook} from 'exceljs'
import type {AmountTotals} from '../domain/plan.js'
import {FenSums, type ModelValue} from './layout/cells.js'
import {writeNotesSheet, type NotesSheetModel} from './layout/notes-sheet.js'
import {tableStyles, type StyledColumn, type TableStyles} from './layout/styles.js'
import {addSheet, HEADER_ROW, writeBandRow, writeHeaderRow, writeModelRow, writeTableSheet, writeTitleRows, writeTotalRow, type TableSheetModel} from './layout/table-rows.js'
import {writeStreamingWorkbook} from './layout/workbook.js'
import {CHANGE_COLUMNS, type PlanTemplate} from './plan-template.js'

/** One section of the 汇总 sheet: a line per unit (category, track, mark) with its totals. */
export interface SummarySection {
  title: string
  header: string
  lines: Array<{name: string; totals: AmountTotals}>
  /** whether a 合计 closes the section (the marks overlap, so theirs has none) */
  total: boolean
  /** the 总投资 each line's 占总投资比例 is a share of: the whole plan's, also for the marks, whose lines overlap
   * and do not cover the plan (a sum of the lines would make 重点领域 and 重大项目 50 % each) */
  shareOfFen: number
}

export interface PlanSheetModel {
  template: PlanTemplate
  table: TableSheetModel
  summary: {title: string; sections: SummarySection[]}
  /** 执行变化: a row per change since the version's approval; null for a draft (nothing approved yet) */
  changes: {title: string; note: string; rows: ModelValue[][]} | null
  notes: NotesSheetModel
}

/** A bar of `char` proportional to value / max, for the summary sheet's visual cue. */
export function textBar(value: number, max: number, length: number, char: string): string {
  if (max <= 0 || value <= 0) return ''
  return char.repeat(Math.max(1, Math.round((value / max) * length)))
}

/** 汇总: each section with its lines, each line's share of the plan's 总投资 and a text bar of it. */
function writeSummarySheet(wb: Workbook, t: PlanTemplate, model: PlanSheetModel['summary'], styles: TableStyles): void {
  const s = t.summary
  const h = s.headers
  const columns: Array<StyledColumn & {key: string; width: number}> = [
    {key: 'seq', kind: 'integer', width: s.widths.seq},
    {key: 'group', kind: 'text', width: s.widths.group, wrap: true},
    {key: 'count', kind: 'integer', width: s.widths.count},
    {key: 'totalInvestment', kind: 'amount', width: s.widths.amount},
    {key: 'fiscalFunds', kind: 'amount', width: s.widths.amount},
    {key: 'annualPlan', kind: 'amount', width: s.widths.amount},
    {key: 'share', kind: 'ratio', width: s.widths.share},
    {key: 'bar', kind: 'text', width: s.widths.bar},
  ]
  const local = tableStyles(t.fonts, columns)
  const dataStyles = [...local.data.slice(0, 7), styles.bar]
  const ws = addSheet(wb, s.sheetName, t.print, columns.map((c) => c.width), null)
  writeTitleRows(ws, model.title, t.unitNote, columns.length, local)
  let r = 2
  for (const section of model.sections) {
    r += 1
    writeBandRow(ws, ++r, section.title, columns.length, local.groupLabel)
    writeHeaderRow(ws, ++r, [h.seq, section.header, h.count, h.totalInvestment, h.fiscalFunds, h.annualPlan, h.share, h.bar], local)
    const sums = new FenSums()
    let count = 0
    for (const line of section.lines) {
      sums.add('totalInvestment', line.totals.totalInvestmentFen)
      sums.add('fiscalFunds', line.totals.fiscalFundsFen)
      sums.add('annualPlan', line.totals.annualPlanFen)
      count += line.totals.count
    }
    const base = section.shareOfFen
    const max = Math.max(0, ...section.lines.map((l) => l.totals.totalInvestmentFen))
    section.lines.forEach((line, i) => {
      const fen = line.totals.totalInvestmentFen
      const values = [i + 1, line.name, line.totals.count, fen, line.totals.fiscalFundsFen, line.totals.annualPlanFen, base > 0 ? fen / base : null, textBar(fen, max, s.barLength, s.barChar)]
      writeModelRow(ws, ++r, columns, values, dataStyles)
    })
    if (section.total) writeTotalRow(ws, ++r, t.totalLabel, columns, sums, local, {labelSpan: 2, extra: {count, share: base > 0 ? (sums.get('totalInvestment') ?? 0) / base : null}})
  }
  ws.commit()
}

/** 执行变化: each change since the version's approval, beside the approved value. */
function writeChangesSheet(wb: Workbook, t: PlanTemplate, model: NonNullable<PlanSheetModel['changes']>): void {
  const c = t.changes
  const columns = CHANGE_COLUMNS.map((key) => ({key, kind: key === 'seq' ? ('integer' as const) : ('text' as const), width: c.widths[key], wrap: ['name', 'unit', 'reason'].includes(key)}))
  const local = tableStyles(t.fonts, columns)
  const ws = addSheet(wb, c.sheetName, t.print, columns.map((col) => col.width), HEADER_ROW)
  writeTitleRows(ws, model.title, model.note, columns.length, local)
  writeHeaderRow(ws, HEADER_ROW, CHANGE_COLUMNS.map((k) => c.headers[k]), local)
  let r = HEADER_ROW
  if (model.rows.length === 0) writeBandRow(ws, ++r, c.none, columns.length, local.groupLabel)
  for (const row of model.rows) writeModelRow(ws, ++r, columns, row, local.data)
  ws.commit()
}

/** Writes the plan workbook `model` describes to `outPath` (via a temporary file beside it). */
export async function writePlanWorkbook(outPath: string, model: PlanSheetModel): Promise<void> {
  const t = model.template
  const styles = tableStyles(t.fonts, t.columns)
  await writeStreamingWorkbook(outPath, async (wb) => {
    await writeTableSheet(wb, t, model.table, styles)
    writeSummarySheet(wb, t, model.summary, styles)
    if (model.changes) writeChangesSheet(wb, t, model.changes)
    writeNotesSheet(wb, t.notes.sheetName, model.notes, t.print, styles)
  })
}

// What the 资金执行情况表 (branch funds, DESIGN §13) shows: the year's budgets of domain/funds.ts fundsView — by
// unit, then project — with the rate of each 小计 and of the 合计 computed on the summed 分, and a 说明 sheet with
// the year's figures, how they are computed, the rules in force and the register's audit head. The writer
// (excel/funds-export.ts) only lays it out.
import {fillTemplate, chineseOrdinal} from '../i18n/fill.js'
import {word} from '../i18n/index.js'
import {formatWan} from '../domain/money.js'
import {formatRate, fundsView, recordsOf, type FundsRow, type FundsView} from '../domain/funds.js'
import {latestVersion} from '../domain/plan-versions.js'
import {FUNDS_TEMPLATE_FILE, readFundsTemplate, type FundsTemplate} from '../excel/funds-template.js'
import type {FundsSheetModel} from '../excel/funds-export.js'
import {closingNotes, noteRow, notesText, type NoteRow} from './export-notes.js'
import {joined, kindsOf, rowOf, type ColumnTable} from './sheet-columns.js'
import type {Project, RegisterData} from '../domain/types.js'
import type {RegionWords} from '../domain/region.js'
import {regionWordsOf} from '../domain/region.js'

interface FundsCell {
  seq: number
  row: FundsRow
  project: Project
  year: number
  t: FundsTemplate
}

const zh = (kind: string, value: string) => word(kind, value, 'zh')

/** The columns a funds template may use: the kind of each and how it reads a row. */
export const FUNDS_COLUMNS = {
  seq: {kind: 'integer', cell: ({seq}) => seq},
  id: {kind: 'text', cell: ({row}) => row.id},
  unit: {kind: 'text', cell: ({row}) => row.unit},
  name: {kind: 'text', cell: ({row}) => row.name},
  track: {kind: 'text', cell: ({project: p}) => zh('track', p.track)},
  status: {kind: 'text', cell: ({project: p}) => zh('status', p.status)},
  // 未经审定的（含自行组织实施的项目）填总投资
  approvedAmount: {kind: 'amount', cell: ({project: p}) => p.approvedAmountFen ?? p.totalInvestmentFen},
  planned: {kind: 'amount', cell: ({row}) => row.plannedFen},
  cut: {kind: 'amount', cell: ({row}) => row.cutFen},
  recovered: {kind: 'amount', cell: ({row}) => row.recoveredFen},
  available: {kind: 'amount', cell: ({row}) => row.availableFen},
  paid: {kind: 'amount', cell: ({row}) => row.paidFen},
  remaining: {kind: 'amount', cell: ({row}) => row.remainingFen},
  executionRate: {kind: 'ratio', cell: ({row}) => row.executionRate},
  contractAmount: {kind: 'amount', cell: ({row}) => row.contractAmountFen},
  lastPaidOn: {kind: 'date', cell: ({project, year}) => lastPaidOn(project, year)},
  remarks: {kind: 'text', cell: ({project, year, t}) => remarksOf(project, year, t)},
} satisfies ColumnTable<FundsCell>

export type FundsColumnKey = keyof typeof FUNDS_COLUMNS

function lastPaidOn(p: Project, year: number): string | null {
  const paid = recordsOf(p, year).filter((r) => r.kind === 'pay').map((r) => r.date)
  return paid.length > 0 ? paid.reduce((a, b) => (a > b ? a : b)) : null
}

/** 备注: each cut and recovery of the year, with its date, reason and document (Art. 15). */
function remarksOf(p: Project, year: number, t: FundsTemplate): string | null {
  const reductions = recordsOf(p, year).filter((r) => r.kind !== 'pay')
  return joined(
    reductions.map((r) => fillTemplate(t.labels.remark, {date: r.date, kind: zh('fundsKind', r.kind), amount: formatWan(r.amountFen), reason: r.reason ?? '', documentNo: r.documentNo ?? ''})),
    t.listSeparator,
  )
}

/** templates/funds-execution.json, checked against the table's columns. */
export function loadFundsTemplate(region: RegionWords): FundsTemplate<FundsColumnKey> {
  return readFundsTemplate(kindsOf(FUNDS_COLUMNS), region)
}

export interface FundsExportInput {
  year: number
  data: RegisterData
  /** ISO timestamp printed in 说明 */
  exportedAt: string
}

/** `funds export --json`: what the workbook holds. */
export interface FundsExportResult {
  year: number
  version: number | null
  projects: number
  plannedFen: number
  availableFen: number
  paidFen: number
  executionRate: number | null
}

const rateWords = (rate: number | null) => (rate === null ? '—' : formatRate(rate))

function fundsNotes(t: FundsTemplate, data: RegisterData, view: FundsView, exportedAt: string): NoteRow[] {
  const words = notesText(regionWordsOf(data.settings))
  const r = t.notes.rows
  const x = view.totals
  const plan = data.plans.find((p) => p.year === view.year)
  const latest = latestVersion(plan)
  // the units that spend slowest: the lowest rate of those with a budget, so a leader sees whom to ask
  const rated = view.byUnit.filter((u) => u.executionRate !== null)
  const lowest = rated.length > 0 ? Math.min(...rated.map((u) => u.executionRate!)) : null
  const slowest = rated.filter((u) => u.executionRate === lowest).map((u) => `${u.unit}（${rateWords(u.executionRate)}）`)
  const notes: NoteRow[] = [
    {section: t.notes.sections.execution},
    noteRow(r.year, {year: view.year, version: latest?.version ?? '—', approvedOn: latest?.approvedOn ?? '—'}),
    noteRow(r.count, {count: view.projects.length, units: view.byUnit.length}),
    noteRow(r.planned, {amount: words.wan(x.plannedFen)}),
    noteRow(r.reduced, {cut: words.wan(x.cutFen), recovered: words.wan(x.recoveredFen)}),
    noteRow(r.available, {amount: words.wan(x.availableFen)}),
    noteRow(r.paid, {amount: words.wan(x.paidFen), rate: rateWords(x.executionRate)}),
  ]
  if (slowest.length > 0) notes.push(noteRow(r.slowest, {units: slowest.join(words.listSeparator)}))
  notes.push({section: t.notes.sections.method}, ...t.notes.method.map((m) => noteRow(m, {year: view.year})))
  notes.push(...closingNotes(data, {exportedAt, template: FUNDS_TEMPLATE_FILE, templateVersion: t.version}, words))
  return notes
}

/** The workbook's content for plan year `year`. */
export function fundsExport(input: FundsExportInput): {sheets: FundsSheetModel; result: FundsExportResult; fileName: string} {
  const {year, data, exportedAt} = input
  const t = loadFundsTemplate(regionWordsOf(data.settings))
  const view = fundsView(data, year)
  const byId = new Map(data.projects.map((p) => [p.id, p]))
  let seq = 0
  const groups = view.byUnit.map((u, i) => ({
    label: fillTemplate(t.groupLabel, {ordinal: chineseOrdinal(i + 1), unit: u.unit, count: u.count}),
    rows: view.projects.filter((row) => row.unit === u.unit).map((row) => rowOf(FUNDS_COLUMNS, t.columns, {seq: ++seq, row, project: byId.get(row.id)!, year, t})),
    subtotalLabel: fillTemplate(t.subtotalLabel, {unit: u.unit, count: u.count}),
    subtotalExtra: {executionRate: u.executionRate},
  }))
  const x = view.totals
  return {
    fileName: fillTemplate(t.fileName, {year}),
    sheets: {
      template: t,
      table: {title: fillTemplate(t.title, {year}), groups, totalLabel: t.totalLabel, totalExtra: {executionRate: x.executionRate}},
      notes: {title: fillTemplate(t.notes.title, {year}), rows: fundsNotes(t, data, view, exportedAt)},
    },
    result: {year, version: view.version, projects: view.projects.length, plannedFen: x.plannedFen, availableFen: x.availableFen, paidFen: x.paidFen, executionRate: x.executionRate},
  }
}

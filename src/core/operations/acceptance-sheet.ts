// What the acceptance filing workbook (Art. 16–17, DESIGN §7) shows: every project of a plan year that passed
// completion acceptance (accepted) or was filed (filed), with who built and supervised it, what was approved,
// contracted and spent, the acceptance dates, the technical support group's three checks, the expert
// conclusion, rectifications, the filing, and whether the filing came later than the rules allow — counted here
// in Chinese working days with the register's calendar. The writer (excel/acceptance-export.ts) only lays it out.
import {createCalendar, isValidIsoDate, todayIso, type WorkingCalendar} from '../calendar/index.js'
import {fillTemplate} from '../i18n/fill.js'
import {word} from '../i18n/index.js'
import {ACCEPTANCE_TEMPLATE_FILE, readAcceptanceTemplate, type AcceptanceTemplate} from '../excel/acceptance-template.js'
import type {AcceptanceSheetModel} from '../excel/acceptance-export.js'
import {FenSums} from '../excel/layout/cells.js'
import {filingDueOn} from './deadlines.js'
import {closingNotes, noteRow, notesText, type NoteRow} from './export-notes.js'
import {joined, kindsOf, rowOf, type ColumnTable} from './sheet-columns.js'
import type {Project, RegisterData} from '../domain/types.js'
import type {RegionWords} from '../domain/region.js'
import {regionWordsOf} from '../domain/region.js'

export interface FilingCheck {
  /** the text of the 备案逾期 cell, or null when on time / not yet due */
  mark: string | null
  late: boolean
  uncoveredYears: number[]
}

/** A project of the filing table, with its filing judged against the deadline. */
export interface AcceptanceRow {
  project: Project
  filing: FilingCheck
}

interface AcceptanceCell extends AcceptanceRow {
  seq: number
  t: AcceptanceTemplate
}

const zh = (kind: string, value: string) => word(kind, value, 'zh')
const check = (t: AcceptanceTemplate, v: 'pass' | 'fail' | undefined) => (v ? t.labels.check[v] : null)

/** The columns an acceptance template may use: the kind of each and how it reads a row. */
export const ACCEPTANCE_COLUMNS = {
  seq: {kind: 'integer', cell: ({seq}) => seq},
  id: {kind: 'text', cell: ({project: p}) => p.id},
  declarationNo: {kind: 'text', cell: ({project: p}) => p.declarationNo},
  unit: {kind: 'text', cell: ({project: p}) => p.unit},
  name: {kind: 'text', cell: ({project: p}) => p.name},
  track: {kind: 'text', cell: ({project: p}) => zh('track', p.track)},
  contractor: {kind: 'text', cell: ({project: p}) => p.construction?.contractor ?? null},
  supervisor: {kind: 'text', cell: ({project: p}) => p.construction?.supervisor ?? null},
  responsible: {kind: 'text', cell: ({project: p}) => p.construction?.responsible ?? null},
  // 未经审定的（含自行组织实施的项目）填总投资
  approvedAmount: {kind: 'amount', cell: ({project: p}) => p.approvedAmountFen ?? p.totalInvestmentFen},
  totalInvestment: {kind: 'amount', cell: ({project: p}) => p.totalInvestmentFen},
  contractAmount: {kind: 'amount', cell: ({project: p}) => p.construction?.contractAmountFen ?? null},
  actualInvestment: {kind: 'amount', cell: ({project: p}) => p.construction?.actualInvestmentFen ?? null},
  completedOn: {kind: 'date', cell: ({project: p}) => p.construction?.completedOn ?? null},
  preliminaryOn: {kind: 'date', cell: ({project: p}) => p.acceptance?.preliminaryOn ?? null},
  appliedOn: {kind: 'date', cell: ({project: p}) => p.acceptance?.appliedOn ?? null},
  techReviewOn: {kind: 'date', cell: ({project: p}) => p.acceptance?.techReview?.date ?? null},
  cloud: {kind: 'text', cell: ({project: p, t}) => check(t, p.acceptance?.techReview?.cloud)},
  sharing: {kind: 'text', cell: ({project: p, t}) => check(t, p.acceptance?.techReview?.sharing)},
  security: {kind: 'text', cell: ({project: p, t}) => check(t, p.acceptance?.techReview?.security)},
  techOpinion: {kind: 'text', cell: ({project: p}) => p.acceptance?.techReview?.opinion ?? null},
  expertOn: {kind: 'date', cell: ({project: p}) => p.acceptance?.expertOn ?? null},
  expertConclusion: {kind: 'text', cell: ({project: p, t}) => (p.acceptance?.expertResult ? t.labels.result[p.acceptance.expertResult] : null)},
  rectifications: {kind: 'integer', cell: ({project: p}) => p.acceptance?.rectifications.length ?? 0},
  filingNo: {kind: 'text', cell: ({project: p}) => p.acceptance?.filingDocumentNo ?? null},
  filedOn: {kind: 'date', cell: ({project: p}) => p.acceptance?.filedOn ?? null},
  filingLate: {kind: 'text', cell: ({filing}) => filing.mark},
  approvalDocs: {
    kind: 'text',
    cell: ({project: p, t}) =>
      joined(
        p.stages.filter((s) => s.documentNo).map((s) => fillTemplate(t.labels.approvalDoc, {department: s.department, stage: zh('stage', s.key), documentNo: s.documentNo ?? ''})),
        t.listSeparator,
      ),
  },
  trialRun: {kind: 'text', cell: ({project: p}) => p.acceptance?.trialRun ?? null},
  testReport: {kind: 'text', cell: ({project: p}) => p.acceptance?.testReport ?? null},
  remarks: {kind: 'text', cell: ({project: p, t}) => remarksOf(p, t)},
} satisfies ColumnTable<AcceptanceCell>

export type AcceptanceColumnKey = keyof typeof ACCEPTANCE_COLUMNS

/** 备注: failed acceptances, a refused rectification, the incidents reported during construction. */
function remarksOf(p: Project, t: AcceptanceTemplate): string | null {
  const l = t.labels
  const parts: string[] = []
  const a = p.acceptance
  if (a && a.failures > 0) parts.push(fillTemplate(l.failures, {count: a.failures}))
  if (a?.refusedRectification) parts.push(l.refusedRectification)
  for (const i of p.construction?.incidents ?? []) parts.push(fillTemplate(l.incident, {date: i.date, kind: zh('incident', i.kind), description: i.description}))
  return joined(parts, t.listSeparator)
}

/** templates/acceptance-filing.json, checked against the filing table's columns. */
export function loadAcceptanceTemplate(region: RegionWords): AcceptanceTemplate<AcceptanceColumnKey> {
  return readAcceptanceTemplate(kindsOf(ACCEPTANCE_COLUMNS), region)
}

const EXPORTED_STATUSES = new Set<Project['status']>(['accepted', 'filed'])

/** Projects of plan year `year` that passed completion acceptance or were filed, by id. */
export function acceptedProjects(data: RegisterData, year: number): Project[] {
  return data.projects.filter((p) => p.planYear === year && EXPORTED_STATUSES.has(p.status)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * Art. 17 and the rules' filing deadline: filed more than `limit` working days after the completion acceptance
 * (the acceptance day not counted), or still unfiled and already past it on `asOf`.
 */
export function filingCheck(p: Project, calendar: WorkingCalendar, limit: number, asOf: string, labels: AcceptanceTemplate['labels']): FilingCheck {
  const a = p.acceptance
  const none: FilingCheck = {mark: null, late: false, uncoveredYears: []}
  if (!a?.expertOn || !isValidIsoDate(a.expertOn)) return none
  const uncovered = new Set<number>()
  const due = filingDueOn(a.expertOn, limit, (date, n) => {
    const r = calendar.addWorkingDays(date, n)
    r.uncoveredYears.forEach((y) => uncovered.add(y))
    return r.date
  })
  const on = a.filedOn ?? asOf
  if (!isValidIsoDate(on)) return none
  const {days, uncoveredYears} = calendar.workingDaysBetween(a.expertOn, on)
  uncoveredYears.forEach((y) => uncovered.add(y))
  if (on <= due) return {...none, uncoveredYears: [...uncovered].sort()}
  return {mark: fillTemplate(a.filedOn ? labels.filingLate : labels.filingOverdue, {days, limit}), late: true, uncoveredYears: [...uncovered].sort()}
}

/** The filing table's projects of `year`, each with its filing judged on the register's working calendar. */
export function acceptanceRows(data: RegisterData, year: number, asOf: string, labels: AcceptanceTemplate['labels']): AcceptanceRow[] {
  const calendar = createCalendar(data.calendarOverrides ?? [])
  const limit = data.rules.deadlines.filingWorkingDays
  return acceptedProjects(data, year).map((project) => ({project, filing: filingCheck(project, calendar, limit, asOf, labels)}))
}

export interface AcceptanceExportInput {
  year: number
  data: RegisterData
  /** ISO timestamp printed in 说明 */
  exportedAt: string
  /** the day an accepted but unfiled project is judged overdue on; default: the local date of `exportedAt` */
  asOf?: string
}

export interface AcceptanceExportResult {
  projects: number
}

function acceptanceNotes(t: AcceptanceTemplate, data: RegisterData, year: number, rows: readonly AcceptanceRow[], asOf: string, exportedAt: string): NoteRow[] {
  const words = notesText(regionWordsOf(data.settings))
  const r = t.notes.rows
  const filed = rows.filter(({project}) => project.status === 'filed').length
  const uncovered = [...new Set(rows.flatMap(({filing}) => filing.uncoveredYears))].sort((a, b) => a - b)
  const sums = new FenSums()
  for (const {project: p} of rows) {
    sums.add('approved', p.approvedAmountFen ?? p.totalInvestmentFen)
    sums.add('actual', p.construction?.actualInvestmentFen)
  }
  const notes: NoteRow[] = [
    {section: t.notes.sections.filing},
    noteRow(r.year, {year}),
    noteRow(r.count, {count: rows.length, filed, unfiled: rows.length - filed}),
    noteRow(r.late, {late: rows.filter(({filing}) => filing.late).length}),
    noteRow(r.approved, {amount: words.wan(sums.get('approved') ?? 0)}),
    noteRow(r.actual, {amount: words.wan(sums.get('actual') ?? 0)}),
    {section: t.notes.sections.method},
    ...t.notes.method.map((m) => noteRow(m, {limit: data.rules.deadlines.filingWorkingDays, asOf})),
  ]
  if (uncovered.length > 0) notes.push(noteRow(r.uncoveredYears, {years: uncovered.join(words.listSeparator)}))
  notes.push(...closingNotes(data, {exportedAt, template: ACCEPTANCE_TEMPLATE_FILE, templateVersion: t.version}, words))
  return notes
}

function localDateOf(timestamp: string): string {
  const d = new Date(timestamp)
  return Number.isNaN(d.getTime()) ? todayIso() : todayIso(d)
}

/** The filing workbook's content for plan year `year`. */
export function acceptanceExport(input: AcceptanceExportInput): {sheets: AcceptanceSheetModel; result: AcceptanceExportResult; fileName: string} {
  const {year, data, exportedAt} = input
  const asOf = input.asOf ?? localDateOf(exportedAt)
  const t = loadAcceptanceTemplate(regionWordsOf(data.settings))
  const rows = acceptanceRows(data, year, asOf, t.labels)
  const table = rows.map((row, i) => rowOf(ACCEPTANCE_COLUMNS, t.columns, {...row, seq: i + 1, t}))
  return {
    fileName: fillTemplate(t.fileName, {year}),
    sheets: {
      template: t,
      table: {title: fillTemplate(t.title, {year}), groups: [{label: null, rows: table, subtotalLabel: null}], totalLabel: t.totalLabel},
      notes: {title: fillTemplate(t.notes.title, {year}), rows: acceptanceNotes(t, data, year, rows, asOf, exportedAt)},
    },
    result: {projects: rows.length},
  }
}

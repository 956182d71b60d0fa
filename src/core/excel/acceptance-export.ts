// The acceptance filing workbook (Art. 16–17, DESIGN §7): every project of a plan year that passed completion
// acceptance (accepted) or was filed (filed), with who built and supervised it, what was approved, contracted and
// spent, the acceptance dates, the technical support group's three checks, the expert conclusion, rectifications,
// the filing, and a mark when the filing came later than the rules allow (counted in Chinese working days from the
// completion acceptance). Layout: templates/acceptance-filing.json; print quality as the annual plan.
import {createCalendar, isValidIsoDate, todayIso, type WorkingCalendar} from '../calendar/index.js'
import {word} from '../i18n/index.js'
import {filingDueOn} from '../operations/deadlines.js'
import type {Workbook} from 'exceljs'
import type {Project, RegisterData} from '../domain/types.js'
import {
  amountValue,
  dateValue,
  drain,
  DRAIN_EVERY,
  FenSums,
  fillTemplate,
  HEADER_ROW,
  loadTableTemplate,
  startTableSheet,
  requireText,
  rulesNotes,
  tableStyles,
  traceNotes,
  wanText,
  writeDataRow,
  writeNotesSheet,
  writeStreamingWorkbook,
  writeTotalRow,
  type CellOut,
  type ColumnKind,
  type NoteRow,
  type TableStyles,
  type TableTemplate,
} from './workbook-layout.js'

export const ACCEPTANCE_TEMPLATE_FILE = 'acceptance-filing.json'

/** The columns an acceptance template may use, and the kind each needs. */
export const ACCEPTANCE_COLUMN_KINDS = {
  seq: 'integer',
  id: 'text',
  declarationNo: 'text',
  unit: 'text',
  name: 'text',
  track: 'text',
  contractor: 'text',
  supervisor: 'text',
  responsible: 'text',
  approvedAmount: 'amount',
  totalInvestment: 'amount',
  contractAmount: 'amount',
  actualInvestment: 'amount',
  completedOn: 'date',
  preliminaryOn: 'date',
  appliedOn: 'date',
  techReviewOn: 'date',
  cloud: 'text',
  sharing: 'text',
  security: 'text',
  techOpinion: 'text',
  expertOn: 'date',
  expertConclusion: 'text',
  rectifications: 'integer',
  filingNo: 'text',
  filedOn: 'date',
  filingLate: 'text',
  approvalDocs: 'text',
  trialRun: 'text',
  testReport: 'text',
  remarks: 'text',
} as const satisfies Record<string, ColumnKind>

export type AcceptanceColumnKey = keyof typeof ACCEPTANCE_COLUMN_KINDS

export interface AcceptanceTemplate extends TableTemplate<AcceptanceColumnKey> {
  labels: {
    check: {pass: string; fail: string}
    result: {passed: string; failed: string}
    filingLate: string
    filingOverdue: string
    approvalDoc: string
    incident: string
    failures: string
    refusedRectification: string
  }
}

export function loadAcceptanceTemplate(): AcceptanceTemplate {
  const file = ACCEPTANCE_TEMPLATE_FILE
  const t = loadTableTemplate<AcceptanceColumnKey, AcceptanceTemplate>(file, ACCEPTANCE_COLUMN_KINDS)
  const l = t.labels
  requireText(file, l?.check?.pass, 'labels.check.pass')
  requireText(file, l.check.fail, 'labels.check.fail')
  requireText(file, l.result?.passed, 'labels.result.passed')
  requireText(file, l.result.failed, 'labels.result.failed')
  for (const k of ['filingLate', 'filingOverdue', 'approvalDoc', 'incident', 'failures', 'refusedRectification'] as const) requireText(file, l[k], `labels.${k}`)
  return t
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

const EXPORTED_STATUSES = new Set<Project['status']>(['accepted', 'filed'])

/** Projects of plan year `year` that passed completion acceptance or were filed, by id. */
export function acceptedProjects(data: RegisterData, year: number): Project[] {
  return data.projects.filter((p) => p.planYear === year && EXPORTED_STATUSES.has(p.status)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

interface FilingCheck {
  /** the text of the 备案逾期 cell, or null when on time / not yet due */
  mark: string | null
  late: boolean
  uncoveredYears: number[]
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

const zh = (kind: string, value: string) => word(kind, value, 'zh')

type Extract = (p: Project, seq: number, filing: FilingCheck) => CellOut

function extractors(t: AcceptanceTemplate): Record<AcceptanceColumnKey, Extract> {
  const sep = t.listSeparator
  const l = t.labels
  const check = (v: 'pass' | 'fail' | undefined) => (v ? l.check[v] : null)
  return {
    seq: (_p, seq) => seq,
    id: (p) => p.id,
    declarationNo: (p) => p.declarationNo,
    unit: (p) => p.unit,
    name: (p) => p.name,
    track: (p) => zh('track', p.track),
    contractor: (p) => p.construction?.contractor ?? null,
    supervisor: (p) => p.construction?.supervisor ?? null,
    responsible: (p) => p.construction?.responsible ?? null,
    approvedAmount: (p) => amountValue(p.approvedAmountFen ?? p.totalInvestmentFen),
    totalInvestment: (p) => amountValue(p.totalInvestmentFen),
    contractAmount: (p) => amountValue(p.construction?.contractAmountFen),
    actualInvestment: (p) => amountValue(p.construction?.actualInvestmentFen),
    completedOn: (p) => dateValue(p.construction?.completedOn),
    preliminaryOn: (p) => dateValue(p.acceptance?.preliminaryOn),
    appliedOn: (p) => dateValue(p.acceptance?.appliedOn),
    techReviewOn: (p) => dateValue(p.acceptance?.techReview?.date),
    cloud: (p) => check(p.acceptance?.techReview?.cloud),
    sharing: (p) => check(p.acceptance?.techReview?.sharing),
    security: (p) => check(p.acceptance?.techReview?.security),
    techOpinion: (p) => p.acceptance?.techReview?.opinion ?? null,
    expertOn: (p) => dateValue(p.acceptance?.expertOn),
    expertConclusion: (p) => (p.acceptance?.expertResult ? l.result[p.acceptance.expertResult] : null),
    rectifications: (p) => p.acceptance?.rectifications.length ?? 0,
    filingNo: (p) => p.acceptance?.filingDocumentNo ?? null,
    filedOn: (p) => dateValue(p.acceptance?.filedOn),
    filingLate: (_p, _seq, filing) => filing.mark,
    approvalDocs: (p) =>
      p.stages
        .filter((s) => s.documentNo)
        .map((s) => fillTemplate(l.approvalDoc, {department: s.department, stage: zh('stage', s.key), documentNo: s.documentNo ?? ''}))
        .join(sep) || null,
    trialRun: (p) => p.acceptance?.trialRun ?? null,
    testReport: (p) => p.acceptance?.testReport ?? null,
    remarks: (p) => {
      const parts: string[] = []
      const a = p.acceptance
      if (a && a.failures > 0) parts.push(fillTemplate(l.failures, {count: a.failures}))
      if (a?.refusedRectification) parts.push(l.refusedRectification)
      for (const i of p.construction?.incidents ?? []) parts.push(fillTemplate(l.incident, {date: i.date, kind: zh('incident', i.kind), description: i.description}))
      return parts.join(sep) || null
    },
  }
}

/** The fen amount an acceptance amount column sums; null when the project has none. */
function amountFen(key: AcceptanceColumnKey, p: Project): number | null {
  switch (key) {
    case 'approvedAmount':
      return p.approvedAmountFen ?? p.totalInvestmentFen
    case 'totalInvestment':
      return p.totalInvestmentFen
    case 'contractAmount':
      return p.construction?.contractAmountFen ?? null
    case 'actualInvestment':
      return p.construction?.actualInvestmentFen ?? null
    default:
      return null
  }
}

async function writeAcceptanceSheet(wb: Workbook, t: AcceptanceTemplate, year: number, projects: readonly Project[], checks: readonly FilingCheck[], styles: TableStyles): Promise<void> {
  const columns = t.columns
  const ws = startTableSheet(wb, t, year, styles)
  const extract = extractors(t)
  const readers = columns.map((c) => extract[c.key])
  const amountColumns = columns.filter((c) => c.kind === 'amount').map((c) => c.key)
  const sums = new FenSums()
  let r = HEADER_ROW
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i]
    writeDataRow(
      ws,
      ++r,
      readers.map((read) => read(p, i + 1, checks[i])),
      styles.data,
    )
    for (const key of amountColumns) sums.add(key, amountFen(key, p))
    if (i % DRAIN_EVERY === DRAIN_EVERY - 1) await drain()
  }
  writeTotalRow(ws, ++r, t.totalLabel, columns, sums, styles)
  ws.commit()
  await drain()
}

function acceptanceNotes(t: AcceptanceTemplate, data: RegisterData, year: number, projects: readonly Project[], checks: readonly FilingCheck[], asOf: string, exportedAt: string): NoteRow[] {
  const filed = projects.filter((p) => p.status === 'filed').length
  const late = checks.filter((c) => c.late).length
  const uncovered = [...new Set(checks.flatMap((c) => c.uncoveredYears))].sort((a, b) => a - b)
  const sums = new FenSums()
  for (const p of projects) {
    sums.add('approved', p.approvedAmountFen ?? p.totalInvestmentFen)
    sums.add('actual', p.construction?.actualInvestmentFen)
  }
  const limit = data.rules.deadlines.filingWorkingDays
  const rows: NoteRow[] = [
    {section: '验收备案'},
    {label: '计划年度', value: `${year} 年度`},
    {label: '项目数', value: `${projects.length} 个（已备案 ${filed} 个，已竣工验收待备案 ${projects.length - filed} 个）`},
    {label: '备案逾期', value: `${late} 个`},
    {label: '审定金额合计', value: wanText(sums.get('approved') ?? 0)},
    {label: '实际完成投资合计', value: wanText(sums.get('actual') ?? 0)},
    {section: '编制口径'},
    {label: '范围', value: '计划年度内已竣工验收（专家验收通过）或已备案的项目，按项目编号排列。'},
    {label: '金额', value: '单位为万元；单元格保存精确数值，显示两位小数。合计按各项目金额（以分为单位的整数）相加后换算，不使用公式。'},
    {label: '审定金额', value: '市财政局财政投资评审审定的金额；未经审定的（含自行组织实施的项目）填总投资。'},
    {label: '技术支持组审查', value: '第十六条：政务云使用、数据汇聚共享、网络安全三项审查的结果。'},
    {
      label: '备案逾期',
      value: `第十七条及现行规则：竣工验收后 ${limit} 个工作日内备案（验收当日不计，按国家法定节假日和调休安排计算）。已备案的按备案日判断；尚未备案的按 ${asOf} 判断。`,
    },
  ]
  if (uncovered.length > 0) rows.push({label: '工作日历', value: `${uncovered.join('、')} 年的节假日安排未载入，按周一至周五计算，请核对（itplan calendar import）。`})
  rows.push(...rulesNotes(data.rules), ...traceNotes({exportedAt, auditHead: data.audit.head, auditSeq: data.audit.seq, template: ACCEPTANCE_TEMPLATE_FILE, templateVersion: t.version}))
  return rows
}

function localDateOf(timestamp: string): string {
  const d = new Date(timestamp)
  return Number.isNaN(d.getTime()) ? todayIso() : todayIso(d)
}

/** Writes the acceptance filing workbook for plan year `year` to `outPath` (via a temporary file beside it). */
export async function writeAcceptanceWorkbook(outPath: string, input: AcceptanceExportInput): Promise<AcceptanceExportResult> {
  const {year, data, exportedAt} = input
  const asOf = input.asOf ?? localDateOf(exportedAt)
  const t = loadAcceptanceTemplate()
  const projects = acceptedProjects(data, year)
  const calendar = createCalendar(data.calendarOverrides ?? [])
  const limit = data.rules.deadlines.filingWorkingDays
  const checks = projects.map((p) => filingCheck(p, calendar, limit, asOf, t.labels))
  const styles = tableStyles(t.fonts, t.columns)
  await writeStreamingWorkbook(outPath, async (wb) => {
    await writeAcceptanceSheet(wb, t, year, projects, checks, styles)
    writeNotesSheet(wb, {name: t.notes.sheetName, title: fillTemplate(t.notes.title, {year}), rows: acceptanceNotes(t, data, year, projects, checks, asOf, exportedAt), print: t.print, styles})
  })
  return {projects: projects.length}
}

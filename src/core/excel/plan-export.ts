// The annual plan workbook (Art. 7, DESIGN §7) that goes to the leading group and the city government: the
// year's planned projects grouped by review track with a 小计 per group and a 合计, a summary by unit, category
// and track, and a 说明 sheet with the rules in force and the register's audit head. The layout (columns,
// headers, widths, formats, group order and labels, print settings) is templates/annual-plan.json.
//
// A plan of 10,000 projects goes through exceljs's streaming writer row by row (DESIGN §10). Sums are integer
// 分 added as the rows go out and converted to 万元 once, so a 小计 always equals its rows to the 分.
import {Conflict} from '../domain/errors.js'
import {annualPlanOf, findPlan, type AmountTotals} from '../domain/plan.js'
import {resolvePlan, type PlanSelector, type PlanView} from '../operations/plan.js'
import {changeValueText} from '../i18n/values.js'
import {word} from '../i18n/index.js'
import {TRACKS} from '../domain/types.js'
import type {Workbook} from 'exceljs'
import type {Project, RegisterData, Track} from '../domain/types.js'
import {
  addSheet,
  amountValue,
  chineseOrdinal,
  drain,
  DRAIN_EVERY,
  FenSums,
  fillTemplate,
  HEADER_ROW,
  loadTableTemplate,
  startTableSheet,
  requireSheetName,
  requireText,
  templateError,
  rulesNotes,
  tableStyles,
  textBar,
  traceNotes,
  wanText,
  writeBandRow,
  writeDataRow,
  writeHeaderRow,
  writeNotesSheet,
  writeStreamingWorkbook,
  writeTitleRows,
  writeTotalRow,
  type CellOut,
  type ColumnKind,
  type NoteRow,
  type TableStyles,
  type TableTemplate,
} from './workbook-layout.js'

export const PLAN_TEMPLATE_FILE = 'annual-plan.json'

/** The columns a plan template may use, and the kind each needs. */
export const PLAN_COLUMN_KINDS = {
  seq: 'integer',
  id: 'text',
  declarationNo: 'text',
  unit: 'text',
  name: 'text',
  nature: 'text',
  category: 'text',
  procurementCategory: 'text',
  totalInvestment: 'amount',
  fiscalFunds: 'amount',
  annualPlan: 'amount',
  approvedAmount: 'amount',
  fundingSources: 'text',
  periodMonths: 'integer',
  track: 'text',
  marks: 'text',
  flags: 'text',
  contact: 'text',
  contactPhone: 'text',
  summary: 'text',
  remarks: 'text',
} as const satisfies Record<string, ColumnKind>

export type PlanColumnKey = keyof typeof PLAN_COLUMN_KINDS

const CHANGE_COLUMNS = ['seq', 'id', 'name', 'unit', 'field', 'approved', 'current', 'date', 'reason'] as const
type ChangeColumnKey = (typeof CHANGE_COLUMNS)[number]

type SummaryHeaderKey = 'seq' | 'unit' | 'category' | 'track' | 'marks' | 'count' | 'totalInvestment' | 'fiscalFunds' | 'annualPlan' | 'share' | 'bar'

export interface PlanTemplate extends TableTemplate<PlanColumnKey> {
  groups: {order: Track[]; names: Record<Track, string>; label: string}
  subtotalLabel: string
  marks: {keyArea: string; major: string}
  remarks: {coUnits: string; specialApproval: Record<'late' | 'multi-unit', string>}
  changes: {
    sheetName: string
    title: string
    note: string
    none: string
    headers: Record<ChangeColumnKey, string>
    widths: Record<ChangeColumnKey, number>
  }
  summary: {
    sheetName: string
    title: string
    sections: Record<'unit' | 'category' | 'track' | 'marks', string>
    headers: Record<SummaryHeaderKey, string>
    widths: Record<'seq' | 'group' | 'count' | 'amount' | 'share' | 'bar', number>
    barLength: number
    barChar: string
  }
}

export function loadPlanTemplate(): PlanTemplate {
  const file = PLAN_TEMPLATE_FILE
  const t = loadTableTemplate<PlanColumnKey, PlanTemplate>(file, PLAN_COLUMN_KINDS)
  const bad = (problem: string): never => {
    throw templateError(file, problem)
  }
  const order = t.groups?.order
  if (!Array.isArray(order) || order.length !== TRACKS.length || !TRACKS.every((tr) => order.includes(tr))) {
    bad(`groups.order 应恰好列出 ${TRACKS.join('、')} 各一次`)
  }
  for (const tr of TRACKS) requireText(file, t.groups.names?.[tr], `groups.names.${tr}`)
  requireText(file, t.groups.label, 'groups.label')
  requireText(file, t.subtotalLabel, 'subtotalLabel')
  requireText(file, t.marks?.keyArea, 'marks.keyArea')
  requireText(file, t.marks?.major, 'marks.major')
  requireText(file, t.remarks?.coUnits, 'remarks.coUnits')
  requireText(file, t.remarks?.specialApproval?.late, 'remarks.specialApproval.late')
  requireText(file, t.remarks?.specialApproval?.['multi-unit'], 'remarks.specialApproval.multi-unit')
  const s = t.summary
  requireSheetName(file, s?.sheetName, 'summary.sheetName')
  requireText(file, s.title, 'summary.title')
  for (const k of ['unit', 'category', 'track', 'marks'] as const) requireText(file, s.sections?.[k], `summary.sections.${k}`)
  for (const k of ['seq', 'unit', 'category', 'track', 'marks', 'count', 'totalInvestment', 'fiscalFunds', 'annualPlan', 'share', 'bar'] as const) {
    requireText(file, s.headers?.[k], `summary.headers.${k}`)
  }
  for (const k of ['seq', 'group', 'count', 'amount', 'share', 'bar'] as const) {
    const w = s.widths?.[k]
    if (typeof w !== 'number' || !(w >= 1 && w <= 255)) bad(`summary.widths.${k} 应为 1–255 的数字`)
  }
  if (typeof s.barLength !== 'number' || !(s.barLength >= 1 && s.barLength <= 100)) bad('summary.barLength 应为 1–100')
  requireText(file, s.barChar, 'summary.barChar')
  const c = t.changes
  requireSheetName(file, c?.sheetName, 'changes.sheetName')
  for (const k of ['title', 'note', 'none'] as const) requireText(file, c[k], `changes.${k}`)
  for (const k of CHANGE_COLUMNS) {
    requireText(file, c.headers?.[k], `changes.headers.${k}`)
    const w = c.widths?.[k]
    if (typeof w !== 'number' || !(w >= 1 && w <= 255)) bad(`changes.widths.${k} 应为 1–255 的数字`)
  }
  const names = new Set([t.sheetName, s.sheetName, t.notes.sheetName, c.sheetName])
  if (names.size !== 4) bad('sheetName、summary.sheetName、changes.sheetName、notes.sheetName 不能相同')
  return t
}

export interface PlanExportInput {
  year: number
  data: RegisterData
  /** which version: the latest approved by default */
  selector?: PlanSelector
  /** ISO timestamp printed in 说明 */
  exportedAt: string
}

export interface PlanExportResult {
  projects: number
  totalInvestmentFen: number
  /** the approved version written; null for a draft */
  version: number | null
  changes: number
}

const zh = (kind: string, value: string) => word(kind, value, 'zh')

type Extract = (p: Project, seq: number) => CellOut

/** How each column key reads a project. */
function extractors(t: PlanTemplate): Record<PlanColumnKey, Extract> {
  const sep = t.listSeparator
  return {
    seq: (_p, seq) => seq,
    id: (p) => p.id,
    declarationNo: (p) => p.declarationNo,
    unit: (p) => p.unit,
    name: (p) => p.name,
    nature: (p) => zh('nature', p.nature),
    category: (p) => zh('category', p.category),
    procurementCategory: (p) => zh('procurementCategory', p.procurementCategory),
    totalInvestment: (p) => amountValue(p.totalInvestmentFen),
    fiscalFunds: (p) => amountValue(p.fiscalFundsFen),
    annualPlan: (p) => amountValue(annualPlanOf(p)),
    approvedAmount: (p) => amountValue(p.approvedAmountFen),
    fundingSources: (p) => p.fundingSources.map((f) => zh('fundingSource', f)).join(sep) || null,
    periodMonths: (p) => p.periodMonths,
    track: (p) => zh('track', p.track),
    marks: (p) => [p.marks.keyArea ? t.marks.keyArea : null, p.marks.major ? t.marks.major : null].filter((m): m is string => m !== null).join(sep) || null,
    flags: (p) => p.flags.map((f) => zh('flag', f)).join(sep) || null,
    contact: (p) => p.contact.name || null,
    contactPhone: (p) => p.contact.phone || null,
    summary: (p) => p.summary || null,
    remarks: (p) => {
      const parts: string[] = []
      if (p.coUnits.length > 0) parts.push(fillTemplate(t.remarks.coUnits, {units: p.coUnits.join(sep)}))
      for (const a of p.specialApprovals) parts.push(fillTemplate(t.remarks.specialApproval[a.kind] ?? '{documentNo}', {documentNo: a.documentNo, date: a.date}))
      return parts.join('；') || null
    },
  }
}

/** The fen amount a plan amount column sums; null when the project has none (审定金额 not yet set). */
function amountFen(key: PlanColumnKey, p: Project): number | null {
  switch (key) {
    case 'totalInvestment':
      return p.totalInvestmentFen
    case 'fiscalFunds':
      return p.fiscalFundsFen
    case 'annualPlan':
      return annualPlanOf(p)
    case 'approvedAmount':
      return p.approvedAmountFen
    default:
      return null
  }
}

const byId = (a: Project, b: Project) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

async function writePlanSheet(wb: Workbook, t: PlanTemplate, year: number, projects: readonly Project[], styles: TableStyles): Promise<void> {
  const columns = t.columns
  const ws = startTableSheet(wb, t, year, styles)
  const extract = extractors(t)
  const readers = columns.map((c) => extract[c.key])
  const amountColumns = columns.filter((c) => c.kind === 'amount').map((c) => c.key)
  const byTrack = new Map<Track, Project[]>(TRACKS.map((tr) => [tr, []]))
  for (const p of projects) byTrack.get(p.track)!.push(p)
  const total = new FenSums()
  let r = HEADER_ROW
  let ordinal = 0
  for (const track of t.groups.order) {
    const group = byTrack.get(track)!.sort(byId)
    if (group.length === 0) continue
    ordinal += 1
    writeBandRow(ws, ++r, fillTemplate(t.groups.label, {ordinal: chineseOrdinal(ordinal), name: t.groups.names[track], count: group.length}), columns.length, styles.groupLabel)
    const sums = new FenSums()
    for (let i = 0; i < group.length; i++) {
      const p = group[i]
      writeDataRow(
        ws,
        ++r,
        readers.map((read) => read(p, i + 1)),
        styles.data,
      )
      for (const key of amountColumns) sums.add(key, amountFen(key, p))
      if (i % DRAIN_EVERY === DRAIN_EVERY - 1) await drain()
    }
    writeTotalRow(ws, ++r, t.subtotalLabel, columns, sums, styles)
    total.addAll(sums)
  }
  writeTotalRow(ws, ++r, t.totalLabel, columns, total, styles)
  ws.commit()
  await drain()
}

interface SummaryLine {
  name: string
  totals: AmountTotals
}

/** 汇总: by unit, by category, by track, and the key-area / major marks, each with a text bar of 总投资. */
function writeSummarySheet(wb: Workbook, t: PlanTemplate, year: number, sections: Array<{title: string; header: string; lines: SummaryLine[]; total: boolean}>, styles: TableStyles): void {
  const s = t.summary
  const h = s.headers
  const columns = [
    {key: 'seq', kind: 'integer' as const, width: s.widths.seq},
    {key: 'group', kind: 'text' as const, width: s.widths.group, wrap: true},
    {key: 'count', kind: 'integer' as const, width: s.widths.count},
    {key: 'totalInvestment', kind: 'amount' as const, width: s.widths.amount},
    {key: 'fiscalFunds', kind: 'amount' as const, width: s.widths.amount},
    {key: 'annualPlan', kind: 'amount' as const, width: s.widths.amount},
    {key: 'share', kind: 'amount' as const, width: s.widths.share, numFmt: '0.00%'},
    {key: 'bar', kind: 'text' as const, width: s.widths.bar},
  ]
  const local = tableStyles(t.fonts, columns)
  const dataStyles = [...local.data.slice(0, 7), styles.bar]
  const ws = addSheet(wb, s.sheetName, t.print, columns.map((c) => c.width), null)
  writeTitleRows(ws, fillTemplate(s.title, {year}), t.unitNote, columns.length, local)
  let r = 2
  for (const section of sections) {
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
    const grand = sums.get('totalInvestment') ?? 0
    const max = Math.max(0, ...section.lines.map((l) => l.totals.totalInvestmentFen))
    section.lines.forEach((line, i) => {
      const fen = line.totals.totalInvestmentFen
      writeDataRow(
        ws,
        ++r,
        [i + 1, line.name, line.totals.count, amountValue(fen), amountValue(line.totals.fiscalFundsFen), amountValue(line.totals.annualPlanFen), grand > 0 ? fen / grand : null, textBar(fen, max, s.barLength, s.barChar)],
        dataStyles,
      )
    })
    if (section.total) writeTotalRow(ws, ++r, t.totalLabel, columns, sums, local, {labelSpan: 2, extra: {count, share: grand > 0 ? 1 : null}})
  }
  ws.commit()
}

/** 说明: the plan, its version and approvals, how the table is computed, the rules in force, and where it comes from. */
function planNotes(t: PlanTemplate, data: RegisterData, year: number, view: PlanView, exportedAt: string): NoteRow[] {
  const all = view.totals.all
  const versionText =
    view.version !== null
      ? `第 ${view.version} 版（共 ${view.versions.length} 版）：市人民政府批准时的数据；批准后的变化见“${t.changes.sheetName}”表`
      : view.amendment
        ? `计划调整草案（${zh('planStatus', view.amendment.status)}），调整理由：${view.amendment.reason}；尚未经市人民政府批准`
        : '计划草案，尚未经市人民政府批准'
  const rows: NoteRow[] = [
    {section: '年度计划'},
    {label: '计划年度', value: `${year} 年度`},
    {label: '计划状态', value: view.status === 'none' ? '' : zh('planStatus', view.status)},
    {label: '版本', value: versionText},
    {label: '编制日期', value: view.builtOn ?? ''},
  ]
  if (view.approvals.length === 0) rows.push({label: '审批记录', value: '尚未审定（草案）'})
  for (const a of view.approvals) {
    rows.push({label: `审批记录：${zh('approver', a.by)}`, value: `${a.by === 'government' ? '批准' : '审定'}，文号 ${a.documentNo}，日期 ${a.date}`})
  }
  for (const v of view.versions) {
    if (v.version === view.version) continue
    rows.push({label: `第 ${v.version} 版`, value: `${v.approvedOn} 批准（${v.approvals.map((a) => a.documentNo).join('、')}）${v.reason ? `，调整理由：${v.reason}` : ''}`})
  }
  rows.push(
    {label: '项目数', value: `${all.count} 个（重点领域 ${view.totals.keyArea.count} 个，重大项目 ${view.totals.major.count} 个）`},
    {label: '总投资合计', value: wanText(all.totalInvestmentFen)},
    {label: '市本级财政资金合计', value: wanText(all.fiscalFundsFen)},
    {label: '年度计划投资合计', value: wanText(all.annualPlanFen)},
    {section: '编制口径'},
    {label: '金额', value: '单位为万元；单元格保存精确数值，显示两位小数。小计、合计按各项目金额（以分为单位的整数）相加后换算，不使用公式，与各行之和一致。'},
    {label: '分组', value: `按审批路径分组，依次为：${t.groups.order.map((tr) => t.groups.names[tr]).join('、')}；组内按项目编号排列，序号每组从1编起。`},
    {label: '年度计划投资', value: '项目申报时填报的本年度计划投资；未填报的按市本级财政资金计。'},
    {label: '审定金额', value: '市财政局财政投资评审审定的金额；空白表示尚未审定（已批准的版本显示批准时的数据）。'},
    {label: '提示标记', value: '逾期申报（已经一事一议）、多部门重大项目（已经领导小组决定）、绩效偏弱（建设单位上次绩效评价偏弱，第二十条）等，供审定时参考。'},
    ...rulesNotes(data.rules),
    ...traceNotes({exportedAt, auditHead: data.audit.head, auditSeq: data.audit.seq, template: PLAN_TEMPLATE_FILE, templateVersion: t.version}),
  )
  return rows
}

/** 执行变化: each change since the version's approval, beside the approved value. */
function writeChangesSheet(wb: Workbook, t: PlanTemplate, view: PlanView, names: ReadonlyMap<string, Project>, styles: TableStyles): void {
  const c = t.changes
  const columns = CHANGE_COLUMNS.map((key) => ({key, kind: key === 'seq' ? ('integer' as const) : ('text' as const), width: c.widths[key], wrap: ['name', 'unit', 'reason'].includes(key)}))
  const local = tableStyles(t.fonts, columns)
  const ws = addSheet(wb, c.sheetName, t.print, columns.map((col) => col.width), HEADER_ROW)
  const version = view.versions.find((v) => v.version === view.version)
  writeTitleRows(ws, fillTemplate(c.title, {year: view.year}), fillTemplate(c.note, {version: view.version ?? '', documents: version?.approvals.map((a) => a.documentNo).join('、') ?? ''}), columns.length, local)
  writeHeaderRow(ws, HEADER_ROW, CHANGE_COLUMNS.map((k) => c.headers[k]), local)
  let r = HEADER_ROW
  if (view.changesSinceApproval.length === 0) writeBandRow(ws, ++r, c.none, columns.length, local.groupLabel)
  view.changesSinceApproval.forEach((ch, i) => {
    const p = names.get(ch.id)
    writeDataRow(ws, ++r, [i + 1, ch.id, p?.name ?? '', p?.unit ?? '', zh('planField', ch.field), changeValueText(ch.field, ch.approved, 'zh'), changeValueText(ch.field, ch.current, 'zh'), ch.date, ch.reason], local.data)
  })
  ws.commit()
}

/**
 * Writes the annual plan workbook for `year` to `outPath` (via a temporary file beside it). Refuses with
 * `plan.missing` when the register has no plan for that year.
 */
export async function writePlanWorkbook(outPath: string, input: PlanExportInput): Promise<PlanExportResult> {
  const {year, data, exportedAt} = input
  if (!findPlan(data.plans, year)) throw new Conflict('plan.missing', {year})
  const t = loadPlanTemplate()
  const {view, projects} = resolvePlan(data, year, input.selector)
  const index = new Map(data.projects.map((p) => [p.id, p]))
  const totals = view.totals
  const styles = tableStyles(t.fonts, t.columns)
  const h = t.summary.headers
  const sections = [
    {title: t.summary.sections.unit, header: h.unit, total: true, lines: totals.byUnit.map((u) => ({name: u.unit, totals: u}))},
    {
      title: t.summary.sections.category,
      header: h.category,
      total: true,
      lines: (Object.keys(totals.byCategory) as Array<keyof typeof totals.byCategory>).map((c) => ({name: zh('category', c), totals: totals.byCategory[c]})),
    },
    {title: t.summary.sections.track, header: h.track, total: true, lines: t.groups.order.map((tr) => ({name: t.groups.names[tr], totals: totals.byTrack[tr]}))},
    {
      title: t.summary.sections.marks,
      header: h.marks,
      total: false,
      lines: [
        {name: t.marks.keyArea, totals: totals.keyArea},
        {name: t.marks.major, totals: totals.major},
      ],
    },
  ]
  await writeStreamingWorkbook(outPath, async (wb) => {
    await writePlanSheet(wb, t, year, projects, styles)
    writeSummarySheet(wb, t, year, sections, styles)
    if (view.version !== null) writeChangesSheet(wb, t, view, index, styles)
    writeNotesSheet(wb, {name: t.notes.sheetName, title: fillTemplate(t.notes.title, {year}), rows: planNotes(t, data, year, view, exportedAt), print: t.print, styles})
  })
  return {projects: projects.length, totalInvestmentFen: totals.all.totalInvestmentFen, version: view.version, changes: view.changesSinceApproval.length}
}

// What the annual plan workbook (Art. 7, DESIGN §7) shows, built from the register: the year's planned projects
// in sections (续建, 新建, 运维: DESIGN §12) grouped by review track (the version approved, or the draft), the 汇总 by unit, category, track and mark, the
// changes since the version's approval, and the 说明 sheet. The writer (excel/plan-export.ts) only lays it out.
import {Conflict} from '../domain/errors.js'
import {rateOf} from '../domain/funds.js'
import {annualPlanOf, findPlan, planSectionOf} from '../domain/plan.js'
import {PLAN_SECTIONS, TRACKS} from '../domain/types.js'
import {chineseOrdinal, fillTemplate} from '../i18n/fill.js'
import {word} from '../i18n/index.js'
import {changeValueText} from '../i18n/values.js'
import {readPlanTemplate, type PlanTemplate} from '../excel/plan-template.js'
import type {PlanSheetModel, SummarySection} from '../excel/plan-export.js'
import {resolvePlan, type PlanSelector} from './plan.js'
import {planNotes} from './plan-notes.js'
import {joined, kindsOf, rowOf, type ColumnTable} from './sheet-columns.js'
import type {PlanSection, Project, RegisterData, Track} from '../domain/types.js'
import type {RegionWords} from '../domain/region.js'
import {regionWordsOf} from '../domain/region.js'

interface PlanCell {
  p: Project
  /** 序号, from 1 in each group */
  seq: number
  t: PlanTemplate
}

const zh = (kind: string, value: string) => word(kind, value, 'zh')

/** The columns a plan template may use: the kind of each and how it reads a project. */
export const PLAN_COLUMNS = {
  seq: {kind: 'integer', cell: ({seq}) => seq},
  id: {kind: 'text', cell: ({p}) => p.id},
  declarationNo: {kind: 'text', cell: ({p}) => p.declarationNo},
  unit: {kind: 'text', cell: ({p}) => p.unit},
  name: {kind: 'text', cell: ({p}) => p.name},
  nature: {kind: 'text', cell: ({p}) => zh('nature', p.nature)},
  category: {kind: 'text', cell: ({p}) => zh('category', p.category)},
  procurementCategory: {kind: 'text', cell: ({p}) => zh('procurementCategory', p.procurementCategory)},
  totalInvestment: {kind: 'amount', cell: ({p}) => p.totalInvestmentFen},
  completedBefore: {kind: 'amount', cell: ({p}) => p.completedBeforeFen},
  fiscalFunds: {kind: 'amount', cell: ({p}) => p.fiscalFundsFen},
  annualPlan: {kind: 'amount', cell: ({p}) => annualPlanOf(p)},
  submittedAmount: {kind: 'amount', cell: ({p}) => fiscalOf(p)?.submittedFen ?? null},
  approvedAmount: {kind: 'amount', cell: ({p}) => p.approvedAmountFen},
  reducedAmount: {kind: 'amount', cell: ({p}) => fiscalOf(p)?.reducedFen ?? null},
  reductionRate: {kind: 'ratio', cell: ({p}) => fiscalOf(p)?.reductionRate ?? null},
  fundingSources: {kind: 'text', cell: ({p, t}) => joined(p.fundingSources.map((f) => zh('fundingSource', f)), t.listSeparator)},
  periodMonths: {kind: 'integer', cell: ({p}) => p.periodMonths},
  track: {kind: 'text', cell: ({p}) => zh('track', p.track)},
  marks: {kind: 'text', cell: ({p, t}) => joined([p.marks.keyArea ? t.marks.keyArea : null, p.marks.major ? t.marks.major : null].filter((m): m is string => m !== null), t.listSeparator)},
  flags: {kind: 'text', cell: ({p, t}) => joined(p.flags.map((f) => zh('flag', f)), t.listSeparator)},
  contact: {kind: 'text', cell: ({p}) => p.contact.name || null},
  contactPhone: {kind: 'text', cell: ({p}) => p.contact.phone || null},
  summary: {kind: 'text', cell: ({p}) => p.summary || null},
  remarks: {kind: 'text', cell: ({p, t}) => remarksOf(p, t)},
} satisfies ColumnTable<PlanCell>

export type PlanColumnKey = keyof typeof PLAN_COLUMNS

/**
 * 送审, 审减 and 审减率 beside the 审定金额 the line shows: only once it has one, so an approved version shows the
 * fiscal review as it stood when approved (DESIGN §11.1), never a later 审定 through the back door.
 */
function fiscalOf(p: Project): {submittedFen: number; reducedFen: number; reductionRate: number | null} | null {
  if (p.approvedAmountFen === null) return null
  const submittedFen = p.fiscalSubmittedFen ?? p.totalInvestmentFen
  const reducedFen = submittedFen - p.approvedAmountFen
  return {submittedFen, reducedFen, reductionRate: rateOf(reducedFen, submittedFen)}
}

/** 备注: the co-units, then each special approval (一事一议, the leading group's decision) with its document. */
function remarksOf(p: Project, t: PlanTemplate): string | null {
  const parts: string[] = []
  if (p.coUnits.length > 0) parts.push(fillTemplate(t.remarks.coUnits, {units: p.coUnits.join(t.listSeparator)}))
  for (const a of p.specialApprovals) parts.push(fillTemplate(t.remarks.specialApproval[a.kind] ?? '{documentNo}', {documentNo: a.documentNo, date: a.date}))
  return parts.join('；') || null
}

/** templates/annual-plan.json, checked against the plan's columns. */
export function loadPlanTemplate(region: RegionWords): PlanTemplate<PlanColumnKey> {
  return readPlanTemplate(kindsOf(PLAN_COLUMNS), region)
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

const byId = (a: Project, b: Project) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The plan table: a section per kind of line (续建, 新建, 运维) in the template's order, and in each a group per
 * track, by id within it; an empty section or track is left out. Each group has its 小计, each section its own.
 */
function planTable(t: PlanTemplate, year: number, projects: readonly Project[]): PlanSheetModel['table'] {
  const bySection = new Map<PlanSection, Project[]>(PLAN_SECTIONS.map((s) => [s, []]))
  for (const p of projects) bySection.get(planSectionOf(p))!.push(p)
  const sections = t.sections.order.map((section) => ({section, lines: bySection.get(section)!})).filter(({lines}) => lines.length > 0)
  // 审减率 of a 小计 or the 合计: of its sums, not an average of rates
  const rateExtra = (lines: readonly Project[]) => {
    let submitted = 0
    let reduced = 0
    for (const p of lines) {
      const f = fiscalOf(p)
      if (!f) continue
      submitted += f.submittedFen
      reduced += f.reducedFen
    }
    return {reductionRate: rateOf(reduced, submitted)}
  }
  const groups: PlanSheetModel['table']['groups'][number][] = []
  sections.forEach(({section, lines}, i) => {
    const byTrack = new Map<Track, Project[]>(TRACKS.map((tr) => [tr, []]))
    for (const p of lines) byTrack.get(p.track)!.push(p)
    const tracks = t.groups.order.map((track) => ({track, group: byTrack.get(track)!.sort(byId)})).filter(({group}) => group.length > 0)
    const name = t.sections.names[section]
    tracks.forEach(({track, group}, j) => {
      groups.push({
        ...(j === 0 ? {sectionLabel: fillTemplate(t.sections.label, {ordinal: chineseOrdinal(i + 1), name, count: lines.length})} : {}),
        label: fillTemplate(t.groups.label, {ordinal: chineseOrdinal(j + 1), name: t.groups.names[track], count: group.length}),
        rows: group.map((p, k) => rowOf(PLAN_COLUMNS, t.columns, {p, seq: k + 1, t})),
        subtotalLabel: t.subtotalLabel,
        subtotalExtra: rateExtra(group),
        ...(j === tracks.length - 1 ? {sectionSubtotalLabel: fillTemplate(t.sections.subtotalLabel, {name}), sectionSubtotalExtra: rateExtra(lines)} : {}),
      })
    })
  })
  return {title: fillTemplate(t.title, {year}), groups, totalLabel: t.totalLabel, totalExtra: rateExtra(projects)}
}

/**
 * The plan workbook's content for `year`: the version `selector` picks (the latest approved by default).
 * Refuses with `plan.missing` when the register has no plan for that year.
 */
export function planExport(input: PlanExportInput): {sheets: PlanSheetModel; result: PlanExportResult; fileName: string} {
  const {year, data, exportedAt} = input
  if (!findPlan(data.plans, year)) throw new Conflict('plan.missing', {year})
  const t = loadPlanTemplate(regionWordsOf(data.settings))
  const {view, projects} = resolvePlan(data, year, input.selector)
  const totals = view.totals
  const s = t.summary
  const shareOfFen = totals.all.totalInvestmentFen
  const summary: SummarySection[] = [
    {title: s.sections.section, header: s.headers.section, total: true, shareOfFen, lines: t.sections.order.map((sec) => ({name: t.sections.names[sec], totals: totals.bySection[sec]}))},
    {title: s.sections.unit, header: s.headers.unit, total: true, shareOfFen, lines: totals.byUnit.map((u) => ({name: u.unit, totals: u}))},
    {
      title: s.sections.category,
      header: s.headers.category,
      total: true,
      shareOfFen,
      lines: (Object.keys(totals.byCategory) as Array<keyof typeof totals.byCategory>).map((c) => ({name: zh('category', c), totals: totals.byCategory[c]})),
    },
    {title: s.sections.track, header: s.headers.track, total: true, shareOfFen, lines: t.groups.order.map((tr) => ({name: t.groups.names[tr], totals: totals.byTrack[tr]}))},
    {
      title: s.sections.marks,
      header: s.headers.marks,
      total: false,
      shareOfFen,
      lines: [
        {name: t.marks.keyArea, totals: totals.keyArea},
        {name: t.marks.major, totals: totals.major},
      ],
    },
  ]
  const index = new Map(data.projects.map((p) => [p.id, p]))
  const version = view.versions.find((v) => v.version === view.version)
  const changes: PlanSheetModel['changes'] =
    view.version === null
      ? null
      : {
          title: fillTemplate(t.changes.title, {year: view.year}),
          note: fillTemplate(t.changes.note, {version: view.version, documents: version?.approvals.map((a) => a.documentNo).join('、') ?? ''}),
          rows: view.changesSinceApproval.map((ch, i) => {
            const p = index.get(ch.id)
            return [i + 1, ch.id, p?.name ?? '', p?.unit ?? '', zh('planField', ch.field), changeValueText(ch.field, ch.approved, 'zh'), changeValueText(ch.field, ch.current, 'zh'), ch.date, ch.reason]
          }),
        }
  return {
    fileName: fillTemplate(t.fileName, {year}),
    sheets: {
      template: t,
      table: planTable(t, year, projects),
      summary: {title: fillTemplate(s.title, {year}), sections: summary},
      changes,
      notes: {title: fillTemplate(t.notes.title, {year}), rows: planNotes(t, data, view, exportedAt)},
    },
    result: {projects: projects.length, totalInvestmentFen: totals.all.totalInvestmentFen, version: view.version, changes: view.changesSinceApproval.length},
  }
}

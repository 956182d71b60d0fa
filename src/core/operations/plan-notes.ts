// The plan workbook's 说明 sheet: the plan, its version and approvals, how the table is computed, then the rules
// in force and the trace. The words are templates/annual-plan.json (notes) and templates/notes.json.
import {word} from '../i18n/index.js'
import {PLAN_TEMPLATE_FILE, type PlanTemplate} from '../excel/plan-template.js'
import type {RegisterData} from '../domain/types.js'
import {closingNotes, noteRow, notesText, type NoteRow} from './export-notes.js'
import type {PlanView} from './plan.js'
import {regionWordsOf} from '../domain/region.js'

const zh = (kind: string, value: string) => word(kind, value, 'zh')

export function planNotes(t: PlanTemplate, data: RegisterData, view: PlanView, exportedAt: string): NoteRow[] {
  const words = notesText(regionWordsOf(data.settings))
  const r = t.notes.rows
  const sep = words.listSeparator
  const all = view.totals.all
  const version =
    view.version !== null
      ? noteRow(r.versionApproved, {version: view.version, versions: view.versions.length, changesSheet: t.changes.sheetName})
      : view.amendment
        ? noteRow(r.versionAmendment, {status: zh('planStatus', view.amendment.status), reason: view.amendment.reason})
        : noteRow(r.versionDraft)
  const rows: NoteRow[] = [
    {section: t.notes.sections.plan},
    noteRow(r.year, {year: view.year}),
    noteRow(r.status, {status: view.status === 'none' ? '' : zh('planStatus', view.status)}),
    version,
    noteRow(r.builtOn, {date: view.builtOn ?? ''}),
  ]
  if (view.approvals.length === 0) rows.push(noteRow(r.noApprovals))
  for (const a of view.approvals) rows.push(noteRow(a.by === 'government' ? r.approvedBy : r.adoptedBy, {approver: zh('approver', a.by), documentNo: a.documentNo, date: a.date}))
  for (const v of view.versions) {
    if (v.version === view.version) continue
    const documents = v.approvals.map((a) => a.documentNo).join(sep)
    rows.push(noteRow(v.reason ? r.otherVersionReason : r.otherVersion, {version: v.version, approvedOn: v.approvedOn, documents, reason: v.reason ?? ''}))
  }
  const groups = t.groups.order.map((tr) => t.groups.names[tr]).join(sep)
  rows.push(
    noteRow(r.count, {count: all.count, keyArea: view.totals.keyArea.count, major: view.totals.major.count}),
    noteRow(r.totalInvestment, {amount: words.wan(all.totalInvestmentFen)}),
    noteRow(r.fiscalFunds, {amount: words.wan(all.fiscalFundsFen)}),
    noteRow(r.annualPlan, {amount: words.wan(all.annualPlanFen)}),
    {section: t.notes.sections.method},
    ...t.notes.method.map((m) => noteRow(m, {groups})),
    ...closingNotes(data, {exportedAt, template: PLAN_TEMPLATE_FILE, templateVersion: t.version}, words),
  )
  return rows
}

// The sheets of a project's dossier, one builder each, in the order the dossier shows them. Each reads the project,
// the register and the project's journal entries and returns its sheet; a new part of the record (the funds of
// branch `funds`) is one more builder in DOSSIER_SECTIONS. The words are templates/dossier.json.
import {formatLocalTime} from '../domain/iso-date.js'
import {formatWan} from '../domain/money.js'
import {isWeakEvaluation} from '../domain/project.js'
import {budgetSource, budgetYears, fiscalReviewOf, fundsPosition, recordsOf} from '../domain/funds.js'
import {fillTemplate} from '../i18n/fill.js'
import {codeText, word} from '../i18n/index.js'
import type {DossierBlock, DossierSheet} from '../excel/dossier-export.js'
import type {DossierSheetKey, DossierTemplate} from '../excel/dossier-template.js'
import type {ModelValue} from '../excel/layout/cells.js'
import type {StyledKind} from '../excel/layout/styles.js'
import type {JournalEntry, Project, RegisterData} from '../domain/types.js'

/** What every builder reads. */
export interface DossierContext {
  project: Project
  data: RegisterData
  /** the project's journal entries, oldest first */
  history: JournalEntry[]
  t: DossierTemplate
  /** an entry's step and what it changed, in the clerk's words */
  describe: (entry: JournalEntry) => {action: string; summary: string}
}

export type SectionBuilder = (ctx: DossierContext) => DossierSheet

type Fact = [string, string | number | null | undefined]

const zh = (kind: string, value: string) => word(kind, value, 'zh')
export const label = (ctx: DossierContext, key: string, params: Record<string, string | number> = {}) => fillTemplate(ctx.t.labels[key] ?? key, params)
export const words = (ctx: DossierContext, key: string, params: Record<string, string | number> = {}) => fillTemplate(ctx.t.words[key] ?? key, params)
const wan = (ctx: DossierContext, fen: number | null | undefined) => (fen === null || fen === undefined ? null : words(ctx, 'wan', {amount: formatWan(fen)}))
const yesNo = (ctx: DossierContext, v: boolean) => words(ctx, v ? 'yes' : 'no')

/** `项目 / 内容` rows of the facts that are recorded (a blank fact is left out, not written as empty). */
export function facts(ctx: DossierContext, title: string, rows: Fact[]): DossierBlock {
  return {kind: 'facts', title, rows: rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [label(ctx, k), String(v)])}
}

/** A table whose headers are the template's `headers[key]`, each column of the kind given. */
function table(ctx: DossierContext, title: string, headers: keyof DossierTemplate['headers'], kinds: StyledKind[], rows: ModelValue[][]): DossierBlock {
  return {kind: 'table', title, columns: ctx.t.headers[headers].map((header, i) => ({header, kind: kinds[i] ?? 'text'})), rows}
}

/** The sheet `key` of the template: its name, title (with the project filled in), widths and block titles. */
export function sheetOf(ctx: DossierContext, key: DossierSheetKey, blocks: (titles: Record<string, string>) => DossierBlock[]): DossierSheet {
  const s = ctx.t.sections[key]
  const params = {id: ctx.project.id, name: ctx.project.name, unit: ctx.project.unit, count: ctx.history.length}
  const titles = Object.fromEntries(Object.entries(s.blocks).map(([k, v]) => [k, fillTemplate(v, params)]))
  return {sheetName: s.sheetName, title: fillTemplate(s.title, params), widths: s.widths, blocks: blocks(titles)}
}

const declaration: SectionBuilder = (ctx) => {
  const p = ctx.project
  return sheetOf(ctx, 'declaration', (b) => [
    facts(ctx, b.facts, [
      ['id', p.id],
      ['declarationNo', p.declarationNo],
      ['planYear', p.planYear],
      ['unit', p.unit],
      ['coUnits', p.coUnits.join('、')],
      ['name', p.name],
      ['kind', zh('kind', p.kind)],
      ['nature', zh('nature', p.nature)],
      ['category', zh('category', p.category)],
      ['procurementCategory', zh('procurementCategory', p.procurementCategory)],
      ['totalInvestment', wan(ctx, p.totalInvestmentFen)],
      ['fiscalFunds', wan(ctx, p.fiscalFundsFen)],
      ['completedBefore', wan(ctx, p.completedBeforeFen)],
      ['annualPlan', wan(ctx, p.annualPlanFen)],
      ['approvedAmount', wan(ctx, p.approvedAmountFen)],
      ['fundingSources', p.fundingSources.map((s) => zh('fundingSource', s)).join('、')],
      ['supervisingDepartment', p.supervisingDepartment],
      ['periodMonths', p.periodMonths],
      ['summary', p.summary],
      ['consultancy', p.consultancy],
      ['systemId', p.systemId],
      ['contact', `${p.contact.name} ${p.contact.phone}`.trim()],
      ['declaredOn', p.declaredOn],
      ['status', zh('status', p.status)],
      ['statusSince', p.statusSince],
      ['flags', p.flags.map((f) => zh('flag', f)).join('、')],
      ['marks', [p.marks.keyArea ? codeText('plan.markKeyArea', {}, 'zh') : '', p.marks.major ? codeText('plan.markMajor', {}, 'zh') : ''].filter(Boolean).join('、')],
      ['createdAt', formatLocalTime(p.createdAt)],
      ['updatedAt', formatLocalTime(p.updatedAt)],
    ]),
    facts(ctx, b.compliance, [
      ['govCloud', yesNo(ctx, p.compliance.govCloud)],
      ['dataSharing', yesNo(ctx, p.compliance.dataSharing)],
      ['cityBrain', yesNo(ctx, p.compliance.cityBrain)],
      ['egovNetwork', yesNo(ctx, p.compliance.egovNetwork)],
      ['justification', p.compliance.justification],
    ]),
    {
      kind: 'facts',
      title: b.decisions,
      rows: p.specialApprovals.map((a) => [label(ctx, 'specialApproval', {kind: codeText(`special.kind.${a.kind}`, {}, 'zh')}), `${a.documentNo}  ${a.date}  ${a.group}`]),
    },
    facts(ctx, b.source, [
      ['sourceFile', p.source?.file],
      ['sourceSheet', p.source?.sheet],
      ['sourceRow', p.source?.row],
      ['sourceHash', p.source?.sha256],
      ...(p.source?.fromLabels ?? []).map((l): Fact => ['fromLabel', `${l.label}（${l.column}${l.row}）→ ${codeText(`field.${l.field}`, {}, 'zh')}`]),
    ]),
  ])
}

/** The entries that set or moved the track: the first routing, re-routings, a 审定金额 or an amount that moved it. */
function trackOf(entry: JournalEntry): string | null {
  const c = (entry.change ?? {}) as {track?: unknown}
  if (typeof c.track === 'string') return zh('track', c.track)
  const move = c.track as {from?: unknown; to?: unknown} | undefined
  if (move && typeof move.from === 'string' && typeof move.to === 'string') return `${zh('track', move.from)} → ${zh('track', move.to)}`
  return null
}

const routing: SectionBuilder = (ctx) => {
  const p = ctx.project
  const moves = ctx.history.flatMap((e) => {
    const track = trackOf(e)
    if (track === null) return []
    const {action, summary} = ctx.describe(e)
    return [[formatLocalTime(e.at), action, track, summary]]
  })
  return sheetOf(ctx, 'routing', (b) => [
    facts(ctx, b.current, [
      ['track', zh('track', p.track)],
      ['reason', p.routing.reason],
      ['procurementLimit', wan(ctx, p.routing.procurementLimitFen)],
      ['approvalStandard', wan(ctx, p.routing.approvalStandardFen)],
      ['rulesVersion', p.routing.rulesVersion],
    ]),
    table(ctx, b.history, 'routingHistory', ['text', 'text', 'text', 'text'], moves),
  ])
}

const stages: SectionBuilder = (ctx) => {
  const rows: ModelValue[][] = []
  for (const s of ctx.project.stages) {
    let status = zh('stageStatus', s.status)
    if (s.notRequired) status += words(ctx, 'notRequired')
    if (s.closedReason) status += words(ctx, 'closed', {reason: codeText(s.closedReason, {}, 'zh')})
    const head = [zh('stage', s.key), s.department, status, s.startedOn, s.dueOn, s.decidedOn]
    const rounds = s.rounds ?? []
    if (rounds.length === 0) rows.push([...head, null, null, null, s.documentNo, s.approvedAmountFen, s.opinion])
    rounds.forEach((r, i) => {
      // a 审定金额 is the last passing round's
      const amount = r.result === 'passed' && i === rounds.length - 1 ? s.approvedAmountFen : null
      rows.push([...head, words(ctx, 'round', {n: i + 1}), zh('stageStatus', r.result), r.date, r.documentNo, amount, [r.opinion, r.reason].filter(Boolean).join('；') || null])
    })
  }
  const kinds: StyledKind[] = ['text', 'text', 'text', 'date', 'date', 'date', 'text', 'text', 'date', 'text', 'amount', 'text']
  return sheetOf(ctx, 'stages', (b) => [table(ctx, b.stages, 'stages', kinds, rows)])
}

/** A figure of a plan line as people read it: amounts in 万元, closed lists in words, nothing as 无. */
function planValue(ctx: DossierContext, field: string, value: string | number | null): string {
  if (value === null) return ctx.t.none
  if (field.endsWith('Fen') && typeof value === 'number') return wan(ctx, value)!
  if (field === 'track' || field === 'status' || field === 'category') return zh(field, String(value))
  return String(value)
}

const plans: SectionBuilder = (ctx) => {
  const p = ctx.project
  const versions: ModelValue[][] = []
  const changes: ModelValue[][] = []
  const drafts: Array<[string, string]> = []
  for (const plan of [...ctx.data.plans].sort((a, b) => a.year - b.year)) {
    for (const v of plan.versions ?? []) {
      const line = v.lines.find((l) => l.id === p.id)
      const removed = v.removed.includes(p.id)
      if (!line && !removed) continue
      const how = removed ? words(ctx, 'removed') : v.added.includes(p.id) ? words(ctx, 'added') : words(ctx, 'inPlan')
      versions.push([
        plan.year,
        v.version,
        v.approvedOn,
        v.approvals.map((a) => `${zh('approver', a.by)} ${a.documentNo}（${a.date}）`).join('；'),
        v.reason,
        how,
        line ? zh('track', line.track) : null,
        line?.totalInvestmentFen ?? null,
        line?.fiscalFundsFen ?? null,
        line?.annualPlanFen ?? null,
        line?.approvedAmountFen ?? null,
      ])
    }
    for (const c of (plan.changes ?? []).filter((c) => c.id === p.id)) {
      changes.push([plan.year, c.version, codeText(`planField.${c.field}`, {}, 'zh'), planValue(ctx, c.field, c.approved), planValue(ctx, c.field, c.current), c.date, c.reason])
    }
    if (plan.status !== 'approved') {
      const excluded = plan.excluded.find((e) => e.id === p.id)
      if (plan.included.includes(p.id)) drafts.push([String(plan.year), words(ctx, 'draftIncluded', {status: zh('planStatus', plan.status)})])
      else if (excluded) drafts.push([String(plan.year), words(ctx, 'draftExcluded', {reasons: excluded.reasons.map((r) => codeText(r, {}, 'zh')).join('；')})])
    }
  }
  const amount: StyledKind = 'amount'
  return sheetOf(ctx, 'plans', (b) => [
    table(ctx, b.versions, 'planVersions', ['integer', 'integer', 'date', 'text', 'text', 'text', 'text', amount, amount, amount, amount], versions),
    table(ctx, b.changes, 'planChanges', ['integer', 'integer', 'text', 'text', 'text', 'date', 'text'], changes),
    ...(drafts.length > 0 ? [{kind: 'facts' as const, title: b.draft, rows: drafts}] : []),
  ])
}

/** 资金 (DESIGN §13): the fiscal review's 送审/审定/审减, each year's budget and its execution, every payment, cut and recovery. */
const funds: SectionBuilder = (ctx) => {
  const p = ctx.project
  const review = fiscalReviewOf(p)
  const years = budgetYears(ctx.data.plans, p.id)
  return sheetOf(ctx, 'funds', (b) => [
    facts(ctx, b.fiscal, review ? [
      ['submittedAmount', wan(ctx, review.submittedFen)],
      ['approvedAmount', wan(ctx, review.approvedFen)],
      ['reducedAmount', wan(ctx, review.reducedFen)],
      ['reductionRate', review.reductionRate === null ? null : `${(review.reductionRate * 100).toFixed(2)}%`],
    ] : [['fiscalReview', words(ctx, 'noFiscalReview')]]),
    table(ctx, b.budgets, 'budgets', ['integer', 'amount', 'amount', 'amount', 'amount', 'amount', 'ratio'], years.map((year) => {
      const source = budgetSource(ctx.data.plans.find((x) => x.year === year)!, p.id)!
      const position = fundsPosition(source.line.annualPlanFen, recordsOf(p, year))
      return [year, source.line.annualPlanFen, position.cutFen, position.recoveredFen, position.availableFen, position.paidFen, position.executionRate]
    })),
    table(ctx, b.records, 'fundsRecords', ['date', 'text', 'integer', 'amount', 'text', 'text'], (p.funds ?? []).map((r) => [r.date, codeText(`fundsKind.${r.kind}`, {}, 'zh'), r.year, r.amountFen, r.documentNo, r.reason ?? r.note])),
  ])
}

const construction: SectionBuilder = (ctx) => {
  const c = ctx.project.construction
  return sheetOf(ctx, 'construction', (b) => [
    facts(ctx, b.facts, [
      ['startedOn', c?.startedOn],
      ['responsible', c?.responsible],
      ['supervisor', c?.supervisor],
      ['contractor', c?.contractor],
      ['contractAmount', wan(ctx, c?.contractAmountFen)],
      ['actualInvestment', wan(ctx, c?.actualInvestmentFen)],
      ['completedOn', c?.completedOn],
      ['suspended', c?.suspendedOn ? `${c.suspendedOn} ${c.suspendReason ?? ''}`.trim() : null],
    ]),
    table(ctx, b.incidents, 'incidents', ['date', 'text', 'text'], (c?.incidents ?? []).map((i) => [i.date, codeText(`incident.${i.kind}`, {}, 'zh'), i.description])),
    table(ctx, b.amounts, 'amounts', ['date', 'amount', 'amount', 'text'], ctx.project.amountChanges.map((a) => [a.date, a.fromFen, a.toFen, a.reason])),
  ])
}

const acceptance: SectionBuilder = (ctx) => {
  const a = ctx.project.acceptance
  const result = (v: 'passed' | 'failed' | null | undefined) => (v ? zh('stageStatus', v) : '')
  const check = (v: 'pass' | 'fail') => zh('stageStatus', v === 'pass' ? 'passed' : 'failed')
  const tr = a?.techReview
  return sheetOf(ctx, 'acceptance', (b) => [
    facts(ctx, b.facts, [
      ['preliminary', a?.preliminaryOn ? `${a.preliminaryOn} ${result(a.preliminaryResult)}` : null],
      ['applied', a?.appliedOn],
      ['techReview', tr ? `${tr.date} ${label(ctx, 'cloudCheck')}${check(tr.cloud)}、${label(ctx, 'sharingCheck')}${check(tr.sharing)}、${label(ctx, 'securityCheck')}${check(tr.security)}` : null],
      ['techOpinion', tr?.opinion],
      ['expert', a?.expertOn ? `${a.expertOn} ${result(a.expertResult)}` : null],
      ['failures', a && a.failures > 0 ? a.failures : null],
      ['refusedRectification', a?.refusedRectification ? words(ctx, 'yes') : null],
      ['filedOn', a?.filedOn],
      ['filingNo', a?.filingDocumentNo],
      ['trialRun', a?.trialRun],
      ['testReport', a?.testReport],
    ]),
    table(ctx, b.rectifications, 'rectifications', ['date', 'text'], (a?.rectifications ?? []).map((r) => [r.date, r.reason === 'reapply' ? codeText('show.reapply', {}, 'zh') : r.reason])),
  ])
}

const evaluations: SectionBuilder = (ctx) =>
  sheetOf(ctx, 'evaluations', (b) => [
    table(ctx, b.evaluations, 'evaluations', ['date', 'integer', 'text', 'text'], ctx.project.evaluations.map((e) => [e.date, e.score, e.grade, isWeakEvaluation(e, ctx.data.rules) ? words(ctx, 'weak') : null])),
  ])

const journal: SectionBuilder = (ctx) =>
  sheetOf(ctx, 'journal', (b) => [
    table(
      ctx,
      b.entries,
      'journal',
      ['integer', 'text', 'text', 'text', 'text', 'text', 'text'],
      ctx.history.map((e) => {
        const {action, summary} = ctx.describe(e)
        return [e.seq, formatLocalTime(e.at), e.operator, action, summary, e.command, e.hash]
      }),
    ),
  ])

/** The dossier's sheets before its 说明, in order. A section added later (资金) is one more entry. */
export const DOSSIER_SECTIONS: SectionBuilder[] = [declaration, routing, stages, plans, funds, construction, acceptance, evaluations, journal]

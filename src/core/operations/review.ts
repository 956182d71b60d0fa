// Art. 9: each department records its outcome on its stage. A pass opens what follows; the last pass clears the
// project; a failure refuses it; the fiscal review's 审定金额 becomes the approved amount and may re-route it.
import {storedRoutingReason} from '../i18n/routing.js'
import {recordOutcome, advanceStages, allStagesPassed, closeOpenStages, isOpen, type AddWorkingDays} from '../domain/stages.js'
import {reroute, trackChange} from '../domain/project.js'
import {assertCanDo, moveTo} from '../domain/lifecycle.js'
import {InvalidInput, UsageError} from '../domain/errors.js'
import {formatWan} from '../domain/money.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import type {Project, RegisterData, ReviewResult, StageKey} from '../domain/types.js'
import type {DeadlineRow} from '../domain/report.js'

export interface RecordReviewOptions {
  stage: StageKey
  result: ReviewResult
  date: string
  documentNo: string | null
  opinion: string | null
  approvedAmountFen: number | null
  /** required when the 审定金额 exceeds the declared total (DESIGN §11.8) */
  reason: string | null
  now: string
  addWorkingDays: AddWorkingDays
}

export function recordReview(ctx: MutationContext, id: string, o: RecordReviewOptions): MutationOutcome<Project> {
  const project = ctx.index.require(id)
  assertCanDo(project, 'review-record')
  if (o.approvedAmountFen !== null && (o.stage !== 'fiscal-review' || o.result !== 'passed')) throw new UsageError('review.amountOnlyFiscal')
  if (o.approvedAmountFen !== null && o.approvedAmountFen > project.totalInvestmentFen && !o.reason?.trim()) {
    throw new InvalidInput([{field: 'amount', code: 'review.amountAboveTotal', params: {amount: formatWan(o.approvedAmountFen), total: formatWan(project.totalInvestmentFen)}}])
  }
  const rules = ctx.data.rules
  const fromStatus = project.status
  const stage = recordOutcome(project, o.stage, {result: o.result, date: o.date, documentNo: o.documentNo, opinion: o.opinion, approvedAmountFen: o.approvedAmountFen, reason: o.reason}, rules, o.addWorkingDays)
  const change: Record<string, unknown> = {stage: o.stage, result: o.result, date: o.date, documentNo: o.documentNo, opinion: o.opinion}
  if (o.reason) change.reason = o.reason
  if (o.result === 'failed') {
    moveTo(project, 'review-record', o.date, o.now, 'refused')
    // A refused project has no open stage: the other departments stop work on it (DESIGN §11.8).
    const closed = closeOpenStages(project, o.date, 'review.closedRefused')
    if (closed.length > 0) change.closedStages = closed
  } else if (o.result === 'passed') {
    if (o.approvedAmountFen !== null) {
      change.approvedAmount = {from: project.approvedAmountFen ?? project.totalInvestmentFen, to: o.approvedAmountFen}
      project.approvedAmountFen = o.approvedAmountFen
      const moved = reroute(project, rules, storedRoutingReason, o.date, o.addWorkingDays)
      if (moved.moved) change.track = trackChange(moved, project.routing.reason)
    }
    const opened = advanceStages(project, rules, o.date, o.addWorkingDays)
    if (opened.length > 0) change.opened = opened
    if (allStagesPassed(project, rules)) moveTo(project, 'review-record', o.date, o.now, 'cleared')
  } else {
    change.dueOn = stage.dueOn
  }
  if (project.status !== fromStatus) change.status = {from: fromStatus, to: project.status}
  project.updatedAt = o.now
  return {result: project, changes: [{projectId: id, action: 'review-record', change}]}
}

/** An open stage or deadline as `review list` and `report` show it (daysLeft < 0 when overdue). */
export type OpenStageRow = DeadlineRow & {status: string}

/** Every open review stage, with working days left (negative when overdue) as of `asOf`. */
export function openStages(data: RegisterData, asOf: string, workingDaysBetween: (from: string, to: string) => number): OpenStageRow[] {
  const rows: OpenStageRow[] = []
  for (const p of data.projects) {
    if (p.status !== 'reviewing') continue
    for (const s of p.stages) {
      if (!isOpen(s)) continue
      rows.push({
        projectId: p.id,
        projectName: p.name,
        unit: p.unit,
        key: s.key,
        department: s.department,
        startedOn: s.startedOn,
        dueOn: s.dueOn,
        daysLeft: s.dueOn ? workingDaysBetween(asOf, s.dueOn) : null,
        status: s.status,
      })
    }
  }
  return rows.sort((a, b) => a.department.localeCompare(b.department, 'zh') || (a.daysLeft ?? 0) - (b.daysLeft ?? 0))
}

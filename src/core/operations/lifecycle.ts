// Construction (Art. 11, 13, 15), acceptance (Art. 16, 17) and performance evaluation (Art. 20). Every step checks
// the transition table first, so an out-of-order step is refused with the allowed next steps (exit 4).
import {assertCanDo, isAwaitingApproval, moveTo, type Action} from '../domain/lifecycle.js'
import {computeFlags} from '../domain/project.js'
import {InvalidInput, UsageError} from '../domain/errors.js'
import {gradeFor, gradeRange} from '../domain/evaluation.js'
import type {EvaluationFormDetail} from '../domain/evaluation-form.js'
import {filingDueOn} from './deadlines.js'
import {recordAcceptedSystem} from './systems.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import type {Acceptance, Change, CheckResult, Construction, Incident, Project, RegisterData, UnitRecord} from '../domain/types.js'

type Outcome = MutationOutcome<Project>

/** Runs one lifecycle step; `apply` moves the project (moveTo) if the step does, returns what is journalled and may
 * add follow-on changes (a unit suspended). */
function step(ctx: MutationContext, id: string, action: Action, when: {date: string; now: string}, apply: (p: Project, followOn: Change[]) => Record<string, unknown>): Outcome {
  const p = ctx.index.require(id)
  assertCanDo(p, action)
  requireOnOrAfterStatus(p, when.date)
  const from = p.status
  const followOn: Change[] = []
  const change = apply(p, followOn)
  if (p.status !== from) change.status = {from, to: p.status}
  p.updatedAt = when.now
  return {result: p, changes: [{projectId: id, action, change}, ...followOn]}
}

/**
 * DESIGN §11.6: every lifecycle record is dated on or after the step it follows — the date the project reached
 * its present status (the plan's approval, the last stage passed, the start, the completion, …).
 */
function requireOnOrAfterStatus(p: Project, date: string): void {
  if (p.statusSince && date < p.statusSince) {
    throw new InvalidInput([{field: 'date', code: 'dates.beforeStep', params: {date, step: 'dates.step.status', status: p.status, stepDate: p.statusSince}}])
  }
}

function newConstruction(): Construction {
  return {startedOn: null, responsible: null, supervisor: null, contractor: null, contractAmountFen: null, actualInvestmentFen: null, completedOn: null, suspendedOn: null, suspendReason: null, incidents: []}
}

function newAcceptance(): Acceptance {
  return {preliminaryOn: null, preliminaryResult: null, appliedOn: null, techReview: null, expertOn: null, expertResult: null, failures: 0, refusedRectification: false, rectifications: [], filedOn: null, filingDocumentNo: null, trialRun: null, testReport: null}
}

export function startConstruction(ctx: MutationContext, id: string, o: {responsible: string; supervisor: string; contractor: string | null; contractAmountFen: number | null; date: string; now: string}): Outcome {
  // Art. 11: a named responsible person; Art. 13: a qualified engineering supervisor (监理).
  if (o.responsible.trim() === '') throw new UsageError('usage.missingFlag', {flag: 'responsible'})
  if (o.supervisor.trim() === '') throw new UsageError('usage.missingFlag', {flag: 'supervisor'})
  return step(ctx, id, 'construction-start', o, (p) => {
    p.construction = {...newConstruction(), startedOn: o.date, responsible: o.responsible, supervisor: o.supervisor, contractor: o.contractor, contractAmountFen: o.contractAmountFen}
    moveTo(p, 'construction-start', o.date, o.now)
    return {responsible: o.responsible, supervisor: o.supervisor, contractor: o.contractor, contractAmountFen: o.contractAmountFen, date: o.date}
  })
}

export function reportIncident(ctx: MutationContext, id: string, o: Incident & {now: string}): Outcome {
  return step(ctx, id, 'construction-report', o, (p) => {
    const incident: Incident = {kind: o.kind, description: o.description, date: o.date}
    ;(p.construction ??= newConstruction()).incidents.push(incident)
    return {...incident}
  })
}

export function suspendConstruction(ctx: MutationContext, id: string, o: {reason: string; date: string; now: string}): Outcome {
  return step(ctx, id, 'construction-suspend', o, (p) => {
    const c = (p.construction ??= newConstruction())
    c.suspendedOn = o.date
    c.suspendReason = o.reason
    moveTo(p, 'construction-suspend', o.date, o.now)
    return {reason: o.reason, date: o.date}
  })
}

export function resumeConstruction(ctx: MutationContext, id: string, o: {date: string; now: string}): Outcome {
  return step(ctx, id, 'construction-resume', o, (p) => {
    const c = (p.construction ??= newConstruction())
    const suspended = {on: c.suspendedOn, reason: c.suspendReason}
    c.suspendedOn = null
    c.suspendReason = null
    moveTo(p, 'construction-resume', o.date, o.now)
    return {date: o.date, suspended}
  })
}

export function completeConstruction(ctx: MutationContext, id: string, o: {date: string; actualInvestmentFen: number | null; now: string}): Outcome {
  return step(ctx, id, 'construction-complete', o, (p) => {
    const c = (p.construction ??= newConstruction())
    c.completedOn = o.date
    if (o.actualInvestmentFen !== null) c.actualInvestmentFen = o.actualInvestmentFen
    moveTo(p, 'construction-complete', o.date, o.now)
    return {date: o.date, actualInvestmentFen: o.actualInvestmentFen}
  })
}

export function preliminaryAcceptance(ctx: MutationContext, id: string, o: {result: 'passed' | 'failed'; date: string; now: string}): Outcome {
  return step(ctx, id, 'acceptance-preliminary', o, (p) => {
    const c = (p.construction ??= newConstruction())
    // A preliminary acceptance straight from construction marks the end of construction on that day.
    if (!c.completedOn) c.completedOn = o.date
    const a = (p.acceptance ??= newAcceptance())
    a.preliminaryOn = o.date
    a.preliminaryResult = o.result
    if (o.result === 'passed') moveTo(p, 'acceptance-preliminary', o.date, o.now)
    else if (p.status === 'in-construction') moveTo(p, 'acceptance-preliminary', o.date, o.now, 'completed')
    return {result: o.result, date: o.date}
  })
}

export function applyForAcceptance(ctx: MutationContext, id: string, o: {date: string; now: string}): Outcome {
  return step(ctx, id, 'acceptance-apply', o, (p) => {
    const a = (p.acceptance ??= newAcceptance())
    if (p.status === 'rectifying') a.rectifications.push({date: o.date, reason: 'reapply'})
    a.appliedOn = o.date
    a.techReview = null
    a.expertOn = null
    a.expertResult = null
    moveTo(p, 'acceptance-apply', o.date, o.now)
    return {date: o.date, round: a.failures + 1}
  })
}

/** Art. 17: the second failure of the same project, or a refusal to rectify, holds back the unit's approvals. */
function acceptanceFailure(ctx: MutationContext, p: Project, action: Action, o: {refused: boolean; date: string; now: string}): Change[] {
  const a = p.acceptance!
  a.failures += 1
  if (o.refused) a.refusedRectification = true
  moveTo(p, action, o.date, o.now, 'rectifying')
  if (a.failures >= 2 || o.refused) {
    return suspendUnit(ctx.data, p.unit, {reason: o.refused ? 'unit.reason.refused' : 'unit.reason.failedTwice', projectId: p.id, date: o.date, now: o.now})
  }
  return []
}

export function techReview(ctx: MutationContext, id: string, o: {cloud: CheckResult; sharing: CheckResult; security: CheckResult; opinion: string | null; date: string; now: string}): Outcome {
  return step(ctx, id, 'acceptance-tech-review', o, (p, followOn) => {
    const a = (p.acceptance ??= newAcceptance())
    a.techReview = {date: o.date, cloud: o.cloud, sharing: o.sharing, security: o.security, opinion: o.opinion}
    // Art. 12, 16: cloud use, data sharing and cybersecurity must all pass.
    const passed = o.cloud === 'pass' && o.sharing === 'pass' && o.security === 'pass'
    if (passed) moveTo(p, 'acceptance-tech-review', o.date, o.now)
    else followOn.push(...acceptanceFailure(ctx, p, 'acceptance-tech-review', {refused: false, date: o.date, now: o.now}))
    return {cloud: o.cloud, sharing: o.sharing, security: o.security, opinion: o.opinion, date: o.date, failures: a.failures}
  })
}

export function expertAcceptance(ctx: MutationContext, id: string, o: {result: 'passed' | 'failed'; refusedRectification: boolean; date: string; now: string}): Outcome {
  if (o.refusedRectification && o.result === 'passed') throw new UsageError('acceptance.refusedNeedsFailed')
  // A unit may refuse to rectify while its project is being rectified, not only at the expert panel (Art. 17).
  if (o.refusedRectification && ctx.index.require(id).status === 'rectifying') return refuseRectification(ctx, id, o)
  return step(ctx, id, 'acceptance-expert', o, (p, followOn) => {
    const a = (p.acceptance ??= newAcceptance())
    a.expertOn = o.date
    a.expertResult = o.result
    if (o.result === 'passed') {
      moveTo(p, 'acceptance-expert', o.date, o.now)
      // DESIGN §12: an accepted project joins the systems inventory
      followOn.push(...recordAcceptedSystem(ctx, p, o.date, o.now))
    } else followOn.push(...acceptanceFailure(ctx, p, 'acceptance-expert', {refused: o.refusedRectification, date: o.date, now: o.now}))
    return {result: o.result, refusedRectification: o.refusedRectification, date: o.date, failures: a.failures}
  })
}

/** Art. 17: the refusal recorded while the project is in 整改中; the unit's approvals are held. */
function refuseRectification(ctx: MutationContext, id: string, o: {date: string; now: string}): Outcome {
  return step(ctx, id, 'acceptance-refuse', o, (p, followOn) => {
    const a = (p.acceptance ??= newAcceptance())
    a.refusedRectification = true
    followOn.push(...suspendUnit(ctx.data, p.unit, {reason: 'unit.reason.refused', projectId: p.id, date: o.date, now: o.now}))
    return {refusedRectification: true, date: o.date}
  })
}

export function fileAcceptance(ctx: MutationContext, id: string, o: {documentNo: string; date: string; trialRun: string | null; testReport: string | null; now: string; addWorkingDays: (date: string, days: number) => string}): Outcome {
  return step(ctx, id, 'acceptance-file', o, (p) => {
    const a = (p.acceptance ??= newAcceptance())
    a.filedOn = o.date
    a.filingDocumentNo = o.documentNo
    if (o.trialRun) a.trialRun = o.trialRun
    if (o.testReport) a.testReport = o.testReport
    moveTo(p, 'acceptance-file', o.date, o.now)
    const change: Record<string, unknown> = {documentNo: o.documentNo, date: o.date}
    // Art. 17: filed later than the working days the rules allow after the completion acceptance.
    if (a.expertOn) {
      const dueOn = filingDueOn(a.expertOn, ctx.data.rules.deadlines.filingWorkingDays, o.addWorkingDays)
      if (o.date > dueOn) Object.assign(change, {dueOn, lateBy: workingDaysAfter(dueOn, o.date, o.addWorkingDays)})
    }
    return change
  })
}

/** Working days from `from` to `to` (to > from), counted with the calendar's own step. */
function workingDaysAfter(from: string, to: string, addWorkingDays: (date: string, days: number) => string): number {
  let n = 0
  for (let d = from; d < to && n < 10_000; d = addWorkingDays(d, 1)) n += 1
  return n
}

/** Recomputes the flags of a unit's open declarations after its standing changed. */
function refreshUnitFlags(ctx: MutationContext, unit: string): Change[] {
  ctx.index.forgetEvaluations()
  const changes: Change[] = []
  for (const p of ctx.data.projects) {
    if (p.unit !== unit || !isAwaitingApproval(p.status)) continue
    const flags = computeFlags(p, ctx.index.flagContext(p.planYear, p.unit))
    if (flags.join() !== p.flags.join()) {
      changes.push({projectId: p.id, action: 'flags', change: {from: p.flags, to: flags}})
      p.flags = flags
    }
  }
  return changes
}

/** `form`: what a filled 绩效自评表 adds to the record (`evaluate import`); the consequences are the same. */
export function evaluate(ctx: MutationContext, id: string, o: {score: number; grade: string | null; date: string; now: string; form?: EvaluationFormDetail}): Outcome {
  if (!Number.isFinite(o.score) || o.score < 0 || o.score > 100) throw new UsageError('usage.badFlag', {flag: 'score', value: o.score, reason: '0–100'})
  const bands = ctx.data.rules.grades
  const grade = o.grade ?? gradeFor(o.score, bands)
  if (o.grade !== null && o.grade !== gradeFor(o.score, bands)) {
    const range = gradeRange(o.grade, bands)
    throw new InvalidInput([{field: 'grade', code: 'evaluate.gradeContradicts', params: {grade: o.grade, score: o.score, expected: gradeFor(o.score, bands), min: range?.min ?? 0, below: range?.below ?? 100}}])
  }
  const outcome = step(ctx, id, 'evaluate', o, (p) => {
    p.evaluations.push({date: o.date, score: o.score, grade, ...(o.form ?? {})})
    return {score: o.score, grade, date: o.date, ...(o.form ? {file: o.form.source.file, sheet: o.form.source.sheet} : {})}
  })
  outcome.changes.push(...refreshUnitFlags(ctx, outcome.result.unit))
  return outcome
}

function findUnit(data: RegisterData, name: string): UnitRecord | undefined {
  return data.units.find((u) => u.name === name)
}

export function suspendUnit(data: RegisterData, unit: string, o: {reason: string; projectId: string | null; date: string; now: string}): Change[] {
  let record = findUnit(data, unit)
  if (!record) data.units.push((record = {name: unit, suspended: false, reason: null, since: null}))
  if (record.suspended) return []
  record.suspended = true
  record.reason = o.reason
  record.since = o.date
  const changes: Change[] = [{projectId: o.projectId, action: 'unit-suspend', change: {unit, reason: o.reason, date: o.date}}]
  for (const p of data.projects) {
    if (p.unit === unit && isAwaitingApproval(p.status) && !p.flags.includes('unit-suspended')) {
      const from = [...p.flags]
      p.flags = [...p.flags, 'unit-suspended']
      changes.push({projectId: p.id, action: 'flags', change: {from, to: p.flags}})
    }
  }
  return changes
}

export function reinstateUnit(ctx: MutationContext, unit: string, o: {date: string; now: string}): MutationOutcome<UnitRecord> {
  const record = findUnit(ctx.data, unit)
  if (!record || !record.suspended) throw new UsageError('unit.notSuspended', {unit})
  record.suspended = false
  record.reason = null
  record.since = null
  const changes: Change[] = [{projectId: null, action: 'unit-reinstate', change: {unit, date: o.date}}, ...refreshUnitFlags(ctx, unit)]
  return {result: record, changes}
}

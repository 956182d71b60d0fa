// DESIGN §11.9: `--as-of D` shows the register as it stood on D. The register keeps the present state, so the
// view is rebuilt from what is dated: the declaration date, each status change (from the journal when it is at
// hand, else from the dated records), the stage dates and rounds, construction, acceptance, evaluations and
// amount changes. Whatever is dated after D is taken out; a project declared after D is not there at all.
//
// Exact: which projects exist (declaredOn), the status (journal steps; `statusSince` for the current one), stage
// openings, returns and decisions (rounds), construction/acceptance/evaluation dates, the total investment
// (amount changes). Approximate (documented in the README): without journal steps, a construction suspension
// since resumed and the acceptance rounds before a re-application are not known; the track, flags and marks are
// today's.
import type {AddWorkingDays} from './stages.js'
import type {Acceptance, Construction, Project, ProjectStatus, RegisterData, Stage, UnitRecord} from './types.js'

/** One status change of a project: it entered `status` on `date`. */
export interface StatusStep {
  date: string
  status: ProjectStatus
}

export interface AsOfCalendar {
  addWorkingDays: AddWorkingDays
  workingDaysBetween(from: string, to: string): number
}

export interface AsOfSources {
  /** status changes by project id, in the order they were made (from the journal); absent: rebuilt from records */
  steps?: ReadonlyMap<string, readonly StatusStep[]>
  calendar: AsOfCalendar
}

const after = (date: string | null | undefined, asOf: string): boolean => typeof date === 'string' && date > asOf
const min = (dates: Array<string | null | undefined>): string | null => dates.filter((d): d is string => typeof d === 'string').reduce<string | null>((a, b) => (a === null || b < a ? b : a), null)
const max = (dates: Array<string | null | undefined>): string | null => dates.filter((d): d is string => typeof d === 'string').reduce<string | null>((a, b) => (a === null || b > a ? b : a), null)

/**
 * The status the steps give on `asOf`. A step cannot have happened after a later one (a plan built after the
 * approval it preceded was backdated by the clerk's own dates), so each date is clamped to the ones after it.
 */
export function statusFromSteps(steps: readonly StatusStep[], asOf: string): StatusStep | null {
  let found: StatusStep | null = null
  let bound: string | null = null
  for (let i = steps.length - 1; i >= 0; i--) {
    const date: string = bound !== null && bound < steps[i].date ? bound : steps[i].date
    bound = date
    if (date <= asOf) {
      found = {date, status: steps[i].status}
      break
    }
  }
  return found
}

/** The day the project entered review: its year's plan approved by the government, not after its first stage. */
function reviewStart(p: Project, data: RegisterData): string | null {
  const firstStage = min(p.stages.flatMap((s) => [s.startedOn, s.decidedOn, ...(s.rounds ?? []).map((r) => r.date)]))
  const approvals = data.plans.filter((plan) => plan.year === p.planYear && plan.included.includes(p.id)).flatMap((plan) => plan.approvals.filter((a) => a.by === 'government').map((a) => a.date))
  const approved = max(approvals.filter((d) => firstStage === null || d <= firstStage)) ?? min(approvals)
  return firstStage !== null && (approved === null || approved > firstStage) ? firstStage : approved
}

const REVIEWED: readonly ProjectStatus[] = ['reviewing', 'cleared', 'refused', 'in-construction', 'suspended', 'completed', 'preliminarily-accepted', 'acceptance-applied', 'tech-reviewed', 'rectifying', 'accepted', 'filed']

/** The status changes the dated records show (used when the journal gives none), in lifecycle order. */
export function stepsFromRecords(p: Project, data: RegisterData): StatusStep[] {
  const steps: StatusStep[] = [{date: p.declaredOn, status: 'declared'}]
  const add = (date: string | null | undefined, status: ProjectStatus) => {
    if (typeof date === 'string') steps.push({date, status})
  }
  if (!REVIEWED.includes(p.status)) {
    if (p.status !== 'declared') add(p.statusSince, p.status)
    return steps
  }
  const start = reviewStart(p, data)
  add(start, 'reviewing')
  const track = data.rules.stagesByTrack[p.track] ?? []
  const failed = p.stages.find((s) => s.status === 'failed')
  if (failed) add(failed.decidedOn, 'refused')
  else if (p.status !== 'reviewing') add(track.length === 0 ? start : max(p.stages.filter((s) => track.includes(s.key)).map((s) => s.decidedOn)) ?? start, 'cleared')
  const c = p.construction
  add(c?.startedOn, 'in-construction')
  add(c?.suspendedOn, 'suspended')
  const a = p.acceptance
  const shortcut = a?.preliminaryResult === 'passed' && a.preliminaryOn === c?.completedOn
  if (!shortcut) add(c?.completedOn, 'completed')
  if (a?.preliminaryResult === 'passed') add(a.preliminaryOn, 'preliminarily-accepted')
  add(a?.appliedOn, 'acceptance-applied')
  const passed = (r: NonNullable<Acceptance['techReview']>) => r.cloud === 'pass' && r.sharing === 'pass' && r.security === 'pass'
  if (a?.techReview) add(a.techReview.date, passed(a.techReview) ? 'tech-reviewed' : 'rectifying')
  if (a?.expertOn) add(a.expertOn, a.expertResult === 'passed' ? 'accepted' : 'rectifying')
  add(a?.filedOn, 'filed')
  // the current status is exact: it began on statusSince
  if (steps.at(-1)?.status !== p.status) add(p.statusSince, p.status)
  return steps
}

/** A stage as it stood on `asOf`: not started (pending), open in one of its rounds, or decided. */
export function stageAsOf(stage: Stage, asOf: string, p: Project, data: RegisterData, calendar: AsOfCalendar): Stage {
  const rounds = stage.rounds ?? []
  const seen = rounds.filter((r) => r.date <= asOf)
  const kept = {...stage, rounds: seen}
  if (stage.decidedOn && stage.decidedOn <= asOf) return kept
  const lastReturn = [...seen].reverse().find((r) => r.result === 'returned')
  // the working days it was given: read back from the latest round's dates under the calendar in force
  const limit = stage.startedOn && stage.dueOn && stage.dueOn > stage.startedOn ? calendar.workingDaysBetween(stage.startedOn, stage.dueOn) : (data.rules.timeLimits[stage.key] ?? 0)
  const due = (from: string) => (from === stage.startedOn && stage.dueOn ? stage.dueOn : calendar.addWorkingDays(from, limit))
  if (lastReturn) return {...kept, status: 'returned', startedOn: lastReturn.date, dueOn: due(lastReturn.date), decidedOn: null, approvedAmountFen: null}
  // first round: it opened on startedOn, unless a return since then overwrote it
  const opened = rounds.some((r) => r.result === 'returned') ? firstOpening(stage, p, data) : stage.startedOn
  if (opened === null || opened > asOf) return {...kept, status: 'pending', startedOn: null, dueOn: null, decidedOn: null, approvedAmountFen: null, documentNo: null, opinion: null}
  return {...kept, status: 'open', startedOn: opened, dueOn: due(opened), decidedOn: null, approvedAmountFen: null}
}

/** The first opening of a stage whose start a return overwrote: the review's start, or the last stage before it passing. */
function firstOpening(stage: Stage, p: Project, data: RegisterData): string | null {
  const firstRound = min((stage.rounds ?? []).map((r) => r.date))
  const start = reviewStart(p, data)
  let opened = start
  const def = data.rules.stages.find((s) => s.key === stage.key)
  if (def && def.group === 'seq') {
    const order = data.rules.stagesByTrack[p.track] ?? []
    const before = order.slice(0, Math.max(0, order.indexOf(stage.key)))
    opened = max([start, ...p.stages.filter((s) => before.includes(s.key)).map((s) => s.decidedOn)])
  }
  return opened !== null && firstRound !== null && opened > firstRound ? firstRound : opened
}

function constructionAsOf(c: Construction | null, asOf: string): Construction | null {
  if (!c || !c.startedOn || after(c.startedOn, asOf)) return null
  return {
    ...c,
    completedOn: after(c.completedOn, asOf) ? null : c.completedOn,
    ...(after(c.suspendedOn, asOf) ? {suspendedOn: null, suspendReason: null} : {}),
    incidents: c.incidents.filter((i) => !after(i.date, asOf)),
  }
}

function acceptanceAsOf(a: Acceptance | null, asOf: string): Acceptance | null {
  if (!a) return null
  const view: Acceptance = {...a, rectifications: a.rectifications.filter((r) => !after(r.date, asOf))}
  if (after(a.preliminaryOn, asOf)) Object.assign(view, {preliminaryOn: null, preliminaryResult: null})
  if (after(a.appliedOn, asOf)) view.appliedOn = null
  if (a.techReview && after(a.techReview.date, asOf)) view.techReview = null
  if (after(a.expertOn, asOf)) Object.assign(view, {expertOn: null, expertResult: null})
  if (after(a.filedOn, asOf)) Object.assign(view, {filedOn: null, filingDocumentNo: null})
  return view.preliminaryOn === null && view.appliedOn === null ? null : view
}

/** The total investment on `asOf`: each later change undone, latest first. */
function totalAsOf(p: Project, asOf: string): number {
  const later = p.amountChanges.filter((c) => after(c.date, asOf))
  return later.length > 0 ? later[0].fromFen : p.totalInvestmentFen
}

/** The project as it stood on `asOf`, or null when it had not been declared yet. */
export function projectAsOf(p: Project, asOf: string, data: RegisterData, sources: AsOfSources): Project | null {
  if (after(p.declaredOn, asOf)) return null
  const since = p.statusSince ?? p.updatedAt.slice(0, 10)
  let step: StatusStep
  if (since <= asOf) step = {date: since, status: p.status}
  else {
    const journal = sources.steps?.get(p.id)
    const steps = journal && journal.length > 0 ? [{date: p.declaredOn, status: 'declared' as const}, ...journal] : stepsFromRecords(p, data)
    step = statusFromSteps(steps, asOf) ?? {date: p.declaredOn, status: 'declared'}
  }
  const stages = p.stages.map((s) => stageAsOf(s, asOf, p, data, sources.calendar))
  // a 审定金额 recorded after asOf was not known on it
  const amountLater = p.stages.some((s) => s.approvedAmountFen !== null && after(s.decidedOn, asOf))
  return {
    ...p,
    status: step.status,
    statusSince: step.date,
    totalInvestmentFen: totalAsOf(p, asOf),
    approvedAmountFen: amountLater ? null : p.approvedAmountFen,
    stages,
    construction: constructionAsOf(p.construction, asOf),
    acceptance: acceptanceAsOf(p.acceptance, asOf),
    evaluations: p.evaluations.filter((e) => !after(e.date, asOf)),
    // branch funds: a payment, cut or recovery dated after asOf had not happened on it
    ...(p.funds ? {funds: p.funds.filter((r) => !after(r.date, asOf))} : {}),
  }
}

/** A unit held back after `asOf` was not held yet on it. */
function unitAsOf(u: UnitRecord, asOf: string): UnitRecord {
  return u.suspended && after(u.since, asOf) ? {...u, suspended: false, reason: null, since: null} : u
}

/** The register as it stood on `asOf`, for the read-only views (`report`, `review list`). */
export function registerAsOf(data: RegisterData, asOf: string, sources: AsOfSources): RegisterData {
  return {
    ...data,
    projects: data.projects.flatMap((p) => {
      const view = projectAsOf(p, asOf, data, sources)
      return view ? [view] : []
    }),
    units: data.units.map((u) => unitAsOf(u, asOf)),
  }
}

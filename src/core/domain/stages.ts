// Art. 9 review stages. The two pre-reviews (市委办, 市委网信办) open together; the rest follow one by one in
// the order the rules list them. Each open stage has a due date in working days (DESIGN §4).
import {IllegalTransition, InvalidInput} from './errors.js'
import {recordFiscalSubmission} from './funds.js'
import type {Project, ReviewResult, Rules, Stage, StageKey, Track} from './types.js'

/** Adds working days (start day not counted); supplied by the calendar so this module stays pure. */
export type AddWorkingDays = (date: string, days: number) => string

export function stageDefinition(rules: Rules, key: StageKey) {
  const def = rules.stages.find((s) => s.key === key)
  if (!def) throw new Error(`stage ${key} missing from rules`)
  return def
}

function newStage(rules: Rules, key: StageKey): Stage {
  return {
    key,
    department: stageDefinition(rules, key).department,
    status: 'pending',
    startedOn: null,
    dueOn: null,
    decidedOn: null,
    documentNo: null,
    approvedAmountFen: null,
    opinion: null,
    rounds: [],
  }
}

export function isOpen(stage: Stage): boolean {
  return stage.status === 'open' || stage.status === 'returned'
}

function open(stage: Stage, rules: Rules, date: string, addWorkingDays: AddWorkingDays): void {
  stage.status = 'open'
  stage.startedOn = date
  stage.dueOn = addWorkingDays(date, rules.timeLimits[stage.key])
}

/** Stages of `track` in rule order, keeping the ones already recorded and adding the missing ones. */
export function ensureStages(project: Project, track: Track, rules: Rules): Stage[] {
  return restage(project, track, rules).stages
}

export interface Restaging {
  stages: Stage[]
  added: StageKey[]
  /** not started and no longer needed: gone */
  removed: StageKey[]
  /** started or decided and no longer needed: kept, marked */
  notRequired: StageKey[]
}

/**
 * DESIGN §11.4: the stages of a project moved to `track`. A stage the track needs is added; one it does not need
 * is removed if it never started, and kept and marked as no longer required if it started or was decided.
 */
export function restage(project: Pick<Project, 'stages'>, track: Track, rules: Rules): Restaging {
  const order = rules.stagesByTrack[track]
  const existing = new Map(project.stages.map((s) => [s.key, s]))
  const added: StageKey[] = []
  const stages = order.map((key) => {
    const s = existing.get(key)
    if (s) {
      delete s.notRequired
      return s
    }
    added.push(key)
    return newStage(rules, key)
  })
  const removed: StageKey[] = []
  const notRequired: StageKey[] = []
  for (const s of project.stages) {
    if (order.includes(s.key)) continue
    if (s.status === 'pending') {
      removed.push(s.key)
      continue
    }
    if (!s.notRequired) notRequired.push(s.key)
    s.notRequired = true
    stages.push(s)
  }
  return {stages, added, removed, notRequired}
}

/** Ends every open stage without a decision (the project was refused elsewhere or left the plan). */
export function closeOpenStages(project: Pick<Project, 'stages'>, date: string, reason: string): StageKey[] {
  const closed: StageKey[] = []
  for (const s of project.stages) {
    if (!isOpen(s)) continue
    s.status = 'closed'
    s.decidedOn = date
    s.closedReason = reason
    closed.push(s.key)
  }
  return closed
}

/** Opens every pending stage whose predecessors have passed. Returns the keys opened. */
export function advanceStages(project: Project, rules: Rules, date: string, addWorkingDays: AddWorkingDays): StageKey[] {
  const order = rules.stagesByTrack[project.track]
  const byKey = new Map(project.stages.map((s) => [s.key, s]))
  const opened: StageKey[] = []
  const preKeys = order.filter((k) => stageDefinition(rules, k).group === 'pre')
  const prePassed = preKeys.every((k) => byKey.get(k)?.status === 'passed')
  for (const key of order) {
    const stage = byKey.get(key)
    if (!stage) continue
    const def = stageDefinition(rules, key)
    if (def.group === 'pre') {
      if (stage.status === 'pending') {
        open(stage, rules, date, addWorkingDays)
        opened.push(key)
      }
      continue
    }
    if (!prePassed) break
    if (stage.status === 'passed') continue
    if (stage.status === 'pending') {
      // It opens when the last stage before it passed, whatever order the outcomes were entered in (and not before
      // the step that opens it, for a stage added by a move to a stricter track).
      const before = order.slice(0, order.indexOf(key)).map((k) => byKey.get(k)?.decidedOn).filter((d): d is string => Boolean(d))
      const openedOn = [date, ...before].reduce((a, b) => (a > b ? a : b))
      open(stage, rules, openedOn, addWorkingDays)
      // 送审金额 (branch funds): what the fiscal review is sent is the total as it opens
      if (key === 'fiscal-review') recordFiscalSubmission(project)
      opened.push(key)
    }
    break
  }
  return opened
}

export function allStagesPassed(project: Project, rules: Rules): boolean {
  return rules.stagesByTrack[project.track].every((k) => project.stages.find((s) => s.key === k)?.status === 'passed')
}

export interface ReviewOutcome {
  result: ReviewResult
  date: string
  documentNo: string | null
  opinion: string | null
  approvedAmountFen: number | null
  /** why a 审定金额 above the declared total is right */
  reason?: string | null
}

/**
 * Records one department's outcome on an open stage. A stage not open (not yet reached, already decided, or
 * not on this track) is refused with exit 4 naming the stages that are open.
 */
export function recordOutcome(project: Project, key: StageKey, outcome: ReviewOutcome, rules: Rules, addWorkingDays: AddWorkingDays): Stage {
  const stage = project.stages.find((s) => s.key === key)
  const openKeys = project.stages.filter(isOpen).map((s) => `itplan review record ${project.id} --stage ${s.key} --result passed|failed|returned`)
  if (!stage || !isOpen(stage)) {
    throw new IllegalTransition(project.id, project.status, `itplan review record --stage ${key}`, openKeys, {
      code: !stage ? 'review.stageNotOnTrack' : stage.status === 'pending' ? 'review.stageNotOpen' : 'review.stageDecided',
      params: {stage: key, status: stage?.status ?? ''},
    })
  }
  if (stage.startedOn && outcome.date < stage.startedOn) {
    throw new InvalidInput([{field: 'date', code: 'review.dateBeforeStart', params: {date: outcome.date, startedOn: stage.startedOn}}], true)
  }
  stage.rounds = [...(stage.rounds ?? []), {result: outcome.result, date: outcome.date, documentNo: outcome.documentNo, opinion: outcome.opinion, reason: outcome.reason ?? null}]
  // The stage shows its latest round; a returned round's opinion stays on that round (DESIGN §11.8).
  stage.documentNo = outcome.documentNo ?? stage.documentNo
  stage.opinion = outcome.opinion
  if (outcome.result === 'returned') {
    // The unit revises and resubmits; the department's time limit runs again from the return.
    stage.status = 'returned'
    stage.startedOn = outcome.date
    stage.dueOn = addWorkingDays(outcome.date, rules.timeLimits[key])
    return stage
  }
  stage.status = outcome.result
  stage.decidedOn = outcome.date
  if (outcome.approvedAmountFen !== null) stage.approvedAmountFen = outcome.approvedAmountFen
  return stage
}

// Art. 7: the office composes the draft, the leading group adopts it, the city government approves it; approval
// opens each planned project's review stages (or clears a self-implemented one at once).
import {selectPlan, candidatesFor, findPlan, planTotals, type PlanTotals} from '../domain/plan.js'
import {assertCanDo} from '../domain/lifecycle.js'
import {ensureStages, advanceStages, type AddWorkingDays} from '../domain/stages.js'
import {Conflict, UsageError} from '../domain/errors.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import type {Change, Plan, PlanApproval, Project, RegisterData} from '../domain/types.js'

export interface PlanView {
  year: number
  status: Plan['status'] | 'none'
  included: string[]
  excluded: Array<{id: string; reasons: string[]}>
  approvals: PlanApproval[]
  builtOn: string | null
  totals: PlanTotals
  marks: {keyArea: string[]; major: string[]}
}

export function planView(data: RegisterData, year: number): PlanView {
  const plan = findPlan(data.plans, year)
  const byId = new Map(data.projects.map((p) => [p.id, p]))
  const included = (plan?.included ?? []).map((id) => byId.get(id)).filter((p): p is Project => p !== undefined)
  return {
    year,
    status: plan?.status ?? 'none',
    included: included.map((p) => p.id),
    excluded: plan?.excluded ?? [],
    approvals: plan?.approvals ?? [],
    builtOn: plan?.builtOn ?? null,
    totals: planTotals(included),
    marks: {keyArea: included.filter((p) => p.marks.keyArea).map((p) => p.id), major: included.filter((p) => p.marks.major).map((p) => p.id)},
  }
}

export interface BuildOptions {
  year: number
  include: string[]
  exclude: string[]
  keyArea: string[]
  major: string[]
  today: string
  now: string
}

export function buildPlan(ctx: MutationContext, o: BuildOptions): MutationOutcome<PlanView> {
  const {data, index} = ctx
  let plan = findPlan(data.plans, o.year)
  if (plan && plan.status !== 'draft') throw new Conflict('plan.notDraft', {year: o.year, status: plan.status})
  if (!plan) {
    plan = {year: o.year, status: 'draft', included: [], excluded: [], approvals: [], builtOn: o.today, officeExcluded: []}
    data.plans.push(plan)
  }
  const candidates = candidatesFor(data.projects, o.year)
  const candidateIds = new Set(candidates.map((p) => p.id))
  for (const id of [...o.include, ...o.exclude, ...o.keyArea, ...o.major]) {
    const p = index.require(id)
    if (!candidateIds.has(id)) throw new Conflict('plan.notCandidate', {id, year: o.year, status: p.status, planYear: p.planYear})
  }
  const officeExcluded = new Set([...(plan.officeExcluded ?? []), ...o.exclude].filter((id) => !o.include.includes(id)))
  const changes: Change[] = []
  for (const id of o.keyArea) index.require(id).marks.keyArea = true
  for (const id of o.major) index.require(id).marks.major = true
  const selection = selectPlan(candidates, officeExcluded)
  for (const p of selection.included) {
    if (p.status !== 'planned') {
      assertCanDo(p, 'plan-include')
      p.status = 'planned'
      p.statusSince = o.today
      p.updatedAt = o.now
      changes.push({projectId: p.id, action: 'plan-include', change: {year: o.year, status: {from: 'declared', to: 'planned'}}})
    }
  }
  for (const {project: p, reasons} of selection.excluded) {
    if (p.status === 'planned') {
      p.status = 'declared'
      p.statusSince = o.today
      p.updatedAt = o.now
      changes.push({projectId: p.id, action: 'plan-exclude', change: {year: o.year, status: {from: 'planned', to: 'declared'}, reasons: reasons.map((r) => r.code)}})
    }
  }
  for (const id of [...o.keyArea, ...o.major]) changes.push({projectId: id, action: 'plan-mark', change: index.require(id).marks})
  plan.officeExcluded = [...officeExcluded]
  plan.included = selection.included.map((p) => p.id)
  plan.excluded = selection.excluded.map(({project, reasons}) => ({id: project.id, reasons: reasons.map((r) => r.code)}))
  plan.builtOn = o.today
  changes.push({projectId: null, action: 'plan-build', change: {year: o.year, included: plan.included, excluded: plan.excluded}})
  return {result: planView(data, o.year), changes}
}

export interface ApproveOptions {
  year: number
  by: 'leading-group' | 'government'
  documentNo: string
  date: string
  now: string
  addWorkingDays: AddWorkingDays
}

export function approvePlan(ctx: MutationContext, o: ApproveOptions): MutationOutcome<PlanView> {
  const {data, index} = ctx
  const plan = findPlan(data.plans, o.year)
  if (!plan) throw new Conflict('plan.missing', {year: o.year})
  const expected = o.by === 'leading-group' ? 'draft' : 'adopted'
  if (plan.status !== expected) throw new Conflict(o.by === 'leading-group' ? 'plan.adoptNeedsDraft' : 'plan.approveNeedsAdopted', {year: o.year, status: plan.status})
  if (plan.included.length === 0) throw new UsageError('plan.empty', {year: o.year})
  plan.approvals.push({by: o.by, documentNo: o.documentNo, date: o.date})
  const changes: Change[] = [{projectId: null, action: 'plan-approve', change: {year: o.year, by: o.by, documentNo: o.documentNo, date: o.date}}]
  if (o.by === 'leading-group') {
    plan.status = 'adopted'
    return {result: planView(data, o.year), changes}
  }
  plan.status = 'approved'
  const included = new Set(plan.included)
  for (const id of plan.included) {
    const p = index.require(id)
    assertCanDo(p, 'plan-approve')
    if (p.track === 'self') {
      // Art. 8: below the procurement limit the unit implements it itself; no review stage applies.
      p.status = 'cleared'
    } else {
      p.status = 'reviewing'
      p.stages = ensureStages(p, p.track, data.rules)
      advanceStages(p, data.rules, o.date, o.addWorkingDays)
    }
    p.statusSince = o.date
    p.updatedAt = o.now
    changes.push({projectId: id, action: 'plan-approved', change: {status: {from: 'planned', to: p.status}, documentNo: o.documentNo, openedStages: p.stages.filter((s) => s.status === 'open').map((s) => ({key: s.key, dueOn: s.dueOn}))}})
  }
  for (const p of candidatesFor(data.projects, o.year)) {
    if (included.has(p.id)) continue
    const reasons = plan.excluded.find((e) => e.id === p.id)?.reasons ?? []
    const from = p.status
    p.status = 'dropped'
    p.statusSince = o.date
    p.updatedAt = o.now
    changes.push({projectId: p.id, action: 'plan-dropped', change: {status: {from, to: 'dropped'}, reasons}})
  }
  return {result: planView(data, o.year), changes}
}

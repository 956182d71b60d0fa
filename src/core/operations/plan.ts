// Art. 7: the office composes the draft, the leading group adopts it, the city government approves it; approval
// freezes that version (DESIGN §11.1) and opens each planned project's review stages (or clears a self-implemented
// one at once). An amendment (年度计划调整, §11.2) goes through the same two approvals and becomes the next version.
import {selectPlan, candidatesFor, exclusionReasons, findPlan, planTotals, type PlanTotals} from '../domain/plan.js'
import {amendedIds, asApproved, changesOf, detectChanges as detectPlanChanges, freezeLine, latestVersion, statusOnApproval, versionsOf, versionTotals} from '../domain/plan-versions.js'
import {canDo, isRemovableFromPlan, moveTo, nextSteps} from '../domain/lifecycle.js'
import {ensureStages, advanceStages, closeOpenStages, type AddWorkingDays} from '../domain/stages.js'
import {computeFlags} from '../domain/project.js'
import {continuesInto, projectInYear, unrequestedContinuations} from '../domain/continuing.js'
import {Conflict, IllegalTransition, InvalidInput, UsageError} from '../domain/errors.js'
import {noticesOf, type Notice} from '../domain/notices.js'
import {t, word} from '../i18n/index.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import type {Change, Plan, PlanAmendment, PlanApproval, PlanChange, PlanVersion, Project, RegisterData} from '../domain/types.js'

export interface PlanSelector {
  /** an approved version; default the latest */
  version?: number
  /** the draft being built: the plan before its approval, or the amendment under way */
  draft?: boolean
}

export interface PlanView {
  year: number
  status: Plan['status'] | 'none'
  /** the approved version shown; null for a draft */
  version: number | null
  draft: boolean
  versions: Array<{version: number; approvals: PlanApproval[]; approvedOn: string; reason: string | null; added: string[]; removed: string[]}>
  included: string[]
  excluded: Array<{id: string; reasons: string[]}>
  approvals: PlanApproval[]
  builtOn: string | null
  totals: PlanTotals
  marks: {keyArea: string[]; major: string[]}
  changesSinceApproval: Array<Omit<PlanChange, 'version'>>
  amendment: PlanAmendment | null
  notices: Notice[]
}

/** The projects a view shows, with the approved figures of a version laid over them. */
export interface ResolvedPlan {
  view: PlanView
  projects: Project[]
}

/**
 * Registers written before versions existed have an approved plan without one: its first version is taken from
 * the projects as they stand when it is first read (the figures it was approved with were not kept).
 */
export function ensureVersions(plan: Plan, byId: ReadonlyMap<string, Project>): void {
  if (plan.status !== 'approved' || versionsOf(plan).length > 0) return
  const government = plan.approvals.filter((a) => a.by === 'government').pop()
  const lines = plan.included.map((id) => byId.get(id)).filter((p): p is Project => p !== undefined).map((p) => freezeLine(projectInYear(p, plan.year)))
  plan.versions = [{version: 1, approvals: [...plan.approvals], approvedOn: government?.date ?? plan.builtOn, reason: null, added: [], removed: [], lines, totals: versionTotals(lines)}]
}

export function resolvePlan(data: RegisterData, year: number, selector: PlanSelector = {}): ResolvedPlan {
  const plan = findPlan(data.plans, year)
  const byId = new Map(data.projects.map((p) => [p.id, p]))
  if (plan) ensureVersions(plan, byId)
  const versions = versionsOf(plan)
  if (selector.version !== undefined && !versions.some((v) => v.version === selector.version)) {
    throw new UsageError('plan.noSuchVersion', {year, version: selector.version, versions: versions.map((v) => v.version).join('、') || '—'})
  }
  let shown: PlanVersion | undefined
  let ids: string[]
  let projects: Project[]
  const isDraft = selector.draft === true || versions.length === 0
  if (isDraft) {
    if (plan && selector.draft && versions.length > 0 && !plan.amendment) throw new UsageError('plan.noDraft', {year, version: versions[versions.length - 1].version})
    ids = plan ? (plan.amendment ? amendedIds(plan) : plan.included) : []
    projects = ids.map((id) => byId.get(id)).filter((p): p is Project => p !== undefined).map((p) => projectInYear(p, year))
  } else {
    shown = selector.version !== undefined ? versions.find((v) => v.version === selector.version) : versions[versions.length - 1]
    projects = shown!.lines.filter((l) => byId.has(l.id)).map((l) => asApproved(projectInYear(byId.get(l.id)!, year), l))
  }
  const view: PlanView = {
    year,
    status: plan?.status ?? 'none',
    version: shown?.version ?? null,
    draft: isDraft,
    versions: versions.map((v) => ({version: v.version, approvals: v.approvals, approvedOn: v.approvedOn, reason: v.reason, added: v.added, removed: v.removed})),
    included: projects.map((p) => p.id),
    excluded: isDraft && plan?.amendment ? plan.amendment.excluded : (plan?.excluded ?? []),
    approvals: shown ? shown.approvals : isDraft && plan?.amendment ? plan.amendment.approvals : (plan?.approvals ?? []),
    builtOn: isDraft && plan?.amendment ? plan.amendment.openedOn : (plan?.builtOn ?? null),
    totals: planTotals(projects),
    marks: {keyArea: projects.filter((p) => p.marks.keyArea).map((p) => p.id), major: projects.filter((p) => p.marks.major).map((p) => p.id)},
    changesSinceApproval: shown ? changesOf(plan, shown.version).map(({version: _v, ...c}) => c) : [],
    amendment: plan?.amendment ?? null,
    notices: [],
  }
  return {view, projects}
}

export function planView(data: RegisterData, year: number, selector: PlanSelector = {}): PlanView {
  return resolvePlan(data, year, selector).view
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
  if (plan && plan.status !== 'draft') throw new Conflict(plan.status === 'approved' ? 'plan.buildApproved' : 'plan.notDraft', {year: o.year, status: plan.status})
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
    // a 续建 of an earlier year keeps its stage: the plan of this year only funds it
    if (continuesInto(p, o.year)) changes.push({projectId: p.id, action: 'plan-include', change: {year: o.year, continuing: true}})
    else if (p.status !== 'planned') {
      moveTo(p, 'plan-include', o.today, o.now)
      changes.push({projectId: p.id, action: 'plan-include', change: {year: o.year, status: {from: 'declared', to: 'planned'}}})
    }
  }
  for (const {project: p, reasons} of selection.excluded) {
    const continuing = continuesInto(p, o.year)
    if (p.status === 'planned' && !continuing) unplan(p, o.today, o.now)
    if (p.status === 'declared' || continuing) changes.push({projectId: p.id, action: 'plan-exclude', change: {year: o.year, reasons: reasons.map((r) => r.code)}})
  }
  for (const id of [...o.keyArea, ...o.major]) changes.push({projectId: id, action: 'plan-mark', change: index.require(id).marks})
  plan.officeExcluded = [...officeExcluded]
  plan.included = selection.included.map((p) => p.id)
  plan.excluded = selection.excluded.map(({project, reasons}) => ({id: project.id, reasons: reasons.map((r) => r.code)}))
  plan.builtOn = o.today
  changes.push({projectId: null, action: 'plan-build', change: {year: o.year, included: plan.included, excluded: plan.excluded}})
  const result = planView(data, o.year, {draft: true})
  // told, not journalled: a multi-year project still being built that nobody declared for the year gets no money in it
  result.notices = unrequestedContinuations(data.projects, o.year).map((p) => ({code: 'notice.noAnnualRequest', params: {id: p.id, name: p.name, unit: p.unit, year: o.year}}))
  return {result, changes}
}

function unplan(p: Project, date: string, now: string): void {
  moveTo(p, 'plan-exclude', date, now)
}

export interface AmendOptions {
  year: number
  add: string[]
  remove: string[]
  reason: string
  date: string
  now: string
}

/** `plan amend`: opens (or extends) the draft amendment of the approved plan. */
export function amendPlan(ctx: MutationContext, o: AmendOptions): MutationOutcome<PlanView> {
  const {data, index} = ctx
  const plan = findPlan(data.plans, o.year)
  if (!plan) throw new Conflict('plan.missing', {year: o.year})
  ensureVersions(plan, new Map(data.projects.map((p) => [p.id, p])))
  const latest = latestVersion(plan)
  if (plan.status !== 'approved' || !latest) throw new Conflict('plan.amendNeedsApproved', {year: o.year, status: plan.status})
  if (plan.amendment && plan.amendment.status !== 'draft') throw new Conflict('plan.amendmentAdopted', {year: o.year})
  if (o.add.length === 0 && o.remove.length === 0) throw new UsageError('plan.amendNothing')
  if (o.reason.trim() === '') throw new UsageError('usage.missingFlag', {flag: 'reason'})
  if (o.date < latest.approvedOn) throw new InvalidInput([{field: 'date', code: 'dates.beforeStep', params: {date: o.date, step: 'plan.step.versionApproved', stepDate: latest.approvedOn}}])
  const amendment: PlanAmendment = plan.amendment ?? {status: 'draft', reason: o.reason, openedOn: o.date, added: [], removed: [], approvals: [], excluded: []}
  if (plan.amendment && plan.amendment.reason !== o.reason) amendment.reason = `${plan.amendment.reason}；${o.reason}`
  const inVersion = new Set(latest.lines.map((l) => l.id))
  const changes: Change[] = []
  for (const id of o.add) {
    const p = index.require(id)
    if (inVersion.has(id) || amendment.added.includes(id)) throw new Conflict('plan.amendAlreadyIn', {id, year: o.year})
    const continuing = continuesInto(p, o.year)
    // a project left out of the approved plan (dropped) may come back by an amendment, once it is eligible
    if (!continuing && (p.planYear !== o.year || !canDo(p.status, 'plan-amend-add'))) throw new Conflict('plan.notCandidate', {id, year: o.year, status: p.status, planYear: p.planYear})
    p.flags = computeFlags(p, index.flagContext(p.planYear, p.unit))
    const reasons = exclusionReasons(p)
    if (reasons.length > 0) throw new Conflict('plan.amendNotEligible', {id, reasons: reasons.map((r) => r.code)})
    amendment.added.push(id)
    if (continuing) {
      changes.push({projectId: id, action: 'plan-amend-add', change: {year: o.year, continuing: true, reason: o.reason}})
      continue
    }
    const {from} = moveTo(p, 'plan-amend-add', o.date, o.now)
    changes.push({projectId: id, action: 'plan-amend-add', change: {year: o.year, status: {from, to: 'planned'}, reason: o.reason}})
  }
  for (const id of o.remove) {
    const p = index.require(id)
    if (amendment.added.includes(id)) {
      amendment.added = amendment.added.filter((a) => a !== id)
      // withdrawn since it was added: it leaves the amendment and stays withdrawn
      if (p.status === 'planned' && !continuesInto(p, o.year)) unplan(p, o.date, o.now)
      changes.push({projectId: id, action: 'plan-amend-unadd', change: {year: o.year, reason: o.reason}})
      continue
    }
    if (!inVersion.has(id)) throw new Conflict('plan.amendNotIn', {id, year: o.year, version: latest.version})
    if (!continuesInto(p, o.year) && !isRemovableFromPlan(p.status)) {
      throw new IllegalTransition(p.id, p.status, 'itplan plan amend --remove', nextSteps(p), {code: 'plan.removeTooLate', params: {id}})
    }
    if (!amendment.removed.includes(id)) amendment.removed.push(id)
    changes.push({projectId: id, action: 'plan-amend-remove', change: {year: o.year, reason: o.reason}})
  }
  plan.amendment = amendment
  changes.push({projectId: null, action: 'plan-amend', change: {year: o.year, added: amendment.added, removed: amendment.removed, reason: amendment.reason, date: o.date}})
  return {result: planView(data, o.year, {draft: true}), changes}
}

export interface ApproveOptions {
  year: number
  by: 'leading-group' | 'government'
  documentNo: string
  date: string
  now: string
  addWorkingDays: AddWorkingDays
}

function requireDateAfter(date: string, step: string, stepDate: string | undefined): void {
  if (stepDate && date < stepDate) throw new InvalidInput([{field: 'date', code: 'dates.beforeStep', params: {date, step, stepDate}}])
}

/**
 * Art. 17 at each approval: a project whose unit is held back (or that is no longer eligible for another reason)
 * is left out, and the approval says so.
 */
function leaveOutIneligible(ctx: MutationContext, ids: string[], o: {year: number; date: string; now: string; drop: boolean}): {kept: string[]; left: Array<{id: string; reasons: string[]}>; changes: Change[]} {
  const kept: string[] = []
  const left: Array<{id: string; reasons: string[]}> = []
  const changes: Change[] = []
  for (const id of ids) {
    const p = ctx.index.require(id)
    p.flags = computeFlags(p, ctx.index.flagContext(p.planYear, p.unit))
    const reasons = exclusionReasons(p).map((r) => r.code)
    const continuing = continuesInto(p, o.year)
    if (p.status !== 'planned' && !continuing) reasons.push('plan.excluded.notPlanned')
    if (reasons.length === 0) {
      kept.push(id)
      continue
    }
    left.push({id, reasons})
    const from = p.status
    if (p.status === 'planned' && !continuing) {
      if (o.drop) moveTo(p, 'plan-drop', o.date, o.now)
      else unplan(p, o.date, o.now)
    }
    changes.push({projectId: id, action: 'plan-left-out', change: {reasons, status: {from, to: p.status}}})
  }
  return {kept, left, changes}
}

/** The government's approval: stages open (a self-implemented project is cleared at once). */
function openReviews(ctx: MutationContext, p: Project, o: ApproveOptions): Change {
  // a 续建 of an earlier year was reviewed in its first year: approval funds it and changes nothing else
  if (continuesInto(p, o.year)) return {projectId: p.id, action: 'plan-approved', change: {continuing: true, documentNo: o.documentNo}}
  moveTo(p, 'plan-approve', o.date, o.now, statusOnApproval(p))
  if (p.status === 'reviewing') {
    p.stages = ensureStages(p, p.track, ctx.data.rules)
    advanceStages(p, ctx.data.rules, o.date, o.addWorkingDays)
  }
  return {projectId: p.id, action: 'plan-approved', change: {status: {from: 'planned', to: p.status}, documentNo: o.documentNo, openedStages: p.stages.filter((s) => s.status === 'open').map((s) => ({key: s.key, dueOn: s.dueOn}))}}
}

function freezeVersion(ctx: MutationContext, plan: Plan, ids: string[], o: ApproveOptions, approvals: PlanApproval[], amendment: PlanAmendment | null): PlanVersion {
  const lines = ids.map((id) => freezeLine(projectInYear(ctx.index.require(id), plan.year)))
  const version: PlanVersion = {
    version: versionsOf(plan).length + 1,
    approvals,
    approvedOn: o.date,
    reason: amendment?.reason ?? null,
    added: amendment?.added ?? [],
    removed: amendment?.removed ?? [],
    lines,
    totals: versionTotals(lines),
  }
  plan.versions = [...versionsOf(plan), version]
  plan.included = ids
  return version
}

export function approvePlan(ctx: MutationContext, o: ApproveOptions): MutationOutcome<PlanView> {
  const {data} = ctx
  const plan = findPlan(data.plans, o.year)
  if (!plan) throw new Conflict('plan.missing', {year: o.year})
  ensureVersions(plan, new Map(data.projects.map((p) => [p.id, p])))
  const outcome = plan.amendment ? approveAmendment(ctx, plan, plan.amendment, o) : approveFirst(ctx, plan, o)
  outcome.result.notices = noticesOf(outcome.changes)
  return outcome
}

function approveFirst(ctx: MutationContext, plan: Plan, o: ApproveOptions): MutationOutcome<PlanView> {
  const {data} = ctx
  if (plan.status === 'approved') throw new Conflict('plan.alreadyApproved', {year: o.year, version: latestVersion(plan)?.version ?? 1})
  if (o.by === 'leading-group' && plan.status !== 'draft') throw new Conflict('plan.alreadyAdopted', {year: o.year, status: plan.status})
  if (o.by === 'government' && plan.status !== 'adopted') throw new Conflict('plan.approveNeedsAdopted', {year: o.year, status: plan.status})
  if (o.by === 'government') requireDateAfter(o.date, 'plan.step.adopted', plan.approvals.find((a) => a.by === 'leading-group')?.date)
  const screened = leaveOutIneligible(ctx, plan.included, {year: o.year, date: o.date, now: o.now, drop: o.by === 'government'})
  if (screened.kept.length === 0) throw new UsageError('plan.empty', {year: o.year})
  plan.included = screened.kept
  plan.excluded = [...plan.excluded.filter((e) => !screened.left.some((l) => l.id === e.id)), ...screened.left]
  plan.approvals.push({by: o.by, documentNo: o.documentNo, date: o.date})
  const changes: Change[] = [...screened.changes, {projectId: null, action: 'plan-approve', change: {year: o.year, by: o.by, documentNo: o.documentNo, date: o.date, leftOut: screened.left}}]
  if (o.by === 'leading-group') {
    plan.status = 'adopted'
    return {result: planView(data, o.year, {draft: true}), changes}
  }
  plan.status = 'approved'
  for (const id of plan.included) changes.push(openReviews(ctx, ctx.index.require(id), o))
  const included = new Set(plan.included)
  for (const p of candidatesFor(data.projects, o.year)) {
    if (included.has(p.id)) continue
    const reasons = plan.excluded.find((e) => e.id === p.id)?.reasons ?? []
    if (continuesInto(p, o.year)) {
      // left out of this year's money, not ended: the project goes on with what it has
      changes.push({projectId: p.id, action: 'plan-dropped', change: {continuing: true, reasons}})
      continue
    }
    const {from} = moveTo(p, 'plan-drop', o.date, o.now)
    changes.push({projectId: p.id, action: 'plan-dropped', change: {status: {from, to: 'dropped'}, reasons}})
  }
  const version = freezeVersion(ctx, plan, plan.included, o, [...plan.approvals], null)
  changes.push({projectId: null, action: 'plan-version', change: {year: o.year, version: version.version, totals: version.totals}})
  return {result: planView(data, o.year), changes}
}

function approveAmendment(ctx: MutationContext, plan: Plan, a: PlanAmendment, o: ApproveOptions): MutationOutcome<PlanView> {
  const {data} = ctx
  const latest = latestVersion(plan)!
  if (o.by === 'leading-group' && a.status !== 'draft') throw new Conflict('plan.amendmentAlreadyAdopted', {year: o.year})
  if (o.by === 'government' && a.status !== 'adopted') throw new Conflict('plan.amendmentNeedsAdopted', {year: o.year})
  requireDateAfter(o.date, o.by === 'government' ? 'plan.step.amendmentAdopted' : 'plan.step.amendmentOpened', o.by === 'government' ? a.approvals.find((x) => x.by === 'leading-group')?.date : a.openedOn)
  const screened = leaveOutIneligible(ctx, a.added, {year: o.year, date: o.date, now: o.now, drop: o.by === 'government'})
  a.added = screened.kept
  a.excluded = [...a.excluded, ...screened.left]
  a.approvals.push({by: o.by, documentNo: o.documentNo, date: o.date})
  const changes: Change[] = [...screened.changes, {projectId: null, action: 'plan-approve', change: {year: o.year, by: o.by, documentNo: o.documentNo, date: o.date, amendment: true, leftOut: screened.left}}]
  if (a.added.length === 0 && a.removed.length === 0) throw new UsageError('plan.amendNothing')
  if (o.by === 'leading-group') {
    a.status = 'adopted'
    return {result: planView(data, o.year, {draft: true}), changes}
  }
  for (const id of a.added) changes.push(openReviews(ctx, ctx.index.require(id), o))
  for (const id of a.removed) {
    const p = ctx.index.require(id)
    const from = p.status
    if (continuesInto(p, o.year)) {
      // this year's money taken back; the project's own stage is its first year's business
      changes.push({projectId: id, action: 'plan-removed', change: {continuing: true, reason: a.reason}})
      continue
    }
    if (!isRemovableFromPlan(p.status)) {
      throw new IllegalTransition(p.id, p.status, 'itplan plan approve', nextSteps(p), {code: 'plan.removeTooLate', params: {id}})
    }
    const closed = closeOpenStages(p, o.date, 'plan.removed')
    if (canDo(p.status, 'plan-remove')) moveTo(p, 'plan-remove', o.date, o.now)
    p.updatedAt = o.now
    changes.push({projectId: id, action: 'plan-removed', change: {status: {from, to: p.status}, closedStages: closed, reason: a.reason}})
  }
  const removed = new Set(a.removed)
  const ids = [...latest.lines.map((l) => l.id).filter((id) => !removed.has(id)), ...a.added]
  const version = freezeVersion(ctx, plan, ids, o, [...a.approvals], a)
  plan.amendment = null
  changes.push({projectId: null, action: 'plan-version', change: {year: o.year, version: version.version, totals: version.totals, reason: version.reason}})
  return {result: planView(data, o.year), changes}
}

/** Journal reasons for changes since approval, read off the step that caused them (stored in Chinese, like routing reasons). */
function reasonOf(mine: readonly Change[]): string {
  for (const c of mine) {
    const change = (c.change ?? {}) as Record<string, unknown>
    if (typeof change.reason === 'string' && change.reason && c.action !== 'reroute') return change.reason
    const doc = change.documentNo ? t('planChange.doc', {doc: String(change.documentNo)}, 'zh') : ''
    if (c.action === 'review-record' && change.approvedAmount) return t('planChange.reason.fiscal', {doc}, 'zh')
    if (c.action === 'review-record' && change.result === 'failed') return t('planChange.reason.failed', {stage: word('stage', String(change.stage), 'zh'), doc}, 'zh')
    if (c.action === 'reroute') return t('planChange.reason.reroute', {version: String(change.rulesVersion ?? '')}, 'zh')
  }
  return t('planChange.reason.update', {}, 'zh')
}

/**
 * After every mutation: compares the approved plans' projects with what they now are and records each new
 * difference as a change since approval (DESIGN §11.1). Returns the journal entries of the changes recorded.
 */
export function recordPlanChanges(data: RegisterData, changes: readonly Change[], date: string): Change[] {
  const touched = new Set(changes.map((c) => c.projectId).filter((id): id is string => id !== null))
  if (touched.size === 0) return []
  const plans = data.plans.filter((p) => versionsOf(p).length > 0)
  if (plans.length === 0) return []
  const byId = new Map(data.projects.filter((p) => touched.has(p.id)).map((p) => [p.id, p]))
  const byProject = new Map<string, Change[]>()
  for (const c of changes) if (c.projectId !== null) byProject.set(c.projectId, [...(byProject.get(c.projectId) ?? []), c])
  const out: Change[] = []
  for (const plan of plans) {
    const found = detectPlanChanges(plan, byId, touched, {date, reason: (id) => reasonOf(byProject.get(id) ?? [])})
    if (found.length === 0) continue
    plan.changes = [...(plan.changes ?? []), ...found]
    for (const c of found) out.push({projectId: c.id, action: 'plan-change', change: {year: plan.year, ...c}})
  }
  return out
}

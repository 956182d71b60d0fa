// DESIGN §11.1–2: the city government's approval freezes a version of the annual plan. What happens to a project
// afterwards (a 审定金额, a budget cut, a refusal) is a change since approval, kept beside the approved figures and
// never folded into them; an amendment (年度计划调整) approved like the plan becomes the next version.
import {annualPlanOf} from './plan.js'
import type {Plan, PlanChange, PlanLine, PlanVersion, PlanVersionTotals, Project, ProjectStatus} from './types.js'

/** The figures a project is approved with (of its plan year, or of the later year `p` was projected to). */
export function freezeLine(p: Project): PlanLine {
  const line: PlanLine = {
    id: p.id,
    unit: p.unit,
    name: p.name,
    category: p.category,
    track: p.track,
    totalInvestmentFen: p.totalInvestmentFen,
    fiscalFundsFen: p.fiscalFundsFen,
    annualPlanFen: annualPlanOf(p),
    approvedAmountFen: p.approvedAmountFen,
    marks: {...p.marks},
    kind: p.kind,
    nature: p.nature,
    completedBeforeFen: p.completedBeforeFen,
  }
  if (p.reviewedBeforeRegister) line.reviewedBeforeRegister = true
  return line
}

export function versionTotals(lines: readonly PlanLine[]): PlanVersionTotals {
  const t: PlanVersionTotals = {count: 0, totalInvestmentFen: 0, fiscalFundsFen: 0, annualPlanFen: 0}
  for (const l of lines) {
    t.count += 1
    t.totalInvestmentFen += l.totalInvestmentFen
    t.fiscalFundsFen += l.fiscalFundsFen
    t.annualPlanFen += l.annualPlanFen
  }
  return t
}

export function versionsOf(plan: Plan | undefined): PlanVersion[] {
  return plan?.versions ?? []
}

export function latestVersion(plan: Plan | undefined): PlanVersion | undefined {
  const versions = versionsOf(plan)
  return versions[versions.length - 1]
}

/**
 * A project as the version shows it: the register's project with the approved figures laid over it, so that
 * every writer that reads projects shows what was approved, not what the project has become.
 */
export function asApproved(p: Project, line: PlanLine): Project {
  return {
    ...p,
    unit: line.unit,
    name: line.name,
    category: line.category,
    track: line.track,
    totalInvestmentFen: line.totalInvestmentFen,
    fiscalFundsFen: line.fiscalFundsFen,
    annualPlanFen: line.annualPlanFen,
    approvedAmountFen: line.approvedAmountFen,
    marks: {...line.marks},
    kind: line.kind ?? p.kind,
    nature: line.nature ?? p.nature,
    completedBeforeFen: line.completedBeforeFen === undefined ? p.completedBeforeFen : line.completedBeforeFen,
  }
}

/** The status a project takes at the government's approval: one reviewed before the register has no review left. */
export function statusOnApproval(p: Pick<Project, 'track' | 'reviewedBeforeRegister'>): ProjectStatus {
  return p.track === 'self' || p.reviewedBeforeRegister ? 'cleared' : 'reviewing'
}

/** Statuses that end a project's place in the plan: a change since approval worth listing. */
const ENDING_STATUSES: readonly ProjectStatus[] = ['refused', 'withdrawn', 'dropped']

/** `availableFen` (branch funds): the year's budget after 压减 and 收回 (Art. 15), approved as the 年度计划投资 */
type Tracked = Exclude<keyof PlanLine, 'id' | 'marks' | 'kind' | 'nature' | 'completedBeforeFen' | 'reviewedBeforeRegister'> | 'status' | 'availableFen'

/** The figures compared with the approved ones after every change. */
export const TRACKED_FIELDS: readonly Tracked[] = ['unit', 'name', 'category', 'track', 'totalInvestmentFen', 'fiscalFundsFen', 'annualPlanFen', 'approvedAmountFen', 'status', 'availableFen']

function approvedValue(line: PlanLine, field: Tracked): string | number | null {
  if (field === 'availableFen') return line.annualPlanFen
  return field === 'status' ? statusOnApproval(line) : line[field]
}

/** What the funding group cut or recovered from the project's budget of plan year `year`. */
function reducedBudget(p: Project, year: number): number {
  let fen = 0
  for (const r of p.funds ?? []) if (r.year === year && r.kind !== 'pay') fen += r.amountFen
  return fen
}

function currentValue(p: Project, line: PlanLine, field: Tracked, year: number): string | number | null {
  if (field === 'availableFen') return line.annualPlanFen - reducedBudget(p, year)
  if (field === 'status') return ENDING_STATUSES.includes(p.status) ? p.status : statusOnApproval(line)
  if (field === 'annualPlanFen') return annualPlanOf(p, year)
  return p[field]
}

/**
 * Compares the projects of the latest approved version with what they are now and returns the changes not yet
 * recorded (a value that moved again is a new change; one that moved back to the approved value is one too).
 */
export function detectChanges(plan: Plan, projects: ReadonlyMap<string, Project>, ids: Iterable<string>, when: {date: string; reason: (id: string) => string}): PlanChange[] {
  const version = latestVersion(plan)
  if (!version) return []
  const lines = new Map(version.lines.map((l) => [l.id, l]))
  // the value each (project, field) was last recorded at
  const last = new Map<string, string | number | null>()
  for (const c of plan.changes ?? []) if (c.version === version.version) last.set(`${c.id}\u0000${c.field}`, c.current)
  const found: PlanChange[] = []
  for (const id of new Set(ids)) {
    const line = lines.get(id)
    const p = projects.get(id)
    if (!line || !p) continue
    for (const field of TRACKED_FIELDS) {
      const key = `${id}\u0000${field}`
      const before = last.has(key) ? last.get(key)! : approvedValue(line, field)
      const now = currentValue(p, line, field, plan.year)
      if (now === before) continue
      found.push({id, field, approved: approvedValue(line, field), current: now, date: when.date, reason: when.reason(id), version: version.version})
      last.set(key, now)
    }
  }
  return found
}

/** The changes of one version, the newest value per project and field last. */
export function changesOf(plan: Plan | undefined, version: number): PlanChange[] {
  return (plan?.changes ?? []).filter((c) => c.version === version)
}

/** The project ids a draft amendment would make the next version. */
export function amendedIds(plan: Plan): string[] {
  const latest = latestVersion(plan)
  const a = plan.amendment
  const base = latest ? latest.lines.map((l) => l.id) : plan.included
  if (!a) return base
  const removed = new Set(a.removed)
  return [...base.filter((id) => !removed.has(id)), ...a.added.filter((id) => !base.includes(id))]
}


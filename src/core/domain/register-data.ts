// Operations on the whole register that every command shares: ids, lookups, and the context a project's flags
// are computed in. The indexes are built once per command so a change on 20,000 projects stays fast.
import {declarationDeadline} from './config.js'
import {UsageError} from './errors.js'
import {isUnitSuspended, isWeakEvaluation, lastEvaluationByUnit, matchKey, type FlagContext} from './project.js'
import type {Evaluation, Project, RegisterData, Rules, Settings} from './types.js'

export const SCHEMA_VERSION = 2

export function emptyRegister(rules: Rules, settings: Settings, now: string): RegisterData {
  return {
    schemaVersion: SCHEMA_VERSION,
    createdAt: now,
    rules,
    settings,
    counters: {},
    projects: [],
    plans: [],
    units: [],
    audit: {head: null, seq: 0, pending: []},
  }
}

/** YYYY-NNNN: the counter lives in the register and moves under the write lock, so concurrent writers never collide. */
export function nextProjectId(data: RegisterData, year: number): string {
  const key = String(year)
  const n = (Object.prototype.hasOwnProperty.call(data.counters, key) ? data.counters[key] : 0) + 1
  data.counters[key] = n
  return `${year}-${String(n).padStart(4, '0')}`
}

interface MatchingMaps {
  byDeclarationNo: Map<string, Project>
  byMatchKey: Map<string, Project>
}

function addMatching(maps: MatchingMaps, p: Project, key?: string): void {
  if (p.declarationNo) maps.byDeclarationNo.set(`${p.planYear}\u0000${p.declarationNo}`, p)
  if (p.status !== 'withdrawn') maps.byMatchKey.set(key ?? matchKey(p.planYear, p.unit, p.name), p)
}

export class RegisterIndex {
  private readonly byId = new Map<string, Project>()
  /** built on first use: most commands touch one project by id, and a match key costs a Traditional→Simplified pass */
  private matching: MatchingMaps | null = null
  private evaluations: Map<string, Evaluation & {projectId: string}> | null = null

  constructor(private readonly data: RegisterData) {
    for (const p of data.projects) this.byId.set(p.id, p)
  }

  /** `key`: the project's match key when the caller has it already (an import computes it once per row). */
  add(p: Project, key?: string): void {
    this.byId.set(p.id, p)
    if (this.matching) addMatching(this.matching, p, key)
  }

  reindex(p: Project, before: {declarationNo: string | null; unit: string; name: string; planYear: number}): void {
    if (this.matching) {
      if (before.declarationNo) this.matching.byDeclarationNo.delete(`${before.planYear}\u0000${before.declarationNo}`)
      this.matching.byMatchKey.delete(matchKey(before.planYear, before.unit, before.name))
    }
    this.add(p)
  }

  private matchingMaps(): MatchingMaps {
    if (!this.matching) {
      this.matching = {byDeclarationNo: new Map(), byMatchKey: new Map()}
      for (const p of this.byId.values()) addMatching(this.matching, p)
    }
    return this.matching
  }

  get(id: string): Project | undefined {
    return this.byId.get(id)
  }

  /** Throws a usage error (exit 2) naming the id when it is not in the register. */
  require(id: string): Project {
    const p = this.byId.get(id)
    if (!p) throw new UsageError('project.notFound', {id})
    return p
  }

  /** A re-imported row is the same project when its 申报编号 matches, else its (year, unit, name). */
  findMatch(planYear: number, declarationNo: string | null, unit: string, name: string, key?: string): Project | undefined {
    const {byDeclarationNo, byMatchKey} = this.matchingMaps()
    if (declarationNo) {
      const p = byDeclarationNo.get(`${planYear}\u0000${declarationNo}`)
      if (p) return p
    }
    return byMatchKey.get(key ?? matchKey(planYear, unit, name))
  }

  flagContext(planYear: number, unit: string): FlagContext {
    this.evaluations ??= lastEvaluationByUnit(this.data.projects)
    const last = this.evaluations.get(unit)
    return {
      deadline: declarationDeadline(planYear, this.data.settings),
      unitSuspended: isUnitSuspended(this.data.units, unit),
      weakPerformance: last !== undefined && isWeakEvaluation(last, this.data.rules),
    }
  }

  /** after an evaluation is recorded */
  forgetEvaluations(): void {
    this.evaluations = null
  }

  lastEvaluation(unit: string): (Evaluation & {projectId: string}) | undefined {
    this.evaluations ??= lastEvaluationByUnit(this.data.projects)
    return this.evaluations.get(unit)
  }
}

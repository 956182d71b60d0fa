// Operations on the whole register that every command shares: ids, lookups, and the context a project's flags
// are computed in. The indexes are built once per command so a change on 20,000 projects stays fast.
import {declarationDeadline} from './config.js'
import {UsageError} from './errors.js'
import {isUnitSuspended, isWeakEvaluation, lastEvaluationByUnit, matchKey, type FlagContext} from './project.js'
import {matchKeyOfName} from './normalise.js'
import {SystemIndex, sharesNoData, systemsOf} from './systems.js'
import type {Evaluation, Project, RegisterData, Rules, Settings} from './types.js'

export const SCHEMA_VERSION = 3

/**
 * A command that read only some years of the register (the store's scoped read, DESIGN §17) is told here each
 * unit's latest evaluation in the years it did not read, so a project's flags weigh the same history either way.
 */
const evaluationsElsewhere = new WeakMap<RegisterData, ReadonlyArray<Evaluation & {projectId: string; unit: string}>>()

export function setEvaluationsElsewhere(data: RegisterData, found: ReadonlyArray<Evaluation & {projectId: string; unit: string}>): void {
  evaluationsElsewhere.set(data, found)
}

/** Each unit's latest evaluation: the projects held, and the years a scoped read left on disk. */
function latestEvaluations(data: RegisterData): Map<string, Evaluation & {projectId: string}> {
  const held = lastEvaluationByUnit(data.projects)
  for (const {unit, ...e} of evaluationsElsewhere.get(data) ?? []) {
    const current = held.get(unit)
    // on the same date the later year wins, as it does when every year is read (projects are held year by year)
    if (!current || e.date > current.date || (e.date === current.date && e.projectId.slice(0, 4) > current.projectId.slice(0, 4))) held.set(unit, e)
  }
  return held
}

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

/** Every year's projects by 申报编号 and by (unit, normalised name): what a 续建 row is matched against. */
interface EarlierMaps {
  byDeclarationNo: Map<string, Project[]>
  byUnitName: Map<string, Project[]>
}

const unitNameKey = (unit: string, name: string) => `${unit}\u0000${matchKeyOfName(name)}`

function pushTo(map: Map<string, Project[]>, key: string, p: Project): void {
  const list = map.get(key)
  if (list) list.push(p)
  else map.set(key, [p])
}

/** The latest project of a year before `year`. */
function latestBefore(list: readonly Project[] | undefined, year: number): Project | undefined {
  let found: Project | undefined
  for (const p of list ?? []) if (p.planYear < year && (!found || p.planYear > found.planYear)) found = p
  return found
}

/** A register id: the plan year and a four-digit number. */
const REGISTER_ID = /^(\d{4})-\d{4,}$/

export class RegisterIndex {
  private readonly byId = new Map<string, Project>()
  private earlier: EarlierMaps | null = null
  private systems: SystemIndex | null = null
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
    if (this.earlier) this.addEarlier(p)
  }

  private addEarlier(p: Project): void {
    if (p.declarationNo) pushTo(this.earlier!.byDeclarationNo, p.declarationNo, p)
    pushTo(this.earlier!.byUnitName, unitNameKey(p.unit, p.name), p)
  }

  /** built on first use, like the matching maps: only a 续建 row needs them */
  private earlierMaps(): EarlierMaps {
    if (!this.earlier) {
      this.earlier = {byDeclarationNo: new Map(), byUnitName: new Map()}
      for (const p of this.byId.values()) this.addEarlier(p)
    }
    return this.earlier
  }

  /**
   * The project of an earlier year that a 续建 declaration of `year` continues (DESIGN §12): the number it gives is
   * the register's id, else a 申报编号; else the same unit and normalised name. `unknownId`: the number is an id of
   * a year the register holds, yet no project has it (a mistyped id, not somebody else's numbering).
   */
  findContinued(year: number, number: string | null, unit: string, name: string): {project?: Project; unknownId?: string} {
    if (number) {
      const byId = this.byId.get(number)
      if (byId && byId.planYear < year) return {project: byId}
      const byNo = latestBefore(this.earlierMaps().byDeclarationNo.get(number), year)
      if (byNo) return {project: byNo}
      const idYear = REGISTER_ID.exec(number)?.[1]
      if (idYear && Number(idYear) < year && Object.prototype.hasOwnProperty.call(this.data.counters, idYear)) return {unknownId: number}
    }
    const byName = latestBefore(this.earlierMaps().byUnitName.get(unitNameKey(unit, name)), year)
    return byName ? {project: byName} : {}
  }

  reindex(p: Project, before: {declarationNo: string | null; unit: string; name: string; planYear: number}): void {
    if (this.matching) {
      if (before.declarationNo) this.matching.byDeclarationNo.delete(`${before.planYear}\u0000${before.declarationNo}`)
      this.matching.byMatchKey.delete(matchKey(before.planYear, before.unit, before.name))
    }
    // rebuilt when next needed: a renamed project is rare, and its lists are keyed by its old name
    this.earlier = null
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
    this.evaluations ??= latestEvaluations(this.data)
    const last = this.evaluations.get(unit)
    return {
      deadline: declarationDeadline(planYear, this.data.settings),
      unitSuspended: isUnitSuspended(this.data.units, unit),
      weakPerformance: last !== undefined && isWeakEvaluation(last, this.data.rules),
      sharesNoData: (systemId) => sharesNoData(this.inventory().get(systemId)),
    }
  }

  /** the systems inventory's lookups, built on first use */
  inventory(): SystemIndex {
    this.systems ??= new SystemIndex(systemsOf(this.data))
    return this.systems
  }

  /** after the inventory changed */
  forgetSystems(): void {
    this.systems = null
  }

  /** after an evaluation is recorded */
  forgetEvaluations(): void {
    this.evaluations = null
  }

  lastEvaluation(unit: string): (Evaluation & {projectId: string}) | undefined {
    this.evaluations ??= latestEvaluations(this.data)
    return this.evaluations.get(unit)
  }
}

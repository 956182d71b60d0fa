// Duplicate-construction screening (DESIGN §14, Art. 4, 12): `screen --year` compares a year's declarations with each
// other and with the systems inventory, keeps the pairs it found and flags both sides; `screen --clear` records the
// planning group's decision that a pair is not a duplicate; `plan build` lists the flagged projects for the group.
import {systemsOf} from '../domain/systems.js'
import {pairKey, screen, type ScreenedPair, type ScreeningCandidate} from '../domain/screening.js'
import {Conflict, UsageError} from '../domain/errors.js'
import {screeningSettingsFor} from '../screening-settings.js'
import {regionOf} from '../domain/region.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import {PROJECT_FLAGS, type Change, type Project, type ProjectFlag, type ProjectStatus, type RegisterData, type Screening, type ScreeningClearance} from '../domain/types.js'

const FLAG: ProjectFlag = 'possible-duplicate'
/** a declaration that will not be built is not screened (a filed project of the year still is) */
const NOT_SCREENED: readonly ProjectStatus[] = ['withdrawn', 'refused', 'dropped']

/** A system of the inventory as screening reads it (the `system` commands of issue 17 keep them). */
/**
 * What `screen --year` compares: the year's declarations (name and 主要建设内容) and every system of the inventory
 * (its name and 主要功能, when the inventory gives them). An operations project is never paired with the system it maintains,
 * nor a system with the project that built it.
 */
export function screenCandidates(data: RegisterData, year: number): ScreeningCandidate[] {
  const projects: ScreeningCandidate[] = data.projects
    .filter((p) => p.planYear === year && !NOT_SCREENED.includes(p.status))
    .map((p) => ({ref: p.id, source: 'project', unit: p.unit, name: p.name, content: p.summary, ...(p.systemId ? {related: [p.systemId]} : {})}))
  const systems: ScreeningCandidate[] = systemsOf(data).map((s) => ({ref: s.id, source: 'system', unit: s.unit, name: s.name, content: s.description ?? '', ...(s.sourceProjectId ? {related: [s.sourceProjectId]} : {})}))
  return [...projects, ...systems]
}

/** One side of a listed pair, with what the clerk needs to recognise it. */
export interface ScreenSide {
  id: string
  source: 'project' | 'system'
  unit: string
  name: string
}

export interface ScreenRun {
  year: number
  threshold: number
  pairs: Array<ScreenedPair & {sides: [ScreenSide, ScreenSide]}>
  /** projects flagged by this run / whose flag this run removed */
  flagged: string[]
  unflagged: string[]
}

function screeningOf(data: RegisterData): Screening {
  return (data.screening ??= {pairs: [], thresholds: {}, clearances: []})
}

/** The threshold a clerk typed: a number from 0 to 1 (full-width digits and a percent sign accepted). */
export function parseThreshold(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const text = raw.trim().replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  const percent = text.endsWith('%')
  const value = /^\d+(\.\d+)?%?$/.test(text) ? Number(text.replace('%', '')) / (percent ? 100 : 1) : Number.NaN
  if (!(value >= 0 && value <= 1)) throw new UsageError('screen.thresholdRange', {value: raw})
  return value
}

/**
 * Screens year `year`: the pairs at or above the threshold (the default from data/screening.json) except those the
 * group cleared, stored as the year's latest screen; the flag set on every project of a pair and removed from the
 * year's projects in none. A run that finds what the last one found writes nothing.
 */
export function runScreen(ctx: MutationContext, o: {year: number; threshold?: number; now: string}): MutationOutcome<ScreenRun> {
  const {data} = ctx
  const settings = screeningSettingsFor(regionOf(data.settings))
  const threshold = o.threshold ?? settings.threshold
  const candidates = screenCandidates(data, o.year)
  const cleared = new Set((data.screening?.clearances ?? []).map((c) => pairKey(c.a, c.b)))
  const found = screen(candidates, settings, {threshold, cleared})
  const sides = new Map(candidates.map((c) => [c.ref, {id: c.ref, source: c.source, unit: c.unit, name: c.name}]))
  const partners = new Map<string, string[]>()
  for (const p of found) for (const [x, y] of [[p.a, p.b], [p.b, p.a]]) if (sides.get(x)?.source === 'project') partners.set(x, [...(partners.get(x) ?? []), y])

  const before = data.screening
  const stored = found.map((p) => ({year: o.year, a: p.a, b: p.b, score: p.score, shared: p.shared}))
  const sameAsBefore = before !== undefined && before.thresholds[String(o.year)] === threshold && JSON.stringify(before.pairs.filter((p) => p.year === o.year)) === JSON.stringify(stored)
  const changes: Change[] = []
  const flagged: string[] = []
  const unflagged: string[] = []
  for (const c of candidates) {
    if (c.source !== 'project') continue
    const project = ctx.index.require(c.ref)
    const others = partners.get(c.ref)
    const has = project.flags.includes(FLAG)
    if (others && !has) flagged.push(c.ref)
    else if (!others && has) unflagged.push(c.ref)
    else continue
    const from = project.flags
    setFlag(project, Boolean(others), o.now)
    changes.push({projectId: project.id, action: 'flags', change: {from, to: project.flags, ...(others ? {possibleDuplicateOf: others} : {})}})
  }
  if (!sameAsBefore || changes.length > 0) {
    const screening = screeningOf(data)
    screening.pairs = [...screening.pairs.filter((p) => p.year !== o.year), ...stored]
    screening.thresholds[String(o.year)] = threshold
    changes.unshift({projectId: null, action: 'screen', change: {year: o.year, threshold, pairs: found.length, flagged, unflagged}})
  }
  const pairs = found.map((p) => ({...p, sides: [sides.get(p.a)!, sides.get(p.b)!] as [ScreenSide, ScreenSide]}))
  return {result: {year: o.year, threshold, pairs, flagged, unflagged}, changes}
}

function setFlag(project: Project, on: boolean, now: string): void {
  project.flags = PROJECT_FLAGS.filter((f) => (f === FLAG ? on : project.flags.includes(f)))
  project.updatedAt = now
}

export interface ScreenClear {
  cleared: ScreeningClearance
  /** projects whose flag went with this pair / that keep it for another pair */
  unflagged: string[]
  stillFlagged: string[]
}

/**
 * `screen --clear A --with B --reason`: the planning group's decision that A and B are not a duplicate. The pair is
 * never listed again; a project keeps its flag only while another pair of its latest screen remains.
 */
export function clearPair(ctx: MutationContext, o: {a: string; b: string; reason: string; date: string; now: string}): MutationOutcome<ScreenClear> {
  const {data} = ctx
  const a = sideOf(data, ctx, o.a)
  const b = sideOf(data, ctx, o.b)
  if (o.a === o.b) throw new UsageError('screen.clearSelf', {id: o.a})
  if (!a && !b) throw new UsageError('screen.clearTwoSystems', {a: o.a, b: o.b})
  const key = pairKey(o.a, o.b)
  const earlier = data.screening?.clearances.find((c) => pairKey(c.a, c.b) === key)
  if (earlier) throw new Conflict('screen.alreadyCleared', {a: o.a, b: o.b, date: earlier.date, reason: earlier.reason})
  const screening = screeningOf(data)
  const cleared: ScreeningClearance = {a: o.a, b: o.b, reason: o.reason, date: o.date}
  screening.clearances.push(cleared)
  screening.pairs = screening.pairs.filter((p) => pairKey(p.a, p.b) !== key)
  const changes: Change[] = []
  const unflagged: string[] = []
  const stillFlagged: string[] = []
  for (const [project, other] of [
    [a, o.b],
    [b, o.a],
  ] as const) {
    if (!project) continue
    changes.push({projectId: project.id, action: 'screen-clear', change: {with: other, reason: o.reason, date: o.date}})
    if (!project.flags.includes(FLAG)) continue
    if (screening.pairs.some((p) => p.a === project.id || p.b === project.id)) {
      stillFlagged.push(project.id)
      continue
    }
    const from = project.flags
    setFlag(project, false, o.now)
    unflagged.push(project.id)
    changes.push({projectId: project.id, action: 'flags', change: {from, to: project.flags}})
  }
  return {result: {cleared, unflagged, stillFlagged}, changes}
}

/** The project `ref` names, null for a system of the inventory; neither is a usage error naming it. */
function sideOf(data: RegisterData, ctx: MutationContext, ref: string): Project | null {
  const project = ctx.index.get(ref)
  if (project) return project
  if (systemsOf(data).some((s) => s.id === ref)) return null
  throw new UsageError('screen.unknownRef', {id: ref})
}

/** What `plan build` tells the planning group: the year's flagged candidates and what each may duplicate. */
export interface PossibleDuplicate {
  id: string
  name: string
  unit: string
  /** project or system ids of the year's latest screen */
  with: string[]
}

export function possibleDuplicates(data: RegisterData, year: number, ids: readonly string[]): PossibleDuplicate[] {
  const pairs = (data.screening?.pairs ?? []).filter((p) => p.year === year)
  const byId = new Map(data.projects.map((p) => [p.id, p]))
  const out: PossibleDuplicate[] = []
  for (const id of ids) {
    const p = byId.get(id)
    if (!p || !p.flags.includes(FLAG)) continue
    const others = pairs.flatMap((x) => (x.a === id ? [x.b] : x.b === id ? [x.a] : []))
    out.push({id, name: p.name, unit: p.unit, with: others})
  }
  return out
}

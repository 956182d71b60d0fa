// Reading and writing the register's files (year-files.ts): the head and the year files a command needs, checked
// against the head's checksums, assembled into the one RegisterData every operation works on; and back.
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import {RegisterUnreadable, StorageFailure, UsageError} from '../domain/errors.js'
import {SCHEMA_VERSION, setEvaluationsElsewhere} from '../domain/register-data.js'
import type {Evaluation, Plan, Project, RegisterData} from '../domain/types.js'
import {firstSchemaProblem} from './schema.js'
import {migrate} from './migrations.js'
import {newestBackup} from './backups.js'
import {asStorageFailure} from '../output.js'
import {writeDurably} from '../atomic-file.js'
import {
  blockOf,
  blocksOf,
  continuesOf,
  isYearProblem,
  layoutPart,
  layoutYear,
  PLAN_PART,
  readYear,
  sortedParts,
  splitByYear,
  writePartFiles,
  YEAR_FILE,
  yearKeyOfId,
  yearsDir,
  type PartEntry,
  type PartsLayout,
  type StoredHead,
  type YearContent,
  type YearEntries,
} from './year-files.js'

/**
 * The projects a command touches (by id): only the parts holding them are read, and the plans of their years and of
 * the years whose plans name them. `wholeYears`: their years' every project too (a change that checks the year's
 * other declarations, such as a rename's duplicate check). Absent: the whole register.
 */
export interface LoadScope {
  projectIds: readonly string[]
  wholeYears?: boolean
}

/** What was read: the head as stored (null for a single-file register of an earlier version) and which parts. */
export interface LoadedState {
  head: StoredHead | null
  /** 'all', or the parts read, year by year (a scoped read) */
  years: 'all' | ReadonlyMap<string, ReadonlySet<string>>
  /** the schema version the file carried (a single file of version 2 is moved to the year layout by its next change) */
  storedVersion: number
}

/** A register must be a regular file: a FIFO would hang the read (while holding the lock), a device would be "written" into nothing. */
export function assertRegularFile(file: string): void {
  const stat = fsSync.statSync(file, {throwIfNoEntry: false})
  if (!stat || stat.isFile()) return
  if (stat.isDirectory()) throw new RegisterUnreadable('register.corrupt', {path: file, detail: 'EISDIR', backup: null})
  const kind = stat.isFIFO() ? 'fifo' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'device' : stat.isSocket() ? 'socket' : 'special'
  throw new UsageError(`register.${kind}`, {path: file})
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x)

function yearEntriesProblem(years: unknown): string | null {
  if (!isObject(years)) return 'years: expected an object'
  for (const [key, e] of Object.entries(years)) {
    if (!isObject(e) || !isObject(e.parts) || !Array.isArray(e.continues)) return `years.${key}: invalid`
    for (const [part, f] of Object.entries(e.parts)) {
      if (!isObject(f) || typeof f.file !== 'string' || !YEAR_FILE.test(f.file) || typeof f.sha256 !== 'string' || typeof f.bytes !== 'number' || (f.evaluations !== undefined && !isObject(f.evaluations))) {
        return `years.${key}.parts.${part}: invalid`
      }
    }
  }
  return null
}

/**
 * The parts a scoped command reads: its projects' blocks (or whole years) with their years' plans, and the plans of
 * the years that name them (续建 lines).
 */
function partsFor(scope: LoadScope, years: YearEntries): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>()
  const add = (year: string, part: string) => {
    if (!years[year]?.parts[part]) return
    let set = wanted.get(year)
    if (!set) wanted.set(year, (set = new Set()))
    set.add(part)
  }
  const ids = new Set(scope.projectIds)
  for (const id of ids) {
    const year = yearKeyOfId(id)
    if (!years[year]) continue
    if (scope.wholeYears) for (const part of Object.keys(years[year].parts)) add(year, part)
    else add(year, blockOf(id))
    add(year, PLAN_PART)
  }
  for (const [year, e] of Object.entries(years)) if (e.continues.some((id) => ids.has(id))) add(year, PLAN_PART)
  return wanted
}

const byYear = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Reads the register at `file` (its year files from `dir`, the register's own unless a backup's head is read).
 * Null when there is no file. Every failure is typed: exit 6 for a register this program cannot trust.
 */
export async function readStored(file: string, scope?: LoadScope, dir = yearsDir(file)): Promise<{data: RegisterData; state: LoadedState} | null> {
  assertRegularFile(file)
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new RegisterUnreadable('register.corrupt', {path: file, detail: 'EISDIR', backup: null})
    throw asStorageFailure(error, file)
  }
  const backup = async () => (await newestBackup(file))?.file ?? null
  let parsed: unknown
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    throw new RegisterUnreadable('register.corrupt', {path: file, detail: (error as Error).message, backup: await backup()})
  }
  const version = (parsed as {schemaVersion?: unknown})?.schemaVersion
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new RegisterUnreadable('register.newer', {path: file, version, supported: SCHEMA_VERSION, backup: await backup()})
  }
  const storedVersion = typeof version === 'number' ? version : 0
  let assembled: unknown = parsed
  let state: LoadedState = {head: null, years: 'all', storedVersion}
  // A head names its years; a file holding its projects itself is a register of an earlier version.
  if (isObject(parsed) && !Array.isArray(parsed.projects) && 'years' in parsed) {
    const problem = yearEntriesProblem(parsed.years)
    if (problem) throw new RegisterUnreadable('register.invalid', {path: file, detail: problem, backup: await backup()})
    const head = parsed as unknown as StoredHead
    const parts = scope ? partsFor(scope, head.years) : null
    const sorted = (parts ? [...parts.keys()] : Object.keys(head.years)).sort(byYear)
    const contents = await Promise.all(sorted.map((key) => readYear(dir, key, head.years[key], parts?.get(key))))
    const projects: Project[] = []
    const plans: Plan[] = []
    for (let i = 0; i < sorted.length; i++) {
      const c = contents[i]
      if (isYearProblem(c)) {
        const code = c.code === 'missing' ? 'register.yearMissing' : c.code === 'hash' ? 'register.yearHash' : 'register.yearJson'
        throw new RegisterUnreadable(code, {path: file, year: sorted[i], file: c.file, detail: c.detail, backup: await backup()})
      }
      for (const p of c.projects) projects.push(p)
      for (const p of c.plans) plans.push(p)
    }
    const {years: _years, ...rest} = head
    assembled = {...rest, projects, plans: plans.sort((a, b) => a.year - b.year)}
    state = {head, years: parts ?? 'all', storedVersion}
    if (parts) setEvaluationsElsewhere(assembled as RegisterData, evaluationsOutside(head.years, parts))
  }
  const migrated = migrate(assembled)
  const problem = firstSchemaProblem(migrated)
  if (problem) throw new RegisterUnreadable('register.invalid', {path: file, detail: problem, backup: await backup()})
  return {data: migrated as RegisterData, state}
}

/** The units' latest evaluations in the parts a scoped command did not read, from the head's summaries. */
function evaluationsOutside(years: YearEntries, read: ReadonlyMap<string, ReadonlySet<string>>): Array<Evaluation & {projectId: string; unit: string}> {
  const found: Array<Evaluation & {projectId: string; unit: string}> = []
  for (const key of Object.keys(years).sort(byYear)) {
    for (const [part, entry] of Object.entries(years[key].parts)) {
      if (read.get(key)?.has(part)) continue
      for (const [unit, e] of Object.entries(entry.evaluations ?? {})) found.push({...e, unit})
    }
  }
  return found
}

/** What a commit writes: the files whose content changed (under their new names), and the head naming them all. */
export interface StoredWrite {
  head: StoredHead
  writes: Array<{entry: PartEntry; text: Buffer}>
}

/**
 * Lays `data` out as the register's files. A scoped command lays out only the parts it read; finding a project or
 * a plan of a part it did not read is a bug, refused before anything is written.
 */
export function layOut(data: RegisterData, state: LoadedState): StoredWrite {
  const split = splitByYear(data)
  const previous = state.head?.years ?? {}
  const writes: StoredWrite['writes'] = []
  const years: YearEntries = {}
  if (state.years === 'all') {
    for (const [key, content] of split) {
      if (content.projects.length === 0 && content.plans.length === 0) continue
      const {entry, texts} = layoutYear(content)
      years[key] = entry
      for (const [part, e] of Object.entries(entry.parts)) if (previous[key]?.parts[part]?.sha256 !== e.sha256) writes.push({entry: e, text: texts[part]})
    }
  } else {
    Object.assign(years, previous)
    const read = state.years
    for (const key of new Set([...read.keys(), ...split.keys()])) {
      const content: YearContent = split.get(key) ?? {year: key, projects: [], plans: []}
      const readParts = read.get(key) ?? new Set<string>()
      const blocks = blocksOf(content.projects)
      const held = previous[key]?.parts ?? {}
      for (const part of [...blocks.keys(), ...(content.plans.length > 0 ? [PLAN_PART] : [])]) {
        if (!readParts.has(part) && held[part]) throw new StorageFailure('register.scopeViolation', {year: key})
      }
      const into: PartsLayout = {parts: {...held}, texts: {}}
      for (const part of new Set([...readParts, ...blocks.keys(), ...(content.plans.length > 0 ? [PLAN_PART] : [])])) {
        const projects = part === PLAN_PART ? [] : (blocks.get(part) ?? [])
        const plans = part === PLAN_PART ? content.plans : []
        if (projects.length === 0 && plans.length === 0) delete into.parts[part]
        else layoutPart(into, key, part, projects, plans)
      }
      for (const [part, e] of Object.entries(into.parts)) if (held[part]?.sha256 !== e.sha256) writes.push({entry: e, text: into.texts[part]})
      if (Object.keys(into.parts).length === 0) delete years[key]
      else years[key] = {parts: sortedParts(into.parts), continues: readParts.has(PLAN_PART) || content.plans.length > 0 ? continuesOf(key, content.plans) : (previous[key]?.continues ?? [])}
    }
  }
  const {projects: _projects, plans: _plans, ...rest} = data
  const head: StoredHead = {...rest, schemaVersion: SCHEMA_VERSION, years: Object.fromEntries(Object.entries(years).sort(([x], [y]) => byYear(x, y)))}
  return {head, writes}
}

/** Writes `data` as the register at `file`: the files that changed, then the head (the commit). Returns the head. */
export async function writeStored(file: string, data: RegisterData, state: LoadedState, beforeRename: () => Promise<void> = async () => undefined, laidOut?: StoredWrite): Promise<StoredHead> {
  const {head, writes} = laidOut ?? layOut(data, state)
  try {
    await writePartFiles(file, writes)
    await writeDurably(file, (handle) => handle.writeFile(JSON.stringify(head)), {beforeRename})
    return head
  } catch (error) {
    if ((error as {exitCode?: number}).exitCode !== undefined) throw error
    throw asStorageFailure(error, file)
  }
}

// The register on disk (DESIGN §17): a small head file (`register.json`: rules, settings, counters, units, the
// inventory, the audit head, and one entry per year) and one file per year in `register.json.years/` holding that
// year's projects (by the year of their id) and that year's plan. A year file is named by its content's sha256 and
// never rewritten: a commit writes the years it changed under new names, then renames the head in, which is the one
// moment the change happens for every file at once. A head in the backups names the year files it was taken with;
// those are kept while any backup names them, so a backup costs a head, not a copy of the history.
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type {Evaluation, Plan, Project, RegisterData} from '../domain/types.js'
import {lastEvaluationByUnit} from '../domain/project.js'
import {fsyncDir, writeDurably} from '../atomic-file.js'
import {yearsDir} from './paths.js'

export {yearsDir} from './paths.js'

/** One file of a year: its plan, or a block of its projects. */
export interface PartEntry {
  file: string
  sha256: string
  bytes: number
  /** projects (a block) or plans (the plan part) it holds */
  count: number
  /**
   * a block's units' latest evaluations: a project's flags weigh the unit's last one (Art. 17), and a command that
   * reads one block learns the others' from the head
   */
  evaluations?: Record<string, Evaluation & {projectId: string}>
}

/** What the head says of one year: its files, and what a command touching another year needs to know of it. */
export interface YearEntry {
  /** `plan`, and `p<N>` for the N-th block of PROJECTS_PER_FILE project numbers */
  parts: Record<string, PartEntry>
  /** projects of other years that this year's plan names (续建 lines): a command on one of them reads this plan too */
  continues: string[]
}

export type YearEntries = Record<string, YearEntry>

/** The head as stored: the register without its projects and plans, and the years that hold them. */
export type StoredHead = Omit<RegisterData, 'projects' | 'plans'> & {years: YearEntries}

/** A year's content. */
export interface YearContent {
  year: string
  projects: Project[]
  plans: Plan[]
}

/**
 * Projects per file: a change rewrites (and its backup keeps) one block of a year, not the year. 200 keeps a
 * backup of one change well under a tenth of a 5,000-project year, and a year's read to a few dozen files.
 */
export const PROJECTS_PER_FILE = 200

/** Projects live in the year of their id (it never changes: `project update` refuses a new plan year). */
export function yearKeyOfId(id: string): string {
  return /^(\d{4})-/.exec(id)?.[1] ?? 'other'
}

/** Every project id a plan names, in any of its parts. */
export function planProjectIds(plan: Plan): Set<string> {
  const ids = new Set<string>([...plan.included, ...plan.officeExcluded, ...plan.excluded.map((e) => e.id)])
  for (const v of plan.versions ?? []) {
    for (const id of [...v.added, ...v.removed]) ids.add(id)
    for (const l of v.lines) ids.add(l.id)
  }
  const a = plan.amendment
  if (a) for (const id of [...a.added, ...a.removed, ...a.excluded.map((e) => e.id)]) ids.add(id)
  for (const c of plan.changes ?? []) ids.add(c.id)
  return ids
}

/** The projects and plans of `data`, year by year. */
export function splitByYear(data: Pick<RegisterData, 'projects' | 'plans'>): Map<string, YearContent> {
  const years = new Map<string, YearContent>()
  const of = (year: string) => {
    let y = years.get(year)
    if (!y) years.set(year, (y = {year, projects: [], plans: []}))
    return y
  }
  for (const p of data.projects) of(yearKeyOfId(p.id)).projects.push(p)
  for (const plan of data.plans) of(String(plan.year)).plans.push(plan)
  return years
}

/**
 * A part's bytes: one JSON.stringify per part (a block is 200 projects: one native call is much faster than one per
 * project), turned into UTF-8 once — the hash, the size and the write all use the same buffer.
 */
function partBytes(year: string, part: string, projects: readonly Project[], plans: readonly Plan[]): Buffer {
  return Buffer.from(`{"year":${JSON.stringify(year)},"part":${JSON.stringify(part)},"plans":${JSON.stringify(plans)},"projects":${JSON.stringify(projects)}}`)
}

/** The part a project is held in: `p<N>`, the N-th block of PROJECTS_PER_FILE numbers of its year. */
export function blockOf(id: string): string {
  const n = Number(/^\d{4}-(\d+)$/.exec(id)?.[1] ?? 1)
  return `p${Math.floor(Math.max(0, n - 1) / PROJECTS_PER_FILE)}`
}

export const PLAN_PART = 'plan'

/** Parts laid out: each with its bytes (to write) and what the head records of it. */
export interface PartsLayout {
  parts: Record<string, PartEntry>
  texts: Record<string, Buffer>
}

/** The projects of a year by the part that holds them. */
export function blocksOf(projects: readonly Project[]): Map<string, Project[]> {
  const blocks = new Map<string, Project[]>()
  for (const p of projects) {
    const key = blockOf(p.id)
    const list = blocks.get(key)
    if (list) list.push(p)
    else blocks.set(key, [p])
  }
  return blocks
}

/** Lays out one part of `year`: a block of projects, or the plan part. */
export function layoutPart(into: PartsLayout, year: string, part: string, projects: readonly Project[], plans: readonly Plan[]): void {
  const text = partBytes(year, part, projects, plans)
  const sha256 = createHash('sha256').update(text).digest('hex')
  into.texts[part] = text
  const entry: PartEntry = {file: `${year}.${part}.${sha256.slice(0, 16)}.json`, sha256, bytes: text.length, count: projects.length + plans.length}
  // laid out before the schema check when a test or a restore writes it: a malformed project must not crash it
  if (part !== PLAN_PART) entry.evaluations = Object.fromEntries(lastEvaluationByUnit(projects.filter((p) => Array.isArray(p.evaluations))))
  into.parts[part] = entry
}

/** The projects of other years a year's plans name. */
export function continuesOf(year: string, plans: readonly Plan[]): string[] {
  const continues = new Set<string>()
  for (const plan of plans) for (const id of planProjectIds(plan)) if (yearKeyOfId(id) !== year) continues.add(id)
  return [...continues].sort()
}

const byBlock = (a: string, b: string) => Number(a.slice(1)) - Number(b.slice(1))

/** A whole year laid out: its plan part and every block. */
export function layoutYear(content: YearContent): {entry: YearEntry; texts: Record<string, Buffer>} {
  const into: PartsLayout = {parts: {}, texts: {}}
  if (content.plans.length > 0) layoutPart(into, content.year, PLAN_PART, [], content.plans)
  const blocks = blocksOf(content.projects)
  for (const key of [...blocks.keys()].sort(byBlock)) layoutPart(into, content.year, key, blocks.get(key)!, [])
  return {entry: {parts: into.parts, continues: continuesOf(content.year, content.plans)}, texts: into.texts}
}

/** A year's parts in the order they are read and written: the plan, then the blocks by number. */
export function sortedParts(parts: Record<string, PartEntry>): Record<string, PartEntry> {
  const keys = Object.keys(parts).sort((a, b) => (a === PLAN_PART ? -1 : b === PLAN_PART ? 1 : byBlock(a, b)))
  return Object.fromEntries(keys.map((k) => [k, parts[k]]))
}

/** Writes a part durably unless a file of that name (so of that content) is there already. */
async function writePartFile(registerPath: string, entry: PartEntry, text: Buffer): Promise<void> {
  const file = path.join(yearsDir(registerPath), entry.file)
  const there = await fs.stat(file).catch(() => null)
  if (there?.isFile() && there.size === entry.bytes) return
  await writeDurably(
    file,
    (handle) => handle.writeFile(text),
    {folderSyncedByCaller: true},
  )
}

/** Files written at once: an import of a whole year writes hundreds, and their fsyncs overlap. */
const WRITE_CONCURRENCY = 8

/**
 * Writes the parts durably (each synced before its rename, the folder synced once after all of them): the head
 * renamed in afterwards never names a file that is not on disk.
 */
export async function writePartFiles(registerPath: string, parts: ReadonlyArray<{entry: PartEntry; text: Buffer}>): Promise<void> {
  if (parts.length === 0) return
  let next = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < parts.length) {
      const part = parts[next++]
      try {
        await writePartFile(registerPath, part.entry, part.text)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  // every writer stops before the error goes up: none may still be writing once the lock is released
  const settled = await Promise.allSettled(Array.from({length: Math.min(WRITE_CONCURRENCY, parts.length)}, worker))
  const refused = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (refused) throw refused.reason
  await fsyncDir(yearsDir(registerPath))
}

export type YearReadProblem = {code: 'missing' | 'hash' | 'json'; file: string; detail: string}

/** Reads a part and checks it is the one the head names (its sha256): a damaged or replaced file is refused. */
async function readPart(dir: string, year: string, part: string, entry: PartEntry): Promise<{projects: Project[]; plans: Plan[]} | YearReadProblem> {
  const file = path.join(dir, entry.file)
  let buffer: Buffer
  try {
    buffer = await fs.readFile(file)
  } catch (error) {
    return {code: 'missing', file, detail: (error as NodeJS.ErrnoException).code ?? String(error)}
  }
  const sha256 = createHash('sha256').update(buffer).digest('hex')
  if (sha256 !== entry.sha256) return {code: 'hash', file, detail: `sha256 ${sha256.slice(0, 16)}… ≠ ${entry.sha256.slice(0, 16)}…`}
  try {
    const content = JSON.parse(buffer.toString('utf8')) as {year?: unknown; part?: unknown; projects?: unknown; plans?: unknown}
    if (content === null || typeof content !== 'object' || content.year !== year || content.part !== part || !Array.isArray(content.projects) || !Array.isArray(content.plans)) {
      return {code: 'json', file, detail: 'not a part of this year'}
    }
    return {projects: content.projects as Project[], plans: content.plans as Plan[]}
  } catch (error) {
    return {code: 'json', file, detail: (error as Error).message}
  }
}

/** Reads the parts of a year named (all by default), the first problem found instead if there is one. */
export async function readYear(dir: string, year: string, entry: YearEntry, only?: ReadonlySet<string>): Promise<YearContent | YearReadProblem> {
  const names = Object.keys(entry.parts).filter((part) => !only || only.has(part))
  const read = await Promise.all(names.map((part) => readPart(dir, year, part, entry.parts[part])))
  const content: YearContent = {year, projects: [], plans: []}
  for (const r of read) {
    if (isYearProblem(r)) return r
    for (const p of r.plans) content.plans.push(p)
    for (const p of r.projects) content.projects.push(p)
  }
  return content
}

export function isYearProblem(x: object): x is YearReadProblem {
  return (x as YearReadProblem).code !== undefined
}

/** The year files a head names. */
export function filesOf(head: {years?: unknown}): string[] {
  const years = head.years
  if (years === null || typeof years !== 'object') return []
  const files: string[] = []
  for (const y of Object.values(years as Record<string, {parts?: unknown}>)) {
    if (y?.parts === null || typeof y?.parts !== 'object') continue
    for (const part of Object.values(y.parts as Record<string, {file?: unknown}>)) if (typeof part?.file === 'string') files.push(part.file)
  }
  return files
}

/** `<year>.<part>.<sha256 prefix>.json` */
export const YEAR_FILE = /^[^./\\]+\.(?:plan|p\d+)\.[0-9a-f]{16}\.json$/

/** Year files a crash left before its head was renamed in, or that no head names any more. */
export async function unreferencedYearFiles(registerPath: string, referenced: ReadonlySet<string>): Promise<string[]> {
  const dir = yearsDir(registerPath)
  const names = await fs.readdir(dir).catch(() => [] as string[])
  return names.filter((n) => YEAR_FILE.test(n) && !referenced.has(n)).map((n) => path.join(dir, n))
}

/** Temp files of year files a writer killed mid-write left (`.<year>.<hash>.json.<pid>.<hex>.tmp`). */
export async function yearTemps(registerPath: string): Promise<string[]> {
  const dir = yearsDir(registerPath)
  const names = await fs.readdir(dir).catch(() => [] as string[])
  return names.filter((n) => n.startsWith('.') && /\.\d+\.[0-9a-f]+\.tmp$/.test(n)).map((n) => path.join(dir, n))
}

// The register: a head and one file per year (year-files.ts, stored.ts), behind lowdb with our own durable adapter
// (lowdb's JSONFilePreset keeps data in memory under NODE_ENV=test, and its default writer does not fsync). Every
// change runs under the one lock, on a freshly read copy of the years it touches, and is committed by one atomic
// rename of the head after a backup; the journal follows.
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {Low, type Adapter} from 'lowdb'
import {RegisterIndex} from '../domain/register-data.js'
import {StorageFailure, UsageError} from '../domain/errors.js'
import type {Change, JournalEntry, RegisterData} from '../domain/types.js'
import {firstSchemaProblem} from './schema.js'
import {acquireLock, type HeldLock} from './lock.js'
import {appendEntries, chainEntries, dropTornTail, entryLines, repairJournal, writePending} from './journal.js'
import {backupCurrent, backupTemps, pruneBackups, yearFilesOfBackups} from './backups.js'
import {journalPath, pendingPath, registerTempPattern} from './paths.js'
import {adoptLegacyCompanions, companionMoveChange} from './legacy.js'
import {asideName, isAlive} from './durable.js'
import {STALE_MS} from './lock.js'
import {asStorageFailure} from '../output.js'
import {assertRegularFile, layOut, readStored, writeStored, type LoadedState, type LoadScope, type StoredWrite} from './stored.js'
import {filesOf, unreferencedYearFiles, yearTemps, type StoredHead} from './year-files.js'

export {assertRegularFile, type LoadScope} from './stored.js'

function storageError(error: unknown, file: string): never {
  throw asStorageFailure(error, file)
}

/** lowdb adapter: validating reads of the years asked for (all by default), atomic and durable writes of what changed. */
export class DurableRegisterFile implements Adapter<RegisterData> {
  /** what the last read found: the head, the years read */
  state: LoadedState = {head: null, years: 'all', storedVersion: 0}

  /** `beforeRename`: the last check before the new head replaces the old (the lock is still ours). */
  constructor(
    readonly file: string,
    private readonly beforeRename: () => Promise<void> = async () => undefined,
    private readonly scope?: LoadScope,
    private readonly yearsFrom?: string,
  ) {}

  async read(): Promise<RegisterData | null> {
    const found = await readStored(this.file, this.scope, this.yearsFrom)
    if (!found) return null
    this.state = found.state
    return found.data
  }

  /** Lays `data` out before anything is written (a refusal, such as a year the command did not read, writes nothing). */
  layOut(data: RegisterData): StoredWrite {
    return layOut(data, this.state)
  }

  async write(data: RegisterData, laidOut?: StoredWrite): Promise<void> {
    this.state = {...this.state, head: await writeStored(this.file, data, this.state, () => this.beforeRename(), laidOut), storedVersion: data.schemaVersion}
  }
}

export async function registerExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  )
}

/** Reads the register for a command that changes nothing (no lock: the rename makes every read whole). */
export async function loadRegister(file: string, scope?: LoadScope): Promise<RegisterData> {
  const db = new Low(new DurableRegisterFile(file, undefined, scope), null as unknown as RegisterData)
  await db.read()
  if (db.data === null) throw new UsageError('register.missing', {path: file})
  return db.data
}

export interface MutationContext {
  data: RegisterData
  index: RegisterIndex
}

export interface MutationOutcome<T> {
  result: T
  changes: Change[]
}

export interface MutateOptions {
  file: string
  lockTimeoutMs: number
  operator: string
  command: string
  dryRun?: boolean
  now?: () => Date
  /** the projects the change touches, when it touches only them: only their years are read and written */
  scope?: LoadScope
}

export interface Committed<T> {
  result: T
  written: boolean
  entries: JournalEntry[]
  backupId: string | null
}

/** Temp files of earlier writers killed mid-write; only the lock holder writes them, so under the lock they are orphans. */
export async function orphanTemps(file: string): Promise<string[]> {
  const pattern = registerTempPattern(file)
  const dir = path.dirname(file)
  const names = await fs.readdir(dir).catch(() => [] as string[])
  const found: string[] = []
  for (const name of names) {
    const m = pattern.exec(name)
    if (m) found.push(path.join(dir, name))
  }
  return [...found, ...(await backupTemps(file)), ...(await yearTemps(file))]
}

/** Removes the orphan temp files of dead (or long silent) writers: called under the lock. */
async function removeOrphanTemps(file: string): Promise<void> {
  for (const temp of await orphanTemps(file)) {
    const pid = Number(/\.(\d+)\.(?:[0-9a-f]+\.)?tmp$/.exec(temp)?.[1] ?? 0)
    if (pid === process.pid) continue
    const stat = await fs.stat(temp).catch(() => null)
    if (!stat) continue
    if (!isAlive(pid) || Date.now() - stat.mtime.getTime() > STALE_MS) await fs.rm(temp, {force: true}).catch(() => undefined)
  }
}

/**
 * What every change does first, under the lock: old companion names moved, orphan temp files removed, the journal
 * proven writable (a journal the clerk cannot write fails every change the same clear way, before anything is
 * written), and the journal brought level with the register.
 */
async function prepare(file: string, audit: RegisterData['audit'] | null): Promise<Change[]> {
  const journal = journalPath(file)
  try {
    const moved = await adoptLegacyCompanions(file, audit)
    await removeOrphanTemps(file)
    const handle = await fs.open(journal, 'a')
    await handle.close()
    if (audit) await repairJournal(journal, audit)
    else await dropTornTail(journal)
    return moved ? [companionMoveChange(moved)] : []
  } catch (error) {
    storageError(error, journal)
  }
}

interface CommitMeta {
  file: string
  operator: string
  command: string
  now: Date
}

/** Chains `changes`, backs up the current register, writes the pending entries, renames the new register in, appends. */
/**
 * Removes the year files that neither the head nor any backup names: a crash before a head was renamed in, or
 * years whose last backup was pruned. Under the lock, after the head is written.
 */
async function removeUnreferencedYears(file: string, head: StoredHead | null): Promise<void> {
  const referenced = new Set([...filesOf(head ?? {}), ...(await yearFilesOfBackups(file))])
  for (const f of await unreferencedYearFiles(file, referenced)) await fs.rm(f, {force: true})
}

/** After a head was written: old backups pruned, then the year files nothing names any more. */
async function tidyAfterCommit(file: string, head: StoredHead | null): Promise<void> {
  await pruneBackups(file).catch(() => undefined)
  await removeUnreferencedYears(file, head).catch(() => undefined)
}

async function commit(data: RegisterData, changes: Change[], lock: HeldLock, meta: CommitMeta, store: DurableRegisterFile): Promise<{entries: JournalEntry[]; backupId: string | null}> {
  const {file} = meta
  // Never write a register this program could not read back: that would lock every clerk out (exit 6).
  const problem = firstSchemaProblem(data)
  if (problem) throw new StorageFailure('register.wouldBeInvalid', {path: file, detail: problem})
  const journal = journalPath(file)
  const entries = chainEntries(changes, {at: meta.now.toISOString(), operator: meta.operator, command: meta.command}, data.audit)
  const audit = data.audit
  data.audit = {head: entries.at(-1)!.hash, seq: entries.at(-1)!.seq, pending: []}
  let laidOut: StoredWrite
  try {
    laidOut = store.layOut(data)
  } catch (error) {
    data.audit = audit
    throw error
  }
  const lines = entryLines(entries)
  await lock.assertHeld()
  let backupId: string | null = null
  try {
    backupId = (await backupCurrent(file, entries[0].seq, meta.now, filesOf(store.state.head ?? {})))?.id ?? null
  } catch (error) {
    storageError(error, file)
  }
  await lock.assertHeld()
  try {
    await writePending(journal, lines)
  } catch (error) {
    storageError(error, journal)
  }
  await store.write(data, laidOut)
  try {
    await appendEntries(journal, lines)
  } catch {
    // The entries are committed in the pending file; the next command appends them.
  }
  await tidyAfterCommit(file, store.state.head)
  return {entries, backupId}
}

function layoutChange(data: RegisterData, from: number): Change {
  const years = new Set([...data.projects.map((p) => p.id.slice(0, 4)), ...data.plans.map((p) => String(p.year))])
  return {projectId: null, action: 'register-layout', change: {layout: 'years', schemaVersion: {from, to: data.schemaVersion}, years: years.size, projects: data.projects.length, plans: data.plans.length}}
}

/**
 * Runs `change` on the current register under the lock and commits what it did. `change` may throw a typed
 * error to refuse: nothing is written then. A change that reports no changes writes nothing at all.
 */
export async function mutateRegister<T>(options: MutateOptions, change: (ctx: MutationContext) => MutationOutcome<T> | Promise<MutationOutcome<T>>): Promise<Committed<T>> {
  // Checked before the lock is taken: refusing a FIFO or a device must not hold anyone up.
  assertRegularFile(options.file)
  if (!(await registerExists(options.file))) throw new UsageError('register.missing', {path: options.file})
  const lock = await acquireLock(options.file, options.lockTimeoutMs)
  try {
    const store = new DurableRegisterFile(options.file, () => lock.assertHeld(), options.scope)
    const db = new Low(store, null as unknown as RegisterData)
    await db.read()
    if (db.data === null) throw new UsageError('register.missing', {path: options.file})
    const data = db.data
    const now = () => (options.now ?? (() => new Date()))()
    const meta = {file: options.file, operator: options.operator, command: options.command}
    if (!options.dryRun) {
      const moved = await prepare(options.file, data.audit)
      // A single file of an earlier version moves to one file per year, journalled, the old file kept as a backup.
      if (store.state.head === null) moved.push(layoutChange(data, store.state.storedVersion))
      if (moved.length > 0) await commit(data, moved, lock, {...meta, now: now()}, store)
    }
    const outcome = await change({data, index: new RegisterIndex(data)})
    if (options.dryRun || outcome.changes.length === 0) return {result: outcome.result, written: false, entries: [], backupId: null}
    const {entries, backupId} = await commit(data, outcome.changes, lock, {...meta, now: now()}, store)
    return {result: outcome.result, written: true, entries, backupId}
  } finally {
    await lock.release()
  }
}

/** The year files the head at `file` names, read as it is (a damaged head names none). */
export async function headYearFiles(file: string): Promise<string[]> {
  try {
    // never open a FIFO or a device: the read would hang
    if (!(await fs.stat(file)).isFile()) return []
    return filesOf(JSON.parse(await fs.readFile(file, 'utf8')) as {years?: unknown})
  } catch {
    return []
  }
}

/**
 * `init`: writes a brand-new register (under the lock, so two clerks cannot both create one). A journal already
 * there belongs to history (the register went missing, or is being replaced with --force): it is kept aside under
 * a dated name, never cut, and the new register starts a chain of its own.
 */
export async function createRegister(
  file: string,
  data: RegisterData,
  options: {force: boolean; lockTimeoutMs: number; operator: string; command: string},
): Promise<{backupId: string | null; journalKeptAside: string | null}> {
  try {
    await fs.mkdir(path.dirname(file), {recursive: true})
  } catch (error) {
    storageError(error, file)
  }
  assertRegularFile(file)
  const lock = await acquireLock(file, options.lockTimeoutMs)
  try {
    const exists = await registerExists(file)
    if (exists && !options.force) throw new UsageError('init.exists', {path: file})
    const journal = journalPath(file)
    let backupId: string | null = null
    let journalKeptAside: string | null = null
    try {
      if (exists) {
        const old = await new DurableRegisterFile(file).read().catch(() => null)
        await adoptLegacyCompanions(file, old?.audit ?? null)
      }
      await removeOrphanTemps(file)
      const now = new Date()
      if (fsSync.existsSync(journal)) {
        journalKeptAside = asideName(journal, now)
        await fs.rename(journal, journalKeptAside)
      }
      const pending = pendingPath(journal)
      if (fsSync.existsSync(pending)) await fs.rename(pending, asideName(pending, now))
      if (exists) backupId = (await backupCurrent(file, 0, now, await headYearFiles(file)))?.id ?? null
    } catch (error) {
      storageError(error, journal)
    }
    const entries = chainEntries([{projectId: null, action: 'init', change: {force: options.force, rulesVersion: data.rules.version, ...(journalKeptAside ? {journalKeptAside: path.basename(journalKeptAside)} : {})}}], {at: new Date().toISOString(), operator: options.operator, command: options.command}, {head: null, seq: 0})
    data.audit = {head: entries[0].hash, seq: entries[0].seq, pending: entries}
    const store = new DurableRegisterFile(file, () => lock.assertHeld())
    await store.write(data)
    await appendEntries(journal, entries).catch(() => undefined)
    await tidyAfterCommit(file, store.state.head)
    return {backupId, journalKeptAside}
  } finally {
    await lock.release()
  }
}

/** `backup restore` runs the same preparation as every other change (journal repair included). */
export {prepare as prepareChange, tidyAfterCommit}

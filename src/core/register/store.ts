// The register: one JSON file behind lowdb, with our own durable adapter (lowdb's JSONFilePreset keeps data in
// memory under NODE_ENV=test, and its default writer does not fsync). Every change runs under the lock, on a
// freshly read copy, and is committed by one atomic rename after a backup; the journal follows.
import fsSync from 'node:fs'
import fs, {type FileHandle} from 'node:fs/promises'
import path from 'node:path'
import {Low, type Adapter} from 'lowdb'
import {RegisterIndex, SCHEMA_VERSION} from '../domain/register-data.js'
import {RegisterUnreadable, StorageFailure, UsageError} from '../domain/errors.js'
import type {Change, JournalEntry, RegisterData} from '../domain/types.js'
import {firstSchemaProblem} from './schema.js'
import {acquireLock, type HeldLock} from './lock.js'
import {appendEntries, chainEntries, dropTornTail, entryLines, repairJournal, writePending} from './journal.js'
import {backupCurrent, backupTemps, newestBackup, pruneBackups} from './backups.js'
import {journalPath, pendingPath, registerTempPattern} from './paths.js'
import {migrate} from './migrations.js'
import {adoptLegacyCompanions, companionMoveChange} from './legacy.js'
import {asideName, isAlive} from './durable.js'
import {writeDurably} from '../atomic-file.js'
import {STALE_MS} from './lock.js'
import {asStorageFailure} from '../output.js'

function storageError(error: unknown, file: string): never {
  throw asStorageFailure(error, file)
}

const WRITE_SLICE = 1000

/**
 * A register must be a regular file: a FIFO would hang the read (while holding the lock), a device would be
 * "written" into nothing. A folder keeps its own message (exit 6).
 */
export function assertRegularFile(file: string): void {
  const stat = fsSync.statSync(file, {throwIfNoEntry: false})
  if (!stat || stat.isFile()) return
  if (stat.isDirectory()) throw new RegisterUnreadable('register.corrupt', {path: file, detail: 'EISDIR', backup: null})
  const kind = stat.isFIFO() ? 'fifo' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'device' : stat.isSocket() ? 'socket' : 'special'
  throw new UsageError(`register.${kind}`, {path: file})
}

/** lowdb adapter: validating reads, atomic and durable writes. */
export class DurableRegisterFile implements Adapter<RegisterData> {
  /** `beforeRename`: the last check before the new register replaces the old (the lock is still ours). */
  constructor(
    readonly file: string,
    private readonly beforeRename: () => Promise<void> = async () => undefined,
  ) {}

  async read(): Promise<RegisterData | null> {
    assertRegularFile(this.file)
    let text: string
    try {
      text = await fs.readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new RegisterUnreadable('register.corrupt', {path: this.file, detail: 'EISDIR', backup: null})
      throw asStorageFailure(error, this.file)
    }
    const backup = async () => (await newestBackup(this.file))?.file ?? null
    let data: unknown
    try {
      data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    } catch (error) {
      throw new RegisterUnreadable('register.corrupt', {path: this.file, detail: (error as Error).message, backup: await backup()})
    }
    const version = (data as {schemaVersion?: unknown})?.schemaVersion
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new RegisterUnreadable('register.newer', {path: this.file, version, supported: SCHEMA_VERSION, backup: await backup()})
    }
    const migrated = migrate(data)
    const problem = firstSchemaProblem(migrated)
    if (problem) throw new RegisterUnreadable('register.invalid', {path: this.file, detail: problem, backup: await backup()})
    return migrated as RegisterData
  }

  /**
   * Durably and atomically (../atomic-file.ts), serialised project by project:
   * one JSON string of a 50,000-project register would double the memory an import needs.
   */
  async write(data: RegisterData): Promise<void> {
    const write = async (handle: FileHandle) => {
      const {projects, ...rest} = data
      const head = JSON.stringify(rest)
      await handle.write(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"projects":[`)
      // A thousand projects per JSON.stringify: one native call per slice is much faster than one per project.
      for (let i = 0; i < projects.length; i += WRITE_SLICE) {
        const slice = JSON.stringify(projects.slice(i, i + WRITE_SLICE))
        await handle.write(`${i > 0 ? ',' : ''}${slice.slice(1, -1)}`)
      }
      await handle.write(']}')
    }
    try {
      await writeDurably(this.file, write, {beforeRename: () => this.beforeRename()})
    } catch (error) {
      storageError(error, this.file)
    }
  }
}

export async function registerExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  )
}

/** Reads the register for a command that changes nothing (no lock: the rename makes every read whole). */
export async function loadRegister(file: string): Promise<RegisterData> {
  const db = new Low(new DurableRegisterFile(file), null as unknown as RegisterData)
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
  return [...found, ...(await backupTemps(file))]
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
async function commit(data: RegisterData, changes: Change[], lock: HeldLock, meta: CommitMeta): Promise<{entries: JournalEntry[]; backupId: string | null}> {
  const {file} = meta
  // Never write a register this program could not read back: that would lock every clerk out (exit 6).
  const problem = firstSchemaProblem(data)
  if (problem) throw new StorageFailure('register.wouldBeInvalid', {path: file, detail: problem})
  const journal = journalPath(file)
  const entries = chainEntries(changes, {at: meta.now.toISOString(), operator: meta.operator, command: meta.command}, data.audit)
  data.audit = {head: entries.at(-1)!.hash, seq: entries.at(-1)!.seq, pending: []}
  const lines = entryLines(entries)
  await lock.assertHeld()
  let backupId: string | null = null
  try {
    backupId = (await backupCurrent(file, entries[0].seq, meta.now))?.id ?? null
  } catch (error) {
    storageError(error, file)
  }
  await lock.assertHeld()
  try {
    await writePending(journal, lines)
  } catch (error) {
    storageError(error, journal)
  }
  await new DurableRegisterFile(file, () => lock.assertHeld()).write(data)
  try {
    await appendEntries(journal, lines)
  } catch {
    // The entries are committed in the pending file; the next command appends them.
  }
  await pruneBackups(file).catch(() => undefined)
  return {entries, backupId}
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
    const db = new Low(new DurableRegisterFile(options.file), null as unknown as RegisterData)
    await db.read()
    if (db.data === null) throw new UsageError('register.missing', {path: options.file})
    const data = db.data
    const now = () => (options.now ?? (() => new Date()))()
    const meta = {file: options.file, operator: options.operator, command: options.command}
    if (!options.dryRun) {
      const moved = await prepare(options.file, data.audit)
      if (moved.length > 0) await commit(data, moved, lock, {...meta, now: now()})
    }
    const outcome = await change({data, index: new RegisterIndex(data)})
    if (options.dryRun || outcome.changes.length === 0) return {result: outcome.result, written: false, entries: [], backupId: null}
    const {entries, backupId} = await commit(data, outcome.changes, lock, {...meta, now: now()})
    return {result: outcome.result, written: true, entries, backupId}
  } finally {
    await lock.release()
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
      if (exists) backupId = (await backupCurrent(file, 0, now))?.id ?? null
    } catch (error) {
      storageError(error, journal)
    }
    const entries = chainEntries([{projectId: null, action: 'init', change: {force: options.force, rulesVersion: data.rules.version, ...(journalKeptAside ? {journalKeptAside: path.basename(journalKeptAside)} : {})}}], {at: new Date().toISOString(), operator: options.operator, command: options.command}, {head: null, seq: 0})
    data.audit = {head: entries[0].hash, seq: entries[0].seq, pending: entries}
    await new DurableRegisterFile(file, () => lock.assertHeld()).write(data)
    await appendEntries(journal, entries).catch(() => undefined)
    await pruneBackups(file).catch(() => undefined)
    return {backupId, journalKeptAside}
  } finally {
    await lock.release()
  }
}

/** `backup restore` runs the same preparation as every other change (journal repair included). */
export {prepare as prepareChange}

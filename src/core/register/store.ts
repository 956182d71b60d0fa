// The register: one JSON file behind lowdb, with our own durable adapter (lowdb's JSONFilePreset keeps data in
// memory under NODE_ENV=test, and its default writer does not fsync). Every change runs under the lock, on a
// freshly read copy, and is committed by one atomic rename after a backup; the journal follows.
import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {Low, type Adapter} from 'lowdb'
import {RegisterIndex, SCHEMA_VERSION} from '../domain/register-data.js'
import {RegisterUnreadable, StorageFailure, UsageError} from '../domain/errors.js'
import type {Change, JournalEntry, RegisterData} from '../domain/types.js'
import {firstSchemaProblem} from './schema.js'
import {acquireLock} from './lock.js'
import {appendEntries, chainEntries, entryLines, repairJournal, writePending} from './journal.js'
import {backupCurrent, newestBackup} from './backups.js'
import {journalPath} from './paths.js'
import {migrate} from './migrations.js'
import {asStorageFailure} from '../output.js'

function storageError(error: unknown, file: string): never {
  throw asStorageFailure(error, file)
}

const WRITE_SLICE = 1000

/** lowdb adapter: validating reads, atomic and durable writes. */
export class DurableRegisterFile implements Adapter<RegisterData> {
  constructor(readonly file: string) {}

  async read(): Promise<RegisterData | null> {
    let text: string
    try {
      text = await fs.readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new RegisterUnreadable('register.corrupt', {path: this.file, detail: 'EISDIR', backup: null})
      throw error
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
   * Temp file, fsync, rename, fsync of the folder — what write-file-atomic does, but serialised project by project:
   * one JSON string of a 50,000-project register would double the memory an import needs.
   */
  async write(data: RegisterData): Promise<void> {
    const dir = path.dirname(this.file)
    const temp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
    try {
      await fs.mkdir(dir, {recursive: true})
      const handle = await fs.open(temp, 'w')
      try {
        const {projects, ...rest} = data
        const head = JSON.stringify(rest)
        await handle.write(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"projects":[`)
        // A thousand projects per JSON.stringify: one native call per slice is much faster than one per project.
        for (let i = 0; i < projects.length; i += WRITE_SLICE) {
          const slice = JSON.stringify(projects.slice(i, i + WRITE_SLICE))
          await handle.write(`${i > 0 ? ',' : ''}${slice.slice(1, -1)}`)
        }
        await handle.write(']}')
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.rename(temp, this.file)
      await fsyncDir(dir)
    } catch (error) {
      await fs.rm(temp, {force: true}).catch(() => undefined)
      storageError(error, this.file)
    }
  }
}

async function fsyncDir(dir: string): Promise<void> {
  // The rename is durable only once the directory entry is on disk; Windows cannot open directories, so skip there.
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
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

/**
 * Runs `change` on the current register under the lock and commits what it did. `change` may throw a typed
 * error to refuse: nothing is written then. A change that reports no changes writes nothing at all.
 */
export async function mutateRegister<T>(options: MutateOptions, change: (ctx: MutationContext) => MutationOutcome<T> | Promise<MutationOutcome<T>>): Promise<Committed<T>> {
  if (!(await registerExists(options.file))) throw new UsageError('register.missing', {path: options.file})
  const lock = await acquireLock(options.file, options.lockTimeoutMs)
  try {
    const adapter = new DurableRegisterFile(options.file)
    const db = new Low(adapter, null as unknown as RegisterData)
    await db.read()
    if (db.data === null) throw new UsageError('register.missing', {path: options.file})
    const data = db.data
    const journal = journalPath(options.file)
    if (!options.dryRun) await repairJournal(journal, data.audit)
    const outcome = await change({data, index: new RegisterIndex(data)})
    if (options.dryRun || outcome.changes.length === 0) return {result: outcome.result, written: false, entries: [], backupId: null}
    // Never write a register this program could not read back: that would lock every clerk out (exit 6).
    const problem = firstSchemaProblem(data)
    if (problem) throw new StorageFailure('register.wouldBeInvalid', {path: options.file, detail: problem})
    const now = (options.now ?? (() => new Date()))()
    const entries = chainEntries(outcome.changes, {at: now.toISOString(), operator: options.operator, command: options.command}, data.audit)
    data.audit = {head: entries.at(-1)!.hash, seq: entries.at(-1)!.seq, pending: []}
    const lines = entryLines(entries)
    let backupId: string | null = null
    try {
      backupId = (await backupCurrent(options.file, entries[0].seq, now))?.id ?? null
    } catch (error) {
      storageError(error, options.file)
    }
    if (lock.compromised()) throw new StorageFailure('register.lockLost', {path: options.file})
    try {
      await writePending(journal, lines)
    } catch (error) {
      storageError(error, journal)
    }
    await db.write()
    try {
      await appendEntries(journal, lines)
    } catch {
      // The entries are committed in the pending file; the next command appends them.
    }
    return {result: outcome.result, written: true, entries, backupId}
  } finally {
    await lock.release()
  }
}

/** `init`: writes a brand-new register (under the lock, so two clerks cannot both create one). */
export async function createRegister(file: string, data: RegisterData, options: {force: boolean; lockTimeoutMs: number; operator: string; command: string}): Promise<{backupId: string | null}> {
  try {
    await fs.mkdir(path.dirname(file), {recursive: true})
  } catch (error) {
    storageError(error, file)
  }
  const lock = await acquireLock(file, options.lockTimeoutMs)
  try {
    const exists = await registerExists(file)
    if (exists && !options.force) throw new UsageError('init.exists', {path: file})
    let backupId: string | null = null
    let prev = {head: null as string | null, seq: 0}
    if (exists) {
      backupId = (await backupCurrent(file, 0))?.id ?? null
      // Re-initialising continues the journal: the old head stays the predecessor of the new entry.
      const old = await new DurableRegisterFile(file).read().catch(() => null)
      if (old) prev = {head: old.audit.head, seq: old.audit.seq}
    }
    const entries = chainEntries([{projectId: null, action: 'init', change: {force: options.force, rulesVersion: data.rules.version}}], {at: new Date().toISOString(), operator: options.operator, command: options.command}, prev)
    data.audit = {head: entries[0].hash, seq: entries[0].seq, pending: entries}
    const journal = journalPath(file)
    if (!exists) await fs.rm(journal, {force: true}).catch(() => undefined)
    await new DurableRegisterFile(file).write(data)
    await appendEntries(journal, entries).catch(() => undefined)
    return {backupId}
  } finally {
    await lock.release()
  }
}

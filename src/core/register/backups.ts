// The previous register is copied aside before every change; the last 20 are kept. A backup is the register's
// head as it was, which names the year files it was taken with (year-files.ts): they are never rewritten and are
// kept while a backup names them, so a backup costs a head, not a copy of the history, and restoring one is a copy
// of a head, not a replay. (A backup of a register of an earlier version is the whole single file.) Each is written atomically (temp file, fsync, rename) with its size and
// sha256 in `<id>.json.sum`, so a damaged backup is known as such and never recommended. Backups are ordered by
// the sequence number ending their id (it only grows), not by their time stamp: a clock that was ahead for a
// while must not make the newest look old.
import {createHash} from 'node:crypto'
import {createReadStream, existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {backupsDir, readableCompanions} from './paths.js'
import {writeAtomically, writeFileAtomically} from '../atomic-file.js'
import {filesOf, yearsDir} from './year-files.js'

export const KEEP_BACKUPS = 20

export interface BackupInfo {
  id: string
  createdAt: string
  file: string
  bytes: number
  seq: number
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '')
}

function createdAtOf(id: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(id)
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : id
}

function seqOf(id: string): number {
  const m = /-(\d+)$/.exec(id)
  return m ? Number(m[1]) : -1
}

const sumFile = (file: string) => `${file}.sum`

/** The backups in `dir`, oldest first by sequence number. */
export async function backupsIn(dir: string): Promise<BackupInfo[]> {
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return []
  }
  const infos: BackupInfo[] = []
  for (const name of names) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue
    const file = path.join(dir, name)
    const stat = await fs.stat(file).catch(() => null)
    if (!stat?.isFile()) continue
    const id = name.slice(0, -'.json'.length)
    infos.push({id, createdAt: createdAtOf(id), file, bytes: stat.size, seq: seqOf(id)})
  }
  return infos.sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The register's backups, oldest first (for commands that change nothing: the old folder name is read too). */
export async function listBackups(registerPath: string): Promise<BackupInfo[]> {
  return backupsIn(readableCompanions(registerPath).backups)
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Copies the current register aside (if there is one). `seq` is the first sequence number of the change about to
 * be made; the id never goes below the newest backup's, whatever the journal restarted from.
 */
export async function backupCurrent(registerPath: string, seq: number, now = new Date(), yearFiles: readonly string[] = []): Promise<BackupInfo | null> {
  const dir = backupsDir(registerPath)
  await fs.mkdir(dir, {recursive: true})
  const newest = (await backupsIn(dir)).at(-1)
  const n = Math.max(seq, (newest?.seq ?? 0) + 1)
  const id = `${stamp(now)}-${String(n).padStart(6, '0')}`
  const file = path.join(dir, `${id}.json`)
  let size = 0
  try {
    // the sum is written before the backup appears, so a backup without its sum is always a torn one
    await writeAtomically(file, (temp) => fs.copyFile(registerPath, temp), {
      durable: true,
      beforeRename: async (temp) => {
        size = (await fs.stat(temp)).size
        await writeFileAtomically(sumFile(file), JSON.stringify({bytes: size, sha256: await sha256Of(temp), years: yearFiles}) + '\n', {durable: true})
      },
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(registerPath)) return null
    throw error
  }
  return {id, createdAt: createdAtOf(id), file, bytes: size, seq: n}
}

/** Removes the oldest backups beyond KEEP_BACKUPS: called only once the register is written. */
export async function pruneBackups(registerPath: string, keep: ReadonlySet<string> = new Set()): Promise<void> {
  const all = await backupsIn(backupsDir(registerPath))
  for (const old of all.slice(0, Math.max(0, all.length - KEEP_BACKUPS))) {
    if (keep.has(old.id)) continue
    await fs.rm(old.file, {force: true})
    await fs.rm(sumFile(old.file), {force: true})
  }
}

export type BackupCheck = {ok: true; verified: boolean} | {ok: false; reason: 'size' | 'hash' | 'json' | 'unreadable' | 'years'}

async function readSum(backup: BackupInfo): Promise<{bytes?: unknown; sha256?: unknown; years?: unknown} | null> {
  try {
    return JSON.parse(await fs.readFile(sumFile(backup.file), 'utf8')) as {bytes?: unknown; sha256?: unknown; years?: unknown}
  } catch {
    return null
  }
}

const namesIn = (x: unknown): string[] => (Array.isArray(x) ? x.filter((n): n is string => typeof n === 'string') : [])

/** The year files the backups name: kept while any of them does. */
export async function yearFilesOfBackups(registerPath: string): Promise<Set<string>> {
  const names = new Set<string>()
  for (const b of await backupsIn(backupsDir(registerPath))) {
    const sum = await readSum(b)
    // a backup whose record is lost or older than year files still names its files in its own head
    const listed = Array.isArray(sum?.years) ? namesIn(sum.years) : await fs.readFile(b.file, 'utf8').then((text) => filesOf(JSON.parse(text) as {years?: unknown}), () => [])
    for (const n of listed) names.add(n)
  }
  return names
}

/** Whether a backup is whole: its recorded size and sha256, or (a backup older than the records) its JSON. */
export async function checkBackup(backup: BackupInfo): Promise<BackupCheck> {
  const recorded = await readSum(backup)
  try {
    if (recorded && typeof recorded.sha256 === 'string') {
      if (recorded.bytes !== backup.bytes) return {ok: false, reason: 'size'}
      if ((await sha256Of(backup.file)) !== recorded.sha256) return {ok: false, reason: 'hash'}
      // the year files it names must still be there (their content is checked against the head when restored)
      const dir = yearsDir(registerPath(backup))
      for (const n of namesIn(recorded.years)) if (!existsSync(path.join(dir, n))) return {ok: false, reason: 'years'}
      return {ok: true, verified: true}
    }
    const text = await fs.readFile(backup.file, 'utf8')
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    return {ok: true, verified: false}
  } catch (error) {
    return {ok: false, reason: error instanceof SyntaxError ? 'json' : 'unreadable'}
  }
}

/** The register a backup belongs to: `<register>.backups/<id>.json` (or the folder of an earlier version's name). */
function registerPath(backup: BackupInfo): string {
  return path.dirname(backup.file).replace(/\.backups$/, '')
}

/** The newest backup that is whole (the one an exit-6 message recommends), or null. */
export async function newestBackup(registerPath: string): Promise<BackupInfo | null> {
  const all = await listBackups(registerPath)
  for (let i = all.length - 1; i >= 0; i--) if ((await checkBackup(all[i])).ok) return all[i]
  return null
}

/** Temp files of backups a crash left (`.<id>.json.<pid>.<hex>.tmp`; older versions wrote no <hex>). */
export async function backupTemps(registerPath: string): Promise<string[]> {
  const dir = backupsDir(registerPath)
  const names = await fs.readdir(dir).catch(() => [] as string[])
  return names.filter((n) => /\.\d+(\.[0-9a-f]+)?\.tmp$/.test(n)).map((n) => path.join(dir, n))
}

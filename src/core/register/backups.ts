// The previous register is copied aside before every change; the last 20 are kept. A backup is a whole register,
// so restoring one is a copy, not a replay.
import fs from 'node:fs/promises'
import path from 'node:path'
import {backupsDir} from './paths.js'

export const KEEP_BACKUPS = 20

export interface BackupInfo {
  id: string
  createdAt: string
  file: string
  bytes: number
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '')
}

function createdAtOf(id: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(id)
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : id
}

export async function listBackups(registerPath: string): Promise<BackupInfo[]> {
  const dir = backupsDir(registerPath)
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return []
  }
  const infos: BackupInfo[] = []
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name)
    const stat = await fs.stat(file).catch(() => null)
    if (!stat) continue
    const id = name.slice(0, -'.json'.length)
    infos.push({id, createdAt: createdAtOf(id), file, bytes: stat.size})
  }
  return infos
}

/** Copies the current register aside (if there is one) and prunes the oldest beyond KEEP_BACKUPS. */
export async function backupCurrent(registerPath: string, seq: number, now = new Date()): Promise<BackupInfo | null> {
  const dir = backupsDir(registerPath)
  await fs.mkdir(dir, {recursive: true})
  const id = `${stamp(now)}-${String(seq).padStart(6, '0')}`
  const file = path.join(dir, `${id}.json`)
  try {
    await fs.copyFile(registerPath, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const all = await listBackups(registerPath)
  for (const old of all.slice(0, Math.max(0, all.length - KEEP_BACKUPS))) await fs.rm(old.file, {force: true})
  const stat = await fs.stat(file)
  return {id, createdAt: createdAtOf(id), file, bytes: stat.size}
}

export async function newestBackup(registerPath: string): Promise<BackupInfo | null> {
  const all = await listBackups(registerPath)
  return all.at(-1) ?? null
}

// Registers written before the companions were named from the register's full file name keep `register.audit.jsonl`
// and `register.backups/` beside `register.json`. The first change made under the lock moves them to the new names
// (`register.json.audit.jsonl`, `register.json.backups/`) and journals the move. A journal of the old name is taken
// only when it is this register's: its chain ends where the register says, or no register without extension
// (which used the same name) sits beside it.
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import {backupsDir, journalPath, legacyCompanions, pendingPath} from './paths.js'
import {committedPending, lastEntry} from './journal.js'
import type {Change, JournalEntry} from '../domain/types.js'

export interface CompanionMove {
  journal: [string, string]
  backups: [string, string] | null
}

export async function adoptLegacyCompanions(file: string, audit: {head: string | null; pending: JournalEntry[]} | null): Promise<CompanionMove | null> {
  const legacy = legacyCompanions(file)
  const journal = journalPath(file)
  if (!legacy || fs.existsSync(journal) || !fs.existsSync(legacy.journal)) return null
  const {dir, name} = path.parse(file)
  const sibling = fs.existsSync(path.join(dir, name))
  if (sibling) {
    if (!audit) return null
    const tail = (await lastEntry(legacy.journal)).entry?.hash ?? null
    const pending = await committedPending(legacy.journal, audit)
    if (tail !== audit.head && !pending.some((e) => e.prev === tail || e.hash === tail)) return null
  }
  await fsp.rename(legacy.journal, journal)
  if (fs.existsSync(legacy.pending)) await fsp.rename(legacy.pending, pendingPath(journal)).catch(() => undefined)
  const backups = backupsDir(file)
  let movedBackups: [string, string] | null = null
  if (fs.existsSync(legacy.backups) && !fs.existsSync(backups)) {
    await fsp.rename(legacy.backups, backups)
    movedBackups = [legacy.backups, backups]
  }
  return {journal: [legacy.journal, journal], backups: movedBackups}
}

/** The journal entry that records the move. */
export function companionMoveChange(move: CompanionMove): Change {
  const base = (p: string) => path.basename(p)
  return {projectId: null, action: 'companions-renamed', change: {journal: move.journal.map(base), backups: move.backups?.map(base) ?? null}}
}

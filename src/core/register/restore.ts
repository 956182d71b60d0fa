// `backup restore`: a backup is a whole register, so restoring is a copy — but the journal must keep going
// forward, so the restore is itself an entry chained after the journal's real tail, and the current file (even a
// corrupt one) is backed up first.
import path from 'node:path'
import {UsageError} from '../domain/errors.js'
import {acquireLock} from './lock.js'
import {backupCurrent, listBackups} from './backups.js'
import {DurableRegisterFile} from './store.js'
import {appendEntries, chainEntries, lastEntry} from './journal.js'
import {journalPath} from './paths.js'

export async function restoreBackup(file: string, id: string, o: {lockTimeoutMs: number; operator: string; command: string}): Promise<{restored: string; savedAs: string | null}> {
  const lock = await acquireLock(file, o.lockTimeoutMs)
  try {
    const backup = (await listBackups(file)).find((b) => b.id === id || path.basename(b.file) === id)
    if (!backup) throw new UsageError('backup.notFound', {id})
    // Read (and validate) the backup before touching anything.
    const data = await new DurableRegisterFile(backup.file).read()
    if (!data) throw new UsageError('backup.notFound', {id})
    const journal = journalPath(file)
    const tail = (await lastEntry(journal)).entry
    const prev = {head: tail?.hash ?? data.audit.head, seq: Math.max(tail?.seq ?? 0, data.audit.seq)}
    const entries = chainEntries([{projectId: null, action: 'backup-restore', change: {backupId: backup.id, restoredHead: data.audit.head}}], {at: new Date().toISOString(), operator: o.operator, command: o.command}, prev)
    data.audit = {head: entries[0].hash, seq: entries[0].seq, pending: entries}
    const saved = await backupCurrent(file, entries[0].seq)
    await new DurableRegisterFile(file).write(data)
    await appendEntries(journal, entries).catch(() => undefined)
    return {restored: backup.id, savedAs: saved?.id ?? null}
  } finally {
    await lock.release()
  }
}

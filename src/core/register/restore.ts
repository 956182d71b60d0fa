// `backup restore`: a backup is a head naming the year files it was taken with (kept while it names them), so
// restoring is a copy — but the journal must keep going
// forward, so the restore is itself an entry chained after the journal's real tail, and the current file (even a
// corrupt one) is backed up first. Like every change it first brings the journal level with the current register
// (a crash between an earlier rename and its append must not lose that change's entries), and prunes old
// backups only once the register is written, so restoring the oldest backup never deletes it first.
import path from 'node:path'
import {UsageError} from '../domain/errors.js'
import {acquireLock} from './lock.js'
import {backupCurrent, backupsIn} from './backups.js'
import {assertRegularFile, DurableRegisterFile, headYearFiles, prepareChange, tidyAfterCommit} from './store.js'
import {yearsDir} from './year-files.js'
import {appendEntries, chainEntries, lastEntry} from './journal.js'
import {backupsDir, journalPath} from './paths.js'

export async function restoreBackup(file: string, id: string, o: {lockTimeoutMs: number; operator: string; command: string}): Promise<{restored: string; savedAs: string | null}> {
  assertRegularFile(file)
  const lock = await acquireLock(file, o.lockTimeoutMs)
  try {
    const current = await new DurableRegisterFile(file).read().catch(() => null)
    const moved = await prepareChange(file, current?.audit ?? null)
    const backup = (await backupsIn(backupsDir(file))).find((b) => b.id === id || path.basename(b.file) === id)
    if (!backup) throw new UsageError('backup.notFound', {id})
    // Read (and validate) the backup before touching anything.
    const data = await new DurableRegisterFile(backup.file, undefined, undefined, yearsDir(file)).read()
    if (!data) throw new UsageError('backup.notFound', {id})
    const journal = journalPath(file)
    const tail = (await lastEntry(journal)).entry
    const prev = {head: tail?.hash ?? data.audit.head, seq: Math.max(tail?.seq ?? 0, data.audit.seq)}
    const changes = [...moved, {projectId: null, action: 'backup-restore', change: {backupId: backup.id, restoredHead: data.audit.head}}]
    const now = new Date()
    const entries = chainEntries(changes, {at: now.toISOString(), operator: o.operator, command: o.command}, prev)
    data.audit = {head: entries.at(-1)!.hash, seq: entries.at(-1)!.seq, pending: entries}
    await lock.assertHeld()
    const saved = await backupCurrent(file, entries[0].seq, now, await headYearFiles(file))
    const store = new DurableRegisterFile(file, () => lock.assertHeld())
    await store.write(data)
    await appendEntries(journal, entries).catch(() => undefined)
    await tidyAfterCommit(file, store.state.head)
    return {restored: backup.id, savedAs: saved?.id ?? null}
  } finally {
    await lock.release()
  }
}

// A project's history is read from the journal, the one record that cannot drift from what happened.
import {committedPending, journalEntries} from './journal.js'
import {journalPath} from './paths.js'
import type {JournalEntry, RegisterData} from '../domain/types.js'

export async function projectHistory(registerPath: string, data: RegisterData, projectId: string | null): Promise<JournalEntry[]> {
  const found: JournalEntry[] = []
  const seen = new Set<number>()
  for await (const {entry} of journalEntries(journalPath(registerPath))) {
    if (entry && (projectId === null || entry.projectId === projectId)) {
      found.push(entry)
      seen.add(entry.seq)
    }
  }
  // Committed entries that a crash kept out of the journal so far.
  for (const e of await committedPending(journalPath(registerPath), data.audit)) if (!seen.has(e.seq) && (projectId === null || e.projectId === projectId)) found.push(e)
  return found
}

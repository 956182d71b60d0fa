// A project's history is read from the journal, the one record that cannot drift from what happened.
import {committedPending, journalEntries} from './journal.js'
import {readableCompanions} from './paths.js'
import type {JournalEntry, RegisterData} from '../domain/types.js'

export async function projectHistory(registerPath: string, data: RegisterData, projectId: string | null): Promise<JournalEntry[]> {
  const journal = readableCompanions(registerPath).journal
  const found: JournalEntry[] = []
  const seen = new Set<number>()
  // A line that does not hold the id as a JSON string is not about the project: it is skipped unparsed, so a long
  // journal costs a text search, not a parse of every entry.
  const needle = projectId === null ? null : JSON.stringify(projectId)
  for await (const {entry} of journalEntries(journal, needle === null ? undefined : (raw) => raw.includes(needle))) {
    if (entry && concerns(entry, projectId)) {
      found.push(entry)
      seen.add(entry.seq)
    }
  }
  // Committed entries that a crash kept out of the journal so far.
  for (const e of await committedPending(journal, data.audit)) if (!seen.has(e.seq) && concerns(e, projectId)) found.push(e)
  return projectId === null ? found : found.map((e) => narrowed(e, projectId))
}

type ImportChange = {file: string; sha256?: string | null; created?: Array<{id: string}>; updated?: Array<{id: string}>; continued?: Array<{id: string}>}

/** An entry about the project, or an import entry that created or changed it among many. */
function concerns(entry: JournalEntry, projectId: string | null): boolean {
  if (projectId === null || entry.projectId === projectId) return true
  if (entry.action !== 'import' || !entry.change) return false
  const c = entry.change as ImportChange
  return Boolean(c.created?.some((p) => p.id === projectId) || c.updated?.some((p) => p.id === projectId) || c.continued?.some((p) => p.id === projectId))
}

/** An import entry shown for one project keeps only that project's part (the hash still covers the whole). */
function narrowed(entry: JournalEntry, projectId: string): JournalEntry {
  if (entry.action !== 'import' || entry.projectId === projectId) return entry
  const c = entry.change as ImportChange & Record<string, unknown>
  const created = c.created?.find((p) => p.id === projectId)
  const updated = c.updated?.find((p) => p.id === projectId)
  const continued = c.continued?.find((p) => p.id === projectId)
  const action = created ? 'import-create' : updated ? 'import-update' : 'import-continue'
  return {...entry, projectId, action, change: {file: c.file, sha256: c.sha256 ?? null, ...(created ?? updated ?? continued)}}
}

// `--as-of D` for the read-only views (DESIGN §11.9): the status changes of every project, read from the journal
// (the one record of when each status was reached), then the pure view of src/core/domain/as-of.ts.
import {todayIso} from '../domain/iso-date.js'
import type {CalendarSession} from '../calendar/session.js'
import {registerAsOf, type StatusStep} from '../domain/as-of.js'
import {PROJECT_STATUSES, type JournalEntry, type ProjectStatus, type RegisterData} from '../domain/types.js'
import {committedPending, journalEntries} from '../register/journal.js'
import {journalPath} from '../register/paths.js'
import {lifecycleDeadlines} from './deadlines.js'
import {openStages, type OpenStageRow} from './review.js'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const isStatus = (v: unknown): v is ProjectStatus => typeof v === 'string' && (PROJECT_STATUSES as readonly string[]).includes(v)
const dateOf = (change: unknown): string | null => {
  const date = (change as {date?: unknown} | null)?.date
  return typeof date === 'string' && ISO_DATE.test(date) ? date : null
}

/**
 * Status changes by project, in journal order. Each is dated by its own `date`, else by the date of the command
 * that made it (a plan approval's date for the projects it moved), else by the local day the command ran.
 */
export function stepsFromJournal(entries: Iterable<JournalEntry>, ids: ReadonlySet<string>): Map<string, StatusStep[]> {
  const steps = new Map<string, StatusStep[]>()
  let commit = ''
  let commitDate: string | null = null
  for (const e of entries) {
    const key = `${e.at}|${e.command}`
    if (key !== commit) {
      commit = key
      commitDate = null
    }
    commitDate ??= dateOf(e.change)
    const to = (e.change as {status?: {to?: unknown}} | null)?.status?.to
    if (!e.projectId || !ids.has(e.projectId) || !isStatus(to)) continue
    const at = new Date(e.at)
    const date = dateOf(e.change) ?? commitDate ?? (Number.isNaN(at.getTime()) ? null : todayIso(at))
    if (date === null) continue
    const list = steps.get(e.projectId) ?? []
    list.push({date, status: to})
    steps.set(e.projectId, list)
  }
  return steps
}

async function journalSteps(registerPath: string, data: RegisterData): Promise<Map<string, StatusStep[]>> {
  const journal = journalPath(registerPath)
  const entries: JournalEntry[] = []
  const seen = new Set<number>()
  for await (const {entry} of journalEntries(journal)) {
    if (entry && typeof entry.seq === 'number' && entry.seq <= data.audit.seq && !seen.has(entry.seq)) {
      entries.push(entry)
      seen.add(entry.seq)
    }
  }
  // the last commit's entries, when a crash kept them out of the journal so far
  if (!seen.has(data.audit.seq)) for (const e of await committedPending(journal, data.audit)) if (!seen.has(e.seq)) entries.push(e)
  entries.sort((a, b) => a.seq - b.seq)
  return stepsFromJournal(entries, new Set(data.projects.map((p) => p.id)))
}

/** The register as it stood on `asOf`. An unreadable journal leaves the view to the dated records alone. */
export async function registerOn(registerPath: string, data: RegisterData, asOf: string, calendar: CalendarSession): Promise<RegisterData> {
  const steps = await journalSteps(registerPath, data).catch(() => undefined)
  return registerAsOf(data, asOf, {steps, calendar})
}

/**
 * What `review list` and `report` show: the open review stages and the pending deadlines, with working days left
 * on `asOf`. With `asOfGiven` (the clerk named a day) the register is first taken back to that day; without, it
 * is shown as it stands.
 */
export async function deadlinesOn(registerPath: string, data: RegisterData, asOf: string, asOfGiven: boolean, calendar: CalendarSession): Promise<{data: RegisterData; deadlines: OpenStageRow[]}> {
  const view = asOfGiven ? await registerOn(registerPath, data, asOf, calendar) : data
  return {data: view, deadlines: [...openStages(view, asOf, calendar.workingDaysBetween), ...lifecycleDeadlines(view, asOf, calendar)]}
}

// DESIGN §11.3: deadlines follow the calendar in force. A due date counted before a year's holiday schedule was
// known (Monday–Friday straight through the Spring Festival), or under a schedule since corrected, is counted
// again when the office imports the schedule: the stored due date of every open review stage, and the computed
// date of every pending deadline after review, are compared under the calendar before and after the import.
import {openCalendar, type CalendarSession} from '../calendar/session.js'
import type {CalendarOverride} from '../calendar/index.js'
import {isOpen} from '../domain/stages.js'
import type {Change, RegisterData} from '../domain/types.js'
import type {MutationOutcome} from '../register/store.js'
import {pendingDeadlines} from './deadlines.js'

/** Deadlines computed on the fly: a move of theirs changes no stored field. */
const PENDING_KEYS = new Set(['acceptance-apply', 'filing', 'evaluation'])

export interface DeadlineMove {
  projectId: string
  /** the stage key, or `acceptance-apply`, `filing`, `evaluation` for a pending deadline */
  key: string
  dueOnBefore: string
  dueOn: string
}

export interface CalendarImportResult {
  year: number
  days: number
  moved: DeadlineMove[]
}

/**
 * The due dates that `after` moves from where `before` put them. An open stage's due date is its start
 * (`startedOn`: the opening, or the return of a returned stage) plus its time limit in working days, the limit it
 * was opened with (read back from the stored due date under `before`, so a later `config set time-limit` does not
 * move it); the stored `dueOn` is updated in `data`. Pending deadlines are computed, never stored: only listed.
 */
export function recomputeDeadlines(data: RegisterData, before: CalendarSession, after: CalendarSession): DeadlineMove[] {
  const moved: DeadlineMove[] = []
  for (const p of data.projects) {
    if (p.status !== 'reviewing') continue
    for (const s of p.stages) {
      if (!isOpen(s) || !s.startedOn || !s.dueOn || s.dueOn <= s.startedOn) continue
      const limit = before.workingDaysBetween(s.startedOn, s.dueOn)
      if (limit <= 0) continue
      const dueOn = after.addWorkingDays(s.startedOn, limit)
      if (dueOn === before.addWorkingDays(s.startedOn, limit)) continue
      moved.push({projectId: p.id, key: s.key, dueOnBefore: s.dueOn, dueOn})
      s.dueOn = dueOn
    }
  }
  const was = new Map(pendingDeadlines(data, before).map((d) => [`${d.project.id}|${d.key}`, d.dueOn]))
  for (const d of pendingDeadlines(data, after)) {
    const dueOnBefore = was.get(`${d.project.id}|${d.key}`)
    if (dueOnBefore !== undefined && dueOnBefore !== d.dueOn) moved.push({projectId: d.project.id, key: d.key, dueOnBefore, dueOn: d.dueOn})
  }
  return moved
}

const sameDays = (a: CalendarOverride['days'], b: CalendarOverride['days']) => {
  const text = (days: CalendarOverride['days']) => JSON.stringify([...days].sort((x, y) => x.date.localeCompare(y.date)).map((d) => [d.date, d.name, d.isOffDay]))
  return text(a) === text(b)
}

/**
 * `calendar import`: the year's schedule replaces the office's earlier one for that year, and every due date it
 * changes is moved and journalled (one entry per move, under its project). The same schedule again changes nothing.
 */
export function importCalendar(data: RegisterData, override: CalendarOverride, now: string): MutationOutcome<{result: CalendarImportResult; projectNames: Map<string, string>}> {
  const previous = data.calendarOverrides ?? []
  const result: CalendarImportResult = {year: override.year, days: override.days.length, moved: []}
  const projectNames = new Map<string, string>()
  const same = previous.find((o) => o.year === override.year)
  if (same && sameDays(same.days, override.days)) return {result: {result, projectNames}, changes: []}
  const rest = previous.filter((o) => o.year !== override.year)
  const next = [...rest, override].sort((a, b) => a.year - b.year)
  result.moved = recomputeDeadlines(data, openCalendar(previous), openCalendar(next))
  data.calendarOverrides = next
  const touched = new Set(result.moved.filter((m) => !PENDING_KEYS.has(m.key)).map((m) => m.projectId))
  const named = new Set(result.moved.map((m) => m.projectId))
  for (const p of data.projects) {
    if (touched.has(p.id)) p.updatedAt = now
    if (named.has(p.id)) projectNames.set(p.id, p.name)
  }
  const changes: Change[] = [
    {projectId: null, action: 'calendar-import', change: {year: override.year, days: override.days.length, replaced: same !== undefined, moved: result.moved.length}},
    ...result.moved.map((m) => ({projectId: m.projectId, action: 'deadline-moved', change: {key: m.key, dueOnBefore: m.dueOnBefore, dueOn: m.dueOn, calendarYear: override.year}})),
  ]
  return {result: {result, projectNames}, changes}
}

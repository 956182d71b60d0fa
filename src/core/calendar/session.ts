// One calendar per command, built from the register's office overrides; it remembers every year it had to
// guess (Monday–Friday) so the command can warn once, naming the years.
import {createCalendar, type CalendarOverride, type WorkingCalendar} from './index.js'

export interface CalendarSession {
  calendar: WorkingCalendar
  addWorkingDays(date: string, days: number): string
  workingDaysBetween(from: string, to: string): number
  /** years touched so far that neither the package nor an override covers */
  uncoveredYears(): number[]
}

export function openCalendar(overrides: CalendarOverride[] | undefined): CalendarSession {
  const calendar = createCalendar(overrides ?? [])
  const uncovered = new Set<number>()
  const note = (years: number[]) => years.forEach((y) => uncovered.add(y))
  return {
    calendar,
    addWorkingDays(date, days) {
      const r = calendar.addWorkingDays(date, days)
      note(r.uncoveredYears)
      return r.date
    },
    workingDaysBetween(from, to) {
      const r = calendar.workingDaysBetween(from, to)
      note(r.uncoveredYears)
      return r.days
    },
    uncoveredYears: () => [...uncovered].sort(),
  }
}

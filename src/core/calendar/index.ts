// Why this module exists: the regulation's deadlines are counted in working days, and China's working days
// cannot be computed — the State Council announces each year's holidays and the weekend days worked in
// exchange (调休) only weeks before the year starts. So the calendar is data: the `chinese-days` package,
// which ships the announced years, plus an office override file for a year announced after the installed
// package was published (or for a local closure). A date in a year nobody has data for still gets an
// answer, Monday–Friday, but the year is reported so the CLI can warn: a deadline that is silently one week
// off is worse than one that says it is a guess. Each year becomes a lazily built bitmap with running
// counts, so checking the deadlines of 20,000 projects costs a few array reads each, not a scan per call.
import {createRequire} from 'node:module'
import {fromDayNumber, isLeapYear, isoDate, toDayNumber, weekday, yearOf} from '../domain/iso-date.js'
import type {CalendarOverride} from './holiday-cn.js'

export {addMonths, isValidIsoDate, todayIso} from '../domain/iso-date.js'
export {CalendarOverrideError, parseHolidayCnJson} from './holiday-cn.js'
export type {CalendarOverride, OverrideDay, OverrideErrorReason} from './holiday-cn.js'

export type CalendarSource = 'official' | 'override' | 'fallback'

export interface NamedDay {
  date: string
  name: string
}

export interface YearSummary {
  year: number
  covered: boolean
  /** 'override' when the office file supplies (part of) the year, even if the package has it too */
  source: CalendarSource
  /** listed days off, weekend days inside a holiday break included */
  holidays: NamedDay[]
  /** listed working days: 调休 weekends, or holidays the office cancelled */
  adjustedWorkdays: NamedDay[]
  workingDayCount: number
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean
  /** The n-th working day after `start` (before it when n < 0); `start` itself is never counted. */
  addWorkingDays(start: string, n: number): {date: string; uncoveredYears: number[]}
  /**
   * Working days after `from` up to and including `to`; when `to` < `from`, minus the working days from `to`
   * up to but excluding `from`. So `workingDaysBetween(a, addWorkingDays(a, n).date).days === n`, and a
   * deadline that was a working day gives a negative count from the next day on.
   */
  workingDaysBetween(from: string, to: string): {days: number; uncoveredYears: number[]}
  coveredYears(): number[]
  isCovered(year: number): boolean
  yearSummary(year: number): YearSummary
}

interface ListedDay {
  name: string
  isOffDay: boolean
}

/** date → listed day, for one year */
type YearDays = Map<string, ListedDay>

interface YearTable {
  year: number
  covered: boolean
  /** day number of 1 January */
  start: number
  length: number
  /** 1 = working day, by day of the year */
  working: Uint8Array
  /** working days before each day of the year; counts[length] is the year's total */
  counts: Uint16Array
}

function daysOf(byYear: Map<number, YearDays>, year: number): YearDays {
  let days = byYear.get(year)
  if (!days) byYear.set(year, (days = new Map()))
  return days
}

let official: Map<number, YearDays> | undefined

/** The package's schedule by year. Its data file is read on first use, so commands without dates never load it. */
function officialYears(): Map<number, YearDays> {
  if (official) return official
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
    holidays?: Record<string, string>
    workdays?: Record<string, string>
  }
  if (typeof data.holidays !== 'object' || typeof data.workdays !== 'object') {
    throw new Error('chinese-days: dist/chinese-days.json has no holidays/workdays tables')
  }
  const byYear = new Map<number, YearDays>()
  // Labels read "Mid-autumn Festival,中秋,1": English, Chinese, length of the break.
  const add = (table: Record<string, string>, isOffDay: boolean) => {
    for (const [date, label] of Object.entries(table)) {
      const parts = label.split(',')
      daysOf(byYear, yearOf(date)).set(date, {name: parts.length >= 3 ? parts[parts.length - 2] : label, isOffDay})
    }
  }
  add(data.holidays, true)
  // after the holidays: a date in both tables is a working day, as in the package's own isWorkday
  add(data.workdays, false)
  official = byYear
  return official
}

const byDate = (a: NamedDay, b: NamedDay) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
const sorted = (years: Iterable<number>) => [...years].sort((a, b) => a - b)

export function createCalendar(overrides: CalendarOverride[] = []): WorkingCalendar {
  const overrideYears = new Set(overrides.map((o) => o.year))
  // filed by each date's own year: a New Year break may start in the previous December
  const overrideDays = new Map<number, YearDays>()
  for (const override of overrides) {
    for (const {date, name, isOffDay} of override.days) daysOf(overrideDays, yearOf(date)).set(date, {name, isOffDay})
  }
  const tables = new Map<number, YearTable>()

  const isCovered = (year: number) => overrideYears.has(year) || officialYears().has(year)

  /** The listed days of a year: the package's, then the office's on top. */
  function listed(year: number): YearDays {
    return new Map([...(officialYears().get(year) ?? []), ...(overrideDays.get(year) ?? [])])
  }

  function table(year: number): YearTable {
    const cached = tables.get(year)
    if (cached) return cached
    if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`year out of range: ${year}`)
    const start = toDayNumber(isoDate(year, 1, 1))
    const length = isLeapYear(year) ? 366 : 365
    const working = new Uint8Array(length)
    for (let i = 0; i < length; i++) {
      const wd = weekday(start + i)
      working[i] = wd >= 1 && wd <= 5 ? 1 : 0
    }
    for (const [date, day] of listed(year)) working[toDayNumber(date) - start] = day.isOffDay ? 0 : 1
    const counts = new Uint16Array(length + 1)
    for (let i = 0; i < length; i++) counts[i + 1] = counts[i] + working[i]
    const built = {year, covered: isCovered(year), start, length, working, counts}
    tables.set(year, built)
    return built
  }

  const tableOf = (date: string) => table(yearOf(date))

  /** Working days in the day range [lo, hi), noting the years it reads that have no data. */
  function count(lo: number, hi: number, uncovered: Set<number>): number {
    let total = 0
    while (lo < hi) {
      const t = table(yearOf(fromDayNumber(lo)))
      const end = Math.min(hi, t.start + t.length)
      total += t.counts[end - t.start] - t.counts[lo - t.start]
      if (!t.covered) uncovered.add(t.year)
      lo = end
    }
    return total
  }

  return {
    isWorkingDay(date) {
      const day = toDayNumber(date)
      const t = tableOf(date)
      return t.working[day - t.start] === 1
    },

    addWorkingDays(start, n) {
      if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`)
      const uncovered = new Set<number>()
      const day = toDayNumber(start)
      let t = tableOf(start)
      let i = day - t.start
      let left = Math.abs(n)
      const step = Math.sign(n)
      if (step !== 0) {
        i += step
        // whole years are skipped by their counts; only the last one is walked day by day
        for (;;) {
          if (i >= 0 && i < t.length) {
            const ahead = step > 0 ? t.counts[t.length] - t.counts[i] : t.counts[i + 1]
            if (!t.covered) uncovered.add(t.year)
            if (ahead >= left) break
            left -= ahead
          }
          t = table(t.year + step)
          i = step > 0 ? 0 : t.length - 1
        }
        while ((left -= t.working[i]) > 0) i += step
      }
      return {date: fromDayNumber(t.start + i), uncoveredYears: sorted(uncovered)}
    },

    workingDaysBetween(from, to) {
      const a = toDayNumber(from)
      const b = toDayNumber(to)
      const uncovered = new Set<number>()
      const days = b >= a ? count(a + 1, b + 1, uncovered) : -count(b, a, uncovered)
      return {days, uncoveredYears: sorted(uncovered)}
    },

    coveredYears: () => sorted(new Set([...officialYears().keys(), ...overrideYears])),

    isCovered,

    yearSummary(year) {
      const t = table(year)
      const days = [...listed(year)]
      const named = (off: boolean) =>
        days.filter(([, day]) => day.isOffDay === off).map(([date, day]) => ({date, name: day.name})).sort(byDate)
      return {
        year,
        covered: t.covered,
        source: overrideYears.has(year) ? 'override' : t.covered ? 'official' : 'fallback',
        holidays: named(true),
        adjustedWorkdays: named(false),
        workingDayCount: t.counts[t.length],
      }
    },
  }
}

// The office's override file uses the holiday-cn format (github.com/NateScarlet/holiday-cn), so a year's
// schedule can be dropped in from that project, or typed by hand, as soon as the State Council publishes it.
import {InvalidData, type Params} from '../domain/errors.js'
import {isValidIsoDate, yearOf} from './dates.js'

export interface OverrideDay {
  date: string
  name: string
  /** true: a day off (holiday); false: a working day (调休, or a holiday cancelled by the office) */
  isOffDay: boolean
}

export interface CalendarOverride {
  year: number
  days: OverrideDay[]
}

export type OverrideErrorReason =
  | 'notJson'
  | 'notObject'
  | 'missingYear'
  | 'missingDays'
  | 'emptyDays'
  | 'badDay'
  | 'badDate'
  | 'dateOutsideYear'
  | 'duplicateDate'

/** Exit 3: the override file is refused as a whole. Message key `error.calendarOverride.<reason>`. */
export class CalendarOverrideError extends InvalidData {
  constructor(
    readonly reason: OverrideErrorReason,
    params: Params = {},
  ) {
    super(`error.calendarOverride.${reason}`, {reason, ...params})
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * holiday-cn files the New Year break under the year it ends in, so 2019.json lists 2018-12-29..31:
 * the last week of the previous December belongs to the stated year's schedule too.
 */
function inScheduleOf(date: string, year: number): boolean {
  return yearOf(date) === year || (yearOf(date) === year - 1 && date.slice(5) >= '12-25')
}

export function parseHolidayCnJson(text: string): CalendarOverride {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new CalendarOverrideError('notJson', {detail: (error as Error).message})
  }
  if (!isRecord(data)) throw new CalendarOverrideError('notObject')
  const {year, days} = data
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > 9999) {
    throw new CalendarOverrideError('missingYear', {value: year === undefined ? undefined : JSON.stringify(year)})
  }
  if (!Array.isArray(days)) throw new CalendarOverrideError('missingDays', {year})
  // holiday-cn publishes an empty file for a year before its schedule is announced: that is no coverage.
  if (days.length === 0) throw new CalendarOverrideError('emptyDays', {year})

  const seen = new Set<string>()
  const parsed = days.map((day: unknown, index): OverrideDay => {
    const at = `days[${index}]`
    if (!isRecord(day) || typeof day.name !== 'string' || typeof day.isOffDay !== 'boolean') {
      throw new CalendarOverrideError('badDay', {year, at})
    }
    const date = day.date
    if (typeof date !== 'string' || !isValidIsoDate(date)) {
      throw new CalendarOverrideError('badDate', {
        year,
        at,
        date: typeof date === 'string' ? date : JSON.stringify(date ?? null),
      })
    }
    if (!inScheduleOf(date, year)) throw new CalendarOverrideError('dateOutsideYear', {year, at, date})
    if (seen.has(date)) throw new CalendarOverrideError('duplicateDate', {year, at, date})
    seen.add(date)
    return {date, name: day.name, isOffDay: day.isOffDay}
  })
  return {year, days: parsed}
}

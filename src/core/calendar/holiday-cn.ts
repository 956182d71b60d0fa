// The office's override file uses the holiday-cn format (github.com/NateScarlet/holiday-cn), so a year's
// schedule can be dropped in from that project, or typed by hand, as soon as the State Council publishes it.
import {InvalidData, type Params} from '../domain/errors.js'
import {isValidIsoDate, yearOf} from '../domain/iso-date.js'

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
  | 'badYear'
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

/** The years a schedule may be for (the range `calendar show` takes). */
export const SCHEDULE_YEARS = {min: 1900, max: 2200} as const

/** Parses a holiday-cn year file; `file` (the name the clerk gave) is named in every refusal. */
export function parseHolidayCnJson(text: string, file = ''): CalendarOverride {
  const refuse = (reason: OverrideErrorReason, params: Params = {}) => new CalendarOverrideError(reason, {file, ...params})
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw refuse('notJson', {detail: (error as Error).message})
  }
  if (!isRecord(data)) throw refuse('notObject')
  const {year, days} = data
  if (typeof year !== 'number') throw refuse('missingYear', {value: year === undefined ? '' : JSON.stringify(year)})
  if (!Number.isInteger(year) || year < SCHEDULE_YEARS.min || year > SCHEDULE_YEARS.max) {
    throw refuse('badYear', {value: JSON.stringify(year), min: SCHEDULE_YEARS.min, max: SCHEDULE_YEARS.max})
  }
  if (!Array.isArray(days)) throw refuse('missingDays', {year})
  // holiday-cn publishes an empty file for a year before its schedule is announced: that is no coverage.
  if (days.length === 0) throw refuse('emptyDays', {year})

  const seen = new Set<string>()
  const parsed = days.map((day: unknown, index): OverrideDay => {
    const at = `days[${index}]`
    if (!isRecord(day) || typeof day.name !== 'string' || typeof day.isOffDay !== 'boolean') {
      throw refuse('badDay', {year, at})
    }
    const date = day.date
    if (typeof date !== 'string' || !isValidIsoDate(date)) {
      throw refuse('badDate', {year, at, date: typeof date === 'string' ? date : JSON.stringify(date ?? null)})
    }
    if (!inScheduleOf(date, year)) throw refuse('dateOutsideYear', {year, at, date})
    if (seen.has(date)) throw refuse('duplicateDate', {year, at, date})
    seen.add(date)
    return {date, name: day.name, isOffDay: day.isOffDay}
  })
  return {year, days: parsed}
}

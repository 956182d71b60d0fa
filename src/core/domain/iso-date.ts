// Dates are 'YYYY-MM-DD' strings and arithmetic is done on calendar days, never on instants, so the machine's
// time zone or a daylight-saving change can never move a deadline by a day. The one home of date arithmetic and
// of Excel's day serials, for the domain and every layer around it.
import {addMonths as addCalendarMonths, differenceInCalendarDays, format} from 'date-fns'

const DAY_MS = 86_400_000
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
/** an ISO 8601 date and time with its offset (`Z` or `+08:00`), as the register and the journal store them */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/
/** Excel's serial of 1970-01-01 in the 1900 date system; the 1904 system counts 1,462 days fewer. */
const SERIAL_OF_EPOCH = 25_569
const DATE1904_OFFSET = 1_462
/** 9999-12-31, the last day Excel can show */
const LAST_SERIAL = 2_958_465

export function isValidIsoDate(s: string): boolean {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false
  const time = Date.parse(`${s}T00:00:00Z`)
  // Date.parse rolls 2026-02-30 over to March (or rejects it): only an exact round trip is a real date.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s
}

export function assertIsoDate(s: string): void {
  if (!isValidIsoDate(s)) throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(s)}`)
}

/** Days since 1970-01-01: the calendar's index of working days is an array over these. */
export function toDayNumber(date: string): number {
  assertIsoDate(date)
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** The calendar date as a local Date at midnight: date-fns counts months and days on the wall calendar. */
function wallDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  const wall = new Date(2000, m - 1, d)
  wall.setFullYear(y)
  return wall
}

/** Calendar months, clamped to the end of the month: 2026-08-31 + 6 → 2027-02-28. */
export function addMonths(date: string, months: number): string {
  assertIsoDate(date)
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`)
  const result = addCalendarMonths(wallDate(date), months)
  if (result.getFullYear() < 0 || result.getFullYear() > 9999) throw new RangeError(`date out of range: ${date} + ${months} months`)
  return localIso(result)
}

/** Calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return differenceInCalendarDays(wallDate(b), wallDate(a))
}

function localIso(d: Date): string {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate())
}

/** The machine's local date: what the clerk sees on the wall calendar. */
export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd')
}

/**
 * Excel's day serial to a date: the 1900 system counts the phantom 1900-02-29 (serial 60), the 1904 system starts
 * 1,462 days later. The time of day is dropped. null outside Excel's range.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null
  const s = date1904 ? serial + DATE1904_OFFSET : serial
  if (s < 1 || s > LAST_SERIAL) return null
  const day = Math.floor(s) - (s >= 60 ? 0 : -1) - SERIAL_OF_EPOCH
  return fromDayNumber(day)
}

/** A date's serial in the 1900 system, as a workbook stores a date cell (dates from 1900-03-01 on). */
export function isoToExcelSerial(date: string): number {
  return toDayNumber(date) + SERIAL_OF_EPOCH
}

/** The machine's UTC offset at that instant, in minutes east of UTC (+480 in China): daylight saving, where a
 * zone has it, gives each instant its own. */
export function machineOffsetMinutes(instant: Date): number {
  const offset = -instant.getTimezoneOffset()
  return offset === 0 ? 0 : offset
}

/** `+08:00`, `-05:30`, `+00:00`: the offset as ISO 8601 writes it. */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
}

export interface LocalTimeParts {
  date: string
  /** HH:mm */
  minutes: string
  /** HH:mm:ss */
  seconds: string
  offset: string
}

/**
 * An instant (a stored `…Z` timestamp) as the wall clock `offsetMinutes` east of UTC reads it. Pure: the offset
 * comes in (by default the machine's at that instant). null when the text is no timestamp.
 */
export function localTimeParts(instant: string | Date, offsetMinutes?: number): LocalTimeParts | null {
  // only a full timestamp: Date.parse would read a backup named 2027 as a time too
  if (typeof instant === 'string' && !TIMESTAMP.test(instant)) return null
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant)
  if (Number.isNaN(ms)) return null
  const offset = offsetMinutes ?? machineOffsetMinutes(new Date(ms))
  const wall = new Date(ms + offset * 60_000)
  const hm = `${pad(wall.getUTCHours(), 2)}:${pad(wall.getUTCMinutes(), 2)}`
  return {
    date: isoDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
    minutes: hm,
    seconds: `${hm}:${pad(wall.getUTCSeconds(), 2)}`,
    offset: offsetText(offset),
  }
}

/**
 * The one way a time is shown to people (DESIGN §5): local time with its offset, `2026-12-01 16:24 +08:00`.
 * Text that is no timestamp (a hand-edited journal) is shown as it is.
 */
export function formatLocalTime(instant: string | Date, options: {offsetMinutes?: number; seconds?: boolean} = {}): string {
  const parts = localTimeParts(instant, options.offsetMinutes)
  if (!parts) return String(instant)
  return `${parts.date} ${options.seconds ? parts.seconds : parts.minutes} ${parts.offset}`
}

// Dates are 'YYYY-MM-DD' strings and arithmetic is done on UTC day numbers (days since 1970-01-01), so the
// machine's time zone or a daylight-saving change can never move a deadline by a day.

const DAY_MS = 86_400_000
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function isValidIsoDate(s: string): boolean {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false
  const time = Date.parse(`${s}T00:00:00Z`)
  // Date.parse rolls 2026-02-30 over to March (or rejects it): only an exact round trip is a real date.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s
}

export function assertIsoDate(s: string): void {
  if (!isValidIsoDate(s)) throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(s)}`)
}

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

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** Calendar months, clamped to the end of the month: 2026-08-31 + 6 → 2027-02-28. */
export function addMonths(date: string, months: number): string {
  assertIsoDate(date)
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`)
  const [y, m, d] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  if (year < 0 || year > 9999) throw new RangeError(`date out of range: ${date} + ${months} months`)
  return isoDate(year, month, Math.min(d, daysInMonth(year, month)))
}

/** The machine's local date: what the clerk sees on the wall calendar. */
export function todayIso(now: Date = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate())
}

// Calendar dates are 'YYYY-MM-DD' strings with no time zone: a deadline must not move by a day because the
// machine's clock is in another zone.
import {toHalfWidth} from './money.js'
import {isValidIsoDate, todayIso, yearOf as calendarYearOf} from '../calendar/dates.js'

/** A real calendar date written YYYY-MM-DD (the calendar module's check: one definition for the whole core). */
export const isIsoDate = isValidIsoDate

function iso(y: number, m: number, d: number): string | null {
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return isIsoDate(text) ? text : null
}

/** Accepts 2027-03-01, 2027/3/1, 2027.3.1, 2027年3月1日 (full-width digits too). Returns null if not a real date. */
export function parseDate(input: string): string | null {
  const text = toHalfWidth(input).trim().replace(/\s+/g, '')
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (!m) return null
  return iso(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** Excel's day serial (1900 date system, with its phantom 1900-02-29) to a date. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null
  const days = Math.floor(serial) - (serial >= 60 ? 1 : 0)
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000)
  return date.toISOString().slice(0, 10)
}

/** Today on the machine's clock, as the clerk's calendar shows it. */
export function todayLocal(now: Date = new Date()): string {
  return todayIso(now)
}

export const yearOf = calendarYearOf

/** Calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

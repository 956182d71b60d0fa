// Dates as clerks type them, read into the 'YYYY-MM-DD' strings of ./iso-date.ts (the one home of date arithmetic).
import {toHalfWidth} from './money.js'
import {isoDate, isValidIsoDate} from './iso-date.js'

export {excelSerialToIso as excelSerialToDate, isValidIsoDate as isIsoDate, todayIso as todayLocal, yearOf, daysBetween} from './iso-date.js'

/** Accepts 2027-03-01, 2027/3/1, 2027.3.1, 2027年3月1日 (full-width digits too). Returns null if not a real date. */
export function parseDate(input: string): string | null {
  const text = toHalfWidth(input).trim().replace(/\s+/g, '')
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (!m) return null
  const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
  return isValidIsoDate(date) ? date : null
}

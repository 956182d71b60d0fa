// The bounds of what a clerk or a unit may enter, in one place: a value is refused the same way whether it came
// from a flag, a prompt or a spreadsheet cell. (The spreadsheet reader's own bounds — file size, rows, columns,
// cells — sit with the reader, in src/core/excel/read/limits.ts.)

/** The longest text of any one field (names, reasons, opinions, summaries, document numbers), in characters. */
export const MAX_TEXT_LENGTH = 2000

/** Plan years, and the years of every date the register records (decisions, deadlines, 申报日期). */
export const YEAR_RANGE = {min: 2000, max: 2100} as const

export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= YEAR_RANGE.min && year <= YEAR_RANGE.max
}

/** A YYYY-MM-DD date whose year is in YEAR_RANGE. */
export function isDateInRange(isoDate: string): boolean {
  return isYearInRange(Number(isoDate.slice(0, 4)))
}

// Flag values checked at the door, the same way for every command: a year in the register's range, a date in it,
// and no text longer than any field may hold (the limits are src/core/domain/limits.ts, shared with import).
import {Flags} from '@oclif/core'
import {UsageError} from '../core/domain/errors.js'
import {isDateInRange, isYearInRange, MAX_TEXT_LENGTH, YEAR_RANGE} from '../core/domain/limits.js'
import {toHalfWidth} from '../core/domain/money.js'
import {normaliseText, normaliseUnit} from '../core/domain/normalise.js'
import type {Region} from '../core/domain/region.js'

/** `--year N`: an integer within YEAR_RANGE (99999, 0 and −5 are refused with exit 2). */
export const yearFlag = Flags.custom<number>({
  parse: async (input, _context, flag) => parseYearFlag(flag.name, input),
})

export function parseYearFlag(name: string, input: string): number {
  const text = toHalfWidth(input).trim()
  const year = /^[-+]?\d{1,9}$/.test(text) ? Number(text) : Number.NaN
  if (!isYearInRange(year)) throw new UsageError('usage.yearFlag', {flag: name, value: input, ...YEAR_RANGE})
  return year
}

/** A parsed date flag outside YEAR_RANGE (9999-12-31, 0001-01-01) is refused, not carried into the calendar. */
export function checkDateInRange(name: string, value: string, date: string): string {
  if (!isDateInRange(date)) throw new UsageError('usage.dateOutOfRange', {flag: name, value, ...YEAR_RANGE})
  return date
}

/** Every text a command was given (flags, also from the environment, and arguments) within MAX_TEXT_LENGTH. */
export function checkTextLengths(flags: Record<string, unknown>, args: Record<string, unknown>, argv: unknown[]): void {
  const check = (label: string, value: unknown) => {
    if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) throw new UsageError('usage.textTooLong', {flag: label, length: value.length, max: MAX_TEXT_LENGTH})
  }
  for (const [name, value] of Object.entries(flags)) for (const v of Array.isArray(value) ? value : [value]) check(`--${name}`, v)
  const argNames = Object.keys(args)
  for (const [name, value] of Object.entries(args)) check(name, value)
  for (const value of argv) check(argNames[0] ?? 'argument', value)
}

/** A unit named on the command line, normalised; one that normalises to nothing ("", spaces, a ZWSP) is refused. */
export function unitArgument(raw: string, region: Pick<Region, 'name' | 'tier'>): string {
  const unit = normaliseUnit(raw, region)
  if (unit === '') throw new UsageError('unit.nameRequired')
  return unit
}

/** A required text flag with something in it (a reason of spaces is no reason). */
export function requiredText(name: string, raw: string): string {
  const text = normaliseText(raw)
  if (text === '') throw new UsageError('usage.blankFlag', {flag: name})
  return text
}

// Amount flags take the same text as `config set`: 80万, 800000 (元), 800,000元, 1.2亿.
import {parseAmount, toHalfWidth} from '../core/domain/money.js'
import {InvalidInput} from '../core/domain/errors.js'
import type {Notice} from '../core/domain/notices.js'
import type {RawValue} from '../core/domain/declaration.js'
import {AMOUNT_FIELDS, declarationField} from '../core/domain/declaration-fields.js'

export function parseAmountFlag(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null
  const parsed = parseAmount(value, 'yuan')
  if (!parsed.ok) throw new InvalidInput([{field: 'amount', code: parsed.code, params: {value, flag}}], true)
  return parsed.fen
}

/** DESIGN §5: a bare number is 元, and a project amount under 1 万元 is more likely 万元 left unwritten. */
const SUSPICIOUS_BELOW_FEN = 1_000_000

/**
 * The warning for an amount written as a bare number below 1 万元 (`85` → “85 元？若为万元请写 85万”), or null.
 * A unit written out (`85元`, `¥85`) is the clerk's own statement and is not questioned; nor is an amount the
 * parser refuses, which has its own message.
 */
export function bareAmountNotice(where: string, value: unknown): Notice | null {
  if (typeof value !== 'string') return null
  const text = toHalfWidth(value).trim()
  if (!/^\d[\d,]*(\.\d+)?$/.test(text)) return null
  const parsed = parseAmount(text, 'yuan')
  if (!parsed.ok || parsed.fen === 0 || parsed.fen >= SUSPICIOUS_BELOW_FEN) return null
  return {code: 'warning.bareAmount', params: {where, value: text}}
}

/** The bare-amount warnings of a declaration's amount flags (--total, --fiscal, --annual-plan). */
export function declarationAmountNotices(raw: Record<string, RawValue>): Notice[] {
  return AMOUNT_FIELDS.map((key) => bareAmountNotice(`--${declarationField(key)!.flag.name}`, raw[key])).filter((n): n is Notice => n !== null)
}

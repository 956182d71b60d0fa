// Amount flags take the same text as `config set`: 80万, 800000 (元), 800,000元, 1.2亿.
import {parseAmount} from '../core/domain/money.js'
import {InvalidInput} from '../core/domain/errors.js'

export function amountFlag(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null
  const parsed = parseAmount(value, 'yuan')
  if (!parsed.ok) throw new InvalidInput([{field: 'amount', code: parsed.code, params: {value, flag}}], true)
  return parsed.fen
}

// Values of the register as a clerk reads them, in the catalogue's language.
import {formatWan} from '../domain/money.js'
import {word, type Lang} from './index.js'

/** A value of a change since approval (amounts in 万元, closed lists in words). */
export function changeValueText(field: string, value: string | number | null, lang?: Lang): string {
  if (value === null) return '—'
  if (typeof value === 'number' && field.endsWith('Fen')) return formatWan(value)
  if (field === 'track' || field === 'status' || field === 'category') return word(field, String(value), lang)
  return String(value)
}

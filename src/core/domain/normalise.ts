// Units and project names arrive typed by dozens of clerks in Simplified or Traditional Chinese, with
// full-width characters and stray spaces; one normal form lets the register match them (DESIGN §2).
import {createRequire} from 'node:module'
import {toHalfWidth} from './money.js'

type ConverterFactory = {Converter(options: {from: string; to: string}): (text: string) => string}

let converter: ((text: string) => string) | null = null
/** Traditional → Simplified. opencc's dictionaries (~700 KB of source) are loaded on first use, not at start:
 * `project list` never needs them. */
export function toSimplified(text: string): string {
  const convert = (converter ??= (createRequire(import.meta.url)('opencc-js/t2cn') as ConverterFactory).Converter({from: 'tw', to: 'cn'}))
  return convert(text)
}

function cleanSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim()
}

/** A string function remembered by its argument (bounded): an import asks for the same units and names many times,
 * and the Traditional→Simplified conversion is the costly part. */
function remembered(compute: (raw: string) => string, limit: number): (raw: string) => string {
  const memo = new Map<string, string>()
  return (raw) => {
    let value = memo.get(raw)
    if (value === undefined) {
      if (memo.size > limit) memo.clear()
      memo.set(raw, (value = compute(raw)))
    }
    return value
  }
}

/** 項目建設單位 → normalised: Simplified, half-width, trimmed, a leading 郴州市 becomes 市. */
export const normaliseUnit = remembered(computeUnit, 50_000)

function computeUnit(raw: string): string {
  const text = cleanSpaces(toSimplified(toHalfWidth(raw))).replace(/\s+/g, '')
  return text.startsWith('郴州市') ? text.slice(2) : text
}

/** The form a project name is matched in; the name itself is kept as written. */
export const matchKeyOfName = remembered(computeMatchKey, 200_000)

function computeMatchKey(raw: string): string {
  return toSimplified(toHalfWidth(raw))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"'‘’《》<>()（）【】[\]]/g, '')
    .toLowerCase()
}

/** Free text (names, summaries) is kept as written: only surrounding and repeated white space goes. */
export function normaliseText(raw: string): string {
  return cleanSpaces(raw)
}

/** co-units are separated by 、 , ， ; ； or line breaks */
export function splitUnits(raw: string): string[] {
  return raw
    .split(/[、,，;；\n\r/]+/)
    .map((s) => normaliseUnit(s))
    .filter((s) => s !== '')
}

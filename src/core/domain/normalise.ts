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

const units = new Map<string, string>()

/** 項目建設單位 → normalised: Simplified, half-width, trimmed, a leading 郴州市 becomes 市. */
export function normaliseUnit(raw: string): string {
  let unit = units.get(raw)
  if (unit === undefined) {
    if (units.size > 50_000) units.clear()
    units.set(raw, (unit = computeUnit(raw)))
  }
  return unit
}

function computeUnit(raw: string): string {
  const text = cleanSpaces(toSimplified(toHalfWidth(raw))).replace(/\s+/g, '')
  return text.startsWith('郴州市') ? text.slice(2) : text
}

const matchKeys = new Map<string, string>()

/** The form a project name is matched in; the name itself is kept as written. Remembered: an import asks for
 * each name several times, and the Traditional→Simplified conversion is the costly part. */
export function matchKeyOfName(raw: string): string {
  let key = matchKeys.get(raw)
  if (key === undefined) {
    if (matchKeys.size > 200_000) matchKeys.clear()
    matchKeys.set(raw, (key = computeMatchKey(raw)))
  }
  return key
}

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

// Units and project names arrive typed by dozens of clerks in Simplified or Traditional Chinese, with
// full-width characters and stray spaces; one normal form lets the register match them (DESIGN §2).
import {createRequire} from 'node:module'
import {toHalfWidth} from './money.js'
import {withoutRegionPrefix, type Region} from './region.js'

type ConverterFactory = {Converter(options: {from: string; to: string}): (text: string) => string}

let converter: ((text: string) => string) | null = null
/** Traditional → Simplified. opencc's dictionaries (~700 KB of source) are loaded on first use, not at start:
 * `project list` never needs them. */
export function toSimplified(text: string): string {
  const convert = (converter ??= (createRequire(import.meta.url)('opencc-js/t2cn') as ConverterFactory).Converter({from: 'tw', to: 'cn'}))
  return convert(text)
}

/**
 * Characters that show nothing: zero-width space, joiner and non-joiner (U+200B–U+200D), word joiner (U+2060), soft
 * hyphen (U+00AD), BOM (U+FEFF), bidi marks and overrides, variation selectors, Hangul fillers — Unicode's
 * Default_Ignorable_Code_Point. Pasted from a web page or a chat window they make 市测\u200b试局 a second unit
 * (escaping the Art. 17 suspension) and 智慧\u200b警务平台 a second project, so they are removed from every text the
 * register stores (names included: they are kept as written, less what cannot be seen) and from every match key.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu
const HAS_INVISIBLE = /\p{Default_Ignorable_Code_Point}/u
/** Control characters (C0 other than white space, DEL, C1): stored free text keeps them as written (the terminal
 * shows them escaped), but a unit or a match key never holds one. */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g

/** The text without its invisible characters (see INVISIBLE). */
export function withoutInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text
}

function cleanSpaces(text: string): string {
  return withoutInvisible(text).replace(/[\s\u00a0\u3000]+/g, ' ').trim()
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

/**
 * 項目建設單位 → normalised: Simplified, half-width, trimmed, a leading region name becomes the level's character
 * (桂阳县公安局 → 县公安局 in 桂阳县's register; DESIGN §18). The region is the register's: the same text is a
 * different unit in another county's register.
 */
export function normaliseUnit(raw: string, region: Pick<Region, 'name' | 'tier'>): string {
  return withoutRegionPrefix(cleanUnit(raw), region)
}

const cleanUnit = remembered(computeUnit, 50_000)

function computeUnit(raw: string): string {
  return cleanSpaces(toSimplified(toHalfWidth(withoutInvisible(raw).replace(CONTROLS, '')))).replace(/\s+/g, '')
}

/** The form a project name is matched in; the name itself is kept as written. */
export const matchKeyOfName = remembered(computeMatchKey, 200_000)

function computeMatchKey(raw: string): string {
  return toSimplified(toHalfWidth(withoutInvisible(raw).replace(CONTROLS, '')))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"'‘’《》<>()（）【】[\]]/g, '')
    .toLowerCase()
}

/** Free text (names, summaries) is kept as written: only invisible characters and surrounding and repeated white
 * space go. */
export function normaliseText(raw: string): string {
  return cleanSpaces(raw)
}

const splitters = new Map<string, RegExp>()

/** The parts of a list cell between any of `separators` (the dictionary's listSeparators), empty parts dropped. */
export function splitList(raw: string, separators: readonly string[]): string[] {
  const key = separators.join('\u0000')
  let splitter = splitters.get(key)
  if (!splitter) splitters.set(key, (splitter = new RegExp(`(?:${separators.map((s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})+`)))
  return raw.split(splitter).filter((s) => s.trim() !== '')
}

/** co-units, separated by the dictionary's list separators (、 , ， ; ； / or line breaks) */
export function splitUnits(raw: string, separators: readonly string[], region: Pick<Region, 'name' | 'tier'>): string[] {
  return splitList(raw, separators)
    .map((s) => normaliseUnit(s, region))
    .filter((s) => s !== '')
}

// Duplicate construction (Art. 4, 12; DESIGN §14): two departments declaring the same system in different words, or
// a declaration rebuilding a system the inventory already has. Units write the same thing differently (智慧城管平台
// / 城市综合管理服务平台建设) and different things alike (智慧教育平台 / 智慧交通平台), so texts are compared by
// character bigrams — the usual way of indexing Chinese without a word segmenter, which would split 城管 and 城市管理
// differently anyway — weighted down where they fall inside the words every declaration uses (the office's list in
// data/screening.json). The score of a pair depends on the two texts only, not on the rest of the register: a
// pair the group cleared keeps its score, and a clerk can reproduce it.
import {toSimplified, withoutInvisible} from './normalise.js'
import {toHalfWidth} from './money.js'

/** One side of a comparison: a declaration of the year or a system of the inventory (which has no content text). */
export interface ScreeningCandidate {
  /** project id or system id */
  ref: string
  source: 'project' | 'system'
  unit: string
  name: string
  /** 主要建设内容; '' when there is none */
  content: string
  /** refs this candidate is meant to resemble and is never paired with (an O&M project and the system it maintains) */
  related?: readonly string[]
}

/** data/screening.json */
export interface ScreeningSettings {
  threshold: number
  nameWeight: number
  boundaryWeight: number
  generic: Readonly<Record<string, number>>
  abbreviations: Readonly<Record<string, string>>
}

export interface ScreenedPair {
  a: string
  b: string
  /** 0–1, rounded to 0.001 */
  score: number
  /** the informative stretches of text both sides contain, longest first */
  shared: string[]
}

type Vector = {terms: Map<string, number>; norm: number}

interface Prepared {
  candidate: ScreeningCandidate
  /** the runs of the text with their informative terms (null where a term is not), worked out when first needed */
  strong?: Array<{run: string; strong: Array<string | null>}>
  /** normalised name and content, for the shared terms */
  text: string
  name: Vector
  content: Vector
}

/** Below this weight a bigram does not show as a shared term. */
const INFORMATIVE = 0.5
const MAX_SHARED = 6
const JOINERS = /^[和与及的等、]+|[和与及的等、]+$/g

/** A compiled view of the settings: the generic words by first character, the abbreviations longest first. */
export class ScreeningMeasure {
  private readonly genericByFirst = new Map<string, Array<[string, number]>>()
  private readonly abbreviations: Array<[string, string]>

  constructor(readonly settings: ScreeningSettings) {
    for (const [word, weight] of Object.entries(settings.generic)) {
      const key = normaliseForScreening(word)
      if (key.length < 2) continue
      const list = this.genericByFirst.get(key[0]) ?? []
      list.push([key, weight])
      this.genericByFirst.set(key[0], list)
    }
    for (const list of this.genericByFirst.values()) list.sort((x, y) => y[0].length - x[0].length)
    this.abbreviations = Object.entries(settings.abbreviations)
      .map(([short, long]) => [normaliseForScreening(short), normaliseForScreening(long)] as [string, string])
      .filter(([short, long]) => short !== '' && long !== '')
      .sort((x, y) => y[0].length - x[0].length)
  }

  /** The text a clerk typed in the form it is compared in: Simplified, half-width, lower case, abbreviations spelled out. */
  normalise(raw: string): string {
    let text = normaliseForScreening(raw)
    for (const [short, long] of this.abbreviations) if (text.includes(short)) text = spellOut(text, short, long)
    return text
  }

  /** The weighted bigrams of a normalised text (a lone CJK character or a Latin word is a term of its own). */
  vector(text: string): Vector {
    const terms = new Map<string, number>()
    const add = (term: string, weight: number) => {
      if (weight > 0) terms.set(term, (terms.get(term) ?? 0) + weight)
    }
    for (const run of text.match(RUNS) ?? []) {
      if (!CJK_START.test(run)) {
        if (!/^\d+$/.test(run)) add(run, 1)
        continue
      }
      if (run.length === 1) {
        add(run, 0.5)
        continue
      }
      const {word, weight} = this.cover(run)
      for (let i = 0; i + 1 < run.length; i++) {
        const w = word[i] !== -1 && word[i] === word[i + 1] ? weight[i] : this.settings.boundaryWeight * ((weight[i] + weight[i + 1]) / 2)
        add(run.slice(i, i + 2), w)
      }
    }
    let sum = 0
    for (const w of terms.values()) sum += w * w
    return {terms, norm: Math.sqrt(sum)}
  }

  /** Which generic word (an occurrence number, −1 for none) covers each character of a run, and its weight. */
  private cover(run: string): {word: Int32Array; weight: Float64Array} {
    const word = new Int32Array(run.length).fill(-1)
    const weight = new Float64Array(run.length).fill(1)
    let occurrence = 0
    for (let i = 0; i < run.length; ) {
      const match = this.genericByFirst.get(run[i])?.find(([g]) => run.startsWith(g, i))
      if (!match) {
        i++
        continue
      }
      for (let k = i; k < i + match[0].length; k++) {
        word[k] = occurrence
        weight[k] = match[1]
      }
      occurrence++
      i += match[0].length
    }
    return {word, weight}
  }

  prepare(candidate: ScreeningCandidate): Prepared {
    const name = this.normalise(candidate.name)
    const content = this.normalise(candidate.content)
    const nameVector = this.vector(name)
    const contentVector = this.vector(content)
    return {candidate, text: `${name}\u0000${content}`, name: nameVector, content: contentVector}
  }

  /** The score of two prepared texts: names and contents compared separately, the names weighing more. */
  score(a: Prepared, b: Prepared): number {
    return this.combine(cosine(a.name, b.name), a.content.norm === 0 || b.content.norm === 0 ? null : cosine(a.content, b.content))
  }

  /** names and contents together; without a content on either side (a system) the names are the whole score */
  combine(names: number, contents: number | null): number {
    return contents === null ? names : this.settings.nameWeight * names + (1 - this.settings.nameWeight) * contents
  }

  /** The informative stretches of a's text whose every bigram b also has. */
  shared(a: Prepared, b: Prepared): string[] {
    const has = (term: string) => (b.name.terms.get(term) ?? 0) >= INFORMATIVE || (b.content.terms.get(term) ?? 0) >= INFORMATIVE
    const found = new Set<string>()
    for (const {run, strong} of (a.strong ??= strongTerms(a))) {
      if (!CJK_START.test(run)) {
        if (strong[0] !== null && has(run)) found.add(run)
        continue
      }
      let start = -1
      for (let i = 0; i <= run.length - 1; i++) {
        const term = strong[i]
        const shared = term !== null && term !== undefined && has(term)
        if (shared && start === -1) start = i
        if (!shared && start !== -1) {
          found.add(run.slice(start, i + 1))
          start = -1
        }
      }
    }
    // a stretch that starts or ends on a joining word (和, 与…) shows without it
    const trimmed = [...found].map((x) => x.replace(JOINERS, '')).filter((x) => x.length >= 2)
    const all = [...new Set(trimmed)].sort((x, y) => y.length - x.length || x.localeCompare(y, 'zh'))
    return all.filter((s, i) => !all.slice(0, i).some((longer) => longer.includes(s))).slice(0, MAX_SHARED)
  }
}

const CJK = '\\p{Script=Han}'
/** runs of Chinese characters, or of Latin letters and digits */
const RUNS = new RegExp(`${CJK}+|[a-z0-9]+`, 'gu')
const CJK_START = new RegExp(`^${CJK}`, 'u')

/** Each run of a prepared text with, for each bigram (or the whole Latin word), the term if it is informative. */
function strongTerms(a: Prepared): Array<{run: string; strong: Array<string | null>}> {
  const strong = (term: string) => (a.name.terms.get(term) ?? 0) >= INFORMATIVE || (a.content.terms.get(term) ?? 0) >= INFORMATIVE
  return (a.text.match(RUNS) ?? []).map((run) => {
    if (!CJK_START.test(run)) return {run, strong: [strong(run) ? run : null]}
    const terms: Array<string | null> = []
    for (let i = 0; i + 1 < run.length; i++) {
      const term = run.slice(i, i + 2)
      terms.push(strong(term) ? term : null)
    }
    return {run, strong: terms}
  })
}

function normaliseForScreening(raw: string): string {
  return toSimplified(toHalfWidth(withoutInvisible(raw))).toLowerCase()
}

/** short → long wherever short is not already part of long (公积金 inside 住房公积金 stays). */
function spellOut(text: string, short: string, long: string): string {
  const offset = long.indexOf(short)
  let out = ''
  let from = 0
  for (let i = text.indexOf(short); i !== -1; i = text.indexOf(short, i + short.length)) {
    const inLong = offset !== -1 && text.startsWith(long, i - offset)
    out += text.slice(from, i) + (inLong ? short : long)
    from = i + short.length
  }
  return out + text.slice(from)
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.terms.size <= b.terms.size ? [a.terms, b.terms] : [b.terms, a.terms]
  let dot = 0
  for (const [term, w] of small) {
    const other = large.get(term)
    if (other !== undefined) dot += w * other
  }
  return cosineOf(dot, a, b)
}

/** Whether two candidates are compared at all: declarations with each other and with systems, never two systems,
 * never a candidate with one it is related to. */
function comparable(a: ScreeningCandidate, b: ScreeningCandidate): boolean {
  if (a.source === 'system' && b.source === 'system') return false
  return !(a.related?.includes(b.ref) || b.related?.includes(a.ref))
}

/** A pair's key whichever way round it is named. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
}

/**
 * Every comparable pair scoring at or above `threshold`, best first, except the pairs in `cleared` (pairKey).
 * An inverted index of the bigrams (names and contents apart) sums each declaration's dot products with the texts
 * that share a bigram with it, so a year's declarations against a province's inventory is not every pair. A
 * declaration looks up only its rarer bigrams: the commonest ones (平台, 管理…) are left out of the lookup as long as
 * they alone could not lift a pair to the threshold (each adds at most its weight in a times the highest weight any
 * text gives it); a text whose partial sum plus that bound stays below the threshold is not scored, the others are
 * scored exactly. So the index misses no pair `scorePair` lists.
 */
export function screen(candidates: readonly ScreeningCandidate[], settings: ScreeningSettings, options: {threshold?: number; cleared?: ReadonlySet<string>} = {}): ScreenedPair[] {
  const threshold = options.threshold ?? settings.threshold
  const nameWeight = settings.nameWeight
  const measure = measureOf(settings)
  // declarations first, so that "the later of two declarations, or any system" is "a higher index"
  const prepared = [...candidates.filter((c) => c.source === 'project'), ...candidates.filter((c) => c.source !== 'project')].map((c) => measure.prepare(c))
  const n = prepared.length
  const declarations = prepared.filter((p) => p.candidate.source === 'project').length
  // only a term in many texts is worth leaving out of a lookup: each one left out is added up for every text proposed
  const common = Math.max(COMMON_TERM, n / 100)
  const names = new Postings(prepared.map((p) => p.name), common)
  const contents = new Postings(prepared.map((p) => p.content), common)
  const acc = {name: new Float64Array(n), content: new Float64Array(n)}
  const seen = new Int32Array(n).fill(-1)
  const touched = new Int32Array(n)
  const margin = threshold * (1 - 1e-9)
  const pairs: ScreenedPair[] = []
  for (let i = 0; i < declarations; i++) {
    const a = prepared[i]
    const nameLookup = lookup(a.name, names, (left) => left < margin)
    const contentLookup = lookup(a.content, contents, (left) => nameWeight * nameLookup.left + (1 - nameWeight) * left < margin)
    let count = names.accumulate(a.name, i, nameLookup.kept, acc.name, acc.content, seen, touched, 0)
    count = contents.accumulate(a.content, i, contentLookup.kept, acc.content, acc.name, seen, touched, count)
    const aName = a.name.norm
    const aContent = a.content.norm
    for (let k = 0; k < count; k++) {
      const j = touched[k]
      const nameBest = bestCosine(acc.name[j], nameLookup.leftDot, aName, names.norm[j])
      const withContent = aContent > 0 && contents.norm[j] > 0
      const best = withContent ? nameWeight * nameBest + (1 - nameWeight) * bestCosine(acc.content[j], contentLookup.leftDot, aContent, contents.norm[j]) : nameBest
      if (best < margin) continue
      const b = prepared[j]
      if (!comparable(a.candidate, b.candidate) || options.cleared?.has(pairKey(a.candidate.ref, b.candidate.ref))) continue
      // the common terms left out of the lookup, added for this text only
      const nameCosine = cosineOf(acc.name[j] + leftOutDot(nameLookup.skipped, b.name), a.name, b.name)
      const score = withContent ? measure.combine(nameCosine, cosineOf(acc.content[j] + leftOutDot(contentLookup.skipped, b.content), a.content, b.content)) : nameCosine
      if (score >= threshold) pairs.push({a: a.candidate.ref, b: b.candidate.ref, score: Math.round(score * 1000) / 1000, shared: measure.shared(a, b)})
    }
  }
  return pairs.sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
}

/** the most a cosine can be: the dot product summed so far plus the most the left-out terms could add */
function bestCosine(dot: number, leftDot: number, normA: number, normB: number): number {
  return normA === 0 || normB === 0 ? 0 : (dot + leftDot) / (normA * normB)
}

/** a term in more texts than this may be left out of a lookup */
const COMMON_TERM = 32

interface Lookup {
  /** the terms looked up */
  kept: string[]
  /** the terms left out, with their weights */
  skipped: Array<[string, number]>
  /** the most the terms left out can add to a dot product (each at the highest weight any text gives it), and the
   * most that makes a cosine (over the smallest norm of any text) */
  leftDot: number
  left: number
}

function leftOutDot(skipped: ReadonlyArray<[string, number]>, b: Vector): number {
  let dot = 0
  for (const [term, w] of skipped) dot += w * (b.terms.get(term) ?? 0)
  return dot
}

function cosineOf(dot: number, a: Vector, b: Vector): number {
  return a.norm === 0 || b.norm === 0 ? 0 : Math.min(1, dot / (a.norm * b.norm))
}

/** Which of a vector's terms to look up: all but the commonest, leaving out as many as `fits` the bound. */
function lookup(v: Vector, postings: Postings, fits: (left: number) => boolean): Lookup {
  const kept: string[] = []
  const skipped: Array<[string, number]> = []
  let leftDot = 0
  let left = 0
  for (const [term, w] of [...v.terms].sort((x, y) => postings.frequency(y[0]) - postings.frequency(x[0]))) {
    const dot = leftDot + w * postings.maxWeight(term)
    const next = dot / (v.norm * postings.minNorm)
    if (postings.isCommon(term) && fits(next)) {
      leftDot = dot
      left = next
      skipped.push([term, w])
    } else kept.push(term)
  }
  return {kept, skipped, leftDot, left}
}

/** term → the texts holding it (ascending), its weight in each and the highest; each text's norm and the smallest */
class Postings {
  private readonly lists = new Map<string, {ids: Int32Array; weights: Float64Array; max: number}>()
  readonly norm: Float64Array
  readonly minNorm: number

  constructor(
    vectors: readonly Vector[],
    private readonly common: number,
  ) {
    const building = new Map<string, {ids: number[]; weights: number[]}>()
    vectors.forEach((v, id) => {
      for (const [term, w] of v.terms) {
        const list = building.get(term)
        if (list) {
          list.ids.push(id)
          list.weights.push(w)
        } else building.set(term, {ids: [id], weights: [w]})
      }
    })
    for (const [term, list] of building) this.lists.set(term, {ids: Int32Array.from(list.ids), weights: Float64Array.from(list.weights), max: list.weights.reduce((m, w) => Math.max(m, w), 0)})
    this.norm = Float64Array.from(vectors, (v) => v.norm)
    this.minNorm = vectors.reduce((m, v) => (v.norm > 0 ? Math.min(m, v.norm) : m), Infinity)
  }

  maxWeight(term: string): number {
    return this.lists.get(term)?.max ?? 0
  }

  frequency(term: string): number {
    return this.lists.get(term)?.ids.length ?? 0
  }

  isCommon(term: string): boolean {
    return this.frequency(term) > this.common
  }

  /**
   * Adds v's dot product over the `kept` terms into `acc` for every text after `after`; a text met for the first
   * time in this lookup (`seen` ≠ after) is appended to `touched` and its sums (`acc`, `other`) start from 0.
   * Returns the new length of `touched`.
   */
  accumulate(v: Vector, after: number, kept: readonly string[], acc: Float64Array, other: Float64Array, seen: Int32Array, touched: Int32Array, count: number): number {
    for (const term of kept) {
      const w = v.terms.get(term)!
      const {ids, weights} = this.lists.get(term)!
      for (let k = firstAbove(ids, after); k < ids.length; k++) {
        const id = ids[k]
        if (seen[id] !== after) {
          seen[id] = after
          acc[id] = 0
          other[id] = 0
          touched[count++] = id
        }
        acc[id] += w * weights[k]
      }
    }
    return count
  }
}

/** the first position in an ascending list holding a value above `i` */
function firstAbove(list: Int32Array, i: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid] <= i) lo = mid + 1
    else hi = mid
  }
  return lo
}

const measures = new WeakMap<ScreeningSettings, ScreeningMeasure>()
function measureOf(settings: ScreeningSettings): ScreeningMeasure {
  let measure = measures.get(settings)
  if (!measure) measures.set(settings, (measure = new ScreeningMeasure(settings)))
  return measure
}

/** The score of one pair, as `screen` computes it (for the labelled set and for showing a cleared pair). */
export function scorePair(a: Pick<ScreeningCandidate, 'name' | 'content'>, b: Pick<ScreeningCandidate, 'name' | 'content'>, settings: ScreeningSettings): number {
  const measure = measureOf(settings)
  const pa = measure.prepare({ref: 'a', source: 'project', unit: '', ...a})
  const pb = measure.prepare({ref: 'b', source: 'project', unit: '', ...b})
  return measure.score(pa, pb)
}

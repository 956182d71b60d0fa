// How well the screening measure separates duplicates from projects that only share words, on a labelled set of
// pairs (test/fixtures/screening/pairs.json): precision and recall at a threshold, and the threshold the set
// suggests. The threshold is chosen on the pairs marked 'tune' and reported on the 'holdout' half too, so that a
// figure is not the set quoting itself.
import {scorePair, type ScreeningSettings} from './screening.js'

export interface LabelledSide {
  unit: string
  name: string
  content: string
}

export interface LabelledPair {
  id: string
  label: 'duplicate' | 'distinct'
  half: 'tune' | 'holdout'
  a: LabelledSide
  b: LabelledSide
}

export interface Quality {
  pairs: number
  duplicates: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number
  recall: number
  f1: number
}

export interface ScoredPair extends LabelledPair {
  score: number
}

export function scoreLabelled(pairs: readonly LabelledPair[], settings: ScreeningSettings): ScoredPair[] {
  return pairs.map((p) => ({...p, score: scorePair(p.a, p.b, settings)}))
}

export function qualityAt(scored: readonly ScoredPair[], threshold: number): Quality {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const p of scored) {
    const listed = p.score >= threshold
    if (listed && p.label === 'duplicate') tp++
    else if (listed) fp++
    else if (p.label === 'duplicate') fn++
  }
  // nothing listed is a precision of 1 (no false alarm), not 0
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn)
  return {pairs: scored.length, duplicates: tp + fn, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)}
}

/**
 * The threshold the 'tune' half suggests: the best F1 on a 0.005 grid, and of the thresholds that reach it the
 * middle of the longest run (the farthest from the scores on either side, so that a new pair moves it least).
 */
export function tuneThreshold(scored: readonly ScoredPair[]): {threshold: number; quality: Quality} {
  const tune = scored.filter((p) => p.half === 'tune')
  const grid = Array.from({length: 201}, (_, i) => i / 200)
  const f1s = grid.map((th) => qualityAt(tune, th).f1)
  const best = Math.max(...f1s)
  let run: [number, number] | null = null
  for (let i = 0; i < grid.length; i++) {
    if (Math.abs(f1s[i] - best) > 1e-12) continue
    let j = i
    while (j + 1 < grid.length && Math.abs(f1s[j + 1] - best) <= 1e-12) j++
    if (!run || j - i > run[1] - run[0]) run = [i, j]
    i = j
  }
  const threshold = grid[Math.round((run![0] + run![1]) / 2)]
  return {threshold, quality: qualityAt(tune, threshold)}
}

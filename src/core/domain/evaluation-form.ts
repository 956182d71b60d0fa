// Art. 20, DESIGN §15: what a filled 项目支出绩效自评表 says, checked. The reader (excel/read/evaluation-form.ts)
// finds the blocks by their labels and hands on the cells as written, each with where it stands; this module reads
// the figures (numbers, text numbers, "86%", "9分", "/" for not applicable), checks each 得分 against its 分值 and
// the total against the parts, and returns the evaluation to record or every problem found, each naming sheet,
// row, column and label. Pure: the template's words and the rules' grade bands come in as parameters.
import {gradeFor, type GradeBand} from './evaluation.js'
import type {FieldProblem} from './errors.js'
import {parseAmount, toHalfWidth} from './money.js'
import type {AmountUnit} from './money.js'

export type FormValue = string | number | boolean | {date: string} | null

/** One cell of the form as read, with its label: `label` is how the form wrote it (产出指标（50分）, 得分). */
export interface FormCell {
  value: FormValue
  row: number
  column: string
  label: string
}

export const FORM_HEAD_KEYS = ['projectId', 'name', 'department', 'unit', 'responsible', 'year'] as const
export type FormHeadKey = (typeof FORM_HEAD_KEYS)[number]
export const FORM_CLOSE_KEYS = ['total', 'grade', 'conclusion', 'problems', 'measures'] as const
export type FormCloseKey = (typeof FORM_CLOSE_KEYS)[number]
export type BudgetColumnKey = 'initial' | 'full' | 'executed' | 'weight' | 'rate' | 'score' | 'reason'

export interface FormIndicatorRow {
  row: number
  /** the first- and second-level indicators over this row (carried down a merged cell), with any weight in their label */
  level1: FormCell | null
  level2: FormCell | null
  level3: FormCell | null
  target: FormCell | null
  actual: FormCell | null
  weight: FormCell | null
  score: FormCell | null
  deviation: FormCell | null
}

/** A sheet's form as the reader found it. */
export interface FormRead {
  sheet: string
  head: Partial<Record<FormHeadKey, FormCell>>
  /** the 年度资金总额 row of the budget block; null when the form has none */
  budget: {cells: Partial<Record<BudgetColumnKey, FormCell>>; unit: AmountUnit; row: number; label: string} | null
  goals: {expected: FormCell | null; actual: FormCell | null}
  indicators: FormIndicatorRow[]
  /** the indicator table's header row */
  indicatorHeaderRow: number
  close: Partial<Record<FormCloseKey, FormCell>>
}

/** One indicator row as recorded on the evaluation. */
export interface EvaluationIndicator {
  level1: string
  level2: string | null
  level3: string | null
  target: string | null
  actual: string | null
  /** 分值 and 得分 in points; null where the form wrote "/" (not applicable) */
  weight: number | null
  score: number | null
  deviation: string | null
}

/** What a filled form adds to an evaluation record (all optional on the record; branch evalform). */
export interface EvaluationFormDetail {
  source: {file: string; sheet: string; sha256: string}
  budget: {initialFen: number | null; fullFen: number | null; executedFen: number | null; rate: number | null; weight: number; score: number} | null
  goals: {expected: string | null; actual: string | null}
  indicators: EvaluationIndicator[]
  conclusions: {conclusion: string | null; problems: string | null; measures: string | null}
}

export interface FormWords {
  /** "/" and the other ways of writing not applicable */
  notApplicable: readonly string[]
  /** 优 → 优秀, …: the other ways a grade is written */
  gradeWords: Readonly<Record<string, readonly string[]>>
  /** the budget's 分值 when its cell is blank */
  budgetWeight: number
  /** the rounding the total may differ from its parts by, in points */
  tolerance: number
  bands: readonly GradeBand[]
}

export interface CheckedForm {
  score: number
  grade: string
  detail: Omit<EvaluationFormDetail, 'source'>
}

type Problem = FieldProblem

const POINTS_IN_LABEL = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/

/** The weight written into a label: 产出指标（50分） → 50. */
export function weightInLabel(label: string): number | null {
  const m = POINTS_IN_LABEL.exec(toHalfWidth(label))
  return m ? Number(m[1]) : null
}

/** The label without its weight: 产出指标（50分） → 产出指标. */
function labelName(label: string): string {
  return toHalfWidth(label).replace(POINTS_IN_LABEL, '').replace(/\s+/g, '').trim()
}

function textOf(v: FormValue): string | null {
  if (v === null) return null
  if (typeof v === 'object') return v.date
  const s = String(v).trim()
  return s === '' ? null : s
}

class Checker {
  readonly problems: Problem[] = []
  /** a score could not be read: the total is not compared with parts that are missing one */
  unreadable = false
  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly words: FormWords,
  ) {}

  problem(code: string, at: {row: number; column?: string; label: string}, params: Record<string, string | number> = {}): void {
    this.problems.push({field: '', code, params: {file: this.file, sheet: this.sheet, row: at.row, column: at.column ?? '', label: at.label, ...params}})
  }

  isNotApplicable(v: FormValue): boolean {
    return typeof v === 'string' && this.words.notApplicable.includes(toHalfWidth(v).trim())
  }

  /** Points: a number, or text such as `8.5`, `８分`; null when blank or "/", undefined (reported) when unreadable. */
  points(cell: FormCell | null): number | null | undefined {
    if (!cell || cell.value === null || this.isNotApplicable(cell.value)) return null
    let n: number
    if (typeof cell.value === 'number') n = cell.value
    else {
      const t = toHalfWidth(textOf(cell.value) ?? '').replace(/[\s,]/g, '').replace(/分$/, '')
      n = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN
    }
    if (!Number.isFinite(n)) {
      this.problem('evalform.notPoints', cell, {value: textOf(cell.value) ?? ''})
      this.unreadable = true
      return undefined
    }
    if (n < 0) {
      this.problem('evalform.negativePoints', cell, {value: n})
      this.unreadable = true
      return undefined
    }
    return n
  }

  /** A rate as a fraction: 0.86, 86 (a percentage number), "86%", "86.00%". */
  rate(cell: FormCell | undefined): number | null {
    if (!cell || cell.value === null || this.isNotApplicable(cell.value)) return null
    if (typeof cell.value === 'number') return cell.value > 1.5 ? cell.value / 100 : cell.value
    const t = toHalfWidth(textOf(cell.value) ?? '').replace(/\s/g, '')
    const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t)
    if (!m) {
      this.problem('evalform.notRate', cell, {value: t})
      return null
    }
    const n = Number(m[1])
    return m[2] === '%' || n > 1.5 ? n / 100 : n
  }

  amount(cell: FormCell | undefined, unit: AmountUnit): number | null {
    if (!cell || cell.value === null || this.isNotApplicable(cell.value)) return null
    const v = cell.value
    const parsed = typeof v === 'number' || typeof v === 'string' ? parseAmount(v, unit) : {ok: false as const}
    if (!parsed.ok) {
      this.problem('evalform.notAmount', cell, {value: textOf(v) ?? ''})
      return null
    }
    return parsed.fen
  }

  text(cell: FormCell | null | undefined): string | null {
    return cell ? textOf(cell.value) : null
  }

  grade(cell: FormCell | undefined): string | null {
    const t = this.text(cell)
    if (t === null || cell === undefined) return null
    const word = toHalfWidth(t).replace(/\s/g, '')
    for (const band of this.words.bands) {
      if (word === band.grade || (this.words.gradeWords[band.grade] ?? []).includes(word)) return band.grade
    }
    this.problem('evalform.unknownGrade', cell, {value: t, grades: this.words.bands.map((b) => b.grade).join('、')})
    return null
  }
}

/** A point total that does not collect binary noise (8.1 + 8.2 ≠ 16.299999…). */
function sum(values: number[]): number {
  return Math.round(values.reduce((s, v) => s + v, 0) * 1e6) / 1e6
}

function checkIndicators(c: Checker, form: FormRead, tolerance: number): {indicators: EvaluationIndicator[]; scores: number[]} {
  const indicators: EvaluationIndicator[] = []
  const scores: number[] = []
  // the rows under each first- and second-level label that states a weight, for the group checks
  const groups = new Map<string, {cell: FormCell; weight: number; weights: number[]; scores: number[]}>()
  for (const r of form.indicators) {
    const weight = c.points(r.weight)
    const score = c.points(r.score)
    const name = r.level3 ?? r.level2 ?? r.level1
    const label = name ? labelName(String(name.value)) : String(r.row)
    if (weight !== undefined && score !== undefined && score !== null && weight !== null && score > weight + 1e-9) {
      c.problem('evalform.scoreAboveWeight', r.score!, {indicator: label, score, weight})
    }
    if (score === null && weight !== null && weight !== undefined && !(r.score && c.isNotApplicable(r.score.value))) c.problem('evalform.scoreMissing', r.weight!, {indicator: label})
    for (const level of [r.level1, r.level2]) {
      const w = level ? weightInLabel(String(level.value)) : null
      if (!level || w === null) continue
      const key = `${level.row}:${level.column}`
      const g = groups.get(key) ?? {cell: level, weight: w, weights: [], scores: []}
      groups.set(key, g)
      if (typeof weight === 'number') g.weights.push(weight)
      if (typeof score === 'number') g.scores.push(score)
    }
    if (typeof score === 'number') scores.push(score)
    indicators.push({
      level1: r.level1 ? labelName(String(r.level1.value)) : '',
      level2: r.level2 ? labelName(String(r.level2.value)) : null,
      level3: c.text(r.level3),
      target: c.text(r.target),
      actual: c.text(r.actual),
      weight: typeof weight === 'number' ? weight : null,
      score: typeof score === 'number' ? score : null,
      deviation: c.text(r.deviation),
    })
  }
  for (const g of groups.values()) {
    const name = labelName(String(g.cell.value))
    if (sum(g.scores) > g.weight + tolerance) c.problem('evalform.groupScoreAboveWeight', g.cell, {indicator: name, score: sum(g.scores), weight: g.weight})
    if (sum(g.weights) > g.weight + tolerance) c.problem('evalform.groupWeightAboveWeight', g.cell, {indicator: name, weights: sum(g.weights), weight: g.weight})
  }
  return {indicators, scores}
}

function checkBudget(c: Checker, form: FormRead, words: FormWords): CheckedForm['detail']['budget'] {
  const b = form.budget
  if (!b) return null
  const weightCell = b.cells.weight ?? null
  const weight = c.points(weightCell) ?? words.budgetWeight
  const scoreCell = b.cells.score
  const score = c.points(scoreCell ?? null)
  const at = scoreCell ?? {row: b.row, column: '', label: b.label}
  if (score === null) c.problem('evalform.budgetScoreMissing', at, {label: b.label})
  else if (score !== undefined && score > weight + 1e-9) c.problem('evalform.scoreAboveWeight', at, {indicator: b.label, score, weight})
  return {
    initialFen: c.amount(b.cells.initial, b.unit),
    fullFen: c.amount(b.cells.full, b.unit),
    executedFen: c.amount(b.cells.executed, b.unit),
    rate: c.rate(b.cells.rate),
    weight,
    score: typeof score === 'number' ? score : 0,
  }
}

/**
 * Reads and checks one form: each 得分 within its 分值 (the row's, and the weight a first- or second-level label
 * states), the total equal to the budget's score plus the indicators' within `tolerance` (rounding in the form), a
 * grade that agrees with the total. Returns the evaluation, or every problem found.
 */
export function checkEvaluationForm(file: string, form: FormRead, words: FormWords): {ok: true; form: CheckedForm} | {ok: false; problems: Problem[]} {
  const c = new Checker(file, form.sheet, words)
  const budget = checkBudget(c, form, words)
  const {indicators, scores} = checkIndicators(c, form, words.tolerance)
  if (indicators.length === 0) c.problem('evalform.noIndicators', {row: form.indicatorHeaderRow, label: '三级指标'})
  const totalCell = form.close.total
  const total = totalCell ? c.points(totalCell) : null
  const parts = sum([budget?.score ?? 0, ...scores])
  if (!totalCell || total === null) c.problem('evalform.totalMissing', totalCell ?? {row: form.indicatorHeaderRow, label: '总分'}, {expected: parts})
  else if (total !== undefined && !c.unreadable) {
    if (total > 100) c.problem('evalform.totalAbove100', totalCell, {total})
    else if (Math.abs(total - parts) > words.tolerance + 1e-9) c.problem('evalform.totalMismatch', totalCell, {total, budget: budget?.score ?? 0, indicators: sum(scores), expected: parts, tolerance: words.tolerance})
  }
  const stated = c.grade(form.close.grade)
  if (c.problems.length > 0 || typeof total !== 'number') return {ok: false, problems: c.problems}
  const grade = gradeFor(total, words.bands)
  if (stated !== null && stated !== grade) {
    c.problem('evalform.gradeContradicts', form.close.grade!, {grade: c.text(form.close.grade) ?? stated, total, expected: grade})
    return {ok: false, problems: c.problems}
  }
  return {
    ok: true,
    form: {
      score: total,
      grade,
      detail: {
        budget,
        goals: {expected: c.text(form.goals.expected), actual: c.text(form.goals.actual)},
        indicators,
        conclusions: {conclusion: c.text(form.close.conclusion), problems: c.text(form.close.problems), measures: c.text(form.close.measures)},
      },
    },
  }
}

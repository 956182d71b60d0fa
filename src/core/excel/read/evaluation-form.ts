// The 项目支出绩效自评表 as it comes back from a unit (DESIGN §15): found by its labels, not by cell addresses, the way
// declarations are found by header names. Every published variant keeps the same blocks — the head (label/value
// pairs), the budget execution table, the goals, the indicator table, the close — so each is looked for by the words
// of templates/evaluation.json (and their synonyms) wherever it stands. The streaming reader sees a merged cell's
// text in its top-left cell only: a first-level indicator merged down is carried to the rows below it, and a value
// merged over several columns is the next filled cell to the right of its label. The head and close blocks are read
// with the label-block reader of the declarations (label-block.ts), given the form's own labels.
import type {BudgetColumnKey, FormCell, FormCloseKey, FormHeadKey, FormIndicatorRow, FormRead} from '../../domain/evaluation-form.js'
import type {AmountUnit} from '../../domain/money.js'
import {normaliseHeader} from '../dictionary.js'
import type {EvaluationTemplate} from '../evaluation-template.js'
import {cellText, columnLetter} from './cell-values.js'
import {findUnitNote, type RawRow} from './header.js'
import {readLabelBlock, type LabelMatcher} from './label-block.js'
import type {CellValue} from './types.js'

type IndicatorKey = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'deviation'
type Label = {label: string; synonyms: string[]}

/** The comparison form of a label: folded, without a trailing （万元）/（50分）/（盖章） or colon. */
function keyOf(text: string): string {
  return normaliseHeader(text).text
}

/** The label of a cell that may hold its value too (`总分：86`): the part before the colon. */
function labelKeyOf(text: string): string {
  return keyOf(text.split(/[:：]/)[0])
}

function indexOf<K extends string>(labels: Record<K, Label>): Map<string, K> {
  const m = new Map<string, K>()
  for (const [key, l] of Object.entries(labels) as Array<[K, Label]>) for (const w of [l.label, ...l.synonyms]) m.set(keyOf(w), key)
  return m
}

function matcher<K extends string>(index: Map<string, K>): LabelMatcher {
  return (label) => index.get(keyOf(label)) ?? null
}

/** The form's words, indexed once per template. */
export interface FormVocabulary {
  head: Map<string, FormHeadKey>
  close: Map<string, FormCloseKey>
  budgetColumns: Map<string, BudgetColumnKey>
  budgetRows: Map<string, string>
  budgetTitles: Set<string>
  indicatorColumns: Map<string, IndicatorKey>
  goalExpected: Set<string>
  goalActual: Set<string>
}

export function formVocabulary(t: EvaluationTemplate): FormVocabulary {
  const budgetRows = new Map<string, string>()
  for (const r of t.budget.rows) for (const w of [r.label, ...r.synonyms]) budgetRows.set(keyOf(w), r.key)
  return {
    head: indexOf(t.head),
    close: indexOf(t.close),
    budgetColumns: indexOf(t.budget.columns),
    budgetRows,
    budgetTitles: new Set([t.budget.title, ...t.budget.titleSynonyms].map(keyOf)),
    indicatorColumns: indexOf(t.indicators.columns),
    goalExpected: new Set([t.goals.expected.label, ...t.goals.expected.synonyms].map(keyOf)),
    goalActual: new Set([t.goals.actual.label, ...t.goals.actual.synonyms].map(keyOf)),
  }
}

function textAt(row: RawRow, i: number): string | null {
  const v = row.cells[i] ?? null
  return typeof v === 'string' && v.length <= 60 ? v : null
}

/** Each column of `row` whose text is one of `index`'s labels, first of each key. */
function columnsOf<K extends string>(row: RawRow, index: Map<string, K>): Map<K, number> {
  const found = new Map<K, number>()
  row.cells.forEach((_, i) => {
    const t = textAt(row, i)
    const key = t === null ? undefined : index.get(keyOf(t))
    if (key !== undefined && !found.has(key)) found.set(key, i)
  })
  return found
}

/** A header row is one that names `min` of the block's columns, among them one of `needs`; a column named only in
 * the row above (a cell merged down over a two-level header) is taken from there. */
interface Header<K extends string> {
  /** the index in `rows` of the (lower) header row */
  at: number
  columns: Map<K, number>
  /** each column's label as written */
  labels: Map<K, string>
}

function findHeader<K extends string>(rows: RawRow[], index: Map<string, K>, min: number, needs: readonly K[], from = 0): Header<K> | null {
  for (let i = from; i < rows.length; i++) {
    const columns = columnsOf(rows[i], index)
    if (!needs.some((k) => columns.has(k))) continue
    const above = i > 0 && rows[i - 1].rowNumber === rows[i].rowNumber - 1 ? columnsOf(rows[i - 1], index) : new Map<K, number>()
    for (const [k, c] of above) if (!columns.has(k) && ![...columns.values()].includes(c)) columns.set(k, c)
    if (columns.size < min) continue
    const labels = new Map<K, string>()
    for (const [k, c] of columns) labels.set(k, cellText(rows[i].cells[c] ?? null) || cellText(rows[i - 1]?.cells[c] ?? null))
    return {at: i, columns, labels}
  }
  return null
}

function cell(row: RawRow, i: number | undefined, label: string): FormCell | null {
  if (i === undefined) return null
  const value = row.cells[i] ?? null
  return value === null ? null : {value, row: row.rowNumber, column: columnLetter(i + 1), label}
}

function firstText(row: RawRow, before = Infinity): {text: string; index: number} | null {
  for (let i = 0; i < Math.min(row.cells.length, before); i++) {
    const v = row.cells[i]
    if (typeof v === 'string' && v.trim() !== '') return {text: v, index: i}
  }
  return null
}

const BUDGET_NEEDS: readonly BudgetColumnKey[] = ['initial', 'full', 'executed', 'rate']
const INDICATOR_NEEDS: readonly IndicatorKey[] = ['level1', 'level3']

function readBudget(rows: RawRow[], v: FormVocabulary, header: Header<BudgetColumnKey>, end: number): FormRead['budget'] {
  const first = Math.min(...header.columns.values())
  const headerRow = rows[header.at]
  // the unit: the block's title (项目资金（万元）), a header cell, a 金额单位 note above; 万元 when unstated
  let unit: AmountUnit | null = null
  for (let i = 0; i < headerRow.cells.length && unit === null; i++) {
    const t = textAt(headerRow, i)
    if (t) unit = normaliseHeader(t).unit
  }
  unit ??= findUnitNote(rows.slice(0, header.at + 1))
  let total: RawRow | null = null
  let label = ''
  for (let i = header.at + 1; i < end; i++) {
    const row = rows[i]
    const lead = firstText(row, first)
    if (!lead) continue
    const key = v.budgetRows.get(keyOf(lead.text))
    if (key === 'total' || (key === undefined && total === null && [...header.columns.values()].some((c) => typeof row.cells[c] === 'number'))) {
      total = row
      label = lead.text
      break
    }
  }
  if (!total) return null
  const cells: Partial<Record<BudgetColumnKey, FormCell>> = {}
  for (const [k, c] of header.columns) {
    const found = cell(total, c, header.labels.get(k) ?? '')
    if (found) cells[k] = found
  }
  return {cells, unit: unit ?? 'wan', row: total.rowNumber, label}
}

/** The goals: each label's value to its right, else under it (预期目标 | 实际完成情况 over their two texts). */
function readGoals(rows: RawRow[], v: FormVocabulary, within: [number, number]): FormRead['goals'] {
  const goals: FormRead['goals'] = {expected: null, actual: null}
  for (let i = within[0]; i < within[1]; i++) {
    const row = rows[i]
    row.cells.forEach((_, c) => {
      const t = textAt(row, c)
      if (t === null) return
      const key = v.goalExpected.has(keyOf(t)) ? 'expected' : v.goalActual.has(keyOf(t)) ? 'actual' : null
      if (key === null || goals[key]) return
      const right = row.cells.findIndex((x, j) => j > c && x !== null)
      const rightText = right > 0 ? textAt(row, right) : null
      const rightIsLabel = rightText !== null && (v.goalExpected.has(keyOf(rightText)) || v.goalActual.has(keyOf(rightText)))
      if (right > 0 && !rightIsLabel) goals[key] = cell(row, right, t)
      else if (rows[i + 1]) goals[key] = cell(rows[i + 1], c, t)
    })
  }
  return goals
}

/** Rows of the indicator table, up to the row that closes it (总分 / 评价等级 …) or the end. */
function readIndicators(rows: RawRow[], v: FormVocabulary, header: Header<IndicatorKey>): {rows: FormIndicatorRow[]; end: number} {
  const cols = header.columns
  const labelOf = (k: IndicatorKey) => header.labels.get(k) ?? ''
  const out: FormIndicatorRow[] = []
  let level1: FormCell | null = null
  let level2: FormCell | null = null
  let i = header.at + 1
  for (; i < rows.length; i++) {
    const row = rows[i]
    const lead = firstText(row)
    if (lead && (v.close.has(labelKeyOf(lead.text)) || v.budgetTitles.has(keyOf(lead.text)))) break
    if (columnsOf(row, v.indicatorColumns).size >= 4) continue // the header repeated on a printed page
    const at = (k: IndicatorKey) => cell(row, cols.get(k), labelOf(k))
    const l1 = at('level1')
    if (l1) {
      level1 = l1
      level2 = null
    }
    level2 = at('level2') ?? level2
    const r: FormIndicatorRow = {row: row.rowNumber, level1, level2, level3: at('level3'), target: at('target'), actual: at('actual'), weight: at('weight'), score: at('score'), deviation: at('deviation')}
    // a heading row (产出指标 alone) or a placeholder (指标2, ……) says nothing to score
    if (!r.target && !r.actual && !r.weight && !r.score) continue
    out.push(r)
  }
  return {rows: out, end: i}
}

/** The close block: 总分 in the table's own 得分 column when it sits there, else the value beside its label. */
function readClose(rows: RawRow[], v: FormVocabulary, from: number, columns: Map<IndicatorKey, number>): FormRead['close'] {
  const scoreColumn = columns.get('score')
  const weightColumn = columns.get('weight')
  const close: FormRead['close'] = {}
  for (const l of readLabelBlock(rows.slice(from), matcher(v.close))) {
    close[l.field as FormCloseKey] ??= {value: l.value, row: l.row, column: l.column, label: l.label}
  }
  // a label alone in its cell (a `总分：86` cell holds its own value)
  const totalRow = rows.slice(from).find((r) => {
    const lead = firstText(r)
    return lead !== null && !/[:：]/.test(lead.text) && v.close.get(keyOf(lead.text)) === 'total'
  })
  if (totalRow && scoreColumn !== undefined) {
    const lead = firstText(totalRow)!
    const inTable = cell(totalRow, scoreColumn, lead.text)
    if (inTable) close.total = inTable
    // the value beside the label was the table's 分值: the 得分 under it is blank
    else if (close.total?.row === totalRow.rowNumber && weightColumn !== undefined && close.total.column === columnLetter(weightColumn + 1)) delete close.total
  }
  return close
}

/** The form of one sheet, or null when the sheet has no indicator table (an instructions sheet, a cover). */
export function readEvaluationSheet(name: string, rows: RawRow[], v: FormVocabulary): FormRead | null {
  const indicatorHeader = findHeader(rows, v.indicatorColumns, 4, INDICATOR_NEEDS)
  if (!indicatorHeader || !indicatorHeader.columns.has('score')) return null
  const budgetHeader = findHeader(rows, v.budgetColumns, 3, BUDGET_NEEDS)
  const firstTable = Math.min(indicatorHeader.at, budgetHeader?.at ?? Infinity)
  const head: FormRead['head'] = {}
  for (const l of readLabelBlock(rows.slice(0, firstTable), matcher(v.head))) head[l.field as FormHeadKey] ??= {value: l.value as CellValue, row: l.row, column: l.column, label: l.label}
  const budgetEnd = budgetHeader && budgetHeader.at < indicatorHeader.at ? indicatorHeader.at : rows.length
  const budget = budgetHeader ? readBudget(rows, v, budgetHeader, budgetEnd) : null
  const goals = readGoals(rows, v, [0, indicatorHeader.at])
  const table = readIndicators(rows, v, indicatorHeader)
  const close = readClose(rows, v, table.end, indicatorHeader.columns)
  return {sheet: name, head, budget, goals, indicators: table.rows, indicatorHeaderRow: rows[indicatorHeader.at].rowNumber, close}
}

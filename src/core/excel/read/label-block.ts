// The label block of a published form: `填报单位（盖章）：市民政局`, `填报日期：2026年12月5日`, `联系人：王芳 联系电话：…` on
// the rows between the title and the header. A label the dictionary knows (templates/declaration.json, labelBlock)
// gives its field a default for every row of the sheet; the validator lets a row's own cell win. Only the few rows
// above the header are read here, once per sheet.
import {foldText, loadDictionary, matchLabel} from '../dictionary.js'
import {columnLetter, referenceColumn} from './cell-values.js'
import type {RawRow} from './header.js'
import type {CellValue, LabelValue} from './types.js'

/** `label：` at the start of a cell or after white space; the label itself holds no space or colon. */
const LABEL = /(?:^|\s+)([^\s:：]{1,20}?)\s*[:：]\s*/g

interface Pair {
  label: string
  field: string
  /** the text after the colon, up to the next label of the cell */
  text: string
  /** the last pair of its cell: an empty value there is in the next cell to the right */
  last: boolean
  /** written with its colon (a label alone in its cell may also be a header) */
  colon: boolean
}

/** The known labels of one cell's text, with what follows each. */
/** Which field a label names: the declaration dictionary's labels by default, a form's own (绩效自评表) when given. */
export type LabelMatcher = (label: string) => string | null

function pairsIn(text: string, match: LabelMatcher = matchLabel): Pair[] {
  const found: Array<{label: string; start: number; end: number}> = []
  for (const m of text.matchAll(LABEL)) found.push({label: m[1], start: m.index, end: m.index + m[0].length})
  const pairs: Pair[] = []
  found.forEach((f, i) => {
    const field = match(f.label)
    if (field === null) return
    pairs.push({label: f.label, field, text: text.slice(f.end, found[i + 1]?.start ?? text.length), last: i === found.length - 1, colon: true})
  })
  // a label with no colon, alone in its cell (`填报日期` | 2026-12-05)
  if (found.length === 0) {
    const field = match(text)
    if (field !== null) pairs.push({label: text, field, text: '', last: true, colon: false})
  }
  return pairs
}

function isLabelCell(v: CellValue, match: LabelMatcher): boolean {
  return typeof v === 'string' && pairsIn(v, match).length > 0
}

/** The value as it stands, without a `（盖章）` after it; null for a blank form's `____` or `    年  月  日`. */
function cleanValue(text: string, notes: RegExp | null, blank: RegExp): string | null {
  let t = text.trim()
  if (notes) t = t.replace(notes, '').trim()
  return t.replace(blank, '') === '' ? null : t
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

let patterns: {notes: RegExp | null; blank: RegExp} | null = null

function valuePatterns(): {notes: RegExp | null; blank: RegExp} {
  if (patterns) return patterns
  const {valueNotes, blankWords} = loadDictionary().labelBlock
  const notes = valueNotes.length > 0 ? new RegExp(`[（(](?:${valueNotes.map(escaped).join('|')})[）)]$`) : null
  const words = blankWords.map((w) => foldText(w)).filter((w) => w !== '')
  return (patterns = {notes, blank: new RegExp(`[\\s_＿—–\\-.·${words.map(escaped).join('')}]`, 'g')})
}

/**
 * A row of the label block, never a level of the header `below` it: a known label with its colon (`联系电话：`,
 * `申报单位：市民政局`), or a label alone followed by its value (`联系人 | 李强`, `填报日期 | 2026-12-05`) where the header
 * has its own text under the label. A field name of a two-level header stands over nothing (a vertical merge):
 * `申报日期 | 备注栏` over empty cells are headers.
 */
export function holdsLabel(row: RawRow, below: RawRow): boolean {
  if (row.cells.some((c) => typeof c === 'string' && c.length <= 200 && /[:：]/.test(c) && pairsIn(c).some((p) => p.colon))) return true
  const filledBelow = (column: string) => (below.cells[referenceColumn(column) - 1] ?? null) !== null
  return readLabelBlock([row]).some((l) => typeof l.value !== 'string' || filledBelow(l.labelColumn))
}

/** The labels of the rows above a header, the first of each field; values as read (text, a date, a number).
 * `match`: a form's own labels (the 绩效自评表's head block), else the declaration dictionary's. */
export function readLabelBlock(rows: RawRow[], match: LabelMatcher = matchLabel): Array<LabelValue & {labelColumn: string}> {
  const out: Array<LabelValue & {labelColumn: string}> = []
  const {notes, blank} = valuePatterns()
  for (const row of rows) {
    row.cells.forEach((cell, i) => {
      if (typeof cell !== 'string' || cell.length > 200) return
      for (const pair of pairsIn(cell, match)) {
        if (out.some((l) => l.field === pair.field)) continue
        let value: CellValue = cleanValue(pair.text, notes, blank)
        let index = i
        if (value === null && pair.last) {
          // the value in a cell of its own: the next filled cell to the right, unless that is another label
          const next = row.cells.findIndex((c, j) => j > i && c !== null)
          if (next > 0 && !isLabelCell(row.cells[next], match)) {
            const v = row.cells[next]
            value = typeof v === 'string' ? cleanValue(v, notes, blank) : v
            index = next
          }
        }
        if (value !== null) out.push({field: pair.field, value, row: row.rowNumber, column: columnLetter(index + 1), label: pair.label, labelColumn: columnLetter(i + 1)})
      }
    })
  }
  return out
}

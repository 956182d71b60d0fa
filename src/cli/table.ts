// Readable tables for the terminal; cli-table3 measures CJK characters as two columns wide.
import Table from 'cli-table3'
import {out, terminalText} from './ui.js'

/** Display columns of one line of a table cell, and the lines a long cell shows (project show and --json have it all). */
const CELL_WIDTH = 60
const CELL_LINES = 6

/**
 * A cell as the table shows it: escaped for the terminal, wrapped at CELL_WIDTH columns, at most CELL_LINES lines
 * (the last ending in …). In one pass over the text: cli-table3 measures a long cell at a cost that grows with the
 * square of its length (a 50,000-character reason took minutes), so it only ever sees short lines.
 */
export function fitCell(value: string | number): string {
  const text = terminalText(String(value), out.level > 0)
  if (text.length * 2 <= CELL_WIDTH && !text.includes('\n')) return text
  const lines: string[] = []
  let line = ''
  let width = 0
  let cut = false
  for (const ch of text) {
    const w = ch === '\n' ? CELL_WIDTH + 1 : charWidth(ch)
    if (width + w > CELL_WIDTH) {
      lines.push(line)
      line = ''
      width = 0
      if (lines.length === CELL_LINES) {
        cut = true
        break
      }
      if (ch === '\n') continue
    }
    line += ch
    width += w
  }
  if (!cut && line !== '') lines.push(line)
  if (cut) lines[lines.length - 1] = [...lines[lines.length - 1]].slice(0, -1).join('') + '…'
  return lines.join('\n')
}

export function renderTable(head: string[], rows: Array<Array<string | number>>, align: Array<'left' | 'right'> = []): string {
  const table = new Table({
    head: head.map((h) => out.bold(h)),
    style: {head: [], border: [], compact: true},
    ...(align.length > 0 ? {colAligns: align} : {}),
    wordWrap: true,
  })
  for (const row of rows) table.push(row.map(fitCell))
  return table.toString()
}

/** A horizontal bar of `width` cells proportional to value/max. */
export function bar(value: number, max: number, width = 24): string {
  if (max <= 0 || value <= 0) return ''
  const cells = Math.max(1, Math.round((value / max) * width))
  return out.cyan('█'.repeat(cells))
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += charWidth(ch)
  return w
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/

function charWidth(ch: string): number {
  return WIDE.test(ch) ? 2 : 1
}

export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

// Readable tables for the terminal; cli-table3 measures CJK characters as two columns wide.
import Table from 'cli-table3'
import {out} from './ui.js'

export function renderTable(head: string[], rows: Array<Array<string | number>>, align: Array<'left' | 'right'> = []): string {
  const table = new Table({
    head: head.map((h) => out.bold(h)),
    style: {head: [], border: [], compact: true},
    ...(align.length > 0 ? {colAligns: align} : {}),
    wordWrap: true,
  })
  for (const row of rows) table.push(row.map(String))
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
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

// Readable tables for the terminal; cli-table3 measures CJK characters as two columns wide.
import Table from 'cli-table3'
import {out} from './ui.js'

export function renderTable(head: string[], rows: Array<Array<string | number>>, align: Array<'left' | 'right'> = []): string {
  const table = new Table({
    head: head.map((h) => out.bold(h)),
    style: {head: [], border: [], compact: true},
    colAligns: align.length > 0 ? align : undefined,
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

// Readable tables for the terminal, fitted to its width. Widths are measured with string-width, as cli-table3
// measures them: CJK and full-width characters take two columns, colour sequences none.
import Table from 'cli-table3'
import stringWidth from 'string-width'
import {out, terminalText} from './ui.js'

/** Display columns of one line of a table cell, and the lines a long cell shows (project show and --json have it all). */
const CELL_WIDTH = 60
const CELL_LINES = 6
/** Two CJK characters: below this a column says nothing, and a very narrow terminal gets a wider table instead. */
const MIN_COLUMN = 4
/** A first column this narrow is a key (an id, a date) and is never cut. */
const KEY_COLUMN = 16
/** A header wraps rather than being cut: it names the column. */
const HEAD_LINES = 2
const SGR = /^\u001b\[[0-9;]*m/
const ELLIPSIS = '…'

/**
 * The width tables and lists must fit: the terminal's; on a pipe or a file, COLUMNS when it is set (a script, a
 * test, `COLUMNS=100 itplan … | less`); else no limit — what goes to grep or into a saved list loses no word.
 */
export function terminalColumns(): number {
  if (process.stdout.isTTY && process.stdout.columns > 0) return process.stdout.columns
  const env = Number(process.env.COLUMNS)
  return Number.isInteger(env) && env >= 20 ? env : Infinity
}

interface Glyph {
  text: string
  width: number
}

/** The text as the terminal draws it: characters with their widths, colour sequences of no width. */
function* glyphs(text: string): Generator<Glyph> {
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) === 0x1b) {
      const m = SGR.exec(text.slice(i, i + 32))
      if (m) {
        yield {text: m[0], width: 0}
        i += m[0].length
        continue
      }
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!)
    i += ch.length
    yield {text: ch, width: ch === '\n' ? 0 : stringWidth(ch)}
  }
}

const isWordPart = (g: Glyph | undefined) => g !== undefined && g.width === 1 && /^[\p{L}\p{N}"'(),.:;!?<>|/-]$/u.test(g.text) && g.text.codePointAt(0)! < 0x2e80

/**
 * The text wrapped at `width` columns, at most `maxLines` lines, the last ending in … when some is left out. In one
 * pass that stops at the last line: cli-table3 measures a long cell at a cost that grows with the square of its
 * length (a 50,000-character reason took minutes), so it only ever sees short lines.
 */
function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = []
  let line: Glyph[] = []
  let used = 0
  let cut = false
  for (const g of glyphs(text)) {
    if (g.text === '\n' || used + g.width > width) {
      if (lines.length + 1 === maxLines) {
        cut = true
        break
      }
      // a Latin word is carried to the next line whole (CJK text breaks between any two characters)
      const space = isWordPart(g) && isWordPart(line.at(-1)) ? line.map((x) => x.text).lastIndexOf(' ') : -1
      const carried = space > 0 && line.length - space - 1 < width / 2 ? line.splice(space) : []
      lines.push(line.map((x) => x.text).join(''))
      line = carried.slice(1)
      used = line.reduce((sum, x) => sum + x.width, 0)
      if (g.text === '\n') continue
    }
    line.push(g)
    used += g.width
  }
  if (cut) {
    while (line.length > 0 && used + stringWidth(ELLIPSIS) > width) used -= line.pop()!.width
    line.push({text: ELLIPSIS, width: 1})
    if (text.includes('\u001b')) line.push({text: '\u001b[0m', width: 0})
  }
  if (cut || line.length > 0 || lines.length === 0) lines.push(line.map((x) => x.text).join(''))
  return lines
}

/** A cell as the table shows it: escaped for the terminal, wrapped at CELL_WIDTH columns, at most CELL_LINES lines. */
export function fitCell(value: string | number): string {
  const text = terminalText(String(value), out.level > 0).replace(/\t/g, ' ')
  if (text.length * 2 <= CELL_WIDTH && !text.includes('\n')) return text
  return wrapText(text, CELL_WIDTH, CELL_LINES).join('\n')
}

/** The widest line of a cell. */
function cellWidth(cell: string): number {
  return Math.max(0, ...cell.split('\n').map((l) => stringWidth(l)))
}

/** A header on at most HEAD_LINES lines of `width`, broken before its unit when it has one: 总投资 / (万元). */
function headLines(head: string, width: number): string[] {
  const text = head.replace(/\n/g, ' ')
  if (stringWidth(text) <= width) return [text]
  const unit = Math.max(text.lastIndexOf('('), text.lastIndexOf('（'))
  if (unit > 0 && stringWidth(text.slice(0, unit)) <= width && stringWidth(text.slice(unit)) <= width) return [text.slice(0, unit), text.slice(unit)]
  return wrapText(text, width, HEAD_LINES)
}

/** The narrowest a column can be with its header whole (and never below MIN_COLUMN). */
function headWidth(head: string): number {
  let w = MIN_COLUMN
  while (w < stringWidth(head) && headLines(head, w).at(-1)!.endsWith(ELLIPSIS)) w += 1
  return w
}

/**
 * Column widths that fit `budget` columns of content: numbers keep their width (a cut figure is a wrong figure),
 * and so does a short first column (the id a clerk types next); the other columns share what is left, the narrow
 * ones keeping their own width and the wide ones giving way in proportion.
 */
function shareWidths(natural: number[], least: number[], dataWidths: number[], align: Array<'left' | 'right'>, budget: number): number[] {
  const widths = [...natural]
  const fixedAt = (i: number) => Math.max(dataWidths[i], least[i])
  const fixed = natural.map((_, i) => align[i] === 'right' || (i === 0 && dataWidths[0] <= KEY_COLUMN))
  let left = budget
  fixed.forEach((f, i) => {
    if (!f) return
    widths[i] = fixedAt(i)
    left -= widths[i]
  })
  const open = natural.map((_, i) => i).filter((i) => !fixed[i]).sort((a, b) => natural[a] - natural[b])
  while (open.length > 0) {
    const fair = Math.floor(left / open.length)
    if (natural[open[0]] <= fair) {
      left -= natural[open[0]]
      open.shift()
      continue
    }
    // the columns too wide for an equal share split what is left in proportion to their text: a long name gets
    // more room than a long closed-list word
    const total = open.reduce((sum, i) => sum + natural[i], 0)
    let given = 0
    open.forEach((i) => {
      widths[i] = Math.max(least[i], Math.floor((left * natural[i]) / total))
      given += widths[i]
    })
    for (let k = open.length - 1; given < left && k >= 0; k--, given++) widths[open[k]] += 1
    // a column held at its least took more than its share: the others with room to give make it up
    while (given > left) {
      const roomiest = open.reduce((a, b) => (widths[b] - least[b] > widths[a] - least[a] ? b : a))
      if (widths[roomiest] <= least[roomiest]) break
      widths[roomiest] -= 1
      given -= 1
    }
    break
  }
  return widths
}

/**
 * A table no wider than the terminal (`width`, by default terminalColumns()). When it would be wider, the text
 * columns are narrowed and their cells cut to one line ending in … (`project show` and `--json` have every word),
 * so each row stays one line the eye can follow; headers wrap instead.
 */
export function renderTable(head: string[], rows: Array<Array<string | number>>, align: Array<'left' | 'right'> = [], width = terminalColumns()): string {
  let heads = head.map(fitCell)
  let cells = rows.map((row) => row.map(fitCell))
  const dataWidths = heads.map((_, i) => Math.max(0, ...cells.map((r) => cellWidth(r[i] ?? ''))))
  const natural = heads.map((h, i) => Math.max(cellWidth(h), dataWidths[i]))
  // cli-table3 draws a border before every column and after the last, and pads each cell by one on either side
  const frame = 3 * heads.length + 1
  let colWidths: number[] | undefined
  if (natural.reduce((a, b) => a + b, 0) + frame > width) {
    const least = heads.map((h, i) => Math.min(natural[i], headWidth(h)))
    const widths = shareWidths(natural, least, dataWidths, align, width - frame)
    heads = heads.map((h, i) => headLines(h, widths[i]).join('\n'))
    cells = cells.map((row) => row.map((c, i) => (cellWidth(c) > widths[i] || c.includes('\n') ? wrapText(c.replace(/\n/g, ' '), widths[i], 1)[0] : c)))
    colWidths = widths.map((w) => w + 2)
  }
  const table = new Table({
    head: heads.map((h) => out.bold(h)),
    style: {head: [], border: [], compact: true},
    ...(align.length > 0 ? {colAligns: align} : {}),
    ...(colWidths ? {colWidths} : {}),
    wordWrap: !colWidths,
  })
  for (const row of cells) table.push(row)
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
  return stringWidth(text)
}

export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

/** Text wrapped at `width` columns, at most `maxLines` lines, the last ending in … when some is left out. */
export function wrapLines(text: string, width: number, maxLines: number): string[] {
  return wrapText(terminalText(text, out.level > 0), width, maxLines)
}

/** Text cut to `width` columns with … (a line of a list, not a table cell). */
export function ellipsize(text: string, width: number): string {
  return wrapText(text.replace(/\n/g, ' '), width, 1)[0]
}

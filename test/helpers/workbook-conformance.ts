// What every workbook the tool writes must be, checked on the file's own XML (the parts unzipped with the
// reader's zip code, not through exceljs, which would hide what Excel, WPS or EPPlus see): no overlapping merged
// ranges or data validations (Excel "repairs" those on opening, EPPlus refuses the file), a print setup on every
// sheet (A4 or A3, an orientation, fit to page width), a page header/footer with section codes, and sheet names
// Excel accepts.
import {open, stat} from 'node:fs/promises'
import {expect} from 'chai'
import {dataStart, readEntryText, readZipDirectory} from '../../src/core/excel/read/zip-directory.js'

/** A rectangle of cells, 1-based and inclusive; a whole column or row runs to the sheet's edge. */
interface Area {
  top: number
  left: number
  bottom: number
  right: number
  ref: string
}

export interface SheetXml {
  name: string
  state: string
  path: string
  xml: string
  merges: Area[]
  /** each data validation's ranges (one validation may name several) */
  validations: Area[][]
  pageSetup: Record<string, string> | null
  fitToPage: boolean
  header: string | null
  footer: string | null
  /** `_xlnm.Print_Titles` of this sheet, as written (`'申报表'!$3:$3`) */
  printTitles: string | null
}

const MAX_ROW = 1_048_576
const MAX_COL = 16_384

function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&')
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2])
  return out
}

/** `A1`, `A1:C3`, `$A$1:$A$9`, `A:A`, `3:3` as a rectangle. */
export function areaOf(ref: string): Area {
  const [a, b = a] = ref.replace(/\$/g, '').split(':')
  const corner = (part: string, end: boolean) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(part)
    if (!m || (m[1] === '' && m[2] === '')) throw new Error(`not a cell reference: ${ref}`)
    return {col: m[1] === '' ? (end ? MAX_COL : 1) : columnNumber(m[1]), row: m[2] === '' ? (end ? MAX_ROW : 1) : Number(m[2])}
  }
  const from = corner(a, false)
  const to = corner(b, true)
  return {top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col), ref}
}

export function overlaps(x: Area, y: Area): boolean {
  return x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom
}

/** The pairs of `areas` that overlap, as `A1:B2 ∩ B2:C3`. */
function overlapping(areas: Area[]): string[] {
  const found: string[] = []
  for (let i = 0; i < areas.length; i++) for (let j = i + 1; j < areas.length; j++) if (overlaps(areas[i], areas[j])) found.push(`${areas[i].ref} ∩ ${areas[j].ref}`)
  return found
}

/** Every sheet of the workbook at `file`, read from its XML parts. */
export async function readSheetsXml(file: string): Promise<SheetXml[]> {
  const {size} = await stat(file)
  const fh = await open(file, 'r')
  try {
    const entries = await readZipDirectory(fh, size)
    const part = async (name: string): Promise<string> => {
      const entry = entries.get(name)
      if (!entry) throw new Error(`${file}: no part ${name}`)
      return readEntryText(fh, entry, await dataStart(fh, entry, size))
    }
    const workbook = await part('xl/workbook.xml')
    const rels = await part('xl/_rels/workbook.xml.rels')
    const targets = new Map<string, string>()
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const a = attributes(m[0])
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`
      targets.set(a.Id, target)
    }
    const titles = new Map<number, string>()
    for (const m of workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
      const a = attributes(m[1])
      if (a.name === '_xlnm.Print_Titles' && a.localSheetId !== undefined) titles.set(Number(a.localSheetId), unescapeXml(m[2]))
    }
    const sheets: SheetXml[] = []
    for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const a = attributes(m[0])
      const path = targets.get(a['r:id'])
      if (!path) throw new Error(`${file}: sheet ${a.name} has no part`)
      const xml = await part(path)
      const merges = [...xml.matchAll(/<mergeCell\b[^>]*ref="([^"]+)"/g)].map((x) => areaOf(x[1]))
      const validations = [
        ...[...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].map((x) => x[1]),
        // validations Excel writes in its extension list (x14), with the ranges in an element of their own
        ...[...xml.matchAll(/<xm:sqref>([^<]+)<\/xm:sqref>/g)].map((x) => x[1]),
      ].map((sqref) => sqref.trim().split(/\s+/).map(areaOf))
      const setup = /<pageSetup\b[^>]*\/?>/.exec(xml)
      const header = /<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)
      const footer = /<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)
      sheets.push({
        name: a.name,
        state: a.state ?? 'visible',
        path,
        xml,
        merges,
        validations,
        pageSetup: setup ? attributes(setup[0]) : null,
        fitToPage: /<pageSetUpPr\b[^>]*fitToPage="(1|true)"/.test(xml),
        header: header ? unescapeXml(header[1]) : null,
        footer: footer ? unescapeXml(footer[1]) : null,
        printTitles: titles.get(sheets.length) ?? null,
      })
    }
    return sheets
  } finally {
    await fh.close()
  }
}

const SECTION_CODE = /&[LCR]/
const BAD_NAME = /[[\]:*?/\\]/

/** What is wrong with the workbook at `file`, one line each; empty when it conforms. */
export async function workbookProblems(file: string): Promise<string[]> {
  const sheets = await readSheetsXml(file)
  const problems: string[] = []
  if (sheets.length === 0) problems.push('no sheet')
  const names = new Set<string>()
  for (const s of sheets) {
    const at = `sheet “${s.name}”`
    if (s.name.length === 0 || s.name.length > 31) problems.push(`${at}: name of ${s.name.length} characters (1–31)`)
    if (BAD_NAME.test(s.name)) problems.push(`${at}: name holds one of []:*?/\\`)
    if (/^'|'$/.test(s.name)) problems.push(`${at}: name starts or ends with an apostrophe`)
    if (names.has(s.name.toLowerCase())) problems.push(`${at}: name taken twice`)
    names.add(s.name.toLowerCase())
    for (const pair of overlapping(s.merges)) problems.push(`${at}: merged ranges overlap: ${pair}`)
    for (const pair of overlapping(s.validations.flat())) problems.push(`${at}: data validations overlap: ${pair}`)
    const ps = s.pageSetup
    if (!ps) problems.push(`${at}: no pageSetup`)
    else {
      if (ps.paperSize !== '8' && ps.paperSize !== '9') problems.push(`${at}: paperSize ${ps.paperSize ?? '(none: Letter)'}, not A3 (8) or A4 (9)`)
      if (ps.orientation !== 'portrait' && ps.orientation !== 'landscape') problems.push(`${at}: orientation ${ps.orientation ?? '(none)'}`)
      if (!s.fitToPage) problems.push(`${at}: not fit to page (sheetPr/pageSetUpPr fitToPage)`)
      if (ps.fitToWidth !== '1') problems.push(`${at}: fitToWidth ${ps.fitToWidth ?? '(none)'}, not 1 page wide`)
    }
    if (s.footer === null) problems.push(`${at}: no page footer`)
    else if (!SECTION_CODE.test(s.footer)) problems.push(`${at}: footer “${s.footer}” has no section code (&L, &C, &R)`)
    if (s.header !== null && !SECTION_CODE.test(s.header)) problems.push(`${at}: header “${s.header}” has no section code (&L, &C, &R)`)
    if (s.printTitles !== null && !/^'?.+'?!\$\d+:\$\d+$/.test(s.printTitles)) problems.push(`${at}: print titles “${s.printTitles}” are not rows`)
  }
  return problems
}

/**
 * Asserts that the workbook at `file` conforms; `printTitles` names the visible sheets whose header row(s) must
 * print on every page, with those rows (`3:3`).
 */
export async function expectConformingWorkbook(file: string, printTitles: Record<string, string> = {}): Promise<SheetXml[]> {
  expect(await workbookProblems(file), file).to.deep.equal([])
  const sheets = await readSheetsXml(file)
  for (const [name, rows] of Object.entries(printTitles)) {
    const sheet = sheets.find((s) => s.name === name)
    expect(sheet, `${file}: sheet ${name}`).to.not.equal(undefined)
    const [first, last] = rows.split(':')
    expect(sheet!.printTitles, `${file}: ${name} print titles`).to.match(new RegExp(`!\\$${first}:\\$${last}$`))
  }
  return sheets
}

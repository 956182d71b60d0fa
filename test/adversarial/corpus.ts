// Builds, at test time and into a temp directory, the hostile inputs of the adversarial suite: broken zips, zip
// bombs, lying workbooks, wrong encodings, absurd values, formula-looking text, oversized files. Nothing binary is
// committed: every file is made here, by hand (a tiny zip writer, so sizes and CRCs can lie) or with exceljs.
import fs from 'node:fs'
import path from 'node:path'
import * as zlib from 'node:zlib'
import iconv from 'iconv-lite'
import ExcelJS from 'exceljs'
import {columnLetter} from '../../src/core/excel/read/cell-values.js'
import {crc32 as readerCrc32} from '../../src/core/excel/read/zip-directory.js'

// ── a minimal zip writer (stored or deflated entries; sizes and CRC can be overridden to lie) ────────────────

/** The reader's own CRC-32 (native zlib.crc32 where Node has it): entries are built right unless a test makes them lie. */
export function crc32(buf: Buffer, previous = 0): number {
  return readerCrc32(previous, buf)
}

export interface ZipEntryInput {
  name: string
  /** the uncompressed bytes (ignored when `raw` is given) */
  data?: Buffer | string
  /** already-deflated bytes, with the true size and CRC of what they inflate to */
  raw?: {compressed: Buffer; size: number; crc: number}
  method?: 0 | 8
  /** lie in the headers */
  declaredSize?: number
  declaredCrc?: number
}

export function makeZip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    let compressed: Buffer
    let size: number
    let crc: number
    let method: number
    if (e.raw) {
      compressed = e.raw.compressed
      size = e.raw.size
      crc = e.raw.crc
      method = 8
    } else {
      const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : (e.data ?? Buffer.alloc(0))
      method = e.method ?? 8
      compressed = method === 8 ? zlib.deflateRawSync(data, {level: 9}) : data
      size = data.length
      crc = crc32(data)
    }
    const declaredSize = e.declaredSize ?? size
    const declaredCrc = e.declaredCrc ?? crc
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(0, 10)
    local.writeUInt32LE(declaredCrc >>> 0, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(Math.min(declaredSize, 0xffffffff), 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, name, compressed)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(0, 12)
    central.writeUInt32LE(declaredCrc >>> 0, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(Math.min(declaredSize, 0xffffffff), 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + compressed.length
  }
  const cd = Buffer.concat(centrals)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(entries.length, 8)
  eocd.writeUInt16LE(entries.length, 10)
  eocd.writeUInt32LE(cd.length, 12)
  eocd.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, eocd])
}

/**
 * A deflate stream of `head + chunk × times + tail` built without deflating it all: `chunk` is compressed once
 * with a full flush (which forgets the history, so the compressed block can be repeated), so a few hundred MB of
 * XML costs a few hundred KB and a few milliseconds.
 */
export function repeatedDeflate(head: string, chunk: string, times: number, tail: string): {compressed: Buffer; size: number; crc: number} {
  const h = Buffer.from(head, 'utf8')
  const c = Buffer.from(chunk, 'utf8')
  const t = Buffer.from(tail, 'utf8')
  // Each piece is an independent deflate run ending in a full flush (byte-aligned, no final block); only the
  // tail ends the stream. So the pieces concatenate into one valid stream.
  const piece = (b: Buffer) => zlib.deflateRawSync(b, {level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH})
  const cz = piece(c)
  const parts: Buffer[] = [piece(h), ...Array.from({length: times}, () => cz), zlib.deflateRawSync(t, {level: 9})]
  let crc = crc32(h)
  for (let i = 0; i < times; i++) crc = crc32(c, crc)
  crc = crc32(t, crc)
  return {compressed: Buffer.concat(parts), size: h.length + c.length * times + t.length, crc}
}

// ── minimal OOXML workbooks (inline strings, so every byte of the sheet is under our control) ───────────────

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export const colLetter = columnLetter

export type Cell = string | number | null

export function rowXml(r: number, cells: Cell[]): string {
  const cs = cells
    .map((v, i) => {
      if (v === null) return ''
      const ref = `${colLetter(i + 1)}${r}`
      if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`
      return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`
    })
    .join('')
  return `<row r="${r}">${cs}</row>`
}

export function sheetXml(rows: Cell[][], o: {dimension?: string | null; prolog?: string} = {}): string {
  const width = Math.max(1, ...rows.map((r) => r.length))
  const dimension = o.dimension === undefined ? `A1:${colLetter(width)}${Math.max(1, rows.length)}` : o.dimension
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${o.prolog ?? ''}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    (dimension === null ? '' : `<dimension ref="${dimension}"/>`) +
    `<sheetData>${rows.map((cells, i) => rowXml(i + 1, cells)).join('')}</sheetData></worksheet>`
  )
}

export interface WorkbookParts {
  contentTypes: string
  rootRels: string
  workbook: string
  workbookRels: string
}

export function workbookParts(sheetName = '申报表', target = 'worksheets/sheet1.xml'): WorkbookParts {
  return {
    contentTypes:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    rootRels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    workbook: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    workbookRels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="${xmlEscape(target)}"/></Relationships>`,
  }
}

/** A whole .xlsx from a sheet part (given as XML text, or as a ready entry that may lie about itself). */
export function xlsxBuffer(sheet: string | ZipEntryInput, o: {sheetName?: string; target?: string; extra?: ZipEntryInput[]} = {}): Buffer {
  const p = workbookParts(o.sheetName, o.target)
  const sheetEntry: ZipEntryInput = typeof sheet === 'string' ? {name: 'xl/worksheets/sheet1.xml', data: sheet} : sheet
  return makeZip([
    {name: '[Content_Types].xml', data: p.contentTypes},
    {name: '_rels/.rels', data: p.rootRels},
    {name: 'xl/workbook.xml', data: p.workbook},
    {name: 'xl/_rels/workbook.xml.rels', data: p.workbookRels},
    sheetEntry,
    ...(o.extra ?? []),
  ])
}

// ── declarations ─────────────────────────────────────────────────────────────────────────────────────────────

export const HEADERS = ['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）', '其中：市本级财政资金（万元）', '申报日期']
/** column letters of HEADERS */
export const COL = {unit: 'A', name: 'B', nature: 'C', category: 'D', procurement: 'E', total: 'F', fiscal: 'G', declaredOn: 'H'} as const

export function goodRow(i: number, over: Partial<Record<keyof typeof COL, Cell>> = {}): Cell[] {
  const base: Record<keyof typeof COL, Cell> = {
    unit: '市测试局',
    name: `对抗测试项目${i}`,
    nature: '新建',
    category: '业务系统',
    procurement: '服务',
    total: 90,
    fiscal: 90,
    declaredOn: '2026-11-20',
    ...over,
  }
  return [base.unit, base.name, base.nature, base.category, base.procurement, base.total, base.fiscal, base.declaredOn]
}

export function csvText(rows: Cell[][]): string {
  const field = (v: Cell) => {
    if (v === null) return ''
    const s = String(v)
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}

/** The ~5,000-row declaration of the crash tests, written once with exceljs's streaming writer. */
export async function writeLargeDeclaration(file: string, rows: number, namePrefix = 'stress'): Promise<void> {
  // ASCII values: see the BUG test 'multi-byte characters across an inflate chunk boundary' in bad-inputs.test.ts.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({filename: file, useSharedStrings: false, useStyles: false})
  const ws = wb.addWorksheet('申报表')
  ws.addRow(HEADERS).commit()
  for (let i = 1; i <= rows; i++) {
    ws.addRow([`unit-${i % 40}`, `${namePrefix}-${i}`, 'new', 'business', 'services', 20 + (i % 50), 20 + (i % 50), '2026-11-20']).commit()
  }
  ws.commit()
  await wb.commit()
}

/** A holiday-cn year file (github.com/NateScarlet/holiday-cn), as `calendar import` takes it. */
export function holidayJson(year: number): string {
  return JSON.stringify({
    year,
    days: [
      {name: '元旦', date: `${year}-01-01`, isOffDay: true},
      {name: '春节', date: `${year}-02-06`, isOffDay: true},
      {name: '春节', date: `${year}-02-07`, isOffDay: true},
    ],
  })
}

// ── the corpus ──────────────────────────────────────────────────────────────────────────────────────────────

export type Place = 'file' | 'sheet' | 'row' | 'cell'

export interface CorpusSpec {
  /** short label for test titles and the report */
  label: string
  /** the file (or directory) made in the corpus directory */
  name: string
  /** the catalogue code expected in `import --json` (files[].errors[].code) */
  code: string
  /** how precisely the message must say where: the file; plus the sheet; plus the row; plus the column */
  place: Place
  row?: number
  column?: string
  /** the file the message must name, when it is not `name` (a file inside a directory) */
  named?: string
  /** run with soffice removed from the PATH */
  noSoffice?: boolean
  /** not part of the one-batch run (a directory) */
  alone?: boolean
  /** a known bug: the case is reported as pending (it.skip) with this explanation */
  bug?: string
  /** writes the input at `target` */
  build(target: string): void | Promise<void>
}

const MB = 1024 * 1024

function xlsxRows(rows: Cell[][]): Buffer {
  return xlsxBuffer(sheetXml(rows))
}

/** An in-memory exceljs workbook (for date-formatted cells). */
async function exceljsWorkbook(file: string, rows: Cell[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('申报表')
  for (const r of rows) ws.addRow(r)
  build?.(ws)
  await wb.xlsx.writeFile(file)
}

/** A Compound File Binary header followed by an `EncryptedPackage` directory name, as Office writes for a password. */
function encryptedOle(): Buffer {
  const header = Buffer.alloc(512)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0)
  header.writeUInt16LE(0x003e, 24) // minor version
  header.writeUInt16LE(0x0003, 26) // major version 3
  header.writeUInt16LE(0xfffe, 28) // little-endian
  header.writeUInt16LE(9, 30) // 512-byte sectors
  const dir = Buffer.alloc(512)
  const names = ['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']
  names.forEach((n, i) => {
    const off = i * 128
    const encoded = Buffer.from(n + '\u0000', 'utf16le')
    encoded.copy(dir, off)
    dir.writeUInt16LE(encoded.length, off + 64)
    dir.writeUInt8(i === 0 ? 5 : 2, off + 66)
  })
  return Buffer.concat([header, dir, Buffer.alloc(4096, 0x5a)])
}

/** Deterministic noise that never starts with a zip or OLE signature. */
function noise(bytes: number): Buffer {
  const b = Buffer.alloc(bytes)
  for (let i = 0; i < b.length; i++) b[i] = (Math.imul(i + 1, 2654435761) >>> 24) & 0xff
  b[0] = 0x13
  return b
}

const good = (n: number) => Array.from({length: n}, (_, i) => goodRow(i + 1))
const smallSheet = () => sheetXml([HEADERS, ...good(5)])

// 1 MB of one row of twenty Chinese cells, repeated: the body of the zip bombs
const BOMB_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}"><sheetData>${rowXml(1, HEADERS)}`
const BOMB_TAIL = '</sheetData></worksheet>'
function bombChunk(row: string): string {
  return row.repeat(Math.ceil(MB / Buffer.byteLength(row)))
}
/** rows without row or cell references (both are optional in OOXML: each follows the one before), small enough
 * that 300 MB of them is far more than the 200,000-row limit */
const UNNUMBERED_ROW = `<row>${Array.from({length: 20}, () => '<c t="inlineStr"><is><t>炸</t></is></c>').join('')}</row>`
/** a well-formed declaration row, every copy claiming to be row 2 */
export const SAME_NUMBER_ROW = rowXml(2, goodRow(1))

export function bombXlsx(row: string, megabytes: number, declaredSize?: number): Buffer {
  return xlsxBuffer({name: 'xl/worksheets/sheet1.xml', raw: repeatedDeflate(BOMB_HEAD, bombChunk(row), megabytes, BOMB_TAIL), declaredSize})
}

const BILLION_LAUGHS =
  '<!DOCTYPE worksheet [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">' +
  '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>\n'

const put = (content: Buffer | string) => (target: string) => fs.writeFileSync(target, content)

/**
 * Every bad input, each expected to be refused with exit 3. Files are small except the sparse 51 MB one (no
 * blocks on disk) and the zip bombs (a few hundred KB that inflate to hundreds of MB).
 */
export const CORPUS: CorpusSpec[] = [
  // not workbooks at all
  {label: 'random bytes named .xlsx', name: 'random-bytes.xlsx', code: 'file.notWorkbook', place: 'file', build: put(noise(4096))},
  {
    label: 'truncated zip (the first half of a good workbook)',
    name: 'truncated.xlsx',
    code: 'file.notWorkbook',
    place: 'file',
    build: (t) => {
      const whole = xlsxRows([HEADERS, ...good(40)])
      fs.writeFileSync(t, whole.subarray(0, Math.floor(whole.length / 2)))
    },
  },
  {label: 'a zip that is not a workbook', name: 'plain-zip.xlsx', code: 'file.notWorkbook', place: 'file', build: put(makeZip([{name: 'readme.txt', data: '这不是工作簿'}, {name: 'data/a.csv', data: 'a,b\n1,2\n'}]))},
  {label: 'an empty zip (end record only)', name: 'empty-zip.xlsx', code: 'file.notWorkbook', place: 'file', build: put(makeZip([]))},
  {label: 'a zero-byte .xlsx', name: 'zero.xlsx', code: 'file.empty', place: 'file', build: put(Buffer.alloc(0))},
  {label: 'an HTML page saved as .xlsx', name: 'web-export.xlsx', code: 'file.notWorkbook', place: 'file', build: put('<html><body><table><tr><td>项目名称</td></tr></table></body></html>')},
  {label: 'an unsupported extension (.txt named explicitly)', name: 'declaration.txt', code: 'file.unsupported', place: 'file', build: put(csvText([HEADERS, goodRow(1)]))},

  // zip-level lies and damage
  {label: 'a sheet part with a wrong CRC (damaged)', name: 'bad-crc.xlsx', code: 'file.notWorkbook', place: 'file', build: put(xlsxBuffer({name: 'xl/worksheets/sheet1.xml', data: smallSheet(), declaredCrc: 0x12345678}))},
  {label: 'workbook.xml names a sheet part that is missing', name: 'missing-sheet.xlsx', code: 'file.notWorkbook', place: 'file', build: put(xlsxBuffer(smallSheet(), {target: 'worksheets/sheet9.xml'}))},
  {label: 'a sheet target escaping the package (../../etc/passwd)', name: 'zip-slip.xlsx', code: 'file.notWorkbook', place: 'file', build: put(xlsxBuffer(smallSheet(), {target: '../../../../etc/passwd'}))},
  {
    label: 'an unknown compression method (12, bzip2)',
    name: 'bzip-method.xlsx',
    code: 'file.notWorkbook',
    place: 'file',
    build: (t) => {
      const b = xlsxBuffer(smallSheet())
      for (let i = 0; i + 4 <= b.length; i++) {
        const sig = b.readUInt32LE(i)
        if (sig === 0x04034b50) b.writeUInt16LE(12, i + 8)
        if (sig === 0x02014b50) b.writeUInt16LE(12, i + 10)
      }
      fs.writeFileSync(t, b)
    },
  },

  // zip bombs
  {label: 'zip bomb: 300 MB of repeated row XML (no row numbers) in ~300 KB', name: 'bomb-unnumbered.xlsx', code: 'file.sheetTooLarge', place: 'file', build: put(bombXlsx(UNNUMBERED_ROW, 300))},
  {label: 'zip bomb: a 300 MB sheet declaring 2 KB (lying size)', name: 'bomb-lying-small.xlsx', code: 'file.notWorkbook', place: 'file', build: put(bombXlsx(UNNUMBERED_ROW, 300, 2048))},
  {label: 'zip bomb: a part declaring 3.75 GB uncompressed', name: 'bomb-declared-huge.xlsx', code: 'file.uncompressedTooLarge', place: 'file', build: put(xlsxBuffer({name: 'xl/worksheets/sheet1.xml', data: smallSheet(), declaredSize: 0xf0000000}))},
  {
    label: 'zip bomb: a 350 MB sharedStrings.xml',
    name: 'bomb-shared-strings.xlsx',
    code: 'file.uncompressedTooLarge',
    place: 'file',
    build: put(
      xlsxBuffer(smallSheet(), {
        extra: [{name: 'xl/sharedStrings.xml', raw: repeatedDeflate(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS_MAIN}">`, '<si><t>炸弹</t></si>'.repeat(40_000), 400, '</sst>')}],
      }),
    ),
  },
  {
    label: 'billion-laughs entities in the sheet XML',
    name: 'billion-laughs.xlsx',
    code: 'file.notWorkbook',
    place: 'file',
    build: put(xlsxBuffer(sheetXml([HEADERS, goodRow(1, {name: '@@LAUGH@@'})], {prolog: BILLION_LAUGHS}).replace('@@LAUGH@@', '&g;'))),
  },

  // declared dimensions and row counts
  {label: 'declared dimension A1:XFD1048576', name: 'huge-dimension.xlsx', code: 'file.sheetTooLarge', place: 'sheet', build: put(xlsxBuffer(sheetXml([HEADERS, ...good(3)], {dimension: 'A1:XFD1048576'})))},
  {label: 'a sheet claiming 250,000 rows', name: 'claims-250k-rows.xlsx', code: 'file.sheetTooLarge', place: 'sheet', build: put(xlsxBuffer(sheetXml([HEADERS, ...good(3)], {dimension: 'A1:H250000'})))},
  {
    label: 'a CSV with 200,002 rows',
    name: 'rows-200k.csv',
    code: 'file.sheetTooLarge',
    place: 'sheet',
    build: (t) => {
      const line = '市测试局,同名项目,新建,业务系统,服务,90,90,2026-11-20\n'
      fs.writeFileSync(t, HEADERS.join(',') + '\n' + line.repeat(200_001))
    },
  },

  // encodings
  {label: 'a UTF-16LE CSV without BOM', name: 'utf16-nobom.csv', code: 'file.encoding', place: 'file', build: put(iconv.encode(csvText([HEADERS, goodRow(1)]), 'utf-16le'))},
  {label: 'a UTF-16BE CSV without BOM', name: 'utf16be-nobom.csv', code: 'file.encoding', place: 'file', build: put(iconv.encode(csvText([HEADERS, goodRow(1)]), 'utf-16be'))},
  {
    label: 'Latin-1 garbage in a UTF-8 CSV',
    name: 'latin1.csv',
    code: 'file.encoding',
    place: 'file',
    build: put(Buffer.concat([Buffer.from(csvText([HEADERS]), 'utf8'), Buffer.from('市测试局,Caf\xe9 syst\xe8me \xe0 \xfc\xff\xfe,新建,业务系统,服务,90,90,2026-11-20\r\n', 'latin1')])),
  },
  {label: 'a CSV with NUL bytes', name: 'nul-bytes.csv', code: 'file.encoding', place: 'file', build: put(Buffer.from(csvText([HEADERS, goodRow(1, {name: 'a\u0000b'})]), 'utf8'))},
  {label: 'a CSV with an unclosed quote', name: 'unclosed-quote.csv', code: 'file.csvMalformed', place: 'row', row: 3, build: put(csvText([HEADERS, goodRow(1)]) + '市测试局,"没有闭合的引号,新建,业务系统,服务,90,90\r\n')},

  // headers that are Object.prototype names
  {
    label: 'headers __proto__, constructor, prototype, toString… and required columns missing',
    name: 'proto-headers.csv',
    code: 'import.missingColumns',
    place: 'row',
    row: 1,
    build: put(
      csvText([
        ['项目建设单位', '项目名称', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '总投资（万元）'],
        ['市测试局', '原型污染', '{"polluted":1}', 'x', 'y', 'z', 'w', 'v', 90],
      ]),
    ),
  },

  // absurd amounts, each in its own file (the third row, column F)
  ...(
    [
      ['1e30', '1e30', 'amount.malformed'],
      ['negative', -5, 'amount.negative'],
      ['nan', 'NaN', 'amount.malformed'],
      ['infinity', 'Infinity', 'amount.malformed'],
      ['commas', '1,2,3', 'amount.malformed'],
      ['huge-number', 1e30, 'amount.tooLarge'],
    ] as const
  ).map(
    ([slug, v, code]): CorpusSpec => ({
      label: `an absurd amount ${typeof v === 'string' ? `“${v}”` : v}`,
      name: `amount-${slug}.xlsx`,
      code,
      place: 'cell',
      row: 3,
      column: COL.total,
      build: put(xlsxRows([HEADERS, goodRow(1), goodRow(2, {total: v})])),
    }),
  ),
  // absurd dates
  ...(
    [
      ['feb30', '2027-02-30'],
      ['zeros', '0000-00-00'],
      ['month13', '2026/13/01'],
    ] as const
  ).map(
    ([slug, v]): CorpusSpec => ({
      label: `an absurd date ${v}`,
      name: `date-${slug}.csv`,
      code: 'value.badDate',
      place: 'cell',
      row: 2,
      column: COL.declaredOn,
      build: put(csvText([HEADERS, goodRow(1, {declaredOn: v})])),
    }),
  ),
  {
    label: 'a date serial 99999999 in a date-formatted cell',
    name: 'date-serial.xlsx',
    code: 'value.badDate',
    place: 'cell',
    row: 2,
    column: COL.declaredOn,
    build: (t) => exceljsWorkbook(t, [HEADERS, goodRow(1, {declaredOn: 99_999_999})], (ws) => (ws.getCell('H2').numFmt = 'yyyy-mm-dd')),
  },

  // 10 MB cells
  {label: 'a 10 MB cell (project name, CSV)', name: 'ten-mb-cell.csv', code: 'value.tooLong', place: 'cell', row: 2, column: COL.name, build: put(csvText([HEADERS, goodRow(1, {name: '长'.repeat(Math.floor((10 * MB) / 3))})]))},
  {label: 'a 10 MB cell (unit, .xlsx)', name: 'ten-mb-cell.xlsx', code: 'value.tooLong', place: 'cell', row: 2, column: COL.unit, build: put(xlsxRows([HEADERS, goodRow(1, {unit: 'x'.repeat(10 * MB)})]))},

  // containers that are not what they say
  {label: 'a password-protected (encrypted OLE) .xlsx', name: 'encrypted.xlsx', code: 'file.encrypted', place: 'file', build: put(encryptedOle())},
  {label: 'an .xls without LibreOffice on the PATH', name: 'legacy.xls', code: 'file.legacyFormat', place: 'file', noSoffice: true, build: put(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048, 1)]))},
  {
    label: 'a file over 50 MB (sparse, via truncate)',
    name: 'over-50mb.xlsx',
    code: 'file.tooLarge',
    place: 'file',
    build: (t) => {
      fs.writeFileSync(t, xlsxRows([HEADERS, goodRow(1)]))
      fs.truncateSync(t, 51 * MB)
    },
  },
  {
    label: 'a directory named folder.xlsx (walked; holds a broken workbook)',
    name: 'folder.xlsx',
    named: 'inner.xlsx',
    code: 'file.notWorkbook',
    place: 'file',
    alone: true,
    build: (t) => {
      fs.mkdirSync(t)
      fs.writeFileSync(path.join(t, 'inner.xlsx'), noise(1024))
    },
  },
]

export async function buildCorpus(dir: string): Promise<Map<string, string>> {
  fs.mkdirSync(dir, {recursive: true})
  const paths = new Map<string, string>()
  for (const spec of CORPUS) {
    const target = path.join(dir, spec.name)
    await spec.build(target)
    paths.set(spec.name, target)
  }
  return paths
}

function write(dir: string, name: string, content: Buffer | string): string {
  const p = path.join(dir, name)
  fs.writeFileSync(p, content)
  return p
}

/** Good inputs from the same builders, so that each refusal above is due to its defect and not to the builder. */
export async function buildControls(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, {recursive: true})
  const out: string[] = []
  out.push(write(dir, 'control-inline.xlsx', xlsxRows([HEADERS, goodRow(101), goodRow(102)])))
  out.push(write(dir, 'control-nodim.xlsx', xlsxBuffer(sheetXml([HEADERS, goodRow(103)], {dimension: null}))))
  out.push(write(dir, 'control.csv', csvText([HEADERS, goodRow(104)])))
  out.push(write(dir, 'control-utf16-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csvText([HEADERS, goodRow(105)]), 'utf-16le')])))
  out.push(write(dir, 'control-gb18030.csv', iconv.encode(csvText([HEADERS, goodRow(106)]), 'gb18030')))
  const small = repeatedDeflate(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}"><sheetData>${rowXml(1, HEADERS)}`, rowXml(2, goodRow(107)), 1, '</sheetData></worksheet>')
  out.push(write(dir, 'control-repeated-deflate.xlsx', xlsxBuffer({name: 'xl/worksheets/sheet1.xml', raw: small})))
  const serial = path.join(dir, 'control-date-serial.xlsx')
  await exceljsWorkbook(serial, [HEADERS, goodRow(108, {declaredOn: 46346})], (ws) => (ws.getCell('H2').numFmt = 'yyyy-mm-dd'))
  out.push(serial)
  out.push(write(dir, 'control-amounts.xlsx', xlsxRows([HEADERS, goodRow(109, {total: '1,200,000元', fiscal: '120万'}), goodRow(110, {total: '１２０', fiscal: 120})])))
  return out
}

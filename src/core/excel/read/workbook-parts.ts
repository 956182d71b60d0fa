// The workbook's own parts, read before any sheet: xl/workbook.xml and its rels (the real sheet names, in
// workbook order, and where each sheet, the shared strings and the styles live), each sheet's declared
// <dimension>; then the shared strings and styles, parsed by exceljs's streaming reader fed part by part.
import {open, stat} from 'node:fs/promises'
import type {FileHandle} from 'node:fs/promises'
import {posix} from 'node:path'
import type {Readable} from 'node:stream'
import {InvalidData} from '../../domain/errors.js'
import {MAX_SHARED_STRINGS_BYTES, MAX_UNCOMPRESSED_BYTES, tooManyRows} from './limits.js'
import type {Limits} from './types.js'
import {dataStart, partStream, readEntryPrefix, readEntryText, readZipDirectory, type ZipEntry} from './zip-directory.js'

const XML_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
])

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16))
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10))
    return XML_ENTITIES.get(ref) ?? whole
  })
}

/** Attributes of one start tag; names keep their prefix (`r:id`). A Map, since the names come from the file. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''))
  return out
}

function relationshipId(attrs: Map<string, string>): string | undefined {
  for (const [k, v] of attrs) if (k !== 'sheetId' && /(^|:)id$/.test(k)) return v
  return undefined
}

export interface Part {
  entry: ZipEntry
  start: number
}

export interface SheetInfo {
  name: string
  hidden: boolean
  order: number
  part: Part
}

export interface WorkbookInfo {
  sheets: SheetInfo[]
  date1904: boolean
  sharedStrings: Part | null
  styles: Part | null
}

interface WorkbookXml {
  sheets: Array<{name: string; hidden: boolean; path: string}>
  date1904: boolean
  /** other parts by relationship type suffix (sharedStrings, styles) */
  parts: Map<string, string>
}

function resolveTarget(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target))
}

function parseWorkbook(workbookXml: string, relsXml: string): WorkbookXml {
  const targets = new Map<string, string>()
  const parts = new Map<string, string>()
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0])
    const id = a.get('Id')
    const target = a.get('Target')
    const type = (a.get('Type') ?? '').replace(/^.*\//, '')
    if (!id || !target || a.get('TargetMode') === 'External') continue
    if (type === 'worksheet') targets.set(id, resolveTarget(target))
    else if (!parts.has(type)) parts.set(type, resolveTarget(target))
  }
  const sheets: WorkbookXml['sheets'] = []
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0])
    const rid = relationshipId(a)
    const path = rid ? targets.get(rid) : undefined
    if (!path) continue // chart sheets and dialog sheets hold no cells
    sheets.push({name: a.get('name') ?? '', hidden: (a.get('state') ?? 'visible') !== 'visible', path})
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbookXml)
  return {sheets, date1904, parts}
}

/** The last row of `<dimension ref="A1:Z300000"/>`, or null. */
function declaredRows(sheetXmlStart: string): number | null {
  const m = /<(?:\w+:)?dimension\b[^>]*\bref\s*=\s*["']([A-Z]*)(\d+)(?::([A-Z]*)(\d+))?["']/.exec(sheetXmlStart)
  if (!m) return null
  return Number(m[4] ?? m[2])
}

function checkUncompressed(entries: Map<string, ZipEntry>, file: string): void {
  let total = 0
  for (const e of entries.values()) total += e.uncompressedSize
  if (total > MAX_UNCOMPRESSED_BYTES) throw new InvalidData('file.uncompressedTooLarge', {file, bytes: total, limit: MAX_UNCOMPRESSED_BYTES})
  for (const e of entries.values()) {
    if (/sharedStrings\.xml$/i.test(e.name) && e.uncompressedSize > MAX_SHARED_STRINGS_BYTES) {
      throw new InvalidData('file.uncompressedTooLarge', {file, bytes: e.uncompressedSize, limit: MAX_SHARED_STRINGS_BYTES})
    }
  }
}

async function partAt(fh: FileHandle, entries: Map<string, ZipEntry>, path: string | undefined, size: number): Promise<Part | null> {
  const entry = path === undefined ? undefined : entries.get(path)
  return entry ? {entry, start: await dataStart(fh, entry, size)} : null
}

/** Everything that can be known from the zip directory, before any sheet is parsed. */
export async function inspectWorkbook(path: string, file: string, limits: Limits): Promise<WorkbookInfo> {
  const {size} = await stat(path)
  const fh = await open(path, 'r')
  try {
    const entries = await readZipDirectory(fh, size)
    checkUncompressed(entries, file)
    const workbook = await partAt(fh, entries, 'xl/workbook.xml', size)
    const rels = await partAt(fh, entries, 'xl/_rels/workbook.xml.rels', size)
    if (!workbook || !rels) throw new InvalidData('file.notWorkbook', {file})
    const xml = parseWorkbook(await readEntryText(fh, workbook.entry, workbook.start), await readEntryText(fh, rels.entry, rels.start))
    const sheets: SheetInfo[] = []
    for (const s of xml.sheets) {
      const part = await partAt(fh, entries, s.path, size)
      if (!part) throw new InvalidData('file.notWorkbook', {file, sheet: s.name})
      const rows = declaredRows(await readEntryPrefix(fh, part.entry, part.start))
      if (rows !== null && rows > limits.maxRows) throw tooManyRows(file, s.name, rows, limits)
      sheets.push({name: s.name, hidden: s.hidden, order: sheets.length, part})
    }
    return {
      sheets,
      date1904: xml.date1904,
      sharedStrings: await partAt(fh, entries, xml.parts.get('sharedStrings') ?? 'xl/sharedStrings.xml', size),
      styles: await partAt(fh, entries, xml.parts.get('styles') ?? 'xl/styles.xml', size),
    }
  } catch (e) {
    if (e instanceof InvalidData) throw e
    throw new InvalidData('file.notWorkbook', {file})
  } finally {
    await fh.close()
  }
}

// The parts of exceljs's streaming reader used here. Its typings omit these; they are stable across exceljs 4.
export interface StreamWorkbookInternals {
  model?: unknown
  properties?: unknown
  sharedStrings?: unknown[]
  styles?: {getStyleModel(id: number): {numFmt?: unknown} | null}
  _parseSharedStrings(stream: Readable): AsyncIterable<unknown>
  _parseStyles(stream: Readable): Promise<void>
}

export async function openWorkbookReader(path: string, info: WorkbookInfo, parts = {sharedStrings: true, styles: true}): Promise<StreamWorkbookInternals> {
  // The streaming reader's own module, not all of exceljs: the writers and the document model are not needed here.
  const {default: WorkbookReader} = await import('exceljs/lib/stream/xlsx/workbook-reader.js')
  const options = {sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore'} as const
  const reader = new WorkbookReader(path, options) as unknown as StreamWorkbookInternals
  for (const method of ['_parseSharedStrings', '_parseStyles'] as const) {
    if (typeof reader[method] !== 'function') throw new Error(`exceljs ${method} is missing: the streaming reader changed`)
  }
  reader.model = {sheets: []}
  reader.properties = {model: {date1904: info.date1904}}
  if (info.sharedStrings && parts.sharedStrings) for await (const _ of reader._parseSharedStrings(partStream(path, info.sharedStrings.entry, info.sharedStrings.start))) void _
  // Without the styles every date cell would read as a bare number.
  if (info.styles && parts.styles) await reader._parseStyles(partStream(path, info.styles.entry, info.styles.start))
  return reader
}

/** The workbook's shared strings, parsed here while the worker starts on the sheet itself. */
export async function sharedStringsOf(path: string, info: WorkbookInfo): Promise<unknown[]> {
  return (await openWorkbookReader(path, info, {sharedStrings: true, styles: false})).sharedStrings ?? []
}

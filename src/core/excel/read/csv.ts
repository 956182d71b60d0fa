// .csv / .tsv: the encodings Chinese offices write (UTF-8 with or without BOM, UTF-16, GB18030), Excel's `sep=`
// line, a sniffed delimiter, RFC 4180 records; then the same sheet assembly as a workbook.
import {readFile} from 'node:fs/promises'
import iconv from 'iconv-lite'
import {InvalidData} from '../../domain/errors.js'
import {loadDictionary} from '../dictionary.js'
import {cleanText} from './cell-values.js'
import {MAX_CELLS_PER_FILE, MAX_COLUMNS, PROGRESS_EVERY, TooManyCells, tooManyCells, tooManyRows} from './limits.js'
import {collect, SheetAssembler} from './sheet-assembly.js'
import type {Limits, SheetsRead} from './types.js'

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 when a BOM says so, else GB18030 (what
 * Chinese Excel and WPS write); text that decodes to replacement characters or NULs is refused.
 */
export function decodeCsvBytes(bytes: Buffer, file: string): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(bytes.subarray(3).toString('utf8'), file)
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return checked(iconv.decode(bytes.subarray(2), 'utf-16le'), file)
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return checked(iconv.decode(bytes.subarray(2), 'utf-16be'), file)
  let utf8: string | null = null
  try {
    utf8 = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    utf8 = null
  }
  return checked(utf8 ?? iconv.decode(bytes, 'gb18030'), file)
}

function checked(text: string, file: string): string {
  if (text.includes('\u0000') || text.includes('\ufffd')) throw new InvalidData('file.encoding', {file})
  return text
}

/** Tab when the first lines hold more tabs than commas outside quotes (Excel's 'Unicode text'), else comma. */
export function sniffDelimiter(text: string): ',' | '\t' {
  let commas = 0
  let tabs = 0
  let quoted = false
  let lines = 0
  for (let i = 0; i < text.length && lines < 5; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (quoted) continue
    else if (ch === ',') commas++
    else if (ch === '\t') tabs++
    else if (ch === '\n') lines++
  }
  return tabs > commas ? '\t' : ','
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF and CR all
 * end a record. A quote inside an unquoted field is kept as text. Yields 1-based record numbers.
 */
export function* parseDelimited(text: string, delim: string, file: string): Generator<{rowNumber: number; fields: string[]}> {
  let fields: string[] = []
  let field = ''
  let rowNumber = 1
  let i = 0
  const n = text.length
  let atFieldStart = true
  while (i < n) {
    const ch = text[i]
    if (atFieldStart && ch === '"') {
      const end = quotedEnd(text, i + 1)
      if (end < 0) throw new InvalidData('file.csvMalformed', {file, sheet: file, row: rowNumber})
      field += text.slice(i + 1, end).replace(/""/g, '"')
      i = end + 1
      atFieldStart = false
      continue
    }
    atFieldStart = false
    if (ch === delim) {
      fields.push(field)
      // another field follows: a header of 45 million commas is refused at the 16,385th field, not held whole
      if (fields.length >= MAX_COLUMNS) throw new InvalidData('file.tooManyColumns', {file, sheet: file, row: rowNumber, limit: MAX_COLUMNS})
      field = ''
      atFieldStart = true
      i++
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field)
      yield {rowNumber, fields}
      rowNumber++
      fields = []
      field = ''
      atFieldStart = true
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      // Plain characters up to the next delimiter or line break, in one slice.
      let j = i + 1
      while (j < n && text[j] !== delim && text[j] !== '\n' && text[j] !== '\r') j++
      field += text.slice(i, j)
      i = j
    }
  }
  if (!atFieldStart || field !== '' || fields.length > 0) {
    fields.push(field)
    yield {rowNumber, fields}
  }
}

/** Index of the quote closing a quoted field opened before `from`, or −1. */
function quotedEnd(text: string, from: number): number {
  let i = from
  for (;;) {
    const q = text.indexOf('"', i)
    if (q < 0) return -1
    if (text[q + 1] === '"') {
      i = q + 2
      continue
    }
    return q
  }
}

export async function readCsvFile(path: string, file: string, limits: Limits): Promise<SheetsRead> {
  let text = decodeCsvBytes(await readFile(path), file)
  if (text.trim() === '') throw new InvalidData('file.empty', {file})
  // Excel's `sep=;` first line names the delimiter and is not shown as a row.
  const sep = /^sep=(.)\r?\n/i.exec(text)
  if (sep) text = text.slice(sep[0].length)
  const delim = sep ? sep[1] : sniffDelimiter(text)
  const assembler = new SheetAssembler(file, loadDictionary().headerDetection, limits.sink, limits.keepRows)
  let cells = 0
  for (const {rowNumber, fields} of parseDelimited(text, delim, file)) {
    if (rowNumber > limits.maxRows) throw tooManyRows(file, file, rowNumber, limits)
    if ((cells += fields.length) > MAX_CELLS_PER_FILE) throw tooManyCells(new TooManyCells('cells', rowNumber), file, file)
    if (limits.onRows && rowNumber % PROGRESS_EVERY === 0) limits.onRows(rowNumber)
    assembler.add(rowNumber, fields.map(cleanText))
  }
  return collect([{order: 0, result: assembler.finish({hidden: false, uncalculatedCells: []})}])
}

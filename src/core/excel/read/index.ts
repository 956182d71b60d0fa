// Reads a declaration spreadsheet (.xlsx/.xlsm streamed, .csv, .xls/.et through LibreOffice) into sheets of
// rows keyed by dictionary field (DESIGN §6). It knows nothing of the regulation: values come out as read
// (numbers, text, dates, booleans) and the validator decides what they mean. Every refusal is an InvalidData
// with a catalogue code and the file's base name (and sheet where there is one), never a stack trace.
//
// One file per part of the format, as exceljs and SheetJS split their readers: cell-values, header,
// sheet-assembly, zip-directory, workbook-parts, sheet-xml, worker-pool (and sheet-worker), csv, libreoffice.
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {stat} from 'node:fs/promises'
import {basename} from 'node:path'
import {InvalidData} from '../../domain/errors.js'
import {readCsvFile} from './csv.js'
import {detectFormat} from './file-format.js'
import {readLegacyFile} from './libreoffice.js'
import {DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS} from './limits.js'
import type {Limits, ReadFileResult, ReadOptions} from './types.js'
import {readXlsxFile, readXlsxGrid, type GridSheet} from './xlsx.js'

export type {CellValue, FieldCell, LabelValue, ReadColumn, ReadFileResult, ReadOptions, ReadRow, ReadSheet, RowSink} from './types.js'
export {cleanText, columnLetter, toCellValue} from './cell-values.js'
export {decodeCsvBytes, parseDelimited, sniffDelimiter} from './csv.js'
export {findSoffice} from './libreoffice.js'
export {DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, MAX_CELLS_PER_FILE, MAX_COLUMNS, MAX_SHARED_STRINGS_BYTES, MAX_UNCALCULATED_REPORTED, MAX_UNCOMPRESSED_BYTES} from './limits.js'
export {prepareSheetWorker} from './worker-pool.js'
export type {GridSheet} from './xlsx.js'
export type {RawRow} from './header.js'

/** Reads one declaration file. Throws InvalidData (`file.*`) when the file as a whole cannot be read. */
export async function readDeclarationFile(path: string, opts: ReadOptions = {}): Promise<ReadFileResult> {
  const {file, sha256, format, limits} = await openInput(path, opts)
  limits.sink = opts.sink?.({file, sha256})
  const read =
    format === 'csv'
      ? await readCsvFile(path, file, limits)
      : format === 'zip'
        ? await readXlsxFile(path, file, limits)
        : await readLegacyFile(path, file, limits, opts.sofficePath)
  return {file, sha256, ...read}
}

/** A form's workbook (.xlsx, or .xls/.et through LibreOffice) as grids of rows: vertical label/value layouts. */
export async function readFormWorkbook(path: string, opts: Pick<ReadOptions, 'maxBytes' | 'maxRows' | 'sofficePath'> = {}): Promise<{file: string; sha256: string; sheets: GridSheet[]}> {
  const {file, sha256, format, limits} = await openInput(path, opts)
  if (format === 'csv') throw new InvalidData('file.notWorkbook', {file})
  const sheets = format === 'zip' ? await readXlsxGrid(path, file, limits) : await readLegacyFile(path, file, limits, opts.sofficePath, readXlsxGrid)
  return {file, sha256, sheets}
}

/** The size limits, the format and the hash, checked before any reader starts. */
async function openInput(path: string, opts: ReadOptions) {
  const file = basename(path)
  const limits: Limits = {maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS, onRows: opts.onRows, keepRows: opts.keepRows ?? true}
  const size = await fileSize(path, file)
  if (size > limits.maxBytes) throw new InvalidData('file.tooLarge', {file, bytes: size, limit: limits.maxBytes})
  if (size === 0) throw new InvalidData('file.empty', {file})
  const format = await detectFormat(path, file)
  const sha256 = await hashFile(path)
  return {file, sha256, format, limits}
}

async function fileSize(path: string, file: string): Promise<number> {
  try {
    const s = await stat(path)
    if (!s.isFile()) throw new InvalidData('file.unreadable', {file, detail: 'not a file'})
    return s.size
  } catch (e) {
    if (e instanceof InvalidData) throw e
    throw new InvalidData('file.unreadable', {file, detail: (e as NodeJS.ErrnoException).code ?? String(e)})
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

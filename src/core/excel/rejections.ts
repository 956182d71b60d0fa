// The workbook sent back to a unit whose file was rejected: its whole file as it sent it, plus what is wrong,
// always in Chinese (the unit reads it, whatever language the clerk works in).
import fs from 'node:fs'
import path from 'node:path'
import {writeErrorWorkbook, type ErrorProblem, type ErrorSheet, type ErrorSheetRow} from './errors-workbook.js'
import {readDeclarationFile, type ReadFileResult, type ReadSheet} from './read/index.js'
import {problemText} from '../i18n/problems.js'
import type {RowProblem} from '../domain/import-validation.js'
import type {RegionWords} from '../domain/region.js'

/**
 * `<name>.errors.xlsx` beside the source, or in `errorsDir`. Every unit may call its file 申报表.xlsx: in a shared
 * errors folder a second one is named after its folder (申报表-市公安局.errors.xlsx), so no unit's errors are lost.
 */
export function errorWorkbookPath(sourcePath: string, errorsDir: string | undefined, taken: ReadonlySet<string> = new Set()): string {
  const {dir, name} = path.parse(sourcePath)
  const target = errorsDir ?? dir
  const candidates = [`${name}.errors.xlsx`, `${name}-${path.basename(dir)}.errors.xlsx`]
  for (const c of candidates) if (!taken.has(path.join(target, c))) return path.join(target, c)
  for (let n = 2; ; n++) if (!taken.has(path.join(target, `${name}-${n}.errors.xlsx`))) return path.join(target, `${name}-${n}.errors.xlsx`)
}

/** The entry at `p`, or null when nothing is there (or a file stands where a folder of the path should be). */
function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p)
  } catch {
    return null
  }
}

/**
 * Why `outPath` cannot take an error workbook, or null: it is a folder, or the nearest existing entry on its way is
 * a file, or that folder is not writable (missing folders are created when the workbook is written). Checked
 * before the import commits.
 */
export function unusableDestination(outPath: string): {path: string; reason: 'isDirectory' | 'notDirectory' | 'notWritable'} | null {
  if (statOrNull(outPath)?.isDirectory()) return {path: outPath, reason: 'isDirectory'}
  let dir = path.dirname(outPath)
  for (;;) {
    const stat = statOrNull(dir)
    if (stat) {
      if (!stat.isDirectory()) return {path: dir, reason: 'notDirectory'}
      try {
        fs.accessSync(dir, fs.constants.W_OK)
      } catch {
        return {path: dir, reason: 'notWritable'}
      }
      return null
    }
    const parent = path.dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

/** The sheet as the error workbook shows it: every row read, each with its problems at their columns. */
function errorSheetOf(sheet: ReadSheet, problems: RowProblem[]): ErrorSheet {
  const mapped = sheet.columns.flatMap((c, i) => (c.field ? [i] : []))
  const rowNumbers = new Set(sheet.rows.map((r) => r.rowNumber))
  const byRow = new Map<number, ErrorProblem[]>()
  const sheetProblems: ErrorProblem[] = []
  for (const p of problems) {
    const problem = {column: p.column, text: problemText(p, 'zh')}
    // a problem of the whole sheet (a required column missing) sits on the header row, above every data row
    if (p.row === null || (p.row <= sheet.headerRowNumber && !rowNumbers.has(p.row))) sheetProblems.push(problem)
    else byRow.set(p.row, [...(byRow.get(p.row) ?? []), problem])
  }
  const rows: ErrorSheetRow[] = sheet.rows.map((r) => ({
    rowNumber: r.rowNumber,
    values: r.values,
    project: r.kind === 'data' && mapped.some((i) => r.values[i] !== null),
    problems: byRow.get(r.rowNumber) ?? [],
  }))
  // a problem on a row the reader did not keep still goes back, on a row of its own
  for (const [rowNumber, list] of byRow) if (!rowNumbers.has(rowNumber)) rows.push({rowNumber, values: [], project: false, problems: list})
  rows.sort((a, b) => a.rowNumber - b.rowNumber)
  return {
    name: sheet.name,
    columns: sheet.columns.map((c) => ({header: c.header, field: c.field})),
    headerRowCount: sheet.headerRowCount,
    unitNote: sheet.unitNote,
    rows,
    sheetProblems,
  }
}

/**
 * `batchFile`: a file of the batch as the import read it (its path, and what was read before it was refused).
 * The unit gets its whole file back: every declaration sheet with every row, so that, corrected, it imports whole.
 */
/** `region`: the register's words, for the error workbook's page header. */
export async function writeRejections(batchFile: {path: string; read: ReadFileResult | null}, problems: RowProblem[], outPath: string, region: RegionWords): Promise<boolean> {
  if (!batchFile.read) return false
  // The import kept no rows (they were validated as they were read); a rejected file is read again for them.
  let read = batchFile.read
  if (!read.sheets.some((s) => s.rows.length > 0)) {
    try {
      read = await readDeclarationFile(batchFile.path)
    } catch {
      // changed or gone since: the clerk still sees every problem, only the workbook for the unit is not written
      return false
    }
  }
  const sheets = read.sheets.filter((s) => s.rows.length > 0 || problems.some((p) => p.sheet === s.name)).map((s) => errorSheetOf(s, problems.filter((p) => p.sheet === s.name)))
  if (!sheets.some((s) => s.sheetProblems.length > 0 || s.rows.some((r) => r.problems.length > 0))) return false
  await writeErrorWorkbook(outPath, {file: read.file, sheets}, region)
  return true
}

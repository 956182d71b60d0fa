// The workbook sent back to a unit whose file was rejected: its rejected rows as it sent them, plus what is
// wrong, always in Chinese (the unit reads it, whatever language the clerk works in).
import fs from 'node:fs'
import path from 'node:path'
import {writeErrorWorkbook, type ErrorSheet} from './errors-workbook.js'
import {readDeclarationFile, type ReadFileResult} from './read/index.js'
import {problemText} from '../i18n/problems.js'
import type {RowProblem} from '../domain/import-validation.js'

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

/** `batchFile`: a file of the batch as the import read it (its path, and what was read before it was refused). */
export async function writeRejections(batchFile: {path: string; read: ReadFileResult | null}, problems: RowProblem[], outPath: string): Promise<boolean> {
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
  const sheets: ErrorSheet[] = []
  for (const sheet of read.sheets) {
    const mine = problems.filter((p) => p.sheet === sheet.name)
    if (mine.length === 0) continue
    const byRow = new Map<number, string[]>()
    for (const p of mine) {
      const key = p.row ?? sheet.headerRowNumber
      const text = (p.column ? `${p.column}列：` : '') + problemText(p, 'zh')
      byRow.set(key, [...(byRow.get(key) ?? []), text])
    }
    const rows = [...byRow.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([rowNumber, messages]) => ({rowNumber, values: sheet.rows.find((r) => r.rowNumber === rowNumber)?.values ?? [], messages}))
    sheets.push({name: sheet.name, headers: sheet.columns.map((c) => c.header), rows})
  }
  if (sheets.length === 0) return false
  await writeErrorWorkbook(outPath, sheets)
  return true
}

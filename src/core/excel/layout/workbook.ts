// Every export is one file written whole or not at all.
import type {Workbook} from 'exceljs'
import {writeAtomically} from '../../atomic-file.js'
import {asStorageFailure} from '../../output.js'

/** Node's code for `new Buffer()` (DeprecationWarning: Buffer() is deprecated …). */
const BUFFER_DEPRECATION = 'DEP0005'

let quietDepth = 0
let originalEmitWarning: typeof process.emitWarning | null = null

function warningCode(warning: string | Error, rest: unknown[]): unknown {
  if (warning instanceof Error && 'code' in warning) return warning.code
  const [typeOrOptions, code] = rest
  return typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as {code?: unknown}).code : code
}

/**
 * Runs `write` with Node's `Buffer()` deprecation warning (DEP0005) dropped, and only that one. exceljs's
 * streaming writer zips through archiver-utils, which still calls `new Buffer()`: Node says nothing about that
 * inside node_modules, but dist/bundle carries the code out of it, so every export printed the warning on the
 * clerk's terminal. Any other warning, and this one outside a workbook's writing, still shows.
 */
export async function withoutBufferDeprecation<T>(write: () => Promise<T>): Promise<T> {
  if (quietDepth++ === 0) {
    const emit = process.emitWarning
    originalEmitWarning = emit
    process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
      if (warningCode(warning, rest) === BUFFER_DEPRECATION) return
      ;(emit as (...args: unknown[]) => void).call(process, warning, ...rest)
    } as typeof process.emitWarning
  }
  try {
    return await write()
  } finally {
    if (--quietDepth === 0 && originalEmitWarning) {
      process.emitWarning = originalEmitWarning
      originalEmitWarning = null
    }
  }
}

/**
 * Writes a workbook through exceljs's streaming writer into a temporary file beside `outPath`, then renames it,
 * so a failed export never leaves a half-written file under the target name. exceljs is imported here, lazily.
 */
export async function writeStreamingWorkbook(outPath: string, build: (wb: Workbook) => Promise<void>): Promise<void> {
  const {default: ExcelJS} = await import('exceljs')
  const fill = async (temp: string) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({filename: temp, useStyles: true, useSharedStrings: false})
    wb.creator = 'itplan'
    await build(wb)
    await wb.commit()
  }
  await withoutBufferDeprecation(() => writeAtomically(outPath, fill)).catch((error: unknown) => {
    throw asStorageFailure(error, outPath)
  })
}

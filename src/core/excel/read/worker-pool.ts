// The worker pool (of one): the thread of sheet-worker.ts, started ahead of need, handed one large sheet, and its
// batches of rows read back as if parsed here.
import {stat} from 'node:fs/promises'
import {Worker} from 'node:worker_threads'
import {TooManyCells, type CellCount} from './limits.js'
import type {SheetRow} from './sheet-xml.js'
import type {SheetInfo, WorkbookInfo} from './workbook-parts.js'

// A large sheet is parsed in a worker thread while this thread checks the rows already parsed: on two cores a
// 50,000-row import then takes little longer than the parse alone. Small sheets stay here (a worker costs ~0.1 s
// to start). ITPLAN_SHEET_WORKER_MIN_BYTES moves the line (0: every sheet; tests use it to cover both paths).
const WORKER_MIN_BYTES = 4 * 1024 * 1024
const WORKER_BATCH_ROWS = 500
const workerFile = new URL('./sheet-worker.js', import.meta.url)

// Run from the TypeScript sources (the unit tests, under tsx) there is no compiled worker to start.
const fromSources = import.meta.url.endsWith('.ts')

function workerMinBytes(): number {
  const setting = process.env.ITPLAN_SHEET_WORKER_MIN_BYTES
  return setting !== undefined && setting.trim() !== '' && Number.isFinite(Number(setting)) ? Number(setting) : WORKER_MIN_BYTES
}

export function inWorker(sheet: SheetInfo): boolean {
  return !fromSources && sheet.part.entry.uncompressedSize >= workerMinBytes()
}

/** A worker started ahead of need, loading exceljs while this thread reads the register and the workbook's
 * directory; unreferenced, so an import that never uses it still exits at once. */
let spare: {worker: Worker; dead: boolean} | null = null

function startWorker(data: SheetWorkerData | null): Worker {
  // Nothing the worker might print may reach the clerk's screen or a --json document: its output is drained
  // once it is at work (a flowing stream would keep an unused spare, and so the process, alive).
  return new Worker(workerFile, {workerData: data, stdout: true, stderr: true})
}

function atWork(worker: Worker): Worker {
  worker.stdout.resume()
  worker.stderr.resume()
  return worker
}

/**
 * Starts the sheet worker early when one of `files` looks large enough to need it (a workbook compresses about
 * eight to one, so its size on disk says roughly whether a sheet will be over the line).
 */
export async function prepareSheetWorker(paths: string[]): Promise<void> {
  if (fromSources || spare) return
  let large = false
  for (const path of paths) {
    if (!/\.xls[xm]$/i.test(path)) continue
    const bytes = await stat(path).then((s) => s.size, () => 0)
    if ((large = bytes * 8 >= workerMinBytes())) break
  }
  if (!large) return
  const worker = startWorker(null)
  const entry = {worker, dead: false}
  worker.on('exit', () => (entry.dead = true))
  worker.on('error', () => (entry.dead = true))
  worker.unref()
  spare = entry
}

function takeWorker(data: SheetWorkerData): Worker {
  const ready = spare
  spare = null
  if (!ready || ready.dead) return atWork(startWorker(data))
  ready.worker.removeAllListeners()
  ready.worker.ref()
  ready.worker.postMessage(data)
  return atWork(ready.worker)
}

export interface SheetWorkerData {
  path: string
  info: WorkbookInfo
  sheet: SheetInfo
  batchRows: number
  /** the file's cells before this sheet, and the limit */
  count: CellCount
}
export type SheetWorkerMessage =
  | {rows: SheetRow[]}
  | {done: true; uncalculated: string[]; cells: number}
  | {failed: string}
  | {tooMany: {kind: TooManyCells['kind']; row: number}}

/**
 * The rows of one sheet, parsed by a worker thread. A worker that cannot start or dies before its first rows (no
 * memory for a second thread, say) is no reason to refuse the file: the sheet is then parsed here instead.
 */
export async function* workerRows(path: string, info: WorkbookInfo, sheet: SheetInfo, onUncalculated: (ref: string) => void, count: CellCount, here: () => AsyncGenerator<SheetRow>): AsyncGenerator<SheetRow> {
  const worker = takeWorker({path, info, sheet, batchRows: WORKER_BATCH_ROWS, count: {...count}})
  const queue: Array<SheetWorkerMessage | {crashed: string}> = []
  let wake: (() => void) | null = null
  const push = (m: SheetWorkerMessage | {crashed: string}) => {
    queue.push(m)
    wake?.()
  }
  worker.on('message', push)
  worker.on('error', (e) => push({crashed: e.message}))
  worker.on('exit', (code) => push({crashed: `sheet worker exited (${code})`}))
  let yielded = false
  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      wake = null
      const m = queue.shift()!
      if ('failed' in m) throw new Error(m.failed)
      if ('tooMany' in m) throw new TooManyCells(m.tooMany.kind, m.tooMany.row)
      if ('crashed' in m) {
        if (yielded) throw new Error(m.crashed)
        break
      }
      if ('done' in m) {
        for (const ref of m.uncalculated) onUncalculated(ref)
        count.cells = m.cells
        return
      }
      yielded = true
      yield* m.rows
    }
  } finally {
    // also when the reader stops early (too many rows): the worker's parse is of no use any more
    worker.removeAllListeners()
    await worker.terminate()
  }
  yield* here()
}

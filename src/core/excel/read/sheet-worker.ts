// The worker thread that parses one large worksheet part (see workerRows in worker-pool.ts): rows go back in
// batches, as plain CellValues, while the main thread assembles and validates the rows already sent.
import {parentPort, workerData} from 'node:worker_threads'
import {MAX_UNCALCULATED_REPORTED, TooManyCells} from './limits.js'
import {sheetParser, type SheetRow} from './sheet-xml.js'
import type {SheetWorkerData, SheetWorkerMessage} from './worker-pool.js'

async function main(port: NonNullable<typeof parentPort>, data: SheetWorkerData): Promise<void> {
  const send = (m: SheetWorkerMessage) => port.postMessage(m)
  try {
    // the shared strings are the main thread's part (see sharedStringsOf)
    const parse = await sheetParser(data.path, data.info, false)
    const uncalculated: string[] = []
    const count = {...data.count}
    let batch: SheetRow[] = []
    for await (const row of parse(data.sheet, (ref) => uncalculated.length < MAX_UNCALCULATED_REPORTED && uncalculated.push(ref), count)) {
      batch.push(row)
      if (batch.length >= data.batchRows) {
        send({rows: batch})
        batch = []
      }
    }
    if (batch.length > 0) send({rows: batch})
    send({done: true, uncalculated, cells: count.cells})
  } catch (error) {
    if (error instanceof TooManyCells) return send({tooMany: {kind: error.kind, row: error.row}})
    send({failed: error instanceof Error ? error.message : String(error)})
  }
}

const port = parentPort
if (port && workerData) {
  await main(port, workerData as SheetWorkerData)
} else if (port) {
  // Started ahead of need (prepareSheetWorker): load the parser now, then wait for the sheet.
  await import('exceljs/lib/stream/xlsx/workbook-reader.js')
  await import('exceljs/lib/utils/parse-sax.js')
  port.once('message', (data: SheetWorkerData) => void main(port, data))
}

// A progress bar on stderr for long batches, only on a terminal: stdout stays the summary, CI logs stay clean.
import cliProgress from 'cli-progress'
import path from 'node:path'
import {terminalText} from './ui.js'

export interface Progress {
  update(done: number, label: string): void
  stop(): void
}

/** One bar for the batch: files done of all, and the current file with the rows read so far (a 50,000-row file
 * takes a few seconds on its own). Only on a terminal. */
export function startProgress(total: number, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return {update: () => undefined, stop: () => undefined}
  const bar = new cliProgress.SingleBar({stream: process.stderr, format: ' {bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true}, cliProgress.Presets.shades_classic)
  bar.start(total, 0, {file: ''})
  return {
    update: (done, label) => bar.update(done, {file: terminalText(path.basename(label))}),
    stop: () => {
      bar.update(total)
      bar.stop()
    },
  }
}

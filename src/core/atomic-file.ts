// The one atomic file writer: a file is written under a temporary name beside its target and renamed into place,
// so a crash, a kill or a full disk never leaves half a file where a whole one is expected — the register, its
// backups and companions, every export and page. `durable` adds what a register needs on top: the file and then
// its folder entry reach the disk before the writer reports success.
import {randomBytes} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

export interface AtomicWriteOptions {
  /** fsync the file before the rename and its folder after it */
  durable?: boolean
  /** runs just before the rename: the register checks there that its lock is still its own */
  beforeRename?: (temp: string) => Promise<void>
}

/** `.<name>.<pid>.<hex>.tmp` beside the target: the pid tells a later run whether its writer may still be alive. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

/** Writes `file` through `fill(temp)`, which creates the temporary file; the temp file never outlives a failure. */
export async function writeAtomically(file: string, fill: (temp: string) => Promise<void>, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file)
  const temp = tempPathFor(file)
  try {
    await fs.mkdir(dir, {recursive: true})
    await fill(temp)
    if (options.durable) await fsyncPath(temp, 'r+')
    await options.beforeRename?.(temp)
    await fs.rename(temp, file)
    if (options.durable) await fsyncDir(dir)
  } catch (error) {
    await fs.rm(temp, {force: true}).catch(() => undefined)
    throw error
  }
}

export async function writeFileAtomically(file: string, content: string | Buffer, options: AtomicWriteOptions = {}): Promise<void> {
  await writeAtomically(file, (temp) => fs.writeFile(temp, content), options)
}

async function fsyncPath(file: string, flags: string): Promise<void> {
  const handle = await fs.open(file, flags)
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** A rename is durable only once the directory entry is on disk; Windows cannot open directories, so skip there. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  await fsyncPath(dir, 'r')
}

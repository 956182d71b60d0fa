// The one atomic file writer: a file is written under a temporary name beside its target and renamed into place,
// so a crash, a kill or a full disk never leaves half a file where a whole one is expected — the register, its
// backups and companions, every export and page. `durable` adds what a register needs on top: the file and then
// its folder entry reach the disk before the writer reports success.
import {randomBytes} from 'node:crypto'
import fs, {type FileHandle} from 'node:fs/promises'
import path from 'node:path'

export interface AtomicWriteOptions {
  /** fsync the file before the rename and its folder after it */
  durable?: boolean
  /** runs just before the rename: the register checks there that its lock is still its own */
  beforeRename?: (temp: string) => Promise<void>
  /**
   * the caller syncs the folder itself, once, after several files (the register's year files before its head):
   * the files are still synced before their renames
   */
  folderSyncedByCaller?: boolean
}

/** `.<name>.<pid>.<hex>.tmp` beside the target: the pid tells a later run whether its writer may still be alive. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

/** Writes `file` through `fill(temp)`, which creates the temporary file; the temp file never outlives a failure. */
export async function writeAtomically(file: string, fill: (temp: string) => Promise<void>, options: AtomicWriteOptions = {}): Promise<void> {
  const durableFill = async (temp: string) => {
    await fill(temp)
    await fsyncPath(temp, 'r+')
  }
  await replace(file, options.durable ? durableFill : fill, options)
}

/**
 * Writes `file` durably through an open handle on the temporary file, synced before it is closed: a writer that
 * another process took over (and whose temp file it removed) still reaches `beforeRename` and learns why.
 */
export async function writeDurably(file: string, write: (handle: FileHandle) => Promise<void>, options: Omit<AtomicWriteOptions, 'durable'> = {}): Promise<void> {
  const fill = async (temp: string) => {
    const handle = await fs.open(temp, 'w')
    try {
      await write(handle)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
  await replace(file, fill, {...options, durable: true})
}

export async function writeFileAtomically(file: string, content: string | Buffer, options: AtomicWriteOptions = {}): Promise<void> {
  if (options.durable) await writeDurably(file, (handle) => handle.writeFile(content), options)
  else await replace(file, (temp) => fs.writeFile(temp, content), options)
}

async function replace(file: string, fill: (temp: string) => Promise<void>, options: AtomicWriteOptions): Promise<void> {
  const dir = path.dirname(file)
  const temp = tempPathFor(file)
  try {
    await fs.mkdir(dir, {recursive: true})
    await fill(temp)
    await options.beforeRename?.(temp)
    await fs.rename(temp, file)
    if (options.durable && !options.folderSyncedByCaller) await fsyncDir(dir)
  } catch (error) {
    await fs.rm(temp, {force: true}).catch(() => undefined)
    throw error
  }
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

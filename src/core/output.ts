// Output files (exports, pages) are written to a temporary name and renamed, so a crash or a full disk never
// leaves half a file where the clerk expects a whole one.
import fs from 'node:fs/promises'
import path from 'node:path'
import {StorageFailure} from './domain/errors.js'

/** A refusal by the disk (full, read-only, no permission) as a clear message; anything else as it was. */
export function asStorageFailure(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') return new StorageFailure('storage.noSpace', {path: file})
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new StorageFailure('storage.readOnly', {path: file, code})
  if (code === 'EISDIR') return new StorageFailure('storage.isDirectory', {path: file})
  return error
}

export async function writeOutputFile(file: string, content: string | Buffer): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  try {
    await fs.mkdir(path.dirname(file), {recursive: true})
    await fs.writeFile(temp, content)
    await fs.rename(temp, file)
  } catch (error) {
    await fs.rm(temp, {force: true}).catch(() => undefined)
    throw asStorageFailure(error, file)
  }
}

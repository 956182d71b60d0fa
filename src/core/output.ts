// Output files (exports, pages) are written atomically (./atomic-file.ts); the disk's refusals become clear messages.
import {writeFileAtomically} from './atomic-file.js'
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
  await writeFileAtomically(file, content).catch((error: unknown) => {
    throw asStorageFailure(error, file)
  })
}

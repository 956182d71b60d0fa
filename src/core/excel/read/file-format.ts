// Which reader a file needs, by its first bytes rather than its name: a renamed .xls that is really .xlsx is read
// as .xlsx, and a password-protected .xlsx (an OLE container) is named as such rather than as damaged.
import {open, readFile} from 'node:fs/promises'
import {extname} from 'node:path'
import {InvalidData} from '../../domain/errors.js'

export type Format = 'zip' | 'csv' | 'legacy'

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

async function readHead(path: string, length: number): Promise<Buffer> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(length)
    const {bytesRead} = await fh.read(buf, 0, length, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

/** By content first: a renamed .xls that is really .xlsx is read as .xlsx, and vice versa. */
export async function detectFormat(path: string, file: string): Promise<Format> {
  const ext = extname(file).toLowerCase()
  if (ext === '.csv' || ext === '.tsv') return 'csv'
  if (!['.xlsx', '.xlsm', '.xls', '.et'].includes(ext)) throw new InvalidData('file.unsupported', {file, ext})
  const head = await readHead(path, 8)
  if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) return 'zip'
  if (startsWith(head, OLE_MAGIC)) {
    // A password-protected .xlsx is an OLE container holding an EncryptedPackage stream.
    if (await isEncryptedPackage(path)) throw new InvalidData('file.encrypted', {file})
    return 'legacy'
  }
  // .xls/.et files exported by web systems are often HTML or text; LibreOffice can still open them.
  if (ext === '.xls' || ext === '.et') return 'legacy'
  throw new InvalidData('file.notWorkbook', {file})
}

function startsWith(buf: Buffer, magic: Buffer): boolean {
  return buf.length >= magic.length && buf.subarray(0, magic.length).equals(magic)
}

async function isEncryptedPackage(path: string): Promise<boolean> {
  const bytes = await readFile(path)
  return bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))
}

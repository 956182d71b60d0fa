// The zip container of an .xlsx: its central directory (validity, real sizes for the zip-bomb checks, ZIP64)
// and its entries, each inflated and checked against the directory (size, CRC) as it streams. Read here rather
// than by exceljs's unzipper: see xlsx.ts.
import {createReadStream} from 'node:fs'
import type {FileHandle} from 'node:fs/promises'
import {Readable, Transform, pipeline} from 'node:stream'
import {StringDecoder} from 'node:string_decoder'
import * as zlib from 'node:zlib'
import {createInflateRaw, inflateRawSync, constants as zlibConstants} from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
}

export class NotAZip extends Error {}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length)
  const {bytesRead} = await fh.read(buf, 0, length, position)
  if (bytesRead !== length) throw new NotAZip('short read')
  return buf
}

const EOCD_SIG = 0x06054b50
const ZIP64_LOCATOR_SIG = 0x07064b50
const ZIP64_EOCD_SIG = 0x06064b50
const CD_SIG = 0x02014b50
const LOCAL_SIG = 0x04034b50

async function findCentralDirectory(fh: FileHandle, size: number): Promise<{offset: number; length: number; count: number}> {
  const tailLength = Math.min(size, 22 + 0xffff)
  const tail = await readAt(fh, size - tailLength, tailLength)
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIG) continue
    let count = tail.readUInt16LE(i + 10)
    let length = tail.readUInt32LE(i + 12)
    let offset = tail.readUInt32LE(i + 16)
    if ((offset === 0xffffffff || count === 0xffff) && i >= 20 && tail.readUInt32LE(i - 20) === ZIP64_LOCATOR_SIG) {
      const eocd64 = await readAt(fh, Number(tail.readBigUInt64LE(i - 12)), 56)
      if (eocd64.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new NotAZip('bad zip64 record')
      count = Number(eocd64.readBigUInt64LE(32))
      length = Number(eocd64.readBigUInt64LE(40))
      offset = Number(eocd64.readBigUInt64LE(48))
    }
    if (offset + length > size) throw new NotAZip('central directory outside the file')
    return {offset, length, count}
  }
  throw new NotAZip('no end of central directory')
}

function zip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p)
    const len = extra.readUInt16LE(p + 2)
    if (id === 0x0001) {
      let q = p + 4
      const next = () => {
        const v = Number(extra.readBigUInt64LE(q))
        q += 8
        return v
      }
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next()
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next()
      if (entry.localOffset === 0xffffffff) entry.localOffset = next()
      return
    }
    p += 4 + len
  }
}

export async function readZipDirectory(fh: FileHandle, size: number): Promise<Map<string, ZipEntry>> {
  const cd = await findCentralDirectory(fh, size)
  const buf = await readAt(fh, cd.offset, cd.length)
  const entries = new Map<string, ZipEntry>()
  let p = 0
  for (let n = 0; n < cd.count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CD_SIG) throw new NotAZip('bad central directory')
    const nameLength = buf.readUInt16LE(p + 28)
    const extraLength = buf.readUInt16LE(p + 30)
    const commentLength = buf.readUInt16LE(p + 32)
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      crc32: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    }
    zip64Extra(buf.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry)
    entries.set(entry.name, entry)
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Where a part's data begins, past its local header; checks that the data lies inside the file. */
export async function dataStart(fh: FileHandle, entry: ZipEntry, size: number): Promise<number> {
  if (entry.method !== 0 && entry.method !== 8) throw new NotAZip(`compression method ${entry.method}`)
  const local = await readAt(fh, entry.localOffset, 30)
  if (local.readUInt32LE(0) !== LOCAL_SIG) throw new NotAZip('bad local header')
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
  if (start + entry.compressedSize > size) throw new NotAZip(`${entry.name} outside the file`)
  return start
}

/** A whole small part (workbook.xml and its rels), inflated with a hard output cap. */
export async function readEntryText(fh: FileHandle, entry: ZipEntry, start: number, maxOutput = 16 * 1024 * 1024): Promise<string> {
  if (entry.uncompressedSize > maxOutput) throw new NotAZip(`${entry.name} too large`)
  const data = await readAt(fh, start, entry.compressedSize)
  const text = entry.method === 0 ? data : inflateRawSync(data, {maxOutputLength: maxOutput})
  return text.toString('utf8')
}

/** The first few KB of a part, enough to see a worksheet's <dimension>. */
export async function readEntryPrefix(fh: FileHandle, entry: ZipEntry, start: number): Promise<string> {
  const data = await readAt(fh, start, Math.min(entry.compressedSize, 4096))
  if (entry.method === 0) return data.toString('utf8')
  try {
    return inflateRawSync(data, {finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: 8 * 1024 * 1024}).toString('utf8')
  } catch {
    return ''
  }
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c
  }
  return table
})()

// zlib.crc32 is native from Node 20.15; the table version covers older Node 20 releases.
const nativeCrc32 = (zlib as {crc32?: (data: Buffer, value?: number) => number}).crc32

export function crc32(previous: number, buf: Buffer): number {
  if (nativeCrc32) return nativeCrc32(buf, previous)
  let c = ~previous
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8)
  return ~c >>> 0
}

/**
 * The inflated bytes of one part, checked against the directory as they pass: more bytes than declared (a zip
 * bomb whose sizes lie) or a wrong size or CRC at the end (damage) fails the stream, and so the read.
 */
export function partStream(path: string, entry: ZipEntry, start: number): Readable {
  let produced = 0
  let crc = 0
  // exceljs decodes each chunk on its own; a character split across two inflated chunks (any Chinese text) would
  // become U+FFFD. So the part is handed over as text, decoded with a decoder that carries partial characters.
  const decoder = new StringDecoder('utf8')
  const check = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      produced += chunk.length
      if (produced > entry.uncompressedSize) return callback(new NotAZip(`${entry.name} larger than declared`))
      crc = crc32(crc, chunk)
      const text = decoder.write(chunk)
      callback(null, text === '' ? undefined : text)
    },
    flush(callback) {
      if (produced !== entry.uncompressedSize || crc !== entry.crc32) return callback(new NotAZip(`${entry.name} damaged`))
      const rest = decoder.end()
      callback(null, rest === '' ? undefined : rest)
    },
  })
  const raw = entry.compressedSize === 0 ? Readable.from([]) : createReadStream(path, {start, end: start + entry.compressedSize - 1})
  const stages: Array<NodeJS.ReadableStream | NodeJS.WritableStream> = entry.method === 8 ? [raw, createInflateRaw(), check] : [raw, check]
  // The callback form destroys every stage on error and passes the error on to `check`, which is what the
  // parser reads: a damaged part surfaces as an exception, never as a stall.
  pipeline(stages as never, () => undefined)
  return check
}

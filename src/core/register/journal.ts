// The audit journal (Art. 18–19: records that cannot be quietly edited) is append-only JSON lines, each entry
// chained to the one before by sha256. The register is the commit point: it stores the head and the entries of
// its last change ("pending"), so a crash between writing the register and appending the journal is repaired on
// the next command instead of breaking the chain.
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import fs from 'node:fs/promises'
import readline from 'node:readline'
import {writeFileAtomically} from '../atomic-file.js'
import type {Change, JournalEntry} from '../domain/types.js'
import {pendingPath} from './paths.js'

export {pendingPath}

/**
 * The hash covers the entry's JSON exactly as it is stored, without its own `hash` field: JSON.parse keeps key
 * order and JSON.stringify reproduces it, so `verify` can recompute it from the line. Reordering or editing
 * anything in a stored entry changes the hash.
 */
export function hashEntry(entry: Omit<JournalEntry, 'hash'>): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('hex')
}

/** Stored lines of chained entries, serialised once: the hash is over the line without its `hash` field. */
const LINES = new WeakMap<JournalEntry[], string>()

export function chainEntries(
  changes: Change[],
  meta: {at: string; operator: string; command: string},
  prev: {head: string | null; seq: number},
): JournalEntry[] {
  const entries: JournalEntry[] = []
  const lines: string[] = []
  let head = prev.head
  let seq = prev.seq
  for (const c of changes) {
    seq += 1
    const body = {seq, at: meta.at, operator: meta.operator, command: meta.command, projectId: c.projectId, action: c.action, change: c.change ?? null, prev: head}
    const json = JSON.stringify(body)
    const hash = createHash('sha256').update(json).digest('hex')
    entries.push({...body, hash})
    // the same text JSON.stringify({...body, hash}) gives, without serialising the change twice
    lines.push(`${json.slice(0, -1)},"hash":"${hash}"}\n`)
    head = hash
  }
  LINES.set(entries, lines.join(''))
  return entries
}

export function entryLines(entries: JournalEntry[]): string {
  return LINES.get(entries) ?? entries.map((e) => JSON.stringify(e) + '\n').join('')
}

export async function appendEntries(file: string, entries: JournalEntry[] | string): Promise<void> {
  const text = typeof entries === 'string' ? entries : entryLines(entries)
  if (text === '') return
  const handle = await fs.open(file, 'a')
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * The entries of the last commit are written durably beside the journal (pendingPath) just before the register is
 * renamed into place. Keeping them out of the register keeps a 50,000-row import from doubling the register's size.
 */
export async function writePending(journal: string, lines: string): Promise<void> {
  await writeFileAtomically(pendingPath(journal), lines, {durable: true})
}

/** The committed entries that may still be missing from the journal: those of the register's last commit. */
export async function committedPending(journal: string, audit: {head: string | null; pending: JournalEntry[]}): Promise<JournalEntry[]> {
  if (audit.pending.length > 0) return audit.pending
  let text: string
  try {
    text = await fs.readFile(pendingPath(journal), 'utf8')
  } catch {
    return []
  }
  const entries: JournalEntry[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    try {
      entries.push(JSON.parse(line) as JournalEntry)
    } catch {
      return []
    }
  }
  // A sidecar left by a commit that never reached the register (a crash before the rename) is not committed.
  return entries.at(-1)?.hash === audit.head ? entries : []
}

/** `mayConcern`: a cheap test of the raw line before it is parsed (a project's history looks for its id). */
export async function* journalEntries(file: string, mayConcern: (raw: string) => boolean = () => true): AsyncGenerator<{line: number; entry: JournalEntry | null; raw: string}> {
  let stream
  try {
    await fs.access(file)
    stream = createReadStream(file, {encoding: 'utf8'})
  } catch {
    return
  }
  const lines = readline.createInterface({input: stream, crlfDelay: Infinity})
  let line = 0
  for await (const raw of lines) {
    line += 1
    if (raw.trim() === '' || !mayConcern(raw)) continue
    let entry: JournalEntry | null = null
    try {
      entry = JSON.parse(raw) as JournalEntry
    } catch {
      entry = null
    }
    yield {line, entry, raw}
  }
}

/** The last complete entry, read from the end of the file so that a long journal costs nothing. */
export async function lastEntry(file: string): Promise<{entry: JournalEntry | null; tornBytes: number; size: number}> {
  let handle
  try {
    handle = await fs.open(file, 'r')
  } catch {
    return {entry: null, tornBytes: 0, size: 0}
  }
  try {
    const {size} = await handle.stat()
    let chunk = 64 * 1024
    for (;;) {
      const start = Math.max(0, size - chunk)
      const buffer = Buffer.alloc(size - start)
      await handle.read(buffer, 0, buffer.length, start)
      const text = buffer.toString('utf8')
      const endsClean = text.endsWith('\n')
      const lines = text.split('\n')
      const torn = endsClean ? '' : lines[lines.length - 1]
      const complete = lines.slice(0, endsClean ? -1 : -1).filter((l) => l.trim() !== '')
      // the first line of a chunk may be cut in the middle, unless the chunk starts the file
      const usable = start === 0 ? complete : complete.slice(1)
      for (let i = usable.length - 1; i >= 0; i--) {
        try {
          return {entry: JSON.parse(usable[i]) as JournalEntry, tornBytes: Buffer.byteLength(torn), size}
        } catch {
          // a damaged line: keep looking backwards
        }
      }
      if (start === 0) return {entry: null, tornBytes: Buffer.byteLength(torn), size}
      chunk *= 4
    }
  } finally {
    await handle.close()
  }
}

/** Cuts a torn last line (a crash mid-append) so that the next entry starts on a line of its own; the last entry. */
export async function dropTornTail(file: string): Promise<JournalEntry | null> {
  const {entry, tornBytes, size} = await lastEntry(file)
  if (tornBytes > 0) await fs.truncate(file, size - tornBytes)
  return entry
}

/**
 * Brings the journal level with the register: drops a torn last line left by a crash mid-append and appends the
 * committed entries that did not reach the file. Returns how many entries were restored.
 */
export async function repairJournal(file: string, audit: {head: string | null; pending: JournalEntry[]}): Promise<number> {
  const tail = (await dropTornTail(file))?.hash ?? null
  if (tail === audit.head) return 0
  const pending = await committedPending(file, audit)
  const index = pending.findIndex((e) => e.prev === tail)
  if (index < 0) return 0
  const missing = pending.slice(index)
  await appendEntries(file, missing)
  return missing.length
}

export interface VerifyResult {
  registerSeq?: number
  ok: boolean
  entries: number
  head: string | null
  registerHead: string | null
  problem: null | {seq: number | null; line: number | null; code: string}
}

/** Recomputes every hash and link, then compares the end of the chain with the register's head. */
export async function verifyJournal(file: string, audit: {head: string | null; seq: number; pending: JournalEntry[]}): Promise<VerifyResult> {
  let prev: string | null = null
  let count = 0
  let expectedSeq = 1
  for await (const {line, entry} of journalEntries(file)) {
    const fail = (code: string): VerifyResult => ({ok: false, entries: count, head: prev, registerHead: audit.head, problem: {seq: entry?.seq ?? null, line, code}})
    if (!entry) return fail('audit.badLine')
    const {hash, ...body} = entry
    if (entry.prev !== prev) return fail('audit.brokenLink')
    if (entry.seq !== expectedSeq) return fail('audit.badSeq')
    if (hashEntry(body) !== hash) return fail('audit.badHash')
    prev = hash
    count += 1
    expectedSeq += 1
  }
  // Entries committed in the register but not yet appended (a crash in between) still form a valid chain.
  if (prev !== audit.head) {
    const pending = await committedPending(file, audit)
    const index = pending.findIndex((e) => e.prev === prev)
    if (index >= 0) {
      for (const e of pending.slice(index)) {
        const {hash, ...body} = e
        if (e.prev !== prev || hashEntry(body) !== hash) break
        prev = hash
        count += 1
      }
    }
  }
  if (prev !== audit.head) {
    // Say where the journal stops and how far the register says it went, so the gap can be named.
    return {ok: false, entries: count, head: prev, registerHead: audit.head, problem: {seq: count + 1, line: null, code: count < audit.seq ? 'audit.truncated' : 'audit.headMismatch'}, registerSeq: audit.seq}
  }
  return {ok: true, entries: count, head: prev, registerHead: audit.head, problem: null}
}

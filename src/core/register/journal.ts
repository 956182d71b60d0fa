// The audit journal (Art. 18–19: records that cannot be quietly edited) is append-only JSON lines, each entry
// chained to the one before by sha256. The register is the commit point: it stores the head and the entries of
// its last change ("pending"), so a crash between writing the register and appending the journal is repaired on
// the next command instead of breaking the chain.
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import fs from 'node:fs/promises'
import readline from 'node:readline'
import type {Change, JournalEntry} from '../domain/types.js'

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const keys = Object.keys(value as object).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
}

/** The hash covers the entry exactly as it is stored (JSON drops undefined), with keys in a fixed order. */
export function hashEntry(entry: Omit<JournalEntry, 'hash'>): string {
  return createHash('sha256').update(canonical(JSON.parse(JSON.stringify(entry)))).digest('hex')
}

export function chainEntries(
  changes: Change[],
  meta: {at: string; operator: string; command: string},
  prev: {head: string | null; seq: number},
): JournalEntry[] {
  const entries: JournalEntry[] = []
  let head = prev.head
  let seq = prev.seq
  for (const c of changes) {
    seq += 1
    const body = {seq, at: meta.at, operator: meta.operator, command: meta.command, projectId: c.projectId, action: c.action, change: c.change ?? null, prev: head}
    const hash = hashEntry(body)
    entries.push({...body, hash})
    head = hash
  }
  return entries
}

export async function appendEntries(file: string, entries: JournalEntry[]): Promise<void> {
  if (entries.length === 0) return
  const handle = await fs.open(file, 'a')
  try {
    await handle.writeFile(entries.map((e) => JSON.stringify(e) + '\n').join(''), 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export async function* journalEntries(file: string): AsyncGenerator<{line: number; entry: JournalEntry | null; raw: string}> {
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
    if (raw.trim() === '') continue
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

/**
 * Brings the journal level with the register: drops a torn last line left by a crash mid-append and appends the
 * committed entries that did not reach the file. Returns how many entries were restored.
 */
export async function repairJournal(file: string, audit: {head: string | null; pending: JournalEntry[]}): Promise<number> {
  const {entry, tornBytes, size} = await lastEntry(file)
  if (tornBytes > 0) await fs.truncate(file, size - tornBytes)
  const tail = entry?.hash ?? null
  if (tail === audit.head) return 0
  const index = audit.pending.findIndex((e) => e.prev === tail)
  if (index < 0) return 0
  const missing = audit.pending.slice(index)
  await appendEntries(file, missing)
  return missing.length
}

export interface VerifyResult {
  ok: boolean
  entries: number
  head: string | null
  registerHead: string | null
  problem: null | {seq: number | null; line: number | null; code: string}
}

/** Recomputes every hash and link, then compares the end of the chain with the register's head. */
export async function verifyJournal(file: string, audit: {head: string | null; pending: JournalEntry[]}): Promise<VerifyResult> {
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
    const index = audit.pending.findIndex((e) => e.prev === prev)
    if (index >= 0) {
      for (const e of audit.pending.slice(index)) {
        const {hash, ...body} = e
        if (e.prev !== prev || hashEntry(body) !== hash) break
        prev = hash
        count += 1
      }
    }
  }
  if (prev !== audit.head) return {ok: false, entries: count, head: prev, registerHead: audit.head, problem: {seq: null, line: null, code: 'audit.headMismatch'}}
  return {ok: true, entries: count, head: prev, registerHead: audit.head, problem: null}
}

// One writer at a time, across processes and machines sharing a drive: proper-lockfile uses an atomic mkdir and
// refreshes the lock's mtime, so the lock of a crashed writer goes stale after a few seconds instead of forever.
// A writer frozen past the stale time (suspend, VM pause, Ctrl-Z) may have lost its lock without knowing: before
// it renames anything into place it checks that the lock folder is still the one it made, refreshed by itself,
// and fresh enough that nobody can take it over in between (assertHeld).
import fs from 'node:fs'
import path from 'node:path'
import lockfile from 'proper-lockfile'
import {RegisterBusy, StorageFailure} from '../domain/errors.js'
import {asStorageFailure} from '../output.js'
import {lockPath} from './paths.js'

export const STALE_MS = 10_000
/** A lock older than this is about to be taken over: a writer that finds its own that old refuses to commit. */
const UNSAFE_AGE_MS = STALE_MS - 1_000

export interface HeldLock {
  release(): Promise<void>
  /** true when another process took the lock over (we were frozen longer than the stale time) */
  compromised(): boolean
  /** Throws register.lockLost unless the lock is still ours and fresh; called just before every rename. */
  assertHeld(): Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The mtimes this process gave each lock folder it holds (proper-lockfile refreshes through `fs.utimes`). */
const ours = new Map<string, Set<number>>()

type Callback = (error: NodeJS.ErrnoException | null) => void
const trackingFs = Object.assign(Object.create(fs) as typeof fs, {
  utimes(file: string, atime: Date, mtime: Date, callback: Callback) {
    const set = ours.get(file)
    set?.add(mtime.getTime())
    fs.utimes(file, atime, mtime, (error) => {
      if (!error && set) for (const t of set) if (t !== mtime.getTime()) set.delete(t)
      callback(error)
    })
  },
})

/** A file, a link, or a folder with something inside where the lock folder should be: never released by itself. */
async function blocker(lock: string): Promise<fs.Stats | null> {
  const stat = await fs.promises.lstat(lock).catch(() => null)
  if (!stat) return null
  if (!stat.isDirectory()) return stat
  const entries = await fs.promises.readdir(lock).catch(() => [])
  return entries.length > 0 ? stat : null
}

/** Where a blocking thing found at the lock's place is kept (never deleted: it may be a clerk's file). */
export function blockedLockAside(lock: string, now = new Date()): string {
  return `${lock}.blocked-${now.toISOString().replace(/[-:.]/g, '')}`
}

/** Moves a stale blocker aside so the lock can be taken; false when there is none or it is still fresh. */
async function setAsideBlocker(lock: string): Promise<boolean> {
  const stat = await blocker(lock)
  if (!stat || Date.now() - stat.mtime.getTime() < STALE_MS) return false
  try {
    await fs.promises.rename(lock, blockedLockAside(lock))
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true
    throw asStorageFailure(error, lock)
  }
}

export async function acquireLock(target: string, timeoutMs: number): Promise<HeldLock> {
  const deadline = Date.now() + timeoutMs
  const lock = lockPath(path.resolve(target))
  let lost = false
  for (;;) {
    try {
      const release = await lockfile.lock(target, {
        realpath: false,
        stale: STALE_MS,
        update: 2_000,
        retries: 0,
        fs: trackingFs,
        onCompromised: () => {
          lost = true
        },
      })
      // registered only once held: a second attempt in this process (which fails) must not replace the holder's
      const stat = await fs.promises.stat(lock)
      const mtimes = new Set<number>([stat.mtime.getTime()])
      ours.set(lock, mtimes)
      const ino = stat.ino
      return {
        release: async () => {
          if (ours.get(lock) === mtimes) ours.delete(lock)
          try {
            await release()
          } catch {
            // already released or taken over: nothing left to release
          }
        },
        compromised: () => lost,
        assertHeld: async () => {
          const now = await fs.promises.stat(lock).catch(() => null)
          const fresh = now !== null && Date.now() - now.mtime.getTime() < UNSAFE_AGE_MS
          if (lost || !now || now.ino !== ino || !mtimes.has(now.mtime.getTime()) || !fresh) {
            lost = true
            throw new StorageFailure('register.lockLost', {path: target})
          }
        },
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // a file or a folder with something in it where the lock should be: moved aside once stale
      if (code === 'ENOTDIR' || code === 'ENOTEMPTY' || code === 'EEXIST') {
        if (await setAsideBlocker(lock)) continue
        if (!(await blocker(lock))) throw asStorageFailure(error, target)
      } else if (code !== 'ELOCKED') throw asStorageFailure(error, target)
      if (Date.now() >= deadline) throw new RegisterBusy('register.busy', {path: target, seconds: Math.round(timeoutMs / 1000)})
      // Jitter spreads waiting writers so they do not retry in lockstep.
      await sleep(40 + Math.random() * 80)
    }
  }
}

export type LockState =
  | {state: 'free'}
  | {state: 'held'; since: string}
  | {state: 'stale'}
  | {state: 'blocked'; kind: 'file' | 'folder'; since: string; stale: boolean}

/** What sits at the lock's place, for `doctor`. */
export async function lockState(target: string): Promise<LockState> {
  const lock = lockPath(target)
  const stat = await fs.promises.lstat(lock).catch(() => null)
  if (!stat) return {state: 'free'}
  const stale = Date.now() - stat.mtime.getTime() >= STALE_MS
  if (await blocker(lock)) return {state: 'blocked', kind: stat.isDirectory() ? 'folder' : 'file', since: stat.mtime.toISOString(), stale}
  return stale ? {state: 'stale'} : {state: 'held', since: stat.mtime.toISOString()}
}

/** Blockers an earlier writer moved aside (`register.json.lock.blocked-…`), for `doctor`. */
export async function blockersAside(target: string): Promise<string[]> {
  const lock = path.basename(lockPath(target))
  const names = await fs.promises.readdir(path.dirname(target)).catch(() => [] as string[])
  return names.filter((n) => n.startsWith(`${lock}.blocked-`)).map((n) => path.join(path.dirname(target), n))
}

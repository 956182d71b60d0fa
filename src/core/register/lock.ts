// One writer at a time, across processes and machines sharing a drive: proper-lockfile uses an atomic mkdir and
// refreshes the lock's mtime, so the lock of a crashed writer goes stale after a few seconds instead of forever.
import lockfile from 'proper-lockfile'
import {RegisterBusy} from '../domain/errors.js'
import {asStorageFailure} from '../output.js'

export const STALE_MS = 10_000

export interface HeldLock {
  release(): Promise<void>
  /** true when another process took the lock over (we were frozen longer than the stale time) */
  compromised(): boolean
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function acquireLock(target: string, timeoutMs: number): Promise<HeldLock> {
  const deadline = Date.now() + timeoutMs
  let lost = false
  for (;;) {
    try {
      const release = await lockfile.lock(target, {
        realpath: false,
        stale: STALE_MS,
        update: 2_000,
        retries: 0,
        onCompromised: () => {
          lost = true
        },
      })
      return {
        release: async () => {
          try {
            await release()
          } catch {
            // already released or taken over: nothing left to release
          }
        },
        compromised: () => lost,
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ELOCKED') throw asStorageFailure(error, target)
      if (Date.now() >= deadline) throw new RegisterBusy('register.busy', {path: target, seconds: Math.round(timeoutMs / 1000)})
      // Jitter spreads waiting writers so they do not retry in lockstep.
      await sleep(40 + Math.random() * 80)
    }
  }
}

export async function isLocked(target: string): Promise<boolean> {
  return lockfile.check(target, {realpath: false, stale: STALE_MS})
}

// Shared pieces of the adversarial suite: processes we can kill, a lock held by another live process, snapshots
// of the register and its companions, and running itplan as an unprivileged user.
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {BIN, REPO_ROOT, type CliResult} from '../helpers/cli.js'

export const HAN = /[\u4e00-\u9fff]/
/** A JavaScript stack frame line, as a crash would print it. */
export const STACK_LINE = /^\s{4}at /m

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function sha256(file: string): string | null {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
  } catch {
    return null
  }
}

/** Every file under `dir` (relative path → sha256), for "nothing changed" assertions. */
export function snapshotDir(dir: string, ignore: (rel: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, {withFileTypes: true})) {
      const full = path.join(d, e.name)
      const rel = path.relative(dir, full)
      if (ignore(rel)) continue
      if (e.isDirectory()) {
        out[rel + '/'] = 'dir'
        walk(full)
      } else out[rel] = sha256(full) ?? 'unreadable'
    }
  }
  walk(dir)
  return out
}

/** The environment of a child, as test/helpers/cli.ts builds it. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('ITPLAN_') || k === 'FORCE_COLOR' || k === 'NODE_OPTIONS') continue
    env[k] = v
  }
  return {...env, NO_COLOR: '1', ...extra}
}

export interface Running {
  child: ChildProcess
  started: number
  done: Promise<CliResult & {signal: NodeJS.Signals | null}>
}

/** Starts itplan without waiting for it, so that it can be killed at a chosen moment. */
export function startCli(args: string[], opts: {cwd?: string; env?: Record<string, string>} = {}): Running {
  const started = Date.now()
  const child = spawn(process.execPath, [BIN, ...args], {cwd: opts.cwd ?? os.tmpdir(), env: childEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const done = new Promise<CliResult & {signal: NodeJS.Signals | null}>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code: code ?? -1, signal, stdout, stderr, timedOut: false, ms: Date.now() - started}))
  })
  return {child, started, done}
}

/** Resolves when `file` exists (polling every 2 ms), or false after `timeoutMs`. */
export async function waitForPath(file: string, timeoutMs: number, stop?: () => boolean): Promise<boolean> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (fs.existsSync(file)) return true
    if (stop?.()) return false
    await sleep(2)
  }
  return false
}

/** Resolves true when `predicate` holds (polling every 1 ms), or false after `timeoutMs` or once `stop` holds. */
export async function waitUntil(predicate: () => boolean, timeoutMs: number, stop?: () => boolean): Promise<boolean> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (predicate()) return true
    if (stop?.()) return false
    await sleep(1)
  }
  return false
}

/** The inode of a file (changes when a rename replaces it), or null. */
export function inode(file: string): number | null {
  try {
    return fs.statSync(file).ino
  } catch {
    return null
  }
}

/** PATH without any directory holding soffice (LibreOffice). */
export function pathWithoutSoffice(): string {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com', 'soffice'] : ['soffice']
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((d) => d !== '' && !names.some((n) => fs.existsSync(path.join(d, n))))
    .join(path.delimiter)
}

// ── a lock held by another live process, the way itplan takes it ──────────────────────────────────────────────

const HOLDER = `
const {createRequire} = require('node:module')
const req = createRequire(process.argv[1])
const lockfile = req('proper-lockfile')
const target = process.argv[2]
lockfile.lock(target, {realpath: false, stale: 10000, update: 2000, retries: 0}).then((release) => {
  process.stdout.write('locked\\n')
  const stop = () => release().catch(() => undefined).finally(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  setInterval(() => undefined, 1000)
}, (error) => {
  process.stdout.write('failed ' + error.code + '\\n')
  process.exit(2)
})
`

export interface HeldLock {
  pid: number
  /** SIGTERM: the holder releases the lock and exits */
  release(): Promise<void>
  /** SIGKILL: the lock directory stays behind, as after a crash */
  crash(): Promise<void>
}

/** Another process takes the register's lock with proper-lockfile (same options as src/core/register/lock.ts). */
export async function holdLock(register: string): Promise<HeldLock> {
  const child = spawn(process.execPath, ['-e', HOLDER, path.join(REPO_ROOT, 'package.json'), register], {stdio: ['ignore', 'pipe', 'inherit']})
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const line = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d
      if (out.includes('\n')) resolve(out.trim())
    })
    child.on('error', reject)
    child.on('exit', () => resolve(out.trim() || 'exited'))
  })
  if (line !== 'locked') throw new Error(`the lock holder could not take the lock: ${line}`)
  return {
    pid: child.pid!,
    release: async () => {
      child.kill('SIGTERM')
      await exited
    },
    crash: async () => {
      child.kill('SIGKILL')
      await exited
    },
  }
}

// ── running as an unprivileged user (root ignores file permissions) ──────────────────────────────────────────

export const IS_ROOT = process.getuid?.() === 0

/** How to run a command as `nobody` when we are root: runuser, else setpriv; null when neither works. */
export function unprivilegedPrefix(): string[] | null {
  if (!IS_ROOT || process.platform === 'win32') return null
  for (const candidate of [
    ['runuser', '-u', 'nobody', '--'],
    ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', '--'],
  ]) {
    const r = spawnSync(candidate[0], [...candidate.slice(1), process.execPath, '-e', 'process.exit(process.getuid() === 0 ? 1 : 0)'], {timeout: 10_000})
    if (r.status === 0) return candidate
  }
  return null
}

/** What `bin/run.js` needs at run time (the bundle is self-contained but for modules no test reaches). */
const RUNTIME = ['bin', path.join('dist', 'bundle'), 'package.json', 'oclif.manifest.json', path.join('data', 'rules'), 'templates']
let runtimeCopy: string | null = null

/**
 * The CLI as `nobody` can run it. A clone inside a private folder (mode 700, e.g. /root/x) is out of nobody's reach,
 * so the built CLI is copied once into a world-readable temp folder (removed when the tests exit).
 */
function binForNobody(): string {
  if (runtimeCopy) return path.join(runtimeCopy, 'bin', 'run.js')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itplan-runtime-'))
  for (const part of RUNTIME) {
    const from = path.join(REPO_ROOT, part)
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, part), {recursive: true})
  }
  const open = (p: string) => {
    const stat = fs.lstatSync(p)
    if (stat.isSymbolicLink()) return
    fs.chmodSync(p, stat.isDirectory() ? 0o755 : 0o644)
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) open(path.join(p, name))
  }
  open(dir)
  // node_modules too: a link to the clone's own would lead nobody back into the private folder. Hard links cost no
  // copy and need no permission on the folders they came from; their files are left as npm made them.
  const modules = path.join(REPO_ROOT, 'node_modules')
  if (fs.existsSync(modules)) linkTree(fs.realpathSync(modules), path.join(dir, 'node_modules'))
  process.on('exit', () => fs.rmSync(dir, {recursive: true, force: true}))
  runtimeCopy = dir
  return path.join(dir, 'bin', 'run.js')
}

/** A copy of a tree made of hard links (folders 0755, symlinks as they were); a real copy where linking fails. */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, {mode: 0o755})
  fs.chmodSync(to, 0o755)
  for (const entry of fs.readdirSync(from, {withFileTypes: true})) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) linkTree(source, target)
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target)
    else {
      try {
        fs.linkSync(source, target)
      } catch {
        fs.copyFileSync(source, target)
      }
    }
  }
}

/** itplan as `nobody` (through `prefix`), or as ourselves when prefix is empty. */
export function runCliAs(prefix: string[], args: string[], opts: {cwd?: string; timeoutMs?: number} = {}): Promise<CliResult> {
  const started = Date.now()
  const [cmd, ...pre] = prefix.length > 0 ? prefix : [process.execPath]
  const argv = prefix.length > 0 ? [...pre, process.execPath, binForNobody(), ...args] : [BIN, ...args]
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, {cwd: opts.cwd ?? os.tmpdir(), env: childEnv({HOME: os.tmpdir()}), stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, opts.timeoutMs ?? 30_000)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code: timedOut ? -1 : (code ?? -1), stdout, stderr, timedOut, ms: Date.now() - started})
    })
  })
}

/** Copies a register directory (register, journal, backups) to a new place. */
export function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, {recursive: true})
}

export function journalLines(journal: string): string[] {
  return fs.readFileSync(journal, 'utf8').split('\n').filter((l) => l !== '')
}

/** Deterministic pseudo-random numbers (mulberry32) seeded from ITPLAN_ADVERSARIAL_SEED or the clock, logged. */
export function seededRandom(label: string): () => number {
  let seed = Number(process.env.ITPLAN_ADVERSARIAL_SEED ?? Date.now() % 2 ** 31)
  console.log(`      [${label}] seed ${seed} (set ITPLAN_ADVERSARIAL_SEED to replay)`)
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Runs the real itplan binary (bin/run.js → dist/) in a child process, without a TTY, the way a clerk's
// script or a scheduled task would. Tests run against dist/: `npm test` builds first.
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import fs from 'node:fs'
import {expect} from 'chai'
import {mkdtempSync, readFileSync, rmSync, existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BIN = path.join(REPO_ROOT, 'bin', 'run.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
  /** true when the process had to be killed after `timeoutMs` (a hang) */
  timedOut: boolean
  ms: number
}

export interface CliOptions {
  cwd?: string
  env?: Record<string, string>
  input?: string
  /** kill the process after this long (default 30 s); a killed process reports code -1 and timedOut */
  timeoutMs?: number
  /** leave stdin open (a pipe nobody writes to), as a scheduler or CI runner may: a prompt would wait forever */
  keepStdinOpen?: boolean
}

/** The environment of a child: the parent's, minus anything that would change itplan's behaviour. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('ITPLAN_') || k === 'FORCE_COLOR' || k === 'NODE_OPTIONS') continue
    env[k] = v
  }
  return {...env, NO_COLOR: '1', ...extra}
}

/** Ends a child's run once: its timer cleared and stdin closed, then `done` with the exit code (a spawn error rejects). */
export function settle(child: ChildProcessWithoutNullStreams, timer: () => NodeJS.Timeout | undefined, reject: (error: Error) => void, done: (code: number | null) => void): void {
  child.stdin.on('error', () => undefined)
  child.on('error', (error) => {
    clearTimeout(timer())
    reject(error)
  })
  child.on('close', (code) => {
    clearTimeout(timer())
    child.stdin.destroy()
    done(code)
  })
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? os.tmpdir(),
      env: childEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, opts.timeoutMs ?? 30_000)
    settle(child, () => timer, reject, (code) => resolve({code: timedOut ? -1 : (code ?? -1), stdout, stderr, timedOut, ms: Date.now() - started}))
    if (opts.input !== undefined) child.stdin.write(opts.input)
    if (!opts.keepStdinOpen) child.stdin.end()
  })
}

/** Parses stdout as JSON, with the whole output in the error when it is not. */
export function json<T = unknown>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}):\n${result.stdout}\n--- stderr ---\n${result.stderr}`)
  }
}

export interface TempRegister {
  dir: string
  register: string
  journal: string
  backups: string
  lock: string
  cleanup(): void
}

/** A fresh temp directory (under os.tmpdir()) and the paths itplan will use in it. */
export function tempRegister(prefix = 'itplan-test-'): TempRegister {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  const register = path.join(dir, 'register.json')
  return {
    dir,
    register,
    journal: path.join(dir, 'register.json.audit.jsonl'),
    backups: path.join(dir, 'register.json.backups'),
    lock: `${register}.lock`,
    cleanup: () => rmSync(dir, {recursive: true, force: true}),
  }
}

/** `itplan init --year N` through the CLI; throws with the output when it fails. */
export async function initRegister(dir: string, year = 2027): Promise<string> {
  const register = path.join(dir, 'register.json')
  const r = await runCli(['init', '--year', String(year), '--register', register], {cwd: dir})
  if (r.code !== 0 || !existsSync(register)) throw new Error(`init failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`)
  return register
}

export function readBytes(file: string): Buffer {
  return readFileSync(file)
}

/** Flags of a valid declaration; override or drop any of them per test. */
export function projectFlags(overrides: Record<string, string | null> = {}): string[] {
  const base: Record<string, string | null> = {
    unit: '市公安局',
    name: '智慧警务平台',
    nature: 'new',
    category: 'business',
    'procurement-category': 'services',
    total: '85万',
    fiscal: '85万',
    'declared-on': '2026-11-20',
    ...overrides,
  }
  // the fiscal funds follow the total unless a test sets them
  if (!('fiscal' in overrides)) base.fiscal = base.total
  const args: string[] = []
  for (const [k, v] of Object.entries(base)) if (v !== null) args.push(`--${k}`, v)
  return args
}

/** The error object of `--json` on failure (DESIGN §5), with the extras itplan adds. */
export interface ErrorJson {
  code: string
  message: string
  exitCode: number
  from?: string
  allowed?: string[]
}

/**
 * Commands against one temp register (`get` is read at each call, so it can be set in a hook): `ok` expects exit 0
 * and returns the JSON; `refused` expects exit `code` in text and in JSON, a Chinese message, no stack trace, and
 * nothing written.
 */
export function commandsOn(get: () => TempRegister) {
  const cli = (args: string[]): Promise<CliResult> => runCli([...args, '--register', get().register], {cwd: get().dir})
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function ok<T = any>(args: string[]): Promise<T> {
    const r = await cli([...args, '--json'])
    expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).to.equal(0)
    return json<T>(r)
  }
  const snapshot = () => fs.readFileSync(get().register, 'base64') + '|' + (fs.existsSync(get().journal) ? fs.readFileSync(get().journal, 'base64') : '')
  async function refused(args: string[], code: number): Promise<{text: string; error: ErrorJson}> {
    const before = snapshot()
    const r = await cli(args)
    expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).to.equal(code)
    expect(r.stderr).to.match(/[\u4e00-\u9fff]/).and.not.match(/\n\s+at /)
    const j = await cli([...args, '--json'])
    expect(j.code).to.equal(code)
    const error = json<{error: ErrorJson}>(j).error
    expect(error.exitCode).to.equal(code)
    expect(snapshot(), 'a refused command writes nothing').to.equal(before)
    return {text: r.stderr, error}
  }
  /** A CSV file in the register's folder, lines joined as Excel writes them; its path. */
  const write = (name: string, lines: string[]): string => {
    const file = path.join(get().dir, name)
    fs.writeFileSync(file, lines.join('\r\n') + '\r\n')
    return file
  }
  return {cli, ok, refused, snapshot, write}
}

// Runs the built itplan on a pseudo-terminal, as a clerk at a terminal runs it: util-linux `script` (Debian's
// bsdutils) gives the command a TTY on stdin, stdout and stderr, and the test plays the clerk — it waits for each
// question to appear before typing its answer, so that a loaded machine only makes the dialogue slower, never
// out of step. The pseudo-terminal merges stdout and stderr into one transcript.
import {spawn} from 'node:child_process'
import {stripVTControlCharacters} from 'node:util'
import {BIN, childEnv, settle} from './cli.js'

/** One exchange: wait until `waitFor` shows (after the previous exchange's text), then type `send`. */
export interface Exchange {
  waitFor: string | RegExp
  send: string
  /** stop at once (instead of waiting out the timeout) when this shows before `waitFor` does */
  failOn?: string | RegExp
}

export interface TtyResult {
  code: number
  /** what the terminal showed, without colour and cursor sequences */
  screen: string
}

export interface TtyOptions {
  cwd?: string
  env?: Record<string, string>
  /** how long one exchange, and the exit after the last, may take (default 60 s: the machine may be loaded) */
  stepTimeoutMs?: number
}

/** Keys as a terminal sends them in raw mode. */
export const KEY = {enter: '\r', ctrlC: '\u0003', clearLine: '\u0015', down: '\u001b[B'} as const

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

function find(text: string, from: number, pattern: string | RegExp): number {
  if (typeof pattern === 'string') {
    const at = text.indexOf(pattern, from)
    return at < 0 ? -1 : at + pattern.length
  }
  const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(text.slice(from))
  return m ? from + m.index + m[0].length : -1
}

/** Runs `itplan args…` on a pseudo-terminal through the exchanges; rejects, with the screen, when one does not come. */
export function runTty(args: string[], exchanges: Exchange[], opts: TtyOptions = {}): Promise<TtyResult> {
  const stepTimeoutMs = opts.stepTimeoutMs ?? 60_000
  // a wide terminal, so that no message is wrapped in the middle of the text a test waits for
  const command = `stty cols 250 rows 50 2>/dev/null; exec ${quote(process.execPath)} ${[BIN, ...args].map(quote).join(' ')}`
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['--quiet', '--flush', '--return', '--echo', 'never', '--command', command, '/dev/null'], {
      cwd: opts.cwd,
      env: childEnv({TERM: 'xterm', ...opts.env}),
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let raw = ''
    let cursor = 0
    let step = 0
    let failed: Error | null = null
    let timer: NodeJS.Timeout | undefined
    const screen = () => stripVTControlCharacters(raw).replace(/\r/g, '')
    const fail = (why: string) => {
      if (failed) return
      failed = new Error(`${why}\n--- screen ---\n${screen()}`)
      child.kill('SIGKILL')
    }
    const arm = () => {
      clearTimeout(timer)
      const waiting = exchanges[step]?.waitFor
      timer = setTimeout(() => fail(waiting === undefined ? `the command did not exit within ${stepTimeoutMs} ms` : `did not see ${String(waiting)} within ${stepTimeoutMs} ms`), stepTimeoutMs)
    }
    const advance = () => {
      while (step < exchanges.length) {
        const text = screen()
        const {waitFor, send, failOn} = exchanges[step]
        const at = find(text, cursor, waitFor)
        const bad = failOn === undefined ? -1 : find(text, cursor, failOn)
        if (bad >= 0 && (at < 0 || bad < at)) return fail(`saw ${String(failOn)} while waiting for ${String(waitFor)}`)
        if (at < 0) return
        cursor = at
        child.stdin.write(send)
        step++
        arm()
      }
    }
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      raw += d
      advance()
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => (raw += d))
    settle(child, () => timer, reject, (code) => {
      if (failed) return reject(failed)
      if (step < exchanges.length) return reject(new Error(`exited (${code}) before showing ${String(exchanges[step].waitFor)}\n--- screen ---\n${screen()}`))
      resolve({code: code ?? -1, screen: screen()})
    })
    arm()
  })
}

// Terminal presentation: colours only on a terminal and never under NO_COLOR; warnings and progress on stderr
// so that stdout carries only the result.
import {Chalk, type ChalkInstance} from 'chalk'

function colourLevel(stream: NodeJS.WriteStream): 0 | 1 | 2 | 3 {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return 0
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return 1
  if (!stream.isTTY || process.env.TERM === 'dumb') return 0
  return 1
}

export const out: ChalkInstance = new Chalk({level: colourLevel(process.stdout)})
export const err: ChalkInstance = new Chalk({level: colourLevel(process.stderr)})

export function warn(message: string, label: string): void {
  process.stderr.write(`${err.yellow(`${label}:`)} ${message}\n`)
}

export function note(message: string): void {
  process.stderr.write(`${err.dim(message)}\n`)
}

export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env.ITPLAN_NO_PROMPT === undefined
}

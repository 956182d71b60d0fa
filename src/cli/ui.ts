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

/** Control characters a terminal would obey (ESC sequences that clear the screen or set the window title, BEL, BS,
 * CR overwriting a line, C1 controls, DEL) and the bidi overrides that reorder what is shown. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const HAS_UNSAFE = new RegExp(UNSAFE.source)
/** the colour and style sequences chalk writes (SGR), when colours are on */
const COLOUR = /^\u001b\[[0-9;]*m/

/**
 * Text for the terminal: a value from a unit's spreadsheet or a hand-edited register cannot drive the clerk's terminal.
 * Every control character other than line feed and tab is shown as an escape (`\x1B`, `\u202E`); on a stream
 * with colours, chalk's own colour sequences are kept. Every human line on stdout and stderr passes through here
 * (ItplanCommand.log, warn, note, the error line); JSON output never does, so it stays exact.
 */
export function terminalText(text: string, colours = false): string {
  if (!HAS_UNSAFE.test(text)) return text
  return text.replace(UNSAFE, (ch, offset: number) => {
    if (ch === '\u001b' && colours && COLOUR.test(text.slice(offset, offset + 32))) return ch
    const code = ch.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
  })
}

/** A line to stderr, escaped for the terminal. */
export function writeErr(text: string): void {
  process.stderr.write(terminalText(text, err.level > 0) + '\n')
}

export function warn(message: string, label: string): void {
  writeErr(`${err.yellow(`${label}:`)} ${message}`)
}

export function note(message: string): void {
  writeErr(err.dim(message))
}

export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env.ITPLAN_NO_PROMPT === undefined
}

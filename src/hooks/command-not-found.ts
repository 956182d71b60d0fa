// An unknown command gets the same treatment as any usage error: a message in the clerk's language, the nearest
// commands, exit 2 — instead of oclif's English default.
import type {Hook} from '@oclif/core'
import {setLang, t} from '../core/i18n/index.js'
import {langFromArgv} from '../cli/lang.js'
import {writeErr} from '../cli/ui.js'
import type {ErrorResult} from '../cli/results.js'

/** Edit distance, enough to suggest `project list` for `project lsit`. */
function distance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}

/** --json as a command's own flag: on the command line before a `--` that ends the flags (as oclif reads it). */
function wantsJson(words: readonly string[]): boolean {
  const end = words.indexOf('--')
  return (end < 0 ? words : words.slice(0, end)).includes('--json')
}

const hook: Hook.CommandNotFound = async function (options) {
  const argv = options.argv ?? []
  setLang(langFromArgv(argv))
  const typed = options.id.replace(/:/g, ' ')
  // `itplan --json` or `itplan --bogus`: the first word is a flag, no command was given
  const noCommand = typed.startsWith('-')
  const ids = options.config.commandIDs.map((id) => id.replace(/:/g, ' '))
  const near = noCommand
    ? []
    : ids
        .map((id) => ({id, d: distance(typed, id)}))
        .filter((x) => x.d <= Math.max(2, Math.floor(typed.length / 3)) || x.id.startsWith(typed))
        .sort((a, b) => a.d - b.d)
        .slice(0, 3)
        .map((x) => `itplan ${x.id}`)
  const code = noCommand ? 'usage.noCommand' : 'usage.unknownCommand'
  const message = `${noCommand ? t('usage.noCommand') : t('usage.unknownCommand', {command: typed})}${near.length > 0 ? ` ${t('usage.didYouMean', {commands: near})}` : ''}`
  process.exitCode = 2
  // DESIGN §5: under --json, stdout holds the error object, as for any other refusal
  if (wantsJson([options.id, ...argv])) {
    const error: ErrorResult = {error: {code, message, exitCode: 2, params: {command: typed, suggestions: near}}}
    process.stdout.write(JSON.stringify(error) + '\n')
    return
  }
  writeErr(`${t('error.prefix')}: ${message}`)
}

export default hook

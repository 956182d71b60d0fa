// An unknown command gets the same treatment as any usage error: a message in the clerk's language, the nearest
// commands, exit 2 — instead of oclif's English default.
import type {Hook} from '@oclif/core'
import {setLang, t} from '../core/i18n/index.js'
import {langFromArgv} from '../cli/lang.js'

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

const hook: Hook.CommandNotFound = async function (options) {
  const argv = options.argv ?? []
  setLang(langFromArgv(argv))
  const typed = options.id.replace(/:/g, ' ')
  const ids = options.config.commandIDs.map((id) => id.replace(/:/g, ' '))
  const near = ids
    .map((id) => ({id, d: distance(typed, id)}))
    .filter((x) => x.d <= Math.max(2, Math.floor(typed.length / 3)) || x.id.startsWith(typed))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => `itplan ${x.id}`)
  process.stderr.write(`${t('error.prefix')}: ${t('usage.unknownCommand', {command: typed})}${near.length > 0 ? ` ${t('usage.didYouMean', {commands: near})}` : ''}\n`)
  process.exitCode = 2
}

export default hook

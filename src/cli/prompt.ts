// Prompts only on a terminal, and only for a value whose flag was not given; without a terminal a missing
// value is a usage error (exit 2), never a hang.
import {UsageError} from '../core/domain/errors.js'
import {isInteractive} from './ui.js'
import {MAX_TEXT_LENGTH} from '../core/domain/limits.js'
import {t} from '../core/i18n/index.js'

export interface Choice {
  value: string
  name: string
}

export async function askText(flag: string, message: string, current: string | undefined): Promise<string> {
  if (current !== undefined) return current
  if (!isInteractive()) throw new UsageError('usage.missingFlag', {flag})
  const {input} = await import('@inquirer/prompts')
  // typed text is bounded like a flag's (src/cli/flags.ts)
  return input({message, required: true, validate: (v) => v.length <= MAX_TEXT_LENGTH || t('usage.textTooLong', {flag: `--${flag}`, length: v.length, max: MAX_TEXT_LENGTH})})
}

export async function askChoice(flag: string, message: string, current: string | undefined, choices: Choice[]): Promise<string> {
  if (current !== undefined) return current
  if (!isInteractive()) throw new UsageError('usage.missingFlag', {flag})
  const {select} = await import('@inquirer/prompts')
  return select({message, choices})
}

// Prompts only on a terminal, and only for a value whose flag was not given; without a terminal a missing
// value is a usage error (exit 2), never a hang.
import {UsageError} from '../core/domain/errors.js'
import {isInteractive} from './ui.js'

export interface Choice {
  value: string
  name: string
}

export async function askText(flag: string, message: string, current: string | undefined): Promise<string> {
  if (current !== undefined) return current
  if (!isInteractive()) throw new UsageError('usage.missingFlag', {flag})
  const {input} = await import('@inquirer/prompts')
  return input({message, required: true})
}

export async function askChoice(flag: string, message: string, current: string | undefined, choices: Choice[]): Promise<string> {
  if (current !== undefined) return current
  if (!isInteractive()) throw new UsageError('usage.missingFlag', {flag})
  const {select} = await import('@inquirer/prompts')
  return select({message, choices})
}

// Destructive commands: on a terminal the clerk confirms; without one, --confirm must name the thing exactly
// (as heroku/cli's confirm-command does), else exit 2.
import {UsageError} from '../core/domain/errors.js'
import {isInteractive} from './ui.js'

export async function confirmDestructive(expected: string, given: string | undefined, question: string): Promise<void> {
  if (given !== undefined) {
    if (given !== expected) throw new UsageError('usage.confirmMismatch', {given, expected})
    return
  }
  if (!isInteractive()) throw new UsageError('usage.confirmNeeded', {expected})
  const {confirm} = await import('@inquirer/prompts')
  const ok = await confirm({message: question, default: false})
  if (!ok) throw new UsageError('usage.cancelled')
}

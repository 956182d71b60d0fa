// Destructive commands: on a terminal the clerk confirms; without one, --confirm must name the thing exactly
// (as heroku/cli's confirm-command does), else exit 2. Answering 否 cancels (exit 2); Ctrl-C too (exit 130).
import {UsageError} from '../core/domain/errors.js'
import {t} from '../core/i18n/index.js'
import {askYesNo} from './prompt.js'
import {isInteractive} from './ui.js'

export async function confirmDestructive(expected: string, given: string | undefined, question: string): Promise<void> {
  if (given !== undefined) {
    if (given !== expected) throw new UsageError('usage.confirmMismatch', {given, expected})
    return
  }
  if (!isInteractive()) throw new UsageError('usage.confirmNeeded', {expected})
  const ok = await askYesNo(question, {yes: t('prompt.yesGoAhead'), no: t('prompt.noCancel')})
  if (!ok) throw new UsageError('usage.cancelled')
}

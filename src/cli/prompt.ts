// Prompts only on a terminal, and only for a value whose flag was not given; without a terminal a missing
// value is a usage error (exit 2), never a hang. Every answer is checked as it is typed, by the same rule a flag
// or a spreadsheet cell goes through, so that a bad answer is asked again instead of refusing everything typed
// after the last question. Ctrl-C at any question is a cancellation (exit 130), never an internal error.
import {ItplanError, UsageError} from '../core/domain/errors.js'
import {t} from '../core/i18n/index.js'
import {isInteractive} from './ui.js'

/** Exit 130 (DESIGN §5): the clerk pressed Ctrl-C at a question; nothing was written. */
export class PromptCancelled extends ItplanError {
  readonly exitCode = 130
  constructor() {
    super('usage.cancelled')
  }
}

export interface Choice {
  value: string
  name: string
}

/** An answer's problem in the clerk's words, or null when the answer is acceptable. */
export type AnswerCheck = (answer: string) => string | null

// Under --json stdout carries only the result: the questions then go to stderr when it is the terminal too (a
// prompt is asked only when stdout is a terminal, src/cli/ui.ts isInteractive); a question is never invisible.
let json = false

/** Set once the command knows whether --json is on. */
export function promptForJson(on: boolean): void {
  json = on
}

const questionStream = () => (json && process.stderr.isTTY ? process.stderr : process.stdout)

/** Runs one inquirer prompt; its Ctrl-C (or a terminal that closes under it) becomes PromptCancelled. */
async function ask<T>(prompt: (inquirer: typeof import('@inquirer/prompts'), context: {output: NodeJS.WritableStream}) => Promise<T>): Promise<T> {
  const inquirer = await import('@inquirer/prompts')
  try {
    return await prompt(inquirer, {output: questionStream()})
  } catch (error) {
    if (error instanceof Error && ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'].includes(error.name)) throw new PromptCancelled()
    throw error
  }
}

/** inquirer's key help (↑↓ navigate • ⏎ select) in the clerk's language. */
function keysHelpTip(keys: Array<[string, string]>): string {
  const action: Record<string, string> = {navigate: t('prompt.keys.navigate'), select: t('prompt.keys.select')}
  return keys.map(([key, what]) => `${key} ${action[what] ?? what}`).join(' • ')
}

/** A text answer, asked until `check` accepts it. */
export async function askText(flag: string, message: string, check: AnswerCheck): Promise<string> {
  if (!isInteractive()) throw new UsageError('usage.missingFlag', {flag})
  return ask(({input}, context) => input({message, validate: (v) => check(v) ?? true}, context))
}

/** One of a closed list, as a menu of its words (numbered, so that a digit chooses too). */
export async function askChoice(flag: string, message: string, choices: Choice[]): Promise<string> {
  if (!isInteractive()) throw new UsageError('usage.missingFlag', {flag})
  return ask(({select}, context) => select({message, choices, theme: {indexMode: 'number', style: {keysHelpTip}}}, context))
}

/** A yes/no question as a menu of two Chinese answers, `no` first (the default): inquirer's y/N is English. */
export async function askYesNo(message: string, answers: {yes: string; no: string}): Promise<boolean> {
  const answer = await askChoice('confirm', message, [
    {value: 'no', name: answers.no},
    {value: 'yes', name: answers.yes},
  ])
  return answer === 'yes'
}

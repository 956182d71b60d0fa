// `project add` at a terminal: the questions for what its flags leave out, in the order of the declaration form.
// The required fields are asked, and the procurement category too, whose default decides the procurement limit a
// project is routed by. Before the first question the register and the flags given are checked, and each answer
// as it is typed, by the validator of flags and imports (`check`), so that nothing typed is lost to a refusal at
// the end. Without a terminal the first missing required flag is a usage error (exit 2), as before.
import type {RawValue} from '../core/domain/declaration.js'
import {declarationField, type DeclarationFieldKey} from '../core/domain/declaration-fields.js'
import {InvalidInput, UsageError, type FieldProblem} from '../core/domain/errors.js'
import {CATEGORIES, NATURES, PROCUREMENT_CATEGORIES} from '../core/domain/types.js'
import {codeText, t, word, type MessageKey} from '../core/i18n/index.js'
import {problemText} from '../core/i18n/problems.js'
import {bareAmountNotice} from './amount.js'
import {noticeText} from './render.js'
import {askChoice, askText, askYesNo, type AnswerCheck} from './prompt.js'
import {isInteractive} from './ui.js'

interface Question {
  key: DeclarationFieldKey
  message: MessageKey
  /** a closed list, offered as a menu of its words */
  choices?: readonly string[]
}

const QUESTIONS: readonly Question[] = [
  {key: 'unit', message: 'prompt.unit'},
  {key: 'name', message: 'prompt.name'},
  {key: 'nature', message: 'prompt.nature', choices: NATURES},
  {key: 'category', message: 'prompt.category', choices: CATEGORIES},
  {key: 'totalInvestment', message: 'prompt.total'},
  {key: 'fiscalFunds', message: 'prompt.fiscal'},
  {key: 'procurementCategory', message: 'prompt.procurementCategory', choices: PROCUREMENT_CATEGORIES},
]

/** The problems of `fields` in a declaration known so far. */
export type CheckFields = (raw: Record<string, RawValue>, fields: readonly string[]) => FieldProblem[]

/**
 * The declaration with every missing answer asked for. `openCheck` is called only when a question is to be asked:
 * it loads what the checks need (the register), so that a missing register is said before the first question.
 */
export async function askDeclaration(given: Record<string, RawValue>, openCheck: () => Promise<CheckFields>): Promise<Record<string, RawValue>> {
  const missing = QUESTIONS.filter((q) => given[q.key] === undefined)
  if (!isInteractive()) {
    const required = missing.find((q) => declarationField(q.key)!.required)
    if (required) throw new UsageError('usage.missingFlag', {flag: declarationField(required.key)!.flag.name})
    return given
  }
  if (missing.length === 0) return given
  const check = await openCheck()
  const early = check(given, Object.keys(given))
  if (early.length > 0) throw new InvalidInput(early, true)
  const raw = {...given}
  for (const q of missing) {
    const field = declarationField(q.key)!
    const answerCheck: AnswerCheck = (answer) => {
      const problems = check({...raw, [q.key]: answer}, [q.key])
      return problems.length > 0 ? problems.map((p) => problemText(p)).join('；') : null
    }
    if (q.choices) raw[q.key] = await askChoice(field.flag.name, t(q.message), q.choices.map((value) => ({value, name: word(q.key, value)})))
    else if (field.kind === 'amount') raw[q.key] = await askAmount(field.flag.name, q, answerCheck)
    else raw[q.key] = await askText(field.flag.name, t(q.message), answerCheck)
  }
  return raw
}

/** An amount; a bare number below 1 万元 is questioned (DESIGN §5), and typed again unless the clerk keeps it. */
async function askAmount(flag: string, q: Question, check: AnswerCheck): Promise<string> {
  for (;;) {
    const answer = await askText(flag, t(q.message), check)
    const notice = bareAmountNotice(codeText(`field.${q.key}`), answer)
    if (!notice) return answer
    if (await askYesNo(noticeText(notice), {yes: t('prompt.bareAmountKeep', {value: String(notice.params.value)}), no: t('prompt.bareAmountRetype')})) return answer
  }
}

// Flags that take one of a closed list (status, track, flag, stage, result, check, grade, kind, approver) accept
// the identifier or its word — the catalogue's Chinese or English word, or another word the office listed in
// data/words.json — and their help lists both (DESIGN §5). One parse for every such flag, the same one
// declarations use for their closed lists (parseEnum).
import {Flags, type Interfaces} from '@oclif/core'
import {parseEnum} from '../core/domain/declaration.js'
import {UsageError} from '../core/domain/errors.js'
import {hasMessage, t, word, wordsOfEveryTier, type Lang} from '../core/i18n/index.js'
import {readPackageJson} from '../core/package-root.js'

/** The catalogue prefix of a closed list's words (`stage.fiscal-review` → 市财政局财政投资评审). */
export type WordKind = 'status' | 'track' | 'flag' | 'stage' | 'stageStatus' | 'check' | 'grade' | 'incident' | 'approver' | 'specialKind'

const LANGS: Lang[] = ['zh', 'en']
let extra: Record<string, Record<string, string[]>> | undefined

/** Every word accepted for each value of a closed list. */
export function wordsOf(kind: WordKind, values: readonly string[]): Record<string, string[]> {
  extra ??= readPackageJson<Record<string, Record<string, string[]>>>('data', 'words.json')
  const words: Record<string, string[]> = {}
  for (const value of values) {
    const own = hasMessage(`${kind}.${value}`) ? LANGS.flatMap((lang) => wordsOfEveryTier(kind, value, lang)) : []
    words[value] = [...own, ...own.map((w) => w.toLowerCase()), ...(extra[kind]?.[value] ?? [])]
  }
  return words
}

/** `passed（通过）| failed（不通过）`: what help and a refusal show. */
export function choicesText(kind: WordKind, values: readonly string[]): string {
  return values.map((v) => (hasMessage(`${kind}.${v}`) && word(kind, v) !== v ? t('choice.withWord', {value: v, word: word(kind, v)}) : v)).join(' | ')
}

/** The identifier `input` names, or a usage error listing what is accepted. */
export function parseWord<V extends string>(flag: string, kind: WordKind, values: readonly V[], input: string): V {
  const value = parseEnum(input, values, wordsOf(kind, values)) ?? parseEnum(input.toLowerCase(), values, undefined)
  if (value === null) throw new UsageError('usage.notOneOf', {flag, value: input, allowed: choicesText(kind, values)})
  return value
}

function closedListFlag<V extends string>(kind: WordKind, values: readonly V[], description: string) {
  return Flags.custom<string>({
    description: `${description}：${choicesText(kind, values)}`,
    parse: async (input, _context, flag) => parseWord(`--${flag.name}`, kind, values, input),
  })
}

/** An optional flag of a closed list: `wordFlag('track', TRACKS, '审批路径')`. */
export function wordFlag<V extends string>(kind: WordKind, values: readonly V[], description: string) {
  // oclif's types cannot carry a generic value type through custom(); parseWord returns only a V
  return closedListFlag(kind, values, description)() as Interfaces.OptionFlag<V | undefined>
}

/** A required flag of a closed list: `requiredWordFlag('stage', STAGE_KEYS, '评审环节')`. */
export function requiredWordFlag<V extends string>(kind: WordKind, values: readonly V[], description: string) {
  return closedListFlag(kind, values, description)({required: true}) as Interfaces.OptionFlag<V>
}

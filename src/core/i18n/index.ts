// One message catalogue for every user-facing string. Simplified Chinese is the default; English is chosen
// with --lang en or ITPLAN_LANG=en. Keys are checked at compile time: zh defines them, en must translate exactly
// those (en.ts's type), and t() takes only a key of zh, so a misspelt key does not compile.
import {zh} from './zh.js'
import {en} from './en.js'
import type {Params} from '../domain/errors.js'

import type {Lang} from '../domain/lang.js'
import {DEFAULT_REGION, regionNamed, regionWords, TIERS, type Region, type RegionWords} from '../domain/region.js'

export {parseLang, type Lang} from '../domain/lang.js'

/** A key of the catalogue. A key built from a closed list (`import.status.${FileOutcome['status']}`) is one too. */
export type MessageKey = keyof typeof zh & string

const catalogues: Record<Lang, Record<MessageKey, string>> = {zh, en}
let current: Lang = 'zh'

export function setLang(lang: Lang): void {
  current = lang
}
export function getLang(): Lang {
  return current
}

// Catalogue strings name the register's region with {region}, {level}, {tier} and {measuresName} (DESIGN §18): the
// register's setting once it is read, like its language, and the default region until then.
let regionParams: RegionWords = regionWords(regionNamed(DEFAULT_REGION))

export function setRegion(region: Region): void {
  regionParams = regionWords(region)
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key)
}

function format(value: unknown, lang: Lang): string {
  if (Array.isArray(value)) return value.map((v) => format(v, lang)).join(lang === 'zh' ? '、' : ', ')
  if (value === null || value === undefined) return ''
  return String(value)
}

function fill(template: string, params: Params, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name)
      ? format(params[name], lang)
      : Object.prototype.hasOwnProperty.call(regionParams, name)
        ? regionParams[name as keyof RegionWords]
        : whole,
  )
}

/** Renders the message `key` with its `{name}` placeholders filled. */
export function t(key: MessageKey, params: Params = {}, lang: Lang = current): string {
  return fill(catalogues[lang][key], params, lang)
}

/**
 * Renders a message whose key travels as data — an error's or a problem's code, a notice, a reason kept in the
 * register — and so is only a string by the time it is shown. An unknown code renders as itself so a gap is
 * visible, not fatal.
 */
export function codeText(code: string, params: Params = {}, lang: Lang = current): string {
  return fill(hasMessage(code) ? catalogues[lang][code] : code, params, lang)
}

/**
 * A closed-list value's word as a register of each tier writes it (市委办前置审查, 县委办前置审查, 区委办前置审查):
 * flags are parsed before the register is read, so a flag accepts every tier's word.
 */
export function wordsOfEveryTier(kind: string, value: string, lang: Lang = current): string[] {
  const key = `${kind}.${value}`
  if (!hasMessage(key)) return [value]
  return [...new Set(TIERS.map((tier) => fill(catalogues[lang][key], {tier, level: `${tier}本级`}, lang)))]
}

/** A closed-list value in words: `t('track.review')` → 技术初审+财政投资评审. */
export function word(kind: string, value: string, lang: Lang = current): string {
  const key = `${kind}.${value}`
  return hasMessage(key) ? fill(catalogues[lang][key], {}, lang) : value
}

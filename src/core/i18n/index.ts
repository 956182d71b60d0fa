// One message catalogue for every user-facing string. Simplified Chinese is the default; English is chosen
// with --lang en or ITPLAN_LANG=en. Keys are checked at compile time: en must translate every zh key.
import {zh} from './zh.js'
import {en} from './en.js'
import type {Params} from '../domain/errors.js'

import type {Lang} from '../domain/lang.js'

export {parseLang, type Lang} from '../domain/lang.js'
export type MessageKey = keyof typeof zh & string

const catalogues: Record<Lang, Record<MessageKey, string>> = {zh, en}
let current: Lang = 'zh'

export function setLang(lang: Lang): void {
  current = lang
}
export function getLang(): Lang {
  return current
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key)
}

function format(value: unknown, lang: Lang): string {
  if (Array.isArray(value)) return value.map((v) => format(v, lang)).join(lang === 'zh' ? '、' : ', ')
  if (value === null || value === undefined) return ''
  return String(value)
}

/** Renders `key` with `{name}` placeholders. Unknown keys render as themselves so a gap is visible, not fatal. */
export function t(key: string, params: Params = {}, lang: Lang = current): string {
  const template = hasMessage(key) ? catalogues[lang][key] : key
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? format(params[name], lang) : whole,
  )
}

/** A closed-list value in words: `t('track.review')` → 技术初审+财政投资评审. */
export function word(kind: string, value: string, lang: Lang = current): string {
  const key = `${kind}.${value}`
  return hasMessage(key) ? catalogues[lang][key] : value
}

// Problems as sentences: a field problem names its field (and article); a row problem also says where it is.
import {t, codeText, word, hasMessage, type Lang, getLang} from './index.js'
import type {FieldProblem} from '../domain/errors.js'
import type {RowProblem} from '../domain/import-validation.js'
import {formatWan} from '../domain/money.js'

export function problemText(p: FieldProblem | RowProblem, lang: Lang = getLang()): string {
  const field = p.field ? codeText(`field.${p.field}`, {}, lang) : ''
  const params: Record<string, unknown> = {field, ...p.params}
  // amounts in problem params are 分: show them as 万元
  for (const k of ['stated', 'sum', 'completed', 'annual', 'totalAmount']) if (typeof params[k] === 'number') params[k] = formatWan(params[k] as number)
  if (typeof params.bytes === 'number') params.megabytes = ((params.bytes as number) / 1048576).toFixed(1)
  if (typeof params.limit === 'number') params.limitMegabytes = Math.round((params.limit as number) / 1048576)
  if (typeof params.category === 'string') params.category = word('procurementCategory', params.category, lang)
  if (typeof params.status === 'string') params.status = word('status', params.status, lang)
  // a date that runs backwards names the step it should follow (a message key with the same parameters)
  if (typeof params.step === 'string' && hasMessage(params.step)) params.step = t(params.step, params as Parameters<typeof t>[1], lang)
  if (Array.isArray(params.fields)) params.fields = (params.fields as string[]).map((f) => codeText(`field.${f}`, {}, lang))
  const text = codeText(p.code, params as Parameters<typeof t>[1], lang)
  return p.article ? `${text}${t('problem.article', {article: p.article, articleZh: chineseNumber(p.article)}, lang)}` : text
}

const DIGITS = '零一二三四五六七八九'
/** Articles are cited as 第十二条, not 第12条. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`
  return String(n)
}

/** 市公安局.xlsx 申报表 第 5 行 F 列：… */
export function placeText(file: string, p: RowProblem, lang: Lang = getLang()): string {
  const parts = [file]
  if (p.sheet) parts.push(t('place.sheet', {sheet: p.sheet}, lang))
  if (p.row !== null) parts.push(t('place.row', {row: p.row}, lang))
  if (p.column) parts.push(t('place.column', {column: p.column}, lang))
  return parts.join(' ')
}

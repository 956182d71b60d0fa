// Money enters as text or a spreadsheet number and becomes integer 分 (fen) at once; nothing in the
// domain is ever a float. 1 元 = 100 分, 1 万元 = 1,000,000 分, 1 亿元 = 10,000,000,000 分.
import nzh from 'nzh/cn'

export type AmountUnit = 'yuan' | 'wan' | 'yi'

const FEN_EXPONENT: Record<AmountUnit, number> = {yuan: 2, wan: 6, yi: 10}

/** The largest amount accepted: 1,000 亿元. Anything above is a typing error, not a project. */
export const MAX_AMOUNT_FEN = 100_000_000_000_00

export type AmountParse = {ok: true; fen: number} | {ok: false; code: 'amount.malformed' | 'amount.negative' | 'amount.tooLarge'}

const FULL_WIDTH = /[\uFF01-\uFF5E]/g
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** Detects the unit written in a header such as 总投资（万元） or 财政资金(元). */
export function unitFromHeader(header: string): AmountUnit | null {
  const h = toHalfWidth(header)
  if (/亿元|\(亿\)/.test(h)) return 'yi'
  if (/万元|\(万\)/.test(h)) return 'wan'
  if (/\(元\)|（元）|[^万亿]元\)?$/.test(h)) return 'yuan'
  return null
}

/**
 * Parses `80万`, `800000`, `800,000元`, `1.2亿`, `１２０万元`, `¥85.5万` or a spreadsheet number.
 * A unit in the text wins over `defaultUnit` (the unit of the header, or of the flag).
 */
export function parseAmount(input: string | number, defaultUnit: AmountUnit): AmountParse {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return {ok: false, code: 'amount.malformed'}
    if (input < 0) return {ok: false, code: 'amount.negative'}
    // Spreadsheet numbers carry binary noise (79.99 万元 is 79.98999…); round to the nearest 分.
    const fen = Math.round(input * 10 ** FEN_EXPONENT[defaultUnit])
    return fen > MAX_AMOUNT_FEN ? {ok: false, code: 'amount.tooLarge'} : {ok: true, fen}
  }
  let text = toHalfWidth(String(input)).replace(/[\s\u00a0]/g, '').replace(/[¥￥]/g, '').replace(/^人民币/, '')
  if (text === '') return {ok: false, code: 'amount.malformed'}
  if (CAPITAL_CHARACTER.test(text)) return parseCapitalAmount(text, defaultUnit)
  let unit = defaultUnit
  const suffix = /(亿元|亿|万元|万|元|RMB|CNY)$/i.exec(text)
  if (suffix) {
    const s = suffix[1]
    unit = s.startsWith('亿') ? 'yi' : s.startsWith('万') ? 'wan' : 'yuan'
    text = text.slice(0, -s.length)
  }
  if (text.startsWith('-')) return {ok: false, code: /^-[\d,.]+$/.test(text) ? 'amount.negative' : 'amount.malformed'}
  // Thousands separators only between groups of three digits.
  if (text.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return {ok: false, code: 'amount.malformed'}
    text = text.replace(/,/g, '')
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text)
  if (!m) return {ok: false, code: 'amount.malformed'}
  const exponent = FEN_EXPONENT[unit]
  const whole = m[1].replace(/^0+(?=\d)/, '')
  const fraction = m[2] ?? ''
  if (whole.length > 16) return {ok: false, code: 'amount.tooLarge'}
  // Exact decimal shift: digits of the fraction beyond 分 are rounded half up.
  const kept = (fraction + '0'.repeat(exponent)).slice(0, exponent)
  const rest = fraction.slice(exponent)
  let fen = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(kept === '' ? '0' : kept)
  if (rest !== '' && Number(rest[0]) >= 5) fen += 1n
  if (fen > BigInt(MAX_AMOUNT_FEN)) return {ok: false, code: 'amount.tooLarge'}
  return {ok: true, fen: Number(fen)}
}

// 大写金额, as formal forms write them (壹佰贰拾万元整, 肆拾叁万贰仟壹佰元伍角陆分). nzh reads the numeral; what it
// would read leniently (伍伍万 as 550,000) or what a clerk may mean otherwise (壹万伍: 10,005 or 15,000?) is
// refused here first, so every accepted text has one reading.
const CAPITAL_CHARACTER = /[零壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟]/
const TRADITIONAL_CAPITALS: Record<string, string> = {貳: '贰', 參: '叁', 叄: '叁', 陸: '陆', 萬: '万', 億: '亿', 圓: '元', 圆: '元'}
const CAPITAL_AMOUNT = /^(?:\(?大写\)?:?)?([零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+)(元(?:([零壹贰叁肆伍陆柒捌玖])角)?(?:零?([壹贰叁肆伍陆柒捌玖])分)?)?[整正]?$/
const DIGIT = '零壹贰叁肆伍陆柒捌玖'
/** a digit with no place of its own after a place above 拾, at the end of a section: 壹万伍, 壹仟伍 */
const UNPLACED_DIGIT = /[佰仟万亿][壹贰叁肆伍陆柒捌玖](?=[万亿]|$)/
/** 拾 without its digit (拾万, 壹佰拾) reads 壹拾; 零 only marks a gap */
const canonicalNumeral = (numeral: string) => numeral.replace(/(^|[^壹贰叁肆伍陆柒捌玖])拾/g, '$1壹拾').replace(/零/g, '')

/** A capital-numeral amount: with 元 (or 万/亿 inside the numeral) it is in 元, a bare numeral is in `defaultUnit`. */
function parseCapitalAmount(text: string, defaultUnit: AmountUnit): AmountParse {
  const m = CAPITAL_AMOUNT.exec(text.replace(/[貳參叄陸萬億圓圆]/g, (c) => TRADITIONAL_CAPITALS[c]))
  if (!m) return {ok: false, code: 'amount.malformed'}
  const [, numeral, yuan, jiao, fen] = m
  if (UNPLACED_DIGIT.test(numeral) || /零$/.test(numeral) && numeral !== '零') return {ok: false, code: 'amount.malformed'}
  const digits = nzh.decodeB(numeral, {outputString: true} as object)
  if (!/^\d+$/.test(digits) || canonicalNumeral(nzh.encodeB(digits)) !== canonicalNumeral(numeral)) return {ok: false, code: 'amount.malformed'}
  const unit: AmountUnit = yuan !== undefined || /[万亿]/.test(numeral) ? 'yuan' : defaultUnit
  if (digits.replace(/^0+(?=\d)/, '').length > 16) return {ok: false, code: 'amount.tooLarge'}
  const cents = BigInt(DIGIT.indexOf(jiao ?? '零') * 10 + DIGIT.indexOf(fen ?? '零'))
  const total = BigInt(digits) * 10n ** BigInt(FEN_EXPONENT[unit]) + cents
  if (total > BigInt(MAX_AMOUNT_FEN)) return {ok: false, code: 'amount.tooLarge'}
  return {ok: true, fen: Number(total)}
}

/** 1234567 → 1,234,567 (toLocaleString is slow enough to show in a 50,000-row import). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',')
}

/** 万元 with two decimals, computed on integers so that no boundary drifts. */
export function formatWan(fen: number): string {
  const hundredths = Math.round(fen / 10_000)
  const sign = hundredths < 0 ? '-' : ''
  const abs = Math.abs(hundredths)
  return `${sign}${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`
}

/** Exact 元 with 分, for reasons where rounding to 万元 would hide a boundary. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`
}

/** The exact value of a 万元 cell: the spreadsheet holds the number, the format shows 2 decimals. */
export function fenToWanNumber(fen: number): number {
  return fen / 1_000_000
}

/** True when formatWan would round: the reason then states the exact amount in 元. */
export function wanHidesDetail(fen: number): boolean {
  return fen % 10_000 !== 0
}

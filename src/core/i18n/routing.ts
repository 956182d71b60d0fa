// The routing reason as a clerk reads it, from the facts the domain's routing states (domain/routing.ts).
import {formatWan, formatYuan, wanHidesDetail} from '../domain/money.js'
import {routingExplanation, type RoutingExplanation, type RoutingInput} from '../domain/routing.js'
import type {Rules} from '../domain/types.js'
import {t, word, type Lang} from './index.js'

function amountText(fen: number, lang: Lang): string {
  // 799,999.99 元 shows as 80.00 万元; the reason must not pretend it reached 80 万元.
  return wanHidesDetail(fen)
    ? t('routing.amountExact', {wan: formatWan(fen), yuan: formatYuan(fen)}, lang)
    : t('routing.amount', {wan: formatWan(fen)}, lang)
}

/** The sentence, e.g. 总投资 85.00 万元 ≥ 服务类采购限额 80.00 万元，且 < 立项金额标准 100.00 万元 → 技术初审+财政投资评审 */
export function routingSentence(e: RoutingExplanation, lang: Lang = 'zh'): string {
  const params = {
    basis: t(`routing.basis.${e.basis ?? 'total'}`, {}, lang),
    amount: amountText(e.amountFen, lang),
    category: word('procurementCategory', e.procurementCategory, lang),
    limit: formatWan(e.limitFen),
    standard: formatWan(e.standardFen),
    track: word('track', e.track, lang),
  }
  if (e.track === 'self') return t('routing.reason.self', params, lang)
  if (e.track === 'review') return t('routing.reason.review', params, lang)
  if (e.tie) return t('routing.reason.tie', params, lang)
  return t('routing.reason.approval', params, lang)
}

/** The reason stored with a project: always Chinese, as it goes into the exports. */
export const storedRoutingReason = (e: RoutingExplanation): string => routingSentence(e, 'zh')

export function explainRouting(input: RoutingInput, rules: Pick<Rules, 'procurementLimitFen' | 'approvalStandardFen'>, lang: Lang = 'zh'): string {
  return routingSentence(routingExplanation(input, rules), lang)
}

// Art. 8 routing. 以上/以下 include the boundary and 未达到 excludes it (《民法典》第1259条), so:
//   amount < procurement limit            → self      (未达到政府采购限额标准)
//   limit ≤ amount < approval standard    → review    (限额标准以上、立项金额标准以下)
//   amount ≥ approval standard            → approval  (立项金额标准以上; the tie is both 以上 and 以下,
//                                                      and the stricter track wins)
import {formatWan, formatYuan, wanHidesDetail} from './money.js'
import {t, word, type Lang} from '../i18n/index.js'
import type {ProcurementCategory, Routing, Rules, Track} from './types.js'

export interface RoutingInput {
  amountFen: number
  procurementCategory: ProcurementCategory
  /** what the amount is: the declared 总投资, or the fiscal review's 审定金额 (the reason must say which) */
  basis?: RoutingBasis
}

export type RoutingBasis = 'total' | 'approved'

export function decideTrack(input: RoutingInput, rules: Pick<Rules, 'procurementLimitFen' | 'approvalStandardFen'>): Track {
  const limit = rules.procurementLimitFen[input.procurementCategory]
  if (input.amountFen >= rules.approvalStandardFen) return 'approval'
  if (input.amountFen >= limit) return 'review'
  return 'self'
}

function amountText(fen: number, lang: Lang): string {
  // 799,999.99 元 shows as 80.00 万元; the reason must not pretend it reached 80 万元.
  return wanHidesDetail(fen)
    ? t('routing.amountExact', {wan: formatWan(fen), yuan: formatYuan(fen)}, lang)
    : t('routing.amount', {wan: formatWan(fen)}, lang)
}

/** The sentence a clerk reads, e.g. 总投资 85.00 万元 ≥ 服务类采购限额 80.00 万元，且 < 立项金额标准 100.00 万元 → 技术初审+财政投资评审 */
export function explainRouting(input: RoutingInput, rules: Pick<Rules, 'procurementLimitFen' | 'approvalStandardFen'>, lang: Lang = 'zh'): string {
  const track = decideTrack(input, rules)
  const limit = rules.procurementLimitFen[input.procurementCategory]
  const params = {
    basis: t(`routing.basis.${input.basis ?? 'total'}`, {}, lang),
    amount: amountText(input.amountFen, lang),
    category: word('procurementCategory', input.procurementCategory, lang),
    limit: formatWan(limit),
    standard: formatWan(rules.approvalStandardFen),
    track: word('track', track, lang),
  }
  if (track === 'self') return t('routing.reason.self', params, lang)
  if (track === 'review') return t('routing.reason.review', params, lang)
  if (input.amountFen === rules.approvalStandardFen) return t('routing.reason.tie', params, lang)
  return t('routing.reason.approval', params, lang)
}

/** The amount that routes a project: the fiscal review's 审定金额 once set, else the declared total. */
export function routingAmount(project: {totalInvestmentFen: number; approvedAmountFen: number | null}): number {
  return project.approvedAmountFen ?? project.totalInvestmentFen
}

export function routingBasis(project: {approvedAmountFen: number | null}): RoutingBasis {
  return project.approvedAmountFen === null ? 'total' : 'approved'
}

const reasons = new Map<string, string>()

/** The reason for the same amount, category and rules is the same sentence: an import asks for it many times. */
function reasonFor(input: RoutingInput, rules: Rules): string {
  const key = `${rules.version}|${rules.approvalStandardFen}|${rules.procurementLimitFen[input.procurementCategory]}|${input.procurementCategory}|${input.amountFen}|${input.basis ?? 'total'}`
  let reason = reasons.get(key)
  if (reason === undefined) {
    if (reasons.size > 10_000) reasons.clear()
    reasons.set(key, (reason = explainRouting(input, rules, 'zh')))
  }
  return reason
}

export function route(input: RoutingInput, rules: Rules): Routing {
  return {
    track: decideTrack(input, rules),
    reason: reasonFor(input, rules),
    procurementLimitFen: rules.procurementLimitFen[input.procurementCategory],
    approvalStandardFen: rules.approvalStandardFen,
    rulesVersion: rules.version,
  }
}

// Art. 8 routing. 以上/以下 include the boundary and 未达到 excludes it (《民法典》第1259条), so:
//   amount < procurement limit            → self      (未达到政府采购限额标准)
//   limit ≤ amount < approval standard    → review    (限额标准以上、立项金额标准以下)
//   amount ≥ approval standard            → approval  (立项金额标准以上; the tie is both 以上 and 以下,
//                                                      and the stricter track wins)
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

/** The facts a routing reason states; the sentence itself is the message catalogue's (src/core/i18n/routing.ts). */
export interface RoutingExplanation extends RoutingInput {
  track: Track
  /** the amount stands exactly at the approval standard: both 以上 and 以下, and the stricter track wins */
  tie: boolean
  limitFen: number
  standardFen: number
}

/** Turns an explanation into the reason stored with the project (in Chinese, like every stored reason). */
export type ExplainRouting = (e: RoutingExplanation) => string

export function routingExplanation(input: RoutingInput, rules: Pick<Rules, 'procurementLimitFen' | 'approvalStandardFen'>): RoutingExplanation {
  const track = decideTrack(input, rules)
  return {...input, track, tie: track === 'approval' && input.amountFen === rules.approvalStandardFen, limitFen: rules.procurementLimitFen[input.procurementCategory], standardFen: rules.approvalStandardFen}
}

/** The amount that routes a project: the fiscal review's 审定金额 once set, else the declared total. */
export function routingAmount(project: {totalInvestmentFen: number; approvedAmountFen: number | null}): number {
  return project.approvedAmountFen ?? project.totalInvestmentFen
}

export function routingBasis(project: {approvedAmountFen: number | null}): RoutingBasis {
  return project.approvedAmountFen === null ? 'total' : 'approved'
}

const reasonsBy = new WeakMap<ExplainRouting, Map<string, string>>()

/** The reason for the same amount, category and rules is the same sentence: an import asks for it many times. */
function reasonFor(input: RoutingInput, rules: Rules, explain: ExplainRouting): string {
  const key = `${rules.version}|${rules.approvalStandardFen}|${rules.procurementLimitFen[input.procurementCategory]}|${input.procurementCategory}|${input.amountFen}|${input.basis ?? 'total'}`
  let reasons = reasonsBy.get(explain)
  if (!reasons) reasonsBy.set(explain, (reasons = new Map()))
  let reason = reasons.get(key)
  if (reason === undefined) {
    if (reasons.size > 10_000) reasons.clear()
    reasons.set(key, (reason = explain(routingExplanation(input, rules))))
  }
  return reason
}

export function route(input: RoutingInput, rules: Rules, explain: ExplainRouting): Routing {
  return {
    track: decideTrack(input, rules),
    reason: reasonFor(input, rules, explain),
    procurementLimitFen: rules.procurementLimitFen[input.procurementCategory],
    approvalStandardFen: rules.approvalStandardFen,
    rulesVersion: rules.version,
  }
}

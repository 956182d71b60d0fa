// What the office's data files say before anyone changes anything: the rules a new register starts from
// (data/rules/default.json, each figure with its citation) and the province's and the office's fixed facts
// (data/rules/office.json) that no `config set` may move.
import {readPackageJson} from './package-root.js'
import type {ProcurementCategory, Rules, Settings} from './domain/types.js'

export interface OfficeFacts {
  /** the regulation-level floors a city's own procurement limits may not go below (DESIGN §3) */
  procurementLimitFloorFen: Record<ProcurementCategory, number>
  /** who evaluates performance (Art. 20): the department an evaluation deadline is followed with */
  evaluationGroup: string
  citations: Record<string, string>
  /** what a rule's citation says once the office has confirmed it ({amount} in 万元, {date}) */
  confirmedCitations: {approvalStandardFen: string}
}

export function defaultRules(): Rules {
  return readPackageJson<Rules>('data', 'rules', 'default.json')
}

export function defaultSettings(planYear: number): Settings {
  return {planYear, declarationDeadline: null, lang: 'zh'}
}

let office: OfficeFacts | undefined

export function officeFacts(): OfficeFacts {
  return (office ??= readPackageJson<OfficeFacts>('data', 'rules', 'office.json'))
}

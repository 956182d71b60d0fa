// What the office's data files say before anyone changes anything: the rules a new register starts from
// (data/rules/default.json, each figure with its citation) and the province's and the office's fixed facts
// (data/rules/office.json) that no `config set` may move.
import {readPackageJson} from './package-root.js'
import type {ProcurementCategory, Rules, Settings} from './domain/types.js'
import {regionOf, regionWords, type Region} from './domain/region.js'
import {fillTemplate} from './i18n/fill.js'

export interface OfficeFacts {
  /** the regulation-level floors a city's own procurement limits may not go below (DESIGN §3) */
  procurementLimitFloorFen: Record<ProcurementCategory, number>
  /** who evaluates performance (Art. 20): the department an evaluation deadline is followed with */
  evaluationGroup: string
  citations: Record<string, string>
  /** what a rule's citation says once the office has confirmed it ({amount} in 万元, {date}, and the region's words) */
  confirmedCitations: {approvalStandardFen: string}
}

/**
 * The rules a register of `region` starts from: data/rules/default.json names the reviewing departments with
 * {tier} (县财政局 in a county's register) and cites the measures with {measuresName} (DESIGN §18).
 */
export function defaultRules(region: Region = regionOf({})): Rules {
  const rules = readPackageJson<Rules>('data', 'rules', 'default.json')
  const words = regionWords(region)
  return {
    ...rules,
    stages: rules.stages.map((s) => ({...s, department: fillTemplate(s.department, words)})),
    citations: Object.fromEntries(Object.entries(rules.citations).map(([k, v]) => [k, fillTemplate(v, words)])),
  }
}

export function defaultSettings(planYear: number): Settings {
  return {planYear, declarationDeadline: null, lang: 'zh'}
}

let office: OfficeFacts | undefined

export function officeFacts(): OfficeFacts {
  return (office ??= readPackageJson<OfficeFacts>('data', 'rules', 'office.json'))
}

// `config set KEY VALUE`: the office changes the rules in force. A change produces a new rules version so that
// each project's routing can say which rules it was routed under.
import {parseAmount} from './money.js'
import {isIsoDate, parseDate} from './dates.js'
import {UsageError, InvalidInput} from './errors.js'
import {isDateInRange, isYearInRange, YEAR_RANGE} from './limits.js'
import {PROCUREMENT_CATEGORIES, STAGE_KEYS, type Rules, type Settings, type StageKey} from './types.js'
import {parseLang} from './lang.js'

export const CONFIG_KEYS = [
  'procurement-limit.goods',
  'procurement-limit.services',
  'procurement-limit.works',
  'approval-standard',
  'plan-year',
  'declaration-deadline',
  ...STAGE_KEYS.map((k) => `time-limit.${k}`),
  'lang',
  // region (issue 23): set by domain/region-config.ts
  'region',
  'measures-name',
] as const

export interface ConfigChange {
  rules: Rules
  settings: Settings
  rulesChanged: boolean
  key: string
  from: unknown
  to: unknown
}

/** Problems with a set of rules; an empty list means they can be used. */
export function checkRules(rules: Rules): Array<{field: string; code: string; params: Record<string, string | number>}> {
  const problems: Array<{field: string; code: string; params: Record<string, string | number>}> = []
  for (const c of PROCUREMENT_CATEGORIES) {
    if (rules.approvalStandardFen < rules.procurementLimitFen[c]) {
      problems.push({field: 'approval-standard', code: 'rules.standardBelowLimit', params: {category: c}})
    }
  }
  return problems
}

function amountValue(key: string, value: string): number {
  // Bare numbers in config are 元 (`800000` is 80 万元), as the office writes them in notices.
  const parsed = parseAmount(value, 'yuan')
  if (!parsed.ok) throw new InvalidInput([{field: key, code: parsed.code, params: {value}}], true)
  if (parsed.fen <= 0) throw new InvalidInput([{field: key, code: 'amount.notPositive', params: {value}}], true)
  return parsed.fen
}

function nextVersion(previous: string, today: string): string {
  const m = /-r(\d+)$/.exec(previous)
  return `office-${today}-r${m ? Number(m[1]) + 1 : 1}`
}

/** `floorFen`: the regulation-level floors a city's own procurement limits may not go below (data/rules/office.json). */
/**
 * `confirmedCitation`: the citation the 立项金额标准 carries once the office has set it (data/rules/office.json), in
 * place of the default rules' "假设值" wording, so that config show and every export cite what was decided.
 */
export function applyConfigSet(
  rules: Rules,
  settings: Settings,
  key: string,
  value: string,
  today: string,
  floorFen: Rules['procurementLimitFen'],
  confirmedCitation?: (amountFen: number, date: string) => string,
): ConfigChange {
  const r: Rules = structuredClone(rules)
  const s: Settings = {...settings}
  let from: unknown
  let to: unknown
  let rulesChanged = true
  if (key.startsWith('procurement-limit.')) {
    const category = key.slice('procurement-limit.'.length) as keyof Rules['procurementLimitFen']
    if (!PROCUREMENT_CATEGORIES.includes(category)) throw new UsageError('config.unknownKey', {key, keys: [...CONFIG_KEYS]})
    from = r.procurementLimitFen[category]
    to = amountValue(key, value)
    if ((to as number) < floorFen[category]) {
      throw new InvalidInput([{field: key, code: 'rules.limitBelowFloor', params: {value, floor: floorFen[category] / 1_000_000}}], true)
    }
    r.procurementLimitFen[category] = to as number
  } else if (key === 'approval-standard') {
    from = r.approvalStandardFen
    to = amountValue(key, value)
    r.approvalStandardFen = to as number
    r.approvalStandardConfirmed = true
    if (confirmedCitation) r.citations = {...r.citations, approvalStandardFen: confirmedCitation(to as number, today)}
  } else if (key.startsWith('time-limit.')) {
    const stage = key.slice('time-limit.'.length) as StageKey
    if (!STAGE_KEYS.includes(stage)) throw new UsageError('config.unknownKey', {key, keys: [...CONFIG_KEYS]})
    const days = Number(value)
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new InvalidInput([{field: key, code: 'config.badDays', params: {value}}], true)
    from = r.timeLimits[stage]
    to = days
    r.timeLimits[stage] = days
  } else if (key === 'plan-year') {
    const year = Number(value)
    if (!isYearInRange(year)) throw new InvalidInput([{field: key, code: 'value.yearOutOfRange', params: {value, ...YEAR_RANGE}}], true)
    from = s.planYear
    to = year
    s.planYear = year
    rulesChanged = false
  } else if (key === 'declaration-deadline') {
    const date = value === '' || value === 'default' ? null : parseDate(value)
    if (date === undefined || (date === null && value !== '' && value !== 'default')) {
      throw new InvalidInput([{field: key, code: 'value.badDate', params: {value}}], true)
    }
    // 0000-01-01 is a real calendar date, but no deadline of this register's years
    if (date !== null && !isDateInRange(date)) throw new InvalidInput([{field: key, code: 'value.dateOutOfRange', params: {value, ...YEAR_RANGE}}], true)
    from = s.declarationDeadline
    to = date
    s.declarationDeadline = date
    rulesChanged = false
  } else if (key === 'lang') {
    const lang = parseLang(value)
    if (!lang) throw new InvalidInput([{field: key, code: 'config.badLang', params: {value}}], true)
    from = s.lang
    to = lang
    s.lang = lang
    rulesChanged = false
  } else {
    throw new UsageError('config.unknownKey', {key, keys: [...CONFIG_KEYS]})
  }
  if (rulesChanged) {
    const problems = checkRules(r)
    if (problems.length > 0) throw new InvalidInput(problems, true)
    r.version = nextVersion(r.version, today)
  }
  return {rules: r, settings: s, rulesChanged, key, from, to}
}

/** Art. 6: declarations for plan year N are due by 31 December of N − 1 unless the office set another date. */
export function declarationDeadline(planYear: number, settings: Settings): string {
  if (settings.declarationDeadline && planYear === settings.planYear && isIsoDate(settings.declarationDeadline)) {
    return settings.declarationDeadline
  }
  return `${planYear - 1}-12-31`
}

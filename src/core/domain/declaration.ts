// One validator for a declaration, whether it came from flags, prompts or a spreadsheet row: the same value
// is accepted or refused the same way everywhere, and every problem names its field (and article).
import {parseAmount, type AmountUnit, toHalfWidth} from './money.js'
import {excelSerialToDate, parseDate} from './dates.js'
import {normaliseText, normaliseUnit, splitList, splitUnits, toSimplified} from './normalise.js'
import type {FieldProblem, Params} from './errors.js'
import type {Region} from './region.js'
import {isDateInRange, MAX_TEXT_LENGTH as MAX_TEXT, YEAR_RANGE} from './limits.js'
import {defaultOf, valueOf, type AmountFieldKey, type DeclarationFieldKey} from './declaration-fields.js'
import {
  CATEGORIES,
  FUNDING_SOURCES,
  NATURES,
  PROCUREMENT_CATEGORIES,
  PROJECT_KINDS,
  type Compliance,
  type DeclarationInput,
  type FundingSource,
} from './types.js'

/** A raw value: text from a flag or a cell, a spreadsheet number or boolean, or a date cell. */
export type RawValue = string | number | boolean | {date: string} | null | undefined

/** The accepted words of each closed list (from templates/declaration.json), e.g. nature.new → [新建]. */
export type EnumWords = Record<string, Record<string, string[]>>

export interface DeclarationContext {
  defaultYear: number
  /** used when the row has no 申报日期 */
  receivedOn: string
  words: EnumWords
  /** unit of each amount field when the text carries none (from the header, or 'yuan' for flags) */
  amountUnits: Partial<Record<AmountFieldKey, AmountUnit>>
  defaultAmountUnit: AmountUnit
  /** the register's region: its name at the head of a unit becomes the level's character (DESIGN §18) */
  region: Pick<Region, 'name' | 'tier'>
}

export interface DeclarationResult {
  input: DeclarationInput | null
  problems: FieldProblem[]
  warnings: FieldProblem[]
  /** who the row is, even when it is invalid: a later row repeating it is still a duplicate (by its 申报编号
   * alone when unit or name is missing; unit and name are then '') */
  identity?: {planYear: number; declarationNo: string | null; unit: string; name: string}
}

/** Used only when no dictionary words are given (unit tests); imports use templates/declaration.json's yesNo. */
const FALLBACK_YES_NO = {yes: ['是', 'y', 'yes', 'true', '1'], no: ['否', 'n', 'no', 'false', '0']}
const yesNoSets = new WeakMap<object, {yes: Set<string>; no: Set<string>}>()
/** Used only when no dictionary words are given (unit tests); imports use templates/declaration.json's listSeparators. */
const FALLBACK_LIST_SEPARATORS = ['、', ',', '，', ';', '；', '\n', '\r', '/']

function isBlank(v: RawValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

function asText(v: RawValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object') return v.date
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v)
  return String(v)
}

/** 是/否 and the other yes/no words of the dictionary (Y/N, √/×, true/false, 1/0), case-insensitive. */
export function parseYesNo(v: RawValue, words: {yes?: string[]; no?: string[]} = FALLBACK_YES_NO): boolean | null {
  if (typeof v === 'boolean') return v
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null
  let sets = yesNoSets.get(words)
  if (!sets) {
    const fold = (list: string[] | undefined) => new Set((list ?? []).map((w) => toHalfWidth(w).trim().toLowerCase()))
    yesNoSets.set(words, (sets = {yes: fold(words.yes), no: fold(words.no)}))
  }
  const text = toHalfWidth(asText(v)).trim().toLowerCase()
  if (sets.yes.has(text)) return true
  if (sets.no.has(text)) return false
  return null
}

const enumMemo = new WeakMap<object, Map<string, string | null>>()

/** Accepts the identifier (`services`) or any of its words (服务, 服务类). Remembered per word list: a batch
 * repeats the same few words tens of thousands of times. */
export function parseEnum<T extends string>(v: RawValue, allowed: readonly T[], words: Record<string, string[]> | undefined): T | null {
  if (typeof v !== 'string' || !words) return parseEnumUncached(v, allowed, words)
  let memo = enumMemo.get(words)
  if (!memo) enumMemo.set(words, (memo = new Map()))
  let hit = memo.get(v)
  if (hit === undefined) memo.set(v, (hit = parseEnumUncached(v, allowed, words)))
  return hit as T | null
}

function parseEnumUncached<T extends string>(v: RawValue, allowed: readonly T[], words: Record<string, string[]> | undefined): T | null {
  const text = toSimplified(toHalfWidth(asText(v))).replace(/\s+/g, '')
  if (allowed.includes(text as T)) return text as T
  const bare = text.replace(/类$/, '')
  for (const value of allowed) {
    const list = words?.[value] ?? []
    if (list.some((w) => w === text || w === bare || w.replace(/类$/, '') === bare)) return value
  }
  return null
}

export function parseDateValue(v: RawValue): string | null {
  if (v && typeof v === 'object') return v.date
  if (typeof v === 'number') return excelSerialToDate(v)
  const text = asText(v).trim()
  // A CSV saved by Excel can hold a date cell as its serial (46357 is 2026-12-01): 1954–2119 only.
  if (/^\d{5}$/.test(text) && Number(text) >= 20000 && Number(text) <= 80000) return excelSerialToDate(Number(text))
  return parseDate(text)
}

/** Allowed words of a closed list, for messages: 新建 / 扩建 / 改造升级 */
function allowedWords(allowed: readonly string[], words: Record<string, string[]> | undefined): string[] {
  return allowed.map((a) => words?.[a]?.[0] ?? a)
}

/**
 * Parses and checks a declaration. With `base` (`project update`), a field the raw values do not give keeps the
 * base's parsed value as it is — no amount goes back through text — and the rules across fields (fiscal funds
 * within the total, …) are checked on the merged declaration.
 */
export function buildDeclaration(raw: Record<string, RawValue>, ctx: DeclarationContext, base?: DeclarationInput): DeclarationResult {
  const problems: FieldProblem[] = []
  const warnings: FieldProblem[] = []
  const problem = (field: string, code: string, params: Params = {}, article?: number) =>
    problems.push({field, code, params, ...(article ? {article} : {})})
  const kept = (field: DeclarationFieldKey): boolean => base !== undefined && raw[field] === undefined
  const separators = ctx.words.lists?.separators ?? FALLBACK_LIST_SEPARATORS
  const keptValue = <T>(field: DeclarationFieldKey): T => valueOf(base!, field) as T

  const text = (field: DeclarationFieldKey, required = false): string => {
    if (kept(field)) return keptValue<string | null>(field) ?? ''
    const v = raw[field]
    if (isBlank(v)) {
      if (required) problem(field, 'value.required')
      return ''
    }
    const s = normaliseText(asText(v))
    if (s.length > MAX_TEXT) problem(field, 'value.tooLong', {max: MAX_TEXT, length: s.length})
    return s
  }

  const enumValue = <T extends string>(field: DeclarationFieldKey, allowed: readonly T[]): T | null => {
    if (kept(field)) return keptValue<T>(field)
    const v = raw[field]
    if (isBlank(v)) {
      problem(field, 'value.required')
      return null
    }
    const parsed = parseEnum(v, allowed, ctx.words[field])
    if (!parsed) problem(field, 'value.badEnum', {value: asText(v), allowed: allowedWords(allowed, ctx.words[field])})
    return parsed
  }

  const amount = (field: AmountFieldKey, required: boolean): number | null => {
    if (kept(field)) return keptValue<number | null>(field)
    const v = raw[field]
    if (isBlank(v)) {
      if (required) problem(field, 'value.required')
      return null
    }
    if (typeof v === 'boolean' || (typeof v === 'object' && v !== null)) {
      problem(field, 'amount.malformed', {value: asText(v)})
      return null
    }
    const parsed = parseAmount(v as string | number, ctx.amountUnits[field] ?? ctx.defaultAmountUnit)
    if (!parsed.ok) {
      problem(field, parsed.code, {value: asText(v)})
      return null
    }
    return parsed.fen
  }

  const integer = (field: DeclarationFieldKey, min: number, max: number, code: string): number | null => {
    if (kept(field)) return keptValue<number | null>(field)
    const v = raw[field]
    if (isBlank(v)) return null
    const n = typeof v === 'number' ? v : Number(toHalfWidth(asText(v)).trim().replace(/个?月$/, '').replace(/年$/, ''))
    if (!Number.isInteger(n) || n < min || n > max) {
      problem(field, code, {value: asText(v), min, max})
      return null
    }
    return n
  }

  const yesNo = (field: Exclude<keyof Compliance, 'justification'> | 'classified'): boolean | null => {
    if (kept(field)) return keptValue<boolean | undefined>(field) ?? null
    const v = raw[field]
    if (isBlank(v)) return null
    const parsed = parseYesNo(v, ctx.words.yesNo)
    if (parsed === null) problem(field, 'value.badYesNo', {value: asText(v)})
    return parsed
  }

  const declarationNo = text('declarationNo') || null
  const planYear = integer('planYear', YEAR_RANGE.min, YEAR_RANGE.max, 'value.badYear') ?? ctx.defaultYear
  const unitText = text('unit', true)
  const unit = unitText ? normaliseUnit(unitText, ctx.region) : ''
  const coUnits = (kept('coUnits') ? keptValue<string[]>('coUnits') : isBlank(raw.coUnits) ? [] : splitUnits(asText(raw.coUnits), separators, ctx.region)).filter((u) => u !== unit)
  const name = text('name', true)
  // 建设类 unless the row says 运维类: most files have no such column
  const kind = kept('kind') || !isBlank(raw.kind) ? enumValue('kind', PROJECT_KINDS) : defaultOf<(typeof PROJECT_KINDS)[number]>('kind')
  const nature = enumValue('nature', NATURES)
  const category = enumValue('category', CATEGORIES)
  const systemId = text('systemId') || null
  // Art. 12: O&M funds go to a named system, whose data sharing decides whether it may have them
  if (kind === 'operations' && systemId === null) problem('systemId', 'value.systemRequired', {}, 12)
  let procurementCategory = null as (typeof PROCUREMENT_CATEGORIES)[number] | null
  if (kept('procurementCategory')) {
    procurementCategory = keptValue('procurementCategory')
  } else if (isBlank(raw.procurementCategory)) {
    procurementCategory = defaultOf('procurementCategory')
    warnings.push({field: 'procurementCategory', code: 'warning.procurementDefaulted', params: {}})
  } else {
    procurementCategory = enumValue('procurementCategory', PROCUREMENT_CATEGORIES)
  }
  const total = amount('totalInvestment', true)
  const fiscal = amount('fiscalFunds', true)
  const completedBefore = amount('completedBefore', false)
  const annualPlan = amount('annualPlan', false)
  if (total !== null && fiscal !== null && fiscal > total) problem('fiscalFunds', 'amount.fiscalAboveTotal')
  // a zero total is wrong whatever the fiscal funds say (a prompt checks the total before they are asked)
  if (total === 0) problem('totalInvestment', 'amount.notPositive', {value: asText(raw.totalInvestment)})
  // Art. 2: only projects paid wholly or partly by city-level fiscal funds are in scope.
  if (fiscal === 0) problem('fiscalFunds', 'amount.fiscalZero', {}, 2)
  if (annualPlan !== null && total !== null && annualPlan > total) problem('annualPlan', 'amount.annualAboveTotal', {})
  // a multi-year project cannot plan more for this year than what remains of its total; a blank year's figure is
  // the fiscal funds, as the plan reads it
  else if (completedBefore !== null && total !== null && fiscal !== null) {
    const annual = annualPlan ?? fiscal
    if (completedBefore + annual > total) {
      problem('completedBefore', annualPlan === null ? 'amount.completedPlusFiscalAboveTotal' : 'amount.completedPlusAnnualAboveTotal', {completed: completedBefore, annual, totalAmount: total})
    }
  }
  const periodMonths = integer('periodMonths', 1, 120, 'value.badPeriod')
  const summary = text('summary')
  const compliance: Compliance = {
    // Art. 4: an answer not given is not a "no".
    govCloud: yesNo('govCloud') ?? defaultOf('govCloud'),
    dataSharing: yesNo('dataSharing') ?? defaultOf('dataSharing'),
    cityBrain: yesNo('cityBrain') ?? defaultOf('cityBrain'),
    egovNetwork: yesNo('egovNetwork') ?? defaultOf('egovNetwork'),
    justification: text('justification'),
  }
  // Art. 2: classified (涉密) projects follow the secrecy rules, not this register.
  if (yesNo('classified') === true) problem('classified', 'value.classified', {}, 2)
  let fundingSources: FundingSource[] = kept('fundingSources') ? [...keptValue<FundingSource[]>('fundingSources')] : []
  if (!kept('fundingSources') && !isBlank(raw.fundingSources)) {
    // a funding source is one word: a space also separates two
    for (const part of splitList(asText(raw.fundingSources), separators).flatMap((s) => s.split(/\s+/)).filter(Boolean)) {
      const source = parseEnum(part, FUNDING_SOURCES, ctx.words.fundingSources)
      if (!source) problem('fundingSources', 'value.badEnum', {value: part, allowed: allowedWords(FUNDING_SOURCES, ctx.words.fundingSources)})
      else if (!fundingSources.includes(source)) fundingSources.push(source)
    }
  }
  if (fundingSources.length === 0) fundingSources = defaultOf('fundingSources')
  let declaredOn = kept('declaredOn') ? keptValue<string>('declaredOn') : ctx.receivedOn
  if (!kept('declaredOn') && !isBlank(raw.declaredOn)) {
    const parsed = parseDateValue(raw.declaredOn)
    // A real 申报日期 is in this century: a stray serial (99999999) would otherwise become year 275690.
    if (!parsed || !isDateInRange(parsed)) problem('declaredOn', 'value.badDate', {value: asText(raw.declaredOn)})
    else declaredOn = parsed
  }
  const phoneRaw = raw.contactPhone
  const contactPhone = typeof phoneRaw === 'number' ? String(phoneRaw) : text('contactPhone')

  if (problems.length > 0 || !kind || !nature || !category || !procurementCategory || total === null || fiscal === null) {
    return {input: null, problems, warnings, ...((unit && name) || declarationNo ? {identity: {planYear, declarationNo, unit, name}} : {})}
  }
  return {
    input: {
      declarationNo,
      planYear,
      unit,
      coUnits,
      name,
      kind,
      nature,
      category,
      systemId,
      procurementCategory,
      totalInvestmentFen: total,
      fiscalFundsFen: fiscal,
      completedBeforeFen: completedBefore,
      annualPlanFen: annualPlan,
      fundingSources,
      supervisingDepartment: text('supervisingDepartment') || null,
      periodMonths,
      contact: {name: text('contactName'), phone: contactPhone},
      summary,
      consultancy: text('consultancy') || null,
      compliance,
      declaredOn,
    },
    problems,
    warnings,
  }
}

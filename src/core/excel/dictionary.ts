// The declaration header dictionary (templates/declaration.json): which column is which field, whatever
// the header looks like (DESIGN §6). Header text is only ever looked up in Maps built from the dictionary,
// never used as an object key, so a header such as `__proto__` simply matches nothing (DESIGN §9).
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {InvalidData} from '../domain/errors.js'
import {splitList as splitOn, toSimplified} from '../domain/normalise.js'
import {packageRoot} from '../package-root.js'
import {toHalfWidth} from '../domain/money.js'
import type {AmountUnit} from '../domain/money.js'
import {DECLARATION_FIELDS, declarationField, type FieldKind} from '../domain/declaration-fields.js'
import {LEVELS} from '../domain/region.js'

export type {FieldKind}

export interface FieldValue {
  /** the identifier (DESIGN §2), e.g. `new` */
  id: string
  /** the accepted words, as the office wrote them */
  words: string[]
}

/** A column of the dictionary: its words from the JSON, its kind and whether it is required from the field table. */
export interface FieldDef {
  key: string
  /** the template's own header */
  header: string
  synonyms: string[]
  kind: FieldKind
  required: boolean
  /** closed lists (enum, and list fields such as fundingSources) */
  values: FieldValue[] | null
  /** template hints */
  width: number | null
  note: string | null
}

export interface HeaderDetection {
  scanRows: number
  minMatches: number
  minRequired: number
  anyOf: string[]
}

/** Required-field marks on headers (`项目建设单位*`, `项目名称（必填）`), dropped before a header is compared. */
export interface HeaderMarks {
  /** symbols dropped wherever they stand */
  marks: string[]
  /** words dropped when they stand in brackets before or after the header */
  notes: string[]
}

/** `填报单位（盖章）：市民政局` and the like on the rows above the header: defaults for every row of the sheet. */
export interface LabelBlock {
  /** the labels of each field that may be given this way */
  fields: Array<{field: string; labels: string[]}>
  /** bracketed words after a value that are no part of it: 市民政局（盖章） */
  valueNotes: string[]
  /** a blank form's placeholder characters: `    年  月  日` is no date */
  blankWords: string[]
}

export interface Dictionary {
  version: string
  /** in template order */
  fields: FieldDef[]
  byKey: Map<string, FieldDef>
  headerDetection: HeaderDetection
  totalLabels: string[]
  ignoredHeaders: string[]
  yesWords: string[]
  noWords: string[]
  listSeparators: string[]
  headerMarks: HeaderMarks
  labelBlock: LabelBlock
  /** a header two fields use (项目类别: 项目类型 in some files, 建设类/运维类 in others) → the fields, in the order they take it */
  sharedHeaders: Array<{header: string; fields: string[]}>
}

export interface NormalisedHeader {
  /** the comparison key: Simplified, half-width, no spaces/colons/markers/trailing brackets/leading 是否, lower case */
  text: string
  /** the amount unit found in a trailing bracket (（万元）, (元), [亿元]) or after a slash, else null */
  unit: AmountUnit | null
}

export interface HeaderMatch {
  field: string
  /** only reported for amount fields */
  unit: AmountUnit | null
  /** a shared header: every field it may stand for, `field` first; the sheet's other columns decide (header.ts) */
  shared?: readonly string[]
}

export const DICTIONARY_RELATIVE_PATH = join('templates', 'declaration.json')

/**
 * The fields a dictionary may name, with their kinds: a declaration's (the default), or another table read with
 * the same header-finding reader (the systems inventory, templates/systems.json).
 */
export interface FieldTable {
  /** the dictionary's path inside the package */
  file: string
  field(key: string): {kind: FieldKind; required: boolean} | undefined
  /** every field must have its column */
  keys: readonly string[]
}

export const DECLARATION_TABLE: FieldTable = {file: DICTIONARY_RELATIVE_PATH, field: declarationField, keys: DECLARATION_FIELDS.map((f) => f.key)}

// ---------------------------------------------------------------------------------------------------------
// Text normalisation

const BRACKETS: ReadonlyArray<[RegExp, string]> = [
  [/[【〔［]/g, '['],
  [/[】〕］]/g, ']'],
]
const INVISIBLE = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g
const TRAILING_BRACKET = /[([]([^()[\]]*)[)\]]$/
const TRAILING_SLASH_UNIT = /\/(亿元|万元|元)$/

/** Simplified, half-width, without any whitespace: the common base of header and label comparisons. */
export function foldText(text: string): string {
  let t = toHalfWidth(toSimplified(text))
  for (const [from, to] of BRACKETS) t = t.replace(from, to)
  return t.replace(INVISIBLE, '')
}

/** The amount unit named by a bracket's content: 万元, (元), （单位：万元）, 人民币元. */
export function unitWord(inner: string): AmountUnit | null {
  const w = inner.replace(/单位|人民币|:/g, '')
  if (w === '万元' || w === '万') return 'wan'
  if (w === '亿元' || w === '亿') return 'yi'
  if (w === '元') return 'yuan'
  return null
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/** What a header loses before it is compared: the dictionary's required-field marks, then its bracketed notes. */
type HeaderCleaner = (folded: string) => string

function headerCleaner(marks: HeaderMarks): HeaderCleaner {
  const symbols = marks.marks.map((m) => foldText(m)).filter((m) => m !== '')
  const notes = marks.notes.map((n) => foldText(n)).filter((n) => n !== '')
  const symbol = symbols.length > 0 ? new RegExp(symbols.map(escaped).join('|'), 'g') : null
  // longest first: （必填项） is not left as （项）
  const note = notes.length > 0 ? new RegExp(`[([](?:${notes.sort((a, b) => b.length - a.length).map(escaped).join('|')})[)\\]]`, 'g') : null
  return (t) => {
    if (symbol) t = t.replace(symbol, '')
    return note ? t.replace(note, '') : t
  }
}

/**
 * The comparison form of a header, and the unit it states. Every trailing bracket is removed (units and
 * hints such as `（是/否）` or `（月）` alike); the first unit found wins.
 */
export function normaliseHeader(text: string): NormalisedHeader {
  return normaliseWith(state().cleanHeader, text)
}

function normaliseWith(clean: HeaderCleaner, text: string): NormalisedHeader {
  let t = clean(foldText(text))
  let unit: AmountUnit | null = null
  for (let m = TRAILING_BRACKET.exec(t); m; m = TRAILING_BRACKET.exec(t)) {
    unit ??= unitWord(m[1])
    t = t.slice(0, m.index)
  }
  const slash = TRAILING_SLASH_UNIT.exec(t)
  if (slash) {
    unit ??= unitWord(slash[1])
    t = t.slice(0, slash.index)
  }
  t = t.replace(/:/g, '').replace(/^是否/, '').toLowerCase()
  return {text: t, unit}
}

/** The comparison form of a cell value (enum words, yes/no, total labels): no bracket or unit handling. */
export function normaliseWord(text: string): string {
  return foldText(text).replace(/:/g, '').toLowerCase()
}

// ---------------------------------------------------------------------------------------------------------
// Loading

interface Loaded {
  dictionary: Dictionary
  cleanHeader: HeaderCleaner
  /** normalised header → field key */
  headers: Map<string, string>
  /** normalised shared header → its fields */
  shared: Map<string, string[]>
  /** normalised label of the block above the header → field key */
  labels: Map<string, string>
  ignored: Set<string>
  /** field key → (normalised word → value id) */
  words: Map<string, Map<string, string>>
  yes: Set<string>
  no: Set<string>
  totals: Set<string>
}

/** each table's dictionary, read once per process */
const loadedByFile = new Map<string, Loaded>()
let active: FieldTable = DECLARATION_TABLE
/** the table being parsed, for the messages of a bad dictionary */
let parsing: FieldTable = DECLARATION_TABLE

function invalid(detail: string): InvalidData {
  return new InvalidData('dictionary.invalid', {file: parsing.file, detail})
}

/** The reader reads with `table`'s dictionary from now on (a command reads one kind of file). */
export function useFieldTable(table: FieldTable): void {
  active = table
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function stringArray(v: unknown, where: string): string[] {
  if (v === undefined) return []
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw invalid(`${where} must be a list of texts`)
  return v as string[]
}

function parseValues(raw: unknown, key: string): FieldValue[] | null {
  if (raw === undefined) return null
  if (!isRecord(raw)) throw invalid(`fields.${key}.values must be an object`)
  return Object.keys(raw).map((id) => ({id, words: stringArray(raw[id], `fields.${key}.values.${id}`)}))
}

function parseField(raw: unknown, index: number): FieldDef {
  if (!isRecord(raw)) throw invalid(`fields[${index}] must be an object`)
  const key = raw.key
  if (typeof key !== 'string' || key === '') throw invalid(`fields[${index}].key is missing`)
  if (typeof raw.header !== 'string' || raw.header.trim() === '') throw invalid(`fields.${key}.header is missing`)
  const field = parsing.field(key)
  if (!field) throw invalid(`fields.${key} is not a field of a declaration`)
  const values = parseValues(raw.values, key)
  if (field.kind === 'enum' && !values) throw invalid(`fields.${key} is an enum without values`)
  return {
    key,
    header: raw.header,
    synonyms: stringArray(raw.synonyms, `fields.${key}.synonyms`),
    kind: field.kind,
    required: field.required,
    values,
    width: typeof raw.width === 'number' ? raw.width : null,
    note: typeof raw.note === 'string' ? raw.note : null,
  }
}

function parseDetection(raw: unknown): HeaderDetection {
  const d = isRecord(raw) ? raw : {}
  const num = (v: unknown, dflt: number) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : dflt)
  return {
    scanRows: num(d.scanRows, 30),
    minMatches: num(d.minMatches, 3),
    minRequired: num(d.minRequired, 2),
    anyOf: stringArray(d.anyOf, 'headerDetection.anyOf'),
  }
}

function parseHeaderMarks(raw: unknown): HeaderMarks {
  if (raw === undefined) return {marks: [], notes: []}
  if (!isRecord(raw)) throw invalid('headerMarks must be an object')
  return {marks: stringArray(raw.marks, 'headerMarks.marks'), notes: stringArray(raw.notes, 'headerMarks.notes')}
}

function parseSharedHeaders(raw: unknown): Array<{header: string; fields: string[]}> {
  if (raw === undefined) return []
  if (!isRecord(raw)) throw invalid('sharedHeaders must be an object')
  return Object.keys(raw)
    .filter((header) => header !== '$comment')
    .map((header) => {
      const fields = stringArray(raw[header], `sharedHeaders.${header}`)
      if (fields.length < 2) throw invalid(`sharedHeaders.${header} must name two fields or more`)
      for (const f of fields) if (!parsing.field(f)) throw invalid(`sharedHeaders.${header}: ${f} is not a field of a declaration`)
      return {header, fields}
    })
}

function parseLabelBlock(raw: unknown): LabelBlock {
  if (raw === undefined) return {fields: [], valueNotes: [], blankWords: []}
  if (!isRecord(raw)) throw invalid('labelBlock must be an object')
  const fields = raw.fields === undefined ? {} : raw.fields
  if (!isRecord(fields)) throw invalid('labelBlock.fields must be an object')
  return {
    fields: Object.keys(fields).map((field) => {
      if (!parsing.field(field)) throw invalid(`labelBlock.fields.${field} is not a field of a declaration`)
      return {field, labels: stringArray(fields[field], `labelBlock.fields.${field}`)}
    }),
    valueNotes: stringArray(raw.valueNotes, 'labelBlock.valueNotes'),
    blankWords: stringArray(raw.blankWords, 'labelBlock.blankWords'),
  }
}

/** Parses and checks the dictionary JSON (exported for tests of edited dictionaries). */
export function parseDictionary(json: unknown, table: FieldTable = DECLARATION_TABLE): Dictionary {
  parsing = table
  try {
    return parseTable(json)
  } finally {
    parsing = DECLARATION_TABLE
  }
}

function parseTable(json: unknown): Dictionary {
  if (!isRecord(json) || !Array.isArray(json.fields)) throw invalid('fields is missing')
  const fields = json.fields.map(parseField)
  const byKey = new Map<string, FieldDef>()
  for (const f of fields) {
    if (byKey.has(f.key)) throw invalid(`field ${f.key} appears twice`)
    byKey.set(f.key, f)
  }
  // every field has its column: the template writes them all and the reader knows them all
  for (const key of parsing.keys) if (!byKey.has(key)) throw invalid(`field ${key} is missing`)
  const yesNo = isRecord(json.yesNo) ? json.yesNo : {}
  const dictionary: Dictionary = {
    version: typeof json.version === 'string' ? json.version : '',
    fields,
    byKey,
    headerDetection: parseDetection(json.headerDetection),
    totalLabels: stringArray(json.totalLabels, 'totalLabels'),
    ignoredHeaders: stringArray(json.ignoredHeaders, 'ignoredHeaders'),
    yesWords: stringArray(yesNo.yes, 'yesNo.yes'),
    noWords: stringArray(yesNo.no, 'yesNo.no'),
    listSeparators: stringArray(json.listSeparators, 'listSeparators'),
    headerMarks: parseHeaderMarks(json.headerMarks),
    labelBlock: parseLabelBlock(json.labelBlock),
    sharedHeaders: parseSharedHeaders(json.sharedHeaders),
  }
  const clean = headerCleaner(dictionary.headerMarks)
  indexHeaders(dictionary, clean) // refuses two fields claiming one header
  indexLabels(dictionary, clean) // and two fields claiming one label
  return dictionary
}

/** normalised label → field; two fields claiming the same label is an error in the dictionary. */
function indexLabels(dictionary: Dictionary, clean: HeaderCleaner): Map<string, string> {
  const labels = new Map<string, string>()
  for (const {field, labels: words} of dictionary.labelBlock.fields) {
    for (const w of words) {
      const {text} = normaliseWith(clean, w)
      if (text === '') continue
      const other = labels.get(text)
      if (other !== undefined && other !== field) throw invalid(`label ${w} belongs to both ${other} and ${field}`)
      labels.set(text, field)
    }
  }
  return labels
}

function indexShared(dictionary: Dictionary, clean: HeaderCleaner): Map<string, string[]> {
  return new Map(dictionary.sharedHeaders.map((s) => [normaliseWith(clean, s.header).text, s.fields]))
}

/** normalised header → field; two fields claiming the same header is an error in the dictionary, unless it is a
 * shared header of both. */
function indexHeaders(dictionary: Dictionary, clean: HeaderCleaner): Map<string, string> {
  const shared = indexShared(dictionary, clean)
  const headers = new Map<string, string>()
  for (const f of dictionary.fields) {
    for (const h of [f.header, ...f.synonyms].flatMap(everyLevel)) {
      const {text} = normaliseWith(clean, h)
      if (text === '') continue
      const both = shared.get(text)
      if (both) {
        if (!both.includes(f.key)) throw invalid(`header ${h} is shared by ${both.join(', ')}, not ${f.key}`)
        continue
      }
      const other = headers.get(text)
      if (other !== undefined && other !== f.key) throw invalid(`header ${h} belongs to both ${other} and ${f.key}`)
      headers.set(text, f.key)
    }
  }
  return headers
}

/** A header written with {level} (其中：{level}财政资金) is each level's header: a county's declarations say 县本级, a
 * district's 区本级, the city's 市本级 (DESIGN §18), and one dictionary reads them all. */
function everyLevel(header: string): string[] {
  return header.includes('{level}') ? LEVELS.map((level) => header.replaceAll('{level}', level)) : [header]
}

function indexWords(dictionary: Dictionary): Map<string, Map<string, string>> {
  const words = new Map<string, Map<string, string>>()
  for (const f of dictionary.fields) {
    if (!f.values) continue
    const m = new Map<string, string>()
    for (const v of f.values) {
      m.set(normaliseWord(v.id), v.id)
      for (const w of v.words) m.set(normaliseWord(w), v.id)
    }
    words.set(f.key, m)
  }
  return words
}

function build(dictionary: Dictionary): Loaded {
  const cleanHeader = headerCleaner(dictionary.headerMarks)
  return {
    dictionary,
    cleanHeader,
    headers: indexHeaders(dictionary, cleanHeader),
    shared: indexShared(dictionary, cleanHeader),
    labels: indexLabels(dictionary, cleanHeader),
    ignored: new Set(dictionary.ignoredHeaders.map((h) => normaliseWith(cleanHeader, h).text)),
    words: indexWords(dictionary),
    yes: new Set(dictionary.yesWords.map(normaliseWord)),
    no: new Set(dictionary.noWords.map(normaliseWord)),
    totals: new Set(dictionary.totalLabels.map(normaliseWord)),
  }
}

function state(): Loaded {
  const ready = loadedByFile.get(active.file)
  if (ready) return ready
  const path = join(packageRoot(), active.file)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    parsing = active
    const error = invalid((e as Error).message)
    parsing = DECLARATION_TABLE
    throw error
  }
  const loaded = build(parseDictionary(json, active))
  loadedByFile.set(active.file, loaded)
  return loaded
}

/** The dictionary, read once per process. */
export function loadDictionary(): Dictionary {
  return state().dictionary
}

// ---------------------------------------------------------------------------------------------------------
// Matching

/** The field a header names, and the unit it states; null for headers the dictionary does not know. */
export function matchHeader(text: string): HeaderMatch | null {
  const s = state()
  const {text: key, unit} = normaliseHeader(text)
  const shared = s.shared.get(key)
  const field = shared?.[0] ?? s.headers.get(key)
  if (field === undefined) return null
  const def = s.dictionary.byKey.get(field)
  return {field, unit: def?.kind === 'amount' ? unit : null, ...(shared ? {shared} : {})}
}

/** The field a label of the block above the header gives (`填报单位（盖章）` → unit), or null. */
export function matchLabel(text: string): string | null {
  const s = state()
  return s.labels.get(normaliseWith(s.cleanHeader, text).text) ?? null
}

/** Headers such as 序号 that are expected, carry nothing to import, and need not be reported as unknown. */
export function isIgnoredHeader(text: string): boolean {
  return state().ignored.has(normaliseHeader(text).text)
}

/** 合计 / 小计 / 总计 (also `合  计`, 總計, `合计：`, `小计（市直）`). */
export function isTotalLabel(text: string): boolean {
  const w = normaliseWord(text).replace(/\(.*\)$/, '')
  return state().totals.has(w)
}

/** The identifier of an enum/list word (`改造` → `upgrade`, `數據系統` → `data`), or null. */
export function matchValueWord(fieldKey: string, text: string): string | null {
  return state().words.get(fieldKey)?.get(normaliseWord(text)) ?? null
}

/** 是/否, Y/N, √/×, yes/no, true/false, 1/0 → boolean; anything else → null. */
export function matchYesNo(value: string | number | boolean): boolean | null {
  if (typeof value === 'boolean') return value
  const w = normaliseWord(String(value))
  const s = state()
  if (s.yes.has(w)) return true
  if (s.no.has(w)) return false
  return null
}

/** Splits a list cell (共建单位, 资金来源) on the dictionary's separators; empty parts are dropped. */
export function splitList(text: string): string[] {
  return splitOn(text, state().dictionary.listSeparators).map((p) => p.trim())
}

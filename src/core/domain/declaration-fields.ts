// The fields of a declaration, once. Each says what it is, the flag a clerk gives it with, and which declared fact
// of a project it fills; the flags of `project add` / `update`, the raw values handed to the validator, the copy
// into a new project, the comparison of a re-import and the kinds of the template's columns are read from here.
// What a spreadsheet calls a field (header, synonyms, accepted words) stays data, in templates/declaration.json,
// under the same key. Adding a field is one entry here and its rule in declaration.ts.
import type {Compliance, Project} from './types.js'

export const FIELD_KINDS = ['text', 'amount', 'integer', 'date', 'yesno', 'enum', 'list'] as const
export type FieldKind = (typeof FIELD_KINDS)[number]

export interface FieldFlag {
  /** kebab-case, mirroring the JSON field (DESIGN §7) */
  name: string
  /** a year within the register's range, checked when the flag is read */
  year?: true
  /** `--no-<name>` says no (the Art. 4 answers) */
  allowNo?: true
  hidden?: true
}

export interface DeclarationField {
  /** the key of the column in the header dictionary, and of the raw value from a flag or a cell */
  key: string
  kind: FieldKind
  /** a blank value is an error, and a sheet without the column is refused whole */
  required: boolean
  /** what a blank value (or, for procurementCategory, a missing column) stands for */
  default?: string | boolean
  /** the fact of the project the value fills; null: none (classified declarations are refused) */
  fact: keyof Project | null
  /** the part of the fact, for the facts made of several fields (contact, compliance) */
  part?: 'name' | 'phone' | keyof Compliance
  /** an input may leave the fact out: the project then holds the default, or null */
  optional?: true
  /** may still change once the project is in review (Art. 15: budget cuts; the contact and summary) */
  editableInReview?: true
  flag: FieldFlag
}

/** In the order of a project's declared facts, which is the order `project update` names the changed ones in. */
export const DECLARATION_FIELDS = [
  {key: 'declarationNo', kind: 'text', required: false, fact: 'declarationNo', optional: true, flag: {name: 'declaration-no'}},
  {key: 'planYear', kind: 'integer', required: false, fact: 'planYear', flag: {name: 'year', year: true}},
  {key: 'unit', kind: 'text', required: true, fact: 'unit', flag: {name: 'unit'}},
  {key: 'coUnits', kind: 'list', required: false, fact: 'coUnits', flag: {name: 'co-unit'}},
  {key: 'name', kind: 'text', required: true, fact: 'name', flag: {name: 'name'}},
  {key: 'kind', kind: 'enum', required: false, default: 'construction', fact: 'kind', optional: true, flag: {name: 'kind'}},
  {key: 'nature', kind: 'enum', required: true, fact: 'nature', flag: {name: 'nature'}},
  {key: 'category', kind: 'enum', required: true, fact: 'category', flag: {name: 'category'}},
  {key: 'systemId', kind: 'text', required: false, fact: 'systemId', optional: true, flag: {name: 'system'}},
  {key: 'procurementCategory', kind: 'enum', required: false, default: 'services', fact: 'procurementCategory', flag: {name: 'procurement-category'}},
  {key: 'totalInvestment', kind: 'amount', required: true, fact: 'totalInvestmentFen', editableInReview: true, flag: {name: 'total'}},
  {key: 'fiscalFunds', kind: 'amount', required: true, fact: 'fiscalFundsFen', editableInReview: true, flag: {name: 'fiscal'}},
  {key: 'completedBefore', kind: 'amount', required: false, fact: 'completedBeforeFen', optional: true, flag: {name: 'completed-before'}},
  {key: 'annualPlan', kind: 'amount', required: false, fact: 'annualPlanFen', optional: true, editableInReview: true, flag: {name: 'annual-plan'}},
  {key: 'fundingSources', kind: 'list', required: false, default: 'fiscal', fact: 'fundingSources', optional: true, flag: {name: 'funding-source'}},
  {key: 'supervisingDepartment', kind: 'text', required: false, fact: 'supervisingDepartment', optional: true, flag: {name: 'supervising-department'}},
  {key: 'periodMonths', kind: 'integer', required: false, fact: 'periodMonths', flag: {name: 'period-months'}},
  {key: 'contactName', kind: 'text', required: false, fact: 'contact', part: 'name', editableInReview: true, flag: {name: 'contact-name'}},
  {key: 'contactPhone', kind: 'text', required: false, fact: 'contact', part: 'phone', editableInReview: true, flag: {name: 'contact-phone'}},
  {key: 'summary', kind: 'text', required: false, fact: 'summary', editableInReview: true, flag: {name: 'summary'}},
  {key: 'consultancy', kind: 'text', required: false, fact: 'consultancy', optional: true, flag: {name: 'consultancy'}},
  // Art. 4: an answer not given is not a "no"
  {key: 'govCloud', kind: 'yesno', required: false, default: true, fact: 'compliance', part: 'govCloud', flag: {name: 'gov-cloud', allowNo: true}},
  {key: 'dataSharing', kind: 'yesno', required: false, default: true, fact: 'compliance', part: 'dataSharing', flag: {name: 'data-sharing', allowNo: true}},
  {key: 'cityBrain', kind: 'yesno', required: false, default: true, fact: 'compliance', part: 'cityBrain', flag: {name: 'city-brain', allowNo: true}},
  {key: 'egovNetwork', kind: 'yesno', required: false, default: true, fact: 'compliance', part: 'egovNetwork', flag: {name: 'egov-network', allowNo: true}},
  {key: 'justification', kind: 'text', required: false, fact: 'compliance', part: 'justification', flag: {name: 'justification'}},
  {key: 'declaredOn', kind: 'date', required: false, fact: 'declaredOn', flag: {name: 'declared-on'}},
  // Art. 2: asked only to refuse a classified project, which this register does not hold
  {key: 'classified', kind: 'yesno', required: false, fact: null, flag: {name: 'classified', hidden: true}},
] as const satisfies readonly DeclarationField[]

type Entry = (typeof DECLARATION_FIELDS)[number]
export type DeclarationFieldKey = Entry['key']
export type AmountFieldKey = Extract<Entry, {kind: 'amount'}>['key']
type Fact = Exclude<Entry['fact'], null>
type OptionalFact = Extract<Entry, {optional: true}>['fact']

/** The declared facts that an import or `project update` may change: every fact but the plan year, which is the project's own. */
export type DeclaredField = Exclude<Fact, 'planYear'>

/** Input of a declaration, whichever way it arrives (flags, prompts, a spreadsheet row). */
export type DeclarationInput = Pick<Project, Exclude<Fact, OptionalFact>> & Partial<Pick<Project, OptionalFact>> & {classified?: boolean}

const FIELDS: readonly DeclarationField[] = DECLARATION_FIELDS

export const DECLARED_FIELDS: readonly DeclaredField[] = [...new Set(FIELDS.map((f) => f.fact).filter((f): f is DeclaredField => f !== null && f !== 'planYear'))]

const IN_REVIEW: ReadonlySet<string | null> = new Set(FIELDS.filter((f) => f.editableInReview).map((f) => f.fact))

/** Once a project is in review, only these facts may change; the others are locked (exit 2). */
export function isEditableInReview(fact: DeclaredField): boolean {
  return IN_REVIEW.has(fact)
}

const BY_KEY: ReadonlyMap<string, DeclarationField> = new Map(FIELDS.map((f) => [f.key, f]))

export function declarationField(key: string): DeclarationField | undefined {
  return BY_KEY.get(key)
}

export const AMOUNT_FIELDS = FIELDS.filter((f) => f.kind === 'amount').map((f) => f.key) as AmountFieldKey[]

/** The value a field holds in a declaration (or a project), already parsed: 分, a date, a list, a yes/no. */
export function valueOf(input: DeclarationInput, key: string): unknown {
  const field = BY_KEY.get(key)
  if (!field?.fact) return undefined
  const fact = (input as Record<string, unknown>)[field.fact]
  return field.part ? (fact as Record<string, unknown> | null | undefined)?.[field.part] : fact
}

/** What a blank field stands for: a list default is a list of one. */
export function defaultOf<T>(key: DeclarationFieldKey): T {
  const field = BY_KEY.get(key)!
  return (field.kind === 'list' && field.default !== undefined ? [field.default] : field.default) as T
}

/** A project's declared facts, copied from the input; a fact left out takes its default, else null. */
export function declaredFacts(input: DeclarationInput): Pick<Project, DeclaredField> {
  // cloned from one object of the final shape, so that every project shares one hidden class (a batch creates
  // tens of thousands of them, and a shape built key by key is several times slower to copy and to serialise)
  factShape ??= Object.fromEntries(DECLARED_FIELDS.map((f) => [f, null]))
  const facts: Record<string, unknown> = {...factShape}
  for (const f of DECLARED_FIELDS) facts[f] = input[f] ?? factDefault(f)
  return facts as Pick<Project, DeclaredField>
}

let factShape: Record<string, null> | undefined

/** the optional field behind each fact, looked up once (declaredFacts runs for every row of a batch) */
let optionalByFact: Map<string, DeclarationField> | undefined

function factDefault(fact: DeclaredField): unknown {
  if (!optionalByFact) {
    optionalByFact = new Map()
    for (const f of FIELDS) if (f.optional && f.fact && !optionalByFact.has(f.fact)) optionalByFact.set(f.fact, f)
  }
  const field = optionalByFact.get(fact)
  return field?.default !== undefined ? defaultOf(field.key as DeclarationFieldKey) : null
}

// 信息系统台账 (DESIGN §12): the systems already built. The office loads its inventory from a spreadsheet, every
// accepted project joins it, and an O&M (运维) project names the system it maintains; a system that does not
// share its data gets no O&M money (Art. 12).
import {matchKeyOfName, normaliseUnit} from './normalise.js'
import {parseDateValue, parseYesNo, type RawValue} from './declaration.js'
import {isDateInRange} from './limits.js'
import type {Params} from './errors.js'
import type {InventorySystem, Project, RegisterData, Source} from './types.js'
import type {Region} from './region.js'

export interface SystemField {
  key: string
  kind: 'text' | 'date' | 'yesno'
  required: boolean
}

/** The columns of an inventory; their headers and synonyms are data, in templates/systems.json. */
export const SYSTEM_FIELDS: readonly SystemField[] = [
  {key: 'id', kind: 'text', required: false},
  {key: 'name', kind: 'text', required: true},
  {key: 'unit', kind: 'text', required: true},
  {key: 'category', kind: 'text', required: false},
  {key: 'since', kind: 'date', required: false},
  {key: 'govCloud', kind: 'yesno', required: false},
  {key: 'dataSharing', kind: 'yesno', required: false},
  {key: 'description', kind: 'text', required: false},
  {key: 'sourceProjectId', kind: 'text', required: false},
]

export type SystemInput = Pick<InventorySystem, 'name' | 'unit' | 'category' | 'since' | 'govCloud' | 'dataSharing' | 'description' | 'sourceProjectId'> & {id: string | null}

export interface SystemProblem {
  field: string
  code: string
  params: Params
}

const text = (v: RawValue): string => (v === null || v === undefined ? '' : typeof v === 'object' ? v.date : String(v).trim())

/** One row of an inventory, checked: name and unit given, dates real, yes/no answers one of the words. */
export function buildSystemRow(raw: Record<string, RawValue>, yesNo: {yes?: string[]; no?: string[]}, region: Pick<Region, 'name' | 'tier'>): {input: SystemInput | null; problems: SystemProblem[]} {
  const problems: SystemProblem[] = []
  const required = (field: string): string => {
    const v = text(raw[field])
    if (v === '') problems.push({field, code: 'value.required', params: {}})
    return v
  }
  const answer = (field: string): boolean | null => {
    if (text(raw[field]) === '') return null
    const parsed = parseYesNo(raw[field], yesNo)
    if (parsed === null) problems.push({field, code: 'value.badYesNo', params: {value: text(raw[field])}})
    return parsed
  }
  const name = required('name')
  const unitText = required('unit')
  let since: string | null = null
  if (text(raw.since) !== '') {
    // an inventory often gives the year or the month alone: 2019, 2019年, 2019-06, 2019年6月
    const v = raw.since
    const year = /^(\d{4})\s*年?$/.exec(text(v))
    const month = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$/.exec(text(v))
    since = year ? `${year[1]}-01-01` : month ? `${month[1]}-${month[2].padStart(2, '0')}-01` : parseDateValue(v)
    if (!since || !isDateInRange(since)) {
      problems.push({field: 'since', code: 'value.badDate', params: {value: text(v)}})
      since = null
    }
  }
  const input: SystemInput = {
    id: text(raw.id) || null,
    name,
    unit: unitText ? normaliseUnit(unitText, region) : '',
    category: text(raw.category) || null,
    since,
    govCloud: answer('govCloud'),
    dataSharing: answer('dataSharing'),
    description: text(raw.description) || null,
    sourceProjectId: text(raw.sourceProjectId) || null,
  }
  return {input: problems.length === 0 ? input : null, problems}
}

export function systemsOf(data: Pick<RegisterData, 'systems'>): InventorySystem[] {
  return data.systems ?? []
}

const identity = (unit: string, name: string) => `${unit}\u0000${matchKeyOfName(name)}`

/** The inventory's lookups: by number, by (unit, normalised name), and by normalised name alone when it is unique. */
export class SystemIndex {
  private readonly byId = new Map<string, InventorySystem>()
  private readonly byIdentity = new Map<string, InventorySystem>()
  private readonly byName = new Map<string, InventorySystem | null>()

  constructor(systems: readonly InventorySystem[]) {
    for (const s of systems) this.add(s)
  }

  add(s: InventorySystem): void {
    this.byId.set(s.id, s)
    this.byIdentity.set(identity(s.unit, s.name), s)
    const key = matchKeyOfName(s.name)
    // two systems of one name: the name alone names neither
    this.byName.set(key, this.byName.has(key) && this.byName.get(key) !== s ? null : s)
  }

  get(id: string): InventorySystem | undefined {
    return this.byId.get(id)
  }

  /** The system a row of an inventory is: its number, else its unit and name. */
  match(input: Pick<SystemInput, 'id' | 'unit' | 'name'>): InventorySystem | undefined {
    return (input.id ? this.byId.get(input.id) : undefined) ?? this.byIdentity.get(identity(input.unit, input.name))
  }

  /** What a 运维对象系统 cell names: a system number, or a name (the unit's own system first). */
  resolve(ref: string, unit?: string): InventorySystem | undefined {
    const r = ref.trim()
    return this.byId.get(r) ?? (unit ? this.byIdentity.get(identity(unit, r)) : undefined) ?? this.byName.get(matchKeyOfName(r)) ?? undefined
  }
}

/** SYS-0001…: the counter lives beside the projects' and moves under the same lock. */
export function nextSystemId(data: RegisterData): string {
  const n = (Object.prototype.hasOwnProperty.call(data.counters, 'SYS') ? data.counters.SYS : 0) + 1
  data.counters.SYS = n
  return `SYS-${String(n).padStart(4, '0')}`
}

export type SystemOutcome = 'created' | 'updated' | 'unchanged'

const COMPARED: ReadonlyArray<keyof SystemInput & keyof InventorySystem> = ['name', 'unit', 'category', 'since', 'govCloud', 'dataSharing', 'description', 'sourceProjectId']

/** Applies an inventory row to the system it matches; the fields it leaves blank keep what the register has. */
export function applySystemRow(s: InventorySystem, input: SystemInput, o: {date: string; now: string; source: Source | null}): {outcome: SystemOutcome; fields: string[]} {
  const fields: string[] = []
  for (const f of COMPARED) {
    const v = input[f]
    if (v === null || v === s[f]) continue
    if (f === 'dataSharing') s.sharingHistory.push({date: o.date, dataSharing: v as boolean, documentNo: null, basis: 'inventory'})
    ;(s as unknown as Record<string, unknown>)[f] = v
    fields.push(f)
  }
  if (fields.length === 0) return {outcome: 'unchanged', fields}
  s.source = o.source
  s.updatedAt = o.now
  return {outcome: 'updated', fields}
}

export function newSystem(id: string, input: SystemInput, o: {date: string; now: string; source: Source | null}): InventorySystem {
  return {
    id,
    name: input.name,
    unit: input.unit,
    category: input.category,
    since: input.since,
    govCloud: input.govCloud,
    dataSharing: input.dataSharing,
    description: input.description,
    sourceProjectId: input.sourceProjectId,
    sharingHistory: input.dataSharing === null ? [] : [{date: o.date, dataSharing: input.dataSharing, documentNo: null, basis: 'inventory'}],
    source: o.source,
    createdAt: o.now,
    updatedAt: o.now,
  }
}

/**
 * An accepted construction project becomes a system of the inventory: its name, unit, category and summary, and
 * what the technical review found of its cloud deployment and data sharing. An O&M project maintains a system
 * and adds none.
 */
export function systemInputOf(p: Project, categoryWord: string): SystemInput | null {
  if (p.kind === 'operations') return null
  const review = p.acceptance?.techReview ?? null
  return {
    id: null,
    name: p.name,
    unit: p.unit,
    category: categoryWord,
    since: p.acceptance?.expertOn ?? p.construction?.completedOn ?? null,
    govCloud: review ? review.cloud === 'pass' : p.compliance.govCloud,
    dataSharing: review ? review.sharing === 'pass' : p.compliance.dataSharing,
    description: p.summary || null,
    sourceProjectId: p.id,
  }
}

/** Art. 12: the system an O&M project names does not share its data (recorded so, by the inventory or an acceptance). */
export function sharesNoData(s: InventorySystem | undefined): boolean {
  return s !== undefined && s.dataSharing === false
}

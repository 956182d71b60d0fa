// The systems inventory through the register (DESIGN §12): `system import` (idempotent, all or nothing),
// `system update`, and the system every accepted project becomes.
import {Conflict, UsageError} from '../domain/errors.js'
import {applySystemRow, buildSystemRow, newSystem, nextSystemId, SystemIndex, systemInputOf, systemsOf} from '../domain/systems.js'
import {regionOf} from '../domain/region.js'
import {word} from '../i18n/index.js'
import {computeFlags} from '../domain/project.js'
import type {RegisterIndex} from '../domain/register-data.js'
import type {RowProblem} from '../domain/import-validation.js'
import type {InventoryRead} from '../excel/system-inventory.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import type {Change, DeclarationInput, InventorySystem, Project, RegisterData} from '../domain/types.js'

export interface SystemImportFile {
  file: string
  created: number
  updated: number
  unchanged: number
  createdIds: string[]
  updatedIds: string[]
  skippedSheets: string[]
}

export interface SystemImportOutcome {
  files: SystemImportFile[]
  /** every bad row of every file: one makes the whole import refused (exit 3), nothing written */
  problems: Array<RowProblem & {file: string}>
}

function inventoryOf(data: RegisterData): InventorySystem[] {
  data.systems ??= []
  return data.systems
}

export function applySystemImport(ctx: MutationContext, reads: InventoryRead[], o: {today: string; now: string; yesNo: {yes: string[]; no: string[]}}): MutationOutcome<SystemImportOutcome> {
  const problems: SystemImportOutcome['problems'] = []
  const region = regionOf(ctx.data.settings)
  const checked = reads.map((read) =>
    read.rows.map((r) => {
      const built = buildSystemRow(r.values, o.yesNo, region)
      for (const p of built.problems) problems.push({file: read.file, sheet: r.sheet, row: r.row, column: r.columns.get(p.field) ?? null, field: `system.${p.field}`, code: p.code, params: p.params})
      return {row: r, input: built.input}
    }),
  )
  for (const read of reads) if (read.rows.length === 0) problems.push({file: read.file, sheet: '', row: null, column: null, field: null, code: 'system.noRows', params: {file: read.file}})
  const files: SystemImportFile[] = reads.map((r) => ({file: r.file, created: 0, updated: 0, unchanged: 0, createdIds: [], updatedIds: [], skippedSheets: r.skippedSheets}))
  if (problems.length > 0) return {result: {files, problems}, changes: []}
  const systems = inventoryOf(ctx.data)
  const index = new SystemIndex(systems)
  const changes: Change[] = []
  checked.forEach((rows, n) => {
    const out = files[n]
    const created: unknown[] = []
    const updated: unknown[] = []
    for (const {row, input} of rows) {
      const source = {file: reads[n].file, sheet: row.sheet, row: row.row, sha256: reads[n].sha256}
      const match = index.match(input!)
      if (match) {
        const r = applySystemRow(match, input!, {date: o.today, now: o.now, source})
        if (r.outcome === 'unchanged') out.unchanged += 1
        else {
          out.updated += 1
          out.updatedIds.push(match.id)
          updated.push({id: match.id, fields: r.fields, row: row.row})
        }
        continue
      }
      const id = input!.id ?? nextSystemId(ctx.data)
      const s = newSystem(id, input!, {date: o.today, now: o.now, source})
      systems.push(s)
      index.add(s)
      out.created += 1
      out.createdIds.push(id)
      created.push({id, name: s.name, unit: s.unit, dataSharing: s.dataSharing, row: row.row})
    }
    if (created.length + updated.length > 0) changes.push({projectId: null, action: 'system-import', change: {file: reads[n].file, sha256: reads[n].sha256, created, updated}})
  })
  changes.push(...reflagMaintainers(ctx, new Set(files.flatMap((f) => [...f.createdIds, ...f.updatedIds])), o.now))
  return {result: {files, problems}, changes}
}

export function requireSystem(data: RegisterData, id: string): InventorySystem {
  const s = new SystemIndex(systemsOf(data)).get(id)
  if (!s) throw new UsageError('system.notFound', {id})
  return s
}

export interface SystemUpdate {
  dataSharing?: boolean
  govCloud?: boolean
  date: string
  documentNo: string | null
  now: string
}

/** `system update`: the data-sharing (or cloud) record changed, with the date and document it rests on. */
export function updateSystem(ctx: MutationContext, id: string, u: SystemUpdate): MutationOutcome<InventorySystem> {
  const s = requireSystem(ctx.data, id)
  if (u.dataSharing === undefined && u.govCloud === undefined) throw new UsageError('system.updateNothing')
  const fields: Record<string, {from: boolean | null; to: boolean}> = {}
  if (u.dataSharing !== undefined && u.dataSharing !== s.dataSharing) {
    fields.dataSharing = {from: s.dataSharing, to: u.dataSharing}
    s.dataSharing = u.dataSharing
    s.sharingHistory.push({date: u.date, dataSharing: u.dataSharing, documentNo: u.documentNo, basis: 'update'})
  }
  if (u.govCloud !== undefined && u.govCloud !== s.govCloud) {
    fields.govCloud = {from: s.govCloud, to: u.govCloud}
    s.govCloud = u.govCloud
  }
  if (Object.keys(fields).length === 0) throw new Conflict('system.unchanged', {id})
  s.updatedAt = u.now
  return {result: s, changes: [{projectId: null, action: 'system-update', change: {id, fields, date: u.date, documentNo: u.documentNo}}, ...reflagMaintainers(ctx, new Set([id]), u.now)]}
}

/**
 * Every accepted construction project becomes a system (or, accepted again after rectification, brings its
 * system's record up to date): what the technical review found of its data sharing decides its O&M (Art. 12).
 */
export function recordAcceptedSystem(ctx: MutationContext, p: Project, date: string, now: string): Change[] {
  const data = ctx.data
  const input = systemInputOf(p, word('category', p.category, 'zh'))
  if (!input) return []
  const systems = inventoryOf(data)
  const existing = systems.find((s) => s.sourceProjectId === p.id)
  if (existing) {
    const r = applySystemRow(existing, input, {date, now, source: null})
    if (r.outcome === 'unchanged') return []
    if (r.fields.includes('dataSharing')) existing.sharingHistory[existing.sharingHistory.length - 1].basis = 'acceptance'
    return [{projectId: p.id, action: 'system-accepted', change: {id: existing.id, fields: r.fields}}, ...reflagMaintainers(ctx, new Set([existing.id]), now)]
  }
  const s = newSystem(nextSystemId(data), input, {date, now, source: null})
  if (s.sharingHistory.length > 0) s.sharingHistory[0].basis = 'acceptance'
  systems.push(s)
  ctx.index.forgetSystems()
  return [{projectId: p.id, action: 'system-accepted', change: {id: s.id, name: s.name, dataSharing: s.dataSharing}}]
}

export type MaintainedSystem = {ok: true; systemId: string | null} | {ok: false; code: 'import.unknownSystem'; params: {system: string}}

/**
 * What a declaration's 运维对象系统 names, as the inventory's system number: an O&M project must name a system the
 * inventory holds (by number or name); a construction project may name one it upgrades, or none.
 */
export function maintainedSystem(index: RegisterIndex, input: Pick<DeclarationInput, 'kind' | 'systemId' | 'unit'>): MaintainedSystem {
  if (!input.systemId) return {ok: true, systemId: null}
  const found = index.inventory().resolve(input.systemId, input.unit)
  if (found) return {ok: true, systemId: found.id}
  if (input.kind === 'operations') return {ok: false, code: 'import.unknownSystem', params: {system: input.systemId}}
  return {ok: true, systemId: input.systemId}
}

/** After a system's data-sharing record changed: its O&M projects' flags follow (Art. 12), each change journalled. */
export function reflagMaintainers(ctx: MutationContext, systemIds: ReadonlySet<string>, now: string): Change[] {
  ctx.index.forgetSystems()
  const changes: Change[] = []
  for (const p of ctx.data.projects) {
    if (p.kind !== 'operations' || !p.systemId || !systemIds.has(p.systemId)) continue
    const flags = computeFlags(p, ctx.index.flagContext(p.planYear, p.unit))
    if (flags.join() === p.flags.join()) continue
    changes.push({projectId: p.id, action: 'flags', change: {from: p.flags, to: flags}})
    p.flags = flags
    p.updatedAt = now
  }
  return changes
}

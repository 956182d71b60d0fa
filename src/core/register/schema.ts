// The register file is checked on every read: a register that fails the check is never written over (exit 6).
// The frame (rules, settings, plans, units, audit) is checked with zod; the projects, which are most of the file,
// with a hand-written loop over the fields that routing and totals depend on, because zod costs ~40 µs a
// project and `project list` must start as fast as `node` itself.
import {z} from 'zod'
import {CATEGORIES, NATURES, PROCUREMENT_CATEGORIES, PROJECT_STATUSES, STAGE_KEYS, STAGE_STATUSES, TRACKS} from '../domain/types.js'

const fen = z.number().int().nonnegative()
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const rules = z
  .object({
    version: z.string(),
    procurementLimitFen: z.object({goods: fen, services: fen, works: fen}),
    approvalStandardFen: fen,
    timeLimits: z.record(z.number().int().positive()),
    stages: z.array(z.object({key: z.enum(STAGE_KEYS), department: z.string(), group: z.enum(['pre', 'seq'])}).passthrough()),
    stagesByTrack: z.object({self: z.array(z.enum(STAGE_KEYS)), review: z.array(z.enum(STAGE_KEYS)), approval: z.array(z.enum(STAGE_KEYS))}),
  })
  .passthrough()

const frame = z
  .object({
    schemaVersion: z.number().int().positive(),
    createdAt: z.string(),
    rules,
    settings: z.object({planYear: z.number().int(), declarationDeadline: date.nullable(), lang: z.enum(['zh', 'en'])}),
    counters: z.record(z.number().int().nonnegative()),
    projects: z.array(z.unknown()),
    plans: z.array(z.object({year: z.number().int(), status: z.enum(['draft', 'adopted', 'approved']), included: z.array(z.string())}).passthrough()),
    units: z.array(z.object({name: z.string(), suspended: z.boolean()}).passthrough()),
    audit: z.object({head: z.string().nullable(), seq: z.number().int().nonnegative(), pending: z.array(z.unknown())}),
  })
  .passthrough()

const sets = {
  nature: new Set<string>(NATURES),
  category: new Set<string>(CATEGORIES),
  procurementCategory: new Set<string>(PROCUREMENT_CATEGORIES),
  track: new Set<string>(TRACKS),
  status: new Set<string>(PROJECT_STATUSES),
  stage: new Set<string>(STAGE_KEYS),
  stageStatus: new Set<string>(STAGE_STATUSES),
}
const ID = /^\d{4}-\d{4,}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const isFen = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const isText = (v: unknown) => typeof v === 'string' && v !== ''

/** The first problem with one project, as `field: what`, or null. */
function projectProblem(p: unknown): string | null {
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return 'not an object'
  const o = p as Record<string, unknown>
  if (typeof o.id !== 'string' || !ID.test(o.id)) return 'id'
  if (!Number.isInteger(o.planYear)) return 'planYear'
  if (!isText(o.unit)) return 'unit'
  if (!isText(o.name)) return 'name'
  if (!Array.isArray(o.coUnits)) return 'coUnits'
  for (const k of ['nature', 'category', 'procurementCategory', 'track', 'status'] as const) if (!sets[k].has(o[k] as string)) return k
  if (!isFen(o.totalInvestmentFen)) return 'totalInvestmentFen'
  if (!isFen(o.fiscalFundsFen)) return 'fiscalFundsFen'
  if (o.approvedAmountFen !== null && !isFen(o.approvedAmountFen)) return 'approvedAmountFen'
  if (typeof o.declaredOn !== 'string' || !DATE.test(o.declaredOn)) return 'declaredOn'
  if (!Array.isArray(o.flags)) return 'flags'
  const r = o.routing as Record<string, unknown> | null
  if (!r || typeof r !== 'object' || !sets.track.has(r.track as string) || typeof r.reason !== 'string') return 'routing'
  if (!Array.isArray(o.stages)) return 'stages'
  for (const s of o.stages as Array<Record<string, unknown>>) {
    if (!s || typeof s !== 'object' || !sets.stage.has(s.key as string)) return 'stages.key'
    if (!sets.stageStatus.has(s.status as string)) return 'stages.status'
  }
  return null
}

/** The first problem, as `path: message`, for the exit-6 message; null when the register is sound. */
export function firstSchemaProblem(data: unknown): string | null {
  const result = frame.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]
    return `${issue.path.join('.') || '(root)'}: ${issue.message}`
  }
  const projects = (data as {projects: unknown[]}).projects
  const ids = new Set<string>()
  for (let i = 0; i < projects.length; i++) {
    const problem = projectProblem(projects[i])
    if (problem) return `projects.${i}.${problem}: invalid`
    const id = (projects[i] as {id: string}).id
    if (ids.has(id)) return `projects.${i}.id: duplicate ${id}`
    ids.add(id)
  }
  return null
}

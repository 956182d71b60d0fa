// The register file is checked against this schema on every read: a register that fails it is never written
// over (exit 6). The check is strict where a wrong type would mislead routing or totals, loose elsewhere.
import {z} from 'zod'
import {CATEGORIES, NATURES, PROCUREMENT_CATEGORIES, PROJECT_STATUSES, STAGE_KEYS, TRACKS} from '../domain/types.js'

const fen = z.number().int().nonnegative()
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const stage = z
  .object({
    key: z.enum(STAGE_KEYS),
    department: z.string(),
    status: z.enum(['pending', 'open', 'returned', 'passed', 'failed']),
    startedOn: date.nullable(),
    dueOn: date.nullable(),
    decidedOn: date.nullable(),
  })
  .passthrough()

const project = z
  .object({
    id: z.string().regex(/^\d{4}-\d{4,}$/),
    planYear: z.number().int(),
    unit: z.string().min(1),
    coUnits: z.array(z.string()),
    name: z.string().min(1),
    nature: z.enum(NATURES),
    category: z.enum(CATEGORIES),
    procurementCategory: z.enum(PROCUREMENT_CATEGORIES),
    totalInvestmentFen: fen,
    fiscalFundsFen: fen,
    approvedAmountFen: fen.nullable(),
    track: z.enum(TRACKS),
    routing: z.object({track: z.enum(TRACKS), reason: z.string(), procurementLimitFen: fen, approvalStandardFen: fen, rulesVersion: z.string()}),
    status: z.enum(PROJECT_STATUSES),
    flags: z.array(z.string()),
    stages: z.array(stage),
    declaredOn: date,
  })
  .passthrough()

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

export const registerSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    createdAt: z.string(),
    rules,
    settings: z.object({planYear: z.number().int(), declarationDeadline: date.nullable(), lang: z.enum(['zh', 'en'])}),
    counters: z.record(z.number().int().nonnegative()),
    projects: z.array(project),
    plans: z.array(z.object({year: z.number().int(), status: z.enum(['draft', 'adopted', 'approved'])}).passthrough()),
    units: z.array(z.object({name: z.string(), suspended: z.boolean()}).passthrough()),
    audit: z.object({head: z.string().nullable(), seq: z.number().int().nonnegative(), pending: z.array(z.any())}),
  })
  .passthrough()

/** The first problem, as `path: message`, for the exit-6 message. */
export function firstSchemaProblem(data: unknown): string | null {
  const result = registerSchema.safeParse(data)
  if (result.success) return null
  const issue = result.error.issues[0]
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`
}

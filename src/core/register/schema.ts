// The register file is checked on every read: a register that fails the check is never written over (exit 6).
// The frame (rules, settings, plans, units, audit) is checked with zod; the projects, which are most of the file,
// with a hand-written loop over the fields that routing and totals depend on, because zod costs ~40 µs a
// project and `project list` must start as fast as `node` itself.
import {z} from 'zod'
import {CATEGORIES, FUNDING_SOURCES, NATURES, PROCUREMENT_CATEGORIES, PROJECT_FLAGS, PROJECT_STATUSES, STAGE_KEYS, TRACKS} from '../domain/types.js'

const fen = z.number().int().nonnegative()
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const stageDef = z.object({key: z.enum(STAGE_KEYS), department: z.string(), group: z.enum(['pre', 'seq'])}).passthrough()
const rules = z
  .object({
    version: z.string(),
    procurementLimitFen: z.object({goods: fen, services: fen, works: fen}),
    approvalStandardFen: fen,
    approvalStandardConfirmed: z.boolean(),
    timeLimits: z.record(z.number().int().positive()),
    stages: z.array(stageDef),
    stagesByTrack: z.object({self: z.array(z.enum(STAGE_KEYS)), review: z.array(z.enum(STAGE_KEYS)), approval: z.array(z.enum(STAGE_KEYS))}),
    deadlines: z.object({acceptanceApplyMonths: z.number().int().positive(), filingWorkingDays: z.number().int().positive(), evaluationMonths: z.number().int().positive()}).passthrough(),
    weakPerformance: z.object({scoreBelow: z.number(), grades: z.array(z.string())}).passthrough(),
    citations: z.record(z.string()),
  })
  .passthrough()
  // every stage a track runs must be defined, with a time limit
  .superRefine((r, ctx) => {
    for (const track of TRACKS) {
      for (const key of r.stagesByTrack[track]) {
        if (!r.stages.some((s) => s.key === key)) ctx.addIssue({code: z.ZodIssueCode.custom, path: ['stages'], message: `no definition of stage ${key}`})
        else if (!(key in r.timeLimits)) ctx.addIssue({code: z.ZodIssueCode.custom, path: ['timeLimits', key], message: 'missing'})
      }
    }
  })

const calendarOverrides = z.array(z.object({year: z.number().int(), days: z.array(z.object({date, name: z.string(), isOffDay: z.boolean()}).passthrough())}).passthrough())

const frame = z
  .object({
    schemaVersion: z.number().int().positive(),
    createdAt: z.string(),
    rules,
    settings: z.object({planYear: z.number().int(), declarationDeadline: date.nullable(), lang: z.enum(['zh', 'en'])}),
    counters: z.record(z.number().int().nonnegative()),
    projects: z.array(z.unknown()),
    plans: z.array(
      z
        .object({
          year: z.number().int(),
          status: z.enum(['draft', 'adopted', 'approved']),
          included: z.array(z.string()),
          excluded: z.array(z.object({id: z.string(), reasons: z.array(z.string())}).passthrough()),
          approvals: z.array(z.object({by: z.enum(['leading-group', 'government']), documentNo: z.string(), date}).passthrough()),
          builtOn: z.string(),
          officeExcluded: z.array(z.string()).optional(),
        })
        .passthrough(),
    ),
    units: z.array(z.object({name: z.string(), suspended: z.boolean(), reason: z.string().nullish(), since: z.string().nullish()}).passthrough()),
    calendarOverrides: calendarOverrides.optional(),
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
  flag: new Set<string>(PROJECT_FLAGS),
  funding: new Set<string>(FUNDING_SOURCES),
}
const STAGE_STATUSES = new Set(['pending', 'open', 'returned', 'passed', 'failed'])
const RESULTS = new Set(['passed', 'failed', 'returned'])
const ID = /^\d{4}-\d{4,}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

type Rec = Record<string, unknown>
const isObject = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v)
const isFen = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const isText = (v: unknown) => typeof v === 'string' && v !== ''
const isDate = (v: unknown) => typeof v === 'string' && DATE.test(v)
// Optional facts: null, or missing in a register written before the field existed.
const orNull = (ok: (v: unknown) => boolean) => (v: unknown) => v === null || v === undefined || ok(v)
const isString = (v: unknown) => typeof v === 'string'
const isBool = (v: unknown) => typeof v === 'boolean'
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v)
const str = orNull(isString)
const day = orNull(isDate)
const money = orNull(isFen)
const isStrings = (v: unknown) => Array.isArray(v) && v.every(isString)
const isCheck = (v: unknown) => v === 'pass' || v === 'fail'
const result = orNull((v) => v === 'passed' || v === 'failed')

/** The first field of `o` that fails its check, or null. */
function firstBad(o: Rec, checks: Record<string, (v: unknown) => boolean>): string | null {
  for (const k in checks) if (!checks[k](o[k])) return k
  return null
}

/** Checks of every element of an array field: the index and field of the first bad one, or null. */
function badItem(v: unknown, checks: Record<string, (v: unknown) => boolean>): string | null {
  if (!Array.isArray(v)) return ''
  for (let i = 0; i < v.length; i++) {
    if (!isObject(v[i])) return String(i)
    const bad = firstBad(v[i], checks)
    if (bad) return `${i}.${bad}`
  }
  return null
}

const PROJECT = {
  declarationNo: str,
  annualPlanFen: money,
  supervisingDepartment: str,
  periodMonths: orNull(isNumber),
  summary: isString,
  consultancy: str,
  statusSince: isString,
  createdAt: isString,
  updatedAt: isString,
}
const CONTACT = {name: isString, phone: isString}
const COMPLIANCE = {govCloud: isBool, dataSharing: isBool, cityBrain: isBool, egovNetwork: isBool, justification: isString}
const MARKS = {keyArea: isBool, major: isBool}
const ROUTING = {track: (v: unknown) => sets.track.has(v as string), reason: isString, procurementLimitFen: isFen, approvalStandardFen: isFen, rulesVersion: isString}
const STAGE = {
  key: (v: unknown) => sets.stage.has(v as string),
  department: isString,
  status: (v: unknown) => STAGE_STATUSES.has(v as string),
  startedOn: day,
  dueOn: day,
  decidedOn: day,
  documentNo: str,
  approvedAmountFen: money,
  opinion: str,
  rounds: (v: unknown) => v === undefined || badItem(v, ROUND) === null,
}
const ROUND = {result: (v: unknown) => RESULTS.has(v as string), date: isDate, documentNo: str, opinion: str}
const SPECIAL = {kind: (v: unknown) => v === 'late' || v === 'multi-unit', documentNo: isString, date: isDate, group: isString}
const AMOUNT_CHANGE = {fromFen: isFen, toFen: isFen, reason: isString, date: isDate}
const EVALUATION = {date: isDate, score: isNumber, grade: str}
const INCIDENT = {kind: isString, description: isString, date: isDate}
const CONSTRUCTION = {
  startedOn: day,
  responsible: str,
  supervisor: str,
  contractor: str,
  contractAmountFen: money,
  actualInvestmentFen: money,
  completedOn: day,
  suspendedOn: day,
  suspendReason: str,
  incidents: (v: unknown) => badItem(v, INCIDENT) === null,
}
const TECH_REVIEW = {date: isDate, cloud: isCheck, sharing: isCheck, security: isCheck, opinion: str}
const ACCEPTANCE = {
  preliminaryOn: day,
  preliminaryResult: result,
  appliedOn: day,
  techReview: (v: unknown) => v === null || v === undefined || (isObject(v) && firstBad(v, TECH_REVIEW) === null),
  expertOn: day,
  expertResult: result,
  failures: (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0,
  refusedRectification: isBool,
  rectifications: (v: unknown) => badItem(v, {date: isDate, reason: isString}) === null,
  filedOn: day,
  filingDocumentNo: str,
  trialRun: str,
  testReport: str,
}
const SOURCE = {file: isString, sheet: str, row: orNull(isNumber), sha256: str}

/** An object field checked field by field: `name.field` of its first problem, or null. */
function badObject(o: Rec, name: string, checks: Record<string, (v: unknown) => boolean>, nullable = false): string | null {
  const v = o[name]
  if (nullable && v === null) return null
  if (!isObject(v)) return name
  const bad = firstBad(v, checks)
  return bad ? `${name}.${bad}` : null
}

/** An array field of objects: `name.i.field` of its first problem, or null. */
function badArray(o: Rec, name: string, checks: Record<string, (v: unknown) => boolean>): string | null {
  const bad = badItem(o[name], checks)
  return bad === null ? null : bad === '' ? name : `${name}.${bad}`
}

/**
 * The first problem with one project, as `field: what`, or null: every field a command reads is checked for its
 * type (a hand edit such as `contact: null` or a numeric `dueOn` is exit 6, never an internal error later).
 */
function projectProblem(p: unknown): string | null {
  if (!isObject(p)) return 'not an object'
  const o = p
  if (typeof o.id !== 'string' || !ID.test(o.id)) return 'id'
  if (!Number.isInteger(o.planYear)) return 'planYear'
  if (!isText(o.unit)) return 'unit'
  if (!isText(o.name)) return 'name'
  if (!isStrings(o.coUnits)) return 'coUnits'
  for (const k of ['nature', 'category', 'procurementCategory', 'track', 'status'] as const) if (!sets[k].has(o[k] as string)) return k
  if (!isFen(o.totalInvestmentFen)) return 'totalInvestmentFen'
  if (!isFen(o.fiscalFundsFen)) return 'fiscalFundsFen'
  if (o.approvedAmountFen !== null && !isFen(o.approvedAmountFen)) return 'approvedAmountFen'
  if (!isDate(o.declaredOn)) return 'declaredOn'
  if (!Array.isArray(o.flags) || !o.flags.every((f) => sets.flag.has(f as string))) return 'flags'
  if (!Array.isArray(o.fundingSources) || !o.fundingSources.every((f) => sets.funding.has(f as string))) return 'fundingSources'
  return (
    firstBad(o, PROJECT) ??
    badObject(o, 'contact', CONTACT) ??
    badObject(o, 'compliance', COMPLIANCE) ??
    badObject(o, 'marks', MARKS) ??
    badObject(o, 'routing', ROUTING) ??
    badArray(o, 'stages', STAGE) ??
    badArray(o, 'specialApprovals', SPECIAL) ??
    badArray(o, 'amountChanges', AMOUNT_CHANGE) ??
    badArray(o, 'evaluations', EVALUATION) ??
    badObject(o, 'construction', CONSTRUCTION, true) ??
    badObject(o, 'acceptance', ACCEPTANCE, true) ??
    badObject(o, 'source', SOURCE, true)
  )
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

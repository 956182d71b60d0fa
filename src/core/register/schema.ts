// The register file is checked on every read: a register that fails the check is never written over (exit 6).
// The frame (rules, settings, plans, units, audit) is checked with zod; the projects, which are most of the file,
// with a hand-written loop over the fields that routing and totals depend on, because zod costs ~40 µs a
// project and `project list` must start as fast as `node` itself.
import {z} from 'zod'
import {CATEGORIES, FUNDING_SOURCES, FUNDS_KINDS, NATURES, PROCUREMENT_CATEGORIES, PROJECT_FLAGS, PROJECT_KINDS, PROJECT_STATUSES, STAGE_KEYS, STAGE_STATUSES, TRACKS} from '../domain/types.js'
import {parseMeasuresName, parseRegionName} from '../domain/region.js'

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
    grades: z.array(z.object({grade: z.string().min(1), minScore: z.number().min(0).max(100)}).passthrough()).min(1).optional(),
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

// screen (issue 20): the pairs of the latest screen of each year and the group's clearances
const screening = z
  .object({
    pairs: z.array(z.object({year: z.number().int(), a: z.string(), b: z.string(), score: z.number().min(0).max(1), shared: z.array(z.string())}).passthrough()),
    thresholds: z.record(z.number().min(0).max(1)),
    clearances: z.array(z.object({a: z.string(), b: z.string(), reason: z.string(), date}).passthrough()),
  })
  .passthrough()
const calendarOverrides = z.array(z.object({year: z.number().int(), days: z.array(z.object({date, name: z.string(), isOffDay: z.boolean()}).passthrough())}).passthrough())

const approval = z.object({by: z.enum(['leading-group', 'government']), documentNo: z.string(), date}).passthrough()
const changeValue = z.union([z.string(), z.number(), z.null()])
const versionTotals = z.object({count: z.number().int().nonnegative(), totalInvestmentFen: fen, fiscalFundsFen: fen, annualPlanFen: fen}).passthrough()
const planVersion = z
  .object({
    version: z.number().int().positive(),
    approvals: z.array(approval),
    approvedOn: date,
    reason: z.string().nullable(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    lines: z.array(
      z
        .object({id: z.string(), unit: z.string(), name: z.string(), category: z.enum(CATEGORIES), track: z.enum(TRACKS), totalInvestmentFen: fen, fiscalFundsFen: fen, annualPlanFen: fen, approvedAmountFen: fen.nullable(), marks: z.object({keyArea: z.boolean(), major: z.boolean()})})
        .passthrough(),
    ),
    totals: versionTotals,
  })
  .passthrough()

const frame = z
  .object({
    schemaVersion: z.number().int().positive(),
    createdAt: z.string(),
    rules,
    settings: z.object({
      planYear: z.number().int(),
      declarationDeadline: date.nullable(),
      lang: z.enum(['zh', 'en']),
      // ── region (issue 23): optional, absent = the default region ──
      region: z.string().refine((v) => {
        const parsed = parseRegionName(v)
        return parsed.ok && parsed.name === v
      }).optional(),
      measuresName: z.string().refine((v) => {
        const parsed = parseMeasuresName(v)
        return parsed.ok && parsed.name === v
      }).optional(),
    }),
    counters: z.record(z.number().int().nonnegative()),
    projects: z.array(z.unknown()),
    // continuing (issue 17): the systems inventory
    systems: z
      .array(
        z
          .object({
            id: z.string().min(1),
            name: z.string().min(1),
            unit: z.string().min(1),
            category: z.string().nullable(),
            since: date.nullable(),
            govCloud: z.boolean().nullable(),
            dataSharing: z.boolean().nullable(),
            description: z.string().nullable(),
            sourceProjectId: z.string().nullable(),
            sharingHistory: z.array(z.object({date, dataSharing: z.boolean(), documentNo: z.string().nullable(), basis: z.enum(['inventory', 'acceptance', 'update'])}).passthrough()),
            createdAt: z.string(),
            updatedAt: z.string(),
          })
          .passthrough(),
      )
      .optional(),
    plans: z.array(
      z
        .object({
          year: z.number().int(),
          status: z.enum(['draft', 'adopted', 'approved']),
          included: z.array(z.string()),
          excluded: z.array(z.object({id: z.string(), reasons: z.array(z.string())}).passthrough()),
          approvals: z.array(approval),
          builtOn: z.string(),
          officeExcluded: z.array(z.string()).optional(),
          versions: z.array(planVersion).optional(),
          amendment: z
            .object({status: z.enum(['draft', 'adopted']), reason: z.string(), openedOn: date, added: z.array(z.string()), removed: z.array(z.string()), approvals: z.array(approval), excluded: z.array(z.object({id: z.string(), reasons: z.array(z.string())}).passthrough())})
            .passthrough()
            .nullish(),
          changes: z.array(z.object({id: z.string(), field: z.string(), approved: changeValue, current: changeValue, date, reason: z.string(), version: z.number().int().positive()}).passthrough()).optional(),
        })
        .passthrough(),
    ),
    units: z.array(z.object({name: z.string(), suspended: z.boolean(), reason: z.string().nullish(), since: z.string().nullish()}).passthrough()),
    calendarOverrides: calendarOverrides.optional(),
    // screen (issue 20)
    screening: screening.optional(),
    audit: z.object({head: z.string().nullable(), seq: z.number().int().nonnegative(), pending: z.array(z.unknown())}),
  })
  .passthrough()

const sets = {
  kind: new Set<string>(PROJECT_KINDS),
  nature: new Set<string>(NATURES),
  category: new Set<string>(CATEGORIES),
  procurementCategory: new Set<string>(PROCUREMENT_CATEGORIES),
  track: new Set<string>(TRACKS),
  status: new Set<string>(PROJECT_STATUSES),
  stage: new Set<string>(STAGE_KEYS),
  stageStatus: new Set<string>(STAGE_STATUSES),
  flag: new Set<string>(PROJECT_FLAGS),
  funding: new Set<string>(FUNDING_SOURCES),
}
const RESULTS = new Set(['passed', 'failed', 'returned'])
const ID = /^\d{4}-\d{4,}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

type Rec = Record<string, unknown>
// Small named checks, each called from its own place: the project loop runs on every read of the register and
// must stay within a few milliseconds for 1,000 projects (a table of checks called through one site is ~3× slower).
const isObject = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v)
const FUNDS_KIND_SET = new Set<string>(FUNDS_KINDS)
const isFen = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const isText = (v: unknown) => typeof v === 'string' && v !== ''
const isDate = (v: unknown) => typeof v === 'string' && DATE.test(v)
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v)
// Optional facts: null, or missing in a register written before the field existed.
const str = (v: unknown) => v == null || typeof v === 'string'
const day = (v: unknown) => v == null || isDate(v)
const money = (v: unknown) => v == null || isFen(v)
const num = (v: unknown) => v == null || isNumber(v)
const result = (v: unknown) => v == null || v === 'passed' || v === 'failed'
const isCheck = (v: unknown) => v === 'pass' || v === 'fail'

function stageProblem(s: unknown): string | null {
  if (!isObject(s)) return ''
  if (!sets.stage.has(s.key as string)) return 'key'
  if (typeof s.department !== 'string') return 'department'
  if (!sets.stageStatus.has(s.status as string)) return 'status'
  if (!day(s.startedOn)) return 'startedOn'
  if (!day(s.dueOn)) return 'dueOn'
  if (!day(s.decidedOn)) return 'decidedOn'
  if (!str(s.documentNo)) return 'documentNo'
  if (!money(s.approvedAmountFen)) return 'approvedAmountFen'
  if (!str(s.opinion)) return 'opinion'
  if (s.rounds !== undefined) {
    if (!Array.isArray(s.rounds)) return 'rounds'
    for (let i = 0; i < s.rounds.length; i++) {
      const r = s.rounds[i] as Rec
      if (!isObject(r) || !RESULTS.has(r.result as string) || !isDate(r.date) || !str(r.documentNo) || !str(r.opinion)) return `rounds.${i}`
    }
  }
  return null
}

function constructionProblem(c: Rec): string | null {
  if (!day(c.startedOn)) return 'startedOn'
  if (!str(c.responsible)) return 'responsible'
  if (!str(c.supervisor)) return 'supervisor'
  if (!str(c.contractor)) return 'contractor'
  if (!money(c.contractAmountFen)) return 'contractAmountFen'
  if (!money(c.actualInvestmentFen)) return 'actualInvestmentFen'
  if (!day(c.completedOn)) return 'completedOn'
  if (!day(c.suspendedOn)) return 'suspendedOn'
  if (!str(c.suspendReason)) return 'suspendReason'
  if (!Array.isArray(c.incidents)) return 'incidents'
  for (let i = 0; i < c.incidents.length; i++) {
    const x = c.incidents[i] as Rec
    if (!isObject(x) || typeof x.kind !== 'string' || typeof x.description !== 'string' || !isDate(x.date)) return `incidents.${i}`
  }
  return null
}

function acceptanceProblem(a: Rec): string | null {
  if (!day(a.preliminaryOn)) return 'preliminaryOn'
  if (!result(a.preliminaryResult)) return 'preliminaryResult'
  if (!day(a.appliedOn)) return 'appliedOn'
  const t = a.techReview as Rec | null | undefined
  if (t != null && (!isObject(t) || !isDate(t.date) || !isCheck(t.cloud) || !isCheck(t.sharing) || !isCheck(t.security) || !str(t.opinion))) return 'techReview'
  if (!day(a.expertOn)) return 'expertOn'
  if (!result(a.expertResult)) return 'expertResult'
  if (!Number.isSafeInteger(a.failures) || (a.failures as number) < 0) return 'failures'
  if (typeof a.refusedRectification !== 'boolean') return 'refusedRectification'
  if (!Array.isArray(a.rectifications)) return 'rectifications'
  for (let i = 0; i < a.rectifications.length; i++) {
    const x = a.rectifications[i] as Rec
    if (!isObject(x) || !isDate(x.date) || typeof x.reason !== 'string') return `rectifications.${i}`
  }
  if (!day(a.filedOn)) return 'filedOn'
  if (!str(a.filingDocumentNo)) return 'filingDocumentNo'
  if (!str(a.trialRun)) return 'trialRun'
  if (!str(a.testReport)) return 'testReport'
  return null
}

/** The first bad element of an array field, as `name.i`, or `name` when it is not an array. */
function badList(o: Rec, name: string, ok: (x: Rec) => boolean): string | null {
  const v = o[name]
  if (!Array.isArray(v)) return name
  for (let i = 0; i < v.length; i++) if (!isObject(v[i]) || !ok(v[i] as Rec)) return `${name}.${i}`
  return null
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
  if (!Array.isArray(o.coUnits)) return 'coUnits'
  for (const u of o.coUnits) if (typeof u !== 'string') return 'coUnits'
  for (const k of ['kind', 'nature', 'category', 'procurementCategory', 'track', 'status'] as const) if (!sets[k].has(o[k] as string)) return k
  if (!isFen(o.totalInvestmentFen)) return 'totalInvestmentFen'
  if (!isFen(o.fiscalFundsFen)) return 'fiscalFundsFen'
  if (o.approvedAmountFen !== null && !isFen(o.approvedAmountFen)) return 'approvedAmountFen'
  if (!isDate(o.declaredOn)) return 'declaredOn'
  if (!Array.isArray(o.flags)) return 'flags'
  for (const f of o.flags) if (!sets.flag.has(f as string)) return 'flags'
  if (!Array.isArray(o.fundingSources)) return 'fundingSources'
  for (const f of o.fundingSources) if (!sets.funding.has(f as string)) return 'fundingSources'
  // the optional facts, inline: this line runs for every project on every read
  if (o.declarationNo != null && typeof o.declarationNo !== 'string') return 'declarationNo'
  if (o.annualPlanFen != null && !isFen(o.annualPlanFen)) return 'annualPlanFen'
  if (o.completedBeforeFen != null && !isFen(o.completedBeforeFen)) return 'completedBeforeFen'
  if (o.systemId != null && !isText(o.systemId)) return 'systemId'
  if (o.supervisingDepartment != null && typeof o.supervisingDepartment !== 'string') return 'supervisingDepartment'
  if (o.periodMonths != null && typeof o.periodMonths !== 'number') return 'periodMonths'
  if (o.consultancy != null && typeof o.consultancy !== 'string') return 'consultancy'
  if (typeof o.summary !== 'string') return 'summary'
  if (typeof o.statusSince !== 'string') return 'statusSince'
  if (typeof o.createdAt !== 'string') return 'createdAt'
  if (typeof o.updatedAt !== 'string') return 'updatedAt'
  const c = o.contact as Rec
  if (!isObject(c) || typeof c.name !== 'string' || typeof c.phone !== 'string') return 'contact'
  const m = o.compliance as Rec
  if (!isObject(m) || typeof m.govCloud !== 'boolean' || typeof m.dataSharing !== 'boolean' || typeof m.cityBrain !== 'boolean' || typeof m.egovNetwork !== 'boolean' || typeof m.justification !== 'string') return 'compliance'
  const k = o.marks as Rec
  if (!isObject(k) || typeof k.keyArea !== 'boolean' || typeof k.major !== 'boolean') return 'marks'
  const r = o.routing as Rec
  if (!isObject(r) || !sets.track.has(r.track as string) || typeof r.reason !== 'string' || !isFen(r.procurementLimitFen) || !isFen(r.approvalStandardFen) || typeof r.rulesVersion !== 'string') return 'routing'
  if (!Array.isArray(o.stages)) return 'stages'
  for (let i = 0; i < o.stages.length; i++) {
    const bad = stageProblem(o.stages[i])
    if (bad !== null) return bad === '' ? `stages.${i}` : `stages.${i}.${bad}`
  }
  const list =
    badList(o, 'specialApprovals', (x) => (x.kind === 'late' || x.kind === 'multi-unit') && typeof x.documentNo === 'string' && isDate(x.date) && typeof x.group === 'string') ??
    badList(o, 'amountChanges', (x) => isFen(x.fromFen) && isFen(x.toFen) && typeof x.reason === 'string' && isDate(x.date)) ??
    badList(o, 'evaluations', (x) => isDate(x.date) && isNumber(x.score) && str(x.grade) && evaluationFormOk(x))
  if (list) return list
  // continuing (issue 17): a 续建 project's later years, and the mark of one reviewed before the register
  if (o.annual !== undefined) {
    const annual = badList(o, 'annual', (x) => Number.isInteger(x.year) && isFen(x.requestedFen) && (x.completedBeforeFen === null || isFen(x.completedBeforeFen)) && isDate(x.declaredOn))
    if (annual) return annual
  }
  if (o.reviewedBeforeRegister !== undefined && o.reviewedBeforeRegister !== true) return 'reviewedBeforeRegister'
  // ── funds (branch funds, issue 18): both optional ──
  if (o.fiscalSubmittedFen !== undefined && !isFen(o.fiscalSubmittedFen)) return 'fiscalSubmittedFen'
  if (o.funds !== undefined) {
    const bad = badList(o, 'funds', (x) => FUNDS_KIND_SET.has(x.kind as string) && Number.isInteger(x.year) && isFen(x.amountFen) && isDate(x.date) && str(x.documentNo) && str(x.reason) && str(x.note))
    if (bad) return bad
  }
  // ── end funds ──
  if (o.construction !== null) {
    if (!isObject(o.construction)) return 'construction'
    const bad = constructionProblem(o.construction)
    if (bad) return `construction.${bad}`
  }
  if (o.acceptance !== null) {
    if (!isObject(o.acceptance)) return 'acceptance'
    const bad = acceptanceProblem(o.acceptance)
    if (bad) return `acceptance.${bad}`
  }
  const src = o.source as Rec | null
  if (src !== null && (!isObject(src) || typeof src.file !== 'string' || !str(src.sheet) || !num(src.row) || !str(src.sha256))) return 'source'
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

// ── branch evalform (issue 19): the optional parts of an evaluation read from a 绩效自评表 ──
function evaluationFormOk(x: Record<string, unknown>): boolean {
  const objectOrAbsent = (v: unknown) => v === undefined || isObject(v)
  return (
    objectOrAbsent(x.source) &&
    (x.budget === undefined || x.budget === null || isObject(x.budget)) &&
    objectOrAbsent(x.goals) &&
    objectOrAbsent(x.conclusions) &&
    (x.indicators === undefined || (Array.isArray(x.indicators) && x.indicators.every((i) => isObject(i) && typeof i.level1 === 'string')))
  )
}

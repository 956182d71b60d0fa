// The words of the regulation (DESIGN §2) as types. Money is integer 分 (fen); dates are 'YYYY-MM-DD'.
import type {EvaluationFormDetail} from './evaluation-form.js'

/** 建设性质 */
export const NATURES = ['new', 'expansion', 'upgrade', 'continuing'] as const
export type Nature = (typeof NATURES)[number]

/** 项目类别 (DESIGN §12): construction 建设类, or operations and maintenance 运维类 of a system already built */
export const PROJECT_KINDS = ['construction', 'operations'] as const
export type ProjectKind = (typeof PROJECT_KINDS)[number]

/** The sections of the annual plan (DESIGN §12): 续建 lines, new construction, O&M of systems already built. */
export const PLAN_SECTIONS = ['continuing', 'new', 'operations'] as const
export type PlanSection = (typeof PLAN_SECTIONS)[number]

/** 项目类型 (Art. 2: 基础设施、数据系统、业务系统、服务系统) */
export const CATEGORIES = ['infrastructure', 'data', 'business', 'service'] as const
export type Category = (typeof CATEGORIES)[number]

/** 采购类别: each has its own 政府采购限额标准 */
export const PROCUREMENT_CATEGORIES = ['goods', 'services', 'works'] as const
export type ProcurementCategory = (typeof PROCUREMENT_CATEGORIES)[number]

/** 审批路径 (Art. 8): 自行组织实施 / 技术初审+财政投资评审 / 立项+技术初审+财政投资评审 */
export const TRACKS = ['self', 'review', 'approval'] as const
export type Track = (typeof TRACKS)[number]
/** Strictness order, used when a changed amount moves a project. */
export const TRACK_RANK: Record<Track, number> = {self: 0, review: 1, approval: 2}

/** 评审环节 (Art. 9) */
export const STAGE_KEYS = ['secrecy-prereview', 'cyber-prereview', 'approval', 'technical-review', 'fiscal-review'] as const
export type StageKey = (typeof STAGE_KEYS)[number]

export const PROJECT_STATUSES = [
  'declared',
  'planned',
  'reviewing',
  'cleared',
  'withdrawn',
  'refused',
  'dropped',
  'in-construction',
  'suspended',
  'completed',
  'preliminarily-accepted',
  'acceptance-applied',
  'tech-reviewed',
  'rectifying',
  'accepted',
  'filed',
] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

export const PROJECT_FLAGS = ['late', 'non-compliant', 'major-multi-unit', 'unit-suspended', 'weak-performance', 'no-data-sharing', 'possible-duplicate'] as const
export type ProjectFlag = (typeof PROJECT_FLAGS)[number]

export const FUNDING_SOURCES = ['fiscal', 'self-raised', 'higher-level', 'other'] as const
export type FundingSource = (typeof FUNDING_SOURCES)[number]

/** `closed`: ended without a decision because the project itself ended (refused at another stage, dropped from the plan). */
export const STAGE_STATUSES = ['pending', 'open', 'returned', 'passed', 'failed', 'closed'] as const
export type StageStatus = (typeof STAGE_STATUSES)[number]
export type ReviewResult = 'passed' | 'failed' | 'returned'

export interface ProcurementLimits {
  goods: number
  services: number
  works: number
}

export interface StageDefinition {
  key: StageKey
  department: string
  /** 'pre' stages run first and in parallel; 'seq' stages follow one by one. */
  group: 'pre' | 'seq'
  article: number
}

export interface Rules {
  version: string
  procurementLimitFen: ProcurementLimits
  approvalStandardFen: number
  /** false until the office sets 立项金额标准 itself: the default is an assumption. */
  approvalStandardConfirmed: boolean
  timeLimits: Record<StageKey, number>
  stages: StageDefinition[]
  stagesByTrack: Record<Track, StageKey[]>
  deadlines: {acceptanceApplyMonths: number; filingWorkingDays: number; evaluationMonths: number}
  weakPerformance: {scoreBelow: number; grades: string[]}
  /** 评价等级 by score, highest first (absent in registers from before: the default bands apply) */
  grades?: Array<{grade: string; minScore: number}>
  citations: Record<string, string>
}

export interface Settings {
  planYear: number
  /** null: 31 December of planYear − 1 */
  declarationDeadline: string | null
  lang: 'zh' | 'en'
  // ── region (issue 23): the jurisdiction the register serves (DESIGN §18); absent = the defaults of domain/region.ts ──
  /** 桂阳县, 北湖区, 资兴市: a name ending in 市, 县 or 区 */
  region?: string
  /** the measures' title without 书名号 */
  measuresName?: string
}

export interface Routing {
  track: Track
  reason: string
  procurementLimitFen: number
  approvalStandardFen: number
  rulesVersion: string
}

export interface Stage {
  key: StageKey
  department: string
  status: StageStatus
  startedOn: string | null
  dueOn: string | null
  decidedOn: string | null
  documentNo: string | null
  approvedAmountFen: number | null
  opinion: string | null
  /** every recorded outcome, including returns */
  rounds?: Array<{result: ReviewResult; date: string; documentNo: string | null; opinion: string | null; reason?: string | null}>
  /** true once a track change made the stage unnecessary after it had started or been decided (DESIGN §11.4) */
  notRequired?: boolean
  /** why a stage was closed without a decision */
  closedReason?: string | null
}

export interface Compliance {
  govCloud: boolean
  dataSharing: boolean
  cityBrain: boolean
  egovNetwork: boolean
  justification: string
}

/** 一事一议 (Art. 6) or a leading-group decision on a multi-unit project (Art. 3). */
export interface SpecialApproval {
  kind: 'late' | 'multi-unit'
  documentNo: string
  date: string
  group: string
}

export interface Source {
  file: string
  sheet: string | null
  row: number | null
  sha256: string | null
  /** the fields the row left blank and the label block above the table gave (`填报单位（盖章）：市民政局` in A2) */
  fromLabels?: LabelSource[]
}

/** Where a value taken from a label above the table was written. */
export interface LabelSource {
  field: string
  row: number
  /** the column letter of the value's cell */
  column: string
  /** the label as written: 填报单位（盖章） */
  label: string
}

export interface Incident {
  kind: 'delay' | 'loss' | 'other'
  description: string
  date: string
}

export interface AmountChange {
  fromFen: number
  toFen: number
  reason: string
  date: string
}

export interface Construction {
  startedOn: string | null
  responsible: string | null
  supervisor: string | null
  contractor: string | null
  contractAmountFen: number | null
  actualInvestmentFen: number | null
  completedOn: string | null
  suspendedOn: string | null
  suspendReason: string | null
  incidents: Incident[]
}

export type CheckResult = 'pass' | 'fail'

export interface Acceptance {
  preliminaryOn: string | null
  preliminaryResult: 'passed' | 'failed' | null
  appliedOn: string | null
  techReview: {date: string; cloud: CheckResult; sharing: CheckResult; security: CheckResult; opinion: string | null} | null
  expertOn: string | null
  expertResult: 'passed' | 'failed' | null
  failures: number
  refusedRectification: boolean
  rectifications: Array<{date: string; reason: string}>
  filedOn: string | null
  filingDocumentNo: string | null
  trialRun: string | null
  testReport: string | null
}

export interface Evaluation {
  date: string
  score: number
  grade: string | null
  // ── branch evalform (issue 19): what a filled 绩效自评表 adds (`evaluate import`); absent for `evaluate --score` ──
  /** the form it was read from */
  source?: EvaluationFormDetail['source']
  /** 预算执行情况: the year's budget, execution, rate, and its 分值 and 得分 */
  budget?: EvaluationFormDetail['budget']
  /** 年度总体目标: 预期目标 and 实际完成情况 */
  goals?: EvaluationFormDetail['goals']
  /** the indicator table's rows */
  indicators?: EvaluationFormDetail['indicators']
  /** 评价结论, 存在问题, 改进措施 */
  conclusions?: EvaluationFormDetail['conclusions']
}

/** One later year's request of a multi-year (续建) project: the plan year it asks money of, as the 续建 row declared it. */
export interface AnnualRequest {
  year: number
  /** 本年度申请资金 / 年度计划投资 of that year */
  requestedFen: number
  /** 截至上年底累计完成投资 as of the end of the year before */
  completedBeforeFen: number | null
  declaredOn: string
  source: Source | null
}

// ── funds (branch funds, issue 18): 送审金额 and the year's money, DESIGN §13 ──
/** 拨付 (pay), 压减 (cut, Art. 15), 收回 (recover, Art. 15) */
export const FUNDS_KINDS = ['pay', 'cut', 'recover'] as const
export type FundsKind = (typeof FUNDS_KINDS)[number]

/** One movement of a project's budget for one plan year. */
export interface FundsRecord {
  kind: FundsKind
  /** the plan year whose approved annual investment it draws on or reduces */
  year: number
  amountFen: number
  date: string
  /** 文号 / 凭证号 */
  documentNo: string | null
  /** why a budget was cut or recovered (Art. 15) */
  reason: string | null
  note: string | null
}
// ── end funds ──

export interface Project {
  id: string
  planYear: number
  declarationNo: string | null
  unit: string
  coUnits: string[]
  name: string
  /** 项目类别: 建设类 unless declared 运维类 */
  kind: ProjectKind
  nature: Nature
  category: Category
  /** 运维对象系统: the inventory system an operations project maintains (a construction project may name the one it upgrades) */
  systemId: string | null
  procurementCategory: ProcurementCategory
  totalInvestmentFen: number
  fiscalFundsFen: number
  /** 截至上年底累计完成投资: what a multi-year (续建) project had spent by the end of the year before its plan year */
  completedBeforeFen: number | null
  /** 审定金额: set by the fiscal review; routing uses it once set */
  approvedAmountFen: number | null
  /** 年度计划投资; defaults to the fiscal funds */
  annualPlanFen: number | null
  fundingSources: FundingSource[]
  supervisingDepartment: string | null
  periodMonths: number | null
  contact: {name: string; phone: string}
  summary: string
  consultancy: string | null
  compliance: Compliance
  declaredOn: string
  track: Track
  routing: Routing
  status: ProjectStatus
  /** the date of the step that put the project in its current status */
  statusSince: string
  flags: ProjectFlag[]
  marks: {keyArea: boolean; major: boolean}
  stages: Stage[]
  specialApprovals: SpecialApproval[]
  amountChanges: AmountChange[]
  construction: Construction | null
  acceptance: Acceptance | null
  evaluations: Evaluation[]
  /** the later years' requests of a 续建 project (DESIGN §12); absent: the project asks money of its plan year only */
  annual?: AnnualRequest[]
  /** a 续建 declared to the register with nothing to continue: its reviews happened before the register existed */
  reviewedBeforeRegister?: true
  source: Source | null
  createdAt: string
  updatedAt: string
  // ── funds (branch funds, issue 18) ──
  /** 送审金额: the total when the fiscal review opened (absent: not opened, or opened before it was recorded) */
  fiscalSubmittedFen?: number
  /** 拨付、压减、收回, in the order recorded (absent: none) */
  funds?: FundsRecord[]
  // ── end funds ──
}

/** 信息系统台账 (DESIGN §12): a system already built, whose O&M a 运维 project asks money for. */
export interface InventorySystem {
  /** 系统编号: the inventory's own number, else SYS-NNNN given by the register */
  id: string
  name: string
  /** 建设单位 / 主管单位 */
  unit: string
  /** 系统类型, as the inventory words it */
  category: string | null
  /** 上线时间 */
  since: string | null
  /** 部署在政务云; null: not recorded */
  govCloud: boolean | null
  /** 数据共享: false keeps its O&M out of the plan (Art. 12); null: not recorded */
  dataSharing: boolean | null
  /** 主要功能 / 系统简介, for the screening of duplicate construction */
  description: string | null
  /** the accepted project it came from; null for a system older than the register */
  sourceProjectId: string | null
  /** every change of the data-sharing record, with its basis */
  sharingHistory: Array<{date: string; dataSharing: boolean; documentNo: string | null; basis: 'inventory' | 'acceptance' | 'update'}>
  source: Source | null
  createdAt: string
  updatedAt: string
}

export interface UnitRecord {
  name: string
  suspended: boolean
  reason: string | null
  since: string | null
}

export type PlanStatus = 'draft' | 'adopted' | 'approved'

export interface PlanApproval {
  by: 'leading-group' | 'government'
  documentNo: string
  date: string
}

/** One project as an approved version of the plan holds it: the figures it was approved with (DESIGN §11.1). */
export interface PlanLine {
  id: string
  unit: string
  name: string
  category: Category
  track: Track
  totalInvestmentFen: number
  fiscalFundsFen: number
  annualPlanFen: number
  approvedAmountFen: number | null
  marks: {keyArea: boolean; major: boolean}
  /** the plan's section (DESIGN §12); absent in versions approved before sections existed: a new construction line */
  kind?: ProjectKind
  nature?: Nature
  completedBeforeFen?: number | null
  reviewedBeforeRegister?: true
}

export interface PlanVersionTotals {
  count: number
  totalInvestmentFen: number
  fiscalFundsFen: number
  annualPlanFen: number
}

/** A version of the plan as the city government approved it: frozen, never changed afterwards. */
export interface PlanVersion {
  version: number
  approvals: PlanApproval[]
  approvedOn: string
  /** 调整理由 of an amendment; null for the first version */
  reason: string | null
  added: string[]
  removed: string[]
  lines: PlanLine[]
  totals: PlanVersionTotals
}

/** 年度计划调整 under way: the next version, until the government approves it. */
export interface PlanAmendment {
  status: 'draft' | 'adopted'
  reason: string
  openedOn: string
  added: string[]
  removed: string[]
  approvals: PlanApproval[]
  /** projects of the amendment left out at an approval (a held unit, Art. 17), with the reasons */
  excluded: Array<{id: string; reasons: string[]}>
}

/** A figure of an approved project that has changed since the approval (kept beside it, never folded in). */
export interface PlanChange {
  id: string
  field: string
  approved: string | number | null
  current: string | number | null
  date: string
  reason: string
  /** the approved version the change is measured against */
  version: number
}

export interface Plan {
  year: number
  status: PlanStatus
  included: string[]
  excluded: Array<{id: string; reasons: string[]}>
  approvals: PlanApproval[]
  builtOn: string
  /** projects the office left out on purpose (--exclude), remembered across rebuilds of the draft */
  officeExcluded: string[]
  /** approved versions, oldest first (absent in registers written before versions existed) */
  versions?: PlanVersion[]
  amendment?: PlanAmendment | null
  changes?: PlanChange[]
}

/** Input of a declaration: derived from the declaration field table. */
export type {DeclarationInput} from './declaration-fields.js'

/** One entry of the append-only audit journal (Art. 18–19); `hash` chains it to `prev`. */
export interface JournalEntry {
  seq: number
  at: string
  operator: string
  command: string
  projectId: string | null
  action: string
  change: unknown
  prev: string | null
  hash: string
}

/** What a mutation reports for the journal, before it is chained. */
export interface Change {
  projectId: string | null
  action: string
  change: unknown
}

export interface RegisterData {
  schemaVersion: number
  createdAt: string
  rules: Rules
  settings: Settings
  /** last project number used per plan year: ids stay unique even after a withdrawal */
  counters: Record<string, number>
  projects: Project[]
  plans: Plan[]
  units: UnitRecord[]
  /** 信息系统台账 (continuing, issue 17); absent in registers that never held one */
  systems?: InventorySystem[]
  /** office calendar overrides (holiday-cn format), see `calendar import` */
  calendarOverrides?: Array<{year: number; days: Array<{date: string; name: string; isOffDay: boolean}>}>
  audit: {head: string | null; seq: number; pending: JournalEntry[]}
  // ── screen (issue 20): duplicate-construction screening ──
  /** what `screen` found and what the planning group decided; absent until the first `screen` */
  screening?: Screening
}

// ── screen (issue 20): duplicate-construction screening (DESIGN §14) ──
/** A pair `screen --year` listed: `a` a project of the year, `b` another project or a system of the inventory. */
export interface ScreeningPair {
  year: number
  a: string
  b: string
  score: number
  shared: string[]
}

/** The planning group's decision that a pair is not a duplicate (`screen --clear A --with B --reason`). */
export interface ScreeningClearance {
  a: string
  b: string
  reason: string
  date: string
}

export interface Screening {
  /** the pairs of each year's latest screen, at the threshold it ran with */
  pairs: ScreeningPair[]
  /** the threshold of each year's latest screen */
  thresholds: Record<string, number>
  clearances: ScreeningClearance[]
}

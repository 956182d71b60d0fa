// The one builder of declarations, projects and registers for tests that work on the core in memory: real routing
// and flag rules (createProject), the default rules, and only what a test says differently.
import {defaultRules, defaultSettings} from '../../src/core/defaults.js'
import {createProject, type FlagContext} from '../../src/core/domain/project.js'
import {emptyRegister} from '../../src/core/domain/register-data.js'
import type {DeclarationInput, Project, RegisterData, Rules} from '../../src/core/domain/types.js'
import {storedRoutingReason} from '../../src/core/i18n/routing.js'

const WAN = 1_000_000

/** A complete, compliant declaration of 85 万元 (services) for 2027; `o` overrides any field. */
export function declaration(o: Partial<DeclarationInput> = {}): DeclarationInput {
  const total = o.totalInvestmentFen ?? 85 * WAN
  return {
    declarationNo: null,
    planYear: 2027,
    unit: '市公安局',
    coUnits: [],
    name: '智慧警务平台',
    nature: 'new',
    category: 'business',
    procurementCategory: 'services',
    totalInvestmentFen: total,
    fiscalFundsFen: total,
    annualPlanFen: null,
    fundingSources: ['fiscal'],
    supervisingDepartment: null,
    periodMonths: 12,
    contact: {name: '张三', phone: '13800000000'},
    summary: '',
    consultancy: null,
    compliance: {govCloud: true, dataSharing: true, cityBrain: true, egovNetwork: true, justification: ''},
    declaredOn: '2026-11-20',
    ...o,
  }
}

export interface ProjectOptions {
  rules?: Rules
  /** the flag context; by default declared on time, by a unit in good standing */
  ctx?: Partial<FlagContext>
  now?: string
}

/** A declared project built from `input` as `project add` or an import would build it. */
export function buildProject(id: string, input: DeclarationInput, o: ProjectOptions = {}): Project {
  const ctx: FlagContext = {deadline: `${input.planYear - 1}-12-31`, unitSuspended: false, weakPerformance: false, ...o.ctx}
  return createProject(id, input, o.rules ?? defaultRules(), storedRoutingReason, ctx, o.now ?? '2026-12-01T00:00:00.000Z', null)
}

/** An empty register of `year` with the default rules. */
export function buildRegister(year = 2027, now = '2026-12-01T00:00:00.000Z'): RegisterData {
  return emptyRegister(defaultRules(), defaultSettings(year), now)
}

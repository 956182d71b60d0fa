import {expect} from 'chai'
import {storedRoutingReason} from '../../src/core/i18n/routing.js'
import {buildDeclaration, parseYesNo} from '../../src/core/domain/declaration.js'
import {computeFlags, createProject, isNonCompliant} from '../../src/core/domain/project.js'
import {declarationDeadline} from '../../src/core/domain/config.js'
import {defaultRules, defaultSettings} from '../../src/core/defaults.js'
import {enumWords} from '../../src/cli/words.js'
import type {DeclarationContext, DeclarationResult, RawValue} from '../../src/core/domain/declaration.js'
import type {FieldProblem} from '../../src/core/domain/errors.js'
import type {DeclarationInput, Project, Track} from '../../src/core/domain/types.js'
import {regionOf} from '../../src/core/domain/region.js'

const WAN = 1_000_000

const ctx: DeclarationContext = {
  defaultYear: 2027,
  receivedOn: '2026-11-20',
  words: enumWords(),
  amountUnits: {},
  defaultAmountUnit: 'yuan',
  region: regionOf({}),
}

const valid = (): Record<string, RawValue> => ({
  unit: '市公安局',
  name: '智慧警务平台',
  nature: 'new',
  category: 'business',
  procurementCategory: 'services',
  totalInvestment: '85万',
  fiscalFunds: '85万',
})

function build(overrides: Record<string, RawValue> = {}, drop: string[] = [], context: DeclarationContext = ctx): DeclarationResult {
  const raw = {...valid(), ...overrides}
  for (const k of drop) delete raw[k]
  return buildDeclaration(raw, context)
}

function accepted(overrides: Record<string, RawValue> = {}, drop: string[] = []): DeclarationInput {
  const r = build(overrides, drop)
  expect(r.problems, JSON.stringify(r.problems)).to.deep.equal([])
  expect(r.input).to.not.equal(null)
  return r.input as DeclarationInput
}

function problemsOf(overrides: Record<string, RawValue> = {}, drop: string[] = []): FieldProblem[] {
  const r = build(overrides, drop)
  expect(r.input, 'a refused declaration has no input').to.equal(null)
  expect(r.problems.length).to.be.greaterThan(0)
  return r.problems
}

function only(problems: FieldProblem[], field: string): FieldProblem {
  const found = problems.filter((p) => p.field === field)
  expect(found, JSON.stringify(problems)).to.have.length(1)
  return found[0]
}

describe('declaration', () => {
  describe('a valid declaration', () => {
    it('becomes integer 分 and identifiers', () => {
      const input = accepted()
      expect(input.unit).to.equal('市公安局')
      expect(input.name).to.equal('智慧警务平台')
      expect(input.nature).to.equal('new')
      expect(input.category).to.equal('business')
      expect(input.procurementCategory).to.equal('services')
      expect(input.totalInvestmentFen).to.equal(85 * WAN)
      expect(input.fiscalFundsFen).to.equal(85 * WAN)
      expect(input.planYear).to.equal(2027)
      expect(input.declaredOn).to.equal('2026-11-20') // the received-on date when none is given
      expect(input.coUnits).to.deep.equal([])
    })

    it('defaults each Art. 4 answer to yes when not given (an answer not given is not a "no")', () => {
      expect(accepted().compliance).to.deep.equal({govCloud: true, dataSharing: true, cityBrain: true, egovNetwork: true, justification: ''})
    })

    it('defaults the procurement category to services, with a warning', () => {
      const r = build({}, ['procurementCategory'])
      expect(r.input?.procurementCategory).to.equal('services')
      expect(r.warnings.map((w) => w.field)).to.include('procurementCategory')
    })

    it('normalises the unit: full-width, Traditional, 郴州市 → 市', () => {
      expect(accepted({unit: ' 郴州市公安局 '}).unit).to.equal('市公安局')
      expect(accepted({unit: '郴州市數據資源局'}).unit).to.equal('市数据资源局')
    })

    it('splits co-units and drops the unit itself from them', () => {
      expect(accepted({coUnits: '市财政局、市公安局，市数据资源局'}).coUnits).to.deep.equal(['市财政局', '市数据资源局'])
    })

    it('splits list cells on the dictionary\'s separators, not on a list of its own', () => {
      const words = {...ctx.words, lists: {separators: ['|']}}
      const r = build({coUnits: '市财政局|市数据资源局、市民政局', fundingSources: '财政资金|自筹资金'}, [], {...ctx, words})
      expect(r.input?.coUnits).to.deep.equal(['市财政局', '市数据资源局、市民政局'])
      expect(r.input?.fundingSources).to.deep.equal(['fiscal', 'self-raised'])
    })
  })

  describe('closed lists accept the identifier and the Chinese word', () => {
    const cases: Array<[string, string, string]> = [
      ['nature', '新建', 'new'],
      ['nature', '扩建', 'expansion'],
      ['nature', '改造升级', 'upgrade'],
      ['nature', '改造', 'upgrade'],
      ['nature', '升级改造', 'upgrade'],
      ['nature', 'expansion', 'expansion'],
      ['nature', '续建', 'continuing'],
      ['nature', '续建项目', 'continuing'],
      ['kind', '建设类', 'construction'],
      ['category', '基础设施', 'infrastructure'],
      ['category', '数据系统', 'data'],
      ['category', '业务系统类', 'business'],
      ['category', '服务系统', 'service'],
      ['category', 'data', 'data'],
      ['procurementCategory', '货物', 'goods'],
      ['procurementCategory', '服务类', 'services'],
      ['procurementCategory', '工程', 'works'],
      ['procurementCategory', 'works', 'works'],
    ]
    for (const [field, text, id] of cases) {
      it(`${field} ${text} → ${id}`, () => {
        expect((accepted({[field]: text}) as unknown as Record<string, unknown>)[field]).to.equal(id)
      })
    }
  })

  describe('problems, each naming its field', () => {
    it('unknown enum values', () => {
      const p = problemsOf({nature: '重建', category: 'software', procurementCategory: '租赁'})
      expect(only(p, 'nature').code).to.equal('value.badEnum')
      expect(only(p, 'nature').params.allowed).to.deep.equal(['新建', '扩建', '改造升级', '续建'])
      expect(only(p, 'category').code).to.equal('value.badEnum')
      expect(only(p, 'procurementCategory').code).to.equal('value.badEnum')
      expect(only(p, 'procurementCategory').params.value).to.equal('租赁')
    })

    it('malformed amounts', () => {
      for (const bad of ['abc', '12,34', '1.2.3', '八十万']) {
        const p = problemsOf({totalInvestment: bad})
        expect(only(p, 'totalInvestment').code, bad).to.equal('amount.malformed')
        expect(only(p, 'totalInvestment').params.value).to.equal(bad)
      }
      expect(only(problemsOf({fiscalFunds: 'abc'}), 'fiscalFunds').code).to.equal('amount.malformed')
      expect(only(problemsOf({totalInvestment: '-5万'}), 'totalInvestment').code).to.equal('amount.negative')
      expect(only(problemsOf({totalInvestment: '5000亿'}), 'totalInvestment').code).to.equal('amount.tooLarge')
    })

    it('bad dates', () => {
      for (const bad of ['2027-02-30', '2027-13-01', 'yesterday', '27/3/1']) {
        const p = problemsOf({declaredOn: bad})
        expect(only(p, 'declaredOn').code, bad).to.equal('value.badDate')
      }
      expect(accepted({declaredOn: '2027年3月1日'}).declaredOn).to.equal('2027-03-01')
      expect(accepted({declaredOn: '2027/3/1'}).declaredOn).to.equal('2027-03-01')
      expect(accepted({declaredOn: '2027.3.1'}).declaredOn).to.equal('2027-03-01')
    })

    it('fiscal funds above the total', () => {
      const p = problemsOf({totalInvestment: '80万', fiscalFunds: '80.01万'})
      expect(only(p, 'fiscalFunds').code).to.equal('amount.fiscalAboveTotal')
      // equal is fine
      expect(accepted({totalInvestment: '80万', fiscalFunds: '800000'}).fiscalFundsFen).to.equal(80 * WAN)
    })

    it('zero city fiscal funds is out of scope (Art. 2)', () => {
      for (const zero of ['0', '0万', '0.00元']) {
        const p = only(problemsOf({fiscalFunds: zero}), 'fiscalFunds')
        expect(p.code, zero).to.equal('amount.fiscalZero')
        expect(p.article).to.equal(2)
      }
    })

    it('a classified project is out of scope (Art. 2)', () => {
      for (const yes of ['是', true, 'Y', '√']) {
        const p = only(problemsOf({classified: yes}), 'classified')
        expect(p.code).to.equal('value.classified')
        expect(p.article).to.equal(2)
      }
      expect(build({classified: '否'}).problems).to.deep.equal([])
      expect(build({classified: false}).problems).to.deep.equal([])
    })

    it('missing required fields, each named', () => {
      const required = ['unit', 'name', 'nature', 'category', 'totalInvestment', 'fiscalFunds']
      for (const field of required) {
        const p = only(problemsOf({}, [field]), field)
        expect(p.code, field).to.equal('value.required')
        // blank text counts as missing
        expect(only(problemsOf({[field]: '   '}), field).code, field).to.equal('value.required')
      }
      const all = problemsOf({}, required)
      expect(all.map((p) => p.field).sort()).to.deep.equal([...required].sort())
    })

    it('a bad yes/no answer', () => {
      expect(only(problemsOf({govCloud: '也许'}), 'govCloud').code).to.equal('value.badYesNo')
    })

    it('reports every problem at once, not just the first', () => {
      const p = problemsOf({nature: '重建', totalInvestment: 'abc', declaredOn: '2027-02-30'}, ['unit'])
      expect(p.map((x) => x.field).sort()).to.deep.equal(['declaredOn', 'nature', 'totalInvestment', 'unit'])
    })
  })

  describe('续建 and 运维 (DESIGN §12)', () => {
    it('a declaration is 建设类 unless it says 运维类, and holds no system nor earlier investment unless given', () => {
      const input = accepted()
      expect([input.kind, input.systemId, input.completedBeforeFen]).to.deep.equal(['construction', null, null])
    })

    it('a 续建 keeps what it had completed by the end of last year, in 分', () => {
      const input = accepted({nature: '续建', totalInvestment: '300万', fiscalFunds: '300万', completedBefore: '200万', annualPlan: '100万'})
      expect([input.nature, input.completedBeforeFen, input.annualPlanFen]).to.deep.equal(['continuing', 200 * WAN, 100 * WAN])
    })

    it('completed before + this year may reach the total exactly, not pass it by one 分', () => {
      accepted({totalInvestment: '300万', fiscalFunds: '300万', completedBefore: '2000000', annualPlan: '1000000'})
      const p = only(problemsOf({totalInvestment: '300万', fiscalFunds: '300万', completedBefore: '2000000.01', annualPlan: '1000000'}), 'completedBefore')
      expect(p).to.deep.include({code: 'amount.completedPlusAnnualAboveTotal'})
      expect(p.params).to.deep.equal({completed: 200_000_001, annual: 100 * WAN, totalAmount: 300 * WAN})
    })

    it('a blank year figure counts as the fiscal funds, and the refusal says so', () => {
      const p = only(problemsOf({totalInvestment: '300万', fiscalFunds: '300万', completedBefore: '200万'}), 'completedBefore')
      expect(p.code).to.equal('amount.completedPlusFiscalAboveTotal')
      expect(p.params).to.deep.include({annual: 300 * WAN})
      accepted({totalInvestment: '300万', fiscalFunds: '100万', completedBefore: '200万'})
    })

    it('an O&M declaration names its system (Art. 12); a construction one need not', () => {
      const p = only(problemsOf({kind: '运维类'}), 'systemId')
      expect(p).to.deep.include({code: 'value.systemRequired', article: 12})
      const input = accepted({kind: '运维类', systemId: ' SYS-0001 '})
      expect([input.kind, input.systemId]).to.deep.equal(['operations', 'SYS-0001'])
      for (const word of ['运维', '运行维护', '运维项目', 'operations']) expect(accepted({kind: word, systemId: 'SYS-0001'}).kind, word).to.equal('operations')
    })

    it('an unknown kind is refused with the allowed words', () => {
      const p = only(problemsOf({kind: '采购类'}), 'kind')
      expect(p.code).to.equal('value.badEnum')
      expect(p.params).to.deep.include({value: '采购类', allowed: ['建设类', '运维类']})
    })
  })

  describe('yes/no forms', () => {
    const yes: RawValue[] = ['是', 'Y', 'y', 'yes', 'YES', 'true', '1', '√', true, 1, '１']
    const no: RawValue[] = ['否', 'N', 'n', 'no', 'No', 'false', '0', '×', false, 0, '０']
    for (const v of yes) it(`${JSON.stringify(v)} is yes`, () => expect(parseYesNo(v, enumWords().yesNo)).to.equal(true))
    for (const v of no) it(`${JSON.stringify(v)} is no`, () => expect(parseYesNo(v, enumWords().yesNo)).to.equal(false))
    it('anything else is neither', () => {
      for (const v of ['也许', '2', 2, 'maybe']) expect(parseYesNo(v, enumWords().yesNo), String(v)).to.equal(null)
    })

    it('are read into the compliance answers', () => {
      const c = accepted({govCloud: '否', dataSharing: 'N', cityBrain: '×', egovNetwork: false, justification: '涉及专网'}).compliance
      expect(c).to.deep.equal({govCloud: false, dataSharing: false, cityBrain: false, egovNetwork: false, justification: '涉及专网'})
      expect(accepted({govCloud: '是', dataSharing: 'yes', cityBrain: '√', egovNetwork: 1}).compliance.govCloud).to.equal(true)
    })
  })

  describe('flags (computeFlags)', () => {
    const settings = defaultSettings(2027)
    const deadline = declarationDeadline(2027, settings)
    const flagCtx = {deadline, unitSuspended: false, weakPerformance: false}
    const base = {declaredOn: '2026-11-20', compliance: {govCloud: true, dataSharing: true, cityBrain: true, egovNetwork: true, justification: ''}, coUnits: [] as string[], track: 'review' as Track}

    it('the deadline for plan year N is 31 December of N − 1 unless the office set one for its plan year', () => {
      expect(deadline).to.equal('2026-12-31')
      expect(declarationDeadline(2028, settings)).to.equal('2027-12-31')
      const office = {...settings, declarationDeadline: '2026-11-30'}
      expect(declarationDeadline(2027, office)).to.equal('2026-11-30')
      expect(declarationDeadline(2028, office)).to.equal('2027-12-31') // only the register's plan year
    })

    it('late only after the deadline', () => {
      expect(computeFlags({...base, declaredOn: '2026-12-30'}, flagCtx)).to.deep.equal([])
      expect(computeFlags({...base, declaredOn: '2026-12-31'}, flagCtx)).to.deep.equal([])
      expect(computeFlags({...base, declaredOn: '2027-01-01'}, flagCtx)).to.deep.equal(['late'])
      expect(computeFlags({...base, declaredOn: '2027-06-15'}, flagCtx)).to.deep.equal(['late'])
    })

    it('non-compliant only when a "no" has no justification', () => {
      const no = {...base.compliance, dataSharing: false}
      expect(computeFlags({...base, compliance: no}, flagCtx)).to.deep.equal(['non-compliant'])
      expect(computeFlags({...base, compliance: {...no, justification: '   '}}, flagCtx)).to.deep.equal(['non-compliant'])
      expect(computeFlags({...base, compliance: {...no, justification: '公安专网，按保密要求不接入'}}, flagCtx)).to.deep.equal([])
      expect(computeFlags(base, flagCtx)).to.deep.equal([])
      for (const key of ['govCloud', 'dataSharing', 'cityBrain', 'egovNetwork'] as const) {
        expect(isNonCompliant({compliance: {...base.compliance, [key]: false}}), key).to.equal(true)
      }
    })

    it('major-multi-unit only with co-units on the approval track', () => {
      expect(computeFlags({...base, coUnits: ['市财政局'], track: 'approval'}, flagCtx)).to.deep.equal(['major-multi-unit'])
      expect(computeFlags({...base, coUnits: ['市财政局'], track: 'review'}, flagCtx)).to.deep.equal([])
      expect(computeFlags({...base, coUnits: ['市财政局'], track: 'self'}, flagCtx)).to.deep.equal([])
      expect(computeFlags({...base, coUnits: [], track: 'approval'}, flagCtx)).to.deep.equal([])
    })

    it('several flags together, in a fixed order', () => {
      const flags = computeFlags(
        {declaredOn: '2027-01-02', compliance: {...base.compliance, cityBrain: false}, coUnits: ['市财政局'], track: 'approval'},
        {deadline, unitSuspended: true, weakPerformance: true},
      )
      expect(flags).to.deep.equal(['late', 'non-compliant', 'major-multi-unit', 'unit-suspended', 'weak-performance'])
    })

    it('a declaration becomes a routed project with its flags (createProject)', () => {
      const rules = defaultRules()
      const input = accepted({totalInvestment: '150万', fiscalFunds: '100万', coUnits: '市财政局', declaredOn: '2027-01-05', egovNetwork: '否'})
      const p: Project = createProject('2027-0001', input, rules, storedRoutingReason, flagCtx, '2026-11-20T00:00:00.000Z', null)
      expect(p.track).to.equal('approval')
      expect(p.routing.track).to.equal('approval')
      expect(p.status).to.equal('declared')
      expect(p.flags).to.deep.equal(['late', 'non-compliant', 'major-multi-unit'])
    })
  })
})

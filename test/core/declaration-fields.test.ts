import {expect} from 'chai'
import {Flags} from '@oclif/core'
import {DECLARATION_FIELDS, DECLARED_FIELDS, declaredFacts, isEditableInReview, valueOf} from '../../src/core/domain/declaration-fields.js'
import {buildDeclaration, type DeclarationContext} from '../../src/core/domain/declaration.js'
import {declarationFlags, rawFromFlags} from '../../src/cli/project-flags.js'
import {yearFlag} from '../../src/cli/flags.js'
import {loadDictionary} from '../../src/core/excel/dictionary.js'
import type {DeclarationInput} from '../../src/core/domain/types.js'
import {regionOf} from '../../src/core/domain/region.js'

/** The flags as project-flags.ts wrote them by hand before the field table. */
const HAND_WRITTEN = {
  unit: Flags.string({description: '项目建设单位'}),
  name: Flags.string({description: '项目名称'}),
  nature: Flags.string({description: '建设性质：new|expansion|upgrade|continuing 或 新建|扩建|改造升级|续建'}),
  category: Flags.string({description: '项目类型：infrastructure|data|business|service 或 基础设施|数据系统|业务系统|服务系统'}),
  kind: Flags.string({description: '项目类别：construction|operations 或 建设类|运维类（默认建设类）'}),
  system: Flags.string({description: '运维对象系统：信息系统台账中的系统编号（运维类必填）'}),
  'procurement-category': Flags.string({description: '采购类别：goods|services|works 或 货物|服务|工程（默认服务）'}),
  total: Flags.string({description: '总投资，如 85万、850000（元）、1.2亿'}),
  fiscal: Flags.string({description: '其中本级财政资金（市本级、县本级或区本级，按登记簿的地区）'}),
  'annual-plan': Flags.string({description: '年度计划投资（默认等于财政资金）'}),
  'completed-before': Flags.string({description: '截至上年底累计完成投资（续建项目）'}),
  year: yearFlag({description: '计划年度（默认登记簿的计划年度）'}),
  'period-months': Flags.string({description: '建设周期（月）'}),
  'co-unit': Flags.string({description: '共建单位（可重复）', multiple: true}),
  summary: Flags.string({description: '主要建设内容'}),
  'contact-name': Flags.string({description: '联系人'}),
  'contact-phone': Flags.string({description: '联系电话'}),
  'declared-on': Flags.string({description: '申报日期（默认今天）'}),
  'declaration-no': Flags.string({description: '申报编号'}),
  'funding-source': Flags.string({description: '资金来源：财政资金|自筹资金|上级补助|其他（可重复）', multiple: true}),
  'supervising-department': Flags.string({description: '主管部门'}),
  consultancy: Flags.string({description: '咨询机构（第十条）'}),
  'gov-cloud': Flags.boolean({description: '使用市政务云（第四条）', allowNo: true}),
  'data-sharing': Flags.boolean({description: '数据汇聚共享平台（第四条）', allowNo: true}),
  'city-brain': Flags.boolean({description: '接入城市大脑（第四条）', allowNo: true}),
  'egov-network': Flags.boolean({description: '接入电子政务网（第四条）', allowNo: true}),
  justification: Flags.string({description: '未满足统筹要求的情况说明'}),
  classified: Flags.boolean({description: '涉密项目（不予登记，第二条）', hidden: true}),
}

/** What a flag shows and does, without its functions. */
const shape = (flag: object) => JSON.stringify({...flag, parse: 'parse' in flag ? String(flag.parse) : undefined})

const ctx: DeclarationContext = {defaultYear: 2027, receivedOn: '2026-12-15', words: {}, amountUnits: {}, defaultAmountUnit: 'yuan', region: regionOf({})}

describe('the declaration field table', () => {
  it('every field has a flag and a column of the template dictionary, and the dictionary has no other field', () => {
    const dictionary = loadDictionary()
    expect(dictionary.fields.map((f) => f.key).sort()).to.deep.equal(DECLARATION_FIELDS.map((f) => f.key).sort())
    const flagNames = DECLARATION_FIELDS.map((f) => f.flag.name)
    expect(new Set(flagNames).size).to.equal(flagNames.length)
    expect(Object.keys(declarationFlags).sort()).to.deep.equal([...flagNames].sort())
    for (const f of DECLARATION_FIELDS) expect(dictionary.byKey.get(f.key)).to.deep.include({kind: f.kind, required: f.required})
  })

  it('the derived flags are the hand-written ones: same names, order, descriptions and options', () => {
    expect(Object.keys(declarationFlags)).to.deep.equal(Object.keys(HAND_WRITTEN))
    for (const [name, flag] of Object.entries(HAND_WRITTEN)) {
      expect(shape((declarationFlags as Record<string, object>)[name]), name).to.equal(shape(flag))
    }
  })

  it('the declared facts are those an import or an update compares, in the order they are named', () => {
    expect(DECLARED_FIELDS).to.deep.equal([
      'declarationNo', 'unit', 'coUnits', 'name', 'kind', 'nature', 'category', 'systemId', 'procurementCategory', 'totalInvestmentFen',
      'fiscalFundsFen', 'completedBeforeFen', 'annualPlanFen', 'fundingSources', 'supervisingDepartment', 'periodMonths', 'contact', 'summary',
      'consultancy', 'compliance', 'declaredOn',
    ])
  })

  it('once in review only the amounts (Art. 15), the contact and the summary may change', () => {
    expect(DECLARED_FIELDS.filter(isEditableInReview)).to.deep.equal(['totalInvestmentFen', 'fiscalFundsFen', 'annualPlanFen', 'contact', 'summary'])
  })

  it('flag values arrive under the field keys, repeated flags as one list, and only the flags given', () => {
    expect(rawFromFlags({total: '85万', 'co-unit': ['市公安局', '市民政局'], 'gov-cloud': false, year: 2028, 'funding-source': ['自筹']})).to.deep.equal({
      planYear: 2028,
      coUnits: '市公安局、市民政局',
      totalInvestment: '85万',
      fundingSources: '自筹',
      govCloud: false,
    })
    expect(rawFromFlags({})).to.deep.equal({})
  })

  it('a left-out fact takes its default in a new project; every field reads back from the declaration it filled', () => {
    const built = buildDeclaration({unit: '市测试局', name: '测试平台', nature: 'new', category: 'data', totalInvestment: '85万', fiscalFunds: '80万', contactName: '张三', govCloud: false, justification: '已有机房'}, ctx)
    const input = built.input!
    expect(valueOf(input, 'totalInvestment')).to.equal(85_000_000)
    expect(valueOf(input, 'contactName')).to.equal('张三')
    expect(valueOf(input, 'govCloud')).to.equal(false)
    expect(valueOf(input, 'classified')).to.equal(undefined)
    const {fundingSources: _f, annualPlanFen: _a, ...rest} = input
    const facts = declaredFacts(rest as DeclarationInput)
    expect(facts.fundingSources).to.deep.equal(['fiscal'])
    expect(facts.annualPlanFen).to.equal(null)
  })
})

describe('buildDeclaration with a base (project update)', () => {
  const base = buildDeclaration({unit: '市测试局', name: '测试平台', nature: 'new', category: 'data', totalInvestment: '1234567.89元', fiscalFunds: '1000000.01元', annualPlan: '0.01元', coUnits: '市民政局、市公安局', fundingSources: '财政资金、自筹', declaredOn: '2026-12-01', contactPhone: '0735-1234567'}, {...ctx, words: {fundingSources: {fiscal: ['财政资金'], 'self-raised': ['自筹']}}}).input!

  it('keeps every fact not given exactly as it was, amounts to the 分', () => {
    const r = buildDeclaration({summary: '新的建设内容'}, ctx, base)
    expect(r.problems).to.deep.equal([])
    expect(r.input).to.deep.equal({...base, summary: '新的建设内容'})
  })

  it('parses only what is given, and checks the rules across fields on the merged declaration', () => {
    const lower = buildDeclaration({totalInvestment: '90万'}, ctx, base)
    expect(lower.input).to.equal(null)
    expect(lower.problems.map((p) => p.code)).to.deep.equal(['amount.fiscalAboveTotal'])
    const moved = buildDeclaration({unit: '市公安局'}, ctx, base)
    expect(moved.input!.coUnits).to.deep.equal(['市民政局'])
  })
})

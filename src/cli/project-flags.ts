// The declaration flags shared by `project add` and `project update`, mirroring the JSON fields in kebab-case.
import {Flags} from '@oclif/core'
import type {RawValue} from '../core/domain/declaration.js'
import {yearFlag} from './flags.js'

export const declarationFlags = {
  unit: Flags.string({description: '项目建设单位'}),
  name: Flags.string({description: '项目名称'}),
  nature: Flags.string({description: '建设性质：new|expansion|upgrade 或 新建|扩建|改造升级'}),
  category: Flags.string({description: '项目类型：infrastructure|data|business|service 或 基础设施|数据系统|业务系统|服务系统'}),
  'procurement-category': Flags.string({description: '采购类别：goods|services|works 或 货物|服务|工程（默认服务）'}),
  total: Flags.string({description: '总投资，如 85万、850000（元）、1.2亿'}),
  fiscal: Flags.string({description: '其中市本级财政资金'}),
  'annual-plan': Flags.string({description: '年度计划投资（默认等于财政资金）'}),
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

type DeclarationFlagValues = {[K in keyof typeof declarationFlags]?: unknown}

/** Flag values under the declaration's field names; only flags actually given appear. */
export function rawFromFlags(flags: DeclarationFlagValues): Record<string, RawValue> {
  const map: Record<string, keyof typeof declarationFlags> = {
    unit: 'unit',
    name: 'name',
    nature: 'nature',
    category: 'category',
    procurementCategory: 'procurement-category',
    totalInvestment: 'total',
    fiscalFunds: 'fiscal',
    annualPlan: 'annual-plan',
    planYear: 'year',
    periodMonths: 'period-months',
    summary: 'summary',
    contactName: 'contact-name',
    contactPhone: 'contact-phone',
    declaredOn: 'declared-on',
    declarationNo: 'declaration-no',
    supervisingDepartment: 'supervising-department',
    consultancy: 'consultancy',
    govCloud: 'gov-cloud',
    dataSharing: 'data-sharing',
    cityBrain: 'city-brain',
    egovNetwork: 'egov-network',
    justification: 'justification',
    classified: 'classified',
  }
  const raw: Record<string, RawValue> = {}
  for (const [field, flag] of Object.entries(map)) {
    const value = flags[flag]
    if (value !== undefined) raw[field] = value as RawValue
  }
  const coUnits = flags['co-unit'] as string[] | undefined
  if (coUnits !== undefined) raw.coUnits = coUnits.join('、')
  const sources = flags['funding-source'] as string[] | undefined
  if (sources !== undefined) raw.fundingSources = sources.join('、')
  return raw
}

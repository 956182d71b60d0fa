// The declaration flags shared by `project add` and `project update`, built from the declaration field table:
// one flag per field, mirroring the JSON fields in kebab-case.
import {Flags} from '@oclif/core'
import type {BooleanFlag, OptionFlag} from '@oclif/core/interfaces'
import type {RawValue} from '../core/domain/declaration.js'
import {declarationField, type DeclarationFieldKey, type DECLARATION_FIELDS} from '../core/domain/declaration-fields.js'
import {yearFlag} from './flags.js'

/** What the help says of each field, in the order it lists them (DESIGN §7). */
const HELP: Record<DeclarationFieldKey, string> = {
  unit: '项目建设单位',
  name: '项目名称',
  nature: '建设性质：new|expansion|upgrade|continuing 或 新建|扩建|改造升级|续建',
  category: '项目类型：infrastructure|data|business|service 或 基础设施|数据系统|业务系统|服务系统',
  kind: '项目类别：construction|operations 或 建设类|运维类（默认建设类）',
  systemId: '运维对象系统：信息系统台账中的系统编号（运维类必填）',
  procurementCategory: '采购类别：goods|services|works 或 货物|服务|工程（默认服务）',
  totalInvestment: '总投资，如 85万、850000（元）、1.2亿',
  fiscalFunds: '其中本级财政资金（市本级、县本级或区本级，按登记簿的地区）',
  annualPlan: '年度计划投资（默认等于财政资金）',
  completedBefore: '截至上年底累计完成投资（续建项目）',
  planYear: '计划年度（默认登记簿的计划年度）',
  periodMonths: '建设周期（月）',
  coUnits: '共建单位（可重复）',
  summary: '主要建设内容',
  contactName: '联系人',
  contactPhone: '联系电话',
  declaredOn: '申报日期（默认今天）',
  declarationNo: '申报编号',
  fundingSources: '资金来源：财政资金|自筹资金|上级补助|其他（可重复）',
  supervisingDepartment: '主管部门',
  consultancy: '咨询机构（第十条）',
  govCloud: '使用市政务云（第四条）',
  dataSharing: '数据汇聚共享平台（第四条）',
  cityBrain: '接入城市大脑（第四条）',
  egovNetwork: '接入电子政务网（第四条）',
  justification: '未满足统筹要求的情况说明',
  classified: '涉密项目（不予登记，第二条）',
}

type Entry = (typeof DECLARATION_FIELDS)[number]
type FlagOf<F extends Entry> = F['flag'] extends {year: true}
  ? OptionFlag<number | undefined>
  : F['kind'] extends 'yesno'
    ? BooleanFlag<boolean>
    : F['kind'] extends 'list'
      ? OptionFlag<string[] | undefined>
      : OptionFlag<string | undefined>
type DeclarationFlags = {[F in Entry as F['flag']['name']]: FlagOf<F>}

function flagOf(key: DeclarationFieldKey) {
  const field = declarationField(key)!
  const {flag} = field
  const description = HELP[key]
  if (flag.year) return yearFlag({description})
  if (field.kind === 'yesno') return Flags.boolean({description, ...(flag.allowNo ? {allowNo: true} : {}), ...(flag.hidden ? {hidden: true} : {})})
  if (field.kind === 'list') return Flags.string({description, multiple: true})
  return Flags.string({description})
}

export const declarationFlags = Object.fromEntries(
  (Object.keys(HELP) as DeclarationFieldKey[]).map((key) => [declarationField(key)!.flag.name, flagOf(key)]),
) as DeclarationFlags

type DeclarationFlagValues = {[K in keyof DeclarationFlags]?: unknown}

/** Flag values under the declaration's field names; only flags actually given appear. A repeated flag is one list. */
export function rawFromFlags(flags: DeclarationFlagValues): Record<string, RawValue> {
  const raw: Record<string, RawValue> = {}
  for (const key of Object.keys(HELP) as DeclarationFieldKey[]) {
    const value = (flags as Record<string, unknown>)[declarationField(key)!.flag.name]
    if (value === undefined) continue
    raw[key] = Array.isArray(value) ? value.join('、') : (value as RawValue)
  }
  return raw
}

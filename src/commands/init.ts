import {Flags} from '@oclif/core'
import path from 'node:path'
import {ItplanCommand} from '../cli/base-command.js'
import {confirmDestructive} from '../cli/confirm.js'
import {codeText, setRegion, t} from '../core/i18n/index.js'
import {emptyRegister} from '../core/domain/register-data.js'
import {defaultRules, defaultSettings} from '../core/defaults.js'
import {createRegister, registerExists} from '../core/register/store.js'
import {formatWan} from '../core/domain/money.js'
import {UsageError} from '../core/domain/errors.js'
import {DEFAULT_REGION, parseRegionName, regionNamed} from '../core/domain/region.js'

export interface InitResult {
  register: string
  planYear: number
  /** the jurisdiction the register serves (DESIGN §18) */
  region: string
  /** 市本级 / 县本级 / 区本级 */
  level: string
  rulesVersion: string
  /** where an old journal found beside a new register was moved */
  journalKeptAside: string | null
}

export default class Init extends ItplanCommand<typeof Init> {
  static override flags = {
    year: Flags.integer({description: '计划年度（默认明年）'}),
    force: Flags.boolean({description: '覆盖已有登记簿（先备份）'}),
    confirm: Flags.string({description: '非交互终端下确认 --force：登记簿的文件名'}),
    region: Flags.string({description: '登记簿所属的县、县级市或区，如 桂阳县、北湖区、资兴市（不写则为市本级的登记簿）'}),
  }

  async run(): Promise<InitResult> {
    const file = this.registerPath
    const year = this.flags.year ?? new Date().getFullYear() + 1
    if (year < 2000 || year > 2100) throw new UsageError('usage.badFlag', {flag: 'year', value: year, reason: t('value.badYear', {field: t('field.year'), value: year})})
    const region = this.regionFlag()
    if (this.flags.force && (await registerExists(file))) await confirmDestructive(path.basename(file), this.flags.confirm, t('prompt.confirmInitForce', {path: file}))
    const settings = {...defaultSettings(year), ...(this.flags.region === undefined ? {} : {region: region.name})}
    const data = emptyRegister(defaultRules(region), settings, new Date().toISOString())
    setRegion(region)
    const created = await createRegister(file, data, {force: this.flags.force, lockTimeoutMs: this.flags['lock-timeout'] * 1000, operator: this.operator, command: 'itplan init'})
    this.say(t('init.done', {path: file, year, version: data.rules.version}))
    if (region.name !== DEFAULT_REGION) this.say(t('init.region', {region: region.name, level: region.level, measuresName: region.measuresName}))
    if (created.journalKeptAside) this.warnText(t('init.journalKeptAside', {path: created.journalKeptAside}))
    if (!data.rules.approvalStandardConfirmed) this.warnText(t('init.assumption', {standard: formatWan(data.rules.approvalStandardFen)}))
    return {register: file, planYear: year, region: region.name, level: region.level, rulesVersion: data.rules.version, journalKeptAside: created.journalKeptAside}
  }

  /** --region, checked before anything is written: a name that is not a county's, a district's or a city's is refused (exit 2). */
  private regionFlag() {
    if (this.flags.region === undefined) return regionNamed(DEFAULT_REGION)
    const parsed = parseRegionName(this.flags.region)
    if (!parsed.ok) throw new UsageError('usage.badFlag', {flag: 'region', value: this.flags.region, reason: codeText(parsed.code, parsed.params)})
    return regionNamed(parsed.name)
  }
}

import {Flags} from '@oclif/core'
import path from 'node:path'
import {ItplanCommand} from '../cli/base-command.js'
import {confirmDestructive} from '../cli/confirm.js'
import {t} from '../core/i18n/index.js'
import {emptyRegister} from '../core/domain/register-data.js'
import {defaultRules, defaultSettings} from '../core/defaults.js'
import {createRegister, registerExists} from '../core/register/store.js'
import {formatWan} from '../core/domain/money.js'
import {UsageError} from '../core/domain/errors.js'

export interface InitResult {
  register: string
  planYear: number
  rulesVersion: string
  /** where an old journal found beside a new register was moved */
  journalKeptAside: string | null
}

export default class Init extends ItplanCommand<typeof Init> {
  static override flags = {
    year: Flags.integer({description: '计划年度（默认明年）'}),
    force: Flags.boolean({description: '覆盖已有登记簿（先备份）'}),
    confirm: Flags.string({description: '非交互终端下确认 --force：登记簿的文件名'}),
  }

  async run(): Promise<InitResult> {
    const file = this.registerPath
    const year = this.flags.year ?? new Date().getFullYear() + 1
    if (year < 2000 || year > 2100) throw new UsageError('usage.badFlag', {flag: 'year', value: year, reason: t('value.badYear', {field: t('field.year'), value: year})})
    if (this.flags.force && (await registerExists(file))) await confirmDestructive(path.basename(file), this.flags.confirm, t('prompt.confirmInitForce', {path: file}))
    const data = emptyRegister(defaultRules(), defaultSettings(year), new Date().toISOString())
    const created = await createRegister(file, data, {force: this.flags.force, lockTimeoutMs: this.flags['lock-timeout'] * 1000, operator: this.operator, command: 'itplan init'})
    this.say(t('init.done', {path: file, year, version: data.rules.version}))
    if (created.journalKeptAside) this.warnText(t('init.journalKeptAside', {path: created.journalKeptAside}))
    if (!data.rules.approvalStandardConfirmed) this.warnText(t('init.assumption', {standard: formatWan(data.rules.approvalStandardFen)}))
    return {register: file, planYear: year, rulesVersion: data.rules.version, journalKeptAside: created.journalKeptAside}
  }
}

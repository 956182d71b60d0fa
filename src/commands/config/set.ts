import {Args} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {setRegion, t} from '../../core/i18n/index.js'
import {applyConfigSet} from '../../core/domain/config.js'
import {todayLocal} from '../../core/domain/dates.js'
import {officeFacts} from '../../core/defaults.js'
import {fillTemplate} from '../../core/i18n/fill.js'
import {formatWan} from '../../core/domain/money.js'
import {applyRegionSet, isRegionKey} from '../../core/domain/region-config.js'
import {regionOf, regionWordsOf} from '../../core/domain/region.js'

export interface ConfigSetResult {
  key: string
  from: unknown
  to: unknown
  rulesVersion: string
}

export default class ConfigSet extends ItplanCommand<typeof ConfigSet> {
  static override args = {
    key: Args.string({required: true, description: '设置项'}),
    value: Args.string({required: true, description: '新值'}),
  }

  async run(): Promise<ConfigSetResult> {
    const {key, value} = this.args
    const {result} = await this.mutate(({data}) => {
      const office = officeFacts()
      const confirmed = (amountFen: number, date: string) => fillTemplate(office.confirmedCitations.approvalStandardFen, {...regionWordsOf(data.settings), amount: formatWan(amountFen), date})
      const change = isRegionKey(key) ? applyRegionSet(data, key, value) : applyConfigSet(data.rules, data.settings, key, value, todayLocal(), office.procurementLimitFloorFen, confirmed)
      data.rules = change.rules
      data.settings = change.settings
      // what this command says next names the new region
      setRegion(regionOf(data.settings))
      return {result: change, changes: [{projectId: null, action: 'config-set', change: {key, from: change.from, to: change.to, rulesVersion: change.rules.version}}]}
    })
    const show = (v: unknown) => (typeof v === 'number' && key !== 'plan-year' && !key.startsWith('time-limit') ? `${formatWan(v)} 万元` : String(v ?? t('common.none')))
    this.say(t('config.set', {key, from: show(result.from), to: show(result.to)}))
    if (result.rulesChanged) this.warnText(t('config.rerouteHint'))
    if (key === 'region' && result.from !== result.to) {
      const region = regionOf(result.settings)
      this.say(t('init.region', {region: region.name, level: region.level, measuresName: region.measuresName}))
    }
    return {key, from: result.from, to: result.to, rulesVersion: result.rules.version}
  }
}

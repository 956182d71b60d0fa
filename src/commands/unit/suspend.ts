import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {unitArgument, requiredText} from '../../cli/flags.js'
import {regionOf} from '../../core/domain/region.js'
import {t} from '../../core/i18n/index.js'
import {suspendUnit} from '../../core/operations/lifecycle.js'
import {todayLocal} from '../../core/domain/dates.js'
import type {UnitRecord} from '../../core/domain/types.js'

export type UnitSuspendResult = UnitRecord

export default class UnitSuspend extends ItplanCommand<typeof UnitSuspend> {
  static override args = {name: Args.string({required: true, description: '单位名称'})}
  static override flags = {reason: Flags.string({description: '原因', required: true})}

  async run(): Promise<UnitSuspendResult> {
    const reason = requiredText('reason', this.flags.reason)
    let unit = ''
    const {result} = await this.mutate(({data}) => {
      unit = unitArgument(this.args.name, regionOf(data.settings))
      const changes = suspendUnit(data, unit, {reason, projectId: null, date: todayLocal(), now: new Date().toISOString()})
      return {result: data.units.find((u) => u.name === unit)!, changes}
    })
    this.say(t('unit.suspendedNow', {unit}))
    return result
  }
}

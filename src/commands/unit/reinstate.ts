import {Args} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {unitArgument} from '../../cli/flags.js'
import {regionOf} from '../../core/domain/region.js'
import {t} from '../../core/i18n/index.js'
import {reinstateUnit} from '../../core/operations/lifecycle.js'
import {todayLocal} from '../../core/domain/dates.js'
import type {UnitRecord} from '../../core/domain/types.js'

export type UnitReinstateResult = UnitRecord

export default class UnitReinstate extends ItplanCommand<typeof UnitReinstate> {
  static override args = {name: Args.string({required: true, description: '单位名称'})}

  async run(): Promise<UnitReinstateResult> {
    let unit = ''
    const {result} = await this.mutate((ctx) => reinstateUnit(ctx, (unit = unitArgument(this.args.name, regionOf(ctx.data.settings))), {date: todayLocal(), now: new Date().toISOString()}))
    this.say(t('unit.reinstated', {unit}))
    return result
  }
}

import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {reportIncident} from '../../core/operations/lifecycle.js'
import {incidentEcho} from '../../cli/render-lifecycle.js'

export default class ConstructionReport extends LifecycleCommand<typeof ConstructionReport> {
  static override summary = '报告建设中的严重逾期、重大投资损失等问题（第十五条）'
  static override examples = ['<%= config.bin %> construction report 2027-0001 --kind delay --description 主体工程逾期三个月']
  static override flags = {
    ...LifecycleCommand.dateFlag,
    kind: Flags.string({description: 'delay：严重逾期；loss：重大投资损失；other：其他', options: ['delay', 'loss', 'other'], required: true}),
    description: Flags.string({description: '情况说明', required: true}),
  }

  async run(): Promise<LifecycleResult> {
    const kind = this.flags.kind as 'delay' | 'loss' | 'other'
    return this.step((ctx, date, now) => reportIncident(ctx, this.args.id, {kind, description: this.flags.description, date, now}), incidentEcho)
  }
}

import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {preliminaryAcceptance} from '../../core/operations/lifecycle.js'

export default class AcceptancePreliminary extends LifecycleCommand<typeof AcceptancePreliminary> {
  static override summary = '初步验收（由项目建设单位自行组织，第十六条）'
  static override examples = ['<%= config.bin %> acceptance preliminary 2027-0001 --result passed --date 2027-11-05']
  static override flags = {...LifecycleCommand.dateFlag, result: Flags.string({description: '结果', options: ['passed', 'failed'], required: true})}

  async run(): Promise<LifecycleResult> {
    const result = this.flags.result as 'passed' | 'failed'
    return this.step((ctx, date, now) => preliminaryAcceptance(ctx, this.args.id, {result, date, now}))
  }
}

import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {expertAcceptance} from '../../core/operations/lifecycle.js'

export default class AcceptanceExpert extends LifecycleCommand<typeof AcceptanceExpert> {
  static override summary = '专家竣工验收结论（第十六、十七条）'
  static override description = '未通过则进入整改；整改后再次未通过，或拒不整改（--refused-rectification），该单位后续项目暂缓审批。'
  static override examples = ['<%= config.bin %> acceptance expert 2027-0001 --result passed --date 2027-12-10']
  static override flags = {
    ...LifecycleCommand.dateFlag,
    result: Flags.string({description: '结论', options: ['passed', 'failed'], required: true}),
    'refused-rectification': Flags.boolean({description: '建设单位拒不整改'}),
  }

  async run(): Promise<LifecycleResult> {
    const result = this.flags.result as 'passed' | 'failed'
    return this.step((ctx, date, now) => expertAcceptance(ctx, this.args.id, {result, refusedRectification: this.flags['refused-rectification'], date, now}))
  }
}

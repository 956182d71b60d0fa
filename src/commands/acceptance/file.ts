import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {fileAcceptance} from '../../core/operations/lifecycle.js'

export default class AcceptanceFile extends LifecycleCommand<typeof AcceptanceFile> {
  static override flags = {
    ...LifecycleCommand.dateFlag,
    doc: Flags.string({description: '备案文号', required: true}),
    'trial-run': Flags.string({description: '试运行期，如 2027-09-01 至 2027-11-30'}),
    'test-report': Flags.string({description: '第三方测试报告编号'}),
  }

  async run(): Promise<LifecycleResult> {
    const f = this.flags
    return this.step((ctx, date, now) => fileAcceptance(ctx, this.args.id, {documentNo: f.doc, date, trialRun: f['trial-run'] ?? null, testReport: f['test-report'] ?? null, now, addWorkingDays: this.calendarFor(ctx.data).addWorkingDays}))
  }
}

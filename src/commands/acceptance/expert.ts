import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {expertAcceptance} from '../../core/operations/lifecycle.js'
import {requiredWordFlag} from '../../cli/word-flags.js'

export default class AcceptanceExpert extends LifecycleCommand<typeof AcceptanceExpert> {
  static override flags = {
    ...LifecycleCommand.dateFlag,
    result: requiredWordFlag('stageStatus', ['passed', 'failed'], '结论'),
    'refused-rectification': Flags.boolean({description: '建设单位拒不整改'}),
  }

  async run(): Promise<LifecycleResult> {
    const result = this.flags.result
    return this.step((ctx, date, now) => expertAcceptance(ctx, this.args.id, {result, refusedRectification: this.flags['refused-rectification'], date, now}))
  }
}

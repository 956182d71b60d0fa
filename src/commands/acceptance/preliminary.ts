import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {preliminaryAcceptance} from '../../core/operations/lifecycle.js'
import {requiredWordFlag} from '../../cli/word-flags.js'

export default class AcceptancePreliminary extends LifecycleCommand<typeof AcceptancePreliminary> {
  protected override readonly touchesOnlyItsProject = true
  static override flags = {...LifecycleCommand.dateFlag, result: requiredWordFlag('stageStatus', ['passed', 'failed'], '结果')}

  async run(): Promise<LifecycleResult> {
    const result = this.flags.result
    return this.step((ctx, date, now) => preliminaryAcceptance(ctx, this.args.id, {result, date, now}))
  }
}

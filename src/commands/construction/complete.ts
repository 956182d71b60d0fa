import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {completeConstruction} from '../../core/operations/lifecycle.js'

export default class ConstructionComplete extends LifecycleCommand<typeof ConstructionComplete> {
  protected override readonly touchesOnlyItsProject = true
  static override flags = {...LifecycleCommand.dateFlag, actual: Flags.string({description: '实际完成投资，如 86.5万'})}

  async run(): Promise<LifecycleResult> {
    const actualInvestmentFen = this.amountFlag('actual', this.flags.actual)
    return this.step((ctx, date, now) => completeConstruction(ctx, this.args.id, {date, actualInvestmentFen, now}))
  }
}

import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {suspendConstruction} from '../../core/operations/lifecycle.js'

export default class ConstructionSuspend extends LifecycleCommand<typeof ConstructionSuspend> {
  protected override readonly touchesOnlyItsProject = true
  static override flags = {...LifecycleCommand.dateFlag, reason: Flags.string({description: '原因', required: true})}

  async run(): Promise<LifecycleResult> {
    return this.step((ctx, date, now) => suspendConstruction(ctx, this.args.id, {reason: this.flags.reason, date, now}))
  }
}

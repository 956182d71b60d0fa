import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {applyForAcceptance} from '../../core/operations/lifecycle.js'

export default class AcceptanceApply extends LifecycleCommand<typeof AcceptanceApply> {
  protected override readonly touchesOnlyItsProject = true
  static override flags = {...LifecycleCommand.dateFlag}

  async run(): Promise<LifecycleResult> {
    return this.step((ctx, date, now) => applyForAcceptance(ctx, this.args.id, {date, now}))
  }
}

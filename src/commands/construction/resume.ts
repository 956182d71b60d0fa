import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {resumeConstruction} from '../../core/operations/lifecycle.js'

export default class ConstructionResume extends LifecycleCommand<typeof ConstructionResume> {
  protected override readonly touchesOnlyItsProject = true
  static override flags = {...LifecycleCommand.dateFlag}

  async run(): Promise<LifecycleResult> {
    return this.step((ctx, date, now) => resumeConstruction(ctx, this.args.id, {date, now}))
  }
}

import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {resumeConstruction} from '../../core/operations/lifecycle.js'

export default class ConstructionResume extends LifecycleCommand<typeof ConstructionResume> {
  static override summary = '恢复暂停的项目建设'
  static override examples = ['<%= config.bin %> construction resume 2027-0001 --date 2027-08-01']
  static override flags = {...LifecycleCommand.dateFlag}

  async run(): Promise<LifecycleResult> {
    return this.step((ctx, date, now) => resumeConstruction(ctx, this.args.id, {date, now}))
  }
}

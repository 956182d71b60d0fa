import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {applyForAcceptance} from '../../core/operations/lifecycle.js'

export default class AcceptanceApply extends LifecycleCommand<typeof AcceptanceApply> {
  static override summary = '向技术支持组提出竣工验收申请（第十六条；整改后重新申请也用此命令）'
  static override examples = ['<%= config.bin %> acceptance apply 2027-0001 --date 2027-11-20']
  static override flags = {...LifecycleCommand.dateFlag}

  async run(): Promise<LifecycleResult> {
    return this.step((ctx, date, now) => applyForAcceptance(ctx, this.args.id, {date, now}))
  }
}

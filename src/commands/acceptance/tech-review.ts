import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {techReview} from '../../core/operations/lifecycle.js'
import {requiredWordFlag} from '../../cli/word-flags.js'

const check = (description: string) => requiredWordFlag('check', ['pass', 'fail'], description)

export default class AcceptanceTechReview extends LifecycleCommand<typeof AcceptanceTechReview> {
  static override flags = {
    ...LifecycleCommand.dateFlag,
    cloud: check('政务云资源集约应用'),
    sharing: check('数据信息资源共享'),
    security: check('网络安全（等保/密评）'),
    opinion: Flags.string({description: '审查意见'}),
  }

  async run(): Promise<LifecycleResult> {
    const f = this.flags
    return this.step((ctx, date, now) =>
      techReview(ctx, this.args.id, {cloud: f.cloud, sharing: f.sharing, security: f.security, opinion: f.opinion ?? null, date, now}),
    )
  }
}

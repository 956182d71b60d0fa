import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {techReview} from '../../core/operations/lifecycle.js'
import type {CheckResult} from '../../core/domain/types.js'

const check = (description: string) => Flags.string({description, options: ['pass', 'fail'], required: true})

export default class AcceptanceTechReview extends LifecycleCommand<typeof AcceptanceTechReview> {
  static override summary = '技术支持组审查：政务云集约应用、数据共享、网络安全（第十二、十四、十六条）'
  static override description = '三项均通过则同意竣工验收；任一项不通过，项目进入整改，记为一次验收未通过。'
  static override examples = ['<%= config.bin %> acceptance tech-review 2027-0001 --cloud pass --sharing pass --security pass --date 2027-12-01']
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
      techReview(ctx, this.args.id, {cloud: f.cloud as CheckResult, sharing: f.sharing as CheckResult, security: f.security as CheckResult, opinion: f.opinion ?? null, date, now}),
    )
  }
}

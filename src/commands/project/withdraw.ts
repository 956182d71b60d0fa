import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {confirmDestructive} from '../../cli/confirm.js'
import {t} from '../../core/i18n/index.js'
import {todayLocal} from '../../core/domain/dates.js'
import {withdrawProject} from '../../core/operations/projects.js'
import {assertCanDo} from '../../core/domain/lifecycle.js'
import {RegisterIndex} from '../../core/domain/register-data.js'
import type {Project} from '../../core/domain/types.js'
import type {WithNotices} from '../../cli/results.js'

export type ProjectWithdrawResult = WithNotices<Project>

export default class ProjectWithdraw extends ItplanCommand<typeof ProjectWithdraw> {
  static override args = {id: Args.string({required: true, description: '项目编号'})}
  static override flags = {
    confirm: Flags.string({description: '非交互终端下确认：再写一次项目编号'}),
    reason: Flags.string({description: '撤回原因'}),
  }

  async run(): Promise<ProjectWithdrawResult> {
    const id = this.args.id
    // Check before asking, so the clerk is not asked to confirm something that cannot happen.
    const project = new RegisterIndex(await this.load()).require(id)
    assertCanDo(project, 'withdraw')
    await confirmDestructive(id, this.flags.confirm, t('prompt.confirmWithdraw', {id, name: project.name}))
    const {result, notices} = await this.mutate((ctx) => withdrawProject(ctx, id, {today: todayLocal(), now: new Date().toISOString(), reason: this.flags.reason}))
    this.say(t('project.withdrawn', {id}))
    return this.withNotices(result, notices)
  }
}

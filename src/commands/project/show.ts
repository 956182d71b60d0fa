import {Args} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {projectDetails} from '../../cli/render-details.js'
import {RegisterIndex} from '../../core/domain/register-data.js'
import {nextSteps} from '../../core/domain/lifecycle.js'
import {projectHistory} from '../../core/register/history.js'
import type {JournalEntry} from '../../core/domain/types.js'
import {withFiscalReview, type ProjectWithMoney} from '../../core/domain/funds.js'

/** The project with its fiscal review (送审, 审定, 审减, 审减率), the commands that may follow, and its journal entries. */
export type ProjectShowResult = ProjectWithMoney & {nextSteps: string[]; history: JournalEntry[]}

export default class ProjectShow extends ItplanCommand<typeof ProjectShow> {
  static override args = {id: Args.string({required: true, description: '项目编号'})}

  async run(): Promise<ProjectShowResult> {
    const data = await this.load({projectIds: [this.args.id]})
    const project = new RegisterIndex(data).require(this.args.id)
    const history = await projectHistory(this.registerPath, data, project.id)
    if (!this.jsonEnabled()) this.log(projectDetails(project, history, data.rules, data.plans))
    return {...withFiscalReview(project), nextSteps: nextSteps(project), history}
  }
}

import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {declarationFlags, rawFromFlags} from '../../cli/project-flags.js'
import {declarationAmountNotices} from '../../cli/amount.js'
import {projectSummary} from '../../cli/render.js'
import {enumWords} from '../../cli/words.js'
import {t} from '../../core/i18n/index.js'
import {todayLocal} from '../../core/domain/dates.js'
import {updateProject} from '../../core/operations/projects.js'
import type {Project} from '../../core/domain/types.js'
import type {WithNotices} from '../../cli/results.js'

export type ProjectUpdateResult = WithNotices<Project>

export default class ProjectUpdate extends ItplanCommand<typeof ProjectUpdate> {
  static override args = {id: Args.string({required: true, description: '项目编号'})}
  static override flags = {...declarationFlags, reason: Flags.string({description: '评审开始后修改金额的原因（如压减预算，第十五条）'})}

  async run(): Promise<ProjectUpdateResult> {
    const raw = rawFromFlags(this.flags)
    this.warnAmounts(declarationAmountNotices(raw))
    // the project's whole year is read: a new name or unit is checked against the year's other declarations
    const scope = {projectIds: [this.args.id], wholeYears: true}
    const {result, notices} = await this.mutate((ctx) => {
      const calendar = this.calendarFor(ctx.data)
      return updateProject(ctx, this.args.id, raw, {words: enumWords(), today: todayLocal(), now: new Date().toISOString(), addWorkingDays: calendar.addWorkingDays, reason: this.flags.reason})
    }, {scope})
    if (result.fields.length === 0) this.say(t('project.unchanged', {id: result.project.id}))
    else this.say(t('project.updated', {id: result.project.id, fields: result.fields.map((f) => t(`field.${f}`))}))
    const shown = this.withNotices(result.project, notices)
    this.say(projectSummary(result.project))
    return shown
  }
}

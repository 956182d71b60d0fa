import {ItplanCommand} from '../../cli/base-command.js'
import {declarationFlags, rawFromFlags} from '../../cli/project-flags.js'
import {askDeclaration} from '../../cli/declaration-prompts.js'
import {declarationAmountNotices} from '../../cli/amount.js'
import {projectSummary} from '../../cli/render.js'
import {enumWords} from '../../cli/words.js'
import {t} from '../../core/i18n/index.js'
import {todayLocal} from '../../core/domain/dates.js'
import {addProject, declarationProblems} from '../../core/operations/projects.js'
import {annualPlanOf} from '../../core/domain/plan.js'
import {formatWan} from '../../core/domain/money.js'
import type {Project} from '../../core/domain/types.js'

export type ProjectAddResult = Project

export default class ProjectAdd extends ItplanCommand<typeof ProjectAdd> {
  static override flags = declarationFlags

  async run(): Promise<ProjectAddResult> {
    const given = rawFromFlags(this.flags)
    this.warnAmounts(declarationAmountNotices(given))
    const raw = await askDeclaration(given, async () => {
      const data = await this.load()
      const options = {words: enumWords(), today: todayLocal()}
      return (values, fields) => declarationProblems(data, values, fields, options)
    })
    let continuedYear: number | null = null
    const {result: project} = await this.mutate((ctx) => {
      const calendar = this.calendarFor(ctx.data)
      const outcome = addProject(ctx, raw, {words: enumWords(), today: todayLocal(), now: new Date().toISOString(), addWorkingDays: calendar.addWorkingDays})
      if (outcome.changes[0]?.action === 'continue') continuedYear = (outcome.changes[0].change as {year: number}).year
      return outcome
    })
    if (raw.procurementCategory === undefined) this.warnText(t('warning.procurementDefaulted'))
    if (continuedYear !== null) {
      this.say(t('project.continued', {id: project.id, name: project.name, year: continuedYear, amount: formatWan(annualPlanOf(project, continuedYear))}))
      return project
    }
    this.say(t('project.added', {id: project.id, name: project.name}))
    this.say(projectSummary(project))
    return project
  }
}

import {ItplanCommand} from '../../cli/base-command.js'
import {declarationFlags, rawFromFlags} from '../../cli/project-flags.js'
import {askChoice, askText} from '../../cli/prompt.js'
import {isInteractive} from '../../cli/ui.js'
import {projectSummary} from '../../cli/render.js'
import {enumWords} from '../../cli/words.js'
import {t, word} from '../../core/i18n/index.js'
import {todayLocal} from '../../core/domain/dates.js'
import {addProject} from '../../core/operations/projects.js'
import {CATEGORIES, NATURES, PROCUREMENT_CATEGORIES, type Project} from '../../core/domain/types.js'

export type ProjectAddResult = Project

export default class ProjectAdd extends ItplanCommand<typeof ProjectAdd> {
  static override flags = declarationFlags

  async run(): Promise<ProjectAddResult> {
    const f = this.flags
    const choices = (kind: string, values: readonly string[]) => values.map((v) => ({value: v, name: word(kind, v)}))
    const unit = await askText('unit', t('prompt.unit'), f.unit)
    const name = await askText('name', t('prompt.name'), f.name)
    const nature = await askChoice('nature', t('prompt.nature'), f.nature, choices('nature', NATURES))
    const category = await askChoice('category', t('prompt.category'), f.category, choices('category', CATEGORIES))
    const total = await askText('total', t('prompt.total'), f.total)
    const fiscal = await askText('fiscal', t('prompt.fiscal'), f.fiscal)
    const procurement = f['procurement-category'] ?? (isInteractive() ? await askChoice('procurement-category', t('prompt.procurementCategory'), undefined, choices('procurementCategory', PROCUREMENT_CATEGORIES)) : undefined)
    const raw = {...rawFromFlags(f), unit, name, nature, category, totalInvestment: total, fiscalFunds: fiscal, procurementCategory: procurement}
    const {result: project} = await this.mutate((ctx) => {
      const calendar = this.calendarFor(ctx.data)
      return addProject(ctx, raw, {words: enumWords(), today: todayLocal(), now: new Date().toISOString(), addWorkingDays: calendar.addWorkingDays})
    })
    if (procurement === undefined) this.warnText(t('warning.procurementDefaulted'))
    this.say(t('project.added', {id: project.id, name: project.name}))
    this.say(projectSummary(project))
    return project
  }
}

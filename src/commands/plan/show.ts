import {ItplanCommand} from '../../cli/base-command.js'
import {renderPlan} from '../../cli/render-plan.js'
import {planView} from '../../core/operations/plan.js'
import {yearFlag} from '../../cli/flags.js'

export default class PlanShow extends ItplanCommand<typeof PlanShow> {
  static override summary = '显示年度计划：纳入的项目、标记、投资规模及未纳入原因'
  static override examples = ['<%= config.bin %> plan show --year 2027']
  static override flags = {year: yearFlag({description: '计划年度（默认登记簿的计划年度）'})}

  async run() {
    const data = await this.load()
    const view = planView(data, this.flags.year ?? data.settings.planYear)
    if (!this.jsonEnabled()) this.log(renderPlan(view, new Map(data.projects.map((p) => [p.id, p]))))
    return view
  }
}

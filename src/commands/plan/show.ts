import {ItplanCommand} from '../../cli/base-command.js'
import {renderPlan} from '../../cli/render-plan.js'
import {planSelector, planVersionFlags} from '../../cli/plan-flags.js'
import {resolvePlan, type PlanView} from '../../core/operations/plan.js'
import {yearFlag} from '../../cli/flags.js'

/** The plan as --json prints it: the view without its notices (DESIGN §5 `{year, status, included, excluded, totals}`). */
export type PlanShowResult = Omit<PlanView, 'notices'>

export default class PlanShow extends ItplanCommand<typeof PlanShow> {
  static override summary = '显示年度计划：纳入的项目、标记、投资规模、未纳入原因，以及批准后的执行变化'
  static override description = '默认显示最新批准的一版（批准时的金额和审批路径，不随之后的审定金额、压减等改变；这些列在“执行变化”中）；--version K 显示第 K 版，--draft 显示正在编制的草案或计划调整。'
  static override examples = ['<%= config.bin %> plan show --year 2027', '<%= config.bin %> plan show --year 2027 --version 1', '<%= config.bin %> plan show --year 2027 --draft']
  static override flags = {year: yearFlag({description: '计划年度（默认登记簿的计划年度）'}), ...planVersionFlags}

  async run(): Promise<PlanShowResult> {
    const data = await this.load()
    const resolved = resolvePlan(data, this.flags.year ?? data.settings.planYear, planSelector(this.flags))
    if (!this.jsonEnabled()) this.log(renderPlan(resolved, new Map(data.projects.map((p) => [p.id, p]))))
    const {notices: _none, ...view} = resolved.view
    return view
  }
}

import {ItplanCommand} from '../../cli/base-command.js'
import {renderPlan} from '../../cli/render-plan.js'
import {planSelector, planVersionFlags} from '../../cli/plan-flags.js'
import {resolvePlan} from '../../core/operations/plan.js'
import {yearFlag} from '../../cli/flags.js'
import {planJson, type PlanJson} from '../../cli/plan-json.js'

/** The plan as --json prints it (DESIGN §5 `{year, status, included, excluded, totals}`), the reasons in words. */
export type PlanShowResult = PlanJson

export default class PlanShow extends ItplanCommand<typeof PlanShow> {
  static override flags = {year: yearFlag({description: '计划年度（默认登记簿的计划年度）'}), ...planVersionFlags}

  async run(): Promise<PlanShowResult> {
    const data = await this.load()
    const resolved = resolvePlan(data, this.flags.year ?? data.settings.planYear, planSelector(this.flags))
    if (!this.jsonEnabled()) this.log(renderPlan(resolved, new Map(data.projects.map((p) => [p.id, p]))))
    const {notices: _none, ...view} = resolved.view
    return planJson(view)
  }
}

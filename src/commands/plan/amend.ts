import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {renderPlan} from '../../cli/render-plan.js'
import {t} from '../../core/i18n/index.js'
import {amendPlan, resolvePlan} from '../../core/operations/plan.js'
import {yearFlag} from '../../cli/flags.js'
import {planJson, type PlanJson} from '../../cli/plan-json.js'

/** The plan as --json prints it (DESIGN §5 `{year, status, included, excluded, totals}`), the reasons in words. */
export type PlanAmendResult = PlanJson

export default class PlanAmend extends ItplanCommand<typeof PlanAmend> {
  static override flags = {
    year: yearFlag({description: '计划年度', required: true}),
    add: Flags.string({description: '增加的项目编号（可多次）', multiple: true, default: []}),
    remove: Flags.string({description: '减少的项目编号（可多次）', multiple: true, default: []}),
    reason: Flags.string({description: '调整理由', required: true}),
    date: Flags.string({description: '提出调整的日期（默认今天）'}),
  }

  async run(): Promise<PlanAmendResult> {
    const f = this.flags
    const date = this.dateFlag('date', f.date)
    const {result} = await this.mutate((ctx) => amendPlan(ctx, {year: f.year, add: f.add, remove: f.remove, reason: f.reason, date, now: new Date().toISOString()}))
    this.say(t('plan.amended', {year: f.year, added: result.amendment?.added.length ?? 0, removed: result.amendment?.removed.length ?? 0}))
    if (!this.jsonEnabled()) {
      const data = await this.load()
      this.log(renderPlan(resolvePlan(data, f.year, {draft: true}), new Map(data.projects.map((p) => [p.id, p]))))
    }
    const {notices: _none, ...view} = result
    return planJson(view)
  }
}

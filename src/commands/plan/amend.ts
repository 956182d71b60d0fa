import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {renderPlan} from '../../cli/render-plan.js'
import {t} from '../../core/i18n/index.js'
import {amendPlan, resolvePlan, type PlanView} from '../../core/operations/plan.js'
import {yearFlag} from '../../cli/flags.js'

/** The plan as --json prints it: the view without its notices (DESIGN §5 `{year, status, included, excluded, totals}`). */
export type PlanAmendResult = Omit<PlanView, 'notices'>

export default class PlanAmend extends ItplanCommand<typeof PlanAmend> {
  static override summary = '年度计划调整：在已批准的计划中增加或减少项目（经领导小组审定、市人民政府批准后成为新的一版）'
  static override description =
    '增加的项目须与编制计划时一样符合条件（计划批准后申报的属逾期申报，须有“一事一议”）；其评审环节在调整获批准之日开始计时。减少的项目在调整获批准后为“未列入计划”；已开工建设的项目不能减少。已批准的各版计划保持不变。'
  static override examples = [
    '<%= config.bin %> plan amend --year 2027 --add 2027-0031 --reason 市委市政府部署的新增任务',
    '<%= config.bin %> plan amend --year 2027 --remove 2027-0007 --reason 建设单位申请取消',
    '<%= config.bin %> plan approve --year 2027 --by leading-group --doc 郴数政组〔2027〕9号 --date 2027-06-10',
  ]
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
    return view
  }
}

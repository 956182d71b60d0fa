import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {renderPlan} from '../../cli/render-plan.js'
import {todayLocal} from '../../core/domain/dates.js'
import {buildPlan, resolvePlan} from '../../core/operations/plan.js'
import {yearFlag} from '../../cli/flags.js'
import {planJson, type PlanJson} from '../../cli/plan-json.js'
import type {WithNotices} from '../../cli/results.js'
import {possibleDuplicates, type PossibleDuplicate} from '../../core/operations/screening.js'
import {t} from '../../core/i18n/index.js'
import {out} from '../../cli/ui.js'

/** The plan as --json prints it (DESIGN §5 `{year, status, included, excluded, totals}`), the reasons in words;
 * the notices name the multi-year projects still being built that asked no money of the year. */
export type PlanBuildResult = WithNotices<PlanJson> & {
  /** screen (issue 20): the plan's candidates flagged by `screen` as possible duplicates, with what each may duplicate */
  possibleDuplicates: PossibleDuplicate[]
}

export default class PlanBuild extends ItplanCommand<typeof PlanBuild> {
  static override flags = {
    year: yearFlag({description: '计划年度', required: true}),
    include: Flags.string({description: '纳入（撤销此前的 --exclude）', multiple: true, default: []}),
    exclude: Flags.string({description: '办公室决定不纳入', multiple: true, default: []}),
    'key-area': Flags.string({description: '标记为重点领域项目（第七条）', multiple: true, default: []}),
    major: Flags.string({description: '标记为重大项目（第七条）', multiple: true, default: []}),
  }

  async run(): Promise<PlanBuildResult> {
    const f = this.flags
    const {result} = await this.mutate((ctx) =>
      buildPlan(ctx, {year: f.year, include: f.include, exclude: f.exclude, keyArea: f['key-area'], major: f.major, today: todayLocal(), now: new Date().toISOString()}),
    )
    const data = await this.load()
    // screen (issue 20): the planning group sees which candidates may duplicate others before it adopts the plan
    const duplicates = possibleDuplicates(data, f.year, [...result.included, ...result.excluded.map((e) => e.id)])
    if (!this.jsonEnabled()) {
      this.log(renderPlan(resolvePlan(data, f.year, {draft: true}), new Map(data.projects.map((p) => [p.id, p]))))
      if (duplicates.length > 0) {
        this.log(out.yellow(t('plan.possibleDuplicates', {count: duplicates.length, year: f.year})))
        for (const d of duplicates) this.log(out.yellow(`  ${t('plan.possibleDuplicateLine', {id: d.id, name: d.name, unit: d.unit, others: d.with})}`))
      }
    }
    const {notices, ...view} = result
    return {...this.withNotices(planJson(view), notices), possibleDuplicates: duplicates}
  }
}

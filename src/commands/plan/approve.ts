import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t, word} from '../../core/i18n/index.js'
import {approvePlan} from '../../core/operations/plan.js'
import {yearFlag} from '../../cli/flags.js'
import {planJson, type PlanJson} from '../../cli/plan-json.js'
import type {WithNotices} from '../../cli/results.js'
import {requiredWordFlag} from '../../cli/word-flags.js'

/** The plan after the approval, with the notices of the projects it left out. */
export type PlanApproveResult = WithNotices<PlanJson>

export default class PlanApprove extends ItplanCommand<typeof PlanApprove> {
  static override flags = {
    year: yearFlag({description: '计划年度', required: true}),
    by: requiredWordFlag('approver', ['leading-group', 'government'], '审批机关'),
    doc: Flags.string({description: '文号', required: true}),
    date: Flags.string({description: '日期（默认今天）'}),
  }

  async run(): Promise<PlanApproveResult> {
    const f = this.flags
    const date = this.dateFlag('date', f.date)
    const by = f.by
    const {result, notices} = await this.mutate((ctx) => approvePlan(ctx, {year: f.year, by, documentNo: f.doc, date, now: new Date().toISOString(), addWorkingDays: this.calendarFor(ctx.data).addWorkingDays}))
    this.say(t('plan.approved', {year: f.year, by: word('approver', by), doc: f.doc, date, status: word('planStatus', result.status)}))
    if (result.version !== null) this.say(t('plan.versionApproved', {year: f.year, version: result.version}))
    const {notices: _own, ...view} = result
    const shown = this.withNotices(planJson(view), notices.filter((n) => n.code === 'notice.leftOut'))
    const latest = result.versions[result.versions.length - 1]
    if (by === 'government' && latest) this.say(t('plan.reviewsOpened', {count: latest.version === 1 ? result.included.length : latest.added.length}))
    return shown
  }
}

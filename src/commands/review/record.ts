import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {projectSummary} from '../../cli/render.js'
import {t, word} from '../../core/i18n/index.js'
import {recordReview} from '../../core/operations/review.js'
import {STAGE_KEYS, type Project} from '../../core/domain/types.js'
import type {WithNotices} from '../../cli/results.js'
import {requiredWordFlag} from '../../cli/word-flags.js'

export type ReviewRecordResult = WithNotices<Project>

export default class ReviewRecord extends ItplanCommand<typeof ReviewRecord> {
  static override args = {id: Args.string({required: true, description: '项目编号'})}
  static override flags = {
    stage: requiredWordFlag('stage', STAGE_KEYS, '评审环节'),
    result: requiredWordFlag('stageStatus', ['passed', 'failed', 'returned'], '结果'),
    date: Flags.string({description: '日期（默认今天）'}),
    doc: Flags.string({description: '文号'}),
    amount: Flags.string({description: '审定金额（仅财政投资评审），如 92万'}),
    opinion: Flags.string({description: '评审意见'}),
    reason: Flags.string({description: '审定金额高于申报总投资时必须说明理由'}),
  }

  async run(): Promise<ReviewRecordResult> {
    const f = this.flags
    const date = this.dateFlag('date', f.date)
    const amount = this.amountFlag('amount', f.amount)
    const {result, notices} = await this.mutate((ctx) =>
      recordReview(ctx, this.args.id, {
        stage: f.stage,
        result: f.result,
        date,
        documentNo: f.doc ?? null,
        opinion: f.opinion ?? null,
        approvedAmountFen: amount,
        reason: f.reason ?? null,
        now: new Date().toISOString(),
        addWorkingDays: this.calendarFor(ctx.data).addWorkingDays,
      }),
      {scope: {projectIds: [this.args.id]}},
    )
    this.say(t('review.recorded', {id: result.id, stage: word('stage', f.stage), result: word('stageStatus', f.result)}))
    const shown = this.withNotices(result, notices)
    this.say(projectSummary(result))
    return shown
  }
}

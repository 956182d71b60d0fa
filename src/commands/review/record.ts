import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {projectSummary} from '../../cli/render.js'
import {t, word} from '../../core/i18n/index.js'
import {amountFlag} from '../../cli/amount.js'
import {recordReview} from '../../core/operations/review.js'
import {STAGE_KEYS, type Project, type ReviewResult, type StageKey} from '../../core/domain/types.js'
import type {WithNotices} from '../../cli/results.js'

export type ReviewRecordResult = WithNotices<Project>

export default class ReviewRecord extends ItplanCommand<typeof ReviewRecord> {
  static override summary = '记录一个评审环节的结果（第九条）'
  static override description = 'passed：通过，开启下一环节；returned：退回修改，环节保持办理中并重新计时；failed：不通过，项目终止。财政投资评审可用 --amount 记录审定金额，项目按审定金额重新确定审批路径。'
  static override examples = [
    '<%= config.bin %> review record 2027-0001 --stage secrecy-prereview --result passed --date 2027-02-01 --doc 郴委办审〔2027〕2号',
    '<%= config.bin %> review record 2027-0001 --stage fiscal-review --result passed --amount 92万 --date 2027-04-10',
  ]
  static override args = {id: Args.string({required: true, description: '项目编号'})}
  static override flags = {
    stage: Flags.string({description: '评审环节', options: [...STAGE_KEYS], required: true}),
    result: Flags.string({description: '结果', options: ['passed', 'failed', 'returned'], required: true}),
    date: Flags.string({description: '日期（默认今天）'}),
    doc: Flags.string({description: '文号'}),
    amount: Flags.string({description: '审定金额（仅财政投资评审），如 92万'}),
    opinion: Flags.string({description: '评审意见'}),
    reason: Flags.string({description: '审定金额高于申报总投资时必须说明理由'}),
  }

  async run(): Promise<ReviewRecordResult> {
    const f = this.flags
    const date = this.dateFlag('date', f.date)
    const amount = amountFlag('amount', f.amount)
    const {result, notices} = await this.mutate((ctx) =>
      recordReview(ctx, this.args.id, {
        stage: f.stage as StageKey,
        result: f.result as ReviewResult,
        date,
        documentNo: f.doc ?? null,
        opinion: f.opinion ?? null,
        approvedAmountFen: amount,
        reason: f.reason ?? null,
        now: new Date().toISOString(),
        addWorkingDays: this.calendarFor(ctx.data).addWorkingDays,
      }),
    )
    this.say(t('review.recorded', {id: result.id, stage: word('stage', f.stage), result: word('stageStatus', f.result)}))
    const shown = this.withNotices(result, notices)
    this.say(projectSummary(result))
    return shown
  }
}

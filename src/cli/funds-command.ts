// `funds pay | cut | recover` share one shape: a project id, an amount, a date, the plan year, a document number,
// one core step (operations/funds.ts), and what the year's budget is after it.
import {Args, Flags, type Command} from '@oclif/core'
import {ItplanCommand} from './base-command.js'
import {t} from '../core/i18n/index.js'
import {formatWan} from '../core/domain/money.js'
import {InvalidInput} from '../core/domain/errors.js'
import {recordFunds, type FundsRecordOutcome} from '../core/operations/funds.js'
import type {FundsKind} from '../core/domain/types.js'
import type {WithNotices} from './results.js'
import {yearFlag} from './flags.js'
import {rateText} from './render-funds.js'

/** What `funds pay|cut|recover --json` prints: the record, the year's budget after it, and the notices. */
export type FundsStepResult = WithNotices<FundsRecordOutcome>

export const fundsFlags = {
  amount: Flags.string({description: '金额，如 30万、300000元', required: true}),
  date: Flags.string({description: '日期（默认今天）'}),
  year: yearFlag({description: '计划年度（默认：拨付日期所在年度的已批准计划含该项目时为该年度，否则为含该项目的最近一个已批准计划）'}),
}

/** A cut (压减) or a recovery (收回) of a budget: Art. 15 wants the reason and the document. */
export const reductionFlags = {
  ...fundsFlags,
  reason: Flags.string({description: '原因（第十五条）', required: true}),
  doc: Flags.string({description: '文号', required: true}),
  note: Flags.string({description: '备注'}),
}

export abstract class FundsCommand<T extends typeof Command> extends ItplanCommand<T> {
  static override args = {id: Args.string({required: true, description: '项目编号'})}

  protected async record(kind: FundsKind, o: {amount: string; date?: string; year?: number; doc?: string; reason?: string; note?: string}): Promise<FundsStepResult> {
    const id = (this.args as {id: string}).id
    const amountFen = this.amountFlag('amount', o.amount) ?? 0
    const date = this.dateFlag('date', o.date)
    const reason = o.reason?.trim() || null
    // Art. 15: the funding group cuts or recovers a budget for a reason, which the record keeps
    if (kind !== 'pay' && reason === null) throw new InvalidInput([{field: 'reason', code: 'funds.reasonRequired', params: {}, article: 15}], true)
    const {result, notices} = await this.mutate((ctx) =>
      recordFunds(ctx, id, {kind, amountFen, date, year: o.year ?? null, documentNo: o.doc?.trim() || null, reason, note: o.note?.trim() || null, now: new Date().toISOString()}),
    )
    const x = result.position
    this.say(t(`funds.recorded.${kind}`, {id, amount: formatWan(amountFen), date, year: result.record.year}))
    const shown = this.withNotices(result, notices)
    this.say(`  ${t('funds.position', {year: result.record.year, available: formatWan(x.availableFen), paid: formatWan(x.paidFen), remaining: formatWan(x.remainingFen), rate: rateText(x.executionRate)})}`)
    return shown
  }
}

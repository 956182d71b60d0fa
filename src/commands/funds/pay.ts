import {Flags} from '@oclif/core'
import {FundsCommand, fundsFlags, type FundsStepResult} from '../../cli/funds-command.js'

export type FundsPayResult = FundsStepResult

export default class FundsPay extends FundsCommand<typeof FundsPay> {
  static override flags = {
    ...fundsFlags,
    doc: Flags.string({description: '拨款文号或凭证号'}),
    note: Flags.string({description: '备注'}),
  }

  async run(): Promise<FundsPayResult> {
    return this.record('pay', this.flags)
  }
}

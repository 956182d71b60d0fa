import {FundsCommand, reductionFlags, type FundsStepResult} from '../../cli/funds-command.js'

export type FundsCutResult = FundsStepResult

export default class FundsCut extends FundsCommand<typeof FundsCut> {
  static override flags = reductionFlags

  async run(): Promise<FundsCutResult> {
    return this.record('cut', this.flags)
  }
}

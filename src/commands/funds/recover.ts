import {FundsCommand, reductionFlags, type FundsStepResult} from '../../cli/funds-command.js'

export type FundsRecoverResult = FundsStepResult

export default class FundsRecover extends FundsCommand<typeof FundsRecover> {
  static override flags = reductionFlags

  async run(): Promise<FundsRecoverResult> {
    return this.record('recover', this.flags)
  }
}

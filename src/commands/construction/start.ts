import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {startConstruction} from '../../core/operations/lifecycle.js'

export default class ConstructionStart extends LifecycleCommand<typeof ConstructionStart> {
  protected override readonly touchesOnlyItsProject = true
  static override flags = {
    ...LifecycleCommand.dateFlag,
    responsible: Flags.string({description: '项目责任人', required: true}),
    supervisor: Flags.string({description: '工程监理单位', required: true}),
    contractor: Flags.string({description: '承建单位'}),
    'contract-amount': Flags.string({description: '合同金额，如 88万'}),
  }

  async run(): Promise<LifecycleResult> {
    const f = this.flags
    const contractAmountFen = this.amountFlag('contract-amount', f['contract-amount'])
    return this.step((ctx, date, now) => startConstruction(ctx, this.args.id, {responsible: f.responsible, supervisor: f.supervisor, contractor: f.contractor ?? null, contractAmountFen, date, now}))
  }
}

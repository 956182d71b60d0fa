import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../../cli/lifecycle-command.js'
import {reportIncident} from '../../core/operations/lifecycle.js'
import {incidentEcho} from '../../cli/render-lifecycle.js'
import {requiredWordFlag} from '../../cli/word-flags.js'

export default class ConstructionReport extends LifecycleCommand<typeof ConstructionReport> {
  protected override readonly touchesOnlyItsProject = true
  static override flags = {
    ...LifecycleCommand.dateFlag,
    kind: requiredWordFlag('incident', ['delay', 'loss', 'other'], '事项'),
    description: Flags.string({description: '情况说明', required: true}),
  }

  async run(): Promise<LifecycleResult> {
    const kind = this.flags.kind
    return this.step((ctx, date, now) => reportIncident(ctx, this.args.id, {kind, description: this.flags.description, date, now}), incidentEcho)
  }
}

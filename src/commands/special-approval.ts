import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../cli/base-command.js'
import {projectSummary} from '../cli/render.js'
import {t} from '../core/i18n/index.js'
import {recordSpecialApproval} from '../core/operations/decisions.js'
import type {Project} from '../core/domain/types.js'
import {wordFlag} from '../cli/word-flags.js'

export type SpecialApprovalResult = Project

export default class SpecialApproval extends ItplanCommand<typeof SpecialApproval> {
  static override args = {id: Args.string({required: true, description: '项目编号'})}
  static override flags = {
    doc: Flags.string({description: '文号', required: true}),
    date: Flags.string({description: '日期（默认今天）'}),
    kind: wordFlag('specialKind', ['late', 'multi-unit'], '决定类型（默认按项目标记判断）'),
  }

  async run(): Promise<SpecialApprovalResult> {
    const date = this.dateFlag('date', this.flags.date)
    const kind = this.flags.kind
    const {result} = await this.mutate((ctx) => recordSpecialApproval(ctx, this.args.id, {kind, documentNo: this.flags.doc, date, now: new Date().toISOString()}))
    this.say(t('special.recorded', {id: result.id, kind: t(`special.kind.${result.specialApprovals.at(-1)!.kind}`), doc: this.flags.doc}))
    this.say(projectSummary(result))
    return result
  }
}

import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../cli/base-command.js'
import {projectSummary} from '../cli/render.js'
import {t} from '../core/i18n/index.js'
import {recordSpecialApproval} from '../core/operations/decisions.js'
import type {Project} from '../core/domain/types.js'

export type SpecialApprovalResult = Project

export default class SpecialApproval extends ItplanCommand<typeof SpecialApproval> {
  static override summary = '记录领导小组“一事一议”（第六条）或多部门重大项目决定（第三条）'
  static override examples = ['<%= config.bin %> special-approval 2027-0012 --doc 郴数政组〔2027〕3号 --date 2027-01-08']
  static override args = {id: Args.string({required: true, description: '项目编号'})}
  static override flags = {
    doc: Flags.string({description: '文号', required: true}),
    date: Flags.string({description: '日期（默认今天）'}),
    kind: Flags.string({description: 'late：逾期申报一事一议；multi-unit：多部门重大项目（默认按项目标记判断）', options: ['late', 'multi-unit']}),
  }

  async run(): Promise<SpecialApprovalResult> {
    const date = this.dateFlag('date', this.flags.date)
    const kind = this.flags.kind as 'late' | 'multi-unit' | undefined
    const {result} = await this.mutate((ctx) => recordSpecialApproval(ctx, this.args.id, {kind, documentNo: this.flags.doc, date, now: new Date().toISOString()}))
    this.say(t('special.recorded', {id: result.id, kind: t(`special.kind.${result.specialApprovals.at(-1)!.kind}`), doc: this.flags.doc}))
    this.say(projectSummary(result))
    return result
  }
}

import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../cli/lifecycle-command.js'
import {evaluate} from '../core/operations/lifecycle.js'
import {GRADES} from '../core/domain/evaluation.js'
import {UsageError} from '../core/domain/errors.js'
import {evaluationEcho} from '../cli/render-lifecycle.js'

export default class Evaluate extends LifecycleCommand<typeof Evaluate> {
  static override summary = '记录绩效评价（第二十条）：低于 60 分或评为“差”的单位，其后续申报标记“绩效偏弱”'
  static override examples = ['<%= config.bin %> evaluate 2027-0001 --score 86 --date 2028-12-01', '<%= config.bin %> evaluate 2027-0002 --score 55 --grade 差']
  static override flags = {
    ...LifecycleCommand.dateFlag,
    score: Flags.string({description: '评分 0–100', required: true}),
    grade: Flags.string({description: '等次（默认按分数：≥90 优，≥80 良，≥60 中，其余差）', options: [...GRADES]}),
  }

  async run(): Promise<LifecycleResult> {
    const score = Number(this.flags.score)
    if (this.flags.score.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
      throw new UsageError('usage.badFlag', {flag: 'score', value: this.flags.score, reason: '0–100'})
    }
    return this.step((ctx, date, now) => evaluate(ctx, this.args.id, {score, grade: this.flags.grade ?? null, date, now}), evaluationEcho)
  }
}

import {Flags} from '@oclif/core'
import {LifecycleCommand, type LifecycleResult} from '../cli/lifecycle-command.js'
import {evaluate} from '../core/operations/lifecycle.js'
import {GRADES} from '../core/domain/evaluation.js'
import {UsageError} from '../core/domain/errors.js'
import {evaluationEcho} from '../cli/render-lifecycle.js'
import {wordFlag} from '../cli/word-flags.js'

export default class Evaluate extends LifecycleCommand<typeof Evaluate> {
  static override flags = {
    ...LifecycleCommand.dateFlag,
    score: Flags.string({description: '评分 0–100', required: true}),
    grade: wordFlag('grade', GRADES, '等次（默认按分数：≥90 优，≥80 良，≥60 中，其余差）'),
  }

  async run(): Promise<LifecycleResult> {
    const score = Number(this.flags.score)
    if (this.flags.score.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
      throw new UsageError('usage.badFlag', {flag: 'score', value: this.flags.score, reason: '0–100'})
    }
    return this.step((ctx, date, now) => evaluate(ctx, this.args.id, {score, grade: this.flags.grade ?? null, date, now}), evaluationEcho)
  }
}

// Lifecycle commands share one shape: a project id, a --date, one core step, and the new status with next steps.
import {Args, Flags, type Command} from '@oclif/core'
import {ItplanCommand} from './base-command.js'
import {projectSummary} from './render.js'
import {t, word} from '../core/i18n/index.js'
import type {MutationContext, MutationOutcome} from '../core/register/store.js'
import type {JournalEntry, Project, RegisterData} from '../core/domain/types.js'
import type {WithNotices} from './results.js'

/** What every lifecycle command prints under --json: the project after the step, with the notices of the step. */
export type LifecycleResult = WithNotices<Project>

export abstract class LifecycleCommand<T extends typeof Command> extends ItplanCommand<T> {
  static override args = {id: Args.string({required: true, description: '项目编号'})}
  static dateFlag = {date: Flags.string({description: '日期（默认今天）'})}

  /**
   * A step that reads and changes its project alone (no other project's flags, no unit's standing, no inventory)
   * reads only the years of that project (DESIGN §17); the store refuses it a year it did not read.
   */
  protected readonly touchesOnlyItsProject: boolean = false

  /**
   * Runs the step; `confirm` says what was recorded (the score and its consequence, the incident) before the new
   * status, from the project, the register as written and its journal entries.
   */
  protected async step(apply: (ctx: MutationContext, date: string, now: string) => MutationOutcome<Project>, confirm?: (result: Project, written: {data: RegisterData; entries: readonly JournalEntry[]}) => string): Promise<LifecycleResult> {
    const date = this.dateFlag('date', (this.flags as {date?: string}).date)
    let data: RegisterData | null = null
    const id = (this.args as {id: string}).id
    const {result, notices, entries} = await this.mutate(
      (ctx) => {
        data = ctx.data
        return apply(ctx, date, new Date().toISOString())
      },
      {scope: this.touchesOnlyItsProject ? {projectIds: [id]} : undefined},
    )
    if (confirm && data) this.say(confirm(result, {data, entries}))
    this.say(t('lifecycle.done', {id: result.id, status: word('status', result.status)}))
    const shown = this.withNotices(result, notices)
    this.say(projectSummary(result))
    return shown
  }
}

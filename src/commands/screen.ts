import {Flags} from '@oclif/core'
import {ItplanCommand} from '../cli/base-command.js'
import {renderScreen} from '../cli/render-screen.js'
import {requiredText, yearFlag} from '../cli/flags.js'
import {t} from '../core/i18n/index.js'
import {UsageError} from '../core/domain/errors.js'
import {clearPair, parseThreshold, runScreen} from '../core/operations/screening.js'
import type {ScreeningClearance} from '../core/domain/types.js'

/** `screen --year N --json`: DESIGN §14 `{year, threshold, pairs: [{a, b, score, shared}]}`, `a`/`b` project or
 * system ids, best first; `flagged`/`unflagged` are the projects whose possible-duplicate flag this run set or removed. */
export interface ScreenYearResult {
  year: number
  threshold: number
  pairs: Array<{a: string; b: string; score: number; shared: string[]}>
  flagged: string[]
  unflagged: string[]
}

/** `screen --clear A --with B --json`: the decision recorded, and what became of the projects' flags. */
export interface ScreenClearResult {
  cleared: ScreeningClearance
  unflagged: string[]
  stillFlagged: string[]
}

export type ScreenResult = ScreenYearResult | ScreenClearResult

export default class Screen extends ItplanCommand<typeof Screen> {
  static override flags = {
    year: yearFlag({description: '筛查的计划年度'}),
    threshold: Flags.string({description: '列出的最低相似度，0–1（默认见 data/screening.json）'}),
    clear: Flags.string({description: '记录领导小组的决定：此项目（或系统）与 --with 不属重复建设'}),
    with: Flags.string({description: '与 --clear 成对的项目或系统编号'}),
    reason: Flags.string({description: '领导小组认为不属重复建设的理由'}),
    date: Flags.string({description: '决定日期（默认今天）'}),
  }

  async run(): Promise<ScreenResult> {
    const f = this.flags
    if (f.clear !== undefined) {
      if (f.year !== undefined || f.threshold !== undefined) throw new UsageError('screen.clearAlone')
      if (f.with === undefined || f.reason === undefined) throw new UsageError('screen.clearNeeds')
      const a = requiredText('clear', f.clear)
      const b = requiredText('with', f.with)
      const reason = requiredText('reason', f.reason)
      const date = this.commandDate()
      const {result} = await this.mutate((ctx) => clearPair(ctx, {a, b, reason, date, now: new Date().toISOString()}))
      this.say(t('screen.cleared', {a, b, reason}))
      for (const id of result.stillFlagged) this.say(`  ${t('screen.stillFlagged', {id})}`)
      return result
    }
    if (f.with !== undefined || f.reason !== undefined || f.date !== undefined) throw new UsageError('screen.withoutClear')
    if (f.year === undefined) throw new UsageError('screen.yearRequired')
    const threshold = parseThreshold(f.threshold)
    const year = f.year
    const {result} = await this.mutate((ctx) => runScreen(ctx, {year, threshold, now: new Date().toISOString()}))
    if (!this.jsonEnabled()) this.log(renderScreen(result))
    return {year: result.year, threshold: result.threshold, pairs: result.pairs.map(({a, b, score, shared}) => ({a, b, score, shared})), flagged: result.flagged, unflagged: result.unflagged}
  }
}

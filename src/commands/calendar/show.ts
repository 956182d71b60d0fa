import {Args} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {out} from '../../cli/ui.js'
import {t} from '../../core/i18n/index.js'
import {UsageError} from '../../core/domain/errors.js'
import type {YearSummary} from '../../core/calendar/index.js'

export type CalendarShowResult = YearSummary

export default class CalendarShow extends ItplanCommand<typeof CalendarShow> {
  static override args = {year: Args.integer({required: true, description: '年份'})}

  async run(): Promise<CalendarShowResult> {
    const year = this.args.year
    if (year < 1900 || year > 2200) throw new UsageError('usage.badFlag', {flag: 'year', value: year, reason: t('value.badYear', {field: t('field.year'), value: year})})
    const data = await this.load().catch(() => null)
    const calendar = this.calendarFor(data).calendar
    const summary = calendar.yearSummary(year)
    if (!this.jsonEnabled()) {
      this.log(out.bold(t('calendar.title', {year, source: t(`calendar.source.${summary.source}`), days: summary.workingDayCount})))
      if (!summary.covered) this.warnText(t('calendar.uncovered', {years: [year]}))
      this.log(t('calendar.holidays'))
      for (const d of summary.holidays) this.log(`  ${d.date}  ${d.name}`)
      this.log(t('calendar.workdays'))
      for (const d of summary.adjustedWorkdays) this.log(`  ${d.date}  ${d.name}`)
    }
    return summary
  }
}

import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {renderTable} from '../../cli/table.js'
import {out} from '../../cli/ui.js'
import {t, word} from '../../core/i18n/index.js'
import {todayLocal} from '../../core/domain/dates.js'
import {deadlinesOn} from '../../core/operations/as-of.js'
import type {OpenStageRow} from '../../core/operations/review.js'
import {isOverdue} from '../../core/domain/report.js'

/** The open stages (DESIGN §5 `{projectId, projectName, unit, key, department, startedOn, dueOn, daysLeft}`). */
export type ReviewListResult = OpenStageRow[]

export default class ReviewList extends ItplanCommand<typeof ReviewList> {
  static override flags = {
    department: Flags.string({description: '只看某个部门'}),
    overdue: Flags.boolean({description: '只看已超期的'}),
    'as-of': Flags.string({description: '显示登记簿在这一天的状态（这天尚未开始的环节不列出，这天以后才办结的仍算办理中；默认今天）'}),
  }

  async run(): Promise<ReviewListResult> {
    const data = await this.load()
    const asOf = this.flags['as-of'] ? this.dateFlag('as-of', this.flags['as-of']) : todayLocal()
    const calendar = this.calendarFor(data)
    let rows = (await deadlinesOn(this.registerPath, data, asOf, Boolean(this.flags['as-of']), calendar)).deadlines
    if (this.flags.department) rows = rows.filter((r) => r.department.includes(this.flags.department!))
    if (this.flags.overdue) rows = rows.filter(isOverdue)
    if (!this.jsonEnabled()) {
      if (rows.length === 0) this.log(t('review.listEmpty'))
      const departments = [...new Set(rows.map((r) => r.department))]
      for (const d of departments) {
        const mine = rows.filter((r) => r.department === d)
        this.log(out.bold(t('review.departmentTitle', {department: d, count: mine.length, overdue: mine.filter(isOverdue).length})))
        this.log(
          renderTable(
            [t('table.id'), t('table.name'), t('table.unit'), t('review.stage'), t('review.started'), t('review.due'), t('review.daysLeft')],
            mine.map((r) => [r.projectId, r.projectName, r.unit, word('stage', r.key), r.startedOn ?? '', r.dueOn ?? '', daysText(r.daysLeft)]),
          ),
        )
      }
    }
    return rows
  }
}

function daysText(days: number | null): string {
  if (days === null) return ''
  if (days === 0) return out.yellow(t('review.dueToday'))
  return days < 0 ? out.red(t('review.overdueDays', {days: -days})) : t('review.leftDays', {days})
}

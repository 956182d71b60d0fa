import path from 'node:path'
import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t} from '../../core/i18n/index.js'
import {todayLocal} from '../../core/domain/dates.js'
import {deadlinesOn} from '../../core/operations/as-of.js'
import type {DeadlineCalendar} from '../../core/operations/deadline-calendar.js'

/** `deadlines export --json`: the calendar file written and one entry per event (its UID, project, deadline, due date). */
export interface DeadlinesExportResult {
  file: string
  asOf: string
  events: DeadlineCalendar['events']
}

export default class DeadlinesExport extends ItplanCommand<typeof DeadlinesExport> {
  static override flags = {
    ics: Flags.string({description: '日历文件（.ics，可导入 Outlook、WPS 和手机日历）', required: true}),
    'as-of': Flags.string({description: '按这一天登记簿中的进度导出（默认今天）'}),
  }

  async run(): Promise<DeadlinesExportResult> {
    const data = await this.load()
    const asOf = this.flags['as-of'] ? this.dateFlag('as-of', this.flags['as-of']) : todayLocal()
    const file = path.resolve(this.flags.ics)
    this.guardOutput(file)
    const calendar = this.calendarFor(data)
    const {deadlines} = await deadlinesOn(this.registerPath, data, asOf, Boolean(this.flags['as-of']), calendar)
    const {deadlineCalendar} = await import('../../core/operations/deadline-calendar.js')
    const {writeCalendarFile} = await import('../../core/ics/deadline-calendar.js')
    const {model, events} = deadlineCalendar(data, deadlines, asOf)
    await writeCalendarFile(file, model, new Date())
    this.say(t('deadlines.exported', {path: file, count: events.length, asOf}))
    return {file, asOf, events}
  }
}

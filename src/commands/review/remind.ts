import fs from 'node:fs'
import path from 'node:path'
import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t} from '../../core/i18n/index.js'
import {todayLocal} from '../../core/domain/dates.js'
import {UsageError} from '../../core/domain/errors.js'
import type {DeadlineRow} from '../../core/domain/report.js'
import {deadlinesOn} from '../../core/operations/as-of.js'

/** `review remind --json`: the day, the working days ahead, each 催办单 written, and the departments with nothing to chase. */
export interface ReviewRemindResult {
  asOf: string
  within: number
  files: Array<{department: string; file: string; overdue: DeadlineRow[]; dueSoon: DeadlineRow[]}>
  quiet: string[]
}

export default class ReviewRemind extends ItplanCommand<typeof ReviewRemind> {
  static override flags = {
    'as-of': Flags.string({description: '按这一天登记簿中的评审进度催办（默认今天）'}),
    within: Flags.integer({description: '同时列出几个工作日内到期的环节（默认见 templates/reminder.json）', min: 0, max: 60}),
    department: Flags.string({description: '只为这个部门写催办单（全称，或能唯一确定部门的一部分）'}),
    out: Flags.string({description: '催办单所在文件夹（默认当前文件夹；不存在则新建）'}),
  }

  async run(): Promise<ReviewRemindResult> {
    const data = await this.load()
    const asOf = this.flags['as-of'] ? this.dateFlag('as-of', this.flags['as-of']) : todayLocal()
    const dir = path.resolve(this.flags.out ?? '.')
    if (fs.statSync(dir, {throwIfNoEntry: false})?.isDirectory() === false) throw new UsageError('output.outNotDirectory', {path: dir})
    const calendar = this.calendarFor(data)
    const {deadlines} = await deadlinesOn(this.registerPath, data, asOf, Boolean(this.flags['as-of']), calendar)
    const {reminders} = await import('../../core/operations/reminders.js')
    const {writeReminderWorkbook} = await import('../../core/excel/reminder-export.js')
    const found = reminders({data, rows: deadlines, asOf, within: this.flags.within ?? null, department: this.flags.department ?? null, exportedAt: new Date().toISOString(), uncoveredYears: calendar.uncoveredYears()})
    // every target is checked before the first is written
    const targets = found.notes.map((note) => ({note, file: path.join(dir, note.fileName)}))
    for (const {file} of targets) this.guardOutput(file)
    if (targets.length > 0) fs.mkdirSync(dir, {recursive: true})
    const files: ReviewRemindResult['files'] = []
    for (const {note, file} of targets) {
      await writeReminderWorkbook(file, note)
      files.push({department: note.department, file, overdue: note.overdue, dueSoon: note.dueSoon})
      this.say(t('remind.wrote', {department: note.department, path: file, overdue: note.overdue.length, dueSoon: note.dueSoon.length, within: found.within}))
    }
    if (files.length === 0 && !this.flags.department) this.say(t('remind.none', {asOf, within: found.within}))
    else if (found.quiet.length > 0) this.say(t('remind.quiet', {departments: found.quiet, asOf, within: found.within}))
    return {asOf, within: found.within, files, quiet: found.quiet}
  }
}

import fs from 'node:fs/promises'
import {Args} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {renderTable} from '../../cli/table.js'
import {t, word} from '../../core/i18n/index.js'
import {parseHolidayCnJson} from '../../core/calendar/index.js'
import {InvalidData} from '../../core/domain/errors.js'
import {importCalendar, type CalendarImportResult} from '../../core/operations/calendar-moves.js'

export type {CalendarImportResult}

export default class CalendarImport extends ItplanCommand<typeof CalendarImport> {
  static override args = {file: Args.string({required: true, description: 'holiday-cn 格式的 JSON 文件'})}

  async run(): Promise<CalendarImportResult> {
    const file = this.args.file
    let text: string
    try {
      text = await fs.readFile(file, 'utf8')
    } catch {
      throw new InvalidData('file.unreadable', {file})
    }
    const override = parseHolidayCnJson(text, file)
    const committed = await this.mutate(({data}) => importCalendar(data, override, new Date().toISOString()))
    const {result, projectNames} = committed.result
    if (!this.jsonEnabled()) {
      this.log(t(committed.written ? 'calendar.imported' : 'calendar.importUnchanged', {year: result.year, days: result.days}))
      if (result.moved.length === 0) this.log(t('calendar.noneMoved'))
      else {
        this.log(t('calendar.movedTitle', {count: result.moved.length}))
        this.log(renderTable([t('table.id'), t('table.name'), t('review.stage'), t('calendar.dueMove')], result.moved.map((m) => [m.projectId, projectNames.get(m.projectId) ?? '', word('stage', m.key), `${m.dueOnBefore} → ${m.dueOn}`])))
      }
    }
    return result
  }
}

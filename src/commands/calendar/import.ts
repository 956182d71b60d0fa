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
  static override summary = '导入办公室的节假日安排（holiday-cn JSON 格式），覆盖或补充内置日历，并重算受影响的到期日'
  static override description =
    '格式同 github.com/NateScarlet/holiday-cn 的年度文件：{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, ...]}。同一年份再次导入会替换原有安排。办理中的评审环节和待办的验收申请、备案、绩效评价，凡到期日因此改变的，一并重算、记入审计日志并逐项列出。'
  static override examples = ['<%= config.bin %> calendar import 2027.json', '<%= config.bin %> calendar import 2027.json --json']
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

import fs from 'node:fs/promises'
import {Args} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t} from '../../core/i18n/index.js'
import {parseHolidayCnJson} from '../../core/calendar/index.js'
import {InvalidData} from '../../core/domain/errors.js'

export default class CalendarImport extends ItplanCommand<typeof CalendarImport> {
  static override summary = '导入办公室的节假日安排（holiday-cn JSON 格式），覆盖或补充内置日历'
  static override description = '格式同 github.com/NateScarlet/holiday-cn 的年度文件：{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, ...]}。同一年份再次导入会替换原有安排。'
  static override examples = ['<%= config.bin %> calendar import 2027.json']
  static override args = {file: Args.string({required: true, description: 'holiday-cn 格式的 JSON 文件'})}

  async run() {
    let text: string
    try {
      text = await fs.readFile(this.args.file, 'utf8')
    } catch {
      throw new InvalidData('file.unreadable', {file: this.args.file})
    }
    const override = parseHolidayCnJson(text.replace(/^\uFEFF/, ''))
    await this.mutate(({data}) => {
      const rest = (data.calendarOverrides ?? []).filter((o) => o.year !== override.year)
      data.calendarOverrides = [...rest, override].sort((a, b) => a.year - b.year)
      return {result: null, changes: [{projectId: null, action: 'calendar-import', change: {year: override.year, days: override.days.length}}]}
    })
    this.say(t('calendar.imported', {year: override.year, days: override.days.length}))
    return {year: override.year, days: override.days.length}
  }
}

import path from 'node:path'
import {Flags} from '@oclif/core'
import {ItplanCommand} from '../cli/base-command.js'
import {renderReport} from '../cli/render-report.js'
import {t, getLang} from '../core/i18n/index.js'
import {todayLocal} from '../core/domain/dates.js'
import {buildReport, type ReportData} from '../core/domain/report.js'
import {deadlinesOn} from '../core/operations/as-of.js'
import {renderReportHtml} from '../core/report/html.js'
import {writeOutputFile} from '../core/output.js'
import {yearFlag} from '../cli/flags.js'

export type ReportResult = ReportData

export default class Report extends ItplanCommand<typeof Report> {
  static override flags = {
    year: yearFlag({description: '计划年度（默认全部）'}),
    'as-of': Flags.string({description: '显示登记簿在这一天的状态（只计这天以前发生的事；默认今天）'}),
    html: Flags.string({description: '另存为 HTML 页面（含图表，可打印）'}),
  }

  async run(): Promise<ReportResult> {
    const data = await this.load()
    const asOf = this.flags['as-of'] ? this.dateFlag('as-of', this.flags['as-of']) : todayLocal()
    const calendar = this.calendarFor(data)
    const {data: view, deadlines} = await deadlinesOn(this.registerPath, data, asOf, Boolean(this.flags['as-of']), calendar)
    const report = buildReport(view, {year: this.flags.year ?? null, asOf, generatedAt: new Date().toISOString(), deadlines})
    if (this.flags.html) {
      const file = path.resolve(this.flags.html)
      this.guardOutput(file)
      await writeOutputFile(file, renderReportHtml(report, getLang()))
      if (!this.jsonEnabled()) this.logToStderr(t('common.written', {path: file}))
    }
    if (!this.jsonEnabled()) this.log(renderReport(report))
    return report
  }
}

import path from 'node:path'
import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t} from '../../core/i18n/index.js'
import {yearFlag} from '../../cli/flags.js'
import type {FundsExportResult as FundsWorkbookSummary} from '../../core/operations/funds-sheet.js'

/** `funds export --json`: the workbook written and the year's totals it holds. */
export type FundsExportResult = {file: string} & FundsWorkbookSummary

export default class FundsExport extends ItplanCommand<typeof FundsExport> {
  static override flags = {
    year: yearFlag({description: '计划年度', required: true}),
    out: Flags.string({description: '输出文件（默认 ./郴州市<年度>年度信息化项目资金执行情况表.xlsx）'}),
  }

  async run(): Promise<FundsExportResult> {
    const data = await this.load()
    const out = path.resolve(this.flags.out ?? `郴州市${this.flags.year}年度信息化项目资金执行情况表.xlsx`)
    this.guardOutput(out)
    // exceljs is loaded only by the commands that write workbooks.
    const {fundsExport} = await import('../../core/operations/funds-sheet.js')
    const {writeFundsWorkbook} = await import('../../core/excel/funds-export.js')
    const {sheets, result} = fundsExport({year: this.flags.year, data, exportedAt: new Date().toISOString()})
    await writeFundsWorkbook(out, sheets)
    this.say(t('export.funds', {path: out, count: result.projects}))
    return {file: out, ...result}
  }
}

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
    out: Flags.string({description: '输出文件（默认 ./<地区><年度>年度信息化项目资金执行情况表.xlsx，地区见 config show）'}),
  }

  async run(): Promise<FundsExportResult> {
    const data = await this.load()
    // a bad --out is refused before any work (the default name needs the export's region and year)
    if (this.flags.out) this.guardOutput(path.resolve(this.flags.out))
    // exceljs is loaded only by the commands that write workbooks.
    const {fundsExport} = await import('../../core/operations/funds-sheet.js')
    const {writeFundsWorkbook} = await import('../../core/excel/funds-export.js')
    const {sheets, result, fileName} = fundsExport({year: this.flags.year, data, exportedAt: new Date().toISOString()})
    const out = path.resolve(this.flags.out ?? fileName)
    this.guardOutput(out)
    await writeFundsWorkbook(out, sheets)
    this.say(t('export.funds', {path: out, count: result.projects}))
    return {file: out, ...result}
  }
}

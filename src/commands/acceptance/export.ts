import path from 'node:path'
import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t} from '../../core/i18n/index.js'
import {yearFlag} from '../../cli/flags.js'
import type {AcceptanceExportResult as AcceptanceWorkbookSummary} from '../../core/operations/acceptance-sheet.js'

/** `acceptance export --json`: the workbook written and how many projects it lists. */
export type AcceptanceExportResult = {file: string} & AcceptanceWorkbookSummary

export default class AcceptanceExport extends ItplanCommand<typeof AcceptanceExport> {
  static override flags = {
    year: yearFlag({description: '计划年度', required: true}),
    out: Flags.string({description: '输出文件（默认 ./<地区><年度>年度信息化项目验收备案表.xlsx，地区见 config show）'}),
  }

  async run(): Promise<AcceptanceExportResult> {
    const data = await this.load()
    // a bad --out is refused before any work (the default name needs the export's region and year)
    if (this.flags.out) this.guardOutput(path.resolve(this.flags.out))
    const {acceptanceExport} = await import('../../core/operations/acceptance-sheet.js')
    const {writeAcceptanceWorkbook} = await import('../../core/excel/acceptance-export.js')
    const {sheets, result, fileName} = acceptanceExport({year: this.flags.year, data, exportedAt: new Date().toISOString()})
    const out = path.resolve(this.flags.out ?? fileName)
    this.guardOutput(out)
    await writeAcceptanceWorkbook(out, sheets)
    this.say(t('export.acceptance', {path: out, count: result.projects}))
    return {file: out, ...result}
  }
}

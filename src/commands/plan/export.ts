import path from 'node:path'
import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t} from '../../core/i18n/index.js'
import {formatWan} from '../../core/domain/money.js'
import {planSelector, planVersionFlags} from '../../cli/plan-flags.js'
import {yearFlag} from '../../cli/flags.js'
import type {PlanExportResult as PlanWorkbookSummary} from '../../core/operations/plan-sheet.js'

/** `plan export --json`: the workbook written and what it holds. */
export type PlanExportResult = {file: string} & PlanWorkbookSummary

export default class PlanExport extends ItplanCommand<typeof PlanExport> {
  static override flags = {
    year: yearFlag({description: '计划年度', required: true}),
    out: Flags.string({description: '输出文件（默认 ./<地区><年度>年度信息化项目计划表.xlsx，地区见 config show）'}),
    ...planVersionFlags,
  }

  async run(): Promise<PlanExportResult> {
    const data = await this.load()
    // a bad --out is refused before any work (the default name needs the export's region and year)
    if (this.flags.out) this.guardOutput(path.resolve(this.flags.out))
    // exceljs is loaded only by the commands that write workbooks.
    const {planExport} = await import('../../core/operations/plan-sheet.js')
    const {writePlanWorkbook} = await import('../../core/excel/plan-export.js')
    const {sheets, result, fileName} = planExport({year: this.flags.year, data, selector: planSelector(this.flags), exportedAt: new Date().toISOString()})
    const out = path.resolve(this.flags.out ?? fileName)
    this.guardOutput(out)
    await writePlanWorkbook(out, sheets)
    this.say(t('export.plan', {path: out, count: result.projects, total: formatWan(result.totalInvestmentFen)}))
    this.say(result.version === null ? t('export.planDraft') : t('export.planVersion', {version: result.version, changes: result.changes}))
    return {file: out, ...result}
  }
}

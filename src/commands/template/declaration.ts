import path from 'node:path'
import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t} from '../../core/i18n/index.js'
import {loadRegister} from '../../core/register/store.js'
import {yearFlag} from '../../cli/flags.js'

export interface TemplateDeclarationResult {
  file: string
  planYear: number
  columns: number
}

export default class TemplateDeclaration extends ItplanCommand<typeof TemplateDeclaration> {
  static override flags = {
    out: Flags.string({description: '输出文件（默认 ./郴州市<年度>年度信息化项目申报表.xlsx）'}),
    year: yearFlag({description: '计划年度（默认登记簿的计划年度，没有登记簿时为明年）'}),
  }

  async run(): Promise<TemplateDeclarationResult> {
    const year = this.flags.year ?? (await loadRegister(this.registerPath).then((d) => d.settings.planYear).catch(() => new Date().getFullYear() + 1))
    const out = path.resolve(this.flags.out ?? `郴州市${year}年度信息化项目申报表.xlsx`)
    this.guardOutput(out)
    // The spreadsheet modules load only for the commands that write spreadsheets.
    const {writeDeclarationTemplate} = await import('../../core/excel/template.js')
    const {columns} = await writeDeclarationTemplate(out, {planYear: year, generatedAt: new Date().toISOString()})
    this.say(t('template.written', {path: out, columns}))
    return {file: out, planYear: year, columns}
  }
}

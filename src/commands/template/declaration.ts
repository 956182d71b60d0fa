import path from 'node:path'
import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t} from '../../core/i18n/index.js'
import {loadRegister} from '../../core/register/store.js'
import {yearFlag} from '../../cli/flags.js'
import {regionWordsOf} from '../../core/domain/region.js'

export interface TemplateDeclarationResult {
  file: string
  planYear: number
  columns: number
}

export default class TemplateDeclaration extends ItplanCommand<typeof TemplateDeclaration> {
  static override flags = {
    out: Flags.string({description: '输出文件（默认 ./<地区><年度>年度信息化项目申报表.xlsx，地区见 config show）'}),
    year: yearFlag({description: '计划年度（默认登记簿的计划年度，没有登记簿时为明年）'}),
  }

  async run(): Promise<TemplateDeclarationResult> {
    // without a register, the template is the default region's for next year
    const settings = await loadRegister(this.registerPath, {projectIds: []}).then((d) => d.settings).catch(() => null)
    const year = this.flags.year ?? settings?.planYear ?? new Date().getFullYear() + 1
    const region = regionWordsOf(settings ?? {})
    // The spreadsheet modules load only for the commands that write spreadsheets.
    const {writeDeclarationTemplate, declarationTemplateFileName} = await import('../../core/excel/template.js')
    const out = path.resolve(this.flags.out ?? declarationTemplateFileName(year, region))
    this.guardOutput(out)
    const {columns} = await writeDeclarationTemplate(out, {planYear: year, generatedAt: new Date().toISOString(), region})
    this.say(t('template.written', {path: out, columns}))
    return {file: out, planYear: year, columns}
  }
}

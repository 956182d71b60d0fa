import path from 'node:path'
import {mkdir} from 'node:fs/promises'
import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {yearFlag} from '../../cli/flags.js'
import {t} from '../../core/i18n/index.js'

/** `evaluate form --json`: the forms written, one per project. */
export interface EvaluateFormResult {
  dir: string
  files: Array<{id: string; file: string}>
}

export default class EvaluateForm extends ItplanCommand<typeof EvaluateForm> {
  static override strict = false
  static override args = {id: Args.string({description: '项目编号（可多个）'})}
  static override flags = {
    year: yearFlag({description: '计划年度：该年度已验收、已备案的全部项目'}),
    out: Flags.string({description: '输出文件夹（默认当前文件夹）'}),
  }

  async run(): Promise<EvaluateFormResult> {
    const data = await this.load()
    const {formProjects, formModel, formFileName} = await import('../../core/operations/evaluation-form.js')
    const {readEvaluationTemplate} = await import('../../core/excel/evaluation-template.js')
    const {writeEvaluationForm} = await import('../../core/excel/evaluation-form.js')
    const template = readEvaluationTemplate()
    const projects = formProjects(data, {ids: this.positional, year: this.flags.year ?? null})
    const dir = path.resolve(this.flags.out ?? '.')
    const models = projects.map(formModel)
    const targets = models.map((m) => path.join(dir, formFileName(m, template.sheetName)))
    for (const file of targets) this.guardOutput(file)
    if (models.length > 0) await mkdir(dir, {recursive: true})
    const files: EvaluateFormResult['files'] = []
    for (const [i, m] of models.entries()) {
      await writeEvaluationForm(targets[i], template, m)
      files.push({id: m.id, file: targets[i]})
      this.say(t('evalform.written', {id: m.id, path: targets[i]}))
    }
    this.say(models.length === 0 ? t('evalform.none', {year: this.flags.year ?? ''}) : t('evalform.count', {count: models.length, dir}))
    return {dir, files}
  }
}

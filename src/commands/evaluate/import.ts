import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {evaluationEcho} from '../../cli/render-lifecycle.js'
import {t} from '../../core/i18n/index.js'
import {InvalidInput, UsageError} from '../../core/domain/errors.js'
import {expandInputs} from '../../core/excel/inputs.js'
import type {EvaluateImportResult} from '../../core/operations/evaluation-import.js'
import type {RegisterData} from '../../core/domain/types.js'

export type {EvaluateImportResult}

export default class EvaluateImport extends ItplanCommand<typeof EvaluateImport> {
  static override strict = false
  static override args = {paths: Args.string({description: '填好的绩效自评表：文件、文件夹或通配符', required: true})}
  static override flags = {
    date: Flags.string({description: '评价日期（默认今天）'}),
  }

  async run(): Promise<EvaluateImportResult> {
    const date = this.dateFlag('date', this.flags.date)
    const {files, missing, ignored} = await expandInputs(this.positional)
    if (missing.length > 0) throw new UsageError('import.notFound', {paths: missing})
    for (const file of ignored) this.warnText(t('import.ignoredFile', {file}))
    if (files.length === 0) throw new UsageError('import.nothing', {paths: this.positional})
    const {readFormFiles, importEvaluationForms} = await import('../../core/operations/evaluation-import.js')
    const read = await readFormFiles(files)
    if (read.problems.length > 0) throw new InvalidInput(read.problems)
    let data: RegisterData | null = null
    const {result, entries} = await this.mutate((ctx) => {
      data = ctx.data
      return importEvaluationForms(ctx, read.files, {date, now: new Date().toISOString()})
    })
    const written = data as unknown as RegisterData
    for (const e of result.evaluations) {
      this.say(t('evalform.imported', {file: e.file, sheet: e.sheet, id: e.projectId, name: e.name}))
      const project = written.projects.find((p) => p.id === e.projectId)!
      this.say(`  ${evaluationEcho(project, {data: written, entries}).split('\n').join('\n  ')}`)
    }
    this.say(t('evalform.importedCount', {count: result.evaluations.length}))
    return result
  }
}

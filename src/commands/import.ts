import path from 'node:path'
import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../cli/base-command.js'
import {enumWords} from '../cli/words.js'
import {renderImport, importJson, linkSkipped, type ImportResult} from '../cli/render-import.js'
import {startProgress} from '../cli/progress.js'
import {t} from '../core/i18n/index.js'
import {todayLocal} from '../core/domain/dates.js'
import {UsageError} from '../core/domain/errors.js'
import {expandInputs} from '../core/excel/inputs.js'
import {applyImport} from '../core/operations/import.js'
import {yearFlag} from '../cli/flags.js'
import {regionOf, regionWordsOf} from '../core/domain/region.js'

export type {ImportResult}

export default class Import extends ItplanCommand<typeof Import> {
  static override strict = false
  static override args = {paths: Args.string({description: '文件、文件夹或通配符', required: true})}
  static override flags = {
    'dry-run': Flags.boolean({description: '完整校验但不写入任何内容（包括错误文件）'}),
    'all-or-nothing': Flags.boolean({description: '任何一个文件有错，整批都不导入'}),
    year: yearFlag({description: '表中没有年度列时使用的计划年度（默认登记簿的计划年度）'}),
    'received-on': Flags.string({description: '表中没有申报日期时使用的收到日期（默认今天）'}),
    'errors-dir': Flags.string({description: '错误文件的存放目录（默认与源文件同目录）'}),
  }

  async run(): Promise<ImportResult> {
    const f = this.flags
    const args = this.positional
    const {files, missing, ignored, links} = await expandInputs(args)
    if (missing.length > 0) throw new UsageError('import.notFound', {paths: missing})
    for (const file of ignored) this.warnText(t('import.ignoredFile', {file}))
    if (files.length === 0) for (const link of links) this.warnText(linkSkipped(link))
    if (files.length === 0) throw new UsageError('import.nothing', {paths: args})
    const receivedOn = f['received-on'] ? this.dateFlag('received-on', f['received-on']) : todayLocal()
    // The spreadsheet reader is loaded only by the commands that read spreadsheets; a large workbook's parser
    // starts loading in a worker thread while the register is read.
    const {readBatch, prepareSheetWorker} = await import('../core/operations/read-batch.js')
    await prepareSheetWorker(files)
    const data = await this.load()
    const {errorWorkbookPath, unusableDestination, writeRejections} = await import('../core/excel/rejections.js')
    const progress = startProgress(files.length, !this.jsonEnabled())
    const batch = await readBatch(files, {defaultYear: f.year ?? data.settings.planYear, receivedOn, words: enumWords(), region: regionOf(data.settings), onFile: (file, i) => progress.update(i, file), onRows: (file, i, rows) => progress.update(i, t('import.progressRows', {file: path.basename(file), rows}))})
    progress.stop()
    const dryRun = f['dry-run']
    // where each rejected file's error workbook goes, decided (and checked) before anything is committed
    const destinations = new Map<number, string>()
    const {result: outcomes} = await this.mutate((ctx) => {
      const applied = applyImport(ctx, batch, {words: enumWords(), today: receivedOn, now: new Date().toISOString(), addWorkingDays: this.calendarFor(ctx.data).addWorkingDays, allOrNothing: f['all-or-nothing']})
      // A destination that cannot take the error workbook refuses the whole import (exit 2, nothing written): after
      // the commit it would be too late, and the rejected files' reasons would be lost.
      destinations.clear()
      if (!dryRun) {
        const taken = new Set<string>()
        for (const [i, outcome] of applied.result.entries()) {
          if (outcome.status !== 'rejected') continue
          const out = errorWorkbookPath(batch[i].path, f['errors-dir'], taken)
          taken.add(out)
          const unusable = unusableDestination(out)
          if (unusable) throw new UsageError('import.errorsDirUnusable', {path: unusable.path, reason: t(`import.reason.${unusable.reason}`)})
          this.guardOutput(out)
          destinations.set(i, out)
        }
      }
      // The declarations are projects now: let them go before the register is written (50,000 are ~40 MB).
      for (const file of batch) if (file.validation) file.validation.declarations = []
      return applied
    }, {dryRun})
    const errorFiles = new Map<string, string>()
    for (const [i, out] of destinations) {
      try {
        if (await writeRejections(batch[i], outcomes[i].problems, out, regionWordsOf(data.settings))) errorFiles.set(batch[i].path, out)
      } catch (error) {
        // the import is committed: the summary below still lists every problem
        this.warnText(t('import.errorFileFailed', {path: out, detail: (error as Error).message}))
      }
    }
    const rejected = outcomes.some((o) => o.status === 'rejected')
    if (rejected) process.exitCode = 3
    if (!this.jsonEnabled()) {
      this.log(renderImport(batch, outcomes, errorFiles, {dryRun, allOrNothing: f['all-or-nothing'], links}))
      if (dryRun) this.log(t('common.dryRun'))
    }
    return importJson(batch, outcomes, errorFiles, f['all-or-nothing'], links)
  }
}

import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {renderTable} from '../../cli/table.js'
import {out} from '../../cli/ui.js'
import {t} from '../../core/i18n/index.js'
import {placeText, problemText} from '../../core/i18n/problems.js'
import {todayLocal} from '../../core/domain/dates.js'
import {InvalidData, UsageError} from '../../core/domain/errors.js'
import {expandInputs} from '../../core/excel/inputs.js'
import {applySystemImport, type SystemImportFile} from '../../core/operations/systems.js'
import type {InventoryRead} from '../../core/excel/system-inventory.js'

/** `system import --json`: per file what was added or updated; the problems when the import was refused (exit 3). */
export interface SystemImportResult {
  files: SystemImportFile[]
  errors: Array<{file: string; sheet: string | null; row: number | null; column: string | null; message: string; code: string}>
  totals: {created: number; updated: number; unchanged: number}
}

export default class SystemImport extends ItplanCommand<typeof SystemImport> {
  static override strict = false
  static override args = {paths: Args.string({description: '文件、文件夹或通配符', required: true})}
  static override flags = {
    'dry-run': Flags.boolean({description: '完整校验但不写入'}),
  }

  async run(): Promise<SystemImportResult> {
    const {files, missing} = await expandInputs(this.positional)
    if (missing.length > 0) throw new UsageError('import.notFound', {paths: missing})
    if (files.length === 0) throw new UsageError('import.nothing', {paths: this.positional})
    const {readInventory, inventoryYesNo} = await import('../../core/excel/system-inventory.js')
    const reads: InventoryRead[] = []
    const unreadable: SystemImportResult['errors'] = []
    for (const file of files) {
      try {
        reads.push(await readInventory(file))
      } catch (error) {
        if (!(error instanceof InvalidData)) throw error
        const e = {sheet: '', row: null, column: null, field: null, code: error.code, params: error.params}
        unreadable.push({file, sheet: null, row: null, column: null, message: problemText(e), code: error.code})
      }
    }
    const yesNo = inventoryYesNo()
    const {result} = await this.mutate((ctx) => {
      const outcome = applySystemImport(ctx, reads, {today: todayLocal(), now: new Date().toISOString(), yesNo})
      // one unreadable file keeps the batch out, like a bad row
      return unreadable.length > 0 ? {result: outcome.result, changes: []} : outcome
    }, {dryRun: this.flags['dry-run']})
    const errors = [...unreadable, ...result.problems.map((p) => ({file: p.file, sheet: p.sheet || null, row: p.row, column: p.column, message: problemText(p), code: p.code}))]
    const refused = errors.length > 0
    const totals = {created: 0, updated: 0, unchanged: 0}
    if (!refused) for (const f of result.files) for (const k of ['created', 'updated', 'unchanged'] as const) totals[k] += f[k]
    if (refused) process.exitCode = 3
    if (!this.jsonEnabled()) {
      if (!refused) {
        this.log(renderTable([t('import.col.file'), t('import.col.created'), t('import.col.updated'), t('import.col.unchanged')], result.files.map((f) => [f.file, f.created, f.updated, f.unchanged]), ['left', 'right', 'right', 'right']))
        for (const f of result.files) for (const sheet of f.skippedSheets) this.log(out.dim(t('import.sheetSkipped', {file: f.file, sheet, reason: t('import.skip.no-header')})))
      }
      for (const p of unreadable) this.log(out.red(`${p.file}：${p.message}`))
      for (const p of result.problems) this.log(out.red(`${placeText(p.file, p)}：${problemText(p)}`))
      if (refused) this.log(out.red(t('system.importRefused', {count: errors.length})))
      if (this.flags['dry-run']) this.log(t('common.dryRun'))
    }
    return {files: refused ? result.files.map((f) => ({...f, created: 0, updated: 0, unchanged: 0, createdIds: [], updatedIds: []})) : result.files, errors, totals}
  }
}

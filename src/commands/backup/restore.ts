import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {confirmDestructive} from '../../cli/confirm.js'
import {t} from '../../core/i18n/index.js'
import {restoreBackup} from '../../core/register/restore.js'

export interface BackupRestoreResult {
  restored: string
  /** the backup the replaced register was saved as */
  savedAs: string | null
}

export default class BackupRestore extends ItplanCommand<typeof BackupRestore> {
  static override args = {id: Args.string({required: true, description: '备份编号（itplan backup list）'})}
  static override flags = {confirm: Flags.string({description: '非交互终端下确认：再写一次备份编号'})}

  async run(): Promise<BackupRestoreResult> {
    await confirmDestructive(this.args.id, this.flags.confirm, t('backup.confirm', {id: this.args.id}))
    const result = await restoreBackup(this.registerPath, this.args.id, {lockTimeoutMs: this.flags['lock-timeout'] * 1000, operator: this.operator, command: `itplan backup restore ${this.args.id}`})
    this.say(t('backup.restored', {id: result.restored, saved: result.savedAs ?? t('common.none')}))
    return result
  }
}

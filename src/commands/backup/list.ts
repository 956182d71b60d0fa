import {ItplanCommand} from '../../cli/base-command.js'
import {renderTable} from '../../cli/table.js'
import {t} from '../../core/i18n/index.js'
import {listBackups} from '../../core/register/backups.js'
import {formatLocalTime} from '../../core/domain/iso-date.js'

export interface BackupListItem {
  id: string
  createdAt: string
  bytes: number
}

/** Oldest first (DESIGN §5). */
export type BackupListResult = BackupListItem[]

export default class BackupList extends ItplanCommand<typeof BackupList> {

  async run(): Promise<BackupListResult> {
    const backups = await listBackups(this.registerPath)
    if (!this.jsonEnabled()) {
      if (backups.length === 0) this.log(t('backup.none'))
      else this.log(renderTable([t('backup.id'), t('backup.createdAt'), t('backup.size')], backups.map((b) => [b.id, formatLocalTime(b.createdAt), `${Math.ceil(b.bytes / 1024)} KB`]), ['left', 'left', 'right']))
    }
    return backups.map((b) => ({id: b.id, createdAt: b.createdAt, bytes: b.bytes}))
  }
}

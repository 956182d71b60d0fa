import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {journalList} from '../../cli/render-journal.js'
import {t} from '../../core/i18n/index.js'
import {projectHistory} from '../../core/register/history.js'
import type {JournalEntry} from '../../core/domain/types.js'

export type AuditLogResult = JournalEntry[]

export default class AuditLog extends ItplanCommand<typeof AuditLog> {
  static override flags = {project: Flags.string({description: '项目编号'}), limit: Flags.integer({description: '只显示最近 N 条'})}

  async run(): Promise<AuditLogResult> {
    const data = await this.load()
    let entries = await projectHistory(this.registerPath, data, this.flags.project ?? null)
    if (this.flags.limit !== undefined) entries = entries.slice(-this.flags.limit)
    if (!this.jsonEnabled()) {
      if (entries.length === 0) this.log(t('journal.empty'))
      else this.log(journalList(entries, {projects: new Map(data.projects.map((p) => [p.id, p.name]))}))
    }
    return entries
  }
}

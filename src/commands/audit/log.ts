import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {out} from '../../cli/ui.js'
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
      for (const e of entries) {
        this.log(`${out.dim(String(e.seq).padStart(5))} ${e.at.slice(0, 19).replace('T', ' ')} ${e.operator} ${out.bold(e.action)} ${e.projectId ?? ''} ${out.dim(JSON.stringify(e.change))}`)
      }
    }
    return entries
  }
}

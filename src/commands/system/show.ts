import {Args} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {out} from '../../cli/ui.js'
import {t} from '../../core/i18n/index.js'
import {requireSystem} from '../../core/operations/systems.js'
import type {InventorySystem, Project} from '../../core/domain/types.js'

/** The system, and the O&M projects that name it. */
export type SystemShowResult = InventorySystem & {maintainedBy: Array<Pick<Project, 'id' | 'name' | 'planYear' | 'status' | 'flags'>>}

const answer = (v: boolean | null) => (v === null ? t('system.notRecorded') : v ? t('yes') : out.red(t('no')))

export default class SystemShow extends ItplanCommand<typeof SystemShow> {
  static override args = {id: Args.string({required: true, description: '系统编号'})}

  async run(): Promise<SystemShowResult> {
    const data = await this.load()
    const s = requireSystem(data, this.args.id)
    const maintainedBy = data.projects.filter((p) => p.kind === 'operations' && p.systemId === s.id).map((p) => ({id: p.id, name: p.name, planYear: p.planYear, status: p.status, flags: p.flags}))
    if (!this.jsonEnabled()) {
      const l = [out.bold(`${s.id}  ${s.name}`)]
      l.push(`  ${t('system.col.unit')}: ${s.unit}${s.category ? `  ${t('system.col.category')}: ${s.category}` : ''}${s.since ? `  ${t('system.col.since')}: ${s.since}` : ''}`)
      l.push(`  ${t('system.col.govCloud')}: ${answer(s.govCloud)}  ${t('system.col.dataSharing')}: ${answer(s.dataSharing)}`)
      if (s.description) l.push(`  ${t('system.col.description')}: ${s.description}`)
      if (s.sourceProjectId) l.push(`  ${t('system.fromProject', {id: s.sourceProjectId})}`)
      for (const h of s.sharingHistory) l.push(`  ${out.dim(t('system.sharingLine', {date: h.date, value: h.dataSharing ? t('yes') : t('no'), basis: t(`system.basis.${h.basis}`), doc: h.documentNo ?? ''}))}`)
      if (s.source) l.push(`  ${t('show.source', {file: s.source.file, sheet: s.source.sheet ?? '', row: s.source.row ?? ''})}`)
      for (const p of maintainedBy) l.push(`  ${t('system.maintainedBy', {id: p.id, name: p.name, year: p.planYear})}`)
      this.log(l.join('\n'))
    }
    return {...s, maintainedBy}
  }
}

import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {renderTable} from '../../cli/table.js'
import {unitArgument} from '../../cli/flags.js'
import {regionOf} from '../../core/domain/region.js'
import {t} from '../../core/i18n/index.js'
import {systemsOf} from '../../core/domain/systems.js'
import type {InventorySystem} from '../../core/domain/types.js'

export type SystemListResult = InventorySystem[]

const answer = (v: boolean | null) => (v === null ? '' : v ? t('yes') : t('no'))

export default class SystemList extends ItplanCommand<typeof SystemList> {
  static override flags = {
    unit: Flags.string({description: '只列出该单位的系统'}),
  }

  async run(): Promise<SystemListResult> {
    const data = await this.load()
    const unit = this.flags.unit === undefined ? null : unitArgument(this.flags.unit, regionOf(data.settings))
    const systems = systemsOf(data).filter((s) => unit === null || s.unit === unit)
    if (!this.jsonEnabled()) {
      if (systems.length === 0) this.log(t('system.none'))
      else {
        this.log(
          renderTable(
            [t('system.col.id'), t('system.col.name'), t('system.col.unit'), t('system.col.category'), t('system.col.since'), t('system.col.govCloud'), t('system.col.dataSharing'), t('system.col.project')],
            systems.map((s) => [s.id, s.name, s.unit, s.category ?? '', s.since ?? '', answer(s.govCloud), answer(s.dataSharing), s.sourceProjectId ?? '']),
          ),
        )
      }
    }
    return systems
  }
}

import {Args, Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t} from '../../core/i18n/index.js'
import {UsageError} from '../../core/domain/errors.js'
import {parseYesNo} from '../../core/domain/declaration.js'
import {updateSystem} from '../../core/operations/systems.js'
import type {InventorySystem} from '../../core/domain/types.js'

export type SystemUpdateResult = InventorySystem

export default class SystemUpdate extends ItplanCommand<typeof SystemUpdate> {
  static override args = {id: Args.string({required: true, description: '系统编号'})}
  static override flags = {
    'data-sharing': Flags.string({description: '数据是否共享：是 / 否'}),
    'gov-cloud': Flags.string({description: '是否部署在政务云：是 / 否'}),
    date: Flags.string({description: '日期（默认今天）'}),
    doc: Flags.string({description: '依据文号'}),
  }

  async run(): Promise<SystemUpdateResult> {
    const f = this.flags
    const {inventoryYesNo} = await import('../../core/excel/system-inventory.js')
    const words = inventoryYesNo()
    const yesNo = (flag: string, v: string | undefined): boolean | undefined => {
      if (v === undefined) return undefined
      const parsed = parseYesNo(v, words)
      if (parsed === null) throw new UsageError('usage.badYesNo', {flag, value: v})
      return parsed
    }
    const dataSharing = yesNo('data-sharing', f['data-sharing'])
    const govCloud = yesNo('gov-cloud', f['gov-cloud'])
    const date = this.commandDate()
    const {result} = await this.mutate((ctx) => updateSystem(ctx, this.args.id, {dataSharing, govCloud, date, documentNo: f.doc ?? null, now: new Date().toISOString()}))
    this.say(t('system.updated', {id: result.id, name: result.name}))
    return result
  }
}

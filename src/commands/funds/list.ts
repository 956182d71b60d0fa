import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {fundsTable} from '../../cli/render-funds.js'
import {t} from '../../core/i18n/index.js'
import {yearFlag} from '../../cli/flags.js'
import {normaliseUnit} from '../../core/domain/normalise.js'
import {regionOf} from '../../core/domain/region.js'
import {fundsView, type FundsView} from '../../core/operations/funds.js'

/** `funds list --json` (DESIGN §13): each project's budget for the year, the totals by unit and overall. */
export type FundsListResult = FundsView

export default class FundsList extends ItplanCommand<typeof FundsList> {
  static override flags = {
    year: yearFlag({description: '计划年度', required: true}),
    unit: Flags.string({description: '建设单位（包含即可）'}),
  }

  async run(): Promise<FundsListResult> {
    const data = await this.load()
    const view = fundsView(data, this.flags.year, this.flags.unit ? normaliseUnit(this.flags.unit, regionOf(data.settings)) || null : null)
    if (!this.jsonEnabled()) {
      if (view.version === null) this.log(t('funds.noPlan', {year: view.year}))
      else if (view.projects.length === 0) this.log(t('funds.listEmpty', {year: view.year}))
      else this.log(fundsTable(view))
    }
    return view
  }
}

import {ItplanCommand} from '../../cli/base-command.js'
import {renderTable} from '../../cli/table.js'
import {t, codeText} from '../../core/i18n/index.js'
import {unitStandings, type UnitStanding} from '../../core/domain/units.js'

export type UnitListResult = UnitStanding[]

export default class UnitList extends ItplanCommand<typeof UnitList> {

  async run(): Promise<UnitListResult> {
    const data = await this.load()
    const units = unitStandings(data)
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          [t('table.unit'), t('unit.suspended'), t('unit.reason'), t('unit.lastEvaluation')],
          units.map((u) => [u.name, u.suspended ? t('yes') : '', u.reason ? codeText(u.reason) : '', u.lastEvaluation ? `${u.lastEvaluation.score}（${u.lastEvaluation.grade ?? ''}，${u.lastEvaluation.date}）` : '']),
        ),
      )
    }
    return units
  }
}

import {ItplanCommand} from '../../cli/base-command.js'
import {renderTable} from '../../cli/table.js'
import {t, codeText, hasMessage} from '../../core/i18n/index.js'
import {unitStandings, type UnitStanding} from '../../core/domain/units.js'

/** A unit as --json prints it: the reason of a suspension in words, and the code of one the tool decided (Art. 17). */
export type UnitListResult = Array<UnitStanding & {reasonCode: string | null}>

export default class UnitList extends ItplanCommand<typeof UnitList> {

  async run(): Promise<UnitListResult> {
    const data = await this.load()
    const units = unitStandings(data).map((u) => ({...u, reason: u.reason && codeText(u.reason), reasonCode: u.reason && hasMessage(u.reason) ? u.reason : null}))
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(
          [t('table.unit'), t('unit.suspended'), t('unit.reason'), t('unit.lastEvaluation')],
          units.map((u) => [u.name, u.suspended ? t('yes') : '', u.reason ?? '', u.lastEvaluation ? `${u.lastEvaluation.score}（${u.lastEvaluation.grade ?? ''}，${u.lastEvaluation.date}）` : '']),
        ),
      )
    }
    return units
  }
}

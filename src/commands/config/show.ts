import {ItplanCommand} from '../../cli/base-command.js'
import {t, word} from '../../core/i18n/index.js'
import {formatWan} from '../../core/domain/money.js'
import {declarationDeadline} from '../../core/domain/config.js'
import {regionOf} from '../../core/domain/region.js'
import {PROCUREMENT_CATEGORIES, STAGE_KEYS, type ProcurementLimits, type Rules, type Settings} from '../../core/domain/types.js'

/** DESIGN §5: `{rules: {version, procurementLimitFen, approvalStandardFen, timeLimits, …}, settings: {planYear, declarationDeadline, lang}}`. */
export interface ConfigShowResult {
  rules: {
    version: string
    procurementLimitFen: ProcurementLimits
    approvalStandardFen: number
    approvalStandardConfirmed: Rules['approvalStandardConfirmed']
    timeLimits: Rules['timeLimits']
    stagesByTrack: Rules['stagesByTrack']
    deadlines: Rules['deadlines']
    citations: Rules['citations']
  }
  settings: {
    planYear: number
    declarationDeadline: string
    lang: Settings['lang']
    /** the jurisdiction (DESIGN §18): the default region unless `init --region` or `config set region` named another */
    region: string
    /** 市本级 / 县本级 / 区本级, from the region's last character */
    level: string
    /** the measures' title without 书名号 (`config set measures-name`) */
    measuresName: string
  }
}

export default class ConfigShow extends ItplanCommand<typeof ConfigShow> {

  async run(): Promise<ConfigShowResult> {
    const {rules, settings} = await this.load()
    const region = regionOf(settings)
    const result = {
      rules: {
        version: rules.version,
        procurementLimitFen: {...rules.procurementLimitFen},
        approvalStandardFen: rules.approvalStandardFen,
        approvalStandardConfirmed: rules.approvalStandardConfirmed,
        timeLimits: {...rules.timeLimits},
        stagesByTrack: rules.stagesByTrack,
        deadlines: rules.deadlines,
        citations: rules.citations,
      },
      settings: {planYear: settings.planYear, declarationDeadline: declarationDeadline(settings.planYear, settings), lang: settings.lang, region: region.name, level: region.level, measuresName: region.measuresName},
    }
    if (this.jsonEnabled()) return result
    const lines = [t('config.title.rules', {version: rules.version})]
    for (const c of PROCUREMENT_CATEGORIES) lines.push(`  ${t('config.limit', {category: word('procurementCategory', c)})}: ${formatWan(rules.procurementLimitFen[c])} 万元`)
    lines.push(`  ${t('config.standard')}: ${formatWan(rules.approvalStandardFen)} 万元${rules.approvalStandardConfirmed ? '' : ' ' + t('config.assumed')}`)
    for (const k of STAGE_KEYS) lines.push(`  ${t('config.timeLimit', {stage: word('stage', k)})}: ${t('config.days', {days: rules.timeLimits[k]})}`)
    lines.push(`  ${t('config.source')}:`)
    for (const [key, text] of Object.entries(rules.citations)) lines.push(`    - ${key}: ${text}`)
    lines.push(t('config.title.settings'))
    lines.push(`  ${t('config.planYear')}: ${settings.planYear}`)
    const deadline = declarationDeadline(settings.planYear, settings)
    lines.push(`  ${t('config.deadline')}: ${settings.declarationDeadline ? deadline : t('config.deadlineDefault', {date: deadline})}`)
    lines.push(`  ${t('config.lang')}: ${settings.lang}`)
    lines.push(`  ${t('config.region')}: ${t('config.regionValue', {region: region.name, level: region.level})}`)
    lines.push(`  ${t('config.measuresName')}: ${t('config.measuresValue', {measuresName: region.measuresName})}`)
    this.log(lines.join('\n'))
    return result
  }
}

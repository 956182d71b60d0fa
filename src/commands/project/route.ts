import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {t, word} from '../../core/i18n/index.js'
import {todayLocal} from '../../core/domain/dates.js'
import {rerouteAll, type RouteMove} from '../../core/operations/projects.js'
import type {ProjectStatus} from '../../core/domain/types.js'
import type {WithNotices} from '../../cli/results.js'

/** The projects re-routed (or that would be, with --dry-run) and those kept on their track for their status. */
export type ProjectRouteResult = WithNotices<{dryRun: boolean; rulesVersion: string; moved: RouteMove[]; kept: Array<{id: string; status: ProjectStatus}>}>

export default class ProjectRoute extends ItplanCommand<typeof ProjectRoute> {
  static override flags = {'dry-run': Flags.boolean({description: '只列出将变化的项目，不写入'})}

  async run(): Promise<ProjectRouteResult> {
    const dryRun = this.flags['dry-run']
    const {result, notices} = await this.mutate((ctx) => rerouteAll(ctx, {today: todayLocal(), now: new Date().toISOString(), addWorkingDays: this.calendarFor(ctx.data).addWorkingDays}), {dryRun})
    if (result.moves.length === 0) this.say(t('project.routeNone', {version: result.rulesVersion}))
    for (const m of result.moves) this.say(t('project.routeMoved', {id: m.id, name: m.name, from: word('track', m.from), to: word('track', m.to)}))
    if (result.moves.length > 0) this.say(t('project.routeSummary', {count: result.moves.length, verb: t(dryRun ? 'project.routeVerbWould' : 'project.routeVerbMoved')}))
    if (result.kept.length > 0) this.say(t('project.routeKept', {count: result.kept.length, ids: result.kept.slice(0, 20).map((k) => `${k.id}（${word('status', k.status)}）`)}))
    const shown = this.withNotices({dryRun: Boolean(dryRun), rulesVersion: result.rulesVersion, moved: result.moves, kept: result.kept}, notices.filter((n) => !n.code.startsWith('notice.track')))
    if (dryRun) this.say(t('common.dryRun'))
    return shown
  }
}

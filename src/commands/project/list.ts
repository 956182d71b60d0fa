import {Flags} from '@oclif/core'
import {ItplanCommand} from '../../cli/base-command.js'
import {projectTable} from '../../cli/render.js'
import {t} from '../../core/i18n/index.js'
import {formatWan} from '../../core/domain/money.js'
import {filterProjects} from '../../core/domain/queries.js'
import {PROJECT_FLAGS, PROJECT_STATUSES, TRACKS} from '../../core/domain/types.js'
import {withFiscalReview, type ProjectWithMoney} from '../../core/domain/funds.js'
import {yearFlag} from '../../cli/flags.js'
import {wordFlag} from '../../cli/word-flags.js'
import {regionOf} from '../../core/domain/region.js'

/** The projects, each with its fiscal review (DESIGN §13). */
export type ProjectListResult = ProjectWithMoney[]

export default class ProjectList extends ItplanCommand<typeof ProjectList> {
  static override flags = {
    year: yearFlag({description: '计划年度'}),
    unit: Flags.string({description: '建设单位（包含即可）'}),
    track: wordFlag('track', TRACKS, '审批路径'),
    status: wordFlag('status', PROJECT_STATUSES, '状态'),
    flag: wordFlag('flag', PROJECT_FLAGS, '标记'),
  }

  async run(): Promise<ProjectListResult> {
    const data = await this.load()
    const projects = filterProjects(data.projects, this.flags, regionOf(data.settings))
    if (!this.jsonEnabled()) {
      if (projects.length === 0) this.log(t('project.listEmpty'))
      else {
        this.log(projectTable(projects))
        this.log(t('project.listCount', {count: projects.length, total: formatWan(projects.reduce((s, p) => s + p.totalInvestmentFen, 0))}))
      }
    }
    return projects.map(withFiscalReview)
  }
}

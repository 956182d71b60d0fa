// Read-only selections shared by list, report and export commands.
import {normaliseUnit} from './normalise.js'
import type {Project} from './types.js'
import type {Region} from './region.js'

export interface ProjectFilter {
  year?: number
  unit?: string
  track?: string
  status?: string
  flag?: string
}

/** `region`: the register's, so that --unit 桂阳县公安局 finds 县公安局 as the import stored it. */
export function filterProjects(projects: readonly Project[], filter: ProjectFilter, region: Pick<Region, 'name' | 'tier'>): Project[] {
  const unit = filter.unit ? normaliseUnit(filter.unit, region) : null
  return projects.filter(
    (p) =>
      (filter.year === undefined || p.planYear === filter.year) &&
      (unit === null || p.unit.includes(unit)) &&
      (filter.track === undefined || p.track === filter.track) &&
      (filter.status === undefined || p.status === filter.status) &&
      (filter.flag === undefined || (p.flags as string[]).includes(filter.flag)),
  )
}

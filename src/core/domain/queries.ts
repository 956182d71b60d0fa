// Read-only selections shared by list, report and export commands.
import {normaliseUnit} from './normalise.js'
import type {Project} from './types.js'

export interface ProjectFilter {
  year?: number
  unit?: string
  track?: string
  status?: string
  flag?: string
}

export function filterProjects(projects: readonly Project[], filter: ProjectFilter): Project[] {
  const unit = filter.unit ? normaliseUnit(filter.unit) : null
  return projects.filter(
    (p) =>
      (filter.year === undefined || p.planYear === filter.year) &&
      (unit === null || p.unit.includes(unit)) &&
      (filter.track === undefined || p.track === filter.track) &&
      (filter.status === undefined || p.status === filter.status) &&
      (filter.flag === undefined || (p.flags as string[]).includes(filter.flag)),
  )
}

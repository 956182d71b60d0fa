// A unit's standing (Art. 17, 20): whether its approvals are held back, and its latest performance evaluation.
import {lastEvaluationByUnit} from './project.js'
import type {Evaluation, RegisterData} from './types.js'

export interface UnitStanding {
  name: string
  suspended: boolean
  reason: string | null
  since: string | null
  projects: number
  lastEvaluation: (Evaluation & {projectId: string}) | null
}

export function unitStandings(data: RegisterData): UnitStanding[] {
  const evaluations = lastEvaluationByUnit(data.projects)
  const counts = new Map<string, number>()
  for (const p of data.projects) counts.set(p.unit, (counts.get(p.unit) ?? 0) + 1)
  for (const u of data.units) if (!counts.has(u.name)) counts.set(u.name, 0)
  return [...counts.keys()]
    .sort((a, b) => a.localeCompare(b, 'zh'))
    .map((name) => {
      const record = data.units.find((u) => u.name === name)
      return {
        name,
        suspended: record?.suspended ?? false,
        reason: record?.reason ?? null,
        since: record?.since ?? null,
        projects: counts.get(name) ?? 0,
        lastEvaluation: evaluations.get(name) ?? null,
      }
    })
}

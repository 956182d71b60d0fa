// A register with projects carried to 已验收 (accepted), ready for performance evaluation (Art. 20): a 2026 plan of
// self-implemented projects, approved, built and accepted through the real CLI.
import type {commandsOn} from './cli.js'
import {projectFlags} from './cli.js'

type Commands = ReturnType<typeof commandsOn>

export interface Declared {
  unit: string
  name: string
  total: string
  summary?: string
  'annual-plan'?: string
}

/** Declares `projects` for 2026, approves the plan and takes each to accepted; returns their ids in order. */
export async function acceptedProjects({ok}: Commands, projects: Declared[]): Promise<string[]> {
  const ids: string[] = []
  for (const p of projects) {
    const extra = p['annual-plan'] ? ['--annual-plan', p['annual-plan']] : []
    const flags = projectFlags({unit: p.unit, name: p.name, total: p.total, 'declared-on': '2025-12-01', ...(p.summary ? {summary: p.summary} : {})})
    ids.push((await ok<{id: string}>(['project', 'add', ...flags, ...extra])).id)
  }
  await ok(['plan', 'build', '--year', '2026'])
  await ok(['plan', 'approve', '--year', '2026', '--by', 'leading-group', '--doc', '郴数政组〔2026〕1号', '--date', '2026-01-20'])
  await ok(['plan', 'approve', '--year', '2026', '--by', 'government', '--doc', '郴政函〔2026〕5号', '--date', '2026-02-02'])
  for (const id of ids) {
    await ok(['construction', 'start', id, '--responsible', '李四', '--supervisor', '郴州正信工程监理有限公司', '--date', '2026-03-02'])
    await ok(['construction', 'complete', id, '--date', '2026-08-20'])
    await ok(['acceptance', 'preliminary', id, '--result', 'passed', '--date', '2026-08-21'])
    await ok(['acceptance', 'apply', id, '--date', '2026-08-24'])
    await ok(['acceptance', 'tech-review', id, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2026-08-25'])
    await ok(['acceptance', 'expert', id, '--result', 'passed', '--date', '2026-08-28'])
  }
  return ids
}

// The flags that choose which version of a plan a command shows (DESIGN §11.1).
import {Flags} from '@oclif/core'
import type {PlanSelector} from '../core/operations/plan.js'

export const planVersionFlags = {
  version: Flags.integer({description: '显示第几版已批准的计划（默认最新批准的一版）', min: 1, exclusive: ['draft']}),
  draft: Flags.boolean({description: '显示正在编制的草案（计划草案或计划调整草案）', exclusive: ['version']}),
}

export function planSelector(flags: {version?: number; draft?: boolean}): PlanSelector {
  return {version: flags.version, draft: flags.draft || undefined}
}

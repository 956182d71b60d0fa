// A plan as --json prints it: why a project is out, in words a clerk reads, with the code beside it for scripts.
import {codeText} from '../core/i18n/index.js'
import type {PlanAmendment} from '../core/domain/types.js'
import type {PlanView} from '../core/operations/plan.js'

/** A project left out of the plan: `reasons` in words (the catalogue's language), `reasonCodes` as stored. */
export interface ExcludedJson {
  id: string
  reasons: string[]
  reasonCodes: string[]
}

/** The plan view without its notices, its exclusions in words. */
export type PlanJson = Omit<PlanView, 'notices' | 'excluded' | 'amendment'> & {
  excluded: ExcludedJson[]
  amendment: (Omit<PlanAmendment, 'excluded'> & {excluded: ExcludedJson[]}) | null
}

function excludedJson(excluded: Array<{id: string; reasons: string[]}>): ExcludedJson[] {
  return excluded.map((e) => ({id: e.id, reasons: e.reasons.map((r) => codeText(r)), reasonCodes: e.reasons}))
}

export function planJson(view: Omit<PlanView, 'notices'>): PlanJson {
  return {...view, excluded: excludedJson(view.excluded), amendment: view.amendment && {...view.amendment, excluded: excludedJson(view.amendment.excluded)}}
}

// DESIGN §11.7: a command says everything it changed beyond the step the clerk asked for. The notices are read off
// the journal entries the step wrote, so that what is printed and what is journalled cannot disagree.
import type {Params} from './errors.js'
import type {Change} from './types.js'

export interface Notice {
  code: string
  params: Params
}

interface TrackMove {
  from: string
  to: string
  basis?: 'total' | 'approved'
  addedStages?: string[]
  removedStages?: string[]
  notRequiredStages?: string[]
}

function fromTrack(projectId: string, move: TrackMove): Notice[] {
  const out: Notice[] = [{code: move.basis === 'approved' ? 'notice.trackByApproved' : 'notice.trackByTotal', params: {id: projectId, from: move.from, to: move.to}}]
  if (move.addedStages?.length) out.push({code: 'notice.stagesAdded', params: {id: projectId, stages: move.addedStages}})
  if (move.removedStages?.length) out.push({code: 'notice.stagesRemoved', params: {id: projectId, stages: move.removedStages}})
  if (move.notRequiredStages?.length) out.push({code: 'notice.stagesNotRequired', params: {id: projectId, stages: move.notRequiredStages}})
  return out
}

/** Everything a mutation changed besides its own step, as notices. */
export function noticesOf(changes: readonly Change[]): Notice[] {
  const out: Notice[] = []
  for (const c of changes) {
    const change = (c.change ?? {}) as Record<string, unknown>
    const id = c.projectId ?? ''
    if (change.track && typeof change.track === 'object' && (change.track as TrackMove).from !== (change.track as TrackMove).to) out.push(...fromTrack(id, change.track as TrackMove))
    if (Array.isArray(change.closedStages) && change.closedStages.length > 0) out.push({code: 'notice.stagesClosed', params: {id, stages: change.closedStages as string[]}})
    if (c.action === 'unit-suspend') out.push({code: 'notice.unitSuspended', params: {unit: String(change.unit ?? ''), id}})
    if (typeof change.lateBy === 'number') out.push({code: 'notice.lateFiling', params: {id, dueOn: String(change.dueOn ?? ''), days: change.lateBy}})
    if (c.action === 'plan-left-out') out.push({code: 'notice.leftOut', params: {id, reasons: (change.reasons as string[]) ?? []}})
    if (c.action === 'plan-change') out.push({code: 'notice.planChange', params: {id, field: String(change.field ?? ''), version: Number(change.version ?? 0)}})
  }
  return out
}

// Leading-group decisions on single projects: 一事一议 for a late declaration (Art. 6) and the decision on an
// especially major multi-department project (Art. 3). Each is a record with its document number and date.
import {assertCanDo} from '../domain/lifecycle.js'
import {UsageError} from '../domain/errors.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import type {Project, SpecialApproval} from '../domain/types.js'

export function recordSpecialApproval(ctx: MutationContext, id: string, o: {kind: SpecialApproval['kind'] | undefined; documentNo: string; date: string; now: string}): MutationOutcome<Project> {
  const project = ctx.index.require(id)
  assertCanDo(project, 'special-approval')
  const kind = o.kind ?? (project.flags.includes('late') ? 'late' : project.flags.includes('major-multi-unit') ? 'multi-unit' : null)
  if (!kind) throw new UsageError('special.nothingToApprove', {id})
  const approval: SpecialApproval = {kind, documentNo: o.documentNo, date: o.date, group: '领导小组'}
  project.specialApprovals.push(approval)
  project.updatedAt = o.now
  return {result: project, changes: [{projectId: id, action: 'special-approval', change: approval}]}
}

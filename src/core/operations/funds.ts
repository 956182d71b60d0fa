// `funds pay | cut | recover` (DESIGN §13): each money record is checked against the year's budget of the
// approved plan that holds the project (domain/funds.ts) and journalled. `funds list` is domain/funds.ts's fundsView.
import {budgetFor, budgetYears, checkFundsRecord, fundsPosition, isPayable, recordsOf, type FundsPosition} from '../domain/funds.js'

export {fundsView, type FundsRow, type FundsUnitTotals, type FundsView} from '../domain/funds.js'
import {Conflict, InvalidInput} from '../domain/errors.js'
import {formatWan} from '../domain/money.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'
import type {FundsKind, FundsRecord} from '../domain/types.js'

export interface FundsRecordOptions {
  kind: FundsKind
  amountFen: number
  date: string
  /** the plan year; null: the date's year if its approved plan holds the project, else the latest that does */
  year: number | null
  documentNo: string | null
  reason: string | null
  note: string | null
  now: string
}

/** What a money record leaves: the record and the year's position after it. */
export interface FundsRecordOutcome {
  projectId: string
  projectName: string
  unit: string
  record: FundsRecord
  position: FundsPosition
}

const wan = (fen: number) => formatWan(fen)

/** Records one payment, cut or recovery; refused (exit 3, nothing written) when the budget does not allow it. */
export function recordFunds(ctx: MutationContext, id: string, o: FundsRecordOptions): MutationOutcome<FundsRecordOutcome> {
  const project = ctx.index.require(id)
  const source = budgetFor(ctx.data.plans, id, o.year, o.date)
  if (!source) {
    const years = budgetYears(ctx.data.plans, id)
    if (o.year === null) throw new Conflict('funds.notInAnyPlan', {id})
    throw new Conflict('funds.notInPlan', {id, year: o.year, years: years.length > 0 ? years.join('、') : '—'})
  }
  if (o.kind === 'pay' && !isPayable(project.status)) throw new Conflict('funds.projectEnded', {id, status: project.status})
  const before = fundsPosition(source.line.annualPlanFen, recordsOf(project, source.year))
  const refusal = checkFundsRecord(o.kind, o.amountFen, o.date, before, source.since)
  if (refusal) {
    const amounts = Object.fromEntries(Object.entries(refusal.amounts).map(([k, v]) => [k, wan(v)]))
    throw new InvalidInput([{field: refusal.code === 'funds.dateBeforeApproval' ? 'date' : 'amount', code: refusal.code, params: {id, year: source.year, kind: o.kind, ...amounts, ...refusal.dates}, article: o.kind === 'pay' ? undefined : 15}])
  }
  const record: FundsRecord = {kind: o.kind, year: source.year, amountFen: o.amountFen, date: o.date, documentNo: o.documentNo, reason: o.reason, note: o.note}
  project.funds = [...(project.funds ?? []), record]
  project.updatedAt = o.now
  const position = fundsPosition(source.line.annualPlanFen, recordsOf(project, source.year))
  const change = {...record, availableFen: position.availableFen, paidFen: position.paidFen}
  return {
    result: {projectId: id, projectName: project.name, unit: project.unit, record, position},
    changes: [{projectId: id, action: `funds-${o.kind}`, change}],
  }
}

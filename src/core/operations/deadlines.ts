// Deadlines after review (Art. 16, 17, 20): apply for completion acceptance within N months of completion, file
// the acceptance within N working days, evaluate performance N months after acceptance. They appear beside the
// review stages in `review list` and in `report`, each under the party that owes the step.
import {addMonths} from '../calendar/index.js'
import type {CalendarSession} from '../calendar/session.js'
import type {RegisterData} from '../domain/types.js'
import type {OpenStageRow} from './review.js'

export const EVALUATION_GROUP = '资金统筹组'

/** Art. 17: the acceptance report is filed within `filingWorkingDays` working days of the completion acceptance. */
export function filingDueOn(acceptedOn: string, filingWorkingDays: number, addWorkingDays: (date: string, days: number) => string): string {
  return addWorkingDays(acceptedOn, filingWorkingDays)
}

export function lifecycleDeadlines(data: RegisterData, asOf: string, calendar: CalendarSession): OpenStageRow[] {
  const rows: OpenStageRow[] = []
  const {deadlines} = data.rules
  const daysLeft = (due: string) => calendar.workingDaysBetween(asOf, due)
  // 《民法典》第二百零三条: a period whose last day is a public holiday ends on the day after the holiday.
  const onWorkingDay = (date: string) => (calendar.calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1))
  const row = (p: RegisterData['projects'][number], key: string, department: string, startedOn: string, dueOn: string): OpenStageRow => ({
    projectId: p.id,
    projectName: p.name,
    unit: p.unit,
    key,
    department,
    startedOn,
    dueOn,
    daysLeft: daysLeft(dueOn),
    status: 'open',
  })
  for (const p of data.projects) {
    const completedOn = p.construction?.completedOn
    if (completedOn && ['completed', 'preliminarily-accepted', 'rectifying'].includes(p.status)) {
      rows.push(row(p, 'acceptance-apply', p.unit, completedOn, onWorkingDay(addMonths(completedOn, deadlines.acceptanceApplyMonths))))
    }
    const acceptedOn = p.acceptance?.expertResult === 'passed' ? p.acceptance.expertOn : null
    if (acceptedOn && p.status === 'accepted') {
      rows.push(row(p, 'filing', p.unit, acceptedOn, filingDueOn(acceptedOn, deadlines.filingWorkingDays, calendar.addWorkingDays)))
    }
    if (acceptedOn && (p.status === 'accepted' || p.status === 'filed') && p.evaluations.length === 0) {
      rows.push(row(p, 'evaluation', EVALUATION_GROUP, acceptedOn, onWorkingDay(addMonths(acceptedOn, deadlines.evaluationMonths))))
    }
  }
  return rows
}

// Deadlines after review (Art. 16, 17, 20): apply for completion acceptance within N months of completion, file
// the acceptance within N working days, evaluate performance N months after acceptance. They appear beside the
// review stages in `review list` and in `report`, each under the party that owes the step. They are not stored:
// each command computes them from the dated records with the calendar in force.
import {addMonths} from '../calendar/index.js'
import type {CalendarSession} from '../calendar/session.js'
import type {Project, RegisterData} from '../domain/types.js'
import type {OpenStageRow} from './review.js'
import {officeFacts} from '../defaults.js'


/** The keys of the deadlines that follow the review stages. */
export type PendingDeadlineKey = 'acceptance-apply' | 'filing' | 'evaluation'

export interface PendingDeadline {
  project: Project
  key: PendingDeadlineKey
  department: string
  startedOn: string
  dueOn: string
}

/** Art. 17: the acceptance report is filed within `filingWorkingDays` working days of the completion acceptance. */
export function filingDueOn(acceptedOn: string, filingWorkingDays: number, addWorkingDays: (date: string, days: number) => string): string {
  return addWorkingDays(acceptedOn, filingWorkingDays)
}

/** Every deadline still owed after review, with its due date under `calendar`. */
export function pendingDeadlines(data: RegisterData, calendar: CalendarSession): PendingDeadline[] {
  const found: PendingDeadline[] = []
  const {deadlines} = data.rules
  // 《民法典》第二百零三条: a period whose last day is a public holiday ends on the day after the holiday.
  const onWorkingDay = (date: string) => (calendar.calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1))
  for (const project of data.projects) {
    const completedOn = project.construction?.completedOn
    if (completedOn && ['completed', 'preliminarily-accepted', 'rectifying'].includes(project.status)) {
      found.push({project, key: 'acceptance-apply', department: project.unit, startedOn: completedOn, dueOn: onWorkingDay(addMonths(completedOn, deadlines.acceptanceApplyMonths))})
    }
    const acceptedOn = project.acceptance?.expertResult === 'passed' ? project.acceptance.expertOn : null
    if (acceptedOn && project.status === 'accepted') {
      found.push({project, key: 'filing', department: project.unit, startedOn: acceptedOn, dueOn: filingDueOn(acceptedOn, deadlines.filingWorkingDays, calendar.addWorkingDays)})
    }
    if (acceptedOn && (project.status === 'accepted' || project.status === 'filed') && project.evaluations.length === 0) {
      found.push({project, key: 'evaluation', department: officeFacts().evaluationGroup, startedOn: acceptedOn, dueOn: onWorkingDay(addMonths(acceptedOn, deadlines.evaluationMonths))})
    }
  }
  return found
}

export function lifecycleDeadlines(data: RegisterData, asOf: string, calendar: CalendarSession): OpenStageRow[] {
  return pendingDeadlines(data, calendar).map(({project: p, key, department, startedOn, dueOn}) => ({
    projectId: p.id,
    projectName: p.name,
    unit: p.unit,
    key,
    department,
    startedOn,
    dueOn,
    daysLeft: calendar.workingDaysBetween(asOf, dueOn),
    status: 'open',
  }))
}

// `deadlines export --ics` (DESIGN §16): every open deadline — the review stages' time limits (Art. 9), the
// completion acceptance application (Art. 16), the filing (Art. 17) and the performance evaluation (Art. 20) — as an
// all-day event on its due date, from the same rows `review list` shows. The words are templates/deadline-calendar.json;
// the file is written by core/ics.
import {createHash} from 'node:crypto'
import {z} from 'zod'
import {fromDayNumber, toDayNumber} from '../domain/iso-date.js'
import {fillTemplate} from '../i18n/fill.js'
import {word} from '../i18n/index.js'
import {loadTemplate, text} from '../excel/layout/template-schema.js'
import type {CalendarEvent, CalendarFileModel} from '../ics/deadline-calendar.js'
import type {DeadlineRow} from '../domain/report.js'
import type {RegisterData} from '../domain/types.js'
import {regionWordsOf} from '../domain/region.js'

export const CALENDAR_TEMPLATE_FILE = 'deadline-calendar.json'

const calendarTemplateSchema = z.object({
  version: text(),
  issuer: text(),
  calendarName: text(),
  calendarDescription: text(),
  summary: text(),
  description: z.array(z.string({message: '应为文字'}), {message: '应为文字列表'}),
  days: z.object({overdue: text(), today: text(), left: text(), notStarted: text()}),
  category: z.string({message: '应为文字'}),
})

type CalendarTemplate = z.infer<typeof calendarTemplateSchema>

/** One register's events keep their own UIDs: two registers (the city's, a county's) may both have a 2027-0001. */
function registerTag(data: RegisterData): string {
  return createHash('sha256').update(`itplan register ${data.createdAt}`).digest('hex').slice(0, 12)
}

function daysText(t: CalendarTemplate, daysLeft: number | null): string {
  if (daysLeft === null) return t.days.notStarted
  if (daysLeft === 0) return t.days.today
  return fillTemplate(daysLeft < 0 ? t.days.overdue : t.days.left, {days: Math.abs(daysLeft)})
}

export interface DeadlineCalendar {
  model: CalendarFileModel
  /** what each event is, for --json */
  events: Array<Pick<DeadlineRow, 'projectId' | 'projectName' | 'unit' | 'key' | 'department' | 'startedOn' | 'dueOn' | 'daysLeft'> & {uid: string}>
}

/** The events of every open deadline in `rows` that has a due date, by date, then project. */
export function deadlineCalendar(data: RegisterData, rows: readonly DeadlineRow[], asOf: string): DeadlineCalendar {
  const t = loadTemplate(CALENDAR_TEMPLATE_FILE, calendarTemplateSchema, regionWordsOf(data.settings))
  const tag = registerTag(data)
  const dated = rows.filter((r): r is DeadlineRow & {dueOn: string} => r.dueOn !== null)
  dated.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.projectId.localeCompare(b.projectId) || a.key.localeCompare(b.key))
  const events: DeadlineCalendar['events'] = []
  const calendarEvents: CalendarEvent[] = []
  for (const r of dated) {
    const uid = `${r.projectId}.${r.key}.${tag}@itplan`
    const words = {
      projectId: r.projectId,
      projectName: r.projectName,
      unit: r.unit,
      stage: word('stage', r.key, 'zh'),
      department: r.department,
      startedOn: r.startedOn ?? '',
      dueOn: r.dueOn,
      days: daysText(t, r.daysLeft),
      asOf,
      issuer: t.issuer,
    }
    calendarEvents.push({
      uid,
      date: r.dueOn,
      endDate: fromDayNumber(toDayNumber(r.dueOn) + 1),
      summary: fillTemplate(t.summary, words),
      description: t.description.map((line) => fillTemplate(line, words)).join('\n'),
      category: fillTemplate(t.category, words),
    })
    events.push({uid, projectId: r.projectId, projectName: r.projectName, unit: r.unit, key: r.key, department: r.department, startedOn: r.startedOn, dueOn: r.dueOn, daysLeft: r.daysLeft})
  }
  const words = {asOf, issuer: t.issuer}
  return {model: {name: fillTemplate(t.calendarName, words), description: fillTemplate(t.calendarDescription, words), events: calendarEvents}, events}
}

// The deadlines as an iCalendar file (RFC 5545) that Outlook, WPS and phone calendars import: one all-day event per
// open deadline, on its due date (DTSTART;VALUE=DATE, DTEND the next day, as RFC 5545 §3.6.1 reads an all-day
// event). ical-generator writes the text — CRLF line ends, lines folded at 75 octets without splitting a character,
// escaping — and this module only hands it the events operations/deadline-calendar.ts described.
import {writeAtomically} from '../atomic-file.js'
import {asStorageFailure} from '../output.js'
import fs from 'node:fs/promises'

/** One all-day event: `date` and `endDate` (the day after) are ISO calendar dates. */
export interface CalendarEvent {
  /** stable across exports, so a second import updates the event instead of adding a copy */
  uid: string
  date: string
  endDate: string
  summary: string
  description: string
  category: string
}

export interface CalendarFileModel {
  name: string
  description: string
  events: CalendarEvent[]
}

/** RFC 5545 §3.3.11: TEXT holds no control character but HTAB (a line break is escaped by the library). */
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')

/** A calendar date as the UTC midnight ical-generator writes back as that same date (no time zone involved). */
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)

/** The text of the file; `stamp` is DTSTAMP, the moment the file was written. */
export async function calendarText(model: CalendarFileModel, stamp: Date): Promise<string> {
  const {default: ical, ICalCalendarMethod} = await import('ical-generator')
  const calendar = ical({
    name: clean(model.name),
    description: clean(model.description),
    prodId: {company: 'itplan', product: 'itplan', language: 'ZH'},
    method: ICalCalendarMethod.PUBLISH,
  })
  for (const e of model.events) {
    calendar.createEvent({
      id: e.uid,
      start: day(e.date),
      end: day(e.endDate),
      allDay: true,
      stamp,
      summary: clean(e.summary),
      description: clean(e.description),
      categories: e.category ? [{name: clean(e.category)}] : [],
    })
  }
  return calendar.toString()
}

/** Writes the file whole or not at all (a temporary file beside it, renamed into place). */
export async function writeCalendarFile(file: string, model: CalendarFileModel, stamp: Date): Promise<void> {
  const text = await calendarText(model, stamp)
  await writeAtomically(file, (temp) => fs.writeFile(temp, text, 'utf8')).catch((error: unknown) => {
    throw asStorageFailure(error, file)
  })
}

// templates/reminder.json: the 催办单's columns and print setup (shared with every table), the words of its head,
// body, sections and closing lines (签发人 / 盖章), and of its 说明 sheet.
import {z} from 'zod'
import {noteTexts} from './layout/notes-sheet.js'
import {distinctSheetNames, loadTemplate, numberIn, sheetName, tableTemplateSchema, text, type ColumnKind} from './layout/template-schema.js'
import type {RegionWords} from '../domain/region.js'

export const REMINDER_TEMPLATE_FILE = 'reminder.json'

/** The 说明 sheet: its name and title, the band above its rows, and the rows themselves by key. */
const notesSchema = z.object({
  sheetName: sheetName(),
  title: text(),
  section: text(),
  rows: noteTexts(['department', 'asOf', 'within', 'count', 'method', 'uncoveredYears'] as const),
})

/** A 催办单 is a table template (columns, fonts, print setup) with the words of a note around the table. */
const reminderTemplateSchema = <K extends string>(kinds: Readonly<Record<K, ColumnKind>>) =>
  tableTemplateSchema(kinds)
    .extend({
      issuer: text(),
      defaultWithinWorkingDays: numberIn(0, 60).int('应为整数'),
      fileName: text().refine((v) => v.includes('{department}') && v.toLowerCase().endsWith('.xlsx'), '应含 {department} 并以 .xlsx 结尾'),
      addressee: text(),
      body: text(),
      sections: z.object({overdue: text(), dueSoon: text(), empty: text()}),
      days: z.object({overdue: text(), today: text(), left: text()}),
      timeLimit: text(),
      closing: z.object({contact: z.string({message: '应为文字'}), signature: z.array(text(), {message: '应为文字列表'}).min(1, '应至少一行')}),
      notes: notesSchema,
    })
    .superRefine((t, ctx) => distinctSheetNames({sheetName: t.sheetName, 'notes.sheetName': t.notes.sheetName}, ctx))

export type ReminderTemplate<K extends string = string> = z.infer<ReturnType<typeof reminderTemplateSchema<K>>>

/** Reads and checks templates/reminder.json; `kinds` are the columns a 催办单 can show. */
export function readReminderTemplate<K extends string>(kinds: Readonly<Record<K, ColumnKind>>, region: RegionWords): ReminderTemplate<K> {
  return loadTemplate(REMINDER_TEMPLATE_FILE, reminderTemplateSchema(kinds), region)
}

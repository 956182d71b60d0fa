// templates/acceptance-filing.json: the filing table's columns and print setup (shared with every table), the
// words each result is written with, and the words of its 说明 sheet.
import {z} from 'zod'
import {noteText, noteTexts} from './layout/notes-sheet.js'
import {distinctSheetNames, loadTemplate, tableTemplateSchema, text, type ColumnKind} from './layout/template-schema.js'
import type {RegionWords} from '../domain/region.js'

export const ACCEPTANCE_TEMPLATE_FILE = 'acceptance-filing.json'

const NOTE_ROWS = ['year', 'count', 'late', 'approved', 'actual', 'uncoveredYears'] as const

function acceptanceTemplateSchema<K extends string>(kinds: Readonly<Record<K, ColumnKind>>) {
  const base = tableTemplateSchema(kinds)
  return base
    .extend({
      labels: z.object({
        check: z.object({pass: text(), fail: text()}),
        result: z.object({passed: text(), failed: text()}),
        filingLate: text(),
        filingOverdue: text(),
        approvalDoc: text(),
        incident: text(),
        failures: text(),
        refusedRectification: text(),
      }),
      notes: base.shape.notes.extend({sections: z.object({filing: text(), method: text()}), rows: noteTexts(NOTE_ROWS), method: z.array(noteText)}),
    })
    .superRefine((t, ctx) => distinctSheetNames({sheetName: t.sheetName, 'notes.sheetName': t.notes.sheetName}, ctx))
}

export type AcceptanceTemplate<K extends string = string> = z.infer<ReturnType<typeof acceptanceTemplateSchema<K>>>

/** Reads and checks templates/acceptance-filing.json; `kinds` are the columns the filing table can show. */
export function readAcceptanceTemplate<K extends string>(kinds: Readonly<Record<K, ColumnKind>>, region: RegionWords): AcceptanceTemplate<K> {
  return loadTemplate(ACCEPTANCE_TEMPLATE_FILE, acceptanceTemplateSchema(kinds), region)
}

// templates/funds-execution.json (branch funds, DESIGN §13): the 资金执行情况表's columns and print setup (shared
// with every table), the unit group and subtotal labels, the words of its remarks and of its 说明 sheet.
import {z} from 'zod'
import {noteText, noteTexts} from './layout/notes-sheet.js'
import {distinctSheetNames, loadTemplate, tableTemplateSchema, text, type ColumnKind} from './layout/template-schema.js'
import type {RegionWords} from '../domain/region.js'

export const FUNDS_TEMPLATE_FILE = 'funds-execution.json'

const NOTE_ROWS = ['year', 'count', 'planned', 'reduced', 'available', 'paid', 'slowest'] as const

function fundsTemplateSchema<K extends string>(kinds: Readonly<Record<K, ColumnKind>>) {
  const base = tableTemplateSchema(kinds)
  return base
    .extend({
      groupLabel: text(),
      subtotalLabel: text(),
      labels: z.object({remark: text()}),
      notes: base.shape.notes.extend({sections: z.object({execution: text(), method: text()}), rows: noteTexts(NOTE_ROWS), method: z.array(noteText)}),
    })
    .superRefine((t, ctx) => distinctSheetNames({sheetName: t.sheetName, 'notes.sheetName': t.notes.sheetName}, ctx))
}

export type FundsTemplate<K extends string = string> = z.infer<ReturnType<typeof fundsTemplateSchema<K>>>

/** Reads and checks templates/funds-execution.json; `kinds` are the columns the table can show. */
export function readFundsTemplate<K extends string>(kinds: Readonly<Record<K, ColumnKind>>, region: RegionWords): FundsTemplate<K> {
  return loadTemplate(FUNDS_TEMPLATE_FILE, fundsTemplateSchema(kinds), region)
}

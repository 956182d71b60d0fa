// templates/annual-plan.json: the plan table's columns and print setup (shared with every table), plus the
// groups by review track, the 汇总 and 执行变化 sheets, and the words of its 说明 sheet.
import {z} from 'zod'
import {PLAN_SECTIONS, TRACKS} from '../domain/types.js'
import {noteText, noteTexts} from './layout/notes-sheet.js'
import {distinctSheetNames, loadTemplate, sheetName, tableTemplateSchema, text, width, numberIn, type ColumnKind} from './layout/template-schema.js'
import type {RegionWords} from '../domain/region.js'

export const PLAN_TEMPLATE_FILE = 'annual-plan.json'

export const CHANGE_COLUMNS = ['seq', 'id', 'name', 'unit', 'field', 'approved', 'current', 'date', 'reason'] as const
const SUMMARY_HEADERS = ['seq', 'section', 'unit', 'category', 'track', 'marks', 'count', 'totalInvestment', 'fiscalFunds', 'annualPlan', 'share', 'bar'] as const
const SUMMARY_WIDTHS = ['seq', 'group', 'count', 'amount', 'share', 'bar'] as const
const NOTE_ROWS = [
  'year',
  'status',
  'versionApproved',
  'versionAmendment',
  'versionDraft',
  'builtOn',
  'noApprovals',
  'approvedBy',
  'adoptedBy',
  'otherVersion',
  'otherVersionReason',
  'count',
  'totalInvestment',
  'fiscalFunds',
  'annualPlan',
] as const

const texts = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, text()])) as Record<K, ReturnType<typeof text>>)
const widths = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, width()])) as Record<K, ReturnType<typeof width>>)

function planTemplateSchema<K extends string>(kinds: Readonly<Record<K, ColumnKind>>) {
  const base = tableTemplateSchema(kinds)
  return base
    .extend({
      groups: z.object({
        order: z.array(z.enum(TRACKS)).refine((order) => order.length === TRACKS.length && TRACKS.every((tr) => order.includes(tr)), `应恰好列出 ${TRACKS.join('、')} 各一次`),
        names: texts(TRACKS),
        label: text(),
      }),
      sections: z.object({
        order: z.array(z.enum(PLAN_SECTIONS)).refine((order) => order.length === PLAN_SECTIONS.length && PLAN_SECTIONS.every((s) => order.includes(s)), `应恰好列出 ${PLAN_SECTIONS.join('、')} 各一次`),
        names: texts(PLAN_SECTIONS),
        label: text(),
        subtotalLabel: text(),
      }),
      subtotalLabel: text(),
      marks: z.object({keyArea: text(), major: text()}),
      remarks: z.object({coUnits: text(), specialApproval: z.object({late: text(), 'multi-unit': text()})}),
      changes: z.object({sheetName: sheetName(), title: text(), note: text(), none: text(), headers: texts(CHANGE_COLUMNS), widths: widths(CHANGE_COLUMNS)}),
      summary: z.object({
        sheetName: sheetName(),
        title: text(),
        sections: texts(['section', 'unit', 'category', 'track', 'marks'] as const),
        headers: texts(SUMMARY_HEADERS),
        widths: widths(SUMMARY_WIDTHS),
        barLength: numberIn(1, 100),
        barChar: text(),
      }),
      notes: base.shape.notes.extend({sections: texts(['plan', 'method'] as const), rows: noteTexts(NOTE_ROWS), method: z.array(noteText)}),
    })
    .superRefine((t, ctx) => distinctSheetNames({sheetName: t.sheetName, 'summary.sheetName': t.summary.sheetName, 'changes.sheetName': t.changes.sheetName, 'notes.sheetName': t.notes.sheetName}, ctx))
}

export type PlanTemplate<K extends string = string> = z.infer<ReturnType<typeof planTemplateSchema<K>>>

/** Reads and checks templates/annual-plan.json; `kinds` are the columns the plan table can show. */
export function readPlanTemplate<K extends string>(kinds: Readonly<Record<K, ColumnKind>>, region: RegionWords): PlanTemplate<K> {
  return loadTemplate(PLAN_TEMPLATE_FILE, planTemplateSchema(kinds), region)
}

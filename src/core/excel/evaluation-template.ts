// templates/evaluation.json: the 项目支出绩效自评表's layout (DESIGN §15) — the blocks, their labels, the standard
// first-level indicators and their weights — and the other ways units write each label, which the reader accepts.
// One file for both directions, so a label the office renames is still read back from the forms it sent out.
import {z} from 'zod'
import {fontsSchema, loadTemplate, numberIn, printSchema, sheetName, text, width} from './layout/template-schema.js'

export const EVALUATION_TEMPLATE_FILE = 'evaluation.json'

const label = z.object({label: text(), synonyms: z.array(text())})

const columns = <K extends string>(keys: readonly [K, ...K[]]) => z.object(Object.fromEntries(keys.map((k) => [k, label])) as Record<K, typeof label>)

export const HEAD_KEYS = ['projectId', 'name', 'department', 'unit', 'responsible', 'year'] as const
export const BUDGET_COLUMNS = ['initial', 'full', 'executed', 'weight', 'rate', 'score', 'reason'] as const
export const BUDGET_ROWS = ['total', 'fiscal', 'carried', 'other'] as const
export const INDICATOR_COLUMNS = ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'deviation'] as const
export const CLOSE_KEYS = ['total', 'grade', 'conclusion', 'problems', 'measures'] as const

const schema = z
  .object({
    version: text(),
    sheetName: sheetName(),
    title: text(),
    fonts: fontsSchema,
    /** the form's eight columns, A to H */
    columnWidths: z.array(width()).length(8, '应为 8 个列宽（A–H 列）'),
    print: printSchema,
    yearNote: text(),
    unitNote: text(),
    head: columns(HEAD_KEYS),
    budget: z.object({
      title: text(),
      titleSynonyms: z.array(text()),
      weight: numberIn(0, 100),
      columns: columns(BUDGET_COLUMNS),
      rows: z.array(label.extend({key: z.enum(BUDGET_ROWS)})).min(1, '应为非空列表'),
    }),
    goals: z.object({title: text(), titleSynonyms: z.array(text()), expected: label, actual: label}),
    indicators: z.object({
      title: text(),
      columns: columns(INDICATOR_COLUMNS),
      rowsPerSecondLevel: numberIn(1, 10),
      standard: z.array(z.object({name: text(), weight: numberIn(0, 100), second: z.array(text()).min(1, '应为非空列表')})).min(1, '应为非空列表'),
      weightInLabel: text().refine((v) => v.includes('{name}') && v.includes('{weight}'), '应含 {name} 和 {weight}'),
    }),
    close: columns(CLOSE_KEYS),
    signatures: z.array(text()),
    gradeWords: z.record(z.array(text())),
    notApplicable: z.array(text()).min(1, '应为非空列表'),
    totalTolerance: numberIn(0, 1),
  })
  .superRefine((t, ctx) => {
    // the national scheme: the budget's weight and the first-level indicators' make 100 points
    const sum = t.budget.weight + t.indicators.standard.reduce((s, i) => s + i.weight, 0)
    if (Math.abs(sum - 100) > 1e-9) ctx.addIssue({code: 'custom', path: ['indicators', 'standard'], message: `预算执行分值与一级指标分值之和应为 100，现为 ${sum}`})
  })

export type EvaluationTemplate = z.infer<typeof schema>

let cached: EvaluationTemplate | null = null

/** Reads and checks templates/evaluation.json, once per process. */
export function readEvaluationTemplate(): EvaluationTemplate {
  return (cached ??= loadTemplate(EVALUATION_TEMPLATE_FILE, schema, null))
}

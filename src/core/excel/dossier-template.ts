// templates/dossier.json: the sheets of a project's dossier — each sheet's name, title, column widths and block
// titles — the table headers, the words of its cells and the labels of its 项目 / 内容 rows.
import {z} from 'zod'
import {loadTemplate, printSchema, sheetName, text, width} from './layout/template-schema.js'
import type {RegionWords} from '../domain/region.js'

export const DOSSIER_TEMPLATE_FILE = 'dossier.json'

export const DOSSIER_SHEETS = ['declaration', 'routing', 'stages', 'plans', 'funds', 'construction', 'acceptance', 'evaluations', 'journal', 'notes'] as const
export type DossierSheetKey = (typeof DOSSIER_SHEETS)[number]

const font = z.object({name: text(), size: z.number().min(4).max(72)})
const sheet = z.object({sheetName: sheetName(), title: text(), widths: z.array(width()).min(2, '应至少两列'), blocks: z.record(text())})
const headers = z.array(text()).min(1)

const dossierTemplateSchema = z
  .object({
    version: text(),
    fileName: text().refine((v) => v.toLowerCase().endsWith('.xlsx'), '应以 .xlsx 结尾'),
    fonts: z.object({body: font, header: font, title: font}),
    none: text(),
    sections: z.object(Object.fromEntries(DOSSIER_SHEETS.map((k) => [k, sheet])) as Record<DossierSheetKey, typeof sheet>),
    headers: z.object({
      routingHistory: headers,
      stages: headers,
      planVersions: headers,
      planChanges: headers,
      incidents: headers,
      amounts: headers,
      rectifications: headers,
      evaluations: headers,
      budgets: headers,
      fundsRecords: headers,
      journal: headers,
    }),
    words: z.record(text()),
    labels: z.record(text()),
    print: printSchema,
  })
  .superRefine((t, ctx) => {
    const names = Object.values(t.sections).map((s) => s.sheetName)
    if (new Set(names).size !== names.length) ctx.addIssue({code: 'custom', path: ['sections'], message: '各表的 sheetName 不能相同'})
  })

export type DossierTemplate = z.infer<typeof dossierTemplateSchema>

export function readDossierTemplate(region: RegionWords): DossierTemplate {
  return loadTemplate(DOSSIER_TEMPLATE_FILE, dossierTemplateSchema, region)
}

// The layout files under templates/ (DESIGN §7) are the office's to edit, so each is checked when it is read and
// a mistake is reported with the file and the path inside it (exit 3), never as a broken workbook. This module
// holds what every table template shares — columns, fonts, print setup, the 说明 sheet's name — as zod schemas
// the plan and acceptance templates extend with their own sections.
import {z} from 'zod'
import {InvalidData} from '../../domain/errors.js'
import {readPackageJson} from '../../package-root.js'
import type {RegionWords} from '../../domain/region.js'
import {fillTemplate} from '../../i18n/fill.js'

/** `ratio`: a fraction shown as a percentage (the execution rate of the 资金执行情况表, branch funds) */
export type ColumnKind = 'text' | 'amount' | 'integer' | 'date' | 'ratio'

/** A broken template is the office's to fix: exit 3 with the file and what is wrong. */
export function templateError(file: string, problem: string): InvalidData {
  return new InvalidData('template.invalid', {file: `templates/${file}`, problem})
}

// The problems are written for the clerk who edits the file, in Chinese like the file itself.
export const text = () => z.string({message: '应为非空文字'}).refine((v) => v.trim() !== '', '应为非空文字')
export const numberIn = (min: number, max: number) => z.number({message: `应为 ${min}–${max} 的数字`}).finite().min(min, `应为 ${min}–${max} 的数字`).max(max, `应为 ${min}–${max} 的数字`)
/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\\. */
export const sheetName = () => text().refine((v) => v.length <= 31 && !/[[\]:*?/\\]/.test(v), '应不超过31个字符，且不含 []:*?/\\')
export const width = () => numberIn(1, 255)
/** A workbook's default file name: no folder, none of the characters Windows refuses, and .xlsx. */
export const fileName = () => text().refine((v) => !/[\\/:*?"<>|]/.test(v) && /\.xlsx$/i.test(v), '应为以 .xlsx 结尾的文件名，且不含 \\ / : * ? " < > |')

const font = z.object({name: text(), size: numberIn(4, 72)}, {message: '应为 {"name": 字体, "size": 4–72}'})
/** The body, header and title fonts of a sheet. */
export const fontsSchema = z.object({body: font, header: font, title: font})

/** Excel's header/footer sections: text outside `&L`, `&C` or `&R` is placed differently by each program. */
const SECTION_CODE = /&[LCR]/
const headerFooterText = () => z.string({message: '应为文字'}).refine((v) => SECTION_CODE.test(v), '应含分区代码 &L、&C 或 &R（如 &C第 &P 页，共 &N 页）')

/** A sheet's print setup: the paper, fit to page width, margins, and the page header and footer. */
export const printSchema = z.object({
  /** 8 = A3, 9 = A4: the papers an office prints on */
  paperSize: z.union([z.literal(8), z.literal(9)], {message: '应为 8（A3）或 9（A4）'}),
  orientation: z.enum(['portrait', 'landscape'], {message: '应为 portrait 或 landscape'}),
  /** pages across: 1, so that no column falls onto a page of its own */
  fitToWidth: numberIn(1, 100),
  /** 0: as many pages down as the rows need */
  fitToHeight: numberIn(0, 100),
  /** inches */
  margins: z.object({left: numberIn(0, 5), right: numberIn(0, 5), top: numberIn(0, 5), bottom: numberIn(0, 5), header: numberIn(0, 5), footer: numberIn(0, 5)}),
  header: headerFooterText().optional(),
  footer: headerFooterText(),
})

export type PrintSpec = z.infer<typeof printSchema>
export type FontSpec = z.infer<typeof font>

export interface ColumnSpec<K extends string = string> {
  key: K
  header: string
  width: number
  kind: ColumnKind
  numFmt?: string
  wrap?: boolean
}

/** The columns a template may use, each with the kind its key needs: known keys, each once. */
function columns<K extends string>(kinds: Readonly<Record<K, ColumnKind>>) {
  const known = Object.keys(kinds)
  const column = z
    .object({
      key: z.string().refine((k) => Object.prototype.hasOwnProperty.call(kinds, k), (k) => ({message: `“${k}” 不在可用列中：${known.join('、')}`})),
      header: text(),
      width: width(),
      kind: z.enum(['text', 'amount', 'integer', 'date', 'ratio']),
      numFmt: text().optional(),
      wrap: z.boolean({message: '应为 true 或 false'}).optional(),
    })
    .superRefine((c, ctx) => {
      const kind = kinds[c.key as K]
      if (kind !== undefined && c.kind !== kind) ctx.addIssue({code: 'custom', path: ['kind'], message: `（${c.key}）应为 ${kind}`})
    })
  return z
    .array(column, {message: '应为非空列表'})
    .min(1, '应为非空列表')
    .superRefine((list, ctx) => {
      const seen = new Set<string>()
      list.forEach((c, i) => {
        if (seen.has(c.key)) ctx.addIssue({code: 'custom', path: [i, 'key'], message: `“${c.key}” 重复`})
        seen.add(c.key)
      })
    })
    .transform((list) => list as Array<ColumnSpec<K>>)
}

/** The part every table template has; `kinds` lists its columns. */
export function tableTemplateSchema<K extends string>(kinds: Readonly<Record<K, ColumnKind>>) {
  return z.object({
    version: text(),
    sheetName: sheetName(),
    /** with {year} */
    title: text(),
    /** the workbook's default file name, with {year} (`--out` names another) */
    fileName: fileName(),
    unitNote: text(),
    fonts: fontsSchema,
    columns: columns(kinds),
    totalLabel: text(),
    listSeparator: z.string({message: '应为文字'}),
    notes: z.object({sheetName: sheetName(), title: text()}),
    print: printSchema,
  })
}

export type TableTemplate<K extends string = string> = z.infer<ReturnType<typeof tableTemplateSchema<K>>>

/** Sheet names must differ: `names` as path → name. */
export function distinctSheetNames(names: Record<string, string>, ctx: z.RefinementCtx): void {
  if (new Set(Object.values(names)).size !== Object.keys(names).length) ctx.addIssue({code: 'custom', message: `${Object.keys(names).join('、')} 不能相同`})
}

/** zod's own words for what no schema above words itself: a missing or mistyped section. */
const inChinese: z.ZodErrorMap = (issue, ctx) => (issue.code === 'invalid_type' ? {message: issue.received === 'undefined' ? '缺失' : `应为 ${issue.expected}`} : {message: ctx.defaultError})

/** Every text of a template with the register's {region}, {level}, {tier} and {measuresName} filled in (DESIGN §18);
 * the placeholders the writers fill ({year}, {amount} …) stay. `$comment` is the office's, not the workbook's. */
function forRegion(value: unknown, words: RegionWords): unknown {
  if (typeof value === 'string') return fillTemplate(value, words)
  if (Array.isArray(value)) return value.map((v) => forRegion(v, words))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k.startsWith('$') ? v : forRegion(v, words)]))
  }
  return value
}

/**
 * Reads `templates/<file>` and checks it against `schema`; the first problem names its path in the file. `region`:
 * the register's words for the template's region placeholders; null for a template that names no region.
 */
export function loadTemplate<S extends z.ZodTypeAny>(file: string, schema: S, region: RegionWords | null): z.output<S> {
  let raw: unknown
  try {
    raw = readPackageJson<unknown>('templates', file)
  } catch (e) {
    throw templateError(file, e instanceof Error ? e.message : String(e))
  }
  if (region) raw = forRegion(raw, region)
  const parsed = schema.safeParse(raw, {errorMap: inChinese})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw templateError(file, `${issue.path.join('.') || '（整个文件）'} ${issue.message}`.trim())
}

// The import summary: a table per file on stdout, then every problem with its place, then the error files.
import {t} from '../core/i18n/index.js'
import {placeText, problemText} from '../core/i18n/problems.js'
import type {ReadBatchFile} from '../core/operations/read-batch.js'
import type {FileOutcome} from '../core/operations/import.js'
import type {SkippedLink} from '../core/excel/inputs.js'
import {renderTable} from './table.js'
import {out} from './ui.js'

/** Rows named by a problem: the rows the unit must correct. */
function rejectedRows(x: FileOutcome): number {
  return new Set(x.problems.filter((p) => p.row !== null).map((p) => `${p.sheet}\u0000${p.row}`)).size
}

const SHOWN_PROBLEMS = 50

const statusWord = (s: FileOutcome['status']) => t(`import.status.${s}`)

export function renderImport(batch: ReadBatchFile[], outcomes: FileOutcome[], errorFiles: Map<string, string>, o: {dryRun: boolean; allOrNothing: boolean; links?: SkippedLink[]}): string {
  const lines: string[] = []
  // the 续建 column only when a file continued a project: most batches have none
  const continued = outcomes.some((x) => x.continued > 0)
  const counts = (x: Pick<FileOutcome, 'created' | 'updated' | 'continued' | 'unchanged'>) => [x.created, x.updated, ...(continued ? [x.continued] : []), x.unchanged]
  const rows: Array<Array<string | number>> = outcomes.map((x) => [x.file, x.status === 'rejected' ? out.red(statusWord(x.status)) : statusWord(x.status), ...counts(x), rejectedRows(x)])
  const sum = (k: 'created' | 'updated' | 'continued' | 'unchanged') => outcomes.reduce((s, x) => s + x[k], 0)
  rows.push([t('common.total'), '', ...counts({created: sum('created'), updated: sum('updated'), continued: sum('continued'), unchanged: sum('unchanged')}), outcomes.reduce((s, x) => s + rejectedRows(x), 0)])
  const headers = [t('import.col.file'), t('import.col.status'), t('import.col.created'), t('import.col.updated'), ...(continued ? [t('import.col.continued')] : []), t('import.col.unchanged'), t('import.col.rejected')]
  lines.push(renderTable(headers, rows, ['left', 'left', ...headers.slice(2).map(() => 'right' as const)]))
  const unknown = new Set<string>()
  for (const [i, x] of outcomes.entries()) {
    const b = batch[i]
    for (const s of b.read?.skippedSheets ?? []) lines.push(out.dim(t('import.sheetSkipped', {file: x.file, sheet: s.name, reason: t(`import.skip.${s.reason}`)})))
    for (const s of b.read?.sheets ?? []) s.unknownHeaders.forEach((h) => unknown.add(h))
    for (const w of b.validation?.warnings ?? []) lines.push(out.yellow(`${placeText(x.file, w)}：${problemText(w)}`))
    // The terminal shows the first problems; the error workbook and --json carry them all.
    for (const p of x.problems.slice(0, SHOWN_PROBLEMS)) lines.push(out.red(`${placeText(x.file, p)}：${problemText(p)}`))
    if (x.problems.length > SHOWN_PROBLEMS) lines.push(out.red(t('import.moreProblems', {count: x.problems.length - SHOWN_PROBLEMS})))
    const errors = errorFiles.get(b.path)
    if (errors) lines.push(t('import.errorFile', {path: errors}))
  }
  if (unknown.size > 0) lines.push(out.dim(t('import.unknownColumns', {headers: [...unknown]})))
  for (const link of o.links ?? []) lines.push(out.yellow(linkSkipped(link)))
  if (o.allOrNothing && outcomes.some((x) => x.status === 'rejected')) lines.push(out.red(t('import.batchRejected')))
  return lines.join('\n')
}

export function linkSkipped(link: SkippedLink): string {
  return t('import.symlinkSkipped', {file: link.path, target: link.target})
}

/** A problem of an imported file, where it is and what the unit reads. */
export interface ImportProblemJson {
  sheet: string | null
  row: number | null
  column: string | null
  message: string
  code: string
}

/** `import --json`: one report per file, also when the import exits 3 (DESIGN §6). */
export interface ImportResult {
  files: Array<{
    file: string
    status: FileOutcome['status']
    created: number
    updated: number
    /** 续建 rows recorded as a later year's request of a project the register held */
    continued: number
    unchanged: number
    rejected: number
    errors: ImportProblemJson[]
    warnings: ImportProblemJson[]
    createdIds: string[]
    updatedIds: string[]
    continuedIds: string[]
    errorFile: string | null
    skippedSheets: Array<{name: string; reason: 'no-header' | 'empty'}>
    unknownHeaders: string[]
  }>
  totals: {created: number; updated: number; unchanged: number; rejected: number}
  /** symbolic links inside the folders given, not followed */
  skippedLinks: Array<SkippedLink & {message: string}>
}

export function importJson(batch: ReadBatchFile[], outcomes: FileOutcome[], errorFiles: Map<string, string>, allOrNothing: boolean, links: SkippedLink[] = []): ImportResult {
  const batchRejected = allOrNothing && outcomes.some((x) => x.status === 'rejected')
  const files = outcomes.map((x, i) => ({
    file: x.file,
    status: x.status,
    created: batchRejected ? 0 : x.created,
    updated: batchRejected ? 0 : x.updated,
    continued: batchRejected ? 0 : x.continued,
    unchanged: batchRejected ? 0 : x.unchanged,
    rejected: rejectedRows(x),
    errors: x.problems.map((p) => ({sheet: p.sheet || null, row: p.row, column: p.column, message: problemText(p), code: p.code})),
    warnings: (batch[i].validation?.warnings ?? []).map((p) => ({sheet: p.sheet || null, row: p.row, column: p.column, message: problemText(p), code: p.code})),
    createdIds: x.createdIds,
    updatedIds: x.updatedIds,
    continuedIds: x.continuedIds,
    errorFile: errorFiles.get(batch[i].path) ?? null,
    skippedSheets: batch[i].read?.skippedSheets ?? [],
    unknownHeaders: [...new Set((batch[i].read?.sheets ?? []).flatMap((s) => s.unknownHeaders))],
  }))
  const total = (k: 'created' | 'updated' | 'unchanged' | 'rejected') => files.reduce((s, f) => s + f[k], 0)
  return {
    files,
    totals: {created: total('created'), updated: total('updated'), unchanged: total('unchanged'), rejected: total('rejected')},
    skippedLinks: links.map((l) => ({path: l.path, target: l.target, reason: l.reason, message: linkSkipped(l)})),
  }
}

// `evaluate import` (DESIGN §15): filled 绩效自评表 read back. The files are read before the register is locked
// (parsing is the slow part); under the lock each form is checked (domain/evaluation-form.ts), matched to its project
// — by the id the tool printed on its own form, else by name and unit — and recorded through the one evaluation step
// `evaluate ID --score` uses, so the Art. 20 consequences are the same. The batch is one unit: any bad form and
// nothing is written (exit 3, every problem named by file, sheet, row and label).
import {InvalidData, InvalidInput, type FieldProblem} from '../domain/errors.js'
import {DEFAULT_GRADE_BANDS} from '../domain/evaluation.js'
import {checkEvaluationForm, type CheckedForm, type FormCell, type FormRead} from '../domain/evaluation-form.js'
import {matchKeyOfName, normaliseUnit} from '../domain/normalise.js'
import {regionOf} from '../domain/region.js'
import {ACTIONS} from '../domain/lifecycle.js'
import type {Project, ProjectStatus} from '../domain/types.js'
import {readEvaluationTemplate} from '../excel/evaluation-template.js'
import {formVocabulary, readEvaluationSheet} from '../excel/read/evaluation-form.js'
import {readFormWorkbook} from '../excel/read/index.js'
import {evaluate} from './lifecycle.js'
import type {MutationContext, MutationOutcome} from '../register/store.js'

export interface FormFile {
  file: string
  sha256: string
  forms: FormRead[]
}

/** `evaluate import --json`: one entry per form recorded. */
export interface EvaluateImportResult {
  date: string
  evaluations: Array<{file: string; sheet: string; projectId: string; unit: string; name: string; score: number; grade: string}>
}

/** Reads every file's forms (one per sheet that holds an indicator table). A file that is no form is a problem. */
export async function readFormFiles(paths: string[]): Promise<{files: FormFile[]; problems: FieldProblem[]}> {
  const vocabulary = formVocabulary(readEvaluationTemplate())
  const files: FormFile[] = []
  const problems: FieldProblem[] = []
  for (const path of paths) {
    try {
      const read = await readFormWorkbook(path)
      const forms = read.sheets.filter((s) => !s.hidden).flatMap((s) => readEvaluationSheet(s.name, s.rows, vocabulary) ?? [])
      if (forms.length === 0) problems.push({field: '', code: 'evalform.noForm', params: {file: read.file}})
      files.push({file: read.file, sha256: read.sha256, forms})
    } catch (e) {
      if (!(e instanceof InvalidData)) throw e
      problems.push({field: '', code: e.code, params: e.params})
    }
  }
  return {files, problems}
}

const EVALUABLE: readonly ProjectStatus[] = ACTIONS.evaluate.from

function text(c: FormCell | undefined): string | null {
  if (!c || c.value === null) return null
  const t = (typeof c.value === 'object' ? c.value.date : String(c.value)).trim()
  return t === '' ? null : t
}

/** A provincial project code glued to the name (`51092324T000010263357-…`) is not part of the name. */
function nameWithoutCode(name: string): string {
  return name.replace(/^[0-9A-Z]{12,}\s*[-—－_]\s*/, '')
}

function problem(code: string, file: string, form: FormRead, at: FormCell | undefined, params: Record<string, string | number> = {}): FieldProblem {
  return {field: '', code, params: {file, sheet: form.sheet, row: at?.row ?? form.indicatorHeaderRow, column: at?.column ?? '', label: at?.label ?? '', ...params}}
}

/** The project a form is about: the printed id when it names one, else the same name and unit (an evaluable one). */
function matchProject(ctx: MutationContext, file: string, form: FormRead): Project | FieldProblem {
  const id = text(form.head.projectId)
  const byId = id ? ctx.index.get(id) : undefined
  const nameCell = form.head.name
  const name = text(nameCell)
  if (byId) {
    // a form copied from another project's keeps that project's id: the name on it says which one it is about
    if (name && matchKeyOfName(nameWithoutCode(name)) !== matchKeyOfName(byId.name)) return problem('evalform.idNameMismatch', file, form, nameCell, {id: byId.id, name, registered: byId.name})
    return byId
  }
  if (!name) return problem(id ? 'evalform.noProjectForId' : 'evalform.noName', file, form, form.head.projectId ?? nameCell, {id: id ?? ''})
  const region = regionOf(ctx.data.settings)
  const units = [text(form.head.unit), text(form.head.department)].filter((u): u is string => u !== null).map((u) => normaliseUnit(u, region))
  const key = matchKeyOfName(nameWithoutCode(name))
  const year = Number(text(form.head.year))
  const same = ctx.data.projects.filter((p) => matchKeyOfName(p.name) === key && units.includes(normaliseUnit(p.unit, region)) && (!Number.isInteger(year) || year < 1900 || p.planYear === year))
  const evaluable = same.filter((p) => EVALUABLE.includes(p.status))
  const candidates = evaluable.length > 0 ? evaluable : same
  if (candidates.length === 1) return candidates[0]
  if (candidates.length === 0) return problem('evalform.noProject', file, form, nameCell, {name, unit: text(form.head.unit) ?? text(form.head.department) ?? ''})
  return problem('evalform.ambiguous', file, form, nameCell, {name, ids: candidates.map((p) => p.id).join('、')})
}

/** Checks, matches and records every form; throws InvalidInput (exit 3) with every problem, before any change. */
export function importEvaluationForms(ctx: MutationContext, files: FormFile[], o: {date: string; now: string}): MutationOutcome<EvaluateImportResult> {
  const t = readEvaluationTemplate()
  const words = {notApplicable: t.notApplicable, gradeWords: t.gradeWords, budgetWeight: t.budget.weight, tolerance: t.totalTolerance, bands: ctx.data.rules.grades ?? DEFAULT_GRADE_BANDS}
  const problems: FieldProblem[] = []
  const accepted: Array<{file: FormFile; form: FormRead; checked: CheckedForm; project: Project}> = []
  const seen = new Map<string, string>()
  for (const file of files) {
    for (const form of file.forms) {
      const checked = checkEvaluationForm(file.file, form, words)
      const project = matchProject(ctx, file.file, form)
      if (!checked.ok) problems.push(...checked.problems)
      if (!('id' in project)) {
        problems.push(project)
        continue
      }
      const where = `${file.file}（${form.sheet}）`
      const earlier = seen.get(project.id)
      if (earlier) problems.push(problem('evalform.twice', file.file, form, form.head.projectId ?? form.head.name, {id: project.id, earlier}))
      seen.set(project.id, where)
      if (checked.ok) accepted.push({file, form, checked: checked.form, project})
    }
  }
  if (problems.length > 0) throw new InvalidInput(problems)
  const result: EvaluateImportResult = {date: o.date, evaluations: []}
  const changes: MutationOutcome<unknown>['changes'] = []
  for (const a of accepted) {
    const source = {file: a.file.file, sheet: a.form.sheet, sha256: a.file.sha256}
    const step = evaluate(ctx, a.project.id, {score: a.checked.score, grade: a.checked.grade, date: o.date, now: o.now, form: {source, ...a.checked.detail}})
    changes.push(...step.changes)
    result.evaluations.push({file: a.file.file, sheet: a.form.sheet, projectId: a.project.id, unit: a.project.unit, name: a.project.name, score: a.checked.score, grade: a.checked.grade})
  }
  return {result, changes}
}

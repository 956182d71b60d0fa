// `evaluate form` (DESIGN §15): the 绩效自评表 of each project, prefilled from the register. What the form shows is
// decided here; excel/evaluation-form.ts lays it out as templates/evaluation.json says.
import {ACTIONS, assertCanDo} from '../domain/lifecycle.js'
import {UsageError} from '../domain/errors.js'
import {recordsOf} from '../domain/funds.js'
import type {Project, ProjectStatus, RegisterData} from '../domain/types.js'
import type {EvaluationFormModel} from '../excel/evaluation-form.js'

export type {EvaluationFormModel}


/**
 * 全年执行数: the payments of `year` from the funds records (DESIGN §13, `funds pay`); with none recorded the form
 * leaves the cell for the unit to fill.
 */
export function paidInYear(project: Project, year: number): number | undefined {
  const paid = recordsOf(project, year).filter((r) => r.kind === 'pay')
  return paid.length > 0 ? paid.reduce((sum, r) => sum + r.amountFen, 0) : undefined
}

/** The year's planned investment: the declared 年度计划投资, else the fiscal funds (as the declaration defaults it). */
function plannedInYear(p: Project): number {
  return p.annualPlanFen ?? p.fiscalFundsFen
}

export function formModel(p: Project): EvaluationFormModel {
  const planned = plannedInYear(p)
  return {
    id: p.id,
    year: p.planYear,
    name: p.name,
    department: p.supervisingDepartment ?? p.unit,
    unit: p.unit,
    responsible: p.construction?.responsible ?? p.contact.name,
    initialBudgetFen: planned,
    fullBudgetFen: planned,
    executedFen: paidInYear(p, p.planYear) ?? null,
    expectedGoal: p.summary,
  }
}

const EVALUABLE: readonly ProjectStatus[] = ACTIONS.evaluate.from

/**
 * The projects to write forms for: those named (each must be evaluable now: accepted or filed, else exit 4 with
 * the steps it can take), or the accepted and filed projects of `year`.
 */
export function formProjects(data: RegisterData, o: {ids: string[]; year: number | null}): Project[] {
  if (o.ids.length > 0 && o.year !== null) throw new UsageError('usage.exclusive', {flag: '--year', value: 'ID'})
  if (o.ids.length === 0) {
    if (o.year === null) throw new UsageError('evalform.nothingAsked', {})
    return data.projects.filter((p) => p.planYear === o.year && EVALUABLE.includes(p.status))
  }
  const byId = new Map(data.projects.map((p) => [p.id, p]))
  return [...new Set(o.ids)].map((id) => {
    const p = byId.get(id)
    if (!p) throw new UsageError('project.notFound', {id})
    assertCanDo(p, 'evaluate')
    return p
  })
}

/** A file name Windows and Linux both accept: `2027-0001-某某系统-绩效自评表.xlsx`. */
export function formFileName(m: Pick<EvaluationFormModel, 'id' | 'name'>, suffix: string): string {
  const name = m.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().slice(0, 60)
  return `${m.id}-${name}-${suffix}.xlsx`
}

// `project show` in the terminal: everything about one project, grouped as a clerk reads a file — each section
// the register holds, in words, so that --json is never needed to read a project.
import {t, codeText, word} from '../core/i18n/index.js'
import {formatWan} from '../core/domain/money.js'
import {nextSteps, isClosed} from '../core/domain/lifecycle.js'
import {isWeakEvaluation} from '../core/domain/project.js'
import type {Acceptance, CheckResult, Construction, JournalEntry, Plan, Project, Rules} from '../core/domain/types.js'
import {fiscalReviewLines, moneyHistoryLines} from './render-funds.js'
import {out} from './ui.js'
import {flagsText, routingReason} from './render.js'
import {journalList} from './render-journal.js'

const yn = (v: boolean) => (v ? t('yes') : out.red(t('no')))
const wan = (fen: number) => t('journal.wan', {amount: formatWan(fen)})
const check = (v: CheckResult) => (v === 'pass' ? t('stageStatus.passed') : out.red(t('stageStatus.failed')))
const result = (v: 'passed' | 'failed') => (v === 'passed' ? t('stageStatus.passed') : out.red(t('stageStatus.failed')))

/** `label：value` lines of the facts that are set, two spaces in. */
function facts(pairs: Array<[string, string | number | null | undefined]>): string[] {
  return pairs.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([label, v]) => `  ${t('show.fact', {label, value: v!})}`)
}

function basic(p: Project): string[] {
  const l: string[] = [out.underline(t('show.section.basic'))]
  l.push(`  ${t('field.unit')}: ${p.unit}${p.coUnits.length ? `；${t('field.coUnits')}: ${p.coUnits.join('、')}` : ''}`)
  l.push(`  ${t('field.planYear')}: ${p.planYear}  ${t('field.declarationNo')}: ${p.declarationNo ?? t('common.none')}  ${t('field.declaredOn')}: ${p.declaredOn}`)
  l.push(`  ${t('field.kind')}: ${word('kind', p.kind)}  ${t('field.nature')}: ${word('nature', p.nature)}  ${t('field.category')}: ${word('category', p.category)}  ${t('field.procurementCategory')}: ${word('procurementCategory', p.procurementCategory)}`)
  l.push(...facts([
    [t('field.systemId'), p.systemId],
    [t('field.periodMonths'), p.periodMonths],
    [t('field.supervisingDepartment'), p.supervisingDepartment],
    [t('field.consultancy'), p.consultancy],
  ]))
  l.push(`  ${t('show.compliance', {govCloud: yn(p.compliance.govCloud), dataSharing: yn(p.compliance.dataSharing), cityBrain: yn(p.compliance.cityBrain), egovNetwork: yn(p.compliance.egovNetwork)})}`)
  if (p.compliance.justification) l.push(`  ${t('field.justification')}: ${p.compliance.justification}`)
  if (p.contact.name || p.contact.phone) l.push(`  ${t('field.contact')}: ${p.contact.name} ${p.contact.phone}`)
  if (p.summary) l.push(`  ${t('field.summary')}: ${p.summary}`)
  l.push(`  ${t('project.statusLine', {status: word('status', p.status)})}${out.dim(t('show.statusSince', {date: p.statusSince}))}`)
  if (p.flags.length) l.push(`  ${out.yellow(t('project.flagsLine', {flags: flagsText(p)}))}`)
  if (p.source) l.push(`  ${t('show.source', {file: p.source.file, sheet: p.source.sheet ?? '', row: p.source.row ?? ''})}`)
  return l
}

/** The money of the project: declared, planned for the year, approved by the fiscal review, changed since. */
function funds(p: Project): string[] {
  const l: string[] = [out.underline(t('show.section.funds'))]
  l.push(`  ${t('show.amounts', {total: formatWan(p.totalInvestmentFen), fiscal: formatWan(p.fiscalFundsFen)})}`)
  const fiscal = p.stages.find((s) => s.key === 'fiscal-review' && s.approvedAmountFen !== null)
  l.push(...facts([
    [t('field.completedBeforeFen'), p.completedBeforeFen === null ? null : wan(p.completedBeforeFen)],
    [t('field.annualPlanFen'), p.annualPlanFen === null ? null : wan(p.annualPlanFen)],
    [t('field.fundingSources'), p.fundingSources.map((s) => word('fundingSource', s)).join('、')],
  ]))
  if (p.approvedAmountFen !== null) {
    const reduced = p.totalInvestmentFen - p.approvedAmountFen
    l.push(`  ${t('show.approved', {approved: formatWan(p.approvedAmountFen)})}${fiscal?.documentNo ? t('journal.doc', {doc: fiscal.documentNo}) : ''}${reduced > 0 ? t('show.reduced', {reduced: formatWan(reduced)}) : ''}`)
  }
  if (p.construction?.contractAmountFen != null) l.push(`  ${t('show.fact', {label: t('show.contractAmount'), value: wan(p.construction.contractAmountFen)})}`)
  if (p.construction?.actualInvestmentFen != null) l.push(`  ${t('show.fact', {label: t('show.actualInvestment'), value: wan(p.construction.actualInvestmentFen)})}`)
  for (const c of p.amountChanges) l.push(`  ${t('show.amountChange', {date: c.date, from: formatWan(c.fromFen), to: formatWan(c.toFen), reason: c.reason || t('common.none')})}`)
  return l
}

/** The later years a 续建 project asked money of (DESIGN §12). */
function annualRequests(p: Project): string[] {
  if (!p.annual?.length) return []
  const l: string[] = [out.underline(t('show.annual'))]
  for (const a of p.annual) {
    l.push(`  ${t('show.annualLine', {year: a.year, amount: wan(a.requestedFen), completed: a.completedBeforeFen === null ? t('common.none') : wan(a.completedBeforeFen), declaredOn: a.declaredOn})}`)
    if (a.source) l.push(`    ${out.dim(t('show.source', {file: a.source.file, sheet: a.source.sheet ?? '', row: a.source.row ?? ''}))}`)
  }
  return l
}

/** Marks of the plan and the leading group's decisions (一事一议, multi-unit projects). */
function plan(p: Project): string[] {
  const marks = [p.marks.keyArea ? t('plan.markKeyArea') : '', p.marks.major ? t('plan.markMajor') : ''].filter(Boolean)
  if (marks.length === 0 && p.specialApprovals.length === 0) return []
  const l: string[] = [out.underline(t('show.section.plan'))]
  if (marks.length) l.push(`  ${t('show.fact', {label: t('plan.marks'), value: marks.join('、')})}`)
  for (const a of p.specialApprovals) l.push(`  ${t('show.specialApproval', {kind: codeText(`special.kind.${a.kind}`), doc: a.documentNo, date: a.date, group: a.group})}`)
  return l
}

/** The review stages as recorded, or — before the plan's approval opens them — the stages to come. */
function stages(p: Project, rules: Rules): string[] {
  const l: string[] = [out.underline(t('show.section.stages'))]
  if (p.stages.length === 0) {
    const toCome = rules.stagesByTrack[p.track] ?? []
    if (p.reviewedBeforeRegister) l.push(`  ${t('show.reviewedBeforeRegister')}`)
    else if (toCome.length === 0) l.push(`  ${t('show.noStages')}`)
    else if (isClosed(p.status)) l.push(`  ${t('show.noStagesClosed', {status: word('status', p.status)})}`)
    else {
      l.push(`  ${t('show.stagesToCome', {count: toCome.length})}`)
      toCome.forEach((key, i) => {
        const def = rules.stages.find((s) => s.key === key)
        const line = t('show.stageToCome', {n: i + 1, stage: word('stage', key), department: def?.department ?? '', days: rules.timeLimits[key]})
        l.push(`  ${line}${def?.group === 'pre' ? t('show.stageParallel') : ''}`)
      })
    }
    return l
  }
  for (const s of p.stages) {
    let line = `  ${t('show.stageLine', {stage: word('stage', s.key), department: s.department, status: word('stageStatus', s.status)})}`
    if (s.startedOn) line += t('show.stageDue', {started: s.startedOn, due: s.dueOn ?? ''})
    if (s.decidedOn) line += t('show.stageDecided', {date: s.decidedOn})
    if (s.documentNo) line += t('journal.doc', {doc: s.documentNo})
    if (s.approvedAmountFen !== null) line += t('journal.approvedAmount', {amount: wan(s.approvedAmountFen)})
    if (s.notRequired) line += t('show.stageNotRequired')
    if (s.closedReason) line += t('show.stageClosed', {reason: codeText(s.closedReason)})
    l.push(line)
    const returns = (s.rounds ?? []).filter((r) => r.result === 'returned')
    for (const r of returns) l.push(`    ${out.dim(t('show.stageReturned', {date: r.date, opinion: r.opinion ?? t('common.none')}))}`)
    if (s.opinion) l.push(`    ${t('show.fact', {label: t('show.opinion'), value: s.opinion})}`)
  }
  return l
}

function construction(c: Construction): string[] {
  const l: string[] = [out.underline(t('show.section.build'))]
  l.push(...facts([
    [t('show.startedOn'), c.startedOn],
    [t('show.responsible'), c.responsible],
    [t('show.supervisor'), c.supervisor],
    [t('show.contractor'), c.contractor],
    [t('show.completedOn'), c.completedOn],
  ]))
  if (c.suspendedOn) l.push(`  ${out.yellow(t('show.suspended', {date: c.suspendedOn, reason: c.suspendReason ?? t('common.none')}))}`)
  if (c.incidents.length > 0) {
    l.push(`  ${t('show.incidents', {count: c.incidents.length})}`)
    for (const i of c.incidents) l.push(`    ${t('show.incident', {date: i.date, kind: codeText(`incident.${i.kind}`), description: i.description})}`)
  }
  return l
}

function acceptance(a: Acceptance): string[] {
  const l: string[] = [out.underline(t('show.section.acceptance'))]
  if (a.preliminaryOn) l.push(`  ${t('show.preliminary', {date: a.preliminaryOn, result: a.preliminaryResult ? result(a.preliminaryResult) : t('common.none')})}`)
  if (a.appliedOn) l.push(`  ${t('show.applied', {date: a.appliedOn})}`)
  if (a.techReview) {
    const r = a.techReview
    l.push(`  ${t('show.techReview', {date: r.date, cloud: check(r.cloud), sharing: check(r.sharing), security: check(r.security)})}`)
    if (r.opinion) l.push(`    ${t('show.fact', {label: t('show.opinion'), value: r.opinion})}`)
  }
  if (a.expertOn) l.push(`  ${t('show.expert', {date: a.expertOn, result: a.expertResult ? result(a.expertResult) : t('common.none')})}`)
  if (a.failures > 0) l.push(`  ${out.yellow(t('show.failures', {count: a.failures}))}`)
  for (const r of a.rectifications) l.push(`  ${t('show.rectification', {date: r.date, reason: r.reason === 'reapply' ? t('show.reapply') : r.reason})}`)
  if (a.refusedRectification) l.push(`  ${out.red(t('show.refusedRectification'))}`)
  if (a.filedOn) l.push(`  ${t('show.filed', {date: a.filedOn, doc: a.filingDocumentNo ?? t('common.none')})}`)
  l.push(...facts([
    [t('show.trialRun'), a.trialRun],
    [t('show.testReport'), a.testReport],
  ]))
  return l
}

function evaluations(p: Project, rules: Rules): string[] {
  const l: string[] = [out.underline(t('show.section.evaluation'))]
  for (const e of p.evaluations) {
    const line = t('show.evaluation', {date: e.date, score: e.score, grade: e.grade ?? t('common.none')})
    l.push(`  ${isWeakEvaluation(e, rules) ? out.yellow(line + t('show.evaluationWeak', {flag: word('flag', 'weak-performance')})) : line}`)
  }
  return l
}

export function projectDetails(p: Project, history: JournalEntry[], rules: Rules, plans: readonly Plan[] = []): string {
  const l: string[] = [out.bold(`${p.id}  ${p.name}`)]
  // branch funds: the fiscal review's 送审/审定/审减 and the money history follow the amounts
  l.push(...basic(p), ...funds(p), ...annualRequests(p), ...fiscalReviewLines(p), ...moneyHistoryLines(p, plans), ...plan(p))
  l.push(out.underline(t('show.section.routing')))
  l.push(`  ${word('track', p.track)}`)
  l.push(`  ${routingReason(p)}（${p.routing.rulesVersion}）`)
  l.push(...stages(p, rules))
  if (p.construction) l.push(...construction(p.construction))
  if (p.acceptance) l.push(...acceptance(p.acceptance))
  if (p.evaluations.length > 0) l.push(...evaluations(p, rules))
  if (history.length > 0) {
    l.push(out.underline(t('show.section.history')))
    l.push(journalList(history, {indent: '  '}))
  }
  const steps = nextSteps(p)
  if (steps.length) l.push(out.dim(t('common.nextSteps', {steps})))
  return l.join('\n')
}

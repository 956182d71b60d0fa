// The lifecycle of DESIGN §4 as one transition table: every command that moves a project asks `assertCanDo`,
// and a refusal names the current status and the steps that are allowed from it (exit 4). Every status change
// goes through `moveTo`, so no step can reach a status the table does not name.
import {IllegalTransition} from './errors.js'
import type {Project, ProjectStatus} from './types.js'

interface ActionDef {
  from: readonly ProjectStatus[]
  /** the status the step leads to; null when the step itself keeps the status (its outcome may move it) */
  to: ProjectStatus | null
  /** the other statuses the step's outcome may lead to (a failed review refuses, the last pass clears) */
  outcomes?: readonly ProjectStatus[]
  /** false: never offered as a next step (done through another command, or by the office in passing) */
  offered?: false
}

export const ACTIONS = {
  update: {from: ['declared', 'planned', 'reviewing', 'cleared', 'in-construction', 'suspended', 'completed'], to: null},
  withdraw: {from: ['declared', 'planned', 'reviewing', 'cleared'], to: 'withdrawn'},
  'special-approval': {from: ['declared', 'planned', 'dropped'], to: null},
  'plan-include': {from: ['declared', 'planned'], to: 'planned'},
  // a project declared after the approval, or left out of it (dropped), enters by an amendment (DESIGN §11.2)
  'plan-amend-add': {from: ['declared', 'dropped'], to: 'planned'},
  'plan-drop': {from: ['declared', 'planned'], to: 'dropped', offered: false},
  // a planned project taken out of the draft again: rebuilt without it, unadded from an amendment, left out at adoption
  'plan-exclude': {from: ['planned'], to: 'declared', offered: false},
  // a self-implemented project has nothing to review and is cleared at once
  'plan-approve': {from: ['planned'], to: 'reviewing', outcomes: ['cleared']},
  'plan-remove': {from: ['reviewing', 'cleared'], to: 'dropped', offered: false},
  'review-record': {from: ['reviewing'], to: null, outcomes: ['cleared', 'refused']},
  // DESIGN §11.4: only these may change track; a move to a lighter track may leave nothing to review
  reroute: {from: ['declared', 'planned', 'reviewing'], to: null, outcomes: ['cleared'], offered: false},
  'construction-start': {from: ['cleared'], to: 'in-construction'},
  'construction-report': {from: ['in-construction', 'suspended', 'completed'], to: null, offered: false},
  'construction-suspend': {from: ['in-construction'], to: 'suspended'},
  'construction-resume': {from: ['suspended'], to: 'in-construction'},
  'construction-complete': {from: ['in-construction'], to: 'completed'},
  'budget-cut': {from: ['cleared', 'in-construction', 'suspended'], to: null, offered: false},
  // a failed preliminary acceptance straight from construction still ends construction
  'acceptance-preliminary': {from: ['completed', 'in-construction'], to: 'preliminarily-accepted', outcomes: ['completed']},
  'acceptance-apply': {from: ['preliminarily-accepted', 'rectifying'], to: 'acceptance-applied'},
  'acceptance-tech-review': {from: ['acceptance-applied'], to: 'tech-reviewed', outcomes: ['rectifying']},
  'acceptance-expert': {from: ['tech-reviewed'], to: 'accepted', outcomes: ['rectifying']},
  'acceptance-refuse': {from: ['rectifying'], to: null},
  'acceptance-file': {from: ['accepted'], to: 'filed'},
  evaluate: {from: ['accepted', 'filed'], to: null},
} as const satisfies Record<string, ActionDef>

export type Action = keyof typeof ACTIONS

/** The command a clerk types for each action, for "allowed next steps" ({id}, {year} filled in). */
export const ACTION_COMMANDS: Record<Action, string> = {
  update: 'itplan project update {id}',
  withdraw: 'itplan project withdraw {id}',
  'special-approval': 'itplan special-approval {id} --doc <文号>',
  'plan-include': 'itplan plan build --year {year}',
  'plan-amend-add': 'itplan plan amend --year {year} --add {id} --reason <理由>',
  'plan-drop': 'itplan plan build --year {year} --exclude {id}',
  'plan-exclude': 'itplan plan build --year {year} --exclude {id}',
  'plan-approve': 'itplan plan approve --year {year} --by government',
  'plan-remove': 'itplan plan amend --year {year} --remove {id} --reason <理由>',
  'review-record': 'itplan review record {id} --stage <环节> --result passed|failed|returned',
  reroute: 'itplan project route',
  'construction-start': 'itplan construction start {id} --responsible <负责人> --supervisor <监理单位>',
  'construction-report': 'itplan construction report {id} --kind delay|loss|other',
  'construction-suspend': 'itplan construction suspend {id} --reason <原因>',
  'construction-resume': 'itplan construction resume {id}',
  'construction-complete': 'itplan construction complete {id}',
  'budget-cut': 'itplan project update {id} --total <金额> --reason <原因>',
  'acceptance-preliminary': 'itplan acceptance preliminary {id} --result passed|failed',
  'acceptance-apply': 'itplan acceptance apply {id}',
  'acceptance-tech-review': 'itplan acceptance tech-review {id} --cloud pass|fail --sharing pass|fail --security pass|fail',
  'acceptance-expert': 'itplan acceptance expert {id} --result passed|failed',
  'acceptance-refuse': 'itplan acceptance expert {id} --result failed --refused-rectification',
  'acceptance-file': 'itplan acceptance file {id} --doc <文号>',
  evaluate: 'itplan evaluate {id} --score <分数>',
}

function fill(template: string, p: {id: string; planYear: number}): string {
  return template.replace(/\{id\}/g, p.id).replace(/\{year\}/g, String(p.planYear))
}

function definition(action: Action): ActionDef {
  return ACTIONS[action]
}

export function canDo(status: ProjectStatus, action: Action): boolean {
  return definition(action).from.includes(status)
}

/** The commands that may be run next on this project, ready to type. */
export function nextSteps(p: Pick<Project, 'id' | 'status' | 'planYear'>): string[] {
  const steps = (Object.keys(ACTIONS) as Action[])
    .filter((a) => canDo(p.status, a) && definition(a).offered !== false && !(a === 'plan-amend-add' && p.status === 'declared'))
    .map((a) => fill(ACTION_COMMANDS[a], p))
  return [...new Set(steps)]
}

/** The action's command as the clerk would name it, without placeholders. */
export function actionName(action: Action): string {
  return ACTION_COMMANDS[action].split(' {id}')[0].split(' --')[0]
}

export function assertCanDo(project: Pick<Project, 'id' | 'status' | 'planYear'>, action: Action): void {
  if (!canDo(project.status, action)) throw new IllegalTransition(project.id, project.status, actionName(action), nextSteps(project))
}

/** Terminal statuses never come back into a plan. */
export const CLOSED_STATUSES: readonly ProjectStatus[] = ['withdrawn', 'refused', 'dropped', 'filed']

export function isClosed(status: ProjectStatus): boolean {
  return CLOSED_STATUSES.includes(status)
}

export interface StatusMove {
  from: ProjectStatus
  to: ProjectStatus
}

/**
 * One step of the table: refused (exit 4) unless the project's status allows `action`; then the project takes
 * the status the step leads to — or, for a step with several outcomes, the outcome given — dated `date`.
 */
export function moveTo(project: Pick<Project, 'id' | 'status' | 'planYear' | 'statusSince' | 'updatedAt'>, action: Action, date: string, now: string, outcome?: ProjectStatus): StatusMove {
  assertCanDo(project, action)
  const def = definition(action)
  const to = outcome ?? def.to
  // A step leading somewhere the table does not name is a mistake in the code, not in the clerk's input.
  if (to === null || (to !== def.to && !(def.outcomes ?? []).includes(to))) throw new Error(`${action} does not lead to ${String(to)}`)
  const from = project.status
  project.status = to
  project.statusSince = date
  project.updatedAt = now
  return {from, to}
}

/** Until the government approves the plan a project is a declaration: every declared fact may still change. */
const DECLARATION_STAGE: readonly ProjectStatus[] = ['declared', 'planned']

export function isDeclarationEditable(status: ProjectStatus): boolean {
  return DECLARATION_STAGE.includes(status)
}

/** Art. 17, 20: the same statuses, read as those whose unit's standing (held back, weak results) still decides
 * whether they enter a plan. */
export const isAwaitingApproval = isDeclarationEditable

/** DESIGN §11.4: a project can change track until its review ends; later ones keep the track they were built on. */
export function isRoutable(status: ProjectStatus): boolean {
  return canDo(status, 'reroute')
}

/** DESIGN §11.2: an amendment can take a project out of an approved plan until its construction begins. */
const REMOVABLE_FROM_PLAN: readonly ProjectStatus[] = ['reviewing', 'cleared', 'refused', 'withdrawn']

export function isRemovableFromPlan(status: ProjectStatus): boolean {
  return REMOVABLE_FROM_PLAN.includes(status)
}

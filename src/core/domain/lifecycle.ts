// The lifecycle of DESIGN §4 as one transition table: every command that moves a project asks `assertCanDo`,
// and a refusal names the current status and the steps that are allowed from it (exit 4).
import {IllegalTransition} from './errors.js'
import type {Project, ProjectStatus} from './types.js'

export const ACTIONS = {
  update: {from: ['declared', 'planned', 'reviewing', 'cleared', 'in-construction', 'suspended', 'completed'], to: null},
  withdraw: {from: ['declared', 'planned', 'reviewing', 'cleared'], to: 'withdrawn'},
  'special-approval': {from: ['declared', 'planned', 'dropped'], to: null},
  'plan-include': {from: ['declared', 'planned'], to: 'planned'},
  // a project declared after the approval, or left out of it (dropped), enters by an amendment (DESIGN §11.2)
  'plan-amend-add': {from: ['declared', 'dropped'], to: 'planned'},
  'plan-drop': {from: ['declared', 'planned'], to: 'dropped'},
  'plan-approve': {from: ['planned'], to: 'reviewing'},
  'plan-remove': {from: ['reviewing', 'cleared'], to: 'dropped'},
  'review-record': {from: ['reviewing'], to: null},
  'construction-start': {from: ['cleared'], to: 'in-construction'},
  'construction-report': {from: ['in-construction', 'suspended', 'completed'], to: null},
  'construction-suspend': {from: ['in-construction'], to: 'suspended'},
  'construction-resume': {from: ['suspended'], to: 'in-construction'},
  'construction-complete': {from: ['in-construction'], to: 'completed'},
  'budget-cut': {from: ['cleared', 'in-construction', 'suspended'], to: null},
  'acceptance-preliminary': {from: ['completed', 'in-construction'], to: 'preliminarily-accepted'},
  'acceptance-apply': {from: ['preliminarily-accepted', 'rectifying'], to: 'acceptance-applied'},
  'acceptance-tech-review': {from: ['acceptance-applied'], to: 'tech-reviewed'},
  'acceptance-expert': {from: ['tech-reviewed'], to: 'accepted'},
  'acceptance-refuse': {from: ['rectifying'], to: null},
  'acceptance-file': {from: ['accepted'], to: 'filed'},
  evaluate: {from: ['accepted', 'filed'], to: null},
} as const satisfies Record<string, {from: readonly ProjectStatus[]; to: ProjectStatus | null}>

export type Action = keyof typeof ACTIONS

/** The command a clerk types for each action, for "allowed next steps" ({id}, {year} filled in). */
export const ACTION_COMMANDS: Record<Action, string> = {
  update: 'itplan project update {id}',
  withdraw: 'itplan project withdraw {id}',
  'special-approval': 'itplan special-approval {id} --doc <文号>',
  'plan-include': 'itplan plan build --year {year}',
  'plan-amend-add': 'itplan plan amend --year {year} --add {id} --reason <理由>',
  'plan-drop': 'itplan plan build --year {year} --exclude {id}',
  'plan-approve': 'itplan plan approve --year {year} --by government',
  'plan-remove': 'itplan plan amend --year {year} --remove {id} --reason <理由>',
  'review-record': 'itplan review record {id} --stage <环节> --result passed|failed|returned',
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

export function canDo(status: ProjectStatus, action: Action): boolean {
  return (ACTIONS[action].from as readonly ProjectStatus[]).includes(status)
}

/** The commands that may be run next on this project, ready to type. */
export function nextSteps(p: Pick<Project, 'id' | 'status' | 'planYear'>): string[] {
  const steps = (Object.keys(ACTIONS) as Action[])
    .filter((a) => canDo(p.status, a) && !['plan-drop', 'plan-remove', 'budget-cut', 'construction-report'].includes(a) && !(a === 'plan-amend-add' && p.status === 'declared'))
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

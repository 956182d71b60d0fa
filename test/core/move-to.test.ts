import {expect} from 'chai'
import {ACTIONS, canDo, isAwaitingApproval, isDeclarationEditable, isRemovableFromPlan, isRoutable, moveTo, nextSteps} from '../../src/core/domain/lifecycle.js'
import {IllegalTransition} from '../../src/core/domain/errors.js'
import {PROJECT_STATUSES} from '../../src/core/domain/types.js'
import type {Action} from '../../src/core/domain/lifecycle.js'
import type {ProjectStatus} from '../../src/core/domain/types.js'

const project = (status: ProjectStatus) => ({id: '2027-0007', status, planYear: 2027, statusSince: '2027-01-05', updatedAt: '2027-01-05T08:00:00.000Z'})
const ALL_ACTIONS = Object.keys(ACTIONS) as Action[]

describe('moveTo: every status change through the transition table', () => {
  it('moves to the status the table names, dated, and says where from', () => {
    const p = project('cleared')
    expect(moveTo(p, 'construction-start', '2027-03-01', '2027-03-01T09:00:00.000Z')).to.deep.equal({from: 'cleared', to: 'in-construction'})
    expect(p).to.deep.include({status: 'in-construction', statusSince: '2027-03-01', updatedAt: '2027-03-01T09:00:00.000Z'})
  })

  it('takes an outcome the table lists for the step (a failed review refuses, a self-implemented project is cleared at approval)', () => {
    const refused = project('reviewing')
    expect(moveTo(refused, 'review-record', '2027-04-01', 'now', 'refused').to).to.equal('refused')
    const cleared = project('planned')
    moveTo(cleared, 'plan-approve', '2027-02-01', 'now', 'cleared')
    expect(cleared.status).to.equal('cleared')
  })

  it('refuses a step the status does not allow (exit 4, naming the allowed steps) and changes nothing', () => {
    const p = project('declared')
    try {
      moveTo(p, 'construction-start', '2027-03-01', 'later')
      expect.fail('the move was allowed')
    } catch (error) {
      expect(error).to.be.instanceOf(IllegalTransition)
      expect((error as IllegalTransition).exitCode).to.equal(4)
      expect((error as IllegalTransition).allowed).to.deep.equal(nextSteps(p))
    }
    expect(p).to.deep.equal(project('declared'))
  })

  it('refuses an outcome the table does not list for the step, and a step that keeps the status', () => {
    const p = project('reviewing')
    expect(() => moveTo(p, 'review-record', '2027-04-01', 'now', 'accepted')).to.throw(/does not lead to accepted/)
    expect(() => moveTo(p, 'review-record', '2027-04-01', 'now')).to.throw(/does not lead to null/)
    expect(p.status).to.equal('reviewing')
  })

  it('every move the table allows is performed, and leads only where the table says', () => {
    for (const action of ALL_ACTIONS) {
      const def = ACTIONS[action] as {from: readonly ProjectStatus[]; to: ProjectStatus | null; outcomes?: readonly ProjectStatus[]}
      for (const from of PROJECT_STATUSES) {
        for (const to of [def.to, ...(def.outcomes ?? [])]) {
          if (to === null) continue
          const p = project(from)
          if (canDo(from, action)) expect(moveTo(p, action, '2027-05-01', 'now', to), `${from} —${action}→ ${to}`).to.deep.equal({from, to})
          else expect(() => moveTo(p, action, '2027-05-01', 'now', to), `${from} —${action}→ ${to}`).to.throw(IllegalTransition)
        }
      }
    }
  })
})

describe('the "can this still change" rules', () => {
  it('a declaration may change in full until the plan is approved', () => {
    expect(PROJECT_STATUSES.filter(isDeclarationEditable)).to.deep.equal(['declared', 'planned'])
    expect(PROJECT_STATUSES.filter(isAwaitingApproval)).to.deep.equal(['declared', 'planned'])
  })

  it('a project may change track until its review ends (DESIGN §11.4)', () => {
    expect(PROJECT_STATUSES.filter(isRoutable)).to.deep.equal(['declared', 'planned', 'reviewing'])
  })

  it('an amendment may take a project out of the approved plan until construction begins', () => {
    expect(PROJECT_STATUSES.filter(isRemovableFromPlan)).to.deep.equal(['reviewing', 'cleared', 'withdrawn', 'refused'])
  })

  it('steps done in passing are never offered as next steps', () => {
    for (const status of PROJECT_STATUSES) {
      const steps = nextSteps(project(status))
      expect(steps, status).to.not.include('itplan project route')
    }
  })
})

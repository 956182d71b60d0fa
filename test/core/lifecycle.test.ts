import {expect} from 'chai'
import {ACTIONS, assertCanDo, canDo, CLOSED_STATUSES, nextSteps} from '../../src/core/domain/lifecycle.js'
import {IllegalTransition} from '../../src/core/domain/errors.js'
import {PROJECT_STATUSES} from '../../src/core/domain/types.js'
import type {Action} from '../../src/core/domain/lifecycle.js'
import type {ProjectStatus} from '../../src/core/domain/types.js'

const ALL_ACTIONS = Object.keys(ACTIONS) as Action[]
const project = (status: ProjectStatus) => ({id: '2027-0007', status, planYear: 2027})

/** Catches the refusal, failing the test when there was none. */
function refusal(status: ProjectStatus, action: Action): IllegalTransition {
  try {
    assertCanDo(project(status), action)
  } catch (error) {
    expect(error).to.be.instanceOf(IllegalTransition)
    return error as IllegalTransition
  }
  throw new Error(`${action} was allowed from ${status}`)
}

describe('lifecycle (DESIGN §4)', () => {
  describe('the moves of the diagram are allowed, and lead where the diagram says', () => {
    // [from, action, to]: to === null means the action keeps the status (the outcome decides elsewhere)
    const edges: Array<[ProjectStatus, Action, ProjectStatus | null]> = [
      ['declared', 'plan-include', 'planned'],
      ['declared', 'withdraw', 'withdrawn'],
      ['planned', 'withdraw', 'withdrawn'],
      ['planned', 'plan-drop', 'dropped'],
      ['planned', 'plan-approve', 'reviewing'],
      ['reviewing', 'review-record', null],
      ['cleared', 'construction-start', 'in-construction'],
      ['in-construction', 'construction-suspend', 'suspended'],
      ['suspended', 'construction-resume', 'in-construction'],
      ['in-construction', 'acceptance-preliminary', 'preliminarily-accepted'],
      ['preliminarily-accepted', 'acceptance-apply', 'acceptance-applied'],
      ['rectifying', 'acceptance-apply', 'acceptance-applied'],
      ['acceptance-applied', 'acceptance-tech-review', 'tech-reviewed'],
      ['tech-reviewed', 'acceptance-expert', 'accepted'],
      ['accepted', 'acceptance-file', 'filed'],
      ['declared', 'special-approval', null],
      ['planned', 'special-approval', null],
      // DESIGN §11.2: a withdrawal may come during review; a dropped project may come back by an amendment
      ['reviewing', 'withdraw', 'withdrawn'],
      ['cleared', 'withdraw', 'withdrawn'],
      ['dropped', 'special-approval', null],
      ['dropped', 'plan-amend-add', 'planned'],
      ['declared', 'plan-amend-add', 'planned'],
    ]
    for (const [from, action, to] of edges) {
      it(`${from} —${action}→ ${to ?? '(same)'}`, () => {
        expect(canDo(from, action)).to.equal(true)
        expect(() => assertCanDo(project(from), action)).to.not.throw()
        expect(ACTIONS[action].to).to.equal(to)
      })
    }

    it('walks the whole happy path from declared to filed', () => {
      const path: Action[] = ['plan-include', 'plan-approve']
      let status: ProjectStatus = 'declared'
      for (const a of path) {
        assertCanDo(project(status), a)
        status = ACTIONS[a].to as ProjectStatus
      }
      expect(status).to.equal('reviewing')
      status = 'cleared' // the last stage passed (recorded by review record)
      for (const a of [
        'construction-start',
        'construction-suspend',
        'construction-resume',
        'construction-complete',
        'acceptance-preliminary',
        'acceptance-apply',
        'acceptance-tech-review',
        'acceptance-expert',
        'acceptance-file',
      ] as Action[]) {
        assertCanDo(project(status), a)
        status = ACTIONS[a].to as ProjectStatus
      }
      expect(status).to.equal('filed')
    })
  })

  describe('illegal moves are refused with exit 4, naming the status and the allowed next steps', () => {
    const illegal: Array<[ProjectStatus, Action]> = [
      ['declared', 'plan-approve'],
      ['declared', 'construction-start'],
      ['declared', 'review-record'],
      ['declared', 'acceptance-file'],
      ['planned', 'construction-start'],
      ['in-construction', 'withdraw'],
      ['reviewing', 'construction-start'],
      ['dropped', 'plan-include'],
      ['cleared', 'acceptance-apply'],
      ['in-construction', 'acceptance-file'],
      ['suspended', 'construction-complete'],
      ['preliminarily-accepted', 'acceptance-expert'],
      ['acceptance-applied', 'acceptance-file'],
      ['tech-reviewed', 'acceptance-file'],
      ['accepted', 'acceptance-expert'],
      ['filed', 'acceptance-file'],
      ['withdrawn', 'withdraw'],
      ['withdrawn', 'update'],
      ['withdrawn', 'plan-include'],
      ['refused', 'plan-include'],
      ['dropped', 'plan-approve'],
      ['filed', 'withdraw'],
    ]
    for (const [status, action] of illegal) {
      it(`${action} from ${status}`, () => {
        expect(canDo(status, action)).to.equal(false)
        const e = refusal(status, action)
        expect(e.exitCode).to.equal(4)
        expect(e.projectId).to.equal('2027-0007')
        expect(e.from).to.equal(status)
        expect(e.action).to.be.a('string').and.match(/^itplan /)
        expect(e.allowed).to.deep.equal(nextSteps(project(status)))
      })
    }

    it('the allowed steps name the right commands, with id and year filled in', () => {
      const fromDeclared = refusal('declared', 'construction-start').allowed
      expect(fromDeclared).to.include('itplan project withdraw 2027-0007')
      expect(fromDeclared).to.include('itplan plan build --year 2027')
      expect(fromDeclared).to.include('itplan project update 2027-0007')
      expect(fromDeclared.some((s) => s.startsWith('itplan special-approval 2027-0007'))).to.equal(true)
      expect(fromDeclared.some((s) => s.includes('construction'))).to.equal(false)

      const fromReviewing = refusal('reviewing', 'construction-start').allowed
      expect(fromReviewing.some((s) => s.startsWith('itplan review record 2027-0007'))).to.equal(true)
      expect(fromReviewing).to.include('itplan project withdraw 2027-0007')

      const fromCleared = refusal('cleared', 'acceptance-apply').allowed
      expect(fromCleared.some((s) => s.startsWith('itplan construction start 2027-0007'))).to.equal(true)

      const fromAccepted = refusal('accepted', 'acceptance-expert').allowed
      expect(fromAccepted.some((s) => s.startsWith('itplan acceptance file 2027-0007'))).to.equal(true)
      expect(fromAccepted.some((s) => s.startsWith('itplan evaluate 2027-0007'))).to.equal(true)
    })

    it('a withdrawn project has no next step at all', () => {
      const e = refusal('withdrawn', 'withdraw')
      expect(e.allowed).to.deep.equal([])
    })
  })

  describe('assertCanDo agrees with canDo for every status and action', () => {
    for (const status of PROJECT_STATUSES) {
      it(status, () => {
        let allowedCount = 0
        for (const action of ALL_ACTIONS) {
          if (canDo(status, action)) {
            allowedCount++
            expect(() => assertCanDo(project(status), action), `${action} from ${status}`).to.not.throw()
          } else {
            const e = refusal(status, action)
            expect(e.exitCode).to.equal(4)
            expect(e.allowed).to.deep.equal(nextSteps(project(status)))
          }
        }
        if (CLOSED_STATUSES.includes(status) && status !== 'filed' && status !== 'dropped') expect(allowedCount, status).to.equal(0)
      })
    }
  })

  describe('nextSteps', () => {
    it('is empty for the closed statuses withdrawn and refused; dropped can come back by an amendment; filed can only be evaluated', () => {
      expect(nextSteps(project('withdrawn'))).to.deep.equal([])
      expect(nextSteps(project('refused'))).to.deep.equal([])
      expect(nextSteps(project('dropped'))).to.deep.equal(['itplan special-approval 2027-0007 --doc <文号>', 'itplan plan amend --year 2027 --add 2027-0007 --reason <理由>'])
      expect(nextSteps(project('filed'))).to.deep.equal(['itplan evaluate 2027-0007 --score <分数>'])
    })

    it('leaves no placeholder unfilled and repeats nothing, for every status', () => {
      for (const status of PROJECT_STATUSES) {
        const steps = nextSteps(project(status))
        expect(new Set(steps).size, status).to.equal(steps.length)
        for (const s of steps) {
          expect(s, status).to.match(/^itplan /)
          expect(s, status).to.not.match(/\{id\}|\{year\}/)
        }
      }
    })

    it('every open status other than the closed ones has at least one next step', () => {
      for (const status of PROJECT_STATUSES) {
        if (CLOSED_STATUSES.includes(status)) continue
        expect(nextSteps(project(status)).length, status).to.be.greaterThan(0)
      }
    })

    it('uses the project id and plan year', () => {
      const steps = nextSteps({id: '2028-0042', status: 'planned', planYear: 2028})
      expect(steps).to.include('itplan project withdraw 2028-0042')
      expect(steps).to.include('itplan plan approve --year 2028 --by government')
    })
  })
})

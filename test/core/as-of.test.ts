// The pure parts of DESIGN §11.3 and §11.9: recomputing due dates under a new calendar, and the register as of a
// day (status steps from the journal, clamped; a stage's rounds). The CLI side is test/cli/calendar-moves.test.ts.
import {expect} from 'chai'
import {openCalendar} from '../../src/core/calendar/session.js'
import {buildProject, buildRegister, declaration} from '../helpers/build.js'
import {stageAsOf, statusFromSteps} from '../../src/core/domain/as-of.js'
import {recomputeDeadlines} from '../../src/core/operations/calendar-moves.js'
import {stepsFromJournal} from '../../src/core/operations/as-of.js'
import type {JournalEntry, Project, RegisterData, Stage} from '../../src/core/domain/types.js'

const SPRING_FESTIVAL = {year: 2027, days: Array.from({length: 9}, (_, i) => ({date: `2027-02-${String(6 + i).padStart(2, '0')}`, name: '春节', isOffDay: true}))}

function register(): {data: RegisterData; p: Project} {
  const data = buildRegister(2027, '2026-12-01T00:00:00.000Z')
  const p = buildProject('2027-0001', declaration(), {rules: data.rules, now: '2026-12-01T00:00:00.000Z'})
  data.projects.push(p)
  return {data, p}
}

const stage = (o: Partial<Stage>): Stage => ({key: 'secrecy-prereview', department: '市委办', status: 'open', startedOn: '2027-01-25', dueOn: '2027-02-08', decidedOn: null, documentNo: null, approvedAmountFen: null, opinion: null, rounds: [], ...o})

describe('recomputeDeadlines (§11.3)', () => {
  it('moves an open stage by the limit it was opened with, not a limit set since', () => {
    const {data, p} = register()
    p.status = 'reviewing'
    p.stages = [stage({}), stage({key: 'cyber-prereview', department: '市委网信办', status: 'passed', decidedOn: '2027-01-29'})]
    data.rules.timeLimits['secrecy-prereview'] = 15
    const moved = recomputeDeadlines(data, openCalendar([]), openCalendar([SPRING_FESTIVAL]))
    expect(moved).to.deep.equal([{projectId: p.id, key: 'secrecy-prereview', dueOnBefore: '2027-02-08', dueOn: '2027-02-15'}])
    expect(p.stages[0].dueOn).to.equal('2027-02-15')
    expect(p.stages[1].dueOn, 'a decided stage is history').to.equal('2027-02-08')
    expect(recomputeDeadlines(data, openCalendar([SPRING_FESTIVAL]), openCalendar([SPRING_FESTIVAL])), 'the same calendar moves nothing').to.deep.equal([])
  })
})

describe('the register as of a day (§11.9)', () => {
  it('a step cannot have happened after a later one: a plan built after its backdated approval counts from the approval', () => {
    const steps = [
      {date: '2026-11-20', status: 'declared' as const},
      {date: '2027-03-01', status: 'planned' as const},
      {date: '2027-01-25', status: 'reviewing' as const},
    ]
    expect(statusFromSteps(steps, '2027-01-20')).to.deep.equal({date: '2026-11-20', status: 'declared'})
    expect(statusFromSteps(steps, '2027-01-25')).to.deep.equal({date: '2027-01-25', status: 'reviewing'})
    expect(statusFromSteps(steps, '2026-01-01')).to.equal(null)
  })

  it('journal steps are dated by their own date, else by their command’s (a plan approval), else by the day it ran', () => {
    const entry = (seq: number, at: string, projectId: string | null, action: string, change: unknown): JournalEntry => ({seq, at, operator: 'x', command: `c${at}`, projectId, action, change, prev: null, hash: ''})
    const steps = stepsFromJournal(
      [
        entry(1, '2026-12-01T03:00:00.000Z', 'P', 'plan-include', {status: {from: 'declared', to: 'planned'}}),
        entry(2, '2026-12-02T03:00:00.000Z', null, 'plan-approve', {by: 'government', date: '2027-01-25'}),
        entry(3, '2026-12-02T03:00:00.000Z', 'P', 'plan-approved', {status: {from: 'planned', to: 'reviewing'}}),
        entry(4, '2026-12-03T03:00:00.000Z', 'P', 'review-record', {stage: 'secrecy-prereview', result: 'failed', date: '2027-02-01', status: {from: 'reviewing', to: 'refused'}}),
        entry(5, '2026-12-03T03:00:00.000Z', 'Q', 'withdraw', {status: {from: 'declared', to: 'withdrawn'}}),
      ],
      new Set(['P']),
    )
    // 03:00 UTC is 1 December in every time zone from UTC−3 to UTC+20
    expect(steps.get('P')).to.deep.equal([
      {status: 'planned', date: '2026-12-01'},
      {status: 'reviewing', date: '2027-01-25'},
      {status: 'refused', date: '2027-02-01'},
    ])
    expect(steps.has('Q'), 'only the projects asked for').to.equal(false)
  })

  it('a stage returned twice is shown in the round it was in on the day', () => {
    const {data, p} = register()
    const s = stage({
      status: 'passed',
      startedOn: '2027-02-22',
      dueOn: '2027-03-08',
      decidedOn: '2027-03-01',
      rounds: [
        {result: 'returned', date: '2027-02-01', documentNo: null, opinion: '补充材料'},
        {result: 'returned', date: '2027-02-22', documentNo: null, opinion: '再补充'},
        {result: 'passed', date: '2027-03-01', documentNo: null, opinion: null},
      ],
    })
    p.stages = [s]
    data.plans.push({year: 2027, status: 'approved', included: [p.id], excluded: [], approvals: [{by: 'government', documentNo: 'x', date: '2027-01-25'}], builtOn: '2027-01-05', officeExcluded: []})
    const calendar = openCalendar([])
    const on = (d: string) => stageAsOf(s, d, p, data, calendar)
    expect(on('2027-01-24')).to.include({status: 'pending', startedOn: null, dueOn: null})
    expect(on('2027-01-27')).to.include({status: 'open', startedOn: '2027-01-25', dueOn: '2027-02-08', decidedOn: null})
    expect(on('2027-02-10')).to.include({status: 'returned', startedOn: '2027-02-01', dueOn: '2027-02-15'})
    expect(on('2027-02-25')).to.include({status: 'returned', startedOn: '2027-02-22', dueOn: '2027-03-08'})
    expect(on('2027-02-25').rounds).to.have.length(2)
    expect(on('2027-03-01')).to.include({status: 'passed', decidedOn: '2027-03-01'})
  })
})

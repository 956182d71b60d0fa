// Deadlines follow the calendar in force (DESIGN §11.3) and `--as-of D` is the register as it stood on D (§11.9),
// through the real binary on one register. Stages open in January 2027, before any 2027 holiday schedule is
// known, so their due dates are counted Monday–Friday straight through the Spring Festival; then the office
// imports the 2027 schedule (holiday-cn format, shaped like the published 2026 file): 元旦 1–3 Jan, 春节 6–14 Feb
// off, Saturday 20 Feb worked. Every open stage and pending deadline the imported days change moves, is journalled
// and listed; the same file again moves nothing; a corrected file that takes a day off back moves them back.
//
// The register: 2027-A and 2027-B (技术初审+财政投资评审), whose pre-reviews open on the government's approval,
// Monday 25 Jan 2027 (10 working days: Mon–Fri 8 Feb, with the schedule 15 Feb); B's cyber pre-review passes on
// 29 Jan and its secrecy pre-review is returned on 1 Feb (its clock restarts: Mon–Fri 15 Feb, with the schedule
// 20 Feb). Two 2026 self-implemented projects: C1 completed 6 Aug 2026 (acceptance application due 6 months later,
// Saturday 6 Feb 2027 → the next working day: Mon–Fri 8 Feb, with the schedule 15 Feb), C2 accepted 25 Jan 2027
// (filing within 15 working days: Mon–Fri 15 Feb, with the schedule 20 Feb). D is declared on 1 Mar 2027.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import {commandsOn, initRegister, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {JournalEntry, Project} from '../../src/core/domain/types.js'
import type {DeadlineRow, ReportData} from '../../src/core/domain/report.js'
import type {CalendarImportResult, DeadlineMove} from '../../src/core/operations/calendar-moves.js'
import {copyRegister} from '../helpers/register-files.js'

interface Day {
  name: string
  date: string
  isOffDay: boolean
}

const range = (name: string, from: number, to: number, month: string, isOffDay = true): Day[] =>
  Array.from({length: to - from + 1}, (_, i) => ({name, date: `2027-${month}-${String(from + i).padStart(2, '0')}`, isOffDay}))

/** The 2027 schedule as holiday-cn publishes a year (the shape of /work/shared/real-world/holiday-cn-2026.json). */
function holidayFile(days: Day[]): string {
  return JSON.stringify({$schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json', year: 2027, papers: ['https://www.gov.cn/zhengce/content/2027.htm'], days}, null, 4)
}
const SCHEDULE: Day[] = [...range('元旦', 1, 3, '01'), ...range('春节', 6, 14, '02'), {name: '春节', date: '2027-02-20', isOffDay: false}, ...range('清明节', 3, 5, '04'), ...range('劳动节', 1, 5, '05')]
/** A schedule first published with 15 Feb off too, then corrected. */
const WRONG: Day[] = [...SCHEDULE, {name: '春节', date: '2027-02-15', isOffDay: true}]

describe('calendar import moves deadlines; --as-of is the register as of that day (issue 12 §11.3, §11.9; issue 13 #22)', function () {
  this.timeout(120_000)
  let t: TempRegister
  const id: Record<string, string> = {}
  const {cli, ok, refused, snapshot} = commandsOn(() => t)
  const file = (name: string, text: string) => {
    const f = path.join(t.dir, name)
    fs.writeFileSync(f, text)
    return f
  }
  const rows = (args: string[]) => ok<DeadlineRow[]>(['review', 'list', ...args])
  const row = (list: DeadlineRow[], pid: string, key: string) => list.find((r) => r.projectId === pid && r.key === key)
  const stageDue = async (pid: string, key: string) => (await ok<Project>(['project', 'show', pid])).stages.find((s) => s.key === key)!.dueOn
  /** The five due dates a 2027 schedule changes, under each calendar, and the moves from one calendar to another. */
  const CHANGED: Array<[string, string]> = [['A', 'secrecy-prereview'], ['A', 'cyber-prereview'], ['B', 'secrecy-prereview'], ['C1', 'acceptance-apply'], ['C2', 'filing']]
  const DUE = {
    monFri: ['2027-02-08', '2027-02-08', '2027-02-15', '2027-02-08', '2027-02-15'],
    schedule: ['2027-02-15', '2027-02-15', '2027-02-20', '2027-02-15', '2027-02-20'],
    wrong: ['2027-02-16', '2027-02-16', '2027-02-22', '2027-02-16', '2027-02-22'],
  }
  const moves = (from: keyof typeof DUE, to: keyof typeof DUE): DeadlineMove[] => CHANGED.map(([k, key], i) => ({projectId: id[k], key, dueOnBefore: DUE[from][i], dueOn: DUE[to][i]}))

  before(async () => {
    t = tempRegister()
    await initRegister(t.dir, 2027)
    for (const [k, flags] of [
      ['A', {name: '智慧警务平台', 'declared-on': '2026-11-20'}],
      ['B', {unit: '市财政局', name: '预算一体化平台', 'declared-on': '2026-11-20'}],
      ['C1', {unit: '市教育局', name: '智慧校园', total: '30万', year: '2026', 'declared-on': '2025-11-20'}],
      ['C2', {unit: '市民政局', name: '养老服务平台', total: '35万', year: '2026', 'declared-on': '2025-11-20'}],
    ] as Array<[string, Record<string, string>]>) {
      id[k] = (await ok<Project>(['project', 'add', ...projectFlags(flags)])).id
    }
    await ok(['plan', 'build', '--year', '2026'])
    await ok(['plan', 'approve', '--year', '2026', '--by', 'leading-group', '--doc', '郴数政组〔2026〕1号', '--date', '2026-01-10'])
    await ok(['plan', 'approve', '--year', '2026', '--by', 'government', '--doc', '郴政函〔2026〕2号', '--date', '2026-01-20'])
    for (const k of ['C1', 'C2']) await ok(['construction', 'start', id[k], '--responsible', '李四', '--supervisor', '郴州正信工程监理有限公司', '--date', '2026-02-02'])
    await ok(['construction', 'complete', id.C1, '--date', '2026-08-06'])
    await ok(['construction', 'complete', id.C2, '--date', '2026-06-01'])
    await ok(['acceptance', 'preliminary', id.C2, '--result', 'passed', '--date', '2026-06-10'])
    await ok(['acceptance', 'apply', id.C2, '--date', '2026-06-20'])
    await ok(['acceptance', 'tech-review', id.C2, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2027-01-10'])
    await ok(['acceptance', 'expert', id.C2, '--result', 'passed', '--date', '2027-01-25'])
    await ok(['plan', 'build', '--year', '2027'])
    await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', '郴数政组〔2027〕1号', '--date', '2027-01-15'])
    await ok(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', '郴政函〔2027〕3号', '--date', '2027-01-25'])
    await ok(['review', 'record', id.B, '--stage', 'cyber-prereview', '--result', 'passed', '--date', '2027-01-29'])
    await ok(['review', 'record', id.B, '--stage', 'secrecy-prereview', '--result', 'returned', '--date', '2027-02-01', '--opinion', '请补充密码应用方案'])
    id.D = (await ok<Project>(['project', 'add', ...projectFlags({unit: '市水利局', name: '水情监测平台', 'declared-on': '2027-03-01'})])).id
  })
  after(() => t.cleanup())

  it('before the schedule is known, the due dates run Monday–Friday through the Spring Festival', async () => {
    expect(await stageDue(id.A, 'secrecy-prereview')).to.equal('2027-02-08')
    expect(await stageDue(id.B, 'secrecy-prereview'), 'the return restarted the clock').to.equal('2027-02-15')
    const overdue = await rows(['--overdue', '--as-of', '2027-02-17'])
    expect(row(overdue, id.B, 'secrecy-prereview'), 'overdue by the Monday–Friday count').to.include({dueOn: '2027-02-15', daysLeft: -2})
    expect(row(overdue, id.C2, 'filing')).to.include({dueOn: '2027-02-15'})
  })

  it('calendar import recomputes every open stage and pending deadline the imported days change, and --json lists them', async () => {
    const result = await ok<CalendarImportResult>(['calendar', 'import', file('2027.json', holidayFile(SCHEDULE))])
    expect(result).to.have.all.keys('year', 'days', 'moved')
    expect(result).to.include({year: 2027, days: SCHEDULE.length})
    expect(result.moved).to.have.deep.members(moves('monFri', 'schedule'))
    expect(await stageDue(id.A, 'cyber-prereview')).to.equal('2027-02-15')
    expect(await stageDue(id.B, 'secrecy-prereview')).to.equal('2027-02-20')
    expect(await stageDue(id.B, 'cyber-prereview'), 'a decided stage keeps its dates').to.equal('2027-02-08')
  })

  it('journals each move under its project', async () => {
    const log = await ok<JournalEntry[]>(['audit', 'log'])
    const moved = log.filter((e) => e.action === 'deadline-moved')
    const journalled = moved.map((e) => {
      const {key, dueOnBefore, dueOn} = e.change as DeadlineMove
      return {projectId: e.projectId, key, dueOnBefore, dueOn}
    })
    expect(journalled).to.have.deep.members(moves('monFri', 'schedule'))
    expect(log.filter((e) => e.action === 'calendar-import')).to.have.length(1)
    const a = await ok<JournalEntry[]>(['audit', 'log', '--project', id.A])
    expect(a.filter((e) => e.action === 'deadline-moved')).to.have.length(2)
  })

  it('review list --overdue is then right: the returned stage has three working days left', async () => {
    const overdue = await rows(['--overdue', '--as-of', '2027-02-17'])
    expect(row(overdue, id.B, 'secrecy-prereview')).to.equal(undefined)
    expect(row(overdue, id.C2, 'filing')).to.equal(undefined)
    expect(row(overdue, id.A, 'secrecy-prereview'), 'due 15 Feb, two working days over on 17 Feb').to.include({daysLeft: -2})
    const all = await rows(['--as-of', '2027-02-17'])
    expect(row(all, id.B, 'secrecy-prereview')).to.include({dueOn: '2027-02-20', daysLeft: 3})
    expect(row(all, id.C2, 'filing')).to.include({dueOn: '2027-02-20', daysLeft: 3})
  })

  it('importing the same file again moves nothing and writes nothing', async () => {
    const before = snapshot()
    const again = await ok<CalendarImportResult>(['calendar', 'import', path.join(t.dir, '2027.json')])
    expect(again).to.deep.equal({year: 2027, days: SCHEDULE.length, moved: []})
    expect(snapshot()).to.equal(before)
  })

  it('a schedule with a day more off moves them later, and the corrected one (the day removed) moves them back; printed in Chinese', async () => {
    const later = await cli(['calendar', 'import', file('2027-wrong.json', holidayFile(WRONG))])
    expect(later.code, later.stderr).to.equal(0)
    const line = (pid: string, stage: string) => later.stdout.split('\n').find((l) => l.includes(pid) && l.includes(stage)) ?? ''
    expect(line(id.A, '市委办前置审查')).to.contain('智慧警务平台').and.contain('2027-02-15 → 2027-02-16')
    expect(line(id.B, '市委办前置审查')).to.contain('2027-02-20 → 2027-02-22')
    expect(line(id.C1, '申请竣工验收')).to.contain('2027-02-15 → 2027-02-16')
    expect(line(id.C2, '验收备案')).to.contain('2027-02-20 → 2027-02-22')
    expect(later.stdout).to.contain('5 个到期日')
    const back = await ok<CalendarImportResult>(['calendar', 'import', path.join(t.dir, '2027.json')])
    expect(back.moved).to.have.deep.members(moves('wrong', 'schedule'))
    expect(await stageDue(id.B, 'secrecy-prereview')).to.equal('2027-02-20')
  })

  it('refuses a year out of range and an impossible date with exit 3, naming the file and the bad value (issue 13 #22)', async () => {
    const bigYear = file('year.json', JSON.stringify({year: 99999, days: [{name: '元旦', date: '2027-01-01', isOffDay: true}]}))
    const year = await refused(['calendar', 'import', bigYear], 3)
    expect(year.text).to.contain(bigYear).and.contain('99999').and.not.contain('缺少')
    const badDate = file('date.json', holidayFile([{name: '春节', date: '2027-02-30', isOffDay: true}]))
    const date = await refused(['calendar', 'import', badDate], 3)
    expect(date.text).to.contain(badDate).and.contain('2027-02-30').and.contain('days[0]').and.not.match(/\{\w+\}/)
    expect(date.error.message).to.contain('2027-02-30').and.not.match(/\{\w+\}/)
  })

  describe('--as-of D', () => {
    it('review list lists no stage that had not started by D', async () => {
      const stages = (await rows(['--as-of', '2027-01-20'])).filter((r) => !['acceptance-apply', 'filing', 'evaluation'].includes(r.key))
      expect(stages).to.deep.equal([])
    })

    it('review list shows a stage decided after D as open on D, a returned stage in the round it was in', async () => {
      const jan27 = await rows(['--as-of', '2027-01-27'])
      // a stage decided before the import keeps the due date it was decided under
      expect(row(jan27, id.B, 'cyber-prereview'), 'passed on 29 Jan: open on 27 Jan').to.include({startedOn: '2027-01-25', dueOn: '2027-02-08', daysLeft: 7})
      expect(row(jan27, id.B, 'secrecy-prereview'), 'returned on 1 Feb: in its first round on 27 Jan').to.include({startedOn: '2027-01-25', dueOn: '2027-02-15'})
      const feb3 = await rows(['--as-of', '2027-02-03'])
      expect(row(feb3, id.B, 'cyber-prereview')).to.equal(undefined)
      expect(row(feb3, id.B, 'secrecy-prereview')).to.include({startedOn: '2027-02-01', dueOn: '2027-02-20', daysLeft: 8})
    })

    it('report counts only the projects declared by D, each with the status it had on D', async () => {
      const status = (r: ReportData, s: string) => r.byStatus.find((x) => x.status === s)?.count ?? 0
      const now = await ok<ReportData>(['report'])
      expect(now.totals.count).to.equal(5)
      const jan20 = await ok<ReportData>(['report', '--as-of', '2027-01-20'])
      expect(jan20.totals.count, 'D was declared on 1 Mar').to.equal(4)
      expect(status(jan20, 'reviewing'), 'the 2027 plan was approved on 25 Jan').to.equal(0)
      expect(status(jan20, 'planned') + status(jan20, 'declared')).to.equal(2)
      expect(status(jan20, 'completed'), 'C1').to.equal(1)
      expect(status(jan20, 'tech-reviewed'), 'C2 was accepted on 25 Jan').to.equal(1)
      const items = jan20.deadlinesByDepartment.flatMap((d) => d.items)
      expect(items.map((i) => [i.projectId, i.key])).to.deep.equal([[id.C1, 'acceptance-apply']])
      const jun15 = await ok<ReportData>(['report', '--as-of', '2026-06-15'])
      expect(jun15.totals.count).to.equal(2)
      expect(jun15.byStatus.map((s) => [s.status, s.count])).to.have.deep.members([
        ['in-construction', 1],
        ['preliminarily-accepted', 1],
      ])
      expect(jun15.deadlinesByDepartment.flatMap((d) => d.items).map((i) => [i.projectId, i.key, i.dueOn])).to.deep.equal([[id.C2, 'acceptance-apply', '2026-12-01']])
      const feb17 = await ok<ReportData>(['report', '--as-of', '2027-02-17'])
      expect(feb17.totals.count).to.equal(4)
      expect(status(feb17, 'reviewing')).to.equal(2)
      expect(status(feb17, 'accepted')).to.equal(1)
      expect(feb17.deadlinesByDepartment.reduce((n, d) => n + d.overdue, 0), 'A’s two pre-reviews and C1’s application').to.equal(3)
    })

    it('without the journal, the dated records give the same view', async () => {
      const copy = tempRegister()
      try {
        copyRegister(t.register, copy.register)
        const run = async (args: string[]) => {
          const r = await commandsOn(() => copy).ok(args)
          return r
        }
        const jun15 = await run(['report', '--as-of', '2026-06-15'])
        expect(jun15.byStatus.map((s: {status: string; count: number}) => [s.status, s.count])).to.have.deep.members([
          ['in-construction', 1],
          ['preliminarily-accepted', 1],
        ])
        const jan27 = (await run(['review', 'list', '--as-of', '2027-01-27'])) as DeadlineRow[]
        expect(row(jan27, id.B, 'secrecy-prereview')).to.include({startedOn: '2027-01-25', dueOn: '2027-02-15'})
        expect(row(jan27, id.B, 'cyber-prereview')).to.include({startedOn: '2027-01-25'})
        const jan20 = await run(['report', '--as-of', '2027-01-20'])
        expect(jan20.byStatus.find((s: {status: string}) => s.status === 'reviewing')).to.equal(undefined)
      } finally {
        copy.cleanup()
      }
    })
  })
})

// Construction, acceptance, filing, unit suspension and performance evaluation (Art. 11–20; DESIGN §4, §5, §7),
// through the real binary on one real register: five self-implemented projects of a 2026 plan, cleared when the
// city government approves it, then taken by the clerk's commands through their lives. Every out-of-order step is
// refused with exit 4, names the current status and the commands that are allowed next, and writes nothing.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type {Cell, Worksheet} from 'exceljs'
import {REPO_ROOT, commandsOn, initRegister, json, projectFlags, runCli, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project} from '../../src/core/domain/types.js'
import type {DeadlineRow} from '../../src/core/domain/report.js'
import type {UnitStanding} from '../../src/core/domain/units.js'

const WAN = 1_000_000
const YEAR = 2026

type Unit = UnitStanding
type Row = DeadlineRow

describe('itplan construction / acceptance / unit / evaluate (issue 6, through the CLI)', function () {
  this.timeout(60_000)
  let t: TempRegister
  const id: Record<string, string> = {}

  const {cli, ok, refused} = commandsOn(() => t)
  /** Exit 4 naming the current status (in words) and each of `next` among the allowed steps. */
  async function outOfOrder(args: string[], status: string, statusWord: string, next: string[]): Promise<void> {
    const {text, error} = await refused(args, 4)
    expect(error.code).to.equal('illegal-transition')
    expect(error.from).to.equal(status)
    expect(text).to.contain(`“${statusWord}”`)
    for (const step of next) {
      expect(text, `allowed next step "${step}"`).to.contain(step)
      expect(error.allowed!.some((a) => a.startsWith(step)), step).to.equal(true)
    }
  }
  const show = (pid: string) => ok<Project>(['project', 'show', pid])
  const step = (args: string[]) => ok<Project>(args)
  const units = async () => Object.fromEntries((await ok<Unit[]>(['unit', 'list'])).map((u) => [u.name, u]))
  const reviewList = (extra: string[]) => ok<Row[]>(['review', 'list', ...extra])
  /** Carries a cleared project to `tech-reviewed` in one go (for the projects that are not the subject of a test). */
  async function toTechReviewed(pid: string, from: string): Promise<void> {
    await step(['construction', 'start', pid, '--responsible', '李四', '--supervisor', '郴州正信工程监理有限公司', '--date', `${from}-02`])
    await step(['construction', 'complete', pid, '--date', `${from}-20`])
    await step(['acceptance', 'preliminary', pid, '--result', 'passed', '--date', `${from}-21`])
    await step(['acceptance', 'apply', pid, '--date', `${from}-22`])
    await step(['acceptance', 'tech-review', pid, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', `${from}-23`])
  }

  before(async () => {
    t = tempRegister()
    await initRegister(t.dir, YEAR)
    const declarations: Array<[string, Record<string, string>]> = [
      ['P1', {unit: '市教育局', name: '智慧校园平台', total: '30万'}],
      ['P2', {unit: '市交通运输局', name: '交通监测平台', total: '40万'}],
      ['P3', {unit: '市水利局', name: '水情监测平台', total: '45万'}],
      ['P4', {unit: '市民政局', name: '养老服务平台', total: '35万'}],
      ['P5', {unit: '市文化旅游广电局', name: '智慧旅游平台', total: '35万'}],
    ]
    for (const [key, overrides] of declarations) id[key] = (await ok<{id: string}>(['project', 'add', ...projectFlags({...overrides, 'declared-on': '2025-12-01'})])).id
    await ok(['plan', 'build', '--year', String(YEAR)])
    await ok(['plan', 'approve', '--year', String(YEAR), '--by', 'leading-group', '--doc', '郴数政组〔2026〕1号', '--date', '2026-01-20'])
    await ok(['plan', 'approve', '--year', String(YEAR), '--by', 'government', '--doc', '郴政函〔2026〕5号', '--date', '2026-02-02'])
  })
  after(() => t.cleanup())

  describe('one project from cleared to filed', () => {
    it('starts cleared (self-implemented track); nothing but construction start may follow', async () => {
      expect((await show(id.P1)).status).to.equal('cleared')
      await outOfOrder(['construction', 'complete', id.P1, '--date', '2026-03-01'], 'cleared', '评审通过', [`itplan construction start ${id.P1}`])
      await outOfOrder(['acceptance', 'preliminary', id.P1, '--result', 'passed', '--date', '2026-03-01'], 'cleared', '评审通过', [`itplan construction start ${id.P1}`])
    })

    it('construction start needs a responsible person (Art. 11) and a supervision unit (Art. 13): exit 2 without either', async () => {
      const both = await refused(['construction', 'start', id.P1, '--date', '2026-03-02'], 2)
      expect(both.text).to.contain('responsible').and.contain('supervisor')
      await refused(['construction', 'start', id.P1, '--responsible', '王五', '--date', '2026-03-02'], 2)
      await refused(['construction', 'start', id.P1, '--supervisor', '郴州正信工程监理有限公司', '--date', '2026-03-02'], 2)
      await refused(['construction', 'start', id.P1, '--responsible', ' ', '--supervisor', '郴州正信工程监理有限公司', '--date', '2026-03-02'], 2)
    })

    it('construction start with both → in-construction, recording contractor and contract amount', async () => {
      const p = await step(['construction', 'start', id.P1, '--responsible', '王五', '--supervisor', '郴州正信工程监理有限公司', '--contractor', '湖南星城科技有限公司', '--contract-amount', '28.5万', '--date', '2026-03-02'])
      expect(p.status).to.equal('in-construction')
      expect(p.construction).to.include({startedOn: '2026-03-02', responsible: '王五', supervisor: '郴州正信工程监理有限公司', contractor: '湖南星城科技有限公司', contractAmountFen: 28_500_000})
      const text = await cli(['construction', 'report', id.P1, '--kind', 'other', '--description', 'x', '--date', '2026-03-03', '--lang', 'zh'])
      expect(text.code).to.equal(0)
      expect(text.stdout, 'a lifecycle command prints the new status and the next steps').to.contain('建设中').and.contain(`itplan construction complete ${id.P1}`)
      await outOfOrder(['acceptance', 'apply', id.P1, '--date', '2026-03-05'], 'in-construction', '建设中', [`itplan construction complete ${id.P1}`, `itplan acceptance preliminary ${id.P1}`])
      await outOfOrder(['construction', 'resume', id.P1, '--date', '2026-03-05'], 'in-construction', '建设中', [`itplan construction suspend ${id.P1}`])
      await outOfOrder(['construction', 'start', id.P1, '--responsible', 'a', '--supervisor', 'b', '--date', '2026-03-05'], 'in-construction', '建设中', [`itplan construction complete ${id.P1}`])
    })

    it('construction report records an incident (Art. 15), visible on the project and in report --json', async () => {
      await refused(['construction', 'report', id.P1, '--kind', 'delay', '--date', '2026-04-01'], 2)
      await refused(['construction', 'report', id.P1, '--kind', 'late', '--description', '供货延迟', '--date', '2026-04-01'], 2)
      const p = await step(['construction', 'report', id.P1, '--kind', 'delay', '--description', '核心设备供货延迟两个月', '--date', '2026-04-01'])
      expect(p.status).to.equal('in-construction')
      expect(p.construction!.incidents).to.deep.include({kind: 'delay', description: '核心设备供货延迟两个月', date: '2026-04-01'})
      expect((await show(id.P1)).construction!.incidents).to.have.length(2)
      const report = await ok<{incidents: Array<{projectId: string; kind: string; date: string; description: string}>}>(['report', '--as-of', '2026-04-02'])
      expect(report.incidents).to.deep.include({projectId: id.P1, projectName: '智慧校园平台', unit: '市教育局', kind: 'delay', date: '2026-04-01', description: '核心设备供货延迟两个月'})
    })

    it('construction suspend needs --reason; suspended → resume → in-construction', async () => {
      await refused(['construction', 'suspend', id.P1, '--date', '2026-05-06'], 2)
      let p = await step(['construction', 'suspend', id.P1, '--reason', '资金未到位', '--date', '2026-05-06'])
      expect(p.status).to.equal('suspended')
      expect(p.construction).to.include({suspendedOn: '2026-05-06', suspendReason: '资金未到位'})
      await outOfOrder(['construction', 'complete', id.P1, '--date', '2026-05-07'], 'suspended', '暂停建设', [`itplan construction resume ${id.P1}`])
      await outOfOrder(['acceptance', 'preliminary', id.P1, '--result', 'passed', '--date', '2026-05-07'], 'suspended', '暂停建设', [`itplan construction resume ${id.P1}`])
      p = await step(['construction', 'resume', id.P1, '--date', '2026-05-20'])
      expect(p.status).to.equal('in-construction')
      expect(p.construction).to.include({suspendedOn: null, suspendReason: null})
    })

    it('construction complete --actual → completed, with the actual investment', async () => {
      const p = await step(['construction', 'complete', id.P1, '--actual', '28.6万', '--date', '2026-08-31'])
      expect(p.status).to.equal('completed')
      expect(p.construction).to.include({completedOn: '2026-08-31', actualInvestmentFen: 28_600_000})
      await outOfOrder(['acceptance', 'tech-review', id.P1, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2026-09-01'], 'completed', '建设完成', [`itplan acceptance preliminary ${id.P1}`])
      await outOfOrder(['construction', 'suspend', id.P1, '--reason', 'x', '--date', '2026-09-01'], 'completed', '建设完成', [`itplan acceptance preliminary ${id.P1}`])
    })

    it('acceptance preliminary passed → preliminarily-accepted; apply → acceptance-applied', async () => {
      let p = await step(['acceptance', 'preliminary', id.P1, '--result', 'passed', '--date', '2026-09-07'])
      expect(p.status).to.equal('preliminarily-accepted')
      expect(p.acceptance).to.include({preliminaryOn: '2026-09-07', preliminaryResult: 'passed'})
      await outOfOrder(['acceptance', 'expert', id.P1, '--result', 'passed', '--date', '2026-09-08'], 'preliminarily-accepted', '已初步验收', [`itplan acceptance apply ${id.P1}`])
      p = await step(['acceptance', 'apply', id.P1, '--date', '2026-09-14'])
      expect(p.status).to.equal('acceptance-applied')
      expect(p.acceptance!.appliedOn).to.equal('2026-09-14')
      await outOfOrder(['acceptance', 'file', id.P1, '--doc', 'x', '--date', '2026-09-15'], 'acceptance-applied', '已申请竣工验收', [`itplan acceptance tech-review ${id.P1}`])
      await outOfOrder(['acceptance', 'expert', id.P1, '--result', 'passed', '--date', '2026-09-15'], 'acceptance-applied', '已申请竣工验收', [`itplan acceptance tech-review ${id.P1}`])
    })

    it('a failed technical check sends the project to rectifying (one acceptance failure, unit not suspended); apply again → acceptance-applied; all pass → tech-reviewed', async () => {
      await refused(['acceptance', 'tech-review', id.P1, '--cloud', 'pass', '--sharing', 'pass', '--date', '2026-09-21'], 2)
      let p = await step(['acceptance', 'tech-review', id.P1, '--cloud', 'pass', '--sharing', 'fail', '--security', 'pass', '--opinion', '数据未接入共享平台', '--date', '2026-09-21'])
      expect(p.status).to.equal('rectifying')
      expect(p.acceptance!.failures).to.equal(1)
      expect(p.acceptance!.techReview).to.include({cloud: 'pass', sharing: 'fail', security: 'pass'})
      expect((await units())['市教育局']?.suspended ?? false, 'one failure does not suspend the unit').to.equal(false)
      await outOfOrder(['acceptance', 'expert', id.P1, '--result', 'passed', '--date', '2026-09-22'], 'rectifying', '整改中', [`itplan acceptance apply ${id.P1}`])
      await outOfOrder(['acceptance', 'tech-review', id.P1, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2026-09-22'], 'rectifying', '整改中', [`itplan acceptance apply ${id.P1}`])
      p = await step(['acceptance', 'apply', id.P1, '--date', '2026-10-12'])
      expect(p.status).to.equal('acceptance-applied')
      p = await step(['acceptance', 'tech-review', id.P1, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2026-10-19'])
      expect(p.status).to.equal('tech-reviewed')
      expect(p.acceptance!.techReview).to.include({date: '2026-10-19', cloud: 'pass', sharing: 'pass', security: 'pass'})
      await outOfOrder(['acceptance', 'file', id.P1, '--doc', 'x', '--date', '2026-10-20'], 'tech-reviewed', '技术支持组审查通过', [`itplan acceptance expert ${id.P1}`])
    })

    it('expert --result passed → accepted; --refused-rectification goes only with failed (exit 2)', async () => {
      await refused(['acceptance', 'expert', id.P1, '--result', 'passed', '--refused-rectification', '--date', '2026-10-30'], 2)
      const p = await step(['acceptance', 'expert', id.P1, '--result', 'passed', '--date', '2026-10-30'])
      expect(p.status).to.equal('accepted')
      expect(p.acceptance).to.include({expertOn: '2026-10-30', expertResult: 'passed'})
      await outOfOrder(['construction', 'start', id.P1, '--responsible', 'a', '--supervisor', 'b', '--date', '2026-10-31'], 'accepted', '已竣工验收', [`itplan acceptance file ${id.P1}`])
      await refused(['acceptance', 'file', id.P1, '--date', '2026-10-31'], 2)
    })

    it('the filing deadline, 15 working days after acceptance, is listed and becomes overdue the next working day', async () => {
      // 30 Oct 2026 + 15 working days: 2–6, 9–13, 16–20 Nov → 2026-11-20
      const onTheDay = (await reviewList(['--as-of', '2026-11-20'])).find((r) => r.projectId === id.P1 && r.key === 'filing')
      expect(onTheDay).to.include({startedOn: '2026-10-30', dueOn: '2026-11-20', daysLeft: 0})
      expect((await reviewList(['--overdue', '--as-of', '2026-11-20'])).filter((r) => r.projectId === id.P1)).to.deep.equal([])
      const overdue = await reviewList(['--overdue', '--as-of', '2026-11-23'])
      const filing = overdue.find((r) => r.projectId === id.P1)
      expect(filing).to.include({key: 'filing', department: '市教育局', dueOn: '2026-11-20', daysLeft: -1})
      const text = await cli(['review', 'list', '--overdue', '--as-of', '2026-11-23'])
      expect(text.stdout).to.contain('验收备案').and.contain('超期 1 个工作日')
      // the performance evaluation falls due 12 months after acceptance, owed to the funding group (Art. 20);
      // 2027-10-30 is a Saturday, so the period ends on the next working day (《民法典》第二百零三条)
      const evaluation = (await reviewList(['--as-of', '2026-11-23'])).find((r) => r.projectId === id.P1 && r.key === 'evaluation')
      expect(evaluation).to.include({department: '资金统筹组', dueOn: '2027-11-01'})
    })

    it('acceptance file --doc → filed, and the filing deadline leaves the list', async () => {
      const p = await step(['acceptance', 'file', id.P1, '--doc', '郴数政办备〔2026〕12号', '--date', '2026-11-25'])
      expect(p.status).to.equal('filed')
      expect(p.acceptance).to.include({filedOn: '2026-11-25', filingDocumentNo: '郴数政办备〔2026〕12号'})
      expect((await reviewList(['--as-of', '2026-11-26'])).filter((r) => r.projectId === id.P1 && r.key === 'filing')).to.deep.equal([])
      await outOfOrder(['acceptance', 'file', id.P1, '--doc', 'again', '--date', '2026-11-26'], 'filed', '已备案', [`itplan evaluate ${id.P1}`])
    })
  })

  describe('unit suspension (Art. 17)', () => {
    it('a second acceptance failure of the same project suspends the unit; its later declarations are flagged and kept out of plans', async () => {
      const pid = id.P2
      await toTechReviewed(pid, '2026-06')
      let p = await step(['acceptance', 'expert', pid, '--result', 'failed', '--date', '2026-06-24'])
      expect(p.status).to.equal('rectifying')
      expect(p.acceptance!.failures).to.equal(1)
      expect((await units())['市交通运输局']?.suspended ?? false).to.equal(false)
      await step(['acceptance', 'apply', pid, '--date', '2026-07-06'])
      p = await step(['acceptance', 'tech-review', pid, '--cloud', 'pass', '--sharing', 'pass', '--security', 'fail', '--date', '2026-07-13'])
      expect(p.status).to.equal('rectifying')
      expect(p.acceptance!.failures).to.equal(2)
      const unit = (await units())['市交通运输局']
      expect(unit.suspended).to.equal(true)
      expect(unit.reason).to.be.a('string').and.not.equal('')
      const text = await cli(['unit', 'list'])
      expect(text.stdout.split('\n').find((l) => l.includes('市交通运输局'))).to.contain('整改后仍未通过竣工验收')
      const later = await ok<Project>(['project', 'add', ...projectFlags({unit: '市交通运输局', name: '智慧停车', total: '60万', 'declared-on': '2026-12-01'}), '--year', '2027'])
      expect(later.flags).to.include('unit-suspended')
      const plan = await ok<{included: string[]; excluded: Array<{id: string; reasons: string[]; reasonCodes: string[]}>}>(['plan', 'build', '--year', '2027'])
      expect(plan.included).to.not.include(later.id)
      expect(plan.excluded.find((e) => e.id === later.id)!.reasonCodes).to.deep.equal(['plan.excluded.unitSuspended'])
      id.later = later.id
    })

    it('unit reinstate clears the suspension and the flag; the next plan build takes the declaration', async () => {
      await ok(['unit', 'reinstate', '郴州市交通运输局'])
      const unit = (await units())['市交通运输局']
      expect(unit).to.include({suspended: false, reason: null})
      expect((await show(id.later)).flags).to.not.include('unit-suspended')
      const plan = await ok<{included: string[]}>(['plan', 'build', '--year', '2027'])
      expect(plan.included).to.include(id.later)
      await refused(['unit', 'reinstate', '市交通运输局'], 2)
    })

    it('a refusal to rectify (expert failed --refused-rectification) suspends the unit at once, flagging its open declarations', async () => {
      const pid = id.P3
      const before = await ok<Project>(['project', 'add', ...projectFlags({unit: '市水利局', name: '河长制平台', total: '50万', 'declared-on': '2026-12-01'}), '--year', '2027'])
      expect(before.flags).to.deep.equal([])
      await step(['construction', 'start', pid, '--responsible', '赵六', '--supervisor', '湖南中科监理有限公司', '--date', '2026-03-02'])
      // a preliminary acceptance straight from construction marks the end of construction
      let p = await step(['acceptance', 'preliminary', pid, '--result', 'passed', '--date', '2026-06-01'])
      expect(p.status).to.equal('preliminarily-accepted')
      expect(p.construction!.completedOn).to.equal('2026-06-01')
      await step(['acceptance', 'apply', pid, '--date', '2026-06-08'])
      await step(['acceptance', 'tech-review', pid, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2026-06-15'])
      p = await step(['acceptance', 'expert', pid, '--result', 'failed', '--refused-rectification', '--date', '2026-06-29'])
      expect(p.status).to.equal('rectifying')
      expect(p.acceptance).to.include({failures: 1, refusedRectification: true})
      const unit = (await units())['市水利局']
      expect(unit.suspended).to.equal(true)
      expect(unit.reason).to.be.a('string').and.not.equal('')
      expect((await cli(['unit', 'list'])).stdout.split('\n').find((l) => l.includes('市水利局'))).to.contain('拒不整改')
      expect((await show(before.id)).flags).to.include('unit-suspended')
      const plan = await ok<{included: string[]; excluded: Array<{id: string; reasons: string[]; reasonCodes: string[]}>}>(['plan', 'build', '--year', '2027'])
      expect(plan.excluded.find((e) => e.id === before.id)!.reasonCodes).to.deep.equal(['plan.excluded.unitSuspended'])
    })
  })

  describe('deadlines and performance evaluation (Art. 16, 20)', () => {
    it('the 6-month deadline to apply for completion acceptance is listed, and overdue once past', async () => {
      const pid = id.P4
      await step(['construction', 'start', pid, '--responsible', '孙七', '--supervisor', '郴州正信工程监理有限公司', '--date', '2026-03-02'])
      await step(['construction', 'complete', pid, '--date', '2026-03-31'])
      const row = (await reviewList(['--as-of', '2026-09-30'])).find((r) => r.projectId === pid)
      expect(row).to.include({key: 'acceptance-apply', department: '市民政局', dueOn: '2026-09-30', daysLeft: 0})
      const overdue = (await reviewList(['--overdue', '--as-of', '2026-10-08'])).find((r) => r.projectId === pid)
      expect(overdue).to.include({key: 'acceptance-apply', dueOn: '2026-09-30'})
      expect(overdue!.daysLeft).to.be.lessThan(0)
    })

    it('evaluate is refused before acceptance (exit 4) and outside 0–100 (exit 2)', async () => {
      await outOfOrder(['evaluate', id.P4, '--score', '80', '--date', '2026-10-01'], 'completed', '建设完成', [`itplan acceptance preliminary ${id.P4}`])
      await refused(['evaluate', id.P1, '--score', '120', '--date', '2026-12-01'], 2)
    })

    it('a score below 60 gives the unit\'s next declaration weak-performance, shown in project show and plan show', async () => {
      const pid = id.P4
      await step(['acceptance', 'preliminary', pid, '--result', 'passed', '--date', '2026-10-09'])
      await step(['acceptance', 'apply', pid, '--date', '2026-10-12'])
      await step(['acceptance', 'tech-review', pid, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2026-10-16'])
      expect((await step(['acceptance', 'expert', pid, '--result', 'passed', '--date', '2026-10-23'])).status).to.equal('accepted')
      const p = await step(['evaluate', pid, '--score', '55', '--date', '2026-11-30'])
      expect(p.status).to.equal('accepted')
      expect(p.evaluations).to.deep.equal([{date: '2026-11-30', score: 55, grade: '差'}])
      expect((await units())['市民政局'].lastEvaluation).to.include({score: 55, grade: '差', projectId: pid})
      const next = await ok<Project>(['project', 'add', ...projectFlags({unit: '市民政局', name: '社区养老信息系统', total: '70万', 'declared-on': '2026-12-01'}), '--year', '2027'])
      expect(next.flags).to.include('weak-performance')
      expect((await cli(['project', 'show', next.id])).stdout).to.contain('绩效偏弱')
      const plan = await ok<{included: string[]}>(['plan', 'build', '--year', '2027'])
      expect(plan.included, 'weak performance is shown, not a bar').to.include(next.id)
      const shown = await cli(['plan', 'show', '--year', '2027'])
      expect(shown.stdout.split('\n').find((l) => l.includes(next.id))).to.contain('绩效偏弱')
      const report = await ok<{byUnit: Array<{unit: string; weakPerformance: boolean}>}>(['report', '--as-of', '2026-12-01'])
      expect(report.byUnit.find((u) => u.unit === '市民政局')!.weakPerformance).to.equal(true)
    })

    // Regression (fixed): `evaluate ID --score abc` answers 「参数 --score 的值“NaN”无效：0–100」: the clerk is shown NaN, not what they
    // typed. Repro: itplan evaluate 2026-0001 --score abc → stderr 错误: 参数 --score 的值“NaN”无效：0–100 (exit 2).
    it('a score that is not a number is refused naming what the clerk typed', async () => {
      const {text} = await refused(['evaluate', id.P1, '--score', 'abc', '--date', '2026-12-01'], 2)
      expect(text).to.contain('abc').and.not.contain('NaN')
    })

    it('a score of 85 does not; a grade of 差 does (a grade that contradicts its score is refused, DESIGN §11.8)', async () => {
      await toTechReviewed(id.P5, '2026-07')
      await step(['acceptance', 'expert', id.P5, '--result', 'passed', '--date', '2026-07-27'])
      const good = await step(['evaluate', id.P5, '--score', '85', '--date', '2026-11-30'])
      expect(good.evaluations[0]).to.include({score: 85, grade: '良'})
      const next = await ok<Project>(['project', 'add', ...projectFlags({unit: '市文化旅游广电局', name: '文旅大数据', total: '70万', 'declared-on': '2026-12-01'}), '--year', '2027'])
      expect(next.flags).to.not.include('weak-performance')
      const contradiction = await refused(['evaluate', id.P1, '--score', '75', '--grade', '差', '--date', '2026-12-01'], 3)
      expect(contradiction.text).to.contain('75').and.contain('中')
      const graded = await step(['evaluate', id.P1, '--score', '58', '--grade', '差', '--date', '2026-12-01'])
      expect(graded.status).to.equal('filed')
      const after = await ok<Project>(['project', 'add', ...projectFlags({unit: '市教育局', name: '教育资源平台', total: '70万', 'declared-on': '2026-12-02'}), '--year', '2027'])
      expect(after.flags).to.include('weak-performance')
    })
  })

  // Regression (fixed; 《民法典》第二百零三条): a deadline whose last day is a public holiday runs to the day after the
  // holiday ends. Construction completed on 2026-04-01 must be applied for within 6 months, i.e. by 2026-10-01, which is
  // National Day, so the last day is 2026-10-08. itplan lists the step as overdue on 8 Oct (daysLeft -1, because
  // deadlines.ts turns 0 into -1 once the calendar date is past) and as due today on 30 Sep.
  // Repro: init --year 2026; add a 30万 project declared 2025-12-01; plan build/approve (leading-group, government);
  // construction start ... --date 2026-02-02; construction complete ID --date 2026-04-01;
  // review list --as-of 2026-10-08 --json → [{key: "acceptance-apply", dueOn: "2026-10-01", daysLeft: -1, ...}].
  it('a deadline falling on a public holiday runs to the next working day (Civil Code Art. 203)', async function () {
    const t2 = tempRegister()
    try {
      await initRegister(t2.dir, YEAR)
      const run = async <T = unknown>(args: string[]): Promise<T> => {
        const r = await runCli([...args, '--register', t2.register, '--json'], {cwd: t2.dir})
        expect(r.code, r.stdout + r.stderr).to.equal(0)
        return json<T>(r)
      }
      const p = await run<Project>(['project', 'add', ...projectFlags({unit: '市教育局', name: '节假日', total: '30万', 'declared-on': '2025-12-01'})])
      await run(['plan', 'build', '--year', String(YEAR)])
      await run(['plan', 'approve', '--year', String(YEAR), '--by', 'leading-group', '--doc', 'a', '--date', '2026-01-10'])
      await run(['plan', 'approve', '--year', String(YEAR), '--by', 'government', '--doc', 'b', '--date', '2026-01-20'])
      await run(['construction', 'start', p.id, '--responsible', 'a', '--supervisor', 'b', '--date', '2026-02-02'])
      await run(['construction', 'complete', p.id, '--date', '2026-04-01'])
      const row = async (asOf: string) => ((await run(['review', 'list', '--as-of', asOf])) as Row[]).find((r) => r.key === 'acceptance-apply')!
      expect((await row('2026-09-30')).daysLeft, '30 Sep: one working day (8 Oct) left').to.equal(1)
      expect((await row('2026-10-08')).daysLeft, '8 Oct: the last day').to.equal(0)
      expect((await row('2026-10-09')).daysLeft, '9 Oct: overdue').to.equal(-1)
      expect((await run(['review', 'list', '--overdue', '--as-of', '2026-10-08'])) as Row[]).to.deep.equal([])
    } finally {
      t2.cleanup()
    }
  })

  describe('the record', () => {
    it('acceptance export --year 2026: the filing workbook read back lists contractor, supervisor, amounts, both acceptance dates, the three checks, the expert conclusion, filing number and date', async () => {
      const out = path.join(t.dir, '验收备案表.xlsx')
      const r = await cli(['acceptance', 'export', '--year', String(YEAR), '--out', out])
      expect(r.code, r.stderr).to.equal(0)
      const template = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'templates', 'acceptance-filing.json'), 'utf8')) as {sheetName: string; columns: Array<{key: string; header: string}>}
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(out)
      const ws = wb.getWorksheet(template.sheetName)!
      expect(ws, 'the filing sheet').to.not.equal(undefined)
      const col = columnsOf(ws, template.columns)
      const ids: string[] = []
      ws.eachRow((row, n) => {
        const v = row.getCell(col.id).value
        if (n > 3 && typeof v === 'string' && /^\d{4}-\d{4}$/.test(v)) ids.push(v)
      })
      // accepted or filed only: P2 and P3 are being rectified
      expect(ids).to.deep.equal([id.P1, id.P4, id.P5])
      const row = rowOf(ws, col.id, id.P1)
      const cell = (key: string) => row.getCell(col[key]).value
      expect(cell('contractor')).to.equal('湖南星城科技有限公司')
      expect(cell('supervisor')).to.equal('郴州正信工程监理有限公司')
      expect(toFen(cell('approvedAmount')), 'no fiscal review: the total investment').to.equal(30 * WAN)
      expect(toFen(cell('contractAmount'))).to.equal(28_500_000)
      expect(toFen(cell('actualInvestment'))).to.equal(28_600_000)
      expect(isoOf(cell('preliminaryOn'))).to.equal('2026-09-07')
      expect(isoOf(cell('expertOn'))).to.equal('2026-10-30')
      for (const key of ['cloud', 'sharing', 'security', 'expertConclusion']) expect(cell(key), key).to.equal('通过')
      expect(cell('rectifications')).to.equal(1)
      expect(cell('filingNo')).to.equal('郴数政办备〔2026〕12号')
      expect(isoOf(cell('filedOn'))).to.equal('2026-11-25')
      expect(String(cell('filingLate')), 'filed on the 18th working day after acceptance').to.contain('逾期')
      const p4 = rowOf(ws, col.id, id.P4)
      expect(p4.getCell(col.filingNo).value ?? null).to.equal(null)
      expect(p4.getCell(col.contractor).value ?? null).to.equal(null)
    })

    it('audit log --project lists the project\'s whole history in order, and nothing that was refused', async () => {
      const log = await ok<Array<{seq: number; action: string; projectId: string | null; change: {status?: {from: string; to: string}} | null}>>(['audit', 'log', '--project', id.P1])
      expect(log.every((e) => e.projectId === id.P1)).to.equal(true)
      const seqs = log.map((e) => e.seq)
      expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b))
      expect(log.map((e) => e.action)).to.deep.equal([
        'create',
        'plan-include',
        'plan-approved',
        'construction-start',
        'construction-report',
        'construction-report',
        'construction-suspend',
        'construction-resume',
        'construction-complete',
        'acceptance-preliminary',
        'acceptance-apply',
        'acceptance-tech-review',
        'acceptance-apply',
        'acceptance-tech-review',
        'acceptance-expert',
        // DESIGN §12: the accepted project joins the systems inventory
        'system-accepted',
        'acceptance-file',
        'evaluate',
      ])
      const statuses = log.filter((e) => e.change?.status).map((e) => e.change!.status!.to)
      expect(statuses).to.deep.equal(['planned', 'cleared', 'in-construction', 'suspended', 'in-construction', 'completed', 'preliminarily-accepted', 'acceptance-applied', 'rectifying', 'acceptance-applied', 'tech-reviewed', 'accepted', 'filed'])
      const verify = await cli(['audit', 'verify'])
      expect(verify.code, verify.stderr).to.equal(0)
    })
  })
})

const toFen = (v: unknown) => Math.round(Number(v) * 1_000_000)
const isoOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : null)

function textOf(cell: Cell): string {
  const v = cell.value
  return v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v)
}

/** Column of each template key, found by its header text in the header row (row 3: title, unit note, header). */
function columnsOf(ws: Worksheet, columns: Array<{key: string; header: string}>): Record<string, number> {
  const found: Record<string, number> = {}
  for (const c of columns) {
    ws.getRow(3).eachCell((cell, n) => {
      if (textOf(cell) === c.header) found[c.key] = n
    })
    expect(found[c.key], `header ${c.header}`).to.be.a('number')
  }
  return found
}

function rowOf(ws: Worksheet, column: number, value: string) {
  let found = 0
  ws.eachRow((row, n) => {
    if (row.getCell(column).value === value) found = n
  })
  expect(found, `row of ${value}`).to.be.greaterThan(0)
  return ws.getRow(found)
}

// DESIGN §11 through the real binary: the register never misstates what was decided. Each block is one point of
// issue 12; the last is a whole year (declare → plan v1 → reviews with a 审定金额 and a refusal → amendment v2 →
// construction → acceptance → filing → evaluation) checking that the approved figures of both versions never move.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type {Worksheet} from 'exceljs'
import {commandsOn, initRegister, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project, PlanVersion} from '../../src/core/domain/types.js'
import type {PlanView} from '../../src/core/operations/plan.js'
import {readRegisterData} from '../helpers/register-files.js'

const WAN = 1_000_000
type Shown = Project & {notices: Array<{code: string; message: string}>}

interface Year {
  t: TempRegister
  id: Record<string, string>
}

/** A register for plan year 2027 with the given declarations (key → project flags), all declared on time. */
async function yearWith(declarations: Record<string, Record<string, string | null>>): Promise<Year> {
  const t = tempRegister('itplan-invariants-')
  await initRegister(t.dir, 2027)
  const {ok} = commandsOn(() => t)
  const id: Record<string, string> = {}
  for (const [key, flags] of Object.entries(declarations)) {
    const p = await ok<Project>(['project', 'add', ...projectFlags({'declared-on': '2026-12-01', ...flags})])
    id[key] = p.id
  }
  return {t, id}
}

async function approvePlan(y: Year, lg = '2027-01-10', gov = '2027-01-20'): Promise<void> {
  const {ok} = commandsOn(() => y.t)
  await ok(['plan', 'build', '--year', '2027'])
  await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', '郴数政组〔2027〕1号', '--date', lg])
  await ok(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', '郴政函〔2027〕5号', '--date', gov])
}

/** Passes every open stage of a project, in order, on `date` (fiscal review with `amount` when given). */
async function passAll(y: Year, pid: string, date: string, fiscal: string[] = []): Promise<Shown> {
  const {ok} = commandsOn(() => y.t)
  let p = await ok<Shown>(['project', 'show', pid])
  for (let guard = 0; p.status === 'reviewing' && guard < 10; guard++) {
    const open = p.stages.filter((s) => s.status === 'open' || s.status === 'returned')
    for (const s of open) p = await ok<Shown>(['review', 'record', pid, '--stage', s.key, '--result', 'passed', '--date', date, ...(s.key === 'fiscal-review' ? fiscal : [])])
  }
  return p
}

async function readSheets(file: string): Promise<Map<string, Worksheet>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const sheets = new Map<string, Worksheet>()
  wb.eachSheet((ws) => {
    sheets.set(ws.name, ws)
    // overlapping merges make Excel "repair" the file
    const merges = ((ws.model as {merges?: string[]}).merges ?? []).map((m) => {
      const [a, b] = m.split(':').map((ref) => ws.getCell(ref))
      return {top: Number(a.row), left: Number(a.col), bottom: Number(b.row), right: Number(b.col), m}
    })
    for (const x of merges) for (const y of merges) if (x !== y) expect(x.top > y.bottom || y.top > x.bottom || x.left > y.right || y.left > x.right, `${ws.name}: ${x.m} overlaps ${y.m}`).to.equal(true)
  })
  return sheets
}

function sheetText(ws: Worksheet): string {
  const parts: string[] = []
  ws.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.value ?? ''))))
  return parts.join('\n')
}

/** The 合计 row's 总投资 cell of the plan sheet, in 分. */
function planTotalFen(ws: Worksheet): number {
  let header = 0
  let col = 0
  ws.eachRow((row, n) => {
    row.eachCell((cell, c) => {
      if (cell.value === '总投资' && !header) {
        header = n
        col = c
      }
    })
  })
  let total: number | null = null
  ws.eachRow((row) => {
    if (row.getCell(1).value === '合计' || row.getCell(2).value === '合计') total = Math.round(Number(row.getCell(col).value) * WAN)
  })
  expect(total, '合计 row').to.not.equal(null)
  return total!
}

describe('the register never misstates what was decided (DESIGN §11, issue 12)', function () {
  this.timeout(180_000)
  const years: Year[] = []
  after(() => years.forEach((y) => y.t.cleanup()))
  const year = async (d: Record<string, Record<string, string | null>>) => {
    const y = await yearWith(d)
    years.push(y)
    return y
  }

  describe('§11.1 an approved plan never changes', () => {
    let y: Year
    before(async () => {
      y = await year({
        A: {unit: '市公安局', name: '智慧警务平台', total: '85万'},
        B: {unit: '市财政局', name: '预算一体化平台', total: '120万'},
        C: {unit: '市教育局', name: '智慧校园', total: '30万', category: 'service'},
      })
      await approvePlan(y)
    })

    it('a 审定金额, a budget cut, a refusal and a rules change are changes since approval, not new approved figures', async () => {
      const {ok, cli} = commandsOn(() => y.t)
      const before = await ok<PlanView>(['plan', 'show', '--year', '2027'])
      expect(before.version).to.equal(1)
      expect(before.totals.all.totalInvestmentFen).to.equal(235 * WAN)
      // A: fiscal review approves 60万 (below the services limit: it moves to 自行组织实施)
      const a = await passAll(y, y.id.A, '2027-02-20', ['--amount', '60万', '--doc', '郴财审〔2027〕3号'])
      expect(a.track).to.equal('self')
      // B: refused at the secrecy pre-review
      await ok(['review', 'record', y.id.B, '--stage', 'secrecy-prereview', '--result', 'failed', '--date', '2027-02-01'])
      // C (self, cleared): a budget cut
      await ok(['project', 'update', y.id.C, '--total', '25万', '--fiscal', '25万', '--reason', '资金统筹组压减预算'])
      // and a rules change + re-route
      expect((await cli(['config', 'set', 'approval-standard', '110万'])).code).to.equal(0)
      await ok(['project', 'route'])
      const after = await ok<PlanView>(['plan', 'show', '--year', '2027'])
      expect(after.version).to.equal(1)
      expect(after.included).to.deep.equal(before.included)
      expect(after.totals).to.deep.equal(before.totals)
      const fields = after.changesSinceApproval.map((c) => `${c.id}:${c.field}`)
      expect(fields).to.include.members([`${y.id.A}:approvedAmountFen`, `${y.id.A}:track`, `${y.id.B}:status`, `${y.id.C}:totalInvestmentFen`])
      const amount = after.changesSinceApproval.find((c) => c.id === y.id.A && c.field === 'approvedAmountFen')!
      expect(amount).to.include({approved: null, current: 60 * WAN, date: '2027-02-20'})
      expect(amount.reason).to.contain('郴财审〔2027〕3号')
      const cut = after.changesSinceApproval.find((c) => c.id === y.id.C && c.field === 'totalInvestmentFen')!
      expect(cut).to.include({approved: 30 * WAN, current: 25 * WAN, reason: '资金统筹组压减预算'})
      expect(after.versions).to.have.length(1)
      expect(after.versions[0].approvals.map((x) => x.documentNo)).to.deep.equal(['郴数政组〔2027〕1号', '郴政函〔2027〕5号'])
    })

    it('a project withdrawn under review is a change since approval; its open stages end', async () => {
      const {ok} = commandsOn(() => y.t)
      const extra = await year({W: {unit: '市水利局', name: '智慧水利', total: '85万'}})
      const {ok: okW} = commandsOn(() => extra.t)
      await approvePlan(extra)
      const w = await okW<Shown>(['project', 'withdraw', extra.id.W, '--confirm', extra.id.W, '--reason', '单位改用省级平台'])
      expect(w.status).to.equal('withdrawn')
      expect(w.stages.filter((s) => s.status === 'open')).to.deep.equal([])
      expect(w.notices.map((n) => n.code)).to.include('notice.stagesClosed').and.include('notice.planChange')
      const plan = await okW<PlanView>(['plan', 'show', '--year', '2027'])
      expect(plan.included).to.include(extra.id.W)
      expect(plan.changesSinceApproval).to.deep.include({id: extra.id.W, field: 'status', approved: 'reviewing', current: 'withdrawn', date: w.statusSince, reason: '单位改用省级平台'})
      expect((await ok<PlanView>(['plan', 'show', '--year', '2027'])).version).to.equal(1)
    })

    it('plan export writes the approved figures, names the version and its documents, and lists the changes in 执行变化', async () => {
      const {ok} = commandsOn(() => y.t)
      const file = path.join(y.t.dir, 'plan.xlsx')
      const r = await ok<{version: number; changes: number}>(['plan', 'export', '--year', '2027', '--out', file])
      expect(r.version).to.equal(1)
      const sheets = await readSheets(file)
      expect([...sheets.keys()]).to.include.members(['年度计划', '执行变化', '说明'])
      expect(planTotalFen(sheets.get('年度计划')!)).to.equal(235 * WAN)
      const notes = sheetText(sheets.get('说明')!)
      expect(notes).to.contain('第 1 版').and.contain('郴政函〔2027〕5号').and.contain('市人民政府已批准')
      const changes = sheetText(sheets.get('执行变化')!)
      expect(changes).to.contain('审定金额').and.contain('60.00').and.contain('资金统筹组压减预算').and.contain('未通过')
      expect(r.changes).to.be.greaterThanOrEqual(4)
    })

    it('--version 1 shows the same; --version 2 and --draft (none under way) are refused with exit 2', async () => {
      const {ok, refused} = commandsOn(() => y.t)
      const v1 = await ok<PlanView>(['plan', 'show', '--year', '2027', '--version', '1'])
      expect(v1.totals.all.totalInvestmentFen).to.equal(235 * WAN)
      const {text} = await refused(['plan', 'show', '--year', '2027', '--version', '2'], 2)
      expect(text).to.contain('没有第 2 版')
      await refused(['plan', 'show', '--year', '2027', '--draft'], 2)
      for (const bad of [['--version', '0'], ['--version', '1', '--draft']]) {
        const r = await refused(['plan', 'show', '--year', '2027', ...bad], 2)
        expect(r.text, 'oclif\'s English is translated').to.not.match(/Expected|cannot also/)
      }
    })

    it('a second government approval says the plan is already approved (not that the leading group must approve first)', async () => {
      const {refused} = commandsOn(() => y.t)
      const {text} = await refused(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', 'X', '--date', '2027-03-01'], 4)
      expect(text).to.contain('已经市人民政府批准').and.not.contain('须先经领导小组审定')
      await refused(['plan', 'build', '--year', '2027'], 4)
    })
  })

  describe('§11.2 amendments are versions', () => {
    let y: Year
    before(async () => {
      y = await year({
        A: {unit: '市公安局', name: '智慧警务平台', total: '85万'},
        S: {unit: '市教育局', name: '智慧校园', total: '30万', category: 'service'},
        R: {unit: '市交通运输局', name: '交通监测平台', total: '90万'},
      })
      await approvePlan(y)
    })

    it('a project declared after the approval needs 一事一议 to be added; the amendment becomes version 2 once both approve', async () => {
      const {ok, refused} = commandsOn(() => y.t)
      const late = await ok<Project>(['project', 'add', ...projectFlags({unit: '市应急管理局', name: '应急指挥平台', total: '95万', 'declared-on': '2027-03-01'})])
      expect(late.flags).to.include('late')
      const {text} = await refused(['plan', 'amend', '--year', '2027', '--add', late.id, '--reason', '新增任务', '--date', '2027-03-05'], 4)
      expect(text).to.contain('一事一议')
      await ok(['special-approval', late.id, '--doc', '郴数政组〔2027〕7号', '--date', '2027-03-04'])
      // S (self, cleared) can still be removed; it has not started construction
      const draft = await ok<PlanView>(['plan', 'amend', '--year', '2027', '--add', late.id, '--remove', y.id.S, '--reason', '市政府部署新增任务', '--date', '2027-03-05'])
      expect(draft.draft).to.equal(true)
      expect(draft.included).to.include(late.id).and.not.include(y.id.S)
      // the approved version is untouched meanwhile
      const v1 = await ok<PlanView>(['plan', 'show', '--year', '2027'])
      expect(v1.version).to.equal(1)
      expect(v1.included).to.include(y.id.S).and.not.include(late.id)
      await refused(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', 'G2', '--date', '2027-03-20'], 4)
      await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', '郴数政组〔2027〕9号', '--date', '2027-03-10'])
      await refused(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', 'G2', '--date', '2027-03-09'], 3)
      const v2 = await ok<PlanView>(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', '郴政函〔2027〕21号', '--date', '2027-03-20'])
      expect(v2.version).to.equal(2)
      expect(v2.versions.map((v) => v.version)).to.deep.equal([1, 2])
      expect(v2.included).to.include(late.id).and.not.include(y.id.S)
      const added = await ok<Project>(['project', 'show', late.id])
      expect(added.status).to.equal('reviewing')
      expect(added.stages.filter((s) => s.status === 'open').map((s) => s.startedOn)).to.deep.equal(['2027-03-20', '2027-03-20'])
      expect((await ok<Project>(['project', 'show', y.id.S])).status).to.equal('dropped')
      const old = await ok<PlanView>(['plan', 'show', '--year', '2027', '--version', '1'])
      expect(old.included).to.deep.equal(v1.included)
      expect(old.totals).to.deep.equal(v1.totals)
    })

    it('a project left out of version 1 (late, no 一事一议 yet) can come back by an amendment once it has one', async () => {
      const z = await year({A: {unit: '市公安局', name: '智慧警务平台', total: '85万'}, L: {unit: '市水利局', name: '智慧水利', total: '85万', 'declared-on': '2027-01-05'}})
      const {ok, refused} = commandsOn(() => z.t)
      await approvePlan(z)
      expect((await ok<Project>(['project', 'show', z.id.L])).status).to.equal('dropped')
      await refused(['plan', 'amend', '--year', '2027', '--add', z.id.L, '--reason', '补列', '--date', '2027-04-01'], 4)
      await ok(['special-approval', z.id.L, '--doc', '郴数政组〔2027〕12号', '--date', '2027-03-30'])
      const draft = await ok<PlanView>(['plan', 'amend', '--year', '2027', '--add', z.id.L, '--reason', '补列', '--date', '2027-04-01'])
      expect(draft.included).to.include(z.id.L)
      expect((await ok<Project>(['project', 'show', z.id.L])).status).to.equal('planned')
    })

    it('a project already in construction cannot be removed (exit 4)', async () => {
      const {ok, refused} = commandsOn(() => y.t)
      await passAll(y, y.id.R, '2027-02-20')
      await ok(['construction', 'start', y.id.R, '--responsible', '李明', '--supervisor', '某监理公司', '--date', '2027-04-01'])
      const {text} = await refused(['plan', 'amend', '--year', '2027', '--remove', y.id.R, '--reason', '取消', '--date', '2027-04-02'], 4)
      expect(text).to.contain('不能从计划中减少')
    })
  })

  describe('§11.4 only what can still move is re-routed', () => {
    it('projects past review keep their track and are listed as kept; a reviewing one gains, loses and marks stages', async () => {
      const y = await year({
        A: {unit: '市公安局', name: '智慧警务平台', total: '110万'},
        B: {unit: '市财政局', name: '预算一体化平台', total: '110万'},
      })
      const {ok, cli} = commandsOn(() => y.t)
      expect((await cli(['config', 'set', 'approval-standard', '120万'])).code).to.equal(0)
      await ok(['project', 'route'])
      await approvePlan(y)
      // A passes everything and goes into construction; B has its pre-reviews passed
      await passAll(y, y.id.A, '2027-02-20')
      await ok(['construction', 'start', y.id.A, '--responsible', '李明', '--supervisor', '某监理公司', '--date', '2027-03-01'])
      await ok(['review', 'record', y.id.B, '--stage', 'secrecy-prereview', '--result', 'passed', '--date', '2027-02-01'])
      await ok(['review', 'record', y.id.B, '--stage', 'cyber-prereview', '--result', 'passed', '--date', '2027-02-01'])
      // the standard falls to 105万: both would now need 立项 approval, but A is in construction and keeps its track
      expect((await cli(['config', 'set', 'approval-standard', '105万'])).code).to.equal(0)
      const r = await ok<{moved: Array<{id: string; to: string; addedStages: string[]}>; kept: Array<{id: string; status: string}>}>(['project', 'route'])
      expect(r.kept).to.deep.include({id: y.id.A, status: 'in-construction'})
      expect(r.moved.map((m) => m.id)).to.deep.equal([y.id.B])
      expect(r.moved[0].addedStages).to.deep.equal(['approval'])
      const b = await ok<Project>(['project', 'show', y.id.B])
      const approval = b.stages.find((s) => s.key === 'approval')!
      expect(approval.status, 'opened: the stages before it have passed').to.equal('open')
      // back up to 200万: B returns to review; 立项 has started, so it stays, marked as no longer required
      expect((await cli(['config', 'set', 'approval-standard', '200万'])).code).to.equal(0)
      const back = await ok<{moved: Array<{id: string; removedStages: string[]; notRequiredStages: string[]}>}>(['project', 'route'])
      expect(back.moved[0].notRequiredStages).to.deep.equal(['approval'])
      const b2 = await ok<Project>(['project', 'show', y.id.B])
      expect(b2.stages.find((s) => s.key === 'approval')!.notRequired).to.equal(true)
      expect((await ok<Project>(['project', 'show', y.id.A])).track).to.equal('review')
    })

    it('a stage that never started and is no longer needed is removed', async () => {
      const y = await year({B: {unit: '市财政局', name: '预算一体化平台', total: '120万'}})
      const {ok, cli} = commandsOn(() => y.t)
      await approvePlan(y)
      expect((await ok<Project>(['project', 'show', y.id.B])).stages.map((s) => s.key)).to.include('approval')
      expect((await cli(['config', 'set', 'approval-standard', '200万'])).code).to.equal(0)
      const r = await ok<{moved: Array<{removedStages: string[]}>}>(['project', 'route'])
      expect(r.moved[0].removedStages).to.deep.equal(['approval'])
      expect((await ok<Project>(['project', 'show', y.id.B])).stages.map((s) => s.key)).to.not.include('approval')
    })
  })

  describe('§11.5 a held unit stays held', () => {
    it('a unit suspended while its project sits in the draft: left out at the leading group, with the reason, and never approved', async () => {
      const y = await year({A: {unit: '市公安局', name: '智慧警务平台', total: '85万'}, B: {unit: '市测试局', name: '测试平台', total: '85万'}})
      const {ok, cli} = commandsOn(() => y.t)
      await ok(['plan', 'build', '--year', '2027'])
      expect((await cli(['unit', 'suspend', '市测试局', '--reason', '拒不整改'])).code).to.equal(0)
      const adopted = await ok<Omit<PlanView, 'notices'> & {notices: Array<{code: string; message: string}>}>(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', 'L', '--date', '2027-01-10'])
      expect(adopted.included).to.deep.equal([y.id.A])
      expect(adopted.notices.map((n) => n.code)).to.include('notice.leftOut')
      expect(adopted.notices.find((n) => n.code === 'notice.leftOut')!.message).to.contain(y.id.B).and.contain('暂缓审批')
      const approved = await ok<PlanView>(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', 'G', '--date', '2027-01-20'])
      expect(approved.included).to.deep.equal([y.id.A])
      expect((await ok<Project>(['project', 'show', y.id.B])).status).to.equal('dropped')
    })

    it('a unit suspended between the two approvals is left out at the government approval', async () => {
      const y = await year({A: {unit: '市公安局', name: '智慧警务平台', total: '85万'}, B: {unit: '市测试局', name: '测试平台', total: '85万'}})
      const {ok, cli} = commandsOn(() => y.t)
      await ok(['plan', 'build', '--year', '2027'])
      await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', 'L', '--date', '2027-01-10'])
      expect((await cli(['unit', 'suspend', '市测试局', '--reason', '拒不整改'])).code).to.equal(0)
      const approved = await ok<PlanView & {notices: Array<{code: string}>}>(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', 'G', '--date', '2027-01-20'])
      expect(approved.included).to.deep.equal([y.id.A])
      expect(approved.notices.map((n) => n.code)).to.include('notice.leftOut')
      const b = await ok<Project>(['project', 'show', y.id.B])
      expect(b.status).to.equal('dropped')
      expect(b.stages).to.deep.equal([])
    })
  })

  describe('§11.6 dates run forward', () => {
    let y: Year
    before(async () => {
      y = await year({S: {unit: '市教育局', name: '智慧校园', total: '30万', category: 'service'}})
    })

    it('the government approval cannot precede the leading group’s (exit 3 naming both dates)', async () => {
      const {ok, refused} = commandsOn(() => y.t)
      await ok(['plan', 'build', '--year', '2027'])
      await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', 'L', '--date', '2027-01-10'])
      const {text} = await refused(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', 'G', '--date', '2027-01-05'], 3)
      expect(text).to.contain('2027-01-05').and.contain('2027-01-10')
      await ok(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', 'G', '--date', '2027-01-20'])
    })

    it('construction cannot start before the plan’s approval, nor preliminary acceptance precede completion', async () => {
      const {ok, refused} = commandsOn(() => y.t)
      const early = await refused(['construction', 'start', y.id.S, '--responsible', '李明', '--supervisor', '某监理公司', '--date', '2027-01-15'], 3)
      expect(early.text).to.contain('2027-01-15').and.contain('2027-01-20')
      await ok(['construction', 'start', y.id.S, '--responsible', '李明', '--supervisor', '某监理公司', '--date', '2027-02-01'])
      await ok(['construction', 'complete', y.id.S, '--date', '2027-06-30'])
      const pre = await refused(['acceptance', 'preliminary', y.id.S, '--result', 'passed', '--date', '2027-06-01'], 3)
      expect(pre.text).to.contain('2027-06-01').and.contain('2027-06-30')
      await ok(['acceptance', 'preliminary', y.id.S, '--result', 'passed', '--date', '2027-07-05'])
      await refused(['acceptance', 'apply', y.id.S, '--date', '2027-07-01'], 3)
    })
  })

  describe('§11.7 a command says everything it changed', () => {
    it('a 审定金额 that re-routes says so, naming the 审定金额 (not the 总投资) as the reason', async () => {
      const y = await year({A: {unit: '市公安局', name: '智慧警务平台', total: '85万'}})
      const {ok} = commandsOn(() => y.t)
      await approvePlan(y)
      for (const s of ['secrecy-prereview', 'cyber-prereview', 'technical-review']) await ok(['review', 'record', y.id.A, '--stage', s, '--result', 'passed', '--date', '2027-02-10'])
      const p = await ok<Shown>(['review', 'record', y.id.A, '--stage', 'fiscal-review', '--result', 'passed', '--amount', '60万', '--date', '2027-03-01'])
      const codes = p.notices.map((n) => n.code)
      expect(codes).to.include('notice.trackByApproved').and.include('notice.stagesNotRequired').and.include('notice.planChange')
      expect(p.routing.reason).to.match(/^审定金额 60\.00 万元/)
      expect(p.routing.reason).to.not.contain('总投资')
    })

    it('a second acceptance failure says the unit is now held; a late filing says it is late', async () => {
      const y = await year({S: {unit: '市教育局', name: '智慧校园', total: '30万', category: 'service'}, T: {unit: '市文旅局', name: '文旅平台', total: '30万', category: 'service'}})
      const {ok, cli} = commandsOn(() => y.t)
      await approvePlan(y)
      for (const pid of [y.id.S, y.id.T]) {
        await ok(['construction', 'start', pid, '--responsible', '李明', '--supervisor', '某监理公司', '--date', '2027-02-01'])
        await ok(['acceptance', 'preliminary', pid, '--result', 'passed', '--date', '2027-06-30'])
        await ok(['acceptance', 'apply', pid, '--date', '2027-07-01'])
      }
      await ok(['acceptance', 'tech-review', y.id.S, '--cloud', 'pass', '--sharing', 'fail', '--security', 'pass', '--date', '2027-07-10'])
      await ok(['acceptance', 'apply', y.id.S, '--date', '2027-08-01'])
      const second = await ok<Shown>(['acceptance', 'tech-review', y.id.S, '--cloud', 'pass', '--sharing', 'fail', '--security', 'pass', '--date', '2027-08-10'])
      expect(second.notices.map((n) => n.code)).to.include('notice.unitSuspended')
      const human = await cli(['unit', 'list'])
      expect(human.stdout).to.contain('市教育局')
      await ok(['acceptance', 'tech-review', y.id.T, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2027-07-10'])
      await ok(['acceptance', 'expert', y.id.T, '--result', 'passed', '--date', '2027-07-20'])
      const filed = await ok<Shown>(['acceptance', 'file', y.id.T, '--doc', '郴数政办备〔2027〕3号', '--date', '2027-09-30'])
      const late = filed.notices.find((n) => n.code === 'notice.lateFiling')
      expect(late, 'late filing notice').to.not.equal(undefined)
      expect(late!.message).to.contain('2027-08-10')
    })
  })

  describe('§11.8 figures that contradict each other are refused or explained', () => {
    let y: Year
    before(async () => {
      y = await year({A: {unit: '市公安局', name: '智慧警务平台', total: '85万'}, B: {unit: '市财政局', name: '预算一体化平台', total: '90万'}, S: {unit: '市教育局', name: '智慧校园', total: '30万', category: 'service'}})
      await approvePlan(y)
    })

    it('a 审定金额 above the declared total needs --reason (exit 3 without it)', async () => {
      const {ok, refused} = commandsOn(() => y.t)
      for (const s of ['secrecy-prereview', 'cyber-prereview', 'technical-review']) await ok(['review', 'record', y.id.A, '--stage', s, '--result', 'passed', '--date', '2027-02-10'])
      const {text} = await refused(['review', 'record', y.id.A, '--stage', 'fiscal-review', '--result', 'passed', '--amount', '95万', '--date', '2027-03-01'], 3)
      expect(text).to.contain('--reason').and.contain('95.00')
      const p = await ok<Project>(['review', 'record', y.id.A, '--stage', 'fiscal-review', '--result', 'passed', '--amount', '95万', '--date', '2027-03-01', '--reason', '增加等保测评费用'])
      expect(p.approvedAmountFen).to.equal(95 * WAN)
      expect(p.stages.find((s) => s.key === 'fiscal-review')!.rounds!.at(-1)!.reason).to.equal('增加等保测评费用')
    })

    it('a refused project has no open stage; a returned round keeps its own opinion', async () => {
      const {ok} = commandsOn(() => y.t)
      await ok(['review', 'record', y.id.B, '--stage', 'secrecy-prereview', '--result', 'returned', '--date', '2027-02-01', '--opinion', '补充密码应用方案'])
      const passed = await ok<Project>(['review', 'record', y.id.B, '--stage', 'secrecy-prereview', '--result', 'passed', '--date', '2027-02-10'])
      const s = passed.stages.find((x) => x.key === 'secrecy-prereview')!
      expect(s.opinion, 'the passing round had no opinion').to.equal(null)
      expect(s.rounds!.map((r) => r.opinion)).to.deep.equal(['补充密码应用方案', null])
      const refused = await ok<Shown>(['review', 'record', y.id.B, '--stage', 'cyber-prereview', '--result', 'failed', '--date', '2027-02-12'])
      expect(refused.status).to.equal('refused')
      expect(refused.stages.filter((x) => x.status === 'open' || x.status === 'returned')).to.deep.equal([])
      const list = await ok<Array<{projectId: string}>>(['review', 'list'])
      expect(list.map((r) => r.projectId)).to.not.include(y.id.B)
    })

    it('a grade that contradicts the score is exit 3; a refusal to rectify can be recorded in 整改中', async () => {
      const {ok, refused} = commandsOn(() => y.t)
      await ok(['construction', 'start', y.id.S, '--responsible', '李明', '--supervisor', '某监理公司', '--date', '2027-02-01'])
      await ok(['acceptance', 'preliminary', y.id.S, '--result', 'passed', '--date', '2027-06-30'])
      await ok(['acceptance', 'apply', y.id.S, '--date', '2027-07-01'])
      await ok(['acceptance', 'tech-review', y.id.S, '--cloud', 'pass', '--sharing', 'fail', '--security', 'pass', '--date', '2027-07-10'])
      const held = await ok<Shown>(['acceptance', 'expert', y.id.S, '--result', 'failed', '--refused-rectification', '--date', '2027-07-20'])
      expect(held.status).to.equal('rectifying')
      expect(held.acceptance!.refusedRectification).to.equal(true)
      expect(held.notices.map((n) => n.code)).to.include('notice.unitSuspended')
      await ok(['acceptance', 'apply', y.id.S, '--date', '2027-08-01'])
      await ok(['acceptance', 'tech-review', y.id.S, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2027-08-10'])
      await ok(['acceptance', 'expert', y.id.S, '--result', 'passed', '--date', '2027-08-20'])
      const {text} = await refused(['evaluate', y.id.S, '--score', '55', '--grade', '优', '--date', '2027-12-01'], 3)
      expect(text).to.contain('55').and.contain('差')
      const e = await ok<Project>(['evaluate', y.id.S, '--score', '92', '--grade', '优', '--date', '2027-12-01'])
      expect(e.evaluations.at(-1)).to.include({score: 92, grade: '优'})
    })
  })

  describe('import: a repeat of an invalid row is reported too', () => {
    it('both rows are named, so the unit fixes the file in one round', async () => {
      const y = await year({})
      const {cli} = commandsOn(() => y.t)
      const file = path.join(y.t.dir, '市公安局.csv')
      fs.writeFileSync(
        file,
        ['项目建设单位,项目名称,建设性质,项目类型,采购类别,总投资（万元）,市本级财政资金（万元）', '市公安局,智慧警务平台,新建,业务系统,服务,八十五,85', '市公安局,智慧警务平台,新建,业务系统,服务,85,85', ''].join('\r\n'),
      )
      const r = await cli(['import', file, '--received-on', '2026-12-01', '--json'])
      expect(r.code).to.equal(3)
      const errors = (JSON.parse(r.stdout) as {files: Array<{errors: Array<{row: number; message: string}>}>}).files[0].errors
      expect(errors.map((e) => e.row)).to.include.members([2, 3])
      expect(errors.find((e) => e.row === 3)!.message).to.contain('第 2 行')
    })
  })

  describe('a whole year: the approved figures of both versions never move', () => {
    it('declare → v1 → 审定金额 and a refusal → amendment v2 → construction → acceptance → filing → evaluation', async () => {
      const y = await year({
        A: {unit: '市公安局', name: '智慧警务平台', total: '85万'},
        B: {unit: '市财政局', name: '预算一体化平台', total: '120万'},
        C: {unit: '市交通运输局', name: '交通监测平台', total: '90万'},
        S: {unit: '市教育局', name: '智慧校园', total: '30万', category: 'service'},
      })
      const {ok} = commandsOn(() => y.t)
      const versions = async () => readRegisterData(y.t.register).plans[0].versions as PlanVersion[]
      await approvePlan(y)
      const v1 = structuredClone(await versions())
      expect(v1).to.have.length(1)
      expect(v1[0].totals.totalInvestmentFen).to.equal(325 * WAN)
      await passAll(y, y.id.A, '2027-02-20', ['--amount', '82万', '--doc', '郴财审〔2027〕8号'])
      await ok(['review', 'record', y.id.B, '--stage', 'secrecy-prereview', '--result', 'failed', '--date', '2027-02-05'])
      const late = await ok<Project>(['project', 'add', ...projectFlags({unit: '市应急管理局', name: '应急指挥平台', total: '95万', 'declared-on': '2027-03-01'})])
      await ok(['special-approval', late.id, '--doc', '郴数政组〔2027〕7号', '--date', '2027-03-04'])
      await ok(['plan', 'amend', '--year', '2027', '--add', late.id, '--remove', y.id.B, '--reason', '调整', '--date', '2027-03-05'])
      await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', 'L2', '--date', '2027-03-10'])
      await ok(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', 'G2', '--date', '2027-03-20'])
      const v2 = structuredClone(await versions())
      expect(v2[0]).to.deep.equal(v1[0])
      expect(v2[1].lines.find((l) => l.id === y.id.A)!.approvedAmountFen).to.equal(82 * WAN)
      expect(v2[1].lines.map((l) => l.id)).to.not.include(y.id.B)
      // the rest of the year
      await passAll(y, y.id.C, '2027-04-10', ['--amount', '80万'])
      await passAll(y, late.id, '2027-04-10', ['--amount', '90万'])
      for (const pid of [y.id.A, y.id.S]) {
        await ok(['construction', 'start', pid, '--responsible', '李明', '--supervisor', '某监理公司', '--date', '2027-05-01'])
        const cut = pid === y.id.A ? '80万' : '28万'
        await ok(['project', 'update', pid, '--total', cut, '--fiscal', cut, '--reason', '压减'])
        await ok(['construction', 'complete', pid, '--date', '2027-10-31'])
        await ok(['acceptance', 'preliminary', pid, '--result', 'passed', '--date', '2027-11-05'])
        await ok(['acceptance', 'apply', pid, '--date', '2027-11-10'])
        await ok(['acceptance', 'tech-review', pid, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2027-11-20'])
        await ok(['acceptance', 'expert', pid, '--result', 'passed', '--date', '2027-11-25'])
        await ok(['acceptance', 'file', pid, '--doc', `备${pid}`, '--date', '2027-12-01'])
        await ok(['evaluate', pid, '--score', '86', '--date', '2028-11-30'])
      }
      const end = await versions()
      expect(end).to.deep.equal(v2)
      const shown = await ok<PlanView>(['plan', 'show', '--year', '2027'])
      expect(shown.version).to.equal(2)
      expect(shown.totals.all.totalInvestmentFen).to.equal(v2[1].totals.totalInvestmentFen)
      expect(shown.changesSinceApproval.map((c) => `${c.id}:${c.field}`)).to.include.members([`${y.id.C}:approvedAmountFen`, `${y.id.A}:totalInvestmentFen`, `${y.id.S}:totalInvestmentFen`])
      const first = await ok<PlanView>(['plan', 'show', '--year', '2027', '--version', '1'])
      expect(first.totals.all.totalInvestmentFen).to.equal(325 * WAN)
      expect(first.included).to.include(y.id.B)
    })
  })
})

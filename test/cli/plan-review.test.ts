// The annual plan cycle and the review stages (Art. 3, 6–9; DESIGN §3–§5), through the real binary on one real
// register, in the order a clerk would go: declarations → plan build (with the reasons each left-out project is
// out) → 一事一议 / Art. 3 decisions → marks → leading-group adoption → government approval → each department's
// review stage with its due date in official 2026 working days → cleared projects. Every refusal is exit 4 with
// the allowed next steps named, and leaves the register as it was.
//
// The 2026 schedule used below (as published by the State Council and shipped in chinese-days): Mid-Autumn 25–27 Sep,
// National Day 1–7 Oct, adjusted working days Sun 20 Sep and Sat 10 Oct; the start day is never counted.
import {expect} from 'chai'
import {commandsOn, initRegister, json, projectFlags, runCli, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project} from '../../src/core/domain/types.js'
import type {Amounts, DeadlineRow} from '../../src/core/domain/report.js'

const WAN = 1_000_000
const YEAR = 2026

interface PlanJson {
  year: number
  status: string
  included: string[]
  excluded: Array<{id: string; reasons: string[]; reasonCodes: string[]}>
  totals: {all: Amounts; byTrack: Record<string, Amounts>; byUnit: Array<{unit: string} & Amounts>; byCategory: Record<string, Amounts>; keyArea: Amounts; major: Amounts}
  marks?: {keyArea: string[]; major: string[]}
  approvals?: Array<{by: string; documentNo: string; date: string}>
}
type Row = DeadlineRow

const UNCOVERED = /未收录/

describe('itplan plan / special-approval / review (issue 4, through the CLI)', function () {
  this.timeout(60_000)
  let t: TempRegister
  const id: Record<string, string> = {}

  const {cli, ok, refused} = commandsOn(() => t)
  const show = (pid: string) => ok<Project>(['project', 'show', pid])
  const stage = (p: Project, key: string) => {
    const s = p.stages.find((x) => x.key === key)
    expect(s, `${p.id} has stage ${key}`).to.not.equal(undefined)
    return s!
  }
  const record = (pid: string, stageKey: string, result: string, date: string, extra: string[] = []) =>
    ok<Project>(['review', 'record', pid, '--stage', stageKey, '--result', result, '--date', date, ...extra])
  const reviewList = (extra: string[]) => ok<Row[]>(['review', 'list', ...extra])

  const declarations: Array<[string, Record<string, string | null>, string[]]> = [
    ['A', {unit: '市公安局', name: '智慧警务平台', total: '85万', 'declared-on': '2025-12-01'}, []],
    ['B', {unit: '市公安局', name: '警务数据中台', total: '60万', 'procurement-category': 'goods', category: 'data', 'declared-on': '2026-01-05'}, []],
    ['C', {unit: '市财政局', name: '预算一体化平台', total: '85万', 'declared-on': '2025-12-01'}, ['--no-data-sharing']],
    ['D', {unit: '市数据资源局', name: '城市大脑中枢', total: '150万', 'procurement-category': 'works', category: 'infrastructure', 'declared-on': '2025-12-01'}, ['--co-unit', '市财政局', '--co-unit', '市公安局']],
    ['E', {unit: '市教育局', name: '智慧校园', total: '30万', category: 'service', 'declared-on': '2025-12-01'}, []],
    ['F', {unit: '市卫生健康委员会', name: '健康档案升级', total: '88.88万', fiscal: '66.66万', 'declared-on': '2025-12-01'}, []],
    ['G', {unit: '市交通运输局', name: '交通监测平台', total: '90万', 'declared-on': '2025-12-01'}, []],
    ['H', {unit: '市公安局', name: '移动警务终端', total: '70万', 'procurement-category': 'goods', 'declared-on': '2026-01-20'}, ['--no-gov-cloud']],
    ['K', {unit: '市农业农村局', name: '农业大数据平台', total: '120万', category: 'data', 'declared-on': '2025-12-01'}, []],
  ]

  before(async () => {
    t = tempRegister()
    await initRegister(t.dir, YEAR)
    for (const [key, overrides, extra] of declarations) {
      const p = await ok<Project>(['project', 'add', ...projectFlags(overrides), ...extra])
      id[key] = p.id
    }
    // Art. 17: the office holds back one unit before the plan is composed
    await ok(['unit', 'suspend', '市交通运输局', '--reason', '拒不整改'])
  })
  after(() => t.cleanup())

  it('flags the declarations that a plan may not take as they are', async () => {
    const flags = async (k: string) => (await show(id[k])).flags
    expect(await flags('A')).to.deep.equal([])
    expect(await flags('B')).to.deep.equal(['late'])
    expect(await flags('C')).to.deep.equal(['non-compliant'])
    expect(await flags('D')).to.deep.equal(['major-multi-unit'])
    expect(await flags('G')).to.deep.equal(['unit-suspended'])
    expect(await flags('H')).to.have.members(['late', 'non-compliant'])
    const tracks = await Promise.all(['A', 'D', 'E', 'K'].map(async (k) => (await show(id[k])).track))
    expect(tracks).to.deep.equal(['review', 'approval', 'self', 'approval'])
  })

  it('plan build --json takes only the eligible projects and gives each left-out project its reasons', async () => {
    const plan = await ok<PlanJson>(['plan', 'build', '--year', String(YEAR)])
    expect(plan).to.include.all.keys('year', 'status', 'included', 'excluded', 'totals')
    expect(plan.year).to.equal(YEAR)
    expect(plan.status).to.equal('draft')
    expect(plan.included).to.deep.equal([id.A, id.E, id.F, id.K])
    const reasons = Object.fromEntries(plan.excluded.map((e) => [e.id, e.reasonCodes]))
    expect(Object.keys(reasons)).to.have.members([id.B, id.C, id.D, id.G, id.H])
    expect(reasons[id.B]).to.deep.equal(['plan.excluded.late'])
    expect(reasons[id.C]).to.deep.equal(['plan.excluded.nonCompliant'])
    expect(reasons[id.D]).to.deep.equal(['plan.excluded.multiUnit'])
    expect(reasons[id.G]).to.deep.equal(['plan.excluded.unitSuspended'])
    expect(reasons[id.H]).to.have.members(['plan.excluded.late', 'plan.excluded.nonCompliant'])
    const list = await ok<Project[]>(['project', 'list', '--year', String(YEAR)])
    for (const p of list) expect(p.status, p.id).to.equal(plan.included.includes(p.id) ? 'planned' : 'declared')
  })

  it('plan show names each reason in words a clerk reads, with its article', async () => {
    const r = await cli(['plan', 'show', '--year', String(YEAR)])
    expect(r.code, r.stderr).to.equal(0)
    const line = (pid: string) => r.stdout.split('\n').find((l) => l.includes(pid) && l.includes('：')) ?? ''
    expect(line(id.B)).to.contain('逾期申报').and.contain('一事一议').and.contain('第六条')
    expect(line(id.C)).to.contain('第十二条')
    expect(line(id.D)).to.contain('领导小组决定').and.contain('第三条')
    expect(line(id.G)).to.contain('暂缓审批').and.contain('第十七条')
    expect(line(id.H)).to.contain('逾期申报').and.contain('第十二条')
  })

  it('special-approval records the 一事一议 and the Art. 3 decision; the next plan build lets those projects in', async () => {
    const none = await refused(['special-approval', id.A, '--doc', '郴数政组〔2026〕9号', '--date', '2026-01-10'], 2)
    expect(none.text).to.contain('--kind')
    const b = await ok<Project>(['special-approval', id.B, '--doc', '郴数政组〔2026〕3号', '--date', '2026-01-10'])
    expect(b.specialApprovals).to.deep.include({kind: 'late', documentNo: '郴数政组〔2026〕3号', date: '2026-01-10', group: '领导小组'})
    const d = await ok<Project>(['special-approval', id.D, '--doc', '郴数政组〔2026〕4号', '--date', '2026-01-10', '--kind', 'multi-unit'])
    expect(d.specialApprovals!.map((a) => a.kind)).to.deep.equal(['multi-unit'])
    // a 一事一议 for lateness does not cure non-compliance
    await ok(['special-approval', id.H, '--doc', '郴数政组〔2026〕5号', '--date', '2026-01-10', '--kind', 'late'])
    const plan = await ok<PlanJson>(['plan', 'build', '--year', String(YEAR)])
    expect(plan.included).to.deep.equal([id.A, id.B, id.D, id.E, id.F, id.K])
    expect(plan.excluded.find((e) => e.id === id.H)!.reasonCodes).to.deep.equal(['plan.excluded.nonCompliant'])
    expect((await show(id.B)).status).to.equal('planned')
  })

  it('--exclude keeps a project out as the office decided (and stays so on the next build); --include undoes it', async () => {
    let plan = await ok<PlanJson>(['plan', 'build', '--year', String(YEAR), '--exclude', id.F])
    expect(plan.included).to.not.include(id.F)
    expect(plan.excluded.find((e) => e.id === id.F)!.reasonCodes).to.deep.equal(['plan.excluded.byOffice'])
    expect((await show(id.F)).status).to.equal('declared')
    plan = await ok<PlanJson>(['plan', 'build', '--year', String(YEAR)])
    expect(plan.included, 'the office exclusion is remembered').to.not.include(id.F)
    plan = await ok<PlanJson>(['plan', 'build', '--year', String(YEAR), '--include', id.F, '--include', id.C])
    expect(plan.included).to.include(id.F)
    expect(plan.included, '--include does not override a rule').to.not.include(id.C)
    expect(plan.excluded.find((e) => e.id === id.C)!.reasonCodes).to.deep.equal(['plan.excluded.nonCompliant'])
    expect((await show(id.F)).status).to.equal('planned')
  })

  it('--key-area / --major marks show in plan show --json, and the totals by track, unit and category are integer sums of the plan', async () => {
    await ok(['plan', 'build', '--year', String(YEAR), '--key-area', id.A, '--key-area', id.K, '--major', id.D])
    const plan = await ok<PlanJson>(['plan', 'show', '--year', String(YEAR)])
    expect(plan.marks!.keyArea).to.have.members([id.A, id.K])
    expect(plan.marks!.major).to.deep.equal([id.D])
    const all = await ok<Project[]>(['project', 'list', '--year', String(YEAR)])
    const included = all.filter((p) => plan.included.includes(p.id))
    expect(included.map((p) => p.id)).to.have.members([id.A, id.B, id.D, id.E, id.F, id.K])
    expect((await show(id.A)).marks).to.deep.equal({keyArea: true, major: false})
    const sum = (ps: Project[]): Amounts => ({count: ps.length, totalInvestmentFen: ps.reduce((s, p) => s + p.totalInvestmentFen, 0), fiscalFundsFen: ps.reduce((s, p) => s + p.fiscalFundsFen, 0)})
    const pick = (a: Amounts): Amounts => ({count: a.count, totalInvestmentFen: a.totalInvestmentFen, fiscalFundsFen: a.fiscalFundsFen})
    expect(pick(plan.totals.all)).to.deep.equal(sum(included))
    expect(plan.totals.all.totalInvestmentFen).to.equal(533_880_000) // 85 + 60 + 150 + 30 + 88.88 + 120 万元
    expect(plan.totals.all.fiscalFundsFen).to.equal(511_660_000) // 85 + 60 + 150 + 30 + 66.66 + 120 万元
    for (const track of ['self', 'review', 'approval']) expect(pick(plan.totals.byTrack[track]), track).to.deep.equal(sum(included.filter((p) => p.track === track)))
    for (const category of ['infrastructure', 'data', 'business', 'service']) expect(pick(plan.totals.byCategory[category]), category).to.deep.equal(sum(included.filter((p) => p.category === category)))
    expect(plan.totals.byUnit.map((u) => u.unit)).to.have.members([...new Set(included.map((p) => p.unit))])
    for (const u of plan.totals.byUnit) expect(pick(u), u.unit).to.deep.equal(sum(included.filter((p) => p.unit === u.unit)))
    expect(pick(plan.totals.keyArea)).to.deep.equal(sum(included.filter((p) => [id.A, id.K].includes(p.id))))
    expect(pick(plan.totals.major)).to.deep.equal(sum(included.filter((p) => p.id === id.D)))
    const numbers = JSON.stringify(plan.totals).match(/"\w+Fen":[^,}]+/g)!
    for (const n of numbers) expect(Number.isSafeInteger(Number(n.split(':')[1])), n).to.equal(true)
    const text = await cli(['plan', 'show', '--year', String(YEAR)])
    const row = (pid: string) => text.stdout.split('\n').find((l) => l.includes(pid)) ?? ''
    expect(row(id.A)).to.contain('重点领域')
    expect(row(id.D)).to.contain('重大项目')
    expect(text.stdout).to.contain('533.88') // 总投资 in 万元, two decimals
  })

  it('plan approve --by government before the leading group adopted it is exit 4, naming what to do first', async () => {
    const {text, error} = await refused(['plan', 'approve', '--year', String(YEAR), '--by', 'government', '--doc', '郴政函〔2026〕5号', '--date', '2026-09-18'], 4)
    expect(text).to.contain(`itplan plan approve --year ${YEAR} --by leading-group`)
    expect(error.message).to.contain('--by leading-group')
  })

  it('plan approve --by leading-group adopts the draft; the draft can no longer be rebuilt nor adopted twice', async () => {
    const plan = await ok<PlanJson>(['plan', 'approve', '--year', String(YEAR), '--by', 'leading-group', '--doc', '郴数政组〔2026〕1号', '--date', '2026-09-10'])
    expect(plan.status).to.equal('adopted')
    expect(plan.approvals).to.deep.equal([{by: 'leading-group', documentNo: '郴数政组〔2026〕1号', date: '2026-09-10'}])
    await refused(['plan', 'build', '--year', String(YEAR)], 4)
    await refused(['plan', 'approve', '--year', String(YEAR), '--by', 'leading-group', '--doc', 'x', '--date', '2026-09-11'], 4)
    expect((await show(id.A)).status).to.equal('planned')
  })

  it('plan approve --by government moves planned projects to reviewing (self: cleared), drops the rest, and opens the two pre-reviews due in 10 working days', async () => {
    const r = await cli(['plan', 'approve', '--year', String(YEAR), '--by', 'government', '--doc', '郴政函〔2026〕5号', '--date', '2026-09-18', '--json'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stderr, 'the 2026 schedule is official: no fallback warning').to.not.match(UNCOVERED)
    expect(json<PlanJson>(r).status).to.equal('approved')
    const status = Object.fromEntries(await Promise.all(Object.entries(id).map(async ([k, pid]) => [k, (await show(pid)).status])))
    expect(status).to.deep.equal({A: 'reviewing', B: 'reviewing', C: 'dropped', D: 'reviewing', E: 'cleared', F: 'reviewing', G: 'dropped', H: 'dropped', K: 'reviewing'})
    expect((await show(id.E)).stages).to.deep.equal([])
    const a = await show(id.A)
    expect(a.stages.map((s) => [s.key, s.department, s.status])).to.deep.equal([
      ['secrecy-prereview', '市委办', 'open'],
      ['cyber-prereview', '市委网信办', 'open'],
      ['technical-review', '市行政审批服务局', 'pending'],
      ['fiscal-review', '市财政局', 'pending'],
    ])
    for (const key of ['secrecy-prereview', 'cyber-prereview']) {
      // 18 Sep + 10 working days: 20 (adjusted Sunday), 21–24, (25–27 off), 28–30 Sep, (1–7 Oct off), 8, 9 Oct
      expect(stage(a, key)).to.include({startedOn: '2026-09-18', dueOn: '2026-10-09'})
    }
    expect(stage(a, 'technical-review')).to.include({startedOn: null, dueOn: null})
    const d = await show(id.D)
    expect(d.stages.map((s) => [s.key, s.department, s.status])).to.deep.equal([
      ['secrecy-prereview', '市委办', 'open'],
      ['cyber-prereview', '市委网信办', 'open'],
      ['approval', '市发改委', 'pending'],
      ['technical-review', '市行政审批服务局', 'pending'],
      ['fiscal-review', '市财政局', 'pending'],
    ])
  })

  it('review list --json lists the open stages with their department and working days left; --department filters', async () => {
    const rows = await reviewList(['--as-of', '2026-09-18'])
    expect(rows).to.have.length(10) // A, B, D, F, K × two pre-reviews
    for (const row of rows) {
      expect(row).to.include.all.keys('projectId', 'projectName', 'unit', 'key', 'department', 'startedOn', 'dueOn', 'daysLeft')
      expect(row).to.include({startedOn: '2026-09-18', dueOn: '2026-10-09', daysLeft: 10})
      expect(['secrecy-prereview', 'cyber-prereview']).to.include(row.key)
    }
    const a = rows.find((r) => r.projectId === id.A && r.key === 'cyber-prereview')!
    expect(a).to.include({projectName: '智慧警务平台', unit: '市公安局', department: '市委网信办'})
    const cyber = await reviewList(['--as-of', '2026-09-30', '--department', '市委网信办'])
    expect(cyber.map((r) => r.projectId)).to.have.members([id.A, id.B, id.D, id.F, id.K])
    expect(cyber.every((r) => r.key === 'cyber-prereview' && r.department === '市委网信办')).to.equal(true)
    expect(cyber[0].daysLeft, '30 Sep → 9 Oct: 30 Sep is not counted, 1–7 Oct are off, 8 and 9 Oct count').to.equal(2)
  })

  it('review record on a stage not yet open is exit 4 and names the open stages as the allowed next steps', async () => {
    const {text, error} = await refused(['review', 'record', id.A, '--stage', 'technical-review', '--result', 'passed', '--date', '2026-09-20'], 4)
    expect(text).to.contain('评审中') // the current status
    expect(text).to.contain(`itplan review record ${id.A} --stage secrecy-prereview`)
    expect(text).to.contain(`itplan review record ${id.A} --stage cyber-prereview`)
    expect(error.allowed).to.have.length(2)
    // a stage the track does not have
    const notOnTrack = await refused(['review', 'record', id.A, '--stage', 'approval', '--result', 'passed', '--date', '2026-09-20'], 4)
    expect(notOnTrack.text).to.contain('市发改委').and.contain(`itplan review record ${id.A} --stage secrecy-prereview`)
    // a self-implemented project has no review at all
    const self = await refused(['review', 'record', id.E, '--stage', 'secrecy-prereview', '--result', 'passed', '--date', '2026-09-20'], 4)
    expect(self.text).to.contain('评审通过').and.contain(`itplan construction start ${id.E}`)
  })

  it('returned keeps a pre-review open and restarts its 10 working days; both pre-reviews passed open the technical review, due 20 working days later', async () => {
    let a = await record(id.A, 'cyber-prereview', 'returned', '2026-09-24', ['--opinion', '补充网络安全等级保护测评材料'])
    expect(a.status).to.equal('reviewing')
    // 24 Sep + 10: 25–27 (Mid-Autumn) off; 28, 29, 30 Sep; 1–7 Oct off; 8, 9, 10 (adjusted Saturday), 12, 13, 14, 15 Oct
    expect(stage(a, 'cyber-prereview')).to.include({status: 'returned', startedOn: '2026-09-24', dueOn: '2026-10-15'})
    a = await record(id.A, 'secrecy-prereview', 'passed', '2026-09-29', ['--doc', '郴委办审〔2026〕12号'])
    expect(stage(a, 'secrecy-prereview')).to.include({status: 'passed', decidedOn: '2026-09-29', documentNo: '郴委办审〔2026〕12号'})
    expect(stage(a, 'technical-review').status, 'one pre-review still open').to.equal('pending')
    const listed = (await reviewList(['--as-of', '2026-09-29'])).filter((r) => r.projectId === id.A)
    expect(listed.map((r) => [r.key, r.dueOn])).to.deep.equal([['cyber-prereview', '2026-10-15']])
    a = await record(id.A, 'cyber-prereview', 'passed', '2026-09-30')
    // 30 Sep + 20 working days: 8, 9, 10, 12–16, 19–23, 26–30 Oct, 2, 3 Nov → 2026-11-03
    expect(stage(a, 'technical-review')).to.include({status: 'open', department: '市行政审批服务局', startedOn: '2026-09-30', dueOn: '2026-11-03'})
    expect(stage(a, 'fiscal-review').status).to.equal('pending')
  })

  it('review list --overdue --as-of lists exactly the stages past their due date, with negative working days left', async () => {
    expect(await reviewList(['--overdue', '--as-of', '2026-10-09']), 'due today is not overdue').to.deep.equal([])
    const all = await reviewList(['--as-of', '2026-10-12'])
    const overdue = await reviewList(['--overdue', '--as-of', '2026-10-12'])
    const expected = [id.B, id.D, id.F, id.K].flatMap((pid) => [`${pid} secrecy-prereview`, `${pid} cyber-prereview`])
    expect(overdue.map((r) => `${r.projectId} ${r.key}`)).to.have.members(expected)
    // 9 Oct was due; 10 Oct (adjusted Saturday) and 12 Oct are the two working days past it
    for (const r of overdue) expect(r.daysLeft, `${r.projectId} ${r.key}`).to.equal(-2)
    const tech = all.find((r) => r.projectId === id.A && r.key === 'technical-review')!
    expect(tech.daysLeft).to.equal(16)
    expect(overdue.map((r) => r.projectId)).to.not.include(id.A)
    expect(all.filter((r) => r.daysLeft! < 0)).to.have.length(overdue.length)
    const onAdjustedSaturday = await reviewList(['--overdue', '--as-of', '2026-10-10', '--department', '市委办'])
    expect(onAdjustedSaturday).to.have.length(4)
    expect(onAdjustedSaturday.every((r) => r.daysLeft === -1)).to.equal(true)
    const text = await cli(['review', 'list', '--overdue', '--as-of', '2026-10-12'])
    expect(text.code).to.equal(0)
    expect(text.stdout).to.contain('市委办：4 项办理中，4 项超期').and.contain('超期 2 个工作日')
  })

  it('a review date before the stage started, or --amount on a stage other than the fiscal review, is a usage error (exit 2)', async () => {
    await refused(['review', 'record', id.A, '--stage', 'technical-review', '--result', 'passed', '--date', '2026-09-29'], 2)
    const amount = await refused(['review', 'record', id.A, '--stage', 'technical-review', '--result', 'passed', '--date', '2026-10-20', '--amount', '90万'], 2)
    expect(amount.text).to.contain('--amount').and.contain('财政投资评审')
  })

  it('returned on the technical review restarts its 20 working days; passed opens the fiscal review', async () => {
    let a = await record(id.A, 'technical-review', 'returned', '2026-10-12')
    expect(a.status).to.equal('reviewing')
    expect(stage(a, 'technical-review')).to.include({status: 'returned', startedOn: '2026-10-12', dueOn: '2026-11-09'})
    expect((await reviewList(['--as-of', '2026-10-12', '--department', '市行政审批服务局'])).map((r) => [r.projectId, r.dueOn])).to.deep.equal([[id.A, '2026-11-09']])
    a = await record(id.A, 'technical-review', 'passed', '2026-10-20', ['--doc', '郴审批技审〔2026〕7号'])
    expect(stage(a, 'technical-review')).to.include({status: 'passed', decidedOn: '2026-10-20'})
    expect(stage(a, 'fiscal-review')).to.include({status: 'open', department: '市财政局', startedOn: '2026-10-20', dueOn: '2026-11-17'})
    await refused(['review', 'record', id.A, '--stage', 'fiscal-review', '--result', 'returned', '--date', '2026-10-21', '--amount', '90万'], 2)
  })

  it('a fiscal review approving an amount at the approval standard re-routes the project and adds the 市发改委 approval stage; it clears only when that passes', async () => {
    let a = await record(id.A, 'fiscal-review', 'passed', '2026-10-30', ['--amount', '120万', '--doc', '郴财评〔2026〕21号', '--reason', '增列等保测评与密评费用'])
    expect(a.approvedAmountFen).to.equal(120 * WAN)
    expect(stage(a, 'fiscal-review')).to.include({status: 'passed', approvedAmountFen: 120 * WAN})
    expect(a.track).to.equal('approval')
    expect(a.routing.reason).to.contain('120.00')
    expect(a.status).to.equal('reviewing')
    // 30 Oct + 20 working days: 2–6, 9–13, 16–20, 23–27 Nov → 2026-11-27
    expect(stage(a, 'approval')).to.include({department: '市发改委', status: 'open', startedOn: '2026-10-30', dueOn: '2026-11-27'})
    expect((await reviewList(['--as-of', '2026-11-02', '--department', '市发改委'])).map((r) => [r.projectId, r.key])).to.deep.include([id.A, 'approval'])
    a = await record(id.A, 'approval', 'passed', '2026-11-05', ['--doc', '郴发改审批〔2026〕30号'])
    expect(a.status).to.equal('cleared')
    expect(a.stages.every((s) => s.status === 'passed')).to.equal(true)
    expect((await reviewList(['--as-of', '2026-11-05'])).filter((r) => r.projectId === id.A)).to.deep.equal([])
  })

  it('failed refuses the project; any further record is exit 4 naming its status', async () => {
    const b = await record(id.B, 'secrecy-prereview', 'failed', '2026-09-29', ['--opinion', '未落实商用密码应用要求'])
    expect(b.status).to.equal('refused')
    const {text, error} = await refused(['review', 'record', id.B, '--stage', 'cyber-prereview', '--result', 'passed', '--date', '2026-09-30'], 4)
    expect(text).to.contain('未通过')
    expect(error.allowed).to.deep.equal([])
    expect((await reviewList(['--as-of', '2026-09-30'])).map((r) => r.projectId)).to.not.include(id.B)
  })

  it('an approval-track project passes all five stages in order, each due in working days from its opening; the fiscal amount can also move it to a lighter track', async () => {
    let k = await record(id.K, 'secrecy-prereview', 'passed', '2026-09-21')
    k = await record(id.K, 'cyber-prereview', 'passed', '2026-09-21')
    // 21 Sep + 20: 22–24, 28–30 Sep, 8, 9, 10, 12–16, 19–23, 26 Oct
    expect(stage(k, 'approval')).to.include({status: 'open', startedOn: '2026-09-21', dueOn: '2026-10-26'})
    expect(stage(k, 'technical-review').status).to.equal('pending')
    await refused(['review', 'record', id.K, '--stage', 'fiscal-review', '--result', 'passed', '--date', '2026-10-09'], 4)
    k = await record(id.K, 'approval', 'passed', '2026-10-09')
    // 9 Oct + 20: 10, 12–16, 19–23, 26–30 Oct, 2–5 Nov
    expect(stage(k, 'technical-review')).to.include({status: 'open', startedOn: '2026-10-09', dueOn: '2026-11-05'})
    k = await record(id.K, 'technical-review', 'passed', '2026-10-27')
    // 27 Oct + 20: 28–30 Oct, 2–6, 9–13, 16–20, 23, 24 Nov
    expect(stage(k, 'fiscal-review')).to.include({status: 'open', startedOn: '2026-10-27', dueOn: '2026-11-24'})
    k = await record(id.K, 'fiscal-review', 'passed', '2026-11-10', ['--amount', '90万'])
    expect(k.approvedAmountFen).to.equal(90 * WAN)
    expect(k.track).to.equal('review')
    expect(k.status).to.equal('cleared')
  })

  it('the major multi-unit project, with its Art. 3 decision, goes from declaration to cleared', async () => {
    for (const key of ['secrecy-prereview', 'cyber-prereview', 'approval', 'technical-review', 'fiscal-review']) {
      await record(id.D, key, 'passed', '2026-10-09', ['--doc', `${key}-文号`])
    }
    const d = await show(id.D)
    expect(d.status).to.equal('cleared')
    expect(d.approvedAmountFen ?? null, 'no amount recorded: none approved').to.equal(null)
    expect(d.stages.map((s) => [s.key, s.status, s.documentNo])).to.deep.equal([
      ['secrecy-prereview', 'passed', 'secrecy-prereview-文号'],
      ['cyber-prereview', 'passed', 'cyber-prereview-文号'],
      ['approval', 'passed', 'approval-文号'],
      ['technical-review', 'passed', 'technical-review-文号'],
      ['fiscal-review', 'passed', 'fiscal-review-文号'],
    ])
  })

  it('a budget raised during review (project update --total) re-routes to the stricter track and adds its missing stage', async () => {
    await refused(['project', 'update', id.F, '--total', '150万'], 2) // an amount change after planning needs a reason
    const updated = await ok<Project>(['project', 'update', id.F, '--total', '150万', '--reason', '增加建设内容'])
    expect(updated).to.include({id: id.F, totalInvestmentFen: 150 * WAN, track: 'approval'})
    const f = await show(id.F)
    expect(f.track).to.equal('approval')
    expect(f.status).to.equal('reviewing')
    expect(f.stages.map((s) => [s.key, s.department, s.status])).to.deep.equal([
      ['secrecy-prereview', '市委办', 'open'],
      ['cyber-prereview', '市委网信办', 'open'],
      ['approval', '市发改委', 'pending'],
      ['technical-review', '市行政审批服务局', 'pending'],
      ['fiscal-review', '市财政局', 'pending'],
    ])
    expect(stage(f, 'secrecy-prereview')).to.include({startedOn: '2026-09-18', dueOn: '2026-10-09'})
  })

  it('ends with the plan approved and the projects cleared, refused, dropped or still in review', async () => {
    const plan = await ok<PlanJson>(['plan', 'show', '--year', String(YEAR)])
    expect(plan.status).to.equal('approved')
    expect(plan.approvals!.map((a) => a.by)).to.deep.equal(['leading-group', 'government'])
    const cleared = await ok<Project[]>(['project', 'list', '--status', 'cleared'])
    expect(cleared.map((p) => p.id)).to.have.members([id.A, id.D, id.E, id.K])
    const remaining = await reviewList(['--as-of', '2026-11-10'])
    expect([...new Set(remaining.map((r) => r.projectId))]).to.deep.equal([id.F])
    await refused(['plan', 'approve', '--year', String(YEAR), '--by', 'government', '--doc', 'x', '--date', '2026-11-11'], 4)
  })

  // Regression (fixed): the two pre-reviews run in parallel; when their outcomes are recorded out of date order, the next stage opens
  // on the date of the record entered last, not the day the last pre-review passed. Repro: a 85万 project approved by
  // the government on 2026-09-18; review record ID --stage secrecy-prereview --result passed --date 2026-09-29;
  // review record ID --stage cyber-prereview --result passed --date 2026-09-22 → technical-review startedOn
  // 2026-09-22, dueOn 2026-10-27, a week before 市委办 passed it (and it can be recorded passed on 2026-09-23). It should
  // open on 2026-09-29 (due 2026-11-02), or the record should be refused.
  it('the stage after the pre-reviews opens on the day the last of them passed, whatever order they are recorded in', async function () {
    const t2 = tempRegister()
    try {
      await initRegister(t2.dir, YEAR)
      const run = async <T = unknown>(args: string[]): Promise<T> => {
        const r = await runCli([...args, '--register', t2.register, '--json'], {cwd: t2.dir})
        expect(r.code, r.stdout + r.stderr).to.equal(0)
        return json<T>(r)
      }
      const p = await run<Project>(['project', 'add', ...projectFlags({'declared-on': '2025-12-01'})])
      await run(['plan', 'build', '--year', String(YEAR)])
      await run(['plan', 'approve', '--year', String(YEAR), '--by', 'leading-group', '--doc', 'a', '--date', '2026-09-10'])
      await run(['plan', 'approve', '--year', String(YEAR), '--by', 'government', '--doc', 'b', '--date', '2026-09-18'])
      await run(['review', 'record', p.id, '--stage', 'secrecy-prereview', '--result', 'passed', '--date', '2026-09-29'])
      const after = (await run(['review', 'record', p.id, '--stage', 'cyber-prereview', '--result', 'passed', '--date', '2026-09-22'])) as Project
      // 29 Sep + 20 working days: 30 Sep, 8, 9, 10, 12–16, 19–23, 26–30 Oct, 2 Nov
      expect(stage(after, 'technical-review')).to.include({status: 'open', startedOn: '2026-09-29', dueOn: '2026-11-02'})
    } finally {
      t2.cleanup()
    }
  })

  // Regression (fixed): in `plan build` / `plan show`, the planning group's marks (重点领域 / 重大项目) and the project flags (逾期申报 …)
  // are two columns both headed 「标记」 (zh.ts: 'plan.marks' and 'table.flags'). Repro: itplan plan show --year 2026.
  it('plan show heads each column with its own name', async () => {
    const r = await cli(['plan', 'show', '--year', String(YEAR)])
    const header = r.stdout.split('\n').find((l) => l.includes('编号') && l.includes('│'))!
    const cells = header.split('│').map((c) => c.trim()).filter(Boolean)
    expect(new Set(cells).size, cells.join(' | ')).to.equal(cells.length)
  })

  it('an approval date in 2027, a year the official calendar does not cover, warns on stderr naming 2027', async function () {
    const t2 = tempRegister()
    try {
      await initRegister(t2.dir, 2027)
      const run = (args: string[]) => runCli([...args, '--register', t2.register], {cwd: t2.dir})
      expect((await run(['project', 'add', ...projectFlags({'declared-on': '2026-12-01'})])).code).to.equal(0)
      expect((await run(['plan', 'build', '--year', '2027'])).code).to.equal(0)
      expect((await run(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', 'x', '--date', '2027-01-10'])).code).to.equal(0)
      const r = await run(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', 'y', '--date', '2027-01-20', '--json'])
      expect(r.code, r.stderr).to.equal(0)
      expect(r.stderr).to.match(UNCOVERED).and.contain('2027')
      expect(json<PlanJson>(r).status, 'stdout stays pure JSON').to.equal('approved')
      const p = json<Project[]>(await run(['project', 'list', '--json']))[0]
      // Monday–Friday fallback: 20 Jan 2027 (Wed) + 10 → 3 Feb 2027
      expect(p.stages[0]).to.include({startedOn: '2027-01-20', dueOn: '2027-02-03'})
    } finally {
      t2.cleanup()
    }
  })
})

// Issue 20: `screen` through the CLI — pairs across units, the possible-duplicate flag (journalled), the group's
// clearance, `plan build` listing flagged projects, and bad input refused with nothing written.
import {expect} from 'chai'
import {commandsOn, initRegister, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project} from '../../src/core/domain/types.js'
import type {ScreenYearResult, ScreenClearResult} from '../../src/commands/screen.js'
import type {PlanBuildResult} from '../../src/commands/plan/build.js'

const DECLARATIONS = [
  {unit: '市城市管理和综合执法局', name: '智慧城管平台', summary: '整合数字城管、市容环卫、违法建设巡查等业务，建设城市管理部件和事件的发现、受理、派遣、处置、核查、结案闭环系统，接入网格员巡查终端和视频监控。'},
  {unit: '市住房和城乡建设局', name: '城市综合管理服务平台建设', summary: '建设业务指导、监督检查、监测分析、综合评价和指挥协调等系统，汇聚市容环境、违章建筑、占道经营等城市管理事件，实现案件受理派遣处置核查全流程管理。'},
  {unit: '市教育局', name: '智慧教育平台', summary: '建设全市智慧教育平台，汇聚数字教育资源，提供在线课堂、网络教研和学生学习空间服务。'},
  {unit: '市交通运输局', name: '智慧交通平台', summary: '建设全市智慧交通平台，接入交通信号灯、卡口和路况监测数据，实现交通流量分析、信号配时优化和出行信息发布。'},
]

describe('screen: duplicate construction (issue 20, DESIGN §14)', function () {
  this.timeout(180_000)
  let t: TempRegister
  const {cli, ok, refused, snapshot, write} = commandsOn(() => t)
  const flagsOf = async () => new Map((await ok<Project[]>(['project', 'list'])).map((p) => [p.id, p.flags]))

  beforeEach(async () => {
    t = tempRegister('itplan-screen-')
    await initRegister(t.dir, 2027)
    for (const d of DECLARATIONS) await ok(['project', 'add', ...projectFlags({unit: d.unit, name: d.name, summary: d.summary, year: '2027'})])
  })
  afterEach(() => t.cleanup())

  it('lists the duplicate across units with its score and shared text, leaves projects that share generic words alone, and flags both', async () => {
    const run = await ok<ScreenYearResult>(['screen', '--year', '2027'])
    expect(run.year).to.equal(2027)
    expect(run.threshold).to.equal(0.31)
    expect(run.pairs.map((p) => [p.a, p.b])).to.deep.equal([['2027-0001', '2027-0002']])
    expect(run.pairs[0].score).to.be.within(0.31, 1)
    expect(run.pairs[0].shared).to.include.members(['城市', '派遣'])
    expect(run.flagged).to.deep.equal(['2027-0001', '2027-0002'])
    const flags = await flagsOf()
    expect(flags.get('2027-0001')).to.include('possible-duplicate')
    expect(flags.get('2027-0002')).to.include('possible-duplicate')
    expect(flags.get('2027-0003')).not.to.include('possible-duplicate')
    expect(flags.get('2027-0004')).not.to.include('possible-duplicate')

    const log = await cli(['audit', 'log', '--project', '2027-0001'])
    expect(log.stdout).to.include('可能重复建设').and.include('2027-0002')

    // the same screen again finds the same: nothing is written
    const before = snapshot()
    const again = await cli(['screen', '--year', '2027'])
    expect(again.code).to.equal(0)
    expect(again.stdout).to.include('重复建设筛查').and.include('相似度').and.include('智慧城管平台').and.include('市住房和城乡建设局')
    expect(snapshot()).to.equal(before)
  })

  it('finds a declaration that duplicates a system of the inventory, and not the O&M of the system it maintains', async () => {
    await ok(['system', 'import', write('台账.csv', ['系统编号,系统名称,建设单位,数据共享,主要功能', 'CZ-JT-01,交通信号智能控制系统,市公安局交警支队,是,交通信号灯联网控制、路口流量监测与信号配时优化', 'CZ-JY-01,智慧教育平台,市教育局,是,数字教育资源汇聚、在线课堂与网络教研'])])
    await ok(['project', 'add', ...projectFlags({unit: '市教育局', name: '智慧教育平台运维', kind: '运维类', system: 'CZ-JY-01', summary: '智慧教育平台运行维护与数据治理', year: '2027'})])
    const run = await ok<ScreenYearResult>(['screen', '--year', '2027'])
    const withSystems = run.pairs.filter((p) => p.a.startsWith('CZ-') || p.b.startsWith('CZ-'))
    // 智慧交通平台 (市交通运输局) against the traffic police's signal-control system; 智慧教育平台 against its namesake
    expect(withSystems.map((p) => [p.a, p.b].sort().join('~'))).to.include('2027-0004~CZ-JT-01').and.include('2027-0003~CZ-JY-01')
    expect(withSystems.some((p) => [p.a, p.b].includes('2027-0005') && [p.a, p.b].includes('CZ-JY-01')), 'an O&M project is not a duplicate of the system it maintains').to.equal(false)
    const flags = await flagsOf()
    expect(flags.get('2027-0004')).to.include('possible-duplicate')
  })

  it('a higher threshold lists fewer pairs and takes the flag off', async () => {
    await ok(['screen', '--year', '2027'])
    const run = await ok<ScreenYearResult>(['screen', '--year', '2027', '--threshold', '0.95'])
    expect(run.pairs).to.deep.equal([])
    expect(run.unflagged).to.deep.equal(['2027-0001', '2027-0002'])
    expect((await flagsOf()).get('2027-0001')).not.to.include('possible-duplicate')
  })

  it('keeps the flag when the project is updated (its other flags are recomputed)', async () => {
    await ok(['screen', '--year', '2027'])
    await ok(['project', 'update', '2027-0001', '--contact-name', '张三'])
    expect((await flagsOf()).get('2027-0001')).to.include('possible-duplicate')
  })

  it('plan build lists the flagged projects for the planning group, in its text and its JSON', async () => {
    await ok(['screen', '--year', '2027'])
    const text = await cli(['plan', 'build', '--year', '2027'])
    expect(text.code, text.stderr).to.equal(0)
    expect(text.stdout).to.include('可能与其他项目或已建系统重复建设').and.include('2027-0001 智慧城管平台（市城市管理和综合执法局）与 2027-0002')
    const plan = await ok<PlanBuildResult>(['plan', 'build', '--year', '2027'])
    expect(plan.possibleDuplicates.map((d) => [d.id, d.with])).to.deep.equal([
      ['2027-0001', ['2027-0002']],
      ['2027-0002', ['2027-0001']],
    ])
  })

  it('records the group clearing a pair: flags off, journalled, never listed again, a second clearance refused', async () => {
    await ok(['screen', '--year', '2027'])
    const cleared = await ok<ScreenClearResult>(['screen', '--clear', '2027-0002', '--with', '2027-0001', '--reason', '城管与住建分工不同', '--date', '2027-01-10'])
    expect(cleared.cleared).to.deep.equal({a: '2027-0002', b: '2027-0001', reason: '城管与住建分工不同', date: '2027-01-10'})
    expect(cleared.unflagged).to.have.members(['2027-0001', '2027-0002'])
    expect((await flagsOf()).get('2027-0001')).not.to.include('possible-duplicate')
    const log = await cli(['audit', 'log', '--project', '2027-0001'])
    expect(log.stdout).to.include('领导小组确认与 2027-0002 不属重复建设：城管与住建分工不同')

    const run = await ok<ScreenYearResult>(['screen', '--year', '2027', '--threshold', '0.1'])
    expect(run.pairs.map((p) => `${p.a}|${p.b}`)).not.to.include('2027-0001|2027-0002')
    expect((await flagsOf()).get('2027-0001')).not.to.include('possible-duplicate')

    const again = await refused(['screen', '--clear', '2027-0001', '--with', '2027-0002', '--reason', '再次'], 4)
    expect(again.text).to.include('已于 2027-01-10 确认不属重复建设')
  })

  it('refuses bad input with a Chinese message and the exit code, writing nothing', async () => {
    await ok(['screen', '--year', '2027'])
    for (const value of ['1.5', '-0.1', 'abc', '']) {
      const r = await refused(['screen', '--year', '2027', '--threshold', value], 2)
      expect(r.text).to.include('--threshold').and.include('0 到 1')
    }
    expect((await refused(['screen', '--clear', '2027-9999', '--with', '2027-0001', '--reason', '不同'], 2)).text).to.include('没有项目或已建系统 2027-9999')
    expect((await refused(['screen', '--clear', '2027-0001', '--with', 'SYS-0404', '--reason', '不同'], 2)).text).to.include('SYS-0404')
    expect((await refused(['screen', '--clear', '2027-0001', '--with', '2027-0001', '--reason', '不同'], 2)).text).to.include('同一个编号')
    expect((await refused(['screen', '--clear', '2027-0001', '--reason', '不同'], 2)).text).to.include('--with')
    expect((await refused(['screen', '--clear', '2027-0001', '--with', '2027-0002', '--reason', '  '], 2)).text).to.include('--reason')
    expect((await refused(['screen', '--clear', '2027-0001', '--with', '2027-0002', '--reason', '不同', '--year', '2027'], 2)).text).to.include('--clear')
    expect((await refused(['screen'], 2)).text).to.include('--year')
    expect((await refused(['screen', '--year', '2027', '--reason', '不同'], 2)).text).to.include('--clear')
    expect((await refused(['screen', '--year', '99999'], 2)).text).to.include('--year')
  })
})

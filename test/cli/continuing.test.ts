// Issue 17, step 1: the words of DESIGN §12 through the CLI — 项目类别 (建设类/运维类), 续建, 截至上年底累计完成投资 and
// 运维对象系统 in an imported file and in `project add` flags, and the refusals a clerk sees for bad rows.
import {expect} from 'chai'
import path from 'node:path'
import {commandsOn, initRegister, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project} from '../../src/core/domain/types.js'

const WAN = 1_000_000
const HEADER = '项目建设单位,项目名称,项目类别,建设性质,项目类型,采购类别,运维对象系统,总投资（万元）,其中：市本级财政资金（万元）,截至上年底累计完成投资（万元）,本年度申请资金（万元）'

describe('续建 and 运维: the words (issue 17, through the CLI)', function () {
  this.timeout(120_000)
  let t: TempRegister
  const {cli, ok, refused, snapshot, write} = commandsOn(() => t)

  beforeEach(async () => {
    t = tempRegister('itplan-continuing-')
    await initRegister(t.dir, 2027)
    // an O&M project names a system of the inventory: SYS-0001 and SYS-0002
    await ok(['system', 'import', write('台账.csv', ['系统名称,建设单位,数据共享', '民政云平台,市民政局,是', '警务云,市公安局,是'])])
  })
  afterEach(() => t.cleanup())

  it('imports 建设类, 运维类 and 续建 rows with their figures in 分', async () => {
    const file = write('市民政局.csv', [
      HEADER,
      '市民政局,养老服务平台,建设类,续建,业务系统,服务,,300,300,200,100',
      '市民政局,民政云平台运维,运维类,新建,业务系统,服务,SYS-0001,40,40,,',
      '市民政局,婚姻登记系统,,新建,业务系统,服务,,60,60,,',
    ])
    await ok(['import', file])
    const projects = await ok<Project[]>(['project', 'list'])
    const pick = (p: Project) => [p.name, p.kind, p.nature, p.systemId, p.completedBeforeFen, p.annualPlanFen]
    expect(projects.map(pick)).to.deep.equal([
      ['养老服务平台', 'construction', 'continuing', null, 200 * WAN, 100 * WAN],
      ['民政云平台运维', 'operations', 'new', 'SYS-0001', null, null],
      ['婚姻登记系统', 'construction', 'new', null, null, null],
    ])
  })

  it('refuses a 续建 beyond its total, an O&M row naming no system and an unknown kind: exit 3, each at its row and column, nothing written', async () => {
    const file = write('市城管局.csv', [
      HEADER,
      '市城管局,数字城管二期,建设类,续建,业务系统,服务,,300,300,250,60',
      '市城管局,城管平台运维,运维类,新建,业务系统,服务,,40,40,,',
      '市城管局,智慧停车,采购类,新建,业务系统,服务,,60,60,,',
      '市城管局,环卫监管,建设类,新建,业务系统,服务,,60,60,,',
    ])
    const before = snapshot()
    const r = await cli(['import', file])
    expect(r.code, r.stderr).to.equal(3)
    const out = r.stdout + r.stderr
    expect(out).to.contain('市城管局.csv 工作表“市城管局.csv” 第 2 行 J 列：截至上年底累计完成投资 250.00 万元加年度计划投资 60.00 万元，超过总投资 300.00 万元')
    expect(out).to.contain('第 3 行 G 列：运维类项目须填写“运维对象系统”')
    expect(out).to.contain('第 4 行 C 列：“项目类别”的值“采购类”无法识别，应为：建设类、运维类')
    expect(out).to.not.match(/\n\s+at /)
    expect(snapshot(), 'nothing written').to.equal(before)
    expect(await ok<Project[]>(['project', 'list'])).to.deep.equal([])
  })

  it('project add takes --kind, --system and --completed-before, and refuses what the import refuses', async () => {
    const p = await ok<Project>(['project', 'add', ...projectFlags({name: '警务云运维', kind: '运维类', system: 'SYS-0002', total: '50万'})])
    expect(p).to.include({kind: 'operations', systemId: 'SYS-0002'})
    const c = await ok<Project>(['project', 'add', ...projectFlags({name: '警务平台二期', nature: '续建', total: '300万', 'completed-before': '200万', 'annual-plan': '100万'})])
    expect(c).to.include({kind: 'construction', nature: 'continuing', completedBeforeFen: 200 * WAN, annualPlanFen: 100 * WAN})
    const noSystem = await refused(['project', 'add', ...projectFlags({name: '另一运维', kind: '运维'})], 2)
    expect(noSystem.text).to.contain('运维类项目须填写“运维对象系统”').and.contain('第十二条')
    const over = await refused(['project', 'add', ...projectFlags({name: '三期', nature: '续建', total: '300万', 'completed-before': '200万'})], 2)
    expect(over.text).to.contain('年度计划投资（未填，按市本级财政资金 300.00 万元计），超过总投资 300.00 万元')
  })

  it('the declaration template has the new columns, with dropdowns of the words', async () => {
    const out = path.join(t.dir, '模板.xlsx')
    await ok(['template', 'declaration', '--out', out])
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.worksheets[0]
    let headerRow = 0
    ws.eachRow((row, n) => {
      if (headerRow === 0 && row.values && (row.values as unknown[]).includes('项目名称')) headerRow = n
    })
    const headers = (ws.getRow(headerRow).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''))
    for (const h of ['项目类别', '运维对象系统', '截至上年底累计完成投资（万元）']) expect(headers, h).to.include(h)
    const kindColumn = headers.indexOf('项目类别')
    const validation = ws.getCell(headerRow + 1, kindColumn).dataValidation
    expect(validation?.type).to.equal('list')
    expect(JSON.stringify(validation?.formulae)).to.contain('建设类').and.contain('运维类')
    const natureColumn = headers.indexOf('建设性质')
    expect(JSON.stringify(ws.getCell(headerRow + 1, natureColumn).dataValidation?.formulae)).to.contain('续建')
  })
})

// Issue 17, step 2: a 续建 row continues the project it names — one project, one lifecycle, a request per year.
describe('续建: the next year of a project the register holds (issue 17, through the CLI)', function () {
  this.timeout(180_000)
  let t: TempRegister
  const {cli, ok, refused, snapshot, write} = commandsOn(() => t)
  const HEAD = '申报编号,申报年度,项目建设单位,项目名称,建设性质,项目类型,采购类别,建设周期（月）,总投资（万元）,其中：市本级财政资金（万元）,截至上年底累计完成投资（万元）,本年度申请资金（万元）,申报日期'

  /** 2026: two self-implemented multi-year projects, approved and in construction. */
  beforeEach(async () => {
    t = tempRegister('itplan-continuing2-')
    await initRegister(t.dir, 2026)
    await ok(['import', write('2026.csv', [HEAD, 'MZ-2026-01,2026,市民政局,养老服务平台,新建,业务系统,服务,24,60,60,,30,2025-11-20', ',2026,市城管局,数字城管平台,新建,业务系统,服务,24,70,70,,35,2025-11-20'])])
    await ok(['plan', 'build', '--year', '2026'])
    await ok(['plan', 'approve', '--year', '2026', '--by', '领导小组', '--doc', '郴数政组〔2026〕1号', '--date', '2026-01-20'])
    await ok(['plan', 'approve', '--year', '2026', '--by', '市人民政府', '--doc', '郴政函〔2026〕5号', '--date', '2026-02-02'])
    for (const id of ['2026-0001', '2026-0002']) await ok(['construction', 'start', id, '--responsible', '李四', '--supervisor', '某监理公司', '--date', '2026-03-02'])
  })
  afterEach(() => t.cleanup())

  it('continues the earlier project by 申报编号, by the register id or by unit and name; a re-import changes nothing', async () => {
    const file = write('2027.csv', [HEAD, 'MZ-2026-01,2027,市民政局,养老服务平台（二期）,续建,业务系统,服务,24,60,60,30,30,2026-11-20', '2026-0002,2027,市城管局,数字城管,续建,业务系统,服务,24,70,70,35,30,2026-11-20'])
    const r = await ok<{files: Array<{continued: number; continuedIds: string[]; created: number}>}>(['import', file])
    expect(r.files[0]).to.include({continued: 2, created: 0})
    expect(r.files[0].continuedIds).to.deep.equal(['2026-0001', '2026-0002'])
    const projects = await ok<Project[]>(['project', 'list'])
    expect(projects.map((p) => p.id), 'one project each, not a second one').to.deep.equal(['2026-0001', '2026-0002'])
    const p = await ok<Project>(['project', 'show', '2026-0001'])
    expect(p.status).to.equal('in-construction')
    expect(p.annual).to.have.length(1)
    expect(p.annual![0]).to.include({year: 2027, requestedFen: 30 * WAN, completedBeforeFen: 30 * WAN})
    const text = await cli(['project', 'show', '2026-0001'])
    expect(text.stdout).to.contain('年度资金申请').and.contain('2027 年度：30.00 万元（截至上年底累计完成 30.00 万元')
    const again = await ok<{files: Array<{continued: number; unchanged: number}>}>(['import', file])
    expect(again.files[0]).to.include({continued: 0, unchanged: 2})
    // by unit and normalised name, with no number at all
    const byName = await ok<{files: Array<{continuedIds: string[]}>}>(['import', write('by-name.csv', [HEAD, ',2028,市城管局,数字城管平台,续建,业务系统,服务,24,70,70,65,0.01,2027-11-20'])])
    expect(byName.files[0].continuedIds).to.deep.equal(['2026-0002'])
    const log = await cli(['audit', 'log', '--project', '2026-0002'])
    expect(log.stdout).to.contain('2027 年度续建申请 30.00 万元').and.contain('2028 年度续建申请 0.01 万元')
  })

  it('a 续建 of an earlier year enters the new plan as the same project, with that year\'s figure and no new review', async () => {
    await ok(['import', write('2027.csv', [HEAD, 'MZ-2026-01,2027,市民政局,养老服务平台,续建,业务系统,服务,24,60,60,30,30,2026-11-20', ',2027,市教育局,教育城域网,续建,基础设施,服务,36,300,300,120,60,2026-11-20', ',2027,市卫健委,全民健康平台,新建,业务系统,服务,12,70,70,,,2026-11-20'])])
    const all = await ok<Project[]>(['project', 'list'])
    const older = all.find((p) => p.name === '教育城域网')!
    expect(older, 'a 续建 with nothing to continue is registered').to.include({planYear: 2027, nature: 'continuing', reviewedBeforeRegister: true})
    const built = await cli(['plan', 'build', '--year', '2027', '--json'])
    expect(built.code, built.stderr).to.equal(0)
    const plan = JSON.parse(built.stdout) as {included: string[]; totals: {all: {annualPlanFen: number; count: number}}; notices: Array<{code: string; message: string}>}
    expect(plan.included).to.include('2026-0001').and.include(older.id)
    // 30 (2026-0001's request of 2027) + 60 (教育城域网) + 70 (全民健康平台: the fiscal funds)
    expect(plan.totals.all).to.include({count: 3, annualPlanFen: 160 * WAN})
    // 2026-0002 is still being built and asked nothing of 2027
    expect(plan.notices.map((n) => n.message).join('\n')).to.contain('2026-0002“数字城管平台”（市城管局）仍在建设，但没有申报 2027 年度资金')
    await ok(['plan', 'approve', '--year', '2027', '--by', '领导小组', '--doc', '郴数政组〔2027〕1号', '--date', '2027-01-20'])
    await ok(['plan', 'approve', '--year', '2027', '--by', '市人民政府', '--doc', '郴政函〔2027〕5号', '--date', '2027-02-02'])
    const continued = await ok<Project>(['project', 'show', '2026-0001'])
    expect(continued.status, 'its stage is its own, not the new plan\'s').to.equal('in-construction')
    expect(continued.stages).to.deep.equal([])
    const pre = await ok<Project>(['project', 'show', older.id])
    expect(pre.status, 'reviewed before the register: nothing to review').to.equal('cleared')
    expect(pre.stages).to.deep.equal([])
    const shown = await ok<{included: string[]; totals: {all: {annualPlanFen: number}}}>(['plan', 'show', '--year', '2027'])
    expect(shown.totals.all.annualPlanFen).to.equal(160 * WAN)
    // the 2026 plan keeps its own figure for the project
    const plan2026 = await ok<{totals: {all: {annualPlanFen: number}}}>(['plan', 'show', '--year', '2026'])
    expect(plan2026.totals.all.annualPlanFen).to.equal(65 * WAN)
    const text = await cli(['project', 'show', older.id])
    expect(text.stdout).to.contain('续建项目，评审在登记簿建立前已完成')
    // show reads only the project's year and the years whose plans name it (DESIGN §17): both budgets are there
    const both = await cli(['project', 'show', '2026-0001'])
    expect(both.stdout).to.contain('2026 年度预算：年度计划投资').and.contain('2027 年度预算：年度计划投资 30.00 万元')
  })

  it('the plan workbook has a section per kind (续建, 新建, 运维) by track, with subtotals and the year\'s planned total to the 分', async () => {
    await ok(['system', 'import', write('台账.csv', ['系统名称,建设单位,数据共享', '民政综合业务系统,市民政局,是'])])
    await ok(['import', write('2027.csv', [HEAD, 'MZ-2026-01,2027,市民政局,养老服务平台,续建,业务系统,服务,24,60,60,29.99,30.01,2026-11-20', ',2027,市教育局,教育城域网,续建,基础设施,服务,36,300,300,120,60.5,2026-11-20', ',2027,市卫健委,全民健康平台,新建,业务系统,服务,12,70,70,,,2026-11-20'])])
    await ok(['import', write('运维.csv', ['申报年度,项目建设单位,项目名称,项目类别,建设性质,项目类型,总投资（万元）,其中：市本级财政资金（万元）,运维对象系统,申报日期', '2027,市民政局,民政业务系统运维,运维类,新建,业务系统,12.34,12.34,民政综合业务系统,2026-11-20'])])
    await ok(['plan', 'build', '--year', '2027'])
    await ok(['plan', 'approve', '--year', '2027', '--by', '领导小组', '--doc', '郴数政组〔2027〕1号', '--date', '2027-01-20'])
    await ok(['plan', 'approve', '--year', '2027', '--by', '市人民政府', '--doc', '郴政函〔2027〕5号', '--date', '2027-02-02'])
    const out = path.join(t.dir, '2027年度计划.xlsx')
    await ok(['plan', 'export', '--year', '2027', '--out', out])
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.getWorksheet('年度计划')!
    const headers = (ws.getRow(3).values as unknown[]).slice(1)
    const col = (h: string) => headers.indexOf(h) + 1
    expect(col('截至上年底累计完成投资')).to.be.greaterThan(0)
    const fen = (v: unknown) => (v === null || v === undefined ? 0 : Math.round(Number(v) * WAN))
    const rows: Array<{first: string; id: unknown; annual: number; completed: number}> = []
    ws.eachRow((row, r) => {
      if (r > 3) rows.push({first: String(row.getCell(1).value ?? ''), id: row.getCell(col('项目编号')).value, annual: fen(row.getCell(col('本年度计划投资')).value), completed: fen(row.getCell(col('截至上年底累计完成投资')).value)})
    })
    const firsts = rows.map((r) => r.first)
    expect(firsts.filter((f) => /^[一二三]、/.test(f))).to.deep.equal(['一、续建项目（2项）', '二、新建项目（1项）', '三、运维项目（1项）'])
    expect(firsts).to.include('续建项目小计').and.include('新建项目小计').and.include('运维项目小计')
    // the continuation shows its 2027 figures, not its first year's
    const line = rows.find((r) => r.id === '2026-0001')!
    expect(line).to.include({annual: 30_010_000, completed: 29_990_000})
    const lines = rows.filter((r) => typeof r.id === 'string' && /^\d{4}-\d{4}$/.test(r.id))
    const sum = lines.reduce((a, r) => a + r.annual, 0)
    // 30.01 + 60.5 + 70 + 12.34 万元
    expect(sum).to.equal(172_850_000)
    expect(rows.find((r) => r.first === '合计')!.annual, 'the year\'s planned investment: the figure leaders approve').to.equal(sum)
    const subtotal = (name: string) => rows.find((r) => r.first === name)!.annual
    expect(subtotal('续建项目小计')).to.equal(30_010_000 + 60_500_000)
    expect(subtotal('运维项目小计')).to.equal(12_340_000)
    const plan = await ok<{totals: {all: {annualPlanFen: number}; bySection: Record<string, {count: number; annualPlanFen: number}>}}>(['plan', 'show', '--year', '2027'])
    expect(plan.totals.all.annualPlanFen).to.equal(sum)
    expect(plan.totals.bySection.continuing).to.include({count: 2, annualPlanFen: 90_510_000})
  })

  it('refuses a 续建 naming an id the register does not have: exit 3 at its row and column, nothing written', async () => {
    const before = snapshot()
    const r = await cli(['import', write('bad.csv', [HEAD, '2026-0099,2027,市民政局,养老服务平台,续建,业务系统,服务,24,60,60,30,30,2026-11-20'])])
    expect(r.code, r.stderr).to.equal(3)
    expect(r.stdout + r.stderr).to.contain('bad.csv 工作表“bad.csv” 第 2 行 A 列：项目编号 2026-0099 不在登记簿中')
    expect(r.stdout + r.stderr).to.not.match(/\n\s+at /)
    expect(snapshot(), 'nothing written').to.equal(before)
  })

  it('refuses a 续建 of a project that has ended (withdrawn): exit 3 at its row, nothing written', async () => {
    const ended = await ok<Project>(['project', 'add', ...projectFlags({unit: '市民政局', name: '社区养老驿站', year: '2026', total: '20万', 'declared-on': '2025-11-20'})])
    await ok(['project', 'withdraw', ended.id, '--confirm', ended.id])
    const before = snapshot()
    const r = await cli(['import', write('ended.csv', [HEAD, ',2027,市民政局,社区养老驿站,续建,业务系统,服务,24,20,20,10,10,2026-11-20'])])
    expect(r.code, r.stderr).to.equal(3)
    expect(r.stdout + r.stderr).to.contain(`ended.csv 工作表“ended.csv” 第 2 行 A 列：续建的原项目 ${ended.id}“社区养老驿站”状态为“已撤回”，不能再申请 2027 年度资金`)
    expect(snapshot(), 'nothing written').to.equal(before)
  })

  it('project add --nature 续建 --declaration-no <id> records the year\'s request on the project it continues', async () => {
    const r = await cli(['project', 'add', ...projectFlags({unit: '市民政局', name: '养老服务平台', nature: '续建', year: '2027', 'declaration-no': '2026-0001', total: '60万', 'completed-before': '30万', 'annual-plan': '30万', 'declared-on': '2026-11-20'})])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.contain('已为项目 2026-0001“养老服务平台”登记 2027 年度续建申请 30.00 万元')
    expect((await ok<Project[]>(['project', 'list'])).map((p) => p.id)).to.deep.equal(['2026-0001', '2026-0002'])
    const again = await refused(['project', 'add', ...projectFlags({unit: '市民政局', name: '养老服务平台', nature: '续建', year: '2027', 'declaration-no': '2026-0001', total: '60万', 'completed-before': '30万', 'annual-plan': '30万'})], 4)
    expect(again.text).to.contain('2026-0001')
  })
})

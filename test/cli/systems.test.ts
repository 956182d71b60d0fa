// Issue 17, steps 3 and 4: the systems inventory (信息系统台账) through the CLI — imported with the declarations'
// header-finding reader, idempotently; every accepted project joins it; an O&M project of a system that does not
// share its data is flagged no-data-sharing and kept out of the plan with the Art. 12 reason (DESIGN §12).
import {expect} from 'chai'
import ExcelJS from 'exceljs'
import path from 'node:path'
import {commandsOn, initRegister, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {InventorySystem, Project} from '../../src/core/domain/types.js'

interface ImportJson {
  files: Array<{file: string; created: number; updated: number; unchanged: number; createdIds: string[]}>
  errors: Array<{file: string; sheet: string | null; row: number | null; column: string | null; message: string}>
}

describe('the systems inventory and O&M projects (issue 17, through the CLI)', function () {
  this.timeout(240_000)
  let t: TempRegister
  const {cli, ok, refused, snapshot, write} = commandsOn(() => t)

  /** An inventory the way an office keeps one: a title, a label block, synonyms, a year alone, 已共享/未共享. */
  async function officeWorkbook(): Promise<string> {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('系统台账')
    ws.addRow(['郴州市市直单位信息系统台账'])
    ws.addRow(['填报单位：市民政局', '', '', '填报日期：2026年11月5日'])
    ws.addRow(['序号', '信息系统名称', '系统类别', '建成时间', '是否上云', '数据是否共享', '系统简介'])
    ws.addRow([1, '社会救助信息系统', '业务系统', 2019, '是', '已共享', '低保、特困人员救助审批'])
    ws.addRow([2, '婚姻登记系统', '业务系统', '2020年6月', '否', '未共享', '婚姻登记业务办理'])
    const file = path.join(t.dir, '市民政局信息系统台账.xlsx')
    await wb.xlsx.writeFile(file)
    return file
  }

  beforeEach(async () => {
    t = tempRegister('itplan-systems-')
    await initRegister(t.dir, 2027)
  })
  afterEach(() => t.cleanup())

  it('imports an office inventory found by its headers, and a second import changes nothing', async () => {
    const file = await officeWorkbook()
    const csv = write('台账.csv', ['系统编号,系统名称,建设单位,上线时间,部署在政务云,数据共享', 'GA-001,警务综合平台,市公安局,2018-09-01,是,是'])
    const r = await ok<ImportJson>(['system', 'import', file, csv])
    expect(r.files.map((f) => [f.file, f.created])).to.deep.equal([['市民政局信息系统台账.xlsx', 2], ['台账.csv', 1]])
    const systems = await ok<InventorySystem[]>(['system', 'list'])
    const pick = (s: InventorySystem) => [s.id, s.name, s.unit, s.category, s.since, s.govCloud, s.dataSharing, s.description]
    expect(systems.map(pick)).to.deep.equal([
      ['SYS-0001', '社会救助信息系统', '市民政局', '业务系统', '2019-01-01', true, true, '低保、特困人员救助审批'],
      ['SYS-0002', '婚姻登记系统', '市民政局', '业务系统', '2020-06-01', false, false, '婚姻登记业务办理'],
      ['GA-001', '警务综合平台', '市公安局', null, '2018-09-01', true, true, null],
    ])
    expect(systems[0].source).to.include({file: '市民政局信息系统台账.xlsx', sheet: '系统台账', row: 4})
    const before = snapshot()
    const again = await ok<ImportJson>(['system', 'import', file, csv])
    expect(again.files.map((f) => f.unchanged)).to.deep.equal([2, 1])
    expect(snapshot(), 'an unchanged import writes nothing').to.equal(before)
    const text = await cli(['system', 'list', '--unit', '市民政局'])
    expect(text.stdout).to.contain('社会救助信息系统').and.contain('婚姻登记系统').and.not.contain('警务综合平台')
  })

  it('refuses a bad inventory whole: each bad cell at its file, sheet, row and column, exit 3, nothing written', async () => {
    const file = write('坏台账.csv', ['系统名称,建设单位,上线时间,数据共享', '社会救助信息系统,市民政局,2019,部分共享', ',市民政局,2020,是', '婚姻登记系统,市民政局,去年,是'])
    const before = snapshot()
    const r = await cli(['system', 'import', file])
    expect(r.code, r.stderr).to.equal(3)
    const out = r.stdout + r.stderr
    expect(out).to.contain('坏台账.csv 工作表“坏台账.csv” 第 2 行 D 列：').and.contain('部分共享')
    expect(out).to.contain('第 3 行 A 列：').and.contain('系统名称')
    expect(out).to.contain('第 4 行 C 列：').and.contain('去年')
    expect(out).to.contain('共 3 处错误，台账未导入')
    expect(out).to.not.match(/\n\s+at /)
    expect(snapshot(), 'nothing written').to.equal(before)
    const j = await cli(['system', 'import', file, '--json'])
    expect(j.code).to.equal(3)
    expect((JSON.parse(j.stdout) as ImportJson).errors.map((e) => [e.row, e.column])).to.deep.equal([[2, 'D'], [3, 'A'], [4, 'C']])
  })

  it('an O&M project names its system by number or name; an unknown one is refused at its row and column', async () => {
    await ok(['system', 'import', await officeWorkbook()])
    const head = '项目建设单位,项目名称,项目类别,建设性质,项目类型,总投资（万元）,其中：市本级财政资金（万元）,运维对象系统,申报日期'
    const bad = write('运维.csv', [head, '市民政局,救助系统运维,运维类,新建,业务系统,30,30,低保系统,2026-11-20'])
    const before = snapshot()
    const r = await cli(['import', bad])
    expect(r.code, r.stderr).to.equal(3)
    expect(r.stdout + r.stderr).to.contain('运维.csv 工作表“运维.csv” 第 2 行 H 列：运维对象系统“低保系统”不在信息系统台账中')
    expect(snapshot()).to.equal(before)
    await ok(['import', write('运维2.csv', [head, '市民政局,救助系统运维,运维类,新建,业务系统,30,30,社会救助信息系统,2026-11-20'])])
    const [p] = await ok<Project[]>(['project', 'list'])
    expect(p, 'kept as the system number').to.include({kind: 'operations', systemId: 'SYS-0001'})
    expect(p.flags).to.not.include('no-data-sharing')
    const unknown = await refused(['project', 'add', ...projectFlags({unit: '市民政局', name: '另一运维', kind: '运维类', system: 'SYS-0999', total: '20万'})], 2)
    expect(unknown.text).to.contain('运维对象系统“SYS-0999”不在信息系统台账中')
  })

  it('the O&M project of a system that does not share its data stays out of the plan (Art. 12) until the record is corrected', async () => {
    await ok(['system', 'import', await officeWorkbook()])
    const shared = await ok<Project>(['project', 'add', ...projectFlags({unit: '市民政局', name: '救助系统运维', kind: '运维类', system: '社会救助信息系统', total: '30万'})])
    const unshared = await ok<Project>(['project', 'add', ...projectFlags({unit: '市民政局', name: '婚姻登记系统运维', kind: '运维类', system: 'SYS-0002', total: '20万'})])
    expect(unshared.flags).to.include('no-data-sharing')
    const plan = await ok<{included: string[]; excluded: Array<{id: string; reasons: string[]}>}>(['plan', 'build', '--year', '2027'])
    expect(plan.included).to.deep.equal([shared.id])
    expect(plan.excluded.map((e) => e.id)).to.deep.equal([unshared.id])
    expect(plan.excluded[0].reasons).to.deep.equal(['运维对象系统数据未共享，不安排运维经费（第十二条）'])
    const text = await cli(['plan', 'show', '--year', '2027', '--draft'])
    expect(text.stdout).to.contain('婚姻登记系统运维').and.contain('第十二条')
    // the office corrects the record: the project's flag follows, journalled, and the plan takes it
    await ok(['system', 'update', 'SYS-0002', '--data-sharing', '是', '--doc', '郴数政办〔2027〕3号', '--date', '2026-12-01'])
    expect((await ok<Project>(['project', 'show', unshared.id])).flags).to.not.include('no-data-sharing')
    const rebuilt = await ok<{included: string[]}>(['plan', 'build', '--year', '2027'])
    expect(rebuilt.included).to.include(unshared.id)
    const shown = await cli(['system', 'show', 'SYS-0002'])
    expect(shown.stdout).to.contain('2026-12-01 数据共享：是（办公室更正）郴数政办〔2027〕3号').and.contain(`运维项目：${unshared.id}`)
    const log = await cli(['audit', 'log', '--project', unshared.id])
    expect(log.stdout).to.contain('数据未共享')
    // and back: recorded as not sharing, the flag returns
    await ok(['system', 'update', 'SYS-0002', '--data-sharing', '否', '--date', '2026-12-02'])
    expect((await ok<Project>(['project', 'show', unshared.id])).flags).to.include('no-data-sharing')
    const nothing = await refused(['system', 'update', 'SYS-0002', '--data-sharing', '否'], 4)
    expect(nothing.text).to.contain('SYS-0002')
    const badWord = await refused(['system', 'update', 'SYS-0002', '--data-sharing', '也许'], 2)
    expect(badWord.text).to.contain('也许')
  })

  it('every accepted project becomes a system of the inventory, its data sharing as the technical review found it', async () => {
    t.cleanup()
    t = tempRegister('itplan-systems-')
    await initRegister(t.dir, 2026)
    const p = await ok<Project>(['project', 'add', ...projectFlags({unit: '市教育局', name: '智慧校园平台', total: '30万', 'declared-on': '2025-11-20', summary: '校园安防与教务管理'})])
    await ok(['plan', 'build', '--year', '2026'])
    await ok(['plan', 'approve', '--year', '2026', '--by', '领导小组', '--doc', '郴数政组〔2026〕1号', '--date', '2026-01-20'])
    await ok(['plan', 'approve', '--year', '2026', '--by', '市人民政府', '--doc', '郴政函〔2026〕5号', '--date', '2026-02-02'])
    await ok(['construction', 'start', p.id, '--responsible', '李四', '--supervisor', '某监理公司', '--date', '2026-03-02'])
    await ok(['construction', 'complete', p.id, '--date', '2026-06-20'])
    await ok(['acceptance', 'preliminary', p.id, '--result', 'passed', '--date', '2026-06-21'])
    await ok(['acceptance', 'apply', p.id, '--date', '2026-06-22'])
    await ok(['acceptance', 'tech-review', p.id, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2026-06-23'])
    expect(await ok<InventorySystem[]>(['system', 'list'])).to.deep.equal([])
    await ok(['acceptance', 'expert', p.id, '--result', 'passed', '--date', '2026-06-30'])
    const [s] = await ok<InventorySystem[]>(['system', 'list'])
    expect(s).to.include({id: 'SYS-0001', name: '智慧校园平台', unit: '市教育局', since: '2026-06-30', govCloud: true, dataSharing: true, sourceProjectId: p.id, description: '校园安防与教务管理'})
    expect(s.sharingHistory).to.deep.equal([{date: '2026-06-30', dataSharing: true, documentNo: null, basis: 'acceptance'}])
    const log = await cli(['audit', 'log', '--project', p.id])
    expect(log.stdout).to.contain('验收通过，登记为信息系统 SYS-0001')
  })
})

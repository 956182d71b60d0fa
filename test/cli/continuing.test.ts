// Issue 17, step 1: the words of DESIGN §12 through the CLI — 项目类别 (建设类/运维类), 续建, 截至上年底累计完成投资 and
// 运维对象系统 in an imported file and in `project add` flags, and the refusals a clerk sees for bad rows.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import {commandsOn, initRegister, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project} from '../../src/core/domain/types.js'

const WAN = 1_000_000
const HEADER = '项目建设单位,项目名称,项目类别,建设性质,项目类型,采购类别,运维对象系统,总投资（万元）,其中：市本级财政资金（万元）,截至上年底累计完成投资（万元）,本年度申请资金（万元）'

describe('续建 and 运维: the words (issue 17, through the CLI)', function () {
  this.timeout(120_000)
  let t: TempRegister
  const {cli, ok, refused, snapshot} = commandsOn(() => t)
  const write = (name: string, lines: string[]) => {
    const file = path.join(t.dir, name)
    fs.writeFileSync(file, lines.join('\r\n') + '\r\n')
    return file
  }

  beforeEach(async () => {
    t = tempRegister('itplan-continuing-')
    await initRegister(t.dir, 2027)
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

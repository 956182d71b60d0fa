// `evaluate form` (issue 19, DESIGN §15): one 项目支出绩效自评表 per project, prefilled from the register, laid out
// as templates/evaluation.json says, print-ready on A4 portrait, with the project id printed for matching back.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import {commandsOn, initRegister, tempRegister, type TempRegister} from '../helpers/cli.js'
import {acceptedProjects} from '../helpers/evaluation.js'
import {cellText, readWorkbook} from '../helpers/workbooks.js'
import {expectConformingWorkbook} from '../helpers/workbook-conformance.js'
import type {EvaluateFormResult} from '../../src/commands/evaluate/form.js'

describe('itplan evaluate form (issue 19)', function () {
  this.timeout(120_000)
  let t: TempRegister
  let ids: string[] = []
  const commands = commandsOn(() => t)
  const {ok, refused} = commands

  before(async () => {
    t = tempRegister()
    await initRegister(t.dir, 2026)
    ids = await acceptedProjects(commands, [
      {unit: '市民政局', name: '养老服务平台', total: '35万', 'annual-plan': '30万', summary: '建设全市养老服务信息平台'},
      {unit: '市教育局', name: '智慧校园平台', total: '40万'},
    ])
    // a third project that is still declared: no form for it by --year
    await ok(['project', 'add', '--unit', '市水利局', '--name', '水情监测', '--nature', 'new', '--category', 'business', '--total', '20万', '--fiscal', '20万', '--year', '2026', '--declared-on', '2025-12-01'])
  })
  after(() => t.cleanup())

  it('--year writes one form per accepted project, prefilled, A4 portrait, conforming', async () => {
    const out = path.join(t.dir, '自评表')
    const r = await ok<EvaluateFormResult>(['evaluate', 'form', '--year', '2026', '--out', out])
    expect(r.files.map((f) => f.id)).to.deep.equal(ids)
    expect(fs.readdirSync(out).sort()).to.deep.equal([`${ids[0]}-养老服务平台-绩效自评表.xlsx`, `${ids[1]}-智慧校园平台-绩效自评表.xlsx`])
    const file = r.files[0].file
    const [sheet] = await expectConformingWorkbook(file)
    expect(sheet.pageSetup).to.include({paperSize: '9', orientation: 'portrait', fitToWidth: '1'})
    expect(sheet.header).to.contain(ids[0])
    const ws = (await readWorkbook(file)).getWorksheet('绩效自评表')!
    const cells = new Map<string, string>()
    ws.eachRow((row, r) => row.eachCell((c, col) => cells.set(`${r}:${col}`, cellText(c.value))))
    const text = [...cells.values()]
    expect(text[0]).to.equal('2026年度项目支出绩效自评表')
    const valueRightOf = (label: string) => {
      const at = [...cells.entries()].find(([, v]) => v === label)![0].split(':').map(Number)
      return cells.get(`${at[0]}:${at[1] + 1}`)
    }
    expect(valueRightOf('项目编号')).to.equal(ids[0])
    expect(valueRightOf('项目名称')).to.equal('养老服务平台')
    expect(valueRightOf('实施单位')).to.equal('市民政局')
    expect(valueRightOf('项目负责人')).to.equal('李四')
    // 年度资金总额: 年初预算数 and 全年预算数 are the year's planned investment in 万元; 全年执行数 is left to the unit
    const budgetRow = [...cells.entries()].find(([, v]) => v === '年度资金总额')![0].split(':').map(Number)[0]
    expect(ws.getRow(budgetRow).getCell(3).value).to.equal(30)
    expect(ws.getRow(budgetRow).getCell(4).value).to.equal(30)
    expect(ws.getRow(budgetRow).getCell(5).value).to.equal(null)
    expect(ws.getRow(budgetRow).getCell(6).value).to.equal(10)
    for (const w of ['产出指标（50分）', '效益指标（30分）', '满意度指标（10分）', '数量指标', '服务对象满意度指标', '一级指标', '偏差原因分析及改进措施', '总分', '评价等级', '评价结论', '存在问题', '改进措施']) expect(text, w).to.include(w)
    expect(text).to.include('建设全市养老服务信息平台')
    // 产出指标 is merged down over its four second-level rows
    const first = [...cells.entries()].find(([, v]) => v === '产出指标（50分）')![0].split(':').map(Number)[0]
    expect(sheet.merges.map((m) => m.ref)).to.include(`A${first}:A${first + 3}`)
  })

  it('named ids write their forms; a project not yet accepted is refused (exit 4), nothing written', async () => {
    const out = path.join(t.dir, 'named')
    const r = await ok<EvaluateFormResult>(['evaluate', 'form', ids[1], '--out', out])
    expect(r.files).to.have.length(1)
    const {error} = await refused(['evaluate', 'form', ids[0], '2026-0003', '--out', path.join(t.dir, 'refused')], 4)
    expect(error.code).to.equal('illegal-transition')
    expect(fs.existsSync(path.join(t.dir, 'refused'))).to.equal(false)
  })

  it('neither ids nor --year is a usage error (exit 2); an unknown id too', async () => {
    await refused(['evaluate', 'form'], 2)
    await refused(['evaluate', 'form', '2026-0099'], 2)
  })
})

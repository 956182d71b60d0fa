// `evaluate import` (issue 19, DESIGN §15): filled 绩效自评表 read back through the real binary — the tool's own form
// filled by openpyxl and by LibreOffice, and forms in the Sichuan, Hebei and Anhui layouts (test/fixtures/evaluation,
// made by make.py there) — recorded with the score, grade, conclusions and indicator rows and the Art. 20 consequences;
// every bad form refused with exit 3, naming file, sheet, row and label, and nothing written.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {REPO_ROOT, commandsOn, initRegister, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import {acceptedProjects, fillToolForm} from '../helpers/evaluation.js'
import type {EvaluateImportResult} from '../../src/commands/evaluate/import.js'
import type {Project} from '../../src/core/domain/types.js'

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'evaluation')
const EXPECTED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'EXPECTED.json'), 'utf8')) as {
  good: Record<string, {project: string; score: number; grade: string; indicators: number; budgetScore: number}>
  bad: Record<string, string[]>
}
const fixture = (name: string) => path.join(FIXTURES, name)

describe('itplan evaluate import (issue 19)', function () {
  this.timeout(180_000)
  let t: TempRegister
  const commands = commandsOn(() => t)
  const {cli, ok, refused} = commands

  before(async () => {
    t = tempRegister()
    await initRegister(t.dir, 2026)
    // the register make.py filled its forms for: ids 2026-0001 … 2026-0005
    const ids = await acceptedProjects(commands, [
      {unit: '市民政局', name: '养老服务平台', total: '35万'},
      {unit: '市教育局', name: '智慧校园平台', total: '40万'},
      {unit: '市卫生健康委员会', name: '全民健康信息平台', total: '60万'},
      {unit: '市交通运输局', name: '交通运行监测平台', total: '45万'},
      {unit: '市水利局', name: '水情监测预警系统', total: '50万'},
    ])
    expect(ids).to.deep.equal(['2026-0001', '2026-0002', '2026-0003', '2026-0004', '2026-0005'])
  })
  after(() => t.cleanup())

  for (const [file, fragments] of Object.entries(EXPECTED.bad)) {
    it(`refuses ${file}: exit 3, naming where and why, nothing written`, async () => {
      const {text, error} = await refused(['evaluate', 'import', fixture(file), '--date', '2027-01-20'], 3)
      expect(text).to.contain(file)
      for (const f of fragments) expect(text).to.contain(f)
      expect(error.code).to.equal('invalid-input')
    })
  }

  it('one bad form in a batch records none of the good ones', async () => {
    const {text} = await refused(['evaluate', 'import', fixture('hebei.xlsx'), fixture('bad-total-mismatch.xlsx'), '--date', '2027-01-20'], 3)
    expect(text).to.contain('bad-total-mismatch.xlsx').and.not.contain('hebei.xlsx 工作表')
  })

  it('the same project twice in one batch is refused, naming the earlier form', async () => {
    const {text} = await refused(['evaluate', 'import', fixture('anhui-openpyxl.xlsx'), fixture('anhui-libreoffice.xlsx'), '--date', '2027-01-20'], 3)
    expect(text).to.contain('anhui-libreoffice.xlsx').and.contain('项目 2026-0005 的自评表在本批中已有一份（anhui-openpyxl.xlsx')
  })

  it("a form whose printed id belongs to another project's name is refused: copied forms are not matched blindly", async () => {
    const {default: ExcelJS} = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(fixture('tool-openpyxl.xlsx'))
    wb.worksheets[0].getCell('B4').value = '智慧校园平台'
    const copied = path.join(t.dir, '复制的自评表.xlsx')
    await wb.xlsx.writeFile(copied)
    const {text} = await refused(['evaluate', 'import', copied], 3)
    expect(text).to.contain('第 4 行（项目名称）').and.contain('“智慧校园平台”与项目编号 2026-0001 登记的“养老服务平台”不一致')
  })

  it('a file that is not a workbook, or not found, is refused (exit 3 / 2)', async () => {
    const notes = path.join(t.dir, '说明.xlsx')
    fs.writeFileSync(notes, 'not a workbook')
    const {text} = await refused(['evaluate', 'import', notes], 3)
    expect(text).to.contain('说明.xlsx')
    await refused(['evaluate', 'import', path.join(t.dir, 'missing.xlsx')], 2)
  })

  it('the good forms import with the right score and grade, by printed id or by name and unit', async () => {
    const files = ['tool-openpyxl.xlsx', 'tool-libreoffice.xlsx', 'sichuan.xlsx', 'hebei.xlsx', 'anhui-openpyxl.xlsx']
    const r = await ok<EvaluateImportResult>(['evaluate', 'import', ...files.map(fixture), '--date', '2027-01-20'])
    expect(r.evaluations.map((e) => [e.file, e.projectId, e.score, e.grade])).to.deep.equal(files.map((f) => [f, EXPECTED.good[f].project, EXPECTED.good[f].score, EXPECTED.good[f].grade]))
    for (const f of files) {
      const want = EXPECTED.good[f]
      const p = await ok<Project>(['project', 'show', want.project])
      const e = p.evaluations.at(-1)!
      expect(e, f).to.include({date: '2027-01-20', score: want.score, grade: want.grade})
      expect(e.source).to.include({file: f})
      expect(e.indicators, f).to.have.length(want.indicators)
      expect(e.budget!.score, f).to.equal(want.budgetScore)
    }
    // what the Sichuan form said, as recorded: 执行率 "86%" as 0.86, 万元 as 分, the conclusions and an indicator row
    const sichuan = (await ok<Project>(['project', 'show', '2026-0003'])).evaluations.at(-1)!
    expect(sichuan.budget).to.include({initialFen: 60_000_000, executedFen: 51_600_000, rate: 0.86, weight: 10})
    expect(sichuan.conclusions).to.deep.equal({conclusion: '项目完成年度目标，绩效良好。', problems: '部分机构接口改造滞后。', measures: '督促接口改造，年底前全部接入。'})
    expect(sichuan.indicators![2]).to.deep.equal({level1: '产出指标', level2: '时效指标', level3: '按期完成率', target: '100%', actual: '100%', weight: 15, score: 14.5, deviation: '个别模块延期一周'})
    // Hebei's "/" row is kept, with no weight and no score; "8.5分" is 8.5
    const hebei = (await ok<Project>(['project', 'show', '2026-0004'])).evaluations.at(-1)!
    expect(hebei.indicators!.find((i) => i.level2 === '经济效益指标')).to.include({weight: null, score: null})
    expect(hebei.indicators!.at(-1)).to.include({level1: '满意度指标', level2: '服务对象满意度指标', score: 8.5, weight: 10})
    // the journal says which form the evaluation came from
    const log = await ok<Array<{action: string; change: {file?: string}}>>(['audit', 'log', '--project', '2026-0003'])
    expect(log.at(-1)).to.deep.include({action: 'evaluate'})
    expect(log.at(-1)!.change.file).to.equal('sichuan.xlsx')
  })

  it('the form LibreOffice saved again imports the same as the one openpyxl wrote (a second evaluation of 2026-0005)', async () => {
    const r = await ok<EvaluateImportResult>(['evaluate', 'import', fixture('anhui-libreoffice.xlsx'), '--date', '2027-01-21'])
    expect(r.evaluations[0]).to.include({projectId: '2026-0005', score: 75, grade: '中'})
    expect((await ok<Project>(['project', 'show', '2026-0005'])).evaluations).to.have.length(2)
  })

  it("the unit's weak result (市教育局, 55.5, 差) shows on its next declaration (Art. 20)", async () => {
    const next = await ok<Project>(['project', 'add', ...projectFlags({unit: '市教育局', name: '教育资源公共服务平台', total: '50万', 'declared-on': '2027-01-25'}), '--year', '2027'])
    expect(next.flags).to.include('weak-performance')
    expect((await cli(['project', 'show', next.id])).stdout).to.contain('绩效偏弱')
    const fine = await ok<Project>(['project', 'add', ...projectFlags({unit: '市民政局', name: '社区养老信息系统', total: '50万', 'declared-on': '2027-01-25'}), '--year', '2027'])
    expect(fine.flags).to.not.include('weak-performance')
  })

  it('a form saved as .xls (WPS and older Excel) is read through LibreOffice when soffice is on the PATH', async function () {
    if (spawnSync('soffice', ['--version']).status !== 0) this.skip()
    const profile = fs.mkdtempSync(path.join(t.dir, 'lo-'))
    const converted = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xls', '--outdir', t.dir, fixture('hebei.xlsx')], {timeout: 120_000})
    expect(converted.status).to.equal(0)
    const r = await ok<EvaluateImportResult>(['evaluate', 'import', path.join(t.dir, 'hebei.xls'), '--date', '2027-01-22'])
    expect(r.evaluations[0]).to.include({file: 'hebei.xls', projectId: '2026-0004', score: 81.8, grade: '良'})
  })

  it('evaluate ID --score still works, and the grade follows the score', async () => {
    const p = await ok<Project>(['evaluate', '2026-0004', '--score', '72', '--date', '2027-02-01'])
    expect(p.evaluations.at(-1)).to.deep.equal({date: '2027-02-01', score: 72, grade: '中'})
  })

  it('the tool writes a form, a clerk fills it, and it reads back (written by exceljs, edited by exceljs)', async () => {
    const out = path.join(t.dir, 'forms')
    await ok(['evaluate', 'form', '2026-0003', '--out', out])
    const file = path.join(out, fs.readdirSync(out)[0])
    await fillToolForm(file, {executed: 60, budgetScore: 10, rows: [[30, 28], [10, 10], [5, 5], [5, 5], [10, 9], [10, 9], [10, 10], [10, 9]], total: 95, grade: '优'})
    const r = await ok<EvaluateImportResult>(['evaluate', 'import', file, '--date', '2027-02-02'])
    expect(r.evaluations[0]).to.include({projectId: '2026-0003', score: 95, grade: '优'})
  })
})

// Issue 23 (DESIGN §18), through the real binary: a county office (桂阳县) makes its register with `init --region`,
// writes its declaration template, gets a filled copy back (xlsx, with exceljs as Excel would) and a CSV whose header
// says 县本级, imports them, composes and approves its plan with 县人民政府, records a 县委办 review, and exports the
// plan, acceptance and funds workbooks and the report: every title, file name, page header, instruction and 说明 line
// is the county's (nothing says 市本级), units are normalised with its name (桂阳县公安局 → 县公安局; the city's
// 郴州市公安局 stays as written), and the region cannot change once the register holds projects. A district (北湖区 →
// 区本级) and a county-level city (资兴市 → 市本级) get their own words; a register that names no region is the city.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import type ExcelJS from 'exceljs'
import {commandsOn, runCli, tempRegister, type TempRegister} from '../helpers/cli.js'
import {cellText, readWorkbook} from '../helpers/workbooks.js'
import {editHead, readRegisterData} from '../helpers/register-files.js'
import type {InitResult} from '../../src/commands/init.js'
import type {ConfigShowResult} from '../../src/commands/config/show.js'
import type {TemplateDeclarationResult} from '../../src/commands/template/declaration.js'
import type {PlanExportResult} from '../../src/commands/plan/export.js'
import type {Project} from '../../src/core/domain/types.js'

const MEASURES = '郴州市本级财政投资类信息化项目管理暂行办法'

/** The texts that name the city where a county register should not: the default measures' own title aside (a county
 * carries out the city measures until it names its own) and the city unit that declared to the county. */
const cityWords = (texts: string[], words = /市本级|市人民政府|本市|市政府/) => texts.map((x) => x.replaceAll(`《${MEASURES}》`, '').replaceAll('郴州市公安局', '')).filter((x) => words.test(x) || x.includes('郴州'))

/** Every text of a workbook: cells, page headers, notes, sheet names. */
function textsOf(wb: ExcelJS.Workbook): string[] {
  const texts: string[] = []
  wb.eachSheet((ws) => {
    texts.push(ws.name, ws.headerFooter?.oddHeader ?? '')
    ws.eachRow((row) =>
      row.eachCell((c) => {
        texts.push(cellText(c.value))
        if (c.note) texts.push(typeof c.note === 'string' ? c.note : (c.note.texts ?? []).map((x) => x.text).join(''))
      }),
    )
  })
  return texts
}

function headerRow(ws: ExcelJS.Worksheet, row: number): string[] {
  const out: string[] = []
  ws.getRow(row).eachCell({includeEmpty: true}, (c) => out.push(cellText(c.value)))
  return out
}

describe('region (issue 23): a county, a district and a county-level city use the tool without editing code', function () {
  this.timeout(300_000)

  describe('桂阳县: template, import, plan, reviews, exports and report at 县本级', () => {
    let t: TempRegister
    const {cli, ok, refused, write} = commandsOn(() => t)
    before(() => (t = tempRegister('itplan-region-county-')))
    after(() => t.cleanup())
    const file = (name: string) => path.join(t.dir, name)

    it('init --region 桂阳县 names the register and its level; config show --json shows both and the measures', async () => {
      const init = await ok<InitResult>(['init', '--region', '桂阳县', '--year', '2027'])
      expect(init).to.include({region: '桂阳县', level: '县本级', planYear: 2027})
      const text = await cli(['config', 'show'])
      expect(text.stdout).to.include('地区: 桂阳县（县本级）').and.include(`管理办法: 《${MEASURES}》`)
      const shown = await ok<ConfigShowResult>(['config', 'show'])
      expect(shown.settings).to.include({region: '桂阳县', level: '县本级', measuresName: MEASURES})
      expect(shown.rules.citations.approvalStandardFen).to.include('本县尚未公布')
      const data = readRegisterData(t.register)
      expect(data.settings.region).to.equal('桂阳县')
      expect(data.rules.stages.map((s) => s.department)).to.deep.equal(['县委办', '县委网信办', '县发改委', '县行政审批服务局', '县财政局'])
    })

    it('template declaration writes 桂阳县2027年度信息化项目申报表.xlsx, titled, headed and explained for 县本级', async () => {
      const r = await cli(['template', 'declaration', '--json'])
      expect(r.code, r.stderr).to.equal(0)
      const result = JSON.parse(r.stdout) as TemplateDeclarationResult
      expect(result.file).to.equal(file('桂阳县2027年度信息化项目申报表.xlsx'))
      const wb = await readWorkbook(result.file)
      expect(wb.title).to.equal('桂阳县2027年度县本级财政投资信息化项目申报表')
      const form = wb.getWorksheet('申报表')!
      expect(cellText(form.getCell('A1').value)).to.equal('桂阳县2027年度县本级财政投资信息化项目申报表')
      expect(headerRow(form, 3)).to.include('其中：县本级财政资金（万元）')
      expect(form.headerFooter.oddHeader).to.equal('&L桂阳县本级财政投资信息化项目申报表&R&A')
      const help = wb.getWorksheet('填表说明')!
      expect(cellText(help.getCell('A1').value)).to.equal('桂阳县本级财政投资类信息化项目申报表 填表说明')
      const texts = textsOf(wb)
      expect(texts.join('\n')).to.include(`《${MEASURES}》第二条`).and.include('全部或部分使用县本级财政资金建设')
      expect(cityWords(texts), 'nothing of the city level').to.deep.equal([])
      expect(texts.filter((x) => /\{(region|level|tier|measuresName)\}/.test(x))).to.deep.equal([])
    })

    it('the filled template and a CSV saying 其中：县本级财政资金 import; 桂阳县公安局 becomes 县公安局, 郴州市公安局 stays', async () => {
      const template = file('桂阳县2027年度信息化项目申报表.xlsx')
      const wb = await readWorkbook(template)
      const form = wb.getWorksheet('申报表')!
      const headers = headerRow(form, 3)
      const values: Record<string, string | number> = {
        项目建设单位: '桂阳县公安局',
        项目名称: '县域智慧警务平台',
        建设性质: '新建',
        项目类型: '业务系统',
        采购类别: '服务',
        '总投资（万元）': 120,
        '其中：县本级财政资金（万元）': 120,
        申报日期: '2026-12-10',
        主要建设内容: '建设全县警务数据汇聚和指挥调度平台',
        联系人: '张伟',
        联系电话: '0735-4421234',
      }
      for (const [header, value] of Object.entries(values)) {
        const i = headers.findIndex((h) => h === header || h === `${header}（必填）`)
        expect(i, header).to.be.at.least(0)
        form.getCell(4, i + 1).value = value
      }
      const filled = file('县公安局申报表.xlsx')
      await wb.xlsx.writeFile(filled)
      const csv = write('其他单位.csv', [
        '项目建设单位,项目名称,建设性质,项目类型,采购类别,总投资（万元）,其中：县本级财政资金（万元）,申报日期,主要建设内容',
        '郴州市公安局,市局警务协同节点,新建,业务系统,服务,30,30,2026-12-11,市局在县的协同节点',
        '桂阳县教育局,智慧校园,新建,业务系统,服务,40,40,2026-12-11,全县中小学智慧校园',
      ])
      const imported = await cli(['import', filled, csv, '--received-on', '2026-12-15'])
      expect(imported.code, imported.stdout + imported.stderr).to.equal(0)
      const projects = await ok<Project[]>(['project', 'list', '--year', '2027'])
      expect(projects.map((p) => [p.unit, p.name])).to.deep.equal([
        ['县公安局', '县域智慧警务平台'],
        ['郴州市公安局', '市局警务协同节点'],
        ['县教育局', '智慧校园'],
      ])
      expect(projects[0].fiscalFundsFen).to.equal(120 * 1_000_000)
      // a clerk filters by the name as the unit writes it
      const byUnit = await ok<Project[]>(['project', 'list', '--unit', '桂阳县公安局'])
      expect(byUnit.map((p) => p.name)).to.deep.equal(['县域智慧警务平台'])
      // the same declaration again is the same project: matched in the register's normal form
      const again = await ok<{files: Array<{created: number; unchanged: number}>}>(['import', filled, '--received-on', '2026-12-15'])
      expect(again.files[0]).to.include({created: 0, unchanged: 1})
    })

    it('config set region is refused once projects exist (exit 4, a Chinese message, nothing written)', async () => {
      const {text, error} = await refused(['config', 'set', 'region', '北湖区'], 4)
      expect(text).to.include('登记簿已有 3 条项目').and.include('itplan init --region 北湖区')
      expect(error.code).to.equal('region.heldUnits')
      await refused(['config', 'set', 'region', '桂阳'], 2)
    })

    it('the plan is approved by 县人民政府 and a review recorded with the 县委办 stage word', async () => {
      await ok(['plan', 'build', '--year', '2027'])
      await ok(['plan', 'approve', '--year', '2027', '--by', '领导小组', '--doc', '桂数政组〔2027〕1号', '--date', '2027-01-15'])
      const approved = await cli(['plan', 'approve', '--year', '2027', '--by', '县人民政府', '--doc', '桂政函〔2027〕8号', '--date', '2027-01-20'])
      expect(approved.code, approved.stderr).to.equal(0)
      expect(approved.stdout).to.include('县人民政府已批准')
      const reviews = await ok<Array<{projectId: string; department: string}>>(['review', 'list'])
      // the pre-reviews open first; the 县行政审批服务局 and 县财政局 stages follow them
      expect([...new Set(reviews.map((r) => r.department))]).to.have.members(['县委办', '县委网信办'])
      const police = reviews.find((r) => r.department === '县委办')!.projectId
      const recorded = await cli(['review', 'record', police, '--stage', '县委办前置审查', '--result', '通过', '--date', '2027-01-28'])
      expect(recorded.code, recorded.stderr).to.equal(0)
      expect(recorded.stdout).to.include('县委办前置审查')
    })

    it('plan export writes 桂阳县2027年度信息化项目计划表.xlsx: titles, headers, page headers and 说明 at 县本级', async () => {
      const r = await cli(['plan', 'export', '--year', '2027', '--json'])
      expect(r.code, r.stderr).to.equal(0)
      const result = JSON.parse(r.stdout) as PlanExportResult
      expect(result.file).to.equal(file('桂阳县2027年度信息化项目计划表.xlsx'))
      const wb = await readWorkbook(result.file)
      const plan = wb.worksheets[0]
      expect(cellText(plan.getCell('A1').value)).to.equal('桂阳县2027年度县本级财政投资信息化项目计划表')
      expect(plan.headerFooter.oddHeader).to.equal('&L桂阳县本级财政投资信息化项目年度计划&R&A')
      const texts = textsOf(wb)
      const all = texts.join('\n')
      expect(all).to.include('其中：县本级财政资金').and.include('桂阳县2027年度县本级财政投资信息化项目计划汇总表').and.include('县人民政府批准时的数据')
      expect(all).to.include('桂阳县2027年度县本级财政投资信息化项目计划表说明').and.include('县本级财政资金合计').and.include('县委办')
      expect(cityWords(texts), 'nothing of the city').to.deep.equal([])
      expect(texts.filter((x) => /\{(region|level|tier|measuresName)\}/.test(x))).to.deep.equal([])
    })

    it('acceptance and funds exports are named and titled for 桂阳县', async () => {
      for (const [args, name, title] of [
        [['acceptance', 'export', '--year', '2027'], '桂阳县2027年度信息化项目验收备案表.xlsx', '桂阳县2027年度县本级财政投资信息化项目验收备案表'],
        [['funds', 'export', '--year', '2027'], '桂阳县2027年度信息化项目资金执行情况表.xlsx', '桂阳县2027年度县本级财政投资信息化项目资金执行情况表'],
      ] as const) {
        const r = await ok<{file: string}>([...args])
        expect(r.file).to.equal(file(name))
        const wb = await readWorkbook(r.file)
        expect(cellText(wb.worksheets[0].getCell('A1').value)).to.equal(title)
        const texts = textsOf(wb)
        expect(cityWords(texts), name).to.deep.equal([])
      }
    })

    it('the report (text and --html) is titled for 桂阳县 at 县本级, in English too', async () => {
      const html = file('报告.html')
      const r = await cli(['report', '--year', '2027', '--as-of', '2027-03-01', '--html', html])
      expect(r.code, r.stderr).to.equal(0)
      expect(r.stdout).to.include('桂阳县 2027 年度县本级财政投资信息化项目汇总').and.include('其中县本级财政资金')
      const page = fs.readFileSync(html, 'utf8')
      expect(page).to.match(/<title>桂阳县 2027 年度县本级财政投资信息化项目汇总/)
      expect(cityWords([page])).to.deep.equal([])
      const en = await cli(['report', '--year', '2027', '--lang', 'en'])
      expect(en.stdout).to.include('桂阳县 IT projects funded at 县本级, plan year 2027')
    })

    it('config set measures-name names the county measures in the template instructions and citations', async () => {
      const set = await cli(['config', 'set', 'measures-name', '《桂阳县本级财政投资类信息化项目管理办法》'])
      expect(set.code, set.stderr).to.equal(0)
      const shown = await ok<ConfigShowResult>(['config', 'show'])
      expect(shown.settings.measuresName).to.equal('桂阳县本级财政投资类信息化项目管理办法')
      expect(shown.rules.citations.approvalStandardFen).to.include('《桂阳县本级财政投资类信息化项目管理办法》')
      const out = file('新模板.xlsx')
      await ok(['template', 'declaration', '--out', out])
      const all = textsOf(await readWorkbook(out)).join('\n')
      expect(all).to.include('《桂阳县本级财政投资类信息化项目管理办法》第二条').and.not.include(MEASURES)
      await refused(['config', 'set', 'measures-name', '《甲》《乙》'], 2)
    })

    it("the reminders go to 县委办 from the county's office, citing its measures; the dossier is headed for 桂阳县", async () => {
      const remind = await cli(['review', 'remind', '--as-of', '2027-03-15', '--out', file('催办单')])
      expect(remind.code, remind.stderr).to.equal(0)
      const notes = fs.readdirSync(file('催办单'))
      expect(notes).to.include('催办单-县委网信办-2027-03-15.xlsx')
      const all = textsOf(await readWorkbook(path.join(file('催办单'), '催办单-县委网信办-2027-03-15.xlsx'))).join('\n')
      expect(all).to.include('桂阳县“数字政府”建设领导小组办公室').and.include('根据《桂阳县本级财政投资类信息化项目管理办法》第九条')
      const [police] = await ok<Project[]>(['project', 'list', '--unit', '县公安局'])
      await ok(['project', 'dossier', police.id, '--out', file('档案.xlsx')])
      const dossier = await readWorkbook(file('档案.xlsx'))
      expect(dossier.worksheets[0].headerFooter.oddHeader).to.equal('&L桂阳县本级财政投资信息化项目档案&R&A')
      expect(textsOf(dossier)).to.include('其中：县本级财政资金')
    })

    it("a rejected file's error workbook carries the county's page header", async () => {
      const bad = write('有错.csv', ['项目建设单位,项目名称,建设性质,项目类型,采购类别,总投资（万元）,其中：县本级财政资金（万元）', '桂阳县水利局,水利平台,新建,业务系统,服务,10,20'])
      const r = await cli(['import', bad, '--received-on', '2026-12-15'])
      expect(r.code).to.equal(3)
      const wb = await readWorkbook(file('有错.errors.xlsx'))
      expect(wb.worksheets[0].headerFooter.oddHeader).to.equal('&L桂阳县本级财政投资信息化项目申报表 退回修改&R&A')
      expect(textsOf(wb).join('\n')).to.include('县本级财政资金不能大于总投资')
    })
  })

  for (const {region, level, unit, normalised} of [
    {region: '北湖区', level: '区本级', unit: '北湖区教育局', normalised: '区教育局'},
    {region: '资兴市', level: '市本级', unit: '资兴市财政局', normalised: '市财政局'},
  ]) {
    describe(`${region}: ${level}`, () => {
      let t: TempRegister
      const {cli, ok, write} = commandsOn(() => t)
      before(() => (t = tempRegister('itplan-region-other-')))
      after(() => t.cleanup())

      it(`init, template, import (${unit} → ${normalised}), plan export, all at ${level}`, async () => {
        expect(await ok<InitResult>(['init', '--region', region, '--year', '2027'])).to.include({region, level})
        const template = await ok<TemplateDeclarationResult>(['template', 'declaration'])
        expect(path.basename(template.file)).to.equal(`${region}2027年度信息化项目申报表.xlsx`)
        const wb = await readWorkbook(template.file)
        expect(cellText(wb.worksheets[0].getCell('A1').value)).to.equal(`${region}2027年度${level}财政投资信息化项目申报表`)
        expect(headerRow(wb.worksheets[0], 3)).to.include(`其中：${level}财政资金（万元）`)
        const csv = write('申报.csv', [`项目建设单位,项目名称,建设性质,项目类型,采购类别,总投资（万元）,其中：${level}财政资金（万元）,申报日期`, `${unit},数据平台,新建,数据系统,服务,50,50,2026-12-10`])
        const imported = await cli(['import', csv, '--received-on', '2026-12-15'])
        expect(imported.code, imported.stderr).to.equal(0)
        const [p] = await ok<Project[]>(['project', 'list'])
        expect(p.unit).to.equal(normalised)
        await ok(['plan', 'build', '--year', '2027'])
        const exported = await ok<PlanExportResult>(['plan', 'export', '--year', '2027', '--draft'])
        expect(path.basename(exported.file)).to.equal(`${region}2027年度信息化项目计划表.xlsx`)
        const plan = await readWorkbook(exported.file)
        expect(cellText(plan.worksheets[0].getCell('A1').value)).to.equal(`${region}2027年度${level}财政投资信息化项目计划表`)
        const shown = await ok<ConfigShowResult>(['config', 'show'])
        expect(shown.settings).to.include({region, level})
      })
    })
  }

  describe('the city, and names that are not a region', () => {
    let t: TempRegister
    const {cli, ok, refused} = commandsOn(() => t)
    beforeEach(() => (t = tempRegister('itplan-region-city-')))
    afterEach(() => t.cleanup())

    it('init --region refuses a name that is not a county, district or city (exit 2), and writes no register', async () => {
      for (const bad of ['桂阳', 'Guiyang县', '', '郴州市本级']) {
        const r = await runCli(['init', '--region', bad, '--register', t.register], {cwd: t.dir})
        expect(r.code, bad).to.equal(2)
        expect(r.stderr).to.match(/参数 --region 的值“.*”无效：地区名称/).and.not.match(/\n\s+at /)
        expect(fs.existsSync(t.register)).to.equal(false)
      }
    })

    it('a register that names no region is the city: settings keep no region, titles and files say 郴州市 at 市本级', async () => {
      await ok(['init', '--year', '2027'])
      const data = readRegisterData(t.register)
      expect(data.settings).to.not.have.property('region')
      const shown = await ok<ConfigShowResult>(['config', 'show'])
      expect(shown.settings).to.include({region: '郴州市', level: '市本级', measuresName: MEASURES})
      const template = await ok<TemplateDeclarationResult>(['template', 'declaration'])
      expect(path.basename(template.file)).to.equal('郴州市2027年度信息化项目申报表.xlsx')
      expect(cellText((await readWorkbook(template.file)).worksheets[0].getCell('A1').value)).to.equal('郴州市2027年度市本级财政投资信息化项目申报表')
      await ok(['project', 'add', '--unit', '郴州市公安局', '--name', '智慧警务平台', '--nature', 'new', '--category', 'business', '--procurement-category', 'services', '--total', '50万', '--fiscal', '50万', '--declared-on', '2026-11-20'])
      const [p] = await ok<Project[]>(['project', 'list'])
      expect(p.unit).to.equal('市公安局')
    })

    it('a register file whose region was edited into something that is not one is a register problem (exit 6), left as it is', async () => {
      await ok(['init', '--year', '2027'])
      editHead(t.register, (head) => ((head.settings as Record<string, unknown>).region = '桂阳'))
      const before = fs.readFileSync(t.register, 'utf8')
      const r = await cli(['config', 'show'])
      expect(r.code).to.equal(6)
      expect(r.stderr).to.include(t.register).and.not.match(/\n\s+at /)
      expect(fs.readFileSync(t.register, 'utf8')).to.equal(before)
    })

    it('config set region on a register without projects moves it to the county, its reviewers included', async () => {
      await ok(['init', '--year', '2027'])
      const set = await ok<{from: string; to: string}>(['config', 'set', 'region', '桂阳县'])
      expect(set).to.include({from: '郴州市', to: '桂阳县'})
      const said = await cli(['config', 'set', 'region', '北湖区'])
      expect(said.stdout).to.include('本登记簿属于北湖区（区本级）')
      await ok(['config', 'set', 'region', '桂阳县'])
      const data = readRegisterData(t.register)
      expect(data.settings.region).to.equal('桂阳县')
      expect(data.rules.stages.map((s) => s.department)).to.include('县财政局')
      const audit = await cli(['audit', 'log', '--json'])
      expect(audit.stdout).to.include('"region"')
      await refused(['config', 'set', 'region', 'abc'], 2)
    })
  })
})

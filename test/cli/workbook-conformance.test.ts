// Every workbook the tool writes (issue 15), made by the real CLI on one register: the declaration template, the
// plan export (the approved version, and --version 1), the acceptance filing export and an import's error
// workbook. Each is checked at the XML level by test/helpers/workbook-conformance.ts — no overlapping merges or
// data validations, A4/A3 fit to width, page header/footer with section codes, valid sheet names — so a future
// export cannot regress; and what the clerk saw besides: no DeprecationWarning on the terminal, the 汇总 shares
// of the whole plan, a 说明 that no longer calls a confirmed 立项金额标准 an assumption.
import {expect} from 'chai'
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import {commandsOn, runCli, tempRegister, type CliResult, type TempRegister} from '../helpers/cli.js'
import {expectConformingWorkbook, readSheetsXml} from '../helpers/workbook-conformance.js'
import {cellText, readWorkbook} from '../helpers/workbooks.js'
import type {Project} from '../../src/core/domain/types.js'

const YEAR = 2027

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}
const SOFFICE = onPath('soffice')

function sheetText(ws: ExcelJS.Worksheet): string {
  let out = ''
  ws.eachRow((row) => (out += (row.values as ExcelJS.CellValue[]).map(cellText).join(' | ') + '\n'))
  return out
}

/** The pages LibreOffice prints the workbook on, and the size of the first (points). */
function printedPages(file: string, outDir: string): {pages: number; width: number; height: number} {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, file], {stdio: 'ignore', timeout: 120_000})
  const pdf = fs.readFileSync(path.join(outDir, path.basename(file).replace(/\.xlsx$/, '.pdf')), 'latin1')
  const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)
  return {pages, width: Number(box?.[1]), height: Number(box?.[2])}
}

describe('every workbook the tool writes conforms (issue 15, through the CLI)', function () {
  this.timeout(240_000)
  let t: TempRegister
  const {ok} = commandsOn(() => t)
  const file = (name: string) => path.join(t.dir, name)
  const runs: Record<string, CliResult> = {}
  const id: Record<string, string> = {}

  async function run(key: string, args: string[]): Promise<CliResult> {
    const r = await runCli([...args, '--register', t.register], {cwd: t.dir})
    expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).to.be.oneOf(key === 'import' ? [3] : [0])
    runs[key] = r
    return r
  }

  before(async () => {
    t = tempRegister('itplan-conformance-')
    await run('init', ['init', '--year', String(YEAR)])
    // the office confirms the approval standard (100 万元), so no export may call it an assumption any more
    await ok(['config', 'set', 'approval-standard', '100万'])
    // 520 + 1,200 + 30 + 33.47 = 1,783.47 万元; the 520 project is both a key-area and a major project
    const add = async (key: string, unit: string, name: string, total: string, category = 'services') => {
      const p = await ok<Project>(['project', 'add', '--unit', unit, '--name', name, '--nature', 'new', '--category', 'business', '--procurement-category', category, '--total', total, '--fiscal', total, '--declared-on', '2026-11-20'])
      id[key] = p.id
    }
    await add('key', '市公安局', '智慧警务平台', '520万')
    await add('big', '市数据资源局', '城市大脑中枢', '1200万', 'works')
    await add('small', '市教育局', '智慧校园', '30万')
    await add('other', '市民政局', '养老服务平台', '33.47万')
    await ok(['plan', 'build', '--year', String(YEAR), '--key-area', id.key, '--major', id.key])
    await ok(['plan', 'approve', '--year', String(YEAR), '--by', 'leading-group', '--doc', '郴数政组〔2027〕3号', '--date', '2027-01-15'])
    await ok(['plan', 'approve', '--year', String(YEAR), '--by', 'government', '--doc', '郴政函〔2027〕8号', '--date', '2027-01-20'])
    // the small project goes from construction to filing, for the acceptance export
    const filing: string[][] = [
      ['construction', 'start', '--responsible', '李明', '--supervisor', '湖南省信息工程监理有限公司', '--date', '2027-03-01'],
      ['construction', 'complete', '--actual', '28万', '--date', '2027-08-30'],
      ['acceptance', 'preliminary', '--result', 'passed', '--date', '2027-09-10'],
      ['acceptance', 'apply', '--date', '2027-09-15'],
      ['acceptance', 'tech-review', '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2027-09-24'],
      ['acceptance', 'expert', '--result', 'passed', '--date', '2027-10-12'],
      ['acceptance', 'file', '--doc', '郴数政办备〔2027〕15号', '--date', '2027-10-20'],
    ]
    for (const [topic, verb, ...flags] of filing) await ok([topic, verb, id.small, ...flags])

    await run('template', ['template', 'declaration', '--out', file('申报表模板.xlsx')])
    await run('plan', ['plan', 'export', '--year', String(YEAR), '--out', file('计划表.xlsx')])
    await run('planV1', ['plan', 'export', '--year', String(YEAR), '--version', '1', '--out', file('计划表（第1版）.xlsx')])
    await run('acceptance', ['acceptance', 'export', '--year', String(YEAR), '--out', file('验收备案表.xlsx')])
    // a unit's file with one bad row: the import refuses it and writes the error workbook beside it
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('申报表')
    ws.addRow(['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）', '其中：市本级财政资金（万元）'])
    ws.addRow(['市城管局', '数字城管', '新建', '业务系统', '服务', 60, 60])
    ws.addRow(['市城管局', '智慧环卫', '新建', '平台类', '服务', 45, 45])
    await wb.xlsx.writeFile(file('城管局.xlsx'))
    await run('import', ['import', file('城管局.xlsx'), '--received-on', '2026-12-15'])
  })
  after(() => t.cleanup())

  it('the declaration template: one validation range per column (none overlapping), A3 landscape fit to width, header row on every page, header and footer', async () => {
    const sheets = await expectConformingWorkbook(file('申报表模板.xlsx'), {申报表: '3:3'})
    const form = sheets.find((s) => s.name === '申报表')!
    expect(form.pageSetup).to.include({paperSize: '8', orientation: 'landscape', fitToWidth: '1', fitToHeight: '0'})
    expect(form.footer).to.equal('&C第 &P 页，共 &N 页')
    expect(form.header).to.match(/^&L.+&R&A$/)
    // a dropdown or an amount check on each closed-list or amount column, each over rows 4–203 exactly once
    expect(form.validations.length).to.be.greaterThan(8)
    for (const v of form.validations) {
      expect(v).to.have.length(1)
      expect(v[0].ref).to.match(/^([A-Z]+)4:\1(?:203)$/)
    }
    expect(new Set(form.validations.map((v) => v[0].ref)).size).to.equal(form.validations.length)
    for (const s of sheets) expect(s.pageSetup?.paperSize, s.name).to.be.oneOf(['8', '9'])
  })

  it('the template’s instructions: every wrapped line gets the height its text needs, so nothing prints cut off', async () => {
    const help = (await readWorkbook(file('申报表模板.xlsx'))).getWorksheet('填表说明')!
    let checked = 0
    help.eachRow((row, n) => {
      const text = cellText(row.getCell(1).value)
      // A:B merged are 124 width units; a CJK character takes two. A line the width holds more than once needs
      // a row of that many lines (15 points each), which Excel would not give a merged cell by itself.
      const lines = Math.ceil([...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0) / 124)
      if (n > 1 && lines > 1) {
        expect(row.height, `row ${n}: ${text.slice(0, 20)}…`).to.be.at.least(lines * 15)
        checked++
      }
    })
    expect(checked).to.be.at.least(3)
  })

  it('the template prints on A3 landscape pages, fewer than the 8 Letter-portrait pages it used to', async function () {
    if (!SOFFICE) this.skip()
    const out = fs.mkdtempSync(path.join(t.dir, 'pdf-'))
    const printed = printedPages(file('申报表模板.xlsx'), out)
    expect(printed.pages).to.be.within(1, 4)
    // A3 landscape: 420 × 297 mm = 1191 × 842 points
    expect(Math.round(printed.width)).to.be.within(1189, 1192)
    expect(Math.round(printed.height)).to.be.within(841, 843)
  })

  it('the plan export (approved version and --version 1) and the acceptance export conform, with their header rows repeated', async () => {
    for (const name of ['计划表.xlsx', '计划表（第1版）.xlsx']) {
      const sheets = await expectConformingWorkbook(file(name), {年度计划: '3:3', 执行变化: '3:3'})
      expect(sheets.map((s) => s.name)).to.deep.equal(['年度计划', '汇总', '执行变化', '说明'])
      for (const s of sheets) expect(s.footer, `${name} ${s.name}`).to.equal('&C第 &P 页，共 &N 页')
    }
    const sheets = await expectConformingWorkbook(file('验收备案表.xlsx'), {验收备案: '3:3'})
    expect(sheets.map((s) => s.name)).to.deep.equal(['验收备案', '说明'])
  })

  it('the error workbook conforms: A4 landscape fit to width, its header row on every page, a footer with page numbers', async () => {
    const errors = file('城管局.errors.xlsx')
    expect(fs.existsSync(errors), runs.import.stdout).to.equal(true)
    const sheets = await expectConformingWorkbook(errors, {申报表: '3:3'})
    expect(sheets[0].pageSetup).to.include({paperSize: '9', orientation: 'landscape', fitToWidth: '1'})
    expect(sheets[0].footer).to.equal('&C第 &P 页，共 &N 页')
  })

  it('no export prints the Node DeprecationWarning: Buffer() (nor any other warning) on the terminal', () => {
    for (const key of ['template', 'plan', 'planV1', 'acceptance', 'import']) {
      expect(runs[key].stderr, key).to.not.match(/DeprecationWarning|Buffer\(\)|\(node:\d+\)/)
    }
  })

  it('汇总: 占总投资比例 is a share of the whole plan’s 总投资, for 重点领域 / 重大项目 too (520 / 1,783.47 = 29.16 %, not 50 %)', async () => {
    const summary = (await readWorkbook(file('计划表.xlsx'))).getWorksheet('汇总')!
    const shareOf = (label: string): number[] => {
      const found: number[] = []
      summary.eachRow((row) => {
        if (cellText(row.getCell(2).value) === label) found.push(Number(row.getCell(7).value))
      })
      return found
    }
    for (const mark of ['重点领域', '重大项目']) {
      const [share] = shareOf(mark)
      expect(share, mark).to.be.closeTo(520 / 1783.47, 1e-9)
      expect((share * 100).toFixed(2)).to.equal('29.16')
    }
    // the other sections still add up to the plan
    expect(shareOf('市公安局')[0]).to.be.closeTo(520 / 1783.47, 1e-9)
    expect(shareOf('市数据资源局')[0]).to.be.closeTo(1200 / 1783.47, 1e-9)
  })

  it('说明: once the office has set the 立项金额标准, no row calls it an assumption; the citation is Art. 8 with the confirmed figure', async () => {
    for (const name of ['计划表.xlsx', '验收备案表.xlsx']) {
      const notes = (await readWorkbook(file(name))).getWorksheet('说明')!
      const text = sheetText(notes)
      expect(text, name).to.not.match(/假设|待办公室确认|须由办公室确认/)
      expect(text, name).to.include('第八条').and.include('总投资在立项金额标准以上的').and.include('100.00 万元，已由办公室确认')
    }
  })

  it('sheet names of every workbook are ones Excel accepts', async () => {
    for (const name of ['申报表模板.xlsx', '计划表.xlsx', '验收备案表.xlsx', '城管局.errors.xlsx']) {
      for (const s of await readSheetsXml(file(name))) expect(s.name).to.match(/^[^[\]:*?/\\]{1,31}$/)
    }
  })
})

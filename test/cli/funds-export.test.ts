// The 资金执行情况表 and the year's totals in 分 across 1,000 projects (issue 18, DESIGN §13 and §7), through the real
// binary: a register of 1,000 approved projects in 10 units with payments, cuts and recoveries of odd 分 is built
// in memory (as scripts/bench.mjs does) and written once; `funds list --json` must give every unit's and the
// year's totals as the exact integer sums, `funds export` a workbook that conforms (A3 landscape, header on every
// page, no overlapping merges), whose 小计 and 合计 cells hold those sums exactly and whose 说明 sheet names the
// register's audit head; an over-payment on the big register leaves it byte-identical.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import type ExcelJS from 'exceljs'
import {commandsOn, tempRegister, type TempRegister} from '../helpers/cli.js'
import {buildProject, buildRegister, declaration} from '../helpers/build.js'
import {expectConformingWorkbook} from '../helpers/workbook-conformance.js'
import {cellText, readWorkbook} from '../helpers/workbooks.js'
import {freezeLine, versionTotals} from '../../src/core/domain/plan-versions.js'
import type {FundsRecord, PlanApproval, Project} from '../../src/core/domain/types.js'
import type {FundsView} from '../../src/core/domain/funds.js'
import type {FundsExportResult} from '../../src/commands/funds/export.js'
import {writeRegisterData} from '../helpers/register-files.js'

const YEAR = 2027
const COUNT = 1_000
const UNITS = ['市公安局', '市教育局', '市卫生健康委员会', '市自然资源和规划局', '市交通运输局', '市应急管理局', '市民政局', '市财政局', '市水利局', '市数据资源局']

/** Project i: a planned investment of odd 分, paid part of it in two payments, some cut, some recovered. */
function project(i: number): Project {
  const planned = 20_000_000 + ((i * 7_919) % 1_500) * 1_000_003 + (i % 97)
  const p = buildProject(`${YEAR}-${String(i + 1).padStart(4, '0')}`, declaration({unit: UNITS[i % UNITS.length], name: `信息化项目${i + 1}`, totalInvestmentFen: planned, annualPlanFen: planned}))
  p.status = 'cleared'
  p.statusSince = '2027-01-20'
  const cut = i % 5 === 0 ? Math.floor(planned / 10) + 1 : 0
  const recovered = i % 7 === 0 ? 12_345 : 0
  const paid = Math.floor(((planned - cut - recovered) * (i % 11)) / 10)
  const record = (kind: FundsRecord['kind'], amountFen: number, date: string): FundsRecord => ({kind, year: YEAR, amountFen, date, documentNo: `郴财预〔2027〕${i}号`, reason: kind === 'pay' ? null : '进度滞后', note: null})
  const funds: FundsRecord[] = []
  if (cut > 0) funds.push(record('cut', cut, '2027-03-01'))
  if (recovered > 0) funds.push(record('recover', recovered, '2027-03-02'))
  if (paid > 0) funds.push(record('pay', Math.floor(paid / 3), '2027-04-01'), record('pay', paid - Math.floor(paid / 3), '2027-06-01'))
  p.funds = funds.filter((r) => r.amountFen > 0)
  return p
}

describe('funds export: the 资金执行情况表, and totals exact in 分 across 1,000 projects (issue 18, through the CLI)', function () {
  this.timeout(300_000)
  let t: TempRegister
  const {cli, ok, refused} = commandsOn(() => t)
  const projects: Project[] = []
  let list: FundsView
  let exported: FundsExportResult
  let wb: ExcelJS.Workbook
  const file = () => path.join(t.dir, '资金执行情况表.xlsx')

  before(async () => {
    t = tempRegister('itplan-funds-export-')
    const data = buildRegister(YEAR)
    for (let i = 0; i < COUNT; i++) projects.push(project(i))
    data.projects = projects
    data.counters[String(YEAR)] = COUNT
    const approvals: PlanApproval[] = [
      {by: 'leading-group', documentNo: '郴数政组〔2027〕3号', date: '2027-01-15'},
      {by: 'government', documentNo: '郴政函〔2027〕8号', date: '2027-01-20'},
    ]
    const lines = projects.map(freezeLine)
    data.plans = [{year: YEAR, status: 'approved', included: projects.map((p) => p.id), excluded: [], approvals, builtOn: '2027-01-10', officeExcluded: [], versions: [{version: 1, approvals, approvedOn: '2027-01-20', reason: null, added: [], removed: [], lines, totals: versionTotals(lines)}], amendment: null, changes: []}]
    await writeRegisterData(t.register, data)
    list = await ok<FundsView>(['funds', 'list', '--year', String(YEAR)])
    // one real payment through the CLI, so the journal has a head the 说明 sheet must name
    await ok(['funds', 'pay', projects[1].id, '--amount', '1元', '--date', '2027-07-01', '--doc', '郴财预〔2027〕999号'])
    exported = await ok<FundsExportResult>(['funds', 'export', '--year', String(YEAR), '--out', file()])
    wb = await readWorkbook(file())
  })
  after(() => t.cleanup())

  const sumOf = (ps: readonly Project[], kind: FundsRecord['kind']) => ps.reduce((s, p) => s + (p.funds ?? []).filter((r) => r.kind === kind).reduce((a, r) => a + r.amountFen, 0), 0)

  it('funds list: the year’s and every unit’s totals are the exact integer sums of the projects', () => {
    expect(list.projects).to.have.length(COUNT)
    const planned = projects.reduce((s, p) => s + p.annualPlanFen!, 0)
    const cut = sumOf(projects, 'cut')
    const recovered = sumOf(projects, 'recover')
    const paid = sumOf(projects, 'pay')
    expect(list.totals).to.deep.include({plannedFen: planned, cutFen: cut, recoveredFen: recovered, availableFen: planned - cut - recovered, paidFen: paid, remainingFen: planned - cut - recovered - paid})
    expect(Number.isSafeInteger(list.totals.plannedFen)).to.equal(true)
    for (const u of list.byUnit) {
      const mine = projects.filter((p) => p.unit === u.unit)
      expect(u.count, u.unit).to.equal(mine.length)
      expect(u.plannedFen, u.unit).to.equal(mine.reduce((s, p) => s + p.annualPlanFen!, 0))
      expect(u.paidFen, u.unit).to.equal(sumOf(mine, 'pay'))
    }
    expect(list.byUnit.reduce((s, u) => s + u.availableFen, 0)).to.equal(list.totals.availableFen)
  })

  it('an over-payment on the big register is exit 3 and leaves it byte-identical', async () => {
    const row = list.projects.find((p) => p.id === projects[3].id)!
    await refused(['funds', 'pay', row.id, '--amount', `${(row.remainingFen + 1) / 100}元`, '--date', '2027-08-01'], 3)
  })

  it('the workbook conforms: A3 landscape, fit to width, the header row on every page, a 说明 sheet', async () => {
    const sheets = await expectConformingWorkbook(file(), {资金执行情况: '3:3'})
    const table = sheets.find((s) => s.name === '资金执行情况')!
    expect(table.pageSetup).to.include({paperSize: '8', orientation: 'landscape', fitToWidth: '1', fitToHeight: '0'})
    expect(sheets.map((s) => s.name)).to.deep.equal(['资金执行情况', '说明'])
    expect(exported).to.deep.include({year: YEAR, version: 1, projects: COUNT, paidFen: list.totals.paidFen + 100})
  })

  it('by unit, then project: a band and a 小计 per unit, the 合计 last, each amount the exact sum in 分 (as 万元)', () => {
    const ws = wb.getWorksheet('资金执行情况')!
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).map(cellText)
    const col = (name: string) => header.indexOf(name)
    expect(ws.getCell('A1').text).to.equal('郴州市2027年度市本级财政投资信息化项目资金执行情况表')
    expect(ws.getCell('A2').text).to.equal('单位：万元')
    const rows: ExcelJS.Row[] = []
    ws.eachRow((r, n) => n > 3 && rows.push(r))
    const label = (r: ExcelJS.Row) => cellText(r.getCell(1).value)
    const subtotals = rows.filter((r) => label(r) === '小计')
    expect(subtotals).to.have.length(UNITS.length)
    const bands = rows.filter((r) => /^[一二三四五六七八九十]+、/.test(label(r)))
    expect(bands.map((r) => label(r).replace(/^[一二三四五六七八九十]+、|（.*$/g, ''))).to.deep.equal(list.byUnit.map((u) => u.unit))
    const total = rows[rows.length - 1]
    expect(label(total)).to.equal('合计')
    const paid = list.totals.paidFen + 100 // the 1 元 paid through the CLI
    expect(total.getCell(col('已拨付')).value).to.equal(paid / 1_000_000)
    expect(total.getCell(col('年度计划投资')).value).to.equal(list.totals.plannedFen / 1_000_000)
    expect(total.getCell(col('可用预算')).value).to.equal(list.totals.availableFen / 1_000_000)
    const rate = total.getCell(col('执行率'))
    expect(rate.value).to.be.a('number')
    expect(rate.numFmt).to.equal('0.00%')
    // the 合计's rate is computed on the sums, to 4 decimals
    const exact = (2n * BigInt(paid) * 10_000n + BigInt(list.totals.availableFen)) / (2n * BigInt(list.totals.availableFen))
    expect(rate.value).to.equal(Number(exact) / 10_000)
    const first = list.byUnit[0]
    expect(subtotals[0].getCell(col('已拨付')).value).to.equal((first.paidFen + (projects[1].unit === first.unit ? 100 : 0)) / 1_000_000)
    expect(rows.filter((r) => /^\d{4}-\d{4}$/.test(cellText(r.getCell(col('项目编号')).value)))).to.have.length(COUNT)
  })

  it('备注 names each cut and recovery with its reason and document; 说明 holds the year’s figures and the audit head', async () => {
    const ws = wb.getWorksheet('资金执行情况')!
    const remarks = (ws.getRow(3).values as ExcelJS.CellValue[]).map(cellText).indexOf('备注')
    let remark = ''
    ws.eachRow((r) => {
      const v = cellText(r.getCell(remarks).value)
      if (!remark && v.includes('压减')) remark = v
    })
    expect(remark).to.match(/^2027-03-01 压减 [\d,]+\.\d\d 万元（进度滞后，郴财预〔2027〕\d+号）/)
    const notes = wb.getWorksheet('说明')!
    let text = ''
    notes.eachRow((r) => (text += (r.values as ExcelJS.CellValue[]).map(cellText).join(' | ') + '\n'))
    const register = JSON.parse(fs.readFileSync(t.register, 'utf8')) as {audit: {head: string}}
    expect(text).to.contain(register.audit.head)
    expect(text).to.contain('第 1 版计划，2027-01-20 市政府批准')
    expect(text).to.contain('执行率最低的单位')
    const log = await cli(['audit', 'verify'])
    expect(log.code, log.stderr).to.equal(0)
  })
})

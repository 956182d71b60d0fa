// Money through the lifecycle (issue 18, DESIGN §13) through the real binary, as a clerk meets it: a fiscal review of
// 85 → 70 万元 shows 审减 15 万元 and 17.65 % in `project show` and `report`; payments, a cut and a recovery give the
// available budget and the execution rate in `funds list`; an over-payment and a cut below what was paid are exit
// 3 with the register, the journal and the backups byte-identical; the plan year comes from the approved plan.
import {expect} from 'chai'
import fs from 'node:fs'
import {commandsOn, json, projectFlags, runCli, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project} from '../../src/core/domain/types.js'
import type {FiscalReview, FundsView} from '../../src/core/domain/funds.js'
import type {FundsStepResult} from '../../src/cli/funds-command.js'
import type {ReportData} from '../../src/core/domain/report.js'

const WAN = 1_000_000
const YEAR = 2027
type Shown = Project & {fiscalReview: FiscalReview | null; history: Array<{action: string}>}

describe('funds: 送审/审定/审减, payments, cuts, recoveries and the execution rate (issue 18, through the CLI)', function () {
  this.timeout(240_000)
  let t: TempRegister
  const {cli, ok, refused} = commandsOn(() => t)
  const id: Record<string, string> = {}
  const show = (key: string) => ok<Shown>(['project', 'show', id[key]])
  const backups = () => (fs.existsSync(t.backups) ? fs.readdirSync(t.backups).sort().join(',') : '')

  before(async () => {
    t = tempRegister('itplan-funds-')
    const init = await runCli(['init', '--year', String(YEAR), '--register', t.register], {cwd: t.dir})
    expect(init.code, init.stderr).to.equal(0)
    const add = async (key: string, o: Record<string, string>) => (id[key] = (await ok<Project>(['project', 'add', ...projectFlags(o)])).id)
    await add('police', {unit: '市公安局', name: '智慧警务平台', total: '85万'})
    await add('school', {unit: '市教育局', name: '智慧校园', total: '30万'})
    await add('big', {unit: '市数据资源局', name: '城市大脑中枢', total: '2000万', 'procurement-category': 'works'})
    await add('care', {unit: '市民政局', name: '养老服务平台', total: '90万', 'annual-plan': '40万'})
    await add('late', {unit: '市民政局', name: '社会救助平台', total: '20万'})
    await ok(['plan', 'build', '--year', String(YEAR), '--exclude', id.late])
    await ok(['plan', 'approve', '--year', String(YEAR), '--by', 'leading-group', '--doc', '郴数政组〔2027〕3号', '--date', '2027-01-15'])
    await ok(['plan', 'approve', '--year', String(YEAR), '--by', 'government', '--doc', '郴政函〔2027〕8号', '--date', '2027-01-20'])
  })
  after(() => t.cleanup())

  describe('the fiscal review: 送审, 审定, 审减, 审减率', () => {
    it('no fiscal review before its stage opens (null in --json)', async () => {
      expect((await show('police')).fiscalReview).to.equal(null)
      expect((await show('school')).fiscalReview, 'a self-organised project has none').to.equal(null)
    })

    it('送审 is the total when the stage opened: a total changed afterwards does not move it', async () => {
      for (const stage of ['secrecy-prereview', 'cyber-prereview', 'technical-review']) await ok(['review', 'record', id.police, '--stage', stage, '--result', 'passed', '--date', '2027-02-10'])
      expect((await show('police')).fiscalReview).to.deep.equal({submittedFen: 85 * WAN, approvedFen: null, reducedFen: null, reductionRate: null})
      await ok(['project', 'update', id.police, '--total', '88万', '--fiscal', '88万', '--reason', '补充设备'])
      expect((await show('police')).fiscalReview?.submittedFen).to.equal(85 * WAN)
      await ok(['project', 'update', id.police, '--total', '85万', '--fiscal', '85万', '--reason', '恢复原方案'])
    })

    it('85 → 70 万元: 审减 15 万元 and 17.65 % in project show (text and JSON) and project list', async () => {
      await ok(['review', 'record', id.police, '--stage', 'fiscal-review', '--result', 'passed', '--amount', '70万', '--doc', '郴财评〔2027〕8号', '--date', '2027-03-01'])
      const p = await show('police')
      expect(p.fiscalReview).to.deep.equal({submittedFen: 85 * WAN, approvedFen: 70 * WAN, reducedFen: 15 * WAN, reductionRate: 0.1765})
      const text = await cli(['project', 'show', id.police])
      expect(text.stdout).to.contain('财政投资评审：送审 85.00 万元，审定 70.00 万元，审减 15.00 万元，审减率 17.65%')
      const listed = await ok<Array<Project & {fiscalReview: FiscalReview | null}>>(['project', 'list'])
      expect(listed.find((x) => x.id === id.police)?.fiscalReview).to.deep.equal(p.fiscalReview)
    })

    it('report: the year’s 审减 and 审减率 as the headline (JSON summed over the year, text and HTML)', async () => {
      const r = await ok<ReportData>(['report', '--year', String(YEAR)])
      expect(r.fiscalReview).to.deep.equal({count: 1, submittedFen: 85 * WAN, approvedFen: 70 * WAN, reducedFen: 15 * WAN, reductionRate: 0.1765})
      const text = await cli(['report', '--year', String(YEAR)])
      expect(text.stdout).to.contain('财政投资评审（已审定 1 个项目）：送审 85.00 万元，审定 70.00 万元，审减 15.00 万元，审减率 17.65%')
      const html = `${t.dir}/报告.html`
      expect((await cli(['report', '--year', String(YEAR), '--html', html])).code).to.equal(0)
      const page = fs.readFileSync(html, 'utf8')
      expect(page).to.match(/data-fiscal-reduced>15\.00 万元</).and.match(/data-fiscal-rate>17\.65%</)
    })
  })

  describe('payments, cuts and recoveries against the year’s budget', () => {
    it('a payment within the budget is recorded and journalled; the year is the approved plan’s', async () => {
      const r = await ok<FundsStepResult>(['funds', 'pay', id.school, '--amount', '12万', '--date', '2027-03-15', '--doc', '郴财预〔2027〕21号', '--note', '首付款'])
      expect(r.record).to.deep.equal({kind: 'pay', year: YEAR, amountFen: 12 * WAN, date: '2027-03-15', documentNo: '郴财预〔2027〕21号', reason: null, note: '首付款'})
      expect(r.position).to.deep.equal({plannedFen: 30 * WAN, cutFen: 0, recoveredFen: 0, availableFen: 30 * WAN, paidFen: 12 * WAN, remainingFen: 18 * WAN, executionRate: 0.4})
      const text = await cli(['funds', 'pay', id.school, '--amount', '8万', '--date', '2027-04-15', '--doc', '郴财预〔2027〕30号'])
      expect(text.code, text.stderr).to.equal(0)
      expect(text.stdout).to.contain(`${id.school} 拨付 8.00 万元（2027-04-15）`).and.contain('尚可拨付 10.00 万元，执行率 66.67%')
    })

    it('a payment beyond the available budget is exit 3 with the register, journal and backups byte-identical', async () => {
      const before = backups()
      const {text, error} = await refused(['funds', 'pay', id.school, '--amount', '10.01万', '--date', '2027-05-01', '--doc', 'X'], 3)
      expect(text).to.contain('尚可拨付 10.00 万元').and.contain('本次拨付 10.01 万元超出可用预算')
      expect(error.code).to.equal('invalid-input')
      expect(backups(), 'no backup taken for a refused payment').to.equal(before)
      // exactly what remains is allowed
      await ok(['funds', 'pay', id.school, '--amount', '10万', '--date', '2027-05-01'])
      await refused(['funds', 'pay', id.school, '--amount', '0.01元', '--date', '2027-05-02'], 3)
    })

    it('a cut that would leave the budget below what has been paid is exit 3; one down to it is allowed (Art. 15)', async () => {
      await ok(['funds', 'pay', id.care, '--amount', '15万', '--date', '2027-04-01'])
      const {text} = await refused(['funds', 'cut', id.care, '--amount', '25.01万', '--reason', '进度滞后', '--doc', '郴数政资〔2027〕5号', '--date', '2027-06-30'], 3)
      expect(text).to.contain('已拨付 15.00 万元').and.contain('低于已拨付金额').and.contain('第十五条')
      const cut = await ok<FundsStepResult>(['funds', 'cut', id.care, '--amount', '10万', '--reason', '进度滞后', '--doc', '郴数政资〔2027〕5号', '--date', '2027-06-30'])
      expect(cut.position).to.deep.include({plannedFen: 40 * WAN, cutFen: 10 * WAN, availableFen: 30 * WAN, paidFen: 15 * WAN, executionRate: 0.5})
      await refused(['funds', 'recover', id.care, '--amount', '15.01万', '--reason', '年底结余', '--doc', '郴财预〔2027〕88号', '--date', '2027-12-20'], 3)
      const recovered = await ok<FundsStepResult>(['funds', 'recover', id.care, '--amount', '5万', '--reason', '年底结余', '--doc', '郴财预〔2027〕88号', '--date', '2027-12-20'])
      expect(recovered.position).to.deep.include({recoveredFen: 5 * WAN, availableFen: 25 * WAN, paidFen: 15 * WAN, remainingFen: 10 * WAN, executionRate: 0.6})
    })

    it('a cut or a recovery needs its reason and document (exit 2); an amount of 0 is exit 3', async () => {
      await refused(['funds', 'cut', id.care, '--amount', '1万', '--doc', 'X', '--date', '2027-07-01'], 2)
      await refused(['funds', 'cut', id.care, '--amount', '1万', '--reason', '  ', '--doc', 'X', '--date', '2027-07-01'], 2)
      await refused(['funds', 'recover', id.care, '--amount', '1万', '--reason', '结余', '--date', '2027-07-01'], 2)
      await refused(['funds', 'pay', id.care, '--amount', '0万', '--date', '2027-07-01'], 3)
      await refused(['funds', 'pay', id.care, '--amount', '五万', '--date', '2027-07-01'], 2)
    })

    it('nothing is dated before the government approved the plan (exit 3, naming both dates)', async () => {
      const {text} = await refused(['funds', 'pay', id.care, '--amount', '1万', '--date', '2027-01-19'], 3)
      expect(text).to.contain('2027-01-19').and.contain('2027-01-20')
    })

    it('a project in no approved plan, or not in the plan of --year, has no budget (exit 4)', async () => {
      const {text} = await refused(['funds', 'pay', id.late, '--amount', '1万', '--date', '2027-03-01'], 4)
      expect(text).to.contain('不在任何经市政府批准的年度计划中')
      const other = await refused(['funds', 'pay', id.school, '--amount', '1万', '--date', '2027-03-01', '--year', '2028'], 4)
      expect(other.text).to.contain('不在 2028 年度').and.contain('2027')
      await refused(['funds', 'pay', '2027-9999', '--amount', '1万'], 2)
    })

    it('a refused project is paid nothing more (exit 4), but its budget can still be recovered', async () => {
      await ok(['review', 'record', id.big, '--stage', 'secrecy-prereview', '--result', 'failed', '--date', '2027-02-20', '--opinion', '不符合安全可靠要求'])
      const {text} = await refused(['funds', 'pay', id.big, '--amount', '1万', '--date', '2027-03-01'], 4)
      expect(text).to.contain('不再拨付资金')
      await ok(['funds', 'recover', id.big, '--amount', '2000万', '--reason', '项目未通过前置审查', '--doc', '郴财预〔2027〕40号', '--date', '2027-03-01'])
    })
  })

  describe('funds list and project show', () => {
    it('funds list --json: the DESIGN §13 shape, by unit then project, totals exact in 分; no available budget is a null rate', async () => {
      const v = await ok<FundsView>(['funds', 'list', '--year', String(YEAR)])
      expect(v.year).to.equal(YEAR)
      expect(v.projects.map((p) => p.id).sort()).to.deep.equal([id.police, id.school, id.big, id.care].sort())
      for (const p of v.projects) expect(p).to.have.all.keys('id', 'unit', 'name', 'plannedFen', 'cutFen', 'recoveredFen', 'availableFen', 'paidFen', 'remainingFen', 'executionRate', 'contractAmountFen')
      expect(v.totals).to.have.all.keys('plannedFen', 'cutFen', 'recoveredFen', 'availableFen', 'paidFen', 'remainingFen', 'executionRate')
      const big = v.projects.find((p) => p.id === id.big)!
      expect(big).to.deep.include({plannedFen: 2000 * WAN, recoveredFen: 2000 * WAN, availableFen: 0, paidFen: 0, executionRate: null})
      const school = v.projects.find((p) => p.id === id.school)!
      expect(school).to.deep.include({availableFen: 30 * WAN, paidFen: 30 * WAN, executionRate: 1})
      // the police project's year is planned at what the approved plan holds (85 万元), not its later 审定金额
      expect(v.projects.find((p) => p.id === id.police)).to.deep.include({plannedFen: 85 * WAN, paidFen: 0, executionRate: 0})
      const sum = (k: 'plannedFen' | 'cutFen' | 'recoveredFen' | 'availableFen' | 'paidFen') => v.projects.reduce((s, p) => s + p[k], 0)
      expect(v.totals).to.deep.include({plannedFen: sum('plannedFen'), cutFen: 10 * WAN, recoveredFen: 2005 * WAN, availableFen: sum('availableFen'), paidFen: 45 * WAN})
      expect(v.totals.executionRate).to.equal(Math.round((45 / 140) * 10_000) / 10_000)
      // projects follow their unit, units by planned investment
      const units = v.projects.map((p) => p.unit)
      expect(units).to.deep.equal([...units].sort((a, b) => v.byUnit.findIndex((u) => u.unit === a) - v.byUnit.findIndex((u) => u.unit === b)))
      expect(v.byUnit.reduce((s, u) => s + u.paidFen, 0)).to.equal(v.totals.paidFen)
      const text = await cli(['funds', 'list', '--year', String(YEAR)])
      expect(text.stdout).to.contain('合计（4 个）').and.contain('市数据资源局 小计（1 个）').and.contain('—')
      const police = await ok<FundsView>(['funds', 'list', '--year', String(YEAR), '--unit', '公安'])
      expect(police.projects.map((p) => p.id)).to.deep.equal([id.police])
      expect((await cli(['funds', 'list', '--year', '2031'])).stdout).to.contain('2031 年度计划尚未经市政府批准')
    })

    it('project show: the money history, each payment, cut and recovery with its date, document and amount', async () => {
      const text = (await cli(['project', 'show', id.care])).stdout
      expect(text).to.contain('2027 年度预算：年度计划投资 40.00 万元，压减 10.00 万元，收回 5.00 万元，可用 25.00 万元，已拨付 15.00 万元，执行率 60.00%')
      expect(text).to.contain('2027-06-30 压减 10.00 万元（2027 年度），文号 郴数政资〔2027〕5号；原因：进度滞后')
      expect(text).to.contain('2027-12-20 收回 5.00 万元（2027 年度），文号 郴财预〔2027〕88号；原因：年底结余')
      const p = await show('care')
      expect(p.history.map((h) => h.action)).to.include.members(['funds-pay', 'funds-cut', 'funds-recover'])
      const log = await cli(['audit', 'log', '--project', id.care])
      expect(log.stdout).to.contain('压减预算').and.contain('2027 年度压减 10.00 万元（2027-06-30）')
      expect((await cli(['audit', 'verify'])).code).to.equal(0)
    })

    it('a cut or a recovery is a change since the plan’s approval (DESIGN §11.1), never folded into the approved plan', async () => {
      const plan = await ok<{changesSinceApproval: Array<{id: string; field: string; approved: unknown; current: unknown; reason: string}>; included: string[]}>(['plan', 'show', '--year', String(YEAR)])
      const care = plan.changesSinceApproval.filter((c) => c.id === id.care && c.field === 'availableFen')
      expect(care.map((c) => [c.approved, c.current, c.reason])).to.deep.equal([
        [40 * WAN, 30 * WAN, '进度滞后'],
        [40 * WAN, 25 * WAN, '年底结余'],
      ])
      expect(plan.changesSinceApproval.some((c) => c.id === id.school && c.field === 'availableFen'), 'a payment changes no budget').to.equal(false)
      const text = (await cli(['plan', 'show', '--year', String(YEAR)])).stdout
      expect(text).to.contain('可用预算（压减、收回后）')
    })

    it('report: the execution rate by unit, the same figures as funds list', async () => {
      const r = await ok<ReportData>(['report', '--year', String(YEAR)])
      const v = await ok<FundsView>(['funds', 'list', '--year', String(YEAR)])
      expect(r.execution.totals).to.deep.equal(v.totals)
      expect(r.execution.byUnit).to.deep.equal(v.byUnit)
      const text = (await cli(['report', '--year', String(YEAR)])).stdout
      expect(text).to.contain('资金执行率（按单位）')
      expect(json<ReportData>(await cli(['report', '--year', String(YEAR), '--as-of', '2027-04-30', '--json'])).execution.totals.paidFen, 'as of a day: only what was paid by then').to.equal(35 * WAN)
    })
  })

  describe('the plan workbook: 送审, 审定, 审减 and 审减率 as the approved version holds them', () => {
    it('version 1 (approved before the review) shows none; the amendment\'s version 2 shows 85 → 70 万元, 17.65 %, the 合计\'s rate from its sums', async () => {
      const ExcelJS = (await import('exceljs')).default
      const read = async (version: number) => {
        const out = `${t.dir}/计划第${version}版.xlsx`
        await ok(['plan', 'export', '--year', String(YEAR), '--version', String(version), '--out', out])
        const wb = new ExcelJS.Workbook()
        await wb.xlsx.readFile(out)
        const ws = wb.getWorksheet('年度计划')!
        const headers = (ws.getRow(3).values as unknown[]).slice(1)
        const col = (h: string) => headers.indexOf(h) + 1
        const row = (first: string, byId = true) => {
          let found: import('exceljs').Row | undefined
          ws.eachRow((r) => {
            if (String(r.getCell(byId ? col('项目编号') : 1).value ?? '') === first) found = r
          })
          return found!
        }
        return {col, row}
      }
      const v1 = await read(1)
      const police1 = v1.row(id.police)
      expect(police1.getCell(v1.col('审定金额')).value ?? null, 'approved before the review: the version keeps no 审定').to.equal(null)
      expect(police1.getCell(v1.col('送审金额')).value ?? null).to.equal(null)
      await ok(['plan', 'amend', '--year', String(YEAR), '--add', id.late, '--reason', '补充安排', '--date', '2027-07-01'])
      await ok(['plan', 'approve', '--year', String(YEAR), '--by', 'leading-group', '--doc', '郴数政组〔2027〕12号', '--date', '2027-07-05'])
      await ok(['plan', 'approve', '--year', String(YEAR), '--by', 'government', '--doc', '郴政函〔2027〕30号', '--date', '2027-07-10'])
      const v2 = await read(2)
      const police2 = v2.row(id.police)
      expect(police2.getCell(v2.col('送审金额')).value).to.equal(85)
      expect(police2.getCell(v2.col('审定金额')).value).to.equal(70)
      expect(police2.getCell(v2.col('审减金额')).value).to.equal(15)
      expect(police2.getCell(v2.col('审减率')).value).to.equal(0.1765)
      expect(police2.getCell(v2.col('审减率')).numFmt).to.equal('0.00%')
      expect(v2.row('合计', false).getCell(v2.col('审减率')).value, 'only the police platform was reviewed').to.equal(0.1765)
    })
  })
})

// DESIGN §5: a bare number given for an amount is 元; under 1 万元 the command warns that 万元 may have been meant
// (`--total 85` → “85 元？若为万元请写 85万”), on stderr, and under --json also in the result's notices when the
// command has them (issue 15). The amount is recorded as written: a warning, not a refusal.
import {expect} from 'chai'
import {commandsOn, initRegister, json, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project} from '../../src/core/domain/types.js'

type WithNotices = Project & {notices: Array<{code: string; message: string}>}

describe('bare amounts below 1 万元 (issue 15, through the CLI)', function () {
  this.timeout(120_000)
  let t: TempRegister
  const {cli, ok} = commandsOn(() => t)
  const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes('若为万元'))

  beforeEach(async () => {
    t = tempRegister('itplan-bare-')
    await initRegister(t.dir, 2026)
  })
  afterEach(() => t.cleanup())

  it('project add --total 85 --fiscal 85 warns once for each flag, and records 85 元', async () => {
    const r = await cli(['project', 'add', ...projectFlags({total: '85', fiscal: '85', 'declared-on': '2025-12-01'})])
    expect(r.code, r.stderr).to.equal(0)
    expect(warnings(r.stderr)).to.deep.equal(['警告: --total 85 元？若为万元请写 85万', '警告: --fiscal 85 元？若为万元请写 85万'])
    expect(r.stdout).to.not.contain('若为万元')
    const [p] = await ok<Project[]>(['project', 'list'])
    expect(p).to.include({totalInvestmentFen: 8500, fiscalFundsFen: 8500})
  })

  it('a unit written out, an amount of 1 万元 or more, or an amount the parser refuses gets no such warning', async () => {
    for (const total of ['85万', '85元', '¥85', '10000', '10,000', '１２０万元']) {
      const r = await cli(['project', 'add', ...projectFlags({name: `项目${total}`, total, 'declared-on': '2025-12-01'})])
      expect(r.code, `${total}\n${r.stderr}`).to.equal(0)
      expect(warnings(r.stderr), total).to.deep.equal([])
    }
    const bad = await cli(['project', 'add', ...projectFlags({total: '85,0', 'declared-on': '2025-12-01'})])
    expect(bad.code).to.equal(2)
    expect(warnings(bad.stderr)).to.deep.equal([])
  })

  it('full-width and decimal bare numbers below 1 万元 are warned about too', async () => {
    for (const [total, shown] of [['８５', '85'], ['9999.99', '9999.99'], ['8,500', '8,500']]) {
      const r = await cli(['project', 'add', ...projectFlags({name: `项目${total}`, total, 'declared-on': '2025-12-01'})])
      expect(r.code, r.stderr).to.equal(0)
      expect(warnings(r.stderr), total).to.have.length(2) // the fiscal funds follow the total in projectFlags
      expect(warnings(r.stderr)[0]).to.equal(`警告: --total ${shown} 元？若为万元请写 ${shown}万`)
    }
  })

  it('with --json, stdout stays JSON; project update puts the warning in its notices', async () => {
    const added = await cli(['project', 'add', ...projectFlags({total: '85', 'declared-on': '2025-12-01'}), '--json'])
    expect(added.code).to.equal(0)
    expect(warnings(added.stderr)).to.have.length(2)
    const id = json<Project>(added).id
    const r = await cli(['project', 'update', id, '--total', '90', '--fiscal', '90', '--json'])
    expect(r.code, r.stderr).to.equal(0)
    const updated = json<WithNotices>(r)
    expect(updated.totalInvestmentFen).to.equal(9000)
    expect(updated.notices.filter((n) => n.code === 'warning.bareAmount').map((n) => n.message)).to.deep.equal(['--total 90 元？若为万元请写 90万', '--fiscal 90 元？若为万元请写 90万'])
    expect(warnings(r.stderr)).to.have.length(2)
  })

  it('the contract amount, the actual investment and the fiscal-review amount are warned about the same way', async () => {
    // a self-implemented project is cleared when the plan is approved; a review-track one goes to fiscal review
    const small = (await ok<Project>(['project', 'add', ...projectFlags({name: '小项目', total: '30万', 'declared-on': '2025-12-01'})])).id
    const big = (await ok<Project>(['project', 'add', ...projectFlags({name: '大项目', total: '90万', 'declared-on': '2025-12-01'})])).id
    await ok(['plan', 'build', '--year', '2026'])
    await ok(['plan', 'approve', '--year', '2026', '--by', 'leading-group', '--doc', '郴数政组〔2026〕1号', '--date', '2026-01-20'])
    await ok(['plan', 'approve', '--year', '2026', '--by', 'government', '--doc', '郴政函〔2026〕5号', '--date', '2026-02-02'])

    const started = await cli(['construction', 'start', small, '--responsible', '李四', '--supervisor', '某监理公司', '--contract-amount', '880', '--date', '2026-03-02', '--json'])
    expect(started.code, started.stderr).to.equal(0)
    expect(warnings(started.stderr)).to.deep.equal(['警告: --contract-amount 880 元？若为万元请写 880万'])
    expect(json<WithNotices>(started).notices.map((n) => n.code)).to.include('warning.bareAmount')

    const completed = await cli(['construction', 'complete', small, '--actual', '29.5', '--date', '2026-06-30'])
    expect(completed.code, completed.stderr).to.equal(0)
    expect(warnings(completed.stderr)).to.deep.equal(['警告: --actual 29.5 元？若为万元请写 29.5万'])
    expect(completed.stdout, 'printed once, on stderr').to.not.contain('若为万元')

    let p = await ok<Project>(['project', 'show', big])
    for (let guard = 0; guard < 5 && p.stages.find((s) => s.key === 'fiscal-review')?.status !== 'open'; guard++) {
      const open = p.stages.find((s) => s.status === 'open')!
      p = await ok<Project>(['review', 'record', big, '--stage', open.key, '--result', 'passed', '--date', '2026-02-10'])
    }
    const reviewed = await cli(['review', 'record', big, '--stage', 'fiscal-review', '--result', 'passed', '--amount', '88', '--date', '2026-03-10', '--json'])
    expect(reviewed.code, reviewed.stderr).to.equal(0)
    expect(warnings(reviewed.stderr)).to.deep.equal(['警告: --amount 88 元？若为万元请写 88万'])
    expect(json<WithNotices>(reviewed).notices[0]).to.deep.equal({code: 'warning.bareAmount', message: '--amount 88 元？若为万元请写 88万'})
  })
})

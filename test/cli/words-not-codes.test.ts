// What the clerk (or a script) reads is a sentence, not a message key (issue 15): why a project is out of the plan,
// why a unit is held back, what the health check found in the journal. --json keeps the code beside the words.
import {expect} from 'chai'
import fs from 'node:fs'
import {commandsOn, initRegister, projectFlags, runCli, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project} from '../../src/core/domain/types.js'
import type {PlanBuildResult} from '../../src/commands/plan/build.js'
import type {UnitListResult} from '../../src/commands/unit/list.js'
import type {DoctorResult} from '../../src/commands/doctor.js'

const KEY = /^[a-z]+(\.[a-zA-Z-]+)+$/

describe('reasons and findings in words, codes beside them (issue 15, through the CLI)', function () {
  this.timeout(120_000)
  let t: TempRegister
  const {ok, cli} = commandsOn(() => t)
  let outOfPlan: string
  let heldBack: string

  before(async () => {
    t = tempRegister()
    await initRegister(t.dir, 2027)
    outOfPlan = (await ok<Project>(['project', 'add', ...projectFlags({'declared-on': '2026-11-20'}), '--no-gov-cloud'])).id
    heldBack = (await ok<Project>(['project', 'add', ...projectFlags({unit: '市教育局', name: '智慧校园平台', total: '30万', 'declared-on': '2026-11-20'})])).id
  })
  after(() => t.cleanup())

  it('plan build --json: each excluded project has its reasons in words and their codes', async () => {
    const plan = await ok<PlanBuildResult>(['plan', 'build', '--year', '2027'])
    const out = plan.excluded.find((e) => e.id === outOfPlan)!
    expect(out.reasonCodes).to.deep.equal(['plan.excluded.nonCompliant'])
    expect(out.reasons).to.have.length(1)
    expect(out.reasons[0]).to.match(/[\u4e00-\u9fff]/).and.not.match(KEY)
    const shown = await ok<PlanBuildResult>(['plan', 'show', '--year', '2027'])
    expect(shown.excluded).to.deep.equal(plan.excluded)
  })

  it('unit list --json: a suspension the tool decided (Art. 17) reads as a sentence with its code beside it; a clerk\'s reason as written', async () => {
    await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', '郴数政组〔2027〕1号', '--date', '2027-01-20'])
    await ok(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', '郴政函〔2027〕5号', '--date', '2027-02-02'])
    await ok(['construction', 'start', heldBack, '--responsible', '王五', '--supervisor', '郴州正信工程监理有限公司', '--date', '2027-03-02'])
    await ok(['construction', 'complete', heldBack, '--date', '2027-08-31'])
    await ok(['acceptance', 'preliminary', heldBack, '--result', 'passed', '--date', '2027-09-01'])
    await ok(['acceptance', 'apply', heldBack, '--date', '2027-09-02'])
    await ok(['acceptance', 'tech-review', heldBack, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2027-09-03'])
    await ok(['acceptance', 'expert', heldBack, '--result', 'failed', '--refused-rectification', '--date', '2027-09-10'])
    await ok(['unit', 'suspend', '市公安局', '--reason', '拒不整改'])
    const units = await ok<UnitListResult>(['unit', 'list'])
    const decided = units.find((u) => u.name === '市教育局')!
    expect(decided.suspended).to.equal(true)
    expect(decided.reasonCode).to.match(KEY)
    expect(decided.reason).to.match(/[\u4e00-\u9fff]/).and.not.match(KEY)
    expect(units.find((u) => u.name === '市公安局')).to.include({suspended: true, reason: '拒不整改', reasonCode: null})
    const text = await cli(['unit', 'list'])
    expect(text.stdout).to.contain('拒不整改').and.contain(decided.reason!).and.not.match(/unit\.reason\./)
  })

  it('doctor on a journal with an altered entry: the finding in words (no audit.badHash), exit 6', async () => {
    const journal = fs.readFileSync(t.journal, 'utf8').split('\n')
    const entry = JSON.parse(journal[0]) as Record<string, unknown>
    journal[0] = JSON.stringify({...entry, operator: 'mallory'})
    fs.writeFileSync(t.journal, journal.join('\n'))
    const text = await runCli(['doctor', '--register', t.register])
    expect(text.code).to.equal(6)
    expect(text.stdout + text.stderr).to.contain('内容与其哈希不符').and.not.contain('audit.badHash')
    const js = await runCli(['doctor', '--json', '--register', t.register])
    const check = (JSON.parse(js.stdout) as DoctorResult).checks.find((c) => c.name === 'journal')!
    expect(check.params.code).to.equal('audit.badHash')
    expect(check.message).to.contain('内容与其哈希不符')
  })

  it('config show after config set approval-standard cites the confirmed standard, no longer a 假设值', async () => {
    const before = await cli(['config', 'show'])
    expect(before.stdout).to.contain('假设值')
    await ok(['config', 'set', 'approval-standard', '120万'])
    const after = await cli(['config', 'show'])
    expect(after.code, after.stderr).to.equal(0)
    expect(after.stdout).to.contain('本市为 120.00 万元，由办公室于')
    expect(after.stdout).to.not.contain('假设值')
    const json = await ok<{rules: {citations: Record<string, string>}}>(['config', 'show'])
    expect(json.rules.citations.approvalStandardFen).to.contain('120.00 万元')
    expect(json.rules.citations.approvalStandardFen).to.not.contain('假设值')
  })
})

// Every flag that takes one of a closed list accepts the identifier or the Chinese word, and its help lists both
// (DESIGN §5; issue 15): a clerk types --status 评审中 or --stage 市委办前置审查 as readily as the identifiers.
import {expect} from 'chai'
import {commandsOn, initRegister, projectFlags, runCli, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project} from '../../src/core/domain/types.js'

const YEAR = 2026

describe('closed-list flags take the Chinese word (issue 15, through the CLI)', function () {
  this.timeout(120_000)
  let t: TempRegister
  const {ok, refused} = commandsOn(() => t)
  let reviewed: string
  let selfBuilt: string

  before(async () => {
    t = tempRegister()
    await initRegister(t.dir, YEAR)
    reviewed = (await ok<Project>(['project', 'add', ...projectFlags({'declared-on': '2025-12-01'})])).id
    selfBuilt = (await ok<Project>(['project', 'add', ...projectFlags({unit: '市教育局', name: '智慧校园平台', total: '30万', 'declared-on': '2025-12-01'})])).id
    await ok(['plan', 'build', '--year', String(YEAR)])
    await ok(['plan', 'approve', '--year', String(YEAR), '--by', '领导小组', '--doc', '郴数政组〔2026〕1号', '--date', '2026-01-20'])
    await ok(['plan', 'approve', '--year', String(YEAR), '--by', '市人民政府', '--doc', '郴政函〔2026〕5号', '--date', '2026-02-02'])
  })
  after(() => t.cleanup())

  it('project list --status 评审中 / --track 技术初审+财政投资评审 / --track 自行组织实施 select like the identifiers', async () => {
    const ids = async (args: string[]) => (await ok<Project[]>(['project', 'list', ...args])).map((p) => p.id)
    expect(await ids(['--status', '评审中'])).to.deep.equal(await ids(['--status', 'reviewing'])).and.deep.equal([reviewed])
    expect(await ids(['--track', '技术初审+财政投资评审'])).to.deep.equal([reviewed])
    expect(await ids(['--track', '自行组织实施'])).to.deep.equal([selfBuilt])
    expect(await ids(['--flag', '逾期申报'])).to.deep.equal([])
  })

  it('review record --stage 市委办前置审查 --result 通过 records the pre-review as passed', async () => {
    const p = await ok<Project>(['review', 'record', reviewed, '--stage', '市委办前置审查', '--result', '通过', '--date', '2026-02-05'])
    expect(p.stages.find((s) => s.key === 'secrecy-prereview')!.status).to.equal('passed')
    const q = await ok<Project>(['review', 'record', reviewed, '--stage', '网信办前置审查', '--result', '退回修改', '--date', '2026-02-06'])
    expect(q.stages.find((s) => s.key === 'cyber-prereview')!.status).to.equal('returned')
  })

  it('construction, acceptance and evaluation take 严重逾期, 通过, 符合 and 良好', async () => {
    await ok(['construction', 'start', selfBuilt, '--responsible', '王五', '--supervisor', '郴州正信工程监理有限公司', '--date', '2026-03-02'])
    const reported = await ok<Project>(['construction', 'report', selfBuilt, '--kind', '严重逾期', '--description', '设备供货延迟', '--date', '2026-04-01'])
    expect(reported.construction!.incidents.map((i) => i.kind)).to.deep.equal(['delay'])
    await ok(['construction', 'complete', selfBuilt, '--date', '2026-08-31'])
    await ok(['acceptance', 'preliminary', selfBuilt, '--result', '通过', '--date', '2026-09-01'])
    await ok(['acceptance', 'apply', selfBuilt, '--date', '2026-09-02'])
    const reviewedByTech = await ok<Project>(['acceptance', 'tech-review', selfBuilt, '--cloud', '通过', '--sharing', '符合', '--security', 'pass', '--date', '2026-09-03'])
    expect(reviewedByTech.status).to.equal('tech-reviewed')
    await ok(['acceptance', 'expert', selfBuilt, '--result', '通过', '--date', '2026-09-10'])
    await ok(['acceptance', 'file', selfBuilt, '--doc', '郴数政办备〔2026〕3号', '--date', '2026-09-15'])
    const evaluated = await ok<Project>(['evaluate', selfBuilt, '--score', '85', '--grade', '良好', '--date', '2026-12-01'])
    expect(evaluated.evaluations.at(-1)).to.include({score: 85, grade: '良'})
  })

  it('a word that is none of them: exit 2, nothing written, the message lists each identifier with its word', async () => {
    const {text, error} = await refused(['review', 'record', reviewed, '--stage', '市委办审查了', '--result', 'passed', '--date', '2026-02-07'], 2)
    expect(text).to.contain('--stage').and.contain('市委办审查了').and.contain('secrecy-prereview（市委办前置审查）').and.contain('fiscal-review（市财政局财政投资评审）')
    expect(error.exitCode).to.equal(2)
    await refused(['project', 'list', '--status', '胡说'], 2)
  })

  it('help lists the identifier and the Chinese word of every choice', async () => {
    const r = await runCli(['review', 'record', '--help'])
    expect(r.code, r.stderr).to.equal(0)
    const flat = r.stdout.replace(/\s+/g, '')
    expect(flat).to.contain('secrecy-prereview（市委办前置审查）').and.contain('returned（退回修改）')
    const list = await runCli(['help', 'project', 'list'])
    expect(list.stdout.replace(/\s+/g, '')).to.contain('reviewing（评审中）').and.contain('self（自行组织实施）').and.contain('late（逾期申报）')
  })
})

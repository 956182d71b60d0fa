// The project and config commands through the real binary, on a real register in a temp dir, without a TTY.
import {expect} from 'chai'
import fs from 'node:fs'
import {spawnSync} from 'node:child_process'
import {BIN, initRegister, json, projectFlags, runCli, tempRegister, type CliResult, type ErrorJson as ErrorBody, type TempRegister} from '../helpers/cli.js'
import type {Project, Rules} from '../../src/core/domain/types.js'

const WAN = 1_000_000
const HAN = /[\u4e00-\u9fff]/

/** `project show --json`: the stored project, with its journal and the commands allowed next */
type ProjectJson = Project & {history?: Array<{seq: number; action: string; projectId: string; change: JournalMoves}>; nextSteps?: string[]}
/** the moves a journal entry records, as far as these tests read them */
type JournalMoves = {fields: Record<string, {from: number; to: number}>; track: {from: string; to: string; basis?: string}}
/** `config show --json` (DESIGN §5) */
type ConfigJson = {rules: Pick<Rules, 'version' | 'procurementLimitFen' | 'approvalStandardFen' | 'timeLimits'>; settings: {planYear: number; declarationDeadline: string; lang: string}}

type ErrorJson = {error: ErrorBody}

/** DESIGN §5: the shape of a project in `project add|show --json` and the items of `project list --json`. */
function expectProjectShape(p: ProjectJson): void {
  expect(p).to.be.an('object')
  expect(p.id).to.match(/^\d{4}-\d{4}$/)
  expect(p.planYear).to.be.a('number')
  expect(p.id.slice(0, 4)).to.equal(String(p.planYear))
  for (const k of ['unit', 'name', 'nature', 'category', 'procurementCategory', 'summary', 'track', 'status'] as const) expect(p[k], k).to.be.a('string')
  expect(p.coUnits).to.be.an('array')
  expect(['new', 'expansion', 'upgrade']).to.include(p.nature)
  expect(['infrastructure', 'data', 'business', 'service']).to.include(p.category)
  expect(['goods', 'services', 'works']).to.include(p.procurementCategory)
  expect(Number.isSafeInteger(p.totalInvestmentFen)).to.equal(true)
  expect(Number.isSafeInteger(p.fiscalFundsFen)).to.equal(true)
  expect(p).to.have.property('periodMonths')
  expect(p.contact).to.have.all.keys('name', 'phone')
  expect(p.compliance).to.include.all.keys('govCloud', 'dataSharing', 'cityBrain', 'egovNetwork', 'justification')
  for (const k of ['govCloud', 'dataSharing', 'cityBrain', 'egovNetwork'] as const) expect(p.compliance[k], k).to.be.a('boolean')
  expect(['self', 'review', 'approval']).to.include(p.track)
  expect(p.routing).to.include.all.keys('track', 'reason', 'procurementLimitFen', 'approvalStandardFen', 'rulesVersion')
  expect(p.routing.track).to.equal(p.track)
  expect(p.routing.reason).to.be.a('string').and.match(HAN)
  expect(Number.isSafeInteger(p.routing.procurementLimitFen)).to.equal(true)
  expect(Number.isSafeInteger(p.routing.approvalStandardFen)).to.equal(true)
  expect(p.routing.rulesVersion).to.be.a('string').and.not.equal('')
  expect(p.flags).to.be.an('array')
  expect(p.stages).to.be.an('array')
  expect(p).to.have.property('source')
}

function add(t: TempRegister, overrides: Record<string, string | null> = {}, extra: string[] = []): Promise<CliResult> {
  return runCli(['project', 'add', ...projectFlags(overrides), ...extra, '--register', t.register], {cwd: t.dir})
}

async function addJson(t: TempRegister, overrides: Record<string, string | null> = {}, extra: string[] = []): Promise<ProjectJson> {
  const r = await add(t, overrides, [...extra, '--json'])
  expect(r.code, r.stderr + r.stdout).to.equal(0)
  return json<ProjectJson>(r)
}

async function list(t: TempRegister, extra: string[] = []): Promise<ProjectJson[]> {
  const r = await runCli(['project', 'list', '--json', '--register', t.register, ...extra], {cwd: t.dir})
  expect(r.code, r.stderr).to.equal(0)
  return json<ProjectJson[]>(r)
}

/** Everything a command could have written: register, journal, backups. */
function snapshot(t: TempRegister): string {
  const backups = fs.existsSync(t.backups) ? fs.readdirSync(t.backups).sort().join(',') : '(none)'
  return [fs.readFileSync(t.register, 'base64'), fs.existsSync(t.journal) ? fs.readFileSync(t.journal, 'base64') : '', backups].join('|')
}

describe('itplan project / config (through the CLI)', function () {
  this.timeout(60_000)
  let template: TempRegister
  let t: TempRegister

  // `itplan init` once; each test starts from a copy of what it wrote (register and journal)
  before(async () => {
    template = tempRegister()
    await initRegister(template.dir, 2027)
  })
  after(() => template.cleanup())

  beforeEach(() => {
    t = tempRegister()
    fs.copyFileSync(template.register, t.register)
    fs.copyFileSync(template.journal, t.journal)
  })
  afterEach(() => t.cleanup())

  describe('project add --json, then project list --json (one register, many declarations)', () => {
    let shared: TempRegister
    const added = new Map<string, ProjectJson>()
    let listed: ProjectJson[] = []
    let shown: ProjectJson
    let defaulted: CliResult

    const boundary: Array<[string, string, string]> = [
      ['goods', '499,999.99元', 'self'],
      ['goods', '50万', 'review'],
      ['goods', '100万', 'approval'],
      ['services', '799999.99', 'self'],
      ['services', '80万', 'review'],
      ['services', '999,999.99元', 'review'],
      ['services', '100万', 'approval'],
      ['works', '999999.99', 'self'],
      ['works', '100万', 'approval'],
    ]
    const flagged: Array<[string, Record<string, string>, string[]]> = [
      ['逾期', {'declared-on': '2027-01-05'}, []],
      ['按时', {'declared-on': '2026-12-31'}, []],
      ['不共享', {}, ['--no-data-sharing']],
      ['有说明', {justification: '公安专网数据按规定不上平台'}, ['--no-data-sharing']],
      ['多部门', {total: '150万'}, ['--co-unit', '市财政局', '--co-unit', '市数据资源局']],
      ['多部门小额', {total: '60万'}, ['--co-unit', '市财政局']],
    ]

    // All declared at once: each process takes the register lock in turn.
    before(async () => {
      shared = tempRegister()
      fs.copyFileSync(template.register, shared.register)
      fs.copyFileSync(template.journal, shared.journal)
      const jobs: Array<[string, Promise<CliResult>]> = [
        ['完整', add(shared, {name: '完整', 'period-months': '12', 'contact-name': '张三', 'contact-phone': '0735-2222222', summary: '建设警务数据平台'}, ['--json'])],
        ['中文', add(shared, {name: '中文', unit: '郴州市公安局', nature: '改造升级', category: '数据系统', 'procurement-category': '工程', total: '１２０万元'}, ['--json'])],
        ['下一年', add(shared, {name: '下一年', 'declared-on': '2027-11-01'}, ['--year', '2028', '--json'])],
        ...boundary.map(([category, total], i): [string, Promise<CliResult>] => [`边界${i}`, add(shared, {name: `边界${i}`, 'procurement-category': category, total}, ['--json'])]),
        ...flagged.map(([name, overrides, extra]): [string, Promise<CliResult>] => [name, add(shared, {name, ...overrides}, [...extra, '--json'])]),
      ]
      const defaultedRun = add(shared, {name: '未填采购类别', 'procurement-category': null}, ['--json'])
      for (const [name, run] of jobs) {
        const r = await run
        expect(r.code, `${name}: ${r.stderr}`).to.equal(0)
        added.set(name, json<ProjectJson>(r))
      }
      defaulted = await defaultedRun
      listed = await list(shared)
      const id = added.get('完整')!.id
      const show = await runCli(['project', 'show', id, '--json', '--register', shared.register])
      expect(show.code).to.equal(0)
      shown = json<ProjectJson>(show)
    })
    after(() => shared.cleanup())

    const byName = (name: string) => {
      const p = listed.find((x) => x.name === name)
      expect(p, name).to.not.equal(undefined)
      return p!
    }

    it('returns the DESIGN §5 project shape, the same from add, list and show', () => {
      const p = added.get('完整')!
      expectProjectShape(p)
      expect(p.planYear).to.equal(2027)
      expect(p.unit).to.equal('市公安局')
      expect(p.nature).to.equal('new')
      expect(p.totalInvestmentFen).to.equal(85 * WAN)
      expect(p.fiscalFundsFen).to.equal(85 * WAN)
      expect(p.periodMonths).to.equal(12)
      expect(p.contact).to.deep.equal({name: '张三', phone: '0735-2222222'})
      expect(p.summary).to.equal('建设警务数据平台')
      expect(p.compliance).to.deep.equal({govCloud: true, dataSharing: true, cityBrain: true, egovNetwork: true, justification: ''})
      expect(p.status).to.equal('declared')
      expect(p.track).to.equal('review')
      expect(p.routing).to.deep.include({track: 'review', procurementLimitFen: 80 * WAN, approvalStandardFen: 100 * WAN})
      expect(p.routing.reason).to.equal('总投资 85.00 万元 ≥ 服务类采购限额 80.00 万元，且 < 立项金额标准 100.00 万元 → 技术初审+财政投资评审')
      expect(p.flags).to.deep.equal([])

      expect(listed).to.have.length(added.size + 1)
      for (const item of listed) expectProjectShape(item)
      // list and show add the fiscal review beside the project's fields (issue 18): none before the review opens
      const {fiscalReview: listedReview, ...listedRest} = byName('完整') as ProjectJson & {fiscalReview?: unknown}
      expect(listedReview).to.equal(null)
      expect(listedRest).to.deep.equal(p)

      expectProjectShape(shown)
      const {history, nextSteps, fiscalReview, ...rest} = shown as ProjectJson & {fiscalReview?: unknown}
      expect(fiscalReview).to.equal(null)
      expect(rest).to.deep.equal(p)
      expect(history!.map((h) => h.action)).to.deep.equal(['create'])
      expect(history![0].projectId).to.equal(p.id)
      expect(nextSteps).to.include(`itplan project withdraw ${p.id}`)
    })

    it('gives ids YYYY-NNNN, numbered without gaps per plan year', () => {
      const ids2027 = listed.filter((p) => p.planYear === 2027).map((p) => p.id).sort()
      expect(ids2027).to.deep.equal(ids2027.map((_, i) => `2027-${String(i + 1).padStart(4, '0')}`))
      expect(added.get('下一年')!.id).to.equal('2028-0001')
      expect(added.get('下一年')!.planYear).to.equal(2028)
    })

    it('accepts the Chinese words for the closed lists and normalises the unit', () => {
      expect(added.get('中文')).to.deep.include({unit: '市公安局', nature: 'upgrade', category: 'data', procurementCategory: 'works', totalInvestmentFen: 120 * WAN, track: 'approval'})
    })

    it('routes every boundary case to the right track', () => {
      boundary.forEach(([category, total, track], i) => {
        const p = byName(`边界${i}`)
        expect(p.procurementCategory).to.equal(category)
        expect(p.track, `${category} ${total}`).to.equal(track)
        expect(p.routing.track).to.equal(track)
        expect(p.routing.procurementLimitFen).to.equal({goods: 50, services: 80, works: 100}[category]! * WAN)
      })
      // the amounts hidden by rounding are stated in 元
      expect(byName('边界0').routing.reason).to.include('499,999.99 元')
      expect(byName('边界3').routing.reason).to.include('799,999.99 元')
      expect(byName('边界5').routing.reason).to.include('999,999.99 元')
      expect(byName('边界7').routing.reason).to.include('999,999.99 元')
      // the tie explains both words
      expect(byName('边界6').routing.reason).to.include('以上').and.include('以下')
    })

    it('computes the flags late, non-compliant and major-multi-unit', () => {
      expect(byName('逾期').flags).to.deep.equal(['late'])
      expect(byName('按时').flags).to.deep.equal([])
      expect(byName('不共享').flags).to.deep.equal(['non-compliant'])
      expect(byName('不共享').compliance.dataSharing).to.equal(false)
      expect(byName('有说明').flags).to.deep.equal([])
      expect(byName('有说明').compliance.justification).to.equal('公安专网数据按规定不上平台')
      expect(byName('多部门').coUnits).to.deep.equal(['市财政局', '市数据资源局'])
      expect(byName('多部门').track).to.equal('approval')
      expect(byName('多部门').flags).to.deep.equal(['major-multi-unit'])
      expect(byName('多部门小额').flags).to.deep.equal([])
    })

    it('filters project list by track, flag and year', async () => {
      const [self, late, y2028] = await Promise.all([list(shared, ['--track', 'self']), list(shared, ['--flag', 'late']), list(shared, ['--year', '2028'])])
      expect(self.map((p) => p.name).sort()).to.deep.equal(listed.filter((p) => p.track === 'self').map((p) => p.name).sort())
      expect(self.map((p) => p.name)).to.include.members(['边界0', '边界3', '边界7'])
      expect(late.map((p) => p.name)).to.deep.equal(['逾期'])
      expect(y2028.map((p) => p.id)).to.deep.equal(['2028-0001'])
    })

    it('defaults the procurement category to services with a warning on stderr, stdout JSON only', () => {
      expect(defaulted.code).to.equal(0)
      expect(json<ProjectJson>(defaulted).procurementCategory).to.equal('services')
      expect(defaulted.stderr).to.include('采购类别')
    })

    it('refuses the same project twice (exit 4), naming the first, writing nothing', async () => {
      const before = snapshot(shared)
      const first = added.get('完整')!
      const r = await add(shared, {name: '完整', unit: '郴州市公安局'})
      expect(r.code).to.equal(4)
      expect(r.stderr).to.include(first.id)
      expect(snapshot(shared)).to.equal(before)
    })
  })

  describe('language', () => {
    it('--lang en and ITPLAN_LANG=en give English messages; Chinese by default', async () => {
      const [zh, en, env, bad, badEnv, zhBad] = await Promise.all([
        add(t, {name: 'A'}),
        add(t, {name: 'B'}, ['--lang', 'en']),
        runCli(['project', 'add', ...projectFlags({name: 'C'}), '--register', t.register], {env: {ITPLAN_LANG: 'en'}}),
        add(t, {name: 'D', nature: 'rebuild'}, ['--lang', 'en']),
        runCli(['project', 'add', ...projectFlags({name: 'D', total: 'abc'}), '--register', t.register], {env: {ITPLAN_LANG: 'en'}}),
        add(t, {name: 'D', nature: 'rebuild'}),
      ])
      expect(zh.code).to.equal(0)
      expect(zh.stdout).to.match(/已登记项目 2027-000[123]/)

      expect(en.code).to.equal(0)
      expect(en.stdout).to.match(/registered project 2027-000[123]/i)
      expect(en.stdout).to.not.include('已登记')

      expect(env.code).to.equal(0)
      expect(env.stdout).to.match(/registered project 2027-000[123]/i)
      expect(env.stdout).to.not.include('已登记')

      // errors too
      expect(bad.code).to.equal(2)
      expect(bad.stderr).to.match(/^Error:/)
      expect(bad.stderr).to.include('rebuild')
      expect(bad.stderr).to.match(/nature/i)
      expect(bad.stderr).to.not.include('错误')
      expect(badEnv.code).to.equal(2)
      expect(badEnv.stderr).to.match(/total investment/i)
      expect(badEnv.stderr).to.not.include('错误')
      expect(zhBad.code).to.equal(2)
      expect(zhBad.stderr).to.include('错误').and.include('建设性质')
    })

    it('the register setting `config set lang en` applies unless --lang says otherwise', async () => {
      const set = await runCli(['config', 'set', 'lang', 'en', '--register', t.register])
      expect(set.code, set.stderr).to.equal(0)
      const r = await runCli(['project', 'list', '--register', t.register])
      expect(r.stdout).to.match(/no project/i)
      const zh = await runCli(['project', 'list', '--register', t.register, '--lang', 'zh'])
      expect(zh.stdout).to.include('没有符合条件的项目')
    })
  })

  describe('errors', () => {
    it('with --json, print {"error": {code, message, exitCode}} on stdout only', async () => {
      const cases: Array<[string[], number]> = [
        [['project', 'add', ...projectFlags({nature: 'rebuild'}), '--json'], 2],
        [['project', 'show', '2027-0099', '--json'], 2],
        [['project', 'update', '2027-0042', '--total', '70万', '--json'], 2],
        [['project', 'add', ...projectFlags(), '--bogus', '--json'], 2],
        [['config', 'set', 'no-such-key', '1', '--json'], 2],
      ]
      const runs = await Promise.all(cases.map(([args]) => runCli([...args, '--register', t.register])))
      for (const [i, [args, exitCode]] of cases.entries()) {
        const r = runs[i]
        expect(r.code, args.join(' ')).to.equal(exitCode)
        const body = json<ErrorJson>(r)
        expect(Object.keys(body)).to.deep.equal(['error'])
        expect(body.error.code).to.be.a('string').and.not.equal('')
        expect(body.error.message).to.be.a('string').and.not.equal('')
        expect(body.error.exitCode).to.equal(exitCode)
        expect(r.stdout.trim().split('\n')).to.have.length(1) // nothing but the JSON
        expect(r.stderr).to.not.include(body.error.message.split('\n')[0])
        expect(r.stderr).to.not.match(/错误|Error/)
      }
      expect(json<ErrorJson>(runs[1]).error.message).to.include('2027-0099')
      expect(json<ErrorJson>(runs[2]).error.message).to.include('2027-0042')
    })

    const bad: Array<[string, Record<string, string | null>, string[], string[]]> = [
      ['an unknown nature', {nature: 'rebuild'}, [], ['建设性质', 'rebuild', '新建']],
      ['an unknown category', {category: 'software'}, [], ['项目类型', 'software']],
      ['an unknown procurement category', {'procurement-category': '租赁'}, [], ['采购类别', '租赁']],
      ['a malformed total', {total: '12,34'}, [], ['总投资', '12,34']],
      ['a malformed fiscal amount', {fiscal: 'abc'}, [], ['市本级财政资金', 'abc']],
      ['a negative total', {total: '-5万', fiscal: '1万'}, [], ['总投资', '负']],
      ['a bad date', {'declared-on': '2027-02-30'}, [], ['申报日期', '2027-02-30']],
      ['fiscal funds above the total', {total: '80万', fiscal: '80.01万'}, [], ['市本级财政资金', '总投资']],
      ['zero fiscal funds', {fiscal: '0'}, [], ['市本级财政资金', '第二条']],
      ['a classified project', {}, ['--classified'], ['涉密']],
      ['a bad period', {'period-months': 'twelve'}, [], ['建设周期']],
    ]
    describe('bad input through flags', () => {
      const results = new Map<string, CliResult>()
      let snapBefore = ''
      let snapAfter = ''
      let shared: TempRegister
      // all refused declarations are tried together (each one waits its turn for the lock), then judged one by one
      before(async () => {
        shared = tempRegister()
        fs.copyFileSync(template.register, shared.register)
        fs.copyFileSync(template.journal, shared.journal)
        snapBefore = snapshot(shared)
        const runs = await Promise.all(bad.map(([, overrides, extra]) => add(shared, overrides, extra)))
        bad.forEach(([label], i) => results.set(label, runs[i]))
        snapAfter = snapshot(shared)
      })
      after(() => shared.cleanup())

      for (const [label, , , words] of bad) {
        it(`${label} → exit 2, a Chinese message naming the field, nothing written`, () => {
          const r = results.get(label)!
          expect(r.code, r.stderr).to.equal(2)
          expect(r.stdout).to.equal('')
          expect(r.stderr).to.match(/^错误/)
          for (const w of words) expect(r.stderr, w).to.include(w)
          expect(r.stderr).to.not.match(/\n\s+at /) // never a stack trace
          expect(snapAfter).to.equal(snapBefore)
        })
      }
    })

    it('a missing required flag without a TTY is exit 2 naming the flag, and never hangs', async () => {
      const required = ['unit', 'name', 'nature', 'category', 'total', 'fiscal']
      const before = snapshot(t)
      const runs = await Promise.all(required.map((missing) => runCli(['project', 'add', ...projectFlags({[missing]: null}), '--register', t.register], {timeoutMs: 10_000, input: ''})))
      required.forEach((missing, i) => {
        const r = runs[i]
        expect(r.timedOut, `--${missing}: hung`).to.equal(false)
        expect(r.code, `--${missing}`).to.equal(2)
        expect(r.stderr).to.include(`--${missing}`)
      })
      expect(snapshot(t)).to.equal(before)
    })

    it('a missing required flag does not wait for stdin even when stdin stays open', async () => {
      // stdin is a pipe that is never written to nor closed: a prompt would wait forever
      const r = await runCli(['project', 'add', '--unit', '市公安局', '--register', t.register], {timeoutMs: 10_000, keepStdinOpen: true})
      expect(r.timedOut).to.equal(false)
      expect(r.code).to.equal(2)
      expect(r.stderr).to.include('--name')
    })
  })

  describe('project update', () => {
    it('--total re-routes, and the change is in project show --json history', async () => {
      await addJson(t, {total: '85万', fiscal: '60万'})
      const r = await runCli(['project', 'update', '2027-0001', '--total', '120万', '--json', '--register', t.register])
      expect(r.code, r.stderr).to.equal(0)
      const updated = json<ProjectJson>(r)
      expectProjectShape(updated)
      expect(updated.totalInvestmentFen).to.equal(120 * WAN)
      expect(updated.fiscalFundsFen).to.equal(60 * WAN)
      expect(updated.track).to.equal('approval')
      expect(updated.routing.reason).to.include('120.00 万元').and.include('立项金额标准')

      const shown = json<ProjectJson>(await runCli(['project', 'show', '2027-0001', '--json', '--register', t.register]))
      expect(shown.track).to.equal('approval')
      expect(shown.history!.map((h) => h.action)).to.deep.equal(['create', 'update'])
      const change = shown.history![1].change
      expect(change.fields.totalInvestmentFen).to.deep.equal({from: 85 * WAN, to: 120 * WAN})
      expect(change.track).to.deep.include({from: 'review', to: 'approval'})

      // a total below the fiscal funds is refused (exit 2), nothing written
      const before = snapshot(t)
      const refused = await runCli(['project', 'update', '2027-0001', '--total', '50万', '--register', t.register])
      expect(refused.code).to.equal(2)
      expect(refused.stderr).to.include('市本级财政资金')
      expect(snapshot(t)).to.equal(before)

      // back down below the services limit
      const down = json<ProjectJson>(await runCli(['project', 'update', '2027-0001', '--total', '79.99万', '--fiscal', '79.99万', '--json', '--register', t.register]))
      expect(down.track).to.equal('self')
      expect((await list(t))[0].track).to.equal('self')
    })
  })

  describe('project withdraw', () => {
    it('needs --confirm without a TTY; with --confirm ID it withdraws; a second withdrawal is exit 4', async () => {
      await addJson(t)
      const before = snapshot(t)
      const noConfirm = await runCli(['project', 'withdraw', '2027-0001', '--register', t.register], {timeoutMs: 10_000, keepStdinOpen: true})
      expect(noConfirm.timedOut).to.equal(false)
      expect(noConfirm.code).to.equal(2)
      expect(noConfirm.stderr).to.include('--confirm 2027-0001')
      expect(snapshot(t)).to.equal(before)

      const wrong = await runCli(['project', 'withdraw', '2027-0001', '--confirm', '2027-0002', '--register', t.register])
      expect(wrong.code).to.equal(2)
      expect(snapshot(t)).to.equal(before)

      const ok = await runCli(['project', 'withdraw', '2027-0001', '--confirm', '2027-0001', '--json', '--register', t.register])
      expect(ok.code, ok.stderr).to.equal(0)
      expect(json<ProjectJson>(ok).status).to.equal('withdrawn')
      expect((await list(t))[0].status).to.equal('withdrawn')

      const afterWithdraw = snapshot(t)
      const again = await runCli(['project', 'withdraw', '2027-0001', '--confirm', '2027-0001', '--register', t.register])
      expect(again.code).to.equal(4)
      expect(again.stderr).to.include('2027-0001').and.include('已撤回')
      expect(again.stderr).to.include('没有可执行的下一步')
      const againJson = await runCli(['project', 'withdraw', '2027-0001', '--confirm', '2027-0001', '--json', '--register', t.register])
      expect(againJson.code).to.equal(4)
      const body = json<{error: {exitCode: number; from: string; allowed: string[]}}>(againJson)
      expect(body.error.exitCode).to.equal(4)
      expect(body.error.from).to.equal('withdrawn')
      expect(body.error.allowed).to.deep.equal([])
      expect(snapshot(t)).to.equal(afterWithdraw)

      // nor can it be updated
      const update = await runCli(['project', 'update', '2027-0001', '--total', '90万', '--register', t.register])
      expect(update.code).to.equal(4)
      expect(update.stderr).to.include('已撤回')
      expect(snapshot(t)).to.equal(afterWithdraw)

      const history = json<ProjectJson>(await runCli(['project', 'show', '2027-0001', '--json', '--register', t.register])).history!
      expect(history.map((h) => h.action)).to.deep.equal(['create', 'withdraw'])

      // the same project may be declared again, under a new id: a withdrawn id is never reused
      const next = await addJson(t)
      expect(next.id).to.equal('2027-0002')
    })
  })

  describe('config', () => {
    it('config show --json has the exact DESIGN §5 shape', async () => {
      const r = await runCli(['config', 'show', '--json', '--register', t.register])
      expect(r.code).to.equal(0)
      const c = json<ConfigJson>(r)
      expect(c).to.have.all.keys('rules', 'settings')
      expect(c.rules).to.include.all.keys('version', 'procurementLimitFen', 'approvalStandardFen', 'timeLimits')
      expect(c.rules.version).to.be.a('string').and.not.equal('')
      expect(c.rules.procurementLimitFen).to.deep.equal({goods: 50 * WAN, services: 80 * WAN, works: 100 * WAN})
      expect(c.rules.approvalStandardFen).to.equal(100 * WAN)
      expect(c.rules.timeLimits).to.deep.equal({'secrecy-prereview': 10, 'cyber-prereview': 10, approval: 20, 'technical-review': 20, 'fiscal-review': 20})
      // region (issue 23, DESIGN §18): the jurisdiction, its level and the measures are shown too
      expect(c.settings).to.have.all.keys('planYear', 'declarationDeadline', 'lang', 'region', 'level', 'measuresName')
      expect(c.settings).to.deep.equal({planYear: 2027, declarationDeadline: '2026-12-31', lang: 'zh', region: '郴州市', level: '市本级', measuresName: '郴州市本级财政投资类信息化项目管理暂行办法'})
    })

    it('config show marks the approval standard as an assumption until the office sets it', async () => {
      const standardLine = (out: string) => out.split('\n').find((l) => l.trim().startsWith('立项金额标准'))
      const before = await runCli(['config', 'show', '--register', t.register])
      expect(standardLine(before.stdout)).to.include('100.00 万元').and.include('假设')
      const set = await runCli(['config', 'set', 'approval-standard', '1,000,000元', '--register', t.register])
      expect(set.code, set.stderr).to.equal(0)
      const after = await runCli(['config', 'show', '--register', t.register])
      expect(standardLine(after.stdout)).to.include('100.00 万元')
      expect(standardLine(after.stdout)).to.not.include('假设')
    })

    it('config set takes 80万, 800000 and 800,000元 alike, and time limits and the deadline', async () => {
      const forms: Array<[string, number]> = [['60万', 60 * WAN], ['700000', 70 * WAN], ['650,000元', 65 * WAN]]
      for (const [value, fen] of forms) {
        const r = await runCli(['config', 'set', 'procurement-limit.services', value, '--json', '--register', t.register])
        expect(r.code, value).to.equal(0)
        expect(json<{to: number}>(r).to, value).to.equal(fen)
      }
      expect((await runCli(['config', 'set', 'time-limit.fiscal-review', '15', '--register', t.register])).code).to.equal(0)
      expect((await runCli(['config', 'set', 'declaration-deadline', '2026-11-30', '--register', t.register])).code).to.equal(0)
      const c = json<ConfigJson>(await runCli(['config', 'show', '--json', '--register', t.register]))
      expect(c.rules.procurementLimitFen.services).to.equal(65 * WAN)
      expect(c.rules.timeLimits['fiscal-review']).to.equal(15)
      expect(c.settings.declarationDeadline).to.equal('2026-11-30')
    })

    it('config set procurement-limit.goods 20万 is refused (below the 30万 floor): exit 2, nothing written', async () => {
      const before = snapshot(t)
      const [goods, works] = await Promise.all([
        runCli(['config', 'set', 'procurement-limit.goods', '20万', '--register', t.register]),
        runCli(['config', 'set', 'procurement-limit.works', '59.99万', '--register', t.register]),
      ])
      expect(goods.code).to.equal(2)
      expect(goods.stderr).to.include('20万').and.include('30').and.include('下限')
      expect(works.code).to.equal(2)
      expect(works.stderr).to.include('60')
      expect(snapshot(t)).to.equal(before)
      // exactly at the floor is allowed
      const floor = await runCli(['config', 'set', 'procurement-limit.goods', '30万', '--json', '--register', t.register])
      expect(floor.code).to.equal(0)
      expect(json<{to: number}>(floor).to).to.equal(30 * WAN)
    })

    // Regression (fixed): the refusal of `config set procurement-limit.goods 20万` shows a raw catalogue key instead of the
    // setting's name: 「“field.procurement-limit.goods”为 20万，低于省定下限 30 万元」 (no `field.procurement-limit.*`
    // message in src/core/i18n/zh.ts). Likewise `config set approval-standard 90万` with the default rules says
    // 「立项金额标准不能低于works类采购限额」 with the identifier `works` instead of 工程.
    // Repro: itplan init --year 2027 --register R; itplan config set procurement-limit.goods 20万 --register R
    it('config refusals name the setting and the category in Chinese, not catalogue keys or identifiers', async () => {
      const r = await runCli(['config', 'set', 'procurement-limit.goods', '20万', '--register', t.register])
      expect(r.code).to.equal(2)
      expect(r.stderr).to.not.include('field.')
      expect(r.stderr).to.include('货物')
      const s = await runCli(['config', 'set', 'approval-standard', '90万', '--register', t.register])
      expect(s.code).to.equal(2)
      expect(s.stderr).to.include('工程')
      expect(s.stderr).to.not.include('works')
    })

    it('refuses a standard below a limit, an unknown key and a malformed amount: exit 2, nothing written', async () => {
      const before = snapshot(t)
      const [below, key, amount] = await Promise.all([
        runCli(['config', 'set', 'approval-standard', '90万', '--register', t.register]),
        runCli(['config', 'set', 'approval-limit', '90万', '--register', t.register]),
        runCli(['config', 'set', 'approval-standard', '1.2.3', '--register', t.register]),
      ])
      expect(below.code).to.equal(2) // 90 万 < the works limit of 100 万
      expect(below.stderr).to.include('立项金额标准')
      expect(key.code).to.equal(2)
      expect(key.stderr).to.include('approval-limit')
      expect(amount.code).to.equal(2)
      expect(amount.stderr).to.include('1.2.3')
      expect(snapshot(t)).to.equal(before)
    })
  })

  describe('project route after a rules change', () => {
    it('--dry-run lists exactly the projects that would move and writes nothing; then route moves exactly those', async () => {
      const specs: Array<[string, string, string]> = [
        ['服务85万', 'services', '85万'], // review → review
        ['服务95万', 'services', '95万'], // review → approval
        ['货物90万', 'goods', '90万'], // review → approval (the tie at the new standard)
        ['服务89.99万', 'services', '89.99万'], // review → review
        ['工程85万', 'works', '85万'], // self → review (works limit 80万)
        ['工程70万', 'works', '70万'], // self → self
        ['服务120万', 'services', '120万'], // approval → approval
        ['撤回95万', 'services', '95万'], // withdrawn: not re-routed
      ]
      const ids = new Map<string, string>()
      const added = await Promise.all(specs.map(([name, category, total]) => addJson(t, {name, 'procurement-category': category, total})))
      for (const p of added) ids.set(p.name, p.id)
      expect(ids.size).to.equal(specs.length)
      const w = await runCli(['project', 'withdraw', ids.get('撤回95万')!, '--confirm', ids.get('撤回95万')!, '--register', t.register])
      expect(w.code).to.equal(0)

      expect((await runCli(['config', 'set', 'procurement-limit.works', '80万', '--register', t.register])).code).to.equal(0)
      const set = await runCli(['config', 'set', 'approval-standard', '90万', '--register', t.register])
      expect(set.code, set.stderr).to.equal(0)
      // config set changes the rules, not the projects: route does that
      const stale = new Map((await list(t)).map((p) => [p.name, p.track]))
      expect(stale.get('服务95万')).to.equal('review')

      const expected = [
        {id: ids.get('服务95万')!, from: 'review', to: 'approval'},
        {id: ids.get('货物90万')!, from: 'review', to: 'approval'},
        {id: ids.get('工程85万')!, from: 'self', to: 'review'},
      ].sort((a, b) => a.id.localeCompare(b.id)) // listed in register order
      const before = snapshot(t)
      const dry = await runCli(['project', 'route', '--dry-run', '--json', '--register', t.register])
      expect(dry.code, dry.stderr).to.equal(0)
      const dryBody = json<{dryRun: boolean; moved: Array<{id: string; from: string; to: string; reason: string}>}>(dry)
      expect(dryBody.dryRun).to.equal(true)
      expect(dryBody.moved.map(({id, from, to}) => ({id, from, to}))).to.deep.equal(expected)
      expect(dryBody.moved.find((m) => m.id === ids.get('货物90万'))!.reason).to.include('以上').and.include('以下')
      expect(snapshot(t)).to.equal(before)

      const dryText = await runCli(['project', 'route', '--dry-run', '--register', t.register])
      expect(dryText.code).to.equal(0)
      for (const e of expected) expect(dryText.stdout).to.include(e.id!)
      expect(dryText.stdout).to.not.include(ids.get('服务85万')!)
      expect(dryText.stdout).to.include('未写入')
      expect(snapshot(t)).to.equal(before)

      const real = await runCli(['project', 'route', '--json', '--register', t.register])
      expect(real.code, real.stderr).to.equal(0)
      const realBody = json<{dryRun: boolean; moved: Array<{id: string; from: string; to: string}>}>(real)
      expect(realBody.dryRun).to.not.equal(true)
      expect(realBody.moved.map(({id, from, to}) => ({id, from, to}))).to.deep.equal(expected)

      const tracks = new Map((await list(t)).map((p) => [p.name, p]))
      expect(tracks.get('服务85万')!.track).to.equal('review')
      expect(tracks.get('服务95万')!.track).to.equal('approval')
      expect(tracks.get('货物90万')!.track).to.equal('approval')
      expect(tracks.get('服务89.99万')!.track).to.equal('review')
      expect(tracks.get('工程85万')!.track).to.equal('review')
      expect(tracks.get('工程70万')!.track).to.equal('self')
      expect(tracks.get('服务120万')!.track).to.equal('approval')
      expect(tracks.get('撤回95万')!.track).to.equal('review')
      expect(tracks.get('服务95万')!.routing.approvalStandardFen).to.equal(90 * WAN)
      expect(tracks.get('工程85万')!.routing.procurementLimitFen).to.equal(80 * WAN)

      // the move is journalled on the project
      const history = json<ProjectJson>(await runCli(['project', 'show', ids.get('服务95万')!, '--json', '--register', t.register])).history!
      expect(history.at(-1)!.action).to.equal('reroute')
      expect(history.at(-1)!.change.track).to.deep.include({from: 'review', to: 'approval', basis: 'total'})

      // nothing left to move
      const again = json<{moved: unknown[]}>(await runCli(['project', 'route', '--json', '--register', t.register]))
      expect(again.moved).to.deep.equal([])
    })
  })

  // Regression (fixed): `project route --json` without --dry-run omits the `dryRun` field: the command returns
  // {dryRun: this.flags['dry-run']}, which is undefined when the flag is absent, and JSON.stringify drops it.
  // A script reading `.dryRun` gets undefined instead of false (DESIGN §5: fields are never removed or retyped).
  // Repro: itplan init --register R; itplan project route --json --register R → {"rulesVersion": ..., "moved": []}
  it('project route --json says dryRun: false when it wrote', async () => {
    const r = await runCli(['project', 'route', '--json', '--register', t.register])
    expect(r.code).to.equal(0)
    expect(json<{dryRun: boolean}>(r).dryRun).to.equal(false)
  })

  describe('lock', () => {
    it('a held lock makes a mutation exit 5 within a few seconds (--lock-timeout 1), writing nothing', async () => {
      fs.mkdirSync(t.lock) // what proper-lockfile holds: a fresh directory beside the register
      const before = snapshot(t)
      const [r, j] = await Promise.all([
        runCli(['project', 'add', ...projectFlags(), '--lock-timeout', '1', '--register', t.register], {timeoutMs: 15_000}),
        runCli(['config', 'set', 'approval-standard', '120万', '--lock-timeout', '1', '--json', '--register', t.register], {timeoutMs: 15_000}),
      ])
      expect(r.timedOut).to.equal(false)
      expect(r.code, r.stderr).to.equal(5)
      expect(r.ms).to.be.below(6_000)
      expect(r.stderr).to.include(t.register)
      expect(snapshot(t)).to.equal(before)
      expect(fs.existsSync(t.lock)).to.equal(true) // someone else's lock is not removed

      expect(j.code).to.equal(5)
      expect(json<ErrorJson>(j).error.exitCode).to.equal(5)

      // reads do not need the lock
      const read = await runCli(['project', 'list', '--json', '--register', t.register])
      expect(read.code).to.equal(0)

      fs.rmdirSync(t.lock)
      const after = await add(t)
      expect(after.code, after.stderr).to.equal(0)
    })
  })

  describe('stale lock', () => {
    it('the lock of a crashed writer (an old lock directory) is taken over, not waited on forever', async () => {
      fs.mkdirSync(t.lock)
      const old = new Date(Date.now() - 120_000)
      fs.utimesSync(t.lock, old, old)
      const r = await runCli(['project', 'add', ...projectFlags(), '--lock-timeout', '2', '--json', '--register', t.register], {timeoutMs: 15_000})
      expect(r.code, r.stderr).to.equal(0)
      expect(json<ProjectJson>(r).id).to.equal('2027-0001')
      expect(fs.existsSync(t.lock)).to.equal(false)
    })
  })

  // Regression (fixed): `project add` decides whether to prompt for the (optional) procurement category with
  // `process.stdin.isTTY` instead of `isInteractive()` (src/commands/project/add.ts). From a terminal with stdout
  // redirected (`itplan project add ... --json > out.json`, or ITPLAN_NO_PROMPT set), stdin is a TTY but prompting
  // is off, so askChoice throws usage.missingFlag: exit 2 「缺少必填参数 --procurement-category」, where a
  // non-terminal run defaults to services with a warning (DESIGN §6: procurementCategory defaults to services).
  // Repro (Linux): script -qec "itplan project add --register R --unit 市公安局 --name P --nature new
  //   --category data --total 1万 --fiscal 1万 --json | cat" /dev/null   → {"error":{"code":"usage.missingFlag",...}}
  it('from a terminal with stdout redirected, a missing --procurement-category still defaults to services', function () {
    if (process.platform === 'win32' || !fs.existsSync('/usr/bin/script')) this.skip()
    const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`
    const args = ['project', 'add', ...projectFlags({'procurement-category': null}), '--json', '--register', t.register]
    const command = `${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')} | cat`
    const r = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, timeout: 15_000})
    expect(r.stdout).to.not.include('usage.missingFlag')
    const body = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as ProjectJson
    expect(body.procurementCategory).to.equal('services')
  })

  describe('register location', () => {
    it('uses --register, else ITPLAN_REGISTER, else ./data/register.json under the current directory', async () => {
      // a register under a Chinese folder and file name, found through ITPLAN_REGISTER
      const dir = `${t.dir}/数字政府办公室`
      const register = `${dir}/郴州市登记簿.json`
      const init = await runCli(['init', '--year', '2027'], {env: {ITPLAN_REGISTER: register}})
      expect(init.code, init.stderr).to.equal(0)
      const viaEnv = await runCli(['project', 'add', ...projectFlags(), '--json'], {env: {ITPLAN_REGISTER: register}})
      expect(viaEnv.code, viaEnv.stderr).to.equal(0)
      expect(fs.readdirSync(dir).sort()).to.deep.equal(['郴州市登记簿.json', '郴州市登记簿.json.audit.jsonl', '郴州市登记簿.json.audit.pending.jsonl', '郴州市登记簿.json.backups', '郴州市登记簿.json.years'])
      // --register wins over ITPLAN_REGISTER
      const viaFlag = await runCli(['project', 'list', '--json', '--register', register], {env: {ITPLAN_REGISTER: t.register}})
      expect(json<ProjectJson[]>(viaFlag).map((p) => p.id)).to.deep.equal(['2027-0001'])

      // neither: ./data/register.json under the current directory
      const local = await runCli(['init', '--year', '2028'], {cwd: t.dir})
      expect(local.code, local.stderr).to.equal(0)
      expect(fs.existsSync(`${t.dir}/data/register.json`)).to.equal(true)
      const show = await runCli(['config', 'show', '--json'], {cwd: t.dir})
      expect(json<ConfigJson>(show).settings.planYear).to.equal(2028)
    })
  })
})

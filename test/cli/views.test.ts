// Issue 15, "time" and "views": what the clerk reads in the terminal, through the real binary. Times are the
// clerk's clock with its offset (the CLI runs with TZ=Asia/Shanghai, so a journal entry stored at 08:24Z reads
// 16:24 +08:00); project show has every section the register holds; the journal reads in words; tables fit a
// 100-column terminal; evaluate and construction report say what they recorded.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import stringWidth from 'string-width'
import {initRegister, json, projectFlags, runCli, tempRegister, type CliResult, type TempRegister} from '../helpers/cli.js'
import type {JournalEntry, Project} from '../../src/core/domain/types.js'

const SHANGHAI = {TZ: 'Asia/Shanghai'}
const HOUR_MS = 3_600_000

/** What a stored instant reads on a clock `hours` east of UTC: `2026-12-01 16:24 +08:00`. */
function wallClock(iso: string, hours = 8, offset = '+08:00'): string {
  return `${new Date(Date.parse(iso) + hours * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ')} ${offset}`
}

/** The instant as it used to be shown: UTC read as if it were local. */
const utcAsLocal = (iso: string) => iso.slice(0, 16).replace('T', ' ')

const wan = (fen: number) => (fen / 1_000_000).toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2})

describe('itplan local times and readable views (issue 15, through the CLI)', function () {
  this.timeout(180_000)
  let t: TempRegister
  const id: Record<string, string> = {}
  const cli = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => runCli([...args, '--register', t.register], {cwd: t.dir, env: {...SHANGHAI, ...env}})
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function ok<T = any>(args: string[]): Promise<T> {
    const r = await cli([...args, '--json'])
    expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).to.equal(0)
    return json<T>(r)
  }
  async function text(args: string[], env: Record<string, string> = {}): Promise<string> {
    const r = await cli(args, env)
    expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).to.equal(0)
    return r.stdout
  }
  const add = async (key: string, o: Record<string, string>) => (id[key] = (await ok<Project>(['project', 'add', ...projectFlags({'declared-on': '2025-12-01', ...o}), '--year', '2026'])).id)

  before(async () => {
    t = tempRegister()
    await initRegister(t.dir, 2026)
    await add('A', {unit: '市公安局', name: '智慧警务平台', total: '150万', 'annual-plan': '90万', 'supervising-department': '市政府办'})
    await add('S', {unit: '市数据资源局', name: '城市运行管理平台', total: '20万'})
    await add('W', {unit: '市民政局', name: '养老服务平台', total: '30万'})
    await add('G', {unit: '市水利局', name: '水情监测平台', total: '30万'})
  })
  after(() => t.cleanup())

  describe('times are local with the offset', () => {
    it('project show: the history reads 16:24 +08:00 where the journal stores 08:24Z', async () => {
      const shown = await ok<Project & {history: JournalEntry[]}>(['project', 'show', id.A])
      const out = await text(['project', 'show', id.A])
      expect(shown.history.length).to.be.greaterThan(0)
      for (const e of shown.history) {
        expect(e.at, 'the journal keeps UTC').to.match(/Z$/)
        expect(out).to.contain(wallClock(e.at))
        expect(out).to.not.contain(utcAsLocal(e.at))
      }
    })

    it('audit log: local time with the offset, on whatever clock the machine keeps (Kolkata +05:30, UTC +00:00)', async () => {
      const entries = await ok<JournalEntry[]>(['audit', 'log'])
      const shanghai = await text(['audit', 'log'])
      const kolkata = await text(['audit', 'log'], {TZ: 'Asia/Kolkata'})
      const utc = await text(['audit', 'log'], {TZ: 'UTC'})
      for (const e of entries) {
        expect(shanghai).to.contain(wallClock(e.at)).and.not.contain(utcAsLocal(e.at))
        expect(kolkata).to.contain(wallClock(e.at, 5.5, '+05:30'))
        expect(utc).to.contain(`${utcAsLocal(e.at)} +00:00`)
      }
    })

    it('backup list and doctor show when each backup was taken on the local clock; --json keeps the instant', async () => {
      const backups = await ok<Array<{id: string; createdAt: string}>>(['backup', 'list'])
      expect(backups.length).to.be.greaterThan(0)
      const out = await text(['backup', 'list'])
      for (const b of backups) {
        expect(b.id, 'the id (the file name) stays UTC, so backup restore takes the ids it always took').to.match(/^\d{8}T\d{9}Z-\d{6}$/)
        expect(new Date(b.createdAt).toISOString()).to.equal(b.createdAt)
        expect(out.split('\n').find((l) => l.includes(b.id))).to.contain(wallClock(b.createdAt))
      }
      expect(out).to.not.contain(backups[0].createdAt)
      expect(await text(['doctor'])).to.contain(wallClock(backups.at(-1)!.createdAt))
    })

    it('the HTML report footer says when it was generated on the local clock', async () => {
      const file = path.join(t.dir, 'report.html')
      await text(['report', '--html', file, '--as-of', '2026-06-30'])
      const footer = /<footer>(.*)<\/footer>/.exec(fs.readFileSync(file, 'utf8'))![1]
      const m = /生成于 (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) \+08:00/.exec(footer)
      expect(m, footer).to.not.equal(null)
      const generated = Date.parse(`${m![1]}T${m![2]}:00+08:00`)
      expect(Math.abs(generated - Date.now())).to.be.below(5 * 60_000)
      expect(footer).to.not.match(/\d{2}:\d{2}:\d{2}\.\d{3}Z/)
    })
  })

  describe('project show: every section in words', () => {
    it('an approval-track project before the plan is approved lists the five stages to come, not "no stages"', async () => {
      const out = await text(['project', 'show', id.A])
      expect(out).to.not.contain('无需评审环节')
      expect(out).to.contain('计划经市人民政府批准后开始以下 5 个评审环节')
      const order = ['市委办前置审查（市委办', '市委网信办网络安全前置审查备案（市委网信办', '市发改委立项审批（市发改委', '市行政审批服务局技术评审', '市财政局财政投资评审（市财政局']
      const at = order.map((s) => out.indexOf(s))
      expect(at.every((i) => i > 0), out).to.equal(true)
      expect([...at].sort((a, b) => a - b)).to.deep.equal(at)
      expect(out).to.contain('同时开始')
      // the funds the declaration gave
      expect(out).to.contain('年度计划投资：90.00 万元').and.contain('主管部门：市政府办').and.contain('资金来源：财政资金')
      // a self-implemented project truly has none
      expect(await text(['project', 'show', id.S])).to.contain('无需评审环节')
    })

    it('after the approval: the stages as recorded, the approved amount of the fiscal review', async () => {
      await ok(['plan', 'build', '--year', '2026'])
      await ok(['plan', 'approve', '--year', '2026', '--by', 'leading-group', '--doc', '郴数政组〔2026〕1号', '--date', '2026-01-20'])
      await ok(['plan', 'approve', '--year', '2026', '--by', 'government', '--doc', '郴政函〔2026〕5号', '--date', '2026-02-02'])
      expect(await text(['project', 'show', id.A])).to.contain('市委办前置审查（市委办）：办理中').and.not.contain('批准后开始以下')
      const stages: Array<[string, string]> = [['secrecy-prereview', '2026-02-05'], ['cyber-prereview', '2026-02-06'], ['approval', '2026-02-20'], ['technical-review', '2026-03-06']]
      for (const [stage, date] of stages) await ok(['review', 'record', id.A, '--stage', stage, '--result', 'passed', '--date', date])
      await ok(['review', 'record', id.A, '--stage', 'fiscal-review', '--result', 'passed', '--amount', '140万', '--doc', '郴财评〔2026〕8号', '--date', '2026-03-20'])
      const out = await text(['project', 'show', id.A])
      expect(out).to.contain('审定金额 140.00 万元，文号 郴财评〔2026〕8号，比总投资少 10.00 万元')
      expect(out).to.contain('市财政局财政投资评审（市财政局）：通过')
    })

    it('construction, acceptance and evaluation details, each labelled', async () => {
      const s = id.S
      await ok(['construction', 'start', s, '--responsible', '张三', '--supervisor', '郴州正信工程监理有限公司', '--contractor', '湖南某科技有限公司', '--contract-amount', '18万', '--date', '2026-03-02'])
      await ok(['construction', 'report', s, '--kind', 'delay', '--description', '主体工程逾期三个月', '--date', '2026-05-06'])
      await ok(['construction', 'suspend', s, '--reason', '等待机房改造', '--date', '2026-05-10'])
      const suspended = await text(['project', 'show', s])
      expect(suspended).to.contain('2026-05-10 起暂停建设：等待机房改造')
      await ok(['construction', 'resume', s, '--date', '2026-06-01'])
      await ok(['construction', 'complete', s, '--date', '2026-08-03'])
      await ok(['acceptance', 'preliminary', s, '--result', 'passed', '--date', '2026-08-10'])
      await ok(['acceptance', 'apply', s, '--date', '2026-08-12'])
      await ok(['acceptance', 'tech-review', s, '--cloud', 'pass', '--sharing', 'pass', '--security', 'fail', '--date', '2026-08-20'])
      await ok(['acceptance', 'apply', s, '--date', '2026-09-01'])
      await ok(['acceptance', 'tech-review', s, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--opinion', '整改到位', '--date', '2026-09-08'])
      await ok(['acceptance', 'expert', s, '--result', 'passed', '--date', '2026-09-15'])
      await ok(['acceptance', 'file', s, '--doc', '郴数备〔2026〕3号', '--date', '2026-09-18'])
      await ok(['evaluate', s, '--score', '86', '--date', '2026-12-01'])
      const out = await text(['project', 'show', s])
      for (const line of [
        '开工日期：2026-03-02',
        '项目负责人：张三',
        '监理单位：郴州正信工程监理有限公司',
        '承建单位：湖南某科技有限公司',
        '合同金额：18.00 万元',
        '完工日期：2026-08-03',
        '2026-05-06 严重逾期：主体工程逾期三个月',
        '初步验收：2026-08-10，通过',
        '申请竣工验收：2026-09-01',
        '技术支持组审查：2026-09-08，政务云 通过，数据共享 通过，网络安全 通过',
        '意见：整改到位',
        '竣工验收未通过 1 次',
        '整改：2026-09-01，整改后重新申请验收',
        '专家验收：2026-09-15，通过',
        '验收备案：2026-09-18，文号 郴数备〔2026〕3号',
        '2026-12-01：评分 86，等次“良”',
      ]) {
        expect(out, line).to.contain(line)
      }
      for (const section of ['资金', '建设', '验收与备案', '绩效评价', '变更记录']) expect(out.split('\n'), section).to.include(section)
      expect(out, 'no longer suspended').to.not.contain('起暂停建设')
    })
  })

  describe('the journal in words', () => {
    it('audit log: local time, the step in Chinese, the project and what changed — no raw JSON, no action ids', async () => {
      const entries = await ok<JournalEntry[]>(['audit', 'log'])
      const out = await text(['audit', 'log'])
      expect(out).to.not.contain('{"')
      for (const action of ['review-record', 'construction-start', 'acceptance-tech-review', 'plan-approve', 'create']) expect(out).to.not.match(new RegExp(`(^|\\s)${action}(\\s|$)`, 'm'))
      for (const words of ['创建登记簿', '登记项目', '记录评审结果', '开工建设', '报告建设问题', '技术支持组审查', '验收备案', '绩效评价', '审批年度计划']) expect(out, words).to.contain(words)
      expect(out).to.contain(`${id.S} 城市运行管理平台`)
      expect(out).to.contain('市财政局财政投资评审：通过（2026-03-20），文号 郴财评〔2026〕8号，审定金额 140.00 万元')
      expect(out).to.contain('2026-03-02 开工，负责人 张三，监理单位 郴州正信工程监理有限公司')
      expect(out).to.contain('2026-08-20：政务云 通过，数据共享 通过，网络安全 不通过；状态“已申请竣工验收”→“整改中”')
      expect(out).to.contain('2026 年度计划由市人民政府审批（郴政函〔2026〕5号，2026-02-02）')
      for (const e of entries) expect(out).to.contain(`#${e.seq}`)
    })

    it('audit log --json is the journal exactly as the hash chain covers it', async () => {
      const entries = await ok<JournalEntry[]>(['audit', 'log'])
      const file = fs.readFileSync(t.journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalEntry)
      expect(entries).to.deep.equal(file)
      expect((await cli(['audit', 'verify'])).code).to.equal(0)
    })
  })

  describe('steps say what they recorded', () => {
    it('evaluate echoes the score, the grade and what it means for the unit (Art. 20)', async () => {
      for (const [key, date] of [['W', '2026-03-02'], ['G', '2026-03-03']] as const) {
        await ok(['construction', 'start', id[key], '--responsible', '李四', '--supervisor', '郴州正信工程监理有限公司', '--date', date])
        await ok(['construction', 'complete', id[key], '--date', '2026-04-01'])
        await ok(['acceptance', 'preliminary', id[key], '--result', 'passed', '--date', '2026-04-02'])
        await ok(['acceptance', 'apply', id[key], '--date', '2026-04-03'])
        await ok(['acceptance', 'tech-review', id[key], '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2026-04-06'])
        await ok(['acceptance', 'expert', id[key], '--result', 'passed', '--date', '2026-04-08'])
      }
      const pending = await ok<Project>(['project', 'add', ...projectFlags({unit: '市民政局', name: '社区养老信息系统', total: '40万', 'declared-on': '2026-11-20'}), '--year', '2027'])
      const weak = await text(['evaluate', id.W, '--score', '55', '--date', '2026-11-30'])
      expect(weak).to.contain(`已记录项目 ${id.W} 的绩效评价：55 分，等次“差”（2026-11-30）`)
      expect(weak).to.contain('“市民政局”此后申报的项目标记为“绩效偏弱”（第二十条）')
      expect(weak).to.contain(`其 1 个待审项目已标记“绩效偏弱”：${pending.id}`)
      expect(weak.indexOf('绩效评价：55 分'), 'the record before the status').to.be.below(weak.indexOf('现为“已竣工验收”'))
      const good = await text(['evaluate', id.G, '--score', '92', '--date', '2026-11-30'])
      expect(good).to.contain('92 分，等次“优”').and.contain('“市水利局”后续申报不受影响')
    })

    it('construction report confirms the incident (kind, date, description), then the status', async () => {
      const p = await ok<Project>(['project', 'add', ...projectFlags({unit: '市教育局', name: '智慧校园平台', total: '30万', 'declared-on': '2026-11-20'}), '--year', '2027'])
      await ok(['plan', 'build', '--year', '2027'])
      await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', '郴数政组〔2027〕1号', '--date', '2027-01-20'])
      await ok(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', '郴政函〔2027〕5号', '--date', '2027-02-02'])
      await ok(['construction', 'start', p.id, '--responsible', '王五', '--supervisor', '郴州正信工程监理有限公司', '--date', '2027-03-01'])
      const out = await text(['construction', 'report', p.id, '--kind', 'loss', '--description', '服务器采购价格虚高约 3 万元', '--date', '2027-04-02'])
      expect(out).to.contain(`已记录项目 ${p.id} 报告的问题：重大投资损失（2027-04-02）`)
      expect(out).to.contain('说明：服务器采购价格虚高约 3 万元')
      expect(out.indexOf('重大投资损失'), 'the incident before the status').to.be.below(out.indexOf('现为“建设中”'))
    })
  })

  describe('tables fit the terminal', () => {
    const longName = '郴州市城市运行管理中心二期暨城市大脑一网统管平台扩容升级建设项目'
    const longUnit = '市行政审批服务局（市政务服务中心）'
    before(async () => {
      for (let i = 0; i < 3; i++) await ok(['project', 'add', ...projectFlags({unit: `${longUnit}${i}`, name: `${longName}${i}`, total: '1.2亿', 'declared-on': '2026-11-20'}), '--year', '2027'])
    })

    for (const columns of [100, 80]) {
      it(`project list at COLUMNS=${columns}: no line wider than the terminal, long names cut with …, ids and amounts whole`, async () => {
        const projects = await ok<Project[]>(['project', 'list'])
        const out = await text(['project', 'list'], {COLUMNS: String(columns)})
        const lines = out.split('\n').filter((l) => l !== '')
        for (const line of lines) expect(stringWidth(line), line).to.be.at.most(columns)
        expect(out).to.contain('…').and.not.contain(longName)
        for (const p of projects) {
          const row = lines.find((l) => l.includes(p.id))
          expect(row, p.id).to.be.a('string')
          expect(row, p.id).to.contain(wan(p.totalInvestmentFen))
        }
      })
    }

    it('audit log and review list fit COLUMNS=100 too', async () => {
      for (const args of [['audit', 'log'], ['review', 'list']]) {
        const out = await text(args, {COLUMNS: '100'})
        for (const line of out.split('\n')) expect(stringWidth(line), `${args.join(' ')}: ${line}`).to.be.at.most(100)
      }
    })

    it('on a pipe without COLUMNS nothing is cut: grep and a saved list keep every word', async () => {
      const out = await text(['project', 'list'])
      // a cell wider than 60 columns wraps inside the table, as it always did
      const long = (await ok<Project[]>(['project', 'list'])).filter((p) => p.name.startsWith(longName))
      expect(long).to.have.length(3)
      for (const p of long) expect(out).to.contain(p.unit).and.contain(p.name.slice(-3))
      expect(out).to.not.contain('…')
    })
  })
})

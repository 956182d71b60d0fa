// The summary report (DESIGN §5 `report`, issue 5) through the real binary: `report --json`, `report --html F` and
// the terminal output of the same register must show the same numbers — the JSON's integer 分 totals, formatted
// as 万元 with two decimals on the page and in the terminal. The page is one self-contained file (inline SVG, no
// script, nothing fetched); `--as-of` moves the overdue counts; `--year` filters. The totals are read as of a day
// after every dated record: `--as-of D` counts only what had happened by D (DESIGN §11.9, test/cli/calendar-moves).
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import {initRegister, json, projectFlags, runCli, tempRegister, type CliResult, type TempRegister} from '../helpers/cli.js'

interface Amounts {
  count: number
  totalInvestmentFen: number
  fiscalFundsFen: number
}
interface Report {
  year: number | null
  asOf: string
  totals: Amounts
  byTrack: Array<{track: string} & Amounts>
  byCategory: Array<{category: string} & Amounts>
  byStatus: Array<{status: string} & Amounts>
  byUnit: Array<{unit: string} & Amounts>
  deadlinesByDepartment: Array<{department: string; open: number; overdue: number; items: Array<{projectId: string; key: string; daysLeft: number}>}>
  incidents: Array<{projectId: string; kind: string; date: string; description: string}>
}
interface Project {
  id: string
  planYear: number
  unit: string
  track: string
  category: string
  status: string
  totalInvestmentFen: number
  fiscalFundsFen: number
}

const TRACK_WORDS: Record<string, string> = {self: '自行组织实施', review: '技术初审+财政投资评审', approval: '立项+技术初审+财政投资评审'}
const CATEGORY_WORDS: Record<string, string> = {infrastructure: '基础设施', data: '数据系统', business: '业务系统', service: '服务系统'}
const EVIL_NAME = '<script>alert("x")</script>预算&一体化'

/** 万元 with two decimals (half up) and thousands separators, from integer 分. */
function wan(fen: number): string {
  const hundredths = Math.floor((fen + 5_000) / 10_000)
  return `${Math.floor(hundredths / 100).toLocaleString('en-US')}.${String(hundredths % 100).padStart(2, '0')}`
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

/** The text of the element carrying the data attribute `attr`. */
function dataValue(html: string, attr: string): string {
  const m = new RegExp(`<[a-z]+[^>]*\\s${attr}(?:=["'][^"']*["'])?[^>]*>([^<]*)</`).exec(html)
  expect(m, attr).to.not.equal(null)
  return unescape(m![1]).trim()
}

/** label → value text of the bars of the SVG chart under `caption`. */
function chart(html: string, caption: string): Map<string, string> {
  const fig = new RegExp(`<figure><figcaption>${caption}</figcaption>([\\s\\S]*?)</figure>`).exec(html)
  expect(fig, `chart ${caption}`).to.not.equal(null)
  expect(fig![1]).to.match(/^<svg[\s>]/)
  const bars = new Map<string, string>()
  for (const m of fig![1].matchAll(/<text[^>]*>([^<]*)<\/text><rect[^>]*\/>(?:<\/rect>)?<text[^>]*>([^<]*)<\/text>/g)) bars.set(unescape(m[1]), unescape(m[2]))
  return bars
}

/** Rows (cell texts) of the first table after the heading `heading`. */
function tableAfter(html: string, heading: string): string[][] {
  const at = html.indexOf(`<h2>${heading}</h2>`)
  expect(at, `section ${heading}`).to.be.greaterThan(-1)
  const table = /<table>([\s\S]*?)<\/table>/.exec(html.slice(at))![1]
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)![1]
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescape(c[1])))
}

/** A day on or after every dated record of the register below, those dated today included (`--as-of` counts
 * only what had happened by then, §11.9). */
const TODAY = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
const AFTER_ALL = TODAY > '2026-12-31' ? TODAY : '2026-12-31'

const overdueTotal = (r: Report) => r.deadlinesByDepartment.reduce((s, d) => s + d.overdue, 0)

describe('itplan report (issue 5, through the CLI)', function () {
  this.timeout(60_000)
  let t: TempRegister
  const id: Record<string, string> = {}
  let projects: Project[] = []

  const cli = (args: string[]): Promise<CliResult> => runCli([...args, '--register', t.register], {cwd: t.dir})
  async function ok<T = unknown>(args: string[]): Promise<T> {
    const r = await cli([...args, '--json'])
    expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).to.equal(0)
    return json<T>(r)
  }
  async function html(args: string[], name: string): Promise<{page: string; terminal: CliResult}> {
    const file = path.join(t.dir, name)
    const r = await cli(['report', '--html', file, ...args])
    expect(r.code, r.stderr).to.equal(0)
    return {page: fs.readFileSync(file, 'utf8'), terminal: r}
  }

  before(async () => {
    t = tempRegister()
    await initRegister(t.dir, 2026)
    const declarations: Array<[string, Record<string, string>, string[]]> = [
      ['R1', {unit: '市公安局', name: '智慧警务平台', total: '85万', fiscal: '80万'}, []],
      ['R2', {unit: '市公安局', name: '警务数据治理', total: '123,456.78元', category: 'data'}, []],
      ['R3', {unit: '市数据资源局', name: '城市大脑中枢', total: '1,234.5万', fiscal: '1000万', 'procurement-category': 'works', category: 'infrastructure'}, []],
      ['R4', {unit: '市财政局', name: EVIL_NAME, total: '499,999.99元', 'procurement-category': 'goods', category: 'service'}, []],
      ['R5', {unit: '市卫生健康委员会', name: '健康档案', total: '99.99万'}, []],
      ['R6', {unit: '市公安局', name: '视频云', total: '200万', 'declared-on': '2026-12-01'}, ['--year', '2027']],
      ['R7', {unit: '市教育局', name: '智慧校园', total: '45.5万', 'procurement-category': 'goods', category: 'infrastructure', 'declared-on': '2026-12-01'}, ['--year', '2027']],
    ]
    for (const [key, overrides, extra] of declarations) {
      id[key] = (await ok<Project>(['project', 'add', ...projectFlags({'declared-on': '2025-12-01', ...overrides}), ...extra])).id
    }
    await ok(['project', 'withdraw', id.R5, '--confirm', id.R5])
    await ok(['plan', 'build', '--year', '2026'])
    await ok(['plan', 'approve', '--year', '2026', '--by', 'leading-group', '--doc', '郴数政组〔2026〕1号', '--date', '2026-09-10'])
    await ok(['plan', 'approve', '--year', '2026', '--by', 'government', '--doc', '郴政函〔2026〕5号', '--date', '2026-09-18'])
    // R1's pre-reviews pass: the technical review is due 2026-11-03; R3's pre-reviews stay open, due 2026-10-09
    await ok(['review', 'record', id.R1, '--stage', 'secrecy-prereview', '--result', 'passed', '--date', '2026-09-30'])
    await ok(['review', 'record', id.R1, '--stage', 'cyber-prereview', '--result', 'passed', '--date', '2026-09-30'])
    await ok(['construction', 'start', id.R2, '--responsible', '王五', '--supervisor', '郴州正信工程监理有限公司', '--date', '2026-09-21'])
    await ok(['construction', 'report', id.R2, '--kind', 'loss', '--description', '服务器采购价格虚高约 3 万元', '--date', '2026-10-15'])
    projects = await ok<Project[]>(['project', 'list'])
  })
  after(() => t.cleanup())

  it('report --json: totals are integer sums of the register (withdrawn projects counted only by status)', async () => {
    const r = await ok<Report>(['report', '--as-of', AFTER_ALL])
    const counted = projects.filter((p) => p.status !== 'withdrawn')
    const sum = (ps: Project[]): Amounts => ({count: ps.length, totalInvestmentFen: ps.reduce((s, p) => s + p.totalInvestmentFen, 0), fiscalFundsFen: ps.reduce((s, p) => s + p.fiscalFundsFen, 0)})
    expect(r.year).to.equal(null)
    expect(r.totals).to.deep.equal(sum(counted))
    expect(r.totals.count).to.equal(6)
    for (const x of r.byTrack) expect({count: x.count, totalInvestmentFen: x.totalInvestmentFen, fiscalFundsFen: x.fiscalFundsFen}, x.track).to.deep.equal(sum(counted.filter((p) => p.track === x.track)))
    for (const x of r.byCategory) expect({count: x.count, totalInvestmentFen: x.totalInvestmentFen, fiscalFundsFen: x.fiscalFundsFen}, x.category).to.deep.equal(sum(counted.filter((p) => p.category === x.category)))
    expect(r.byUnit.reduce((s, u) => s + u.totalInvestmentFen, 0)).to.equal(r.totals.totalInvestmentFen)
    expect(r.byStatus.find((s) => s.status === 'withdrawn')).to.include({count: 1, totalInvestmentFen: 99_990_000})
    expect(r.byStatus.reduce((s, x) => s + x.count, 0)).to.equal(projects.length)
    for (const n of JSON.stringify(r).match(/"\w+Fen":[^,}]+/g)!) expect(Number.isSafeInteger(Number(n.split(':')[1])), n).to.equal(true)
    expect(r.incidents).to.deep.include({projectId: id.R2, projectName: '警务数据治理', unit: '市公安局', kind: 'loss', date: '2026-10-15', description: '服务器采购价格虚高约 3 万元'})
  })

  it('report --html: the page\'s totals, per track, per category and per unit equal the JSON\'s, formatted in 万元', async () => {
    const r = await ok<Report>(['report', '--as-of', AFTER_ALL])
    const {page} = await html(['--as-of', AFTER_ALL], 'report.html')
    expect(Number(dataValue(page, 'data-total-count'))).to.equal(r.totals.count)
    expect(dataValue(page, 'data-total-investment')).to.equal(`${wan(r.totals.totalInvestmentFen)} 万元`)
    expect(dataValue(page, 'data-total-fiscal')).to.equal(`${wan(r.totals.fiscalFundsFen)} 万元`)
    expect(Number(dataValue(page, 'data-total-overdue'))).to.equal(overdueTotal(r))
    // an anchor that does not come from the code under test: 85 + 12.345678 + 1,234.5 + 49.999999 + 200 + 45.5 万元
    expect(dataValue(page, 'data-total-investment')).to.equal('1,627.35 万元')
    const tracks = chart(page, '按审批路径')
    for (const x of r.byTrack) expect(tracks.get(`${TRACK_WORDS[x.track]}（${x.count}）`), x.track).to.equal(`${wan(x.totalInvestmentFen)} 万元`)
    const categories = chart(page, '按项目类型')
    for (const x of r.byCategory) expect(categories.get(`${CATEGORY_WORDS[x.category]}（${x.count}）`), x.category).to.equal(`${wan(x.totalInvestmentFen)} 万元`)
    const units = tableAfter(page, '按建设单位')
    expect(units.map((row) => row[0])).to.deep.equal(r.byUnit.map((u) => u.unit))
    for (const [i, u] of r.byUnit.entries()) expect(units[i].slice(1, 4), u.unit).to.deep.equal([String(u.count), wan(u.totalInvestmentFen), wan(u.fiscalFundsFen)])
    expect(page).to.contain('服务器采购价格虚高约 3 万元')
  })

  it('the page is self-contained: inline SVG, no script, nothing fetched, and text from the register is escaped', async () => {
    const {page} = await html(['--as-of', AFTER_ALL], 'self-contained.html')
    expect(page).to.match(/^<!doctype html>/i)
    expect(page).to.match(/<meta charset="utf-8">/i)
    expect(page).to.match(/<svg[\s>]/)
    expect(page).to.not.match(/<script/i)
    expect(page).to.not.match(/\s(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i)
    expect(page).to.not.match(/<(?:link|iframe|img|object|embed)\b/i)
    expect(page).to.not.match(/@import|url\(/i)
    expect(page).to.contain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;预算&amp;一体化')
  })

  it('--as-of changes the overdue counts, in the JSON and on the page alike', async () => {
    const cases: Array<[string, number, Record<string, number>]> = [
      ['2026-09-30', 0, {市委办: 0, 市委网信办: 0, 市行政审批服务局: 0}],
      ['2026-10-12', 2, {市委办: 1, 市委网信办: 1, 市行政审批服务局: 0}],
      ['2026-11-04', 3, {市委办: 1, 市委网信办: 1, 市行政审批服务局: 1}],
    ]
    for (const [asOf, total, byDepartment] of cases) {
      const r = await ok<Report>(['report', '--as-of', asOf])
      expect(r.asOf).to.equal(asOf)
      expect(overdueTotal(r), asOf).to.equal(total)
      for (const [department, overdue] of Object.entries(byDepartment)) {
        expect(r.deadlinesByDepartment.find((d) => d.department === department), `${asOf} ${department}`).to.include({open: 1, overdue})
      }
      const {page, terminal} = await html(['--as-of', asOf], `report-${asOf}.html`)
      expect(Number(dataValue(page, 'data-total-overdue')), asOf).to.equal(total)
      expect(page).to.contain(`市委办：1 项办理中，${byDepartment['市委办']} 项超期`)
      expect(terminal.stdout).to.contain(`市行政审批服务局：1 项办理中，${byDepartment['市行政审批服务局']} 项超期`)
    }
  })

  it('--year filters the projects counted, in the JSON, on the page and in the terminal', async () => {
    const y2027 = await ok<Report>(['report', '--year', '2027', '--as-of', '2026-12-31'])
    expect(y2027.year).to.equal(2027)
    expect(y2027.totals).to.deep.equal({count: 2, totalInvestmentFen: 245_500_000, fiscalFundsFen: 245_500_000})
    expect(y2027.deadlinesByDepartment, 'the 2027 projects have no open stage').to.deep.equal([])
    expect(y2027.incidents).to.deep.equal([])
    const y2026 = await ok<Report>(['report', '--year', '2026', '--as-of', '2026-12-31'])
    const all = await ok<Report>(['report', '--as-of', '2026-12-31'])
    expect(y2026.totals.count + y2027.totals.count).to.equal(all.totals.count)
    expect(y2026.totals.totalInvestmentFen + y2027.totals.totalInvestmentFen).to.equal(all.totals.totalInvestmentFen)
    expect(y2026.byUnit.map((u) => u.unit)).to.not.include('市教育局')
    const {page, terminal} = await html(['--year', '2027', '--as-of', '2026-12-31'], 'report-2027.html')
    expect(page).to.contain('2027')
    expect(dataValue(page, 'data-total-count')).to.equal('2')
    expect(dataValue(page, 'data-total-investment')).to.equal('245.50 万元')
    expect(terminal.stdout).to.contain('共 2 个项目，总投资 245.50 万元')
  })

  it('the terminal shows the same totals as the JSON', async () => {
    const r = await ok<Report>(['report', '--as-of', AFTER_ALL])
    const text = await cli(['report', '--as-of', AFTER_ALL])
    expect(text.code, text.stderr).to.equal(0)
    expect(text.stdout).to.contain(`共 ${r.totals.count} 个项目，总投资 ${wan(r.totals.totalInvestmentFen)} 万元，其中市本级财政资金 ${wan(r.totals.fiscalFundsFen)} 万元`)
    const lines = text.stdout.split('\n')
    for (const x of r.byTrack) {
      const line = lines.find((l) => l.includes(`${TRACK_WORDS[x.track]}（${x.count}）`))
      expect(line, x.track).to.be.a('string')
      expect(line!.split(/\s+/), x.track).to.include(wan(x.totalInvestmentFen))
    }
    for (const u of r.byUnit) {
      const line = lines.find((l) => l.includes(u.unit))
      expect(line, u.unit).to.contain(wan(u.totalInvestmentFen)).and.contain(wan(u.fiscalFundsFen))
    }
    expect(text.stdout).to.contain('服务器采购价格虚高约 3 万元')
  })

  it('--html never overwrites the register, and with --json stdout stays pure JSON', async () => {
    const before = fs.readFileSync(t.register)
    const refused = await cli(['report', '--html', t.register])
    expect(refused.code).to.equal(2)
    expect(fs.readFileSync(t.register).equals(before)).to.equal(true)
    const file = path.join(t.dir, 'with-json.html')
    const r = await cli(['report', '--html', file, '--as-of', AFTER_ALL, '--json'])
    expect(r.code, r.stderr).to.equal(0)
    expect(json<Report>(r).totals.count).to.equal(6)
    expect(fs.existsSync(file)).to.equal(true)
  })
})

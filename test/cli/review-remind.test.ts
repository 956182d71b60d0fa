// `review remind` (issue 21, DESIGN §16): one 催办单 per reviewing department, through the real binary on one
// register. Three 技术初审+财政投资评审 projects enter review when the city government approves the 2027 plan on
// Monday 25 Jan 2027: their pre-reviews (市委办, 市委网信办; 10 working days) are due Monday 8 Feb counted Monday–
// Friday (2027 is not in the installed calendar). B's pre-reviews pass on 29 Jan, so its technical review
// (市行政审批服务局, 20 working days) opens then, due 26 Feb. C's secrecy pre-review is returned on 4 Feb: its clock
// restarts, due 18 Feb. Then the office imports the 2027 holiday schedule (春节 6–14 Feb off): the 8 Feb deadlines
// move to 15 Feb, and a note written for 10 Feb — a holiday now — lists them as due in 1 working day, not overdue.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import {commandsOn, initRegister, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import {expectConformingWorkbook} from '../helpers/workbook-conformance.js'
import {cellText, readWorkbook} from '../helpers/workbooks.js'
import type {Project} from '../../src/core/domain/types.js'
import type {ReviewRemindResult} from '../../src/commands/review/remind.js'
import type {DeadlineRow} from '../../src/core/domain/report.js'

interface Day {
  name: string
  date: string
  isOffDay: boolean
}
const range = (name: string, from: number, to: number, month: string): Day[] =>
  Array.from({length: to - from + 1}, (_, i) => ({name, date: `2027-${month}-${String(from + i).padStart(2, '0')}`, isOffDay: true}))
const SCHEDULE: Day[] = [...range('元旦', 1, 3, '01'), ...range('春节', 6, 14, '02'), {name: '春节', date: '2027-02-20', isOffDay: false}]

/** Every row of a sheet as text, cells joined with |. */
function rowsOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = []
  ws.eachRow((row) => {
    const cells: string[] = []
    row.eachCell((c) => {
      const text = cellText(c.value)
      if (!cells.includes(text) || !c.isMerged) cells.push(text)
    })
    out.push(cells.join('|'))
  })
  return out
}

describe('review remind writes one 催办单 per department (issue 21, through the CLI)', function () {
  this.timeout(180_000)
  let t: TempRegister
  const id: Record<string, string> = {}
  const {cli, ok, refused} = commandsOn(() => t)
  const out = (name: string) => path.join(t.dir, name)
  const remind = (args: string[]) => ok<ReviewRemindResult>(['review', 'remind', ...args])
  const listed = (rows: DeadlineRow[]) => rows.map((r) => `${r.projectId} ${r.key} ${r.daysLeft}`)

  before(async () => {
    t = tempRegister('itplan-remind-')
    await initRegister(t.dir, 2027)
    for (const [k, flags] of [
      ['A', {name: '智慧警务平台'}],
      ['B', {unit: '市财政局', name: '预算一体化平台'}],
      ['C', {unit: '市民政局', name: '养老服务平台'}],
    ] as Array<[string, Record<string, string>]>) {
      id[k] = (await ok<Project>(['project', 'add', ...projectFlags(flags)])).id
    }
    await ok(['plan', 'build', '--year', '2027'])
    await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', '郴数政组〔2027〕1号', '--date', '2027-01-15'])
    await ok(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', '郴政函〔2027〕3号', '--date', '2027-01-25'])
    for (const stage of ['secrecy-prereview', 'cyber-prereview']) await ok(['review', 'record', id.B, '--stage', stage, '--result', 'passed', '--date', '2027-01-29'])
    await ok(['review', 'record', id.C, '--stage', 'secrecy-prereview', '--result', 'returned', '--date', '2027-02-04', '--opinion', '请补充密码应用方案'])
  })
  after(() => t.cleanup())

  it('writes a note for each department with overdue or nearly due stages, and lists the quiet ones', async () => {
    const r = await remind(['--as-of', '2027-02-10', '--within', '6', '--out', out('notes')])
    expect(r).to.include({asOf: '2027-02-10', within: 6})
    const by = Object.fromEntries(r.files.map((f) => [f.department, f]))
    expect(Object.keys(by)).to.deep.equal(['市委办', '市委网信办'])
    // 8 Feb + 2 working days (9, 10 Feb) overdue by the Monday–Friday count
    expect(listed(by['市委办'].overdue)).to.deep.equal([`${id.A} secrecy-prereview -2`])
    expect(listed(by['市委办'].dueSoon), 'C was returned on 4 Feb: due 18 Feb, 6 working days on').to.deep.equal([`${id.C} secrecy-prereview 6`])
    expect(listed(by['市委网信办'].overdue)).to.deep.equal([`${id.A} cyber-prereview -2`, `${id.C} cyber-prereview -2`])
    expect(r.quiet, 'B\'s technical review is due 26 Feb, 12 working days on').to.deep.equal(['市发改委', '市行政审批服务局', '市财政局'])
    expect(by['市委办'].file).to.equal(out('notes/催办单-市委办-2027-02-10.xlsx'))
    expect(fs.readdirSync(out('notes')).sort()).to.deep.equal(['催办单-市委办-2027-02-10.xlsx', '催办单-市委网信办-2027-02-10.xlsx'])
  })

  it('the note is an A4 portrait page with the title, date, addressee, the two sections, and the lines to sign and seal', async () => {
    const file = out('notes/催办单-市委办-2027-02-10.xlsx')
    const sheets = await expectConformingWorkbook(file, {催办单: '5:5'})
    const note = sheets.find((s) => s.name === '催办单')!
    expect(note.pageSetup).to.include({paperSize: '9', orientation: 'portrait'})
    const wb = await readWorkbook(file)
    const rows = rowsOf(wb.getWorksheet('催办单')!)
    expect(rows[0]).to.equal('催 办 单')
    expect(rows[1]).to.equal('2027年2月10日')
    expect(rows[2]).to.equal('市委办：')
    expect(rows[3]).to.contain('第九条').and.contain('截至2027年2月10日').and.contain('已超过办结时限的1项').and.contain('6个工作日内到期的1项')
    expect(rows[4]).to.equal('序号|项目|单位|环节|开始日期|办结时限|逾期/剩余工作日')
    expect(rows[5]).to.equal('一、已超过办结时限（1项）')
    expect(rows[6]).to.equal('1|智慧警务平台|市公安局|市委办前置审查|2027-01-25|2027-02-08|逾期2个工作日')
    expect(rows[7]).to.equal('二、6个工作日内到期（1项）')
    expect(rows[8]).to.equal('2|养老服务平台|市民政局|市委办前置审查|2027-02-04|2027-02-18|剩余6个工作日')
    expect(rows.slice(-4)).to.deep.equal(['签发人：', '（盖章）', '郴州市“数字政府”建设领导小组办公室', '2027年2月10日'])
    expect(rows.some((l) => l.startsWith('联系人：'))).to.equal(true)
    // dates are date cells, so the office can sort and filter them
    const ws = wb.getWorksheet('催办单')!
    expect(ws.getRow(7).getCell(6).value).to.be.instanceOf(Date)
    const notes = rowsOf(wb.getWorksheet('说明')!)
    expect(notes).to.include('承办部门|市委办')
    expect(notes.some((l) => l.startsWith('登记簿审计链头|'))).to.equal(true)
    expect(notes.some((l) => l.startsWith('工作日历|2027 年的节假日安排未载入')), 'the guessed calendar is said').to.equal(true)
  })

  it('--department takes the full name or a part naming one department; one unknown or ambiguous is exit 2 and writes nothing', async () => {
    const one = await remind(['--as-of', '2027-02-10', '--department', '网信', '--out', out('one')])
    expect(one.files.map((f) => f.department)).to.deep.equal(['市委网信办'])
    expect(fs.readdirSync(out('one'))).to.deep.equal(['催办单-市委网信办-2027-02-10.xlsx'])
    const quiet = await remind(['--as-of', '2027-02-10', '--department', '市财政局', '--out', out('quiet')])
    expect(quiet).to.deep.include({files: [], quiet: ['市财政局']})
    expect(fs.existsSync(out('quiet')), 'nothing to chase: no folder, no file').to.equal(false)
    const text = await cli(['review', 'remind', '--as-of', '2027-02-10', '--department', '市财政局', '--out', out('quiet')])
    expect(text.stdout).to.contain('市财政局').and.contain('未写催办单')

    const unknown = await refused(['review', 'remind', '--as-of', '2027-02-10', '--department', '市农业农村局', '--out', out('bad')], 2)
    expect(unknown.text).to.contain('市农业农村局').and.contain('市委办、市委网信办、市发改委、市行政审批服务局、市财政局')
    const ambiguous = await refused(['review', 'remind', '--department', '市委', '--out', out('bad')], 2)
    expect(ambiguous.text).to.contain('市委办').and.contain('市委网信办')
    expect(fs.existsSync(out('bad'))).to.equal(false)
  })

  it('bad flags are usage errors naming the flag, and nothing is written', async () => {
    fs.writeFileSync(out('a-file'), 'x')
    const notDir = await refused(['review', 'remind', '--out', out('a-file')], 2)
    expect(notDir.text).to.contain('--out').and.contain('a-file')
    expect((await refused(['review', 'remind', '--within', '-1', '--out', out('bad')], 2)).text).to.contain('within')
    expect((await refused(['review', 'remind', '--as-of', '2027-02-30', '--out', out('bad')], 2)).text).to.contain('as-of')
    expect(fs.existsSync(out('bad'))).to.equal(false)
  })

  it('--as-of is the register as it stood: before the plan was approved there is nothing to chase', async () => {
    const r = await remind(['--as-of', '2027-01-20', '--out', out('early')])
    expect(r.files).to.deep.equal([])
    expect(r.quiet).to.have.length(5)
    expect(fs.existsSync(out('early'))).to.equal(false)
  })

  it('overdue is the one definition review list --overdue uses', async () => {
    const overdue = await ok<DeadlineRow[]>(['review', 'list', '--overdue', '--as-of', '2027-02-10'])
    const r = await remind(['--as-of', '2027-02-10', '--within', '0', '--out', out('same')])
    const fromNotes = r.files.flatMap((f) => f.overdue).map((x) => `${x.projectId} ${x.key}`).sort()
    expect(fromNotes).to.deep.equal(overdue.filter((x) => !['acceptance-apply', 'filing', 'evaluation'].includes(x.key)).map((x) => `${x.projectId} ${x.key}`).sort())
    expect(r.files.flatMap((f) => f.dueSoon), 'within 0: only what is due today').to.deep.equal([])
  })

  it('working days follow the imported holiday calendar: after it, the 8 Feb deadlines are due 15 Feb, one working day after 10 Feb', async () => {
    const file = out('2027.json')
    fs.writeFileSync(file, JSON.stringify({year: 2027, days: SCHEDULE}))
    await ok(['calendar', 'import', file])
    const r = await remind(['--as-of', '2027-02-10', '--within', '1', '--out', out('after')])
    const by = Object.fromEntries(r.files.map((f) => [f.department, f]))
    expect(listed(by['市委办'].overdue)).to.deep.equal([])
    expect(listed(by['市委办'].dueSoon)).to.deep.equal([`${id.A} secrecy-prereview 1`])
    expect(listed(by['市委网信办'].dueSoon)).to.deep.equal([`${id.A} cyber-prereview 1`, `${id.C} cyber-prereview 1`])
    const rows = rowsOf((await readWorkbook(by['市委办'].file)).getWorksheet('催办单')!)
    expect(rows).to.include('1|智慧警务平台|市公安局|市委办前置审查|2027-01-25|2027-02-15|剩余1个工作日')
    expect(rows).to.include('一、已超过办结时限（0项）').and.include('无')
    // 16 Feb: the first working day after the break, and the deadline of 15 Feb has passed by one
    const later = await remind(['--as-of', '2027-02-16', '--within', '0', '--out', out('later')])
    expect(listed(later.files.find((f) => f.department === '市委办')!.overdue)).to.deep.equal([`${id.A} secrecy-prereview -1`])
  })
})

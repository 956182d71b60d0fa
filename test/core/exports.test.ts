// The annual plan and acceptance filing workbooks (DESIGN §7), written from an in-memory register and read back
// with exceljs: every planned project once with its amounts, 小计 / 合计 equal to their rows to the 分, print
// setup, frozen and repeated header, text that stays text, the 说明 sheet that traces the table; LibreOffice
// opens them (when installed); and a 10,000-project plan goes through.
import {expect} from 'chai'
import {execFile} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import ExcelJS from 'exceljs'
import type {Cell, Workbook, Worksheet} from 'exceljs'
import {buildProject, buildRegister, declaration as baseDeclaration} from '../helpers/build.js'
import {Conflict} from '../../src/core/domain/errors.js'
import {loadPlanTemplate, type PlanColumnKey} from '../../src/core/operations/plan-sheet.js'
import {loadAcceptanceTemplate, type AcceptanceColumnKey} from '../../src/core/operations/acceptance-sheet.js'
import {writeAcceptanceWorkbook, writePlanWorkbook} from '../helpers/exports.js'
import type {DeclarationInput, Project, RegisterData, Stage} from '../../src/core/domain/types.js'
import {regionWordsOf} from '../../src/core/domain/region.js'

const YEAR = 2027
const NOW = '2027-12-31T02:00:00.000Z'
const AUDIT_HEAD = '9f2c4e7a1b3d5f60718293a4b5c6d7e8f9012345678abcdef0123456789abcd'

// ── a register in memory ─────────────────────────────────────────────────────────────────────────────────────

function declaration(o: Partial<DeclarationInput> & {unit: string; name: string; totalInvestmentFen: number}): DeclarationInput {
  return baseDeclaration({planYear: YEAR, summary: '建设内容', ...o})
}

class RegisterBuilder {
  readonly data: RegisterData
  private n = 0

  constructor(year = YEAR) {
    this.data = buildRegister(year, NOW)
    this.data.audit.head = AUDIT_HEAD
  }

  add(input: DeclarationInput, o: {weakPerformance?: boolean; edit?: (p: Project) => void} = {}): Project {
    const id = `${input.planYear}-${String(++this.n).padStart(4, '0')}`
    const p = buildProject(id, input, {rules: this.data.rules, ctx: {weakPerformance: o.weakPerformance ?? false}, now: NOW})
    o.edit?.(p)
    this.data.projects.push(p)
    return p
  }

  plan(included: Project[], excluded: Project[] = []): void {
    this.data.plans.push({
      year: YEAR,
      status: 'approved',
      included: included.map((p) => p.id),
      excluded: excluded.map((p) => ({id: p.id, reasons: ['plan.excluded.nonCompliant']})),
      approvals: [
        {by: 'leading-group', documentNo: '郴数字政府办〔2027〕1号', date: '2027-01-10'},
        {by: 'government', documentNo: '郴政函〔2027〕5号', date: '2027-01-20'},
      ],
      builtOn: '2027-01-05',
      officeExcluded: [],
    })
  }
}

function stage(key: Stage['key'], department: string, documentNo: string | null): Stage {
  return {key, department, status: 'passed', startedOn: '2027-02-01', dueOn: '2027-03-01', decidedOn: '2027-02-20', documentNo, approvedAmountFen: null, opinion: null}
}

function acceptanceRecord(o: Partial<NonNullable<Project['acceptance']>>): NonNullable<Project['acceptance']> {
  return {
    preliminaryOn: '2027-05-10',
    preliminaryResult: 'passed',
    appliedOn: '2027-05-15',
    techReview: {date: '2027-05-20', cloud: 'pass', sharing: 'pass', security: 'pass', opinion: null},
    expertOn: '2027-06-01',
    expertResult: 'passed',
    failures: 0,
    refusedRectification: false,
    rectifications: [],
    filedOn: null,
    filingDocumentNo: null,
    trialRun: null,
    testReport: null,
    ...o,
  }
}

function constructionRecord(o: Partial<NonNullable<Project['construction']>>): NonNullable<Project['construction']> {
  return {startedOn: '2027-03-01', responsible: '李四', supervisor: null, contractor: null, contractAmountFen: null, actualInvestmentFen: null, completedOn: '2027-05-01', suspendedOn: null, suspendReason: null, incidents: [], ...o}
}

interface Fixture {
  data: RegisterData
  planned: Project[]
  notPlanned: Project[]
  byName: (name: string) => Project
}

/** Projects on all three tracks, odd amounts in 分, marks, flags, a formula-looking name, a landline phone. */
function fixture(): Fixture {
  const b = new RegisterBuilder()
  const approvalBig = b.add(
    declaration({unit: '市公安局', name: '智慧警务平台', totalInvestmentFen: 345_678_901, fiscalFundsFen: 300_000_007, fundingSources: ['fiscal', 'higher-level'], declarationNo: '0012', category: 'data'}),
    {
      edit: (p) => {
        p.marks = {keyArea: true, major: true}
        p.approvedAmountFen = 300_000_000
        p.stages = [stage('secrecy-prereview', '市委办', '郴办审〔2027〕3号'), stage('approval', '市发改委', '郴发改审〔2027〕8号'), stage('fiscal-review', '市财政局', '郴财评〔2027〕21号')]
        p.status = 'filed'
        p.construction = constructionRecord({contractor: '湖南星城科技有限公司', supervisor: '郴州正信工程监理有限公司', contractAmountFen: 298_765_433, actualInvestmentFen: 297_000_001})
        p.acceptance = acceptanceRecord({
          preliminaryOn: '2027-05-10',
          expertOn: '2027-06-01',
          filedOn: '2027-06-03',
          filingDocumentNo: '郴数备〔2027〕12号',
          trialRun: '2027-04-01至2027-04-30',
          testReport: '湖南省软件测评中心 HNRC-2027-088',
        })
      },
    },
  )
  const formulaName = b.add(
    declaration({unit: '市教育局', name: '=SUM(A1)', totalInvestmentFen: 85_000_003, contact: {name: '王五', phone: '0735-2222222'}, summary: '+扩容 @全体 -旧系统'}),
    {edit: (p) => (p.status = 'in-construction')},
  )
  const weak = b.add(declaration({unit: '市卫健委', name: '@健康档案升级', totalInvestmentFen: 45_678_912, nature: 'upgrade', category: 'service'}), {
    weakPerformance: true,
    edit: (p) => {
      p.status = 'filed'
      p.construction = constructionRecord({contractor: '郴州网联信息技术有限公司', supervisor: '湖南信诚监理咨询有限公司', contractAmountFen: 44_000_000, actualInvestmentFen: 43_999_999})
      p.acceptance = acceptanceRecord({
        failures: 1,
        rectifications: [{date: '2027-05-25', reason: 'reapply'}],
        techReview: {date: '2027-05-28', cloud: 'pass', sharing: 'pass', security: 'pass', opinion: '整改后通过'},
        expertOn: '2027-06-01',
        filedOn: '2027-08-16',
        filingDocumentNo: '郴数备〔2027〕30号',
      })
    },
  })
  const small = b.add(declaration({unit: '市公安局', name: '执法记录仪', totalInvestmentFen: 1_234_567, procurementCategory: 'goods', category: 'infrastructure'}), {
    edit: (p) => {
      p.status = 'accepted'
      p.construction = constructionRecord({contractor: '郴州安防设备有限公司', supervisor: '郴州正信工程监理有限公司', actualInvestmentFen: 1_200_000})
      p.acceptance = acceptanceRecord({expertOn: '2027-06-01'})
    },
  })
  const multi = b.add(
    declaration({unit: '市数据局', name: '城市大脑二期', totalInvestmentFen: 100_000_000, coUnits: ['市财政局', '市公安局'], annualPlanFen: 40_000_001, fundingSources: ['fiscal', 'self-raised']}),
    {edit: (p) => p.specialApprovals.push({kind: 'multi-unit', documentNo: '郴数字政府〔2027〕2号', date: '2027-01-08', group: 'leading-group'})},
  )
  const edge = b.add(declaration({unit: '市教育局', name: '教育资源公共服务平台', totalInvestmentFen: 99_999_999, annualPlanFen: 33_333_333, periodMonths: 18}), {
    edit: (p) => (p.marks = {keyArea: true, major: false}),
  })
  const nonCompliant = b.add(
    declaration({unit: '市交通局', name: '不上云的系统', totalInvestmentFen: 20_000_000, compliance: {govCloud: false, dataSharing: true, cityBrain: true, egovNetwork: true, justification: ''}}),
  )
  const otherYear = b.add(declaration({planYear: 2026, unit: '市公安局', name: '去年的项目', totalInvestmentFen: 10_000_000}), {
    edit: (p) => {
      p.status = 'filed'
      p.acceptance = acceptanceRecord({filedOn: '2026-06-03'})
    },
  })
  const planned = [approvalBig, formulaName, weak, small, multi, edge]
  b.plan(planned, [nonCompliant])
  const all = b.data.projects
  return {data: b.data, planned, notPlanned: [nonCompliant, otherYear], byName: (name) => all.find((p) => p.name === name)!}
}

// ── reading back ─────────────────────────────────────────────────────────────────────────────────────────────

const toFen = (v: unknown) => Math.round(Number(v) * 1_000_000)

async function readWorkbook(file: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb
}

/** Column number of each template key, found by its header text in row 3. */
function columnsOf<K extends string>(ws: Worksheet, columns: ReadonlyArray<{key: K; header: string}>): Record<K, number> {
  const header = ws.getRow(3)
  const found = {} as Record<K, number>
  for (const c of columns) {
    let at = 0
    header.eachCell((cell, col) => {
      if (cell.value === c.header) at = col
    })
    expect(at, `header ${c.header}`).to.be.greaterThan(0)
    found[c.key] = at
  }
  return found
}

function textOf(cell: Cell): string {
  const v = cell.value
  return v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v)
}

function allText(ws: Worksheet): string {
  const parts: string[] = []
  ws.eachRow((row) => row.eachCell((cell) => parts.push(textOf(cell))))
  return parts.join('\n')
}

function expectNoFormulas(wb: Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, `${ws.name}!${cell.address}`).to.not.equal(ExcelJS.ValueType.Formula)
        expect(cell.formula, `${ws.name}!${cell.address}`).to.equal(undefined)
      }),
    ),
  )
}

function isoOf(v: unknown): string | null {
  return v instanceof Date ? v.toISOString().slice(0, 10) : null
}

function expectPrintSetup(ws: Worksheet, printTitles: boolean): void {
  const ps = ws.pageSetup
  expect(ps.paperSize, 'A3').to.equal(8)
  expect(ps.orientation).to.equal('landscape')
  expect(ps.fitToPage).to.equal(true)
  expect(ps.fitToWidth).to.equal(1)
  expect(ps.fitToHeight).to.equal(0)
  if (printTitles) expect(ps.printTitlesRow).to.equal('3:3')
}

function expectFrozenHeader(ws: Worksheet): void {
  const view = ws.views[0] as {state?: string; ySplit?: number}
  expect(view.state).to.equal('frozen')
  expect(view.ySplit).to.equal(3)
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'itplan-exports-'))
}

function onPath(command: string): boolean {
  const exts = process.platform === 'win32' ? ['.exe', '.com', '.bat', ''] : ['']
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && exts.some((e) => fs.existsSync(path.join(dir, command + e))))
}

// ── the tests ────────────────────────────────────────────────────────────────────────────────────────────────

describe('exports (DESIGN §7)', function () {
  this.timeout(60_000)
  let dir: string

  before(() => {
    dir = tempDir()
  })
  after(() => fs.rmSync(dir, {recursive: true, force: true}))

  describe('annual plan workbook', () => {
    let f: Fixture
    let file: string
    let wb: Workbook
    let ws: Worksheet
    let col: Record<PlanColumnKey, number>
    const template = loadPlanTemplate(regionWordsOf({}))
    const header = (key: PlanColumnKey) => template.columns.find((c) => c.key === key)!.header

    before(async () => {
      f = fixture()
      file = path.join(dir, '郴州市2027年度计划.xlsx')
      const result = await writePlanWorkbook(file, {year: YEAR, data: f.data, exportedAt: NOW})
      expect(result.projects).to.equal(f.planned.length)
      expect(result.totalInvestmentFen).to.equal(f.planned.reduce((s, p) => s + p.totalInvestmentFen, 0))
      wb = await readWorkbook(file)
      ws = wb.getWorksheet(template.sheetName)!
      col = columnsOf(ws, template.columns)
    })

    it('has the sheets 年度计划, 汇总, 说明 and leaves no temporary file', () => {
      // an approved plan has 执行变化 beside it (DESIGN §11.1)
      expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['年度计划', '汇总', '执行变化', '说明'])
      expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).to.deep.equal([])
    })

    it('has the title across the columns, the unit note, and the template headers in order', () => {
      expect(ws.getCell(1, 1).value).to.equal('郴州市2027年度市本级财政投资信息化项目计划表')
      expect(ws.getCell(1, 1).isMerged).to.equal(true)
      expect(ws.getCell(1, template.columns.length).isMerged).to.equal(true)
      expect(ws.getCell(2, 1).value).to.equal('单位：万元')
      const headers = template.columns.map((_, i) => ws.getCell(3, i + 1).value)
      expect(headers).to.deep.equal(template.columns.map((c) => c.header))
    })

    it('freezes the header, repeats it on every printed page, prints A3 landscape fit to width with borders', () => {
      expectFrozenHeader(ws)
      expectPrintSetup(ws, true)
      expect(ws.pageSetup.margins?.left).to.equal(template.print.margins.left)
      const border = ws.getCell(4, 1).border
      expect(border?.top?.style).to.equal('thin')
      expect(ws.getCell(5, col.name).border?.right?.style).to.equal('thin')
      expect(ws.headerFooter.oddFooter).to.contain('&P')
    })

    it('lists every planned project exactly once with its amounts, and nothing else', () => {
      const seen = new Map<string, number>()
      ws.eachRow((row, r) => {
        if (r <= 3) return
        const id = row.getCell(col.id).value
        if (typeof id === 'string' && /^\d{4}-\d{4}$/.test(id)) {
          seen.set(id, (seen.get(id) ?? 0) + 1)
          const p = f.data.projects.find((x) => x.id === id)!
          expect(toFen(row.getCell(col.totalInvestment).value), `${id} 总投资`).to.equal(p.totalInvestmentFen)
          expect(toFen(row.getCell(col.fiscalFunds).value), `${id} 财政资金`).to.equal(p.fiscalFundsFen)
          expect(toFen(row.getCell(col.annualPlan).value), `${id} 年度计划投资`).to.equal(p.annualPlanFen ?? p.fiscalFundsFen)
          const approved = row.getCell(col.approvedAmount).value
          if (p.approvedAmountFen === null) expect(approved ?? null).to.equal(null)
          else expect(toFen(approved)).to.equal(p.approvedAmountFen)
          expect(row.getCell(col.totalInvestment).numFmt).to.equal('#,##0.00')
          expect(row.getCell(col.unit).value).to.equal(p.unit)
        }
      })
      expect([...seen.keys()].sort()).to.deep.equal(f.planned.map((p) => p.id).sort())
      expect([...seen.values()].every((n) => n === 1)).to.equal(true)
      for (const p of f.notPlanned) expect(seen.has(p.id)).to.equal(false)
    })

    it('groups by track in the template order within the plan section, each 小计 equal to its rows and the 合计 to all, exactly in 分', () => {
      const amountKeys = ['totalInvestment', 'fiscalFunds', 'annualPlan', 'approvedAmount'] as const
      const groups: Array<{label: string; rows: number[]; subtotal: number | null}> = []
      const sections: Array<{label: string; subtotal: number | null}> = []
      const sectionSubtotals = new Set(template.sections.order.map((sec) => template.sections.subtotalLabel.replace('{name}', template.sections.names[sec])))
      let total: number | null = null
      ws.eachRow((row, r) => {
        if (r <= 3) return
        const first = textOf(row.getCell(1))
        const id = row.getCell(col.id).value
        if (first === template.subtotalLabel) groups[groups.length - 1].subtotal = r
        else if (sectionSubtotals.has(first)) sections[sections.length - 1].subtotal = r
        else if (first === template.totalLabel) total = r
        else if (typeof id === 'string' && /^\d{4}-\d{4}$/.test(id)) groups[groups.length - 1].rows.push(r)
        else if (/^[一二三四五]、/.test(first)) sections.push({label: first, subtotal: null})
        else groups.push({label: first, rows: [], subtotal: null})
      })
      // the fixture's projects are all new construction: one section
      expect(sections.map((x) => x.label)).to.deep.equal([`一、${template.sections.names.new}（6项）`])
      expect(groups.map((g) => g.label)).to.deep.equal([
        `（一）${template.groups.names.approval}（2项）`,
        `（二）${template.groups.names.review}（2项）`,
        `（三）${template.groups.names.self}（2项）`,
      ])
      expect(total).to.not.equal(null)
      const fen = (r: number, key: PlanColumnKey) => {
        const v = ws.getCell(r, col[key]).value
        return v === null || v === undefined ? 0 : toFen(v)
      }
      for (const key of amountKeys) {
        let all = 0
        for (const g of groups) {
          expect(g.subtotal, g.label).to.not.equal(null)
          const sum = g.rows.reduce((s, r) => s + fen(r, key), 0)
          expect(fen(g.subtotal!, key), `${g.label} ${header(key)}`).to.equal(sum)
          all += sum
        }
        expect(fen(total!, key), `合计 ${header(key)}`).to.equal(all)
        expect(fen(sections[0].subtotal!, key), `新建项目小计 ${header(key)}`).to.equal(all)
      }
      // the subtotal is the exact sum: 345,678,901 + 100,000,000 分 (approval track)
      expect(fen(groups[0].subtotal!, 'totalInvestment')).to.equal(445_678_901)
      expect(fen(total!, 'totalInvestment')).to.equal(f.planned.reduce((s, p) => s + p.totalInvestmentFen, 0))
      expect(typeof ws.getCell(total!, col.totalInvestment).value).to.equal('number')
      // the track of every row matches its group
      const tracks = ['approval', 'review', 'self'] as const
      groups.forEach((g, i) => g.rows.forEach((r) => expect(f.data.projects.find((p) => p.id === ws.getCell(r, col.id).value)!.track).to.equal(tracks[i])))
    })

    it('keeps user text as text: a formula-looking name is a plain string, codes and phones are strings, nothing is a formula', () => {
      const row = rowOf(ws, col.id, f.byName('=SUM(A1)').id)
      const name = row.getCell(col.name)
      expect(name.type).to.equal(ExcelJS.ValueType.String)
      expect(name.value).to.equal('=SUM(A1)')
      expect(name.formula).to.equal(undefined)
      expect(row.getCell(col.summary).value).to.equal('+扩容 @全体 -旧系统')
      expect(row.getCell(col.contactPhone).value).to.equal('0735-2222222')
      expect(row.getCell(col.contactPhone).type).to.equal(ExcelJS.ValueType.String)
      expect(row.getCell(col.name).numFmt).to.equal('@')
      const big = rowOf(ws, col.id, f.byName('智慧警务平台').id)
      expect(big.getCell(col.declarationNo).value).to.equal('0012')
      expect(big.getCell(col.id).type).to.equal(ExcelJS.ValueType.String)
      expect(rowOf(ws, col.id, f.byName('@健康档案升级').id).getCell(col.name).value).to.equal('@健康档案升级')
      expectNoFormulas(wb)
    })

    it('shows marks, flags (绩效偏弱), funding sources, co-units and the leading-group decision', () => {
      const big = rowOf(ws, col.id, f.byName('智慧警务平台').id)
      expect(big.getCell(col.marks).value).to.equal('重点领域、重大项目')
      expect(big.getCell(col.fundingSources).value).to.equal('财政资金、上级补助')
      expect(big.getCell(col.category).value).to.equal('数据系统')
      expect(rowOf(ws, col.id, f.byName('@健康档案升级').id).getCell(col.flags).value).to.contain('绩效偏弱')
      const multi = rowOf(ws, col.id, f.byName('城市大脑二期').id)
      expect(multi.getCell(col.flags).value).to.contain('多部门重大项目')
      expect(multi.getCell(col.remarks).value).to.contain('市财政局、市公安局').and.contain('郴数字政府〔2027〕2号')
      expect(rowOf(ws, col.id, f.byName('教育资源公共服务平台').id).getCell(col.periodMonths).value).to.equal(18)
    })

    it('has a 汇总 sheet by unit and by category whose figures match the register, with text bars', () => {
      const summary = wb.getWorksheet('汇总')!
      expectPrintSetup(summary, false)
      const units = new Map<string, number>()
      for (const p of f.planned) units.set(p.unit, (units.get(p.unit) ?? 0) + p.totalInvestmentFen)
      const text = allText(summary)
      expect(text).to.contain('一、按计划类别').and.contain('二、按项目建设单位').and.contain('三、按项目类型')
      for (const [unit, fen] of units) {
        const row = rowOf(summary, 2, unit)
        expect(toFen(row.getCell(4).value), unit).to.equal(fen)
        expect(textOf(row.getCell(8))).to.match(/^█+$/)
      }
      const dataRow = rowOf(summary, 2, '数据系统')
      expect(dataRow.getCell(3).value).to.equal(1)
      expect(toFen(dataRow.getCell(4).value)).to.equal(345_678_901)
      let totals = 0
      summary.eachRow((row) => {
        if (textOf(row.getCell(1)) === '合计') {
          totals += 1
          expect(toFen(row.getCell(4).value)).to.equal(f.planned.reduce((s, p) => s + p.totalInvestmentFen, 0))
          expect(row.getCell(3).value).to.equal(f.planned.length)
        }
      })
      // by plan section, unit, category and track (the marks overlap and have none)
      expect(totals).to.equal(4)
    })

    it('has a 说明 sheet with the rules in force, the approvals, the export time and the audit head', () => {
      const notes = wb.getWorksheet('说明')!
      const text = allText(notes)
      expect(text).to.contain(AUDIT_HEAD)
      expect(text).to.contain(f.data.rules.version)
      expect(text).to.contain(NOW)
      expect(text).to.contain('50.00 万元').and.contain('80.00 万元').and.contain('100.00 万元')
      expect(text).to.contain('假设值')
      expect(text).to.contain('郴政函〔2027〕5号').and.contain('郴数字政府办〔2027〕1号')
      expect(text).to.contain('15 个工作日')
      expectPrintSetup(notes, false)
    })

    it('does not call an unconfirmed standard confirmed, nor a confirmed one an assumption', async () => {
      const confirmed = fixture()
      confirmed.data.rules.approvalStandardConfirmed = true
      const out = path.join(dir, 'confirmed.xlsx')
      await writePlanWorkbook(out, {year: YEAR, data: confirmed.data, exportedAt: NOW})
      const standard = (ws: Worksheet) => textOf(rowOf(ws, 1, '立项金额标准').getCell(2))
      expect(standard((await readWorkbook(out)).getWorksheet('说明')!)).to.equal('100.00 万元')
      expect(standard(wb.getWorksheet('说明')!)).to.equal('100.00 万元（假设值，尚待办公室确认）')
    })

    it('refuses a year without a plan (plan.missing) and writes nothing', async () => {
      const out = path.join(dir, 'none.xlsx')
      let error: unknown
      try {
        await writePlanWorkbook(out, {year: 2031, data: f.data, exportedAt: NOW})
      } catch (e) {
        error = e
      }
      expect(error).to.be.instanceOf(Conflict)
      expect((error as Conflict).code).to.equal('plan.missing')
      expect((error as Conflict).params).to.deep.equal({year: 2031})
      expect(fs.existsSync(out)).to.equal(false)
    })
  })

  describe('acceptance filing workbook', () => {
    let f: Fixture
    let wb: Workbook
    let ws: Worksheet
    let col: Record<AcceptanceColumnKey, number>
    const template = loadAcceptanceTemplate(regionWordsOf({}))

    before(async () => {
      f = fixture()
      const file = path.join(dir, '验收备案.xlsx')
      const result = await writeAcceptanceWorkbook(file, {year: YEAR, data: f.data, exportedAt: NOW, asOf: '2027-12-31'})
      expect(result.projects).to.equal(3)
      wb = await readWorkbook(file)
      ws = wb.getWorksheet(template.sheetName)!
      col = columnsOf(ws, template.columns)
    })

    it('has the title, unit note, frozen repeated header, A3 landscape print setup and a 说明 sheet', () => {
      expect(wb.worksheets.map((w) => w.name)).to.deep.equal([template.sheetName, '说明'])
      expect(ws.getCell(1, 1).value).to.equal('郴州市2027年度市本级财政投资信息化项目验收备案表')
      expect(ws.getCell(2, 1).value).to.equal('单位：万元')
      expectFrozenHeader(ws)
      expectPrintSetup(ws, true)
      expect(ws.getCell(4, 1).border?.bottom?.style).to.equal('thin')
      const notes = allText(wb.getWorksheet('说明')!)
      expect(notes).to.contain(AUDIT_HEAD).and.contain(f.data.rules.version).and.contain(NOW)
      expectNoFormulas(wb)
    })

    it('lists the accepted and filed projects of the year, once each, and no other', () => {
      const ids: string[] = []
      ws.eachRow((row, r) => {
        const id = row.getCell(col.id).value
        if (r > 3 && typeof id === 'string' && /^\d{4}-\d{4}$/.test(id)) ids.push(id)
      })
      expect(ids).to.deep.equal([f.byName('智慧警务平台').id, f.byName('@健康档案升级').id, f.byName('执法记录仪').id])
    })

    it('shows contractor, supervisor, approved / contract / actual investment, dates, checks, conclusion, filing and approval documents', () => {
      const row = rowOf(ws, col.id, f.byName('智慧警务平台').id)
      expect(row.getCell(col.contractor).value).to.equal('湖南星城科技有限公司')
      expect(row.getCell(col.supervisor).value).to.equal('郴州正信工程监理有限公司')
      expect(toFen(row.getCell(col.approvedAmount).value)).to.equal(300_000_000)
      expect(toFen(row.getCell(col.contractAmount).value)).to.equal(298_765_433)
      expect(toFen(row.getCell(col.actualInvestment).value)).to.equal(297_000_001)
      expect(isoOf(row.getCell(col.preliminaryOn).value)).to.equal('2027-05-10')
      expect(isoOf(row.getCell(col.expertOn).value)).to.equal('2027-06-01')
      expect(row.getCell(col.expertOn).numFmt).to.equal('yyyy-mm-dd')
      for (const key of ['cloud', 'sharing', 'security', 'expertConclusion'] as const) expect(row.getCell(col[key]).value, key).to.equal('通过')
      expect(row.getCell(col.filingNo).value).to.equal('郴数备〔2027〕12号')
      expect(isoOf(row.getCell(col.filedOn).value)).to.equal('2027-06-03')
      expect(row.getCell(col.filingLate).value ?? null).to.equal(null)
      expect(row.getCell(col.approvalDocs).value).to.contain('郴发改审〔2027〕8号').and.contain('郴财评〔2027〕21号').and.contain('郴办审〔2027〕3号')
      expect(row.getCell(col.trialRun).value).to.equal('2027-04-01至2027-04-30')
      expect(row.getCell(col.testReport).value).to.equal('湖南省软件测评中心 HNRC-2027-088')
    })

    it('uses the total investment where no amount was approved, and counts rectifications', () => {
      const row = rowOf(ws, col.id, f.byName('@健康档案升级').id)
      expect(toFen(row.getCell(col.approvedAmount).value)).to.equal(45_678_912)
      expect(row.getCell(col.rectifications).value).to.equal(1)
      expect(row.getCell(col.remarks).value).to.contain('验收未通过1次')
    })

    it('marks a filing later than the working-day limit, and an accepted project still unfiled past it', () => {
      const late = rowOf(ws, col.id, f.byName('@健康档案升级').id).getCell(col.filingLate).value
      expect(late).to.be.a('string').and.contain('逾期')
      const unfiled = rowOf(ws, col.id, f.byName('执法记录仪').id)
      expect(unfiled.getCell(col.filingLate).value).to.contain('逾期未备案')
      expect(unfiled.getCell(col.filingNo).value ?? null).to.equal(null)
    })

    it('ends with a 合计 equal to its rows in 分', () => {
      let total = 0
      ws.eachRow((row, r) => {
        if (textOf(row.getCell(1)) === template.totalLabel) total = r
      })
      expect(total).to.be.greaterThan(0)
      for (const [key, expected] of [
        ['approvedAmount', 300_000_000 + 45_678_912 + 1_234_567],
        ['contractAmount', 298_765_433 + 44_000_000],
        ['actualInvestment', 297_000_001 + 43_999_999 + 1_200_000],
      ] as const) {
        expect(toFen(ws.getCell(total, col[key]).value), key).to.equal(expected)
      }
    })
  })

  describe('LibreOffice', () => {
    it('converts the plan and acceptance workbooks to PDF (when soffice is installed)', async function () {
      if (!onPath('soffice')) this.skip()
      this.timeout(120_000)
      const f = fixture()
      const outDir = tempDir()
      try {
        const plan = path.join(outDir, 'plan.xlsx')
        const acceptance = path.join(outDir, 'acceptance.xlsx')
        await writePlanWorkbook(plan, {year: YEAR, data: f.data, exportedAt: NOW})
        await writeAcceptanceWorkbook(acceptance, {year: YEAR, data: f.data, exportedAt: NOW})
        const profile = path.join(os.tmpdir(), `lo-${process.pid}-${Math.random().toString(36).slice(2)}`)
        try {
          await promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${profile.split(path.sep).join('/')}`, '--convert-to', 'pdf', '--outdir', outDir, plan, acceptance], {timeout: 110_000})
        } finally {
          fs.rmSync(profile, {recursive: true, force: true})
        }
        for (const name of ['plan.pdf', 'acceptance.pdf']) {
          const pdf = path.join(outDir, name)
          expect(fs.existsSync(pdf), name).to.equal(true)
          expect(fs.statSync(pdf).size, name).to.be.greaterThan(1000)
          expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).to.equal('%PDF-')
        }
      } finally {
        fs.rmSync(outDir, {recursive: true, force: true})
      }
    })
  })

  describe('a 10,000-project plan', () => {
    it('exports (through the streaming writer)', async function () {
      this.timeout(120_000)
      const b = new RegisterBuilder()
      const units = ['市公安局', '市教育局', '市卫健委', '市数据局', '市交通局', '市住建局', '市人社局', '市民政局']
      const projects: Project[] = []
      for (let i = 0; i < 10_000; i++) {
        projects.push(
          b.add(
            declaration({
              unit: units[i % units.length],
              name: `信息化项目${i}`,
              totalInvestmentFen: 10_000_000 + ((i * 7_919_731) % 190_000_000),
              category: (['infrastructure', 'data', 'business', 'service'] as const)[i % 4],
              procurementCategory: (['goods', 'services', 'works'] as const)[i % 3],
              summary: '建设内容：'.repeat(1 + (i % 5)),
            }),
          ),
        )
      }
      b.plan(projects)
      const out = path.join(dir, 'big.xlsx')
      const result = await writePlanWorkbook(out, {year: YEAR, data: b.data, exportedAt: NOW})
      expect(result.projects).to.equal(10_000)
      expect(result.totalInvestmentFen).to.equal(projects.reduce((s, p) => s + p.totalInvestmentFen, 0))
      expect(fs.statSync(out).size).to.be.greaterThan(100_000)
    })
  })
})

/** The row whose column `column` holds `value`. */
function rowOf(ws: Worksheet, column: number, value: string) {
  let found: number | null = null
  ws.eachRow((row, r) => {
    if (found === null && row.getCell(column).value === value) found = r
  })
  expect(found, `row with ${value}`).to.not.equal(null)
  return ws.getRow(found!)
}

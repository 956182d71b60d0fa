// The error workbook a unit gets back (issue 15, DESIGN §6), through the real import: the unit's whole file —
// every row, good ones marked 无误, each bad cell filled and commented with its message, 原行号 and 错误说明 last,
// the template's dropdowns, a title and a print setup — and the round trip the office relies on: the unit corrects
// the workbook in another program (openpyxl here, as Python scripts and WPS-like tools write files) and sends it
// back as it is, and every row imports, 原行号/错误说明 never read nor reported as unknown columns.
import {expect} from 'chai'
import {execFileSync, spawnSync} from 'node:child_process'
import path from 'node:path'
import ExcelJS from 'exceljs'
import {initRegister, json, runCli, tempRegister, type CliResult, type TempRegister} from '../helpers/cli.js'
import {expectConformingWorkbook, readSheetsXml} from '../helpers/workbook-conformance.js'
import {cellText, readWorkbook} from '../helpers/workbooks.js'
import type {Project} from '../../src/core/domain/types.js'

const WAN = 1_000_000
const HEADERS = ['申报编号', '项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）', '其中：市本级财政资金（万元）', '申报日期', '本单位备注']

interface ImportJson {
  files: Array<{file: string; status: string; created: number; rejected: number; errors: Array<{sheet: string; row: number; column: string | null; message: string}>; unknownHeaders?: string[]; skippedSheets?: Array<{name: string}>; errorFile?: string | null}>
}

/** A Python 3 that has openpyxl (the one on the PATH, or Debian's python3-openpyxl under /usr/bin), or null. */
function pythonWithOpenpyxl(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import openpyxl'], {stdio: 'ignore'}).status === 0) return python
  }
  return null
}
const PYTHON = pythonWithOpenpyxl()

type Cell = string | number | Date | null

async function writeXlsx(file: string, sheets: Array<{name: string; rows: Cell[][]}>): Promise<string> {
  const wb = new ExcelJS.Workbook()
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name)
    for (const r of s.rows) ws.addRow(r)
  }
  await wb.xlsx.writeFile(file)
  return file
}

/** Edits cells with openpyxl: `edits` as sheet → {A1 reference: value}, saved to `out`. */
function correctWithOpenpyxl(source: string, out: string, edits: Record<string, Record<string, string | number>>): void {
  const script = [
    'import json, sys, openpyxl',
    'source, out, edits = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])',
    'wb = openpyxl.load_workbook(source)',
    'for sheet, cells in edits.items():',
    '    for ref, value in cells.items():',
    '        wb[sheet][ref].value = value',
    'wb.save(out)',
  ].join('\n')
  execFileSync(PYTHON as string, ['-c', script, source, out, JSON.stringify(edits)], {stdio: 'pipe'})
}

describe('the error workbook: the unit’s whole file, marked, returned and imported whole (issue 15, through the CLI)', function () {
  this.timeout(120_000)
  let t: TempRegister
  const imp = async (files: string[], extra: string[] = []): Promise<{r: CliResult; j: ImportJson}> => {
    const r = await runCli(['import', ...files, '--received-on', '2026-12-15', '--json', '--register', t.register, ...extra], {cwd: t.dir})
    return {r, j: json<ImportJson>(r)}
  }
  const projects = async (): Promise<Project[]> => json<Project[]>(await runCli(['project', 'list', '--json', '--register', t.register], {cwd: t.dir}))

  beforeEach(async () => {
    t = tempRegister('itplan-errbook-')
    await initRegister(t.dir)
  })
  afterEach(() => t.cleanup())

  /** 申报表: rows 2–6, bad at 3 (C: no name), 5 (G: 约100万) and 6 (E: 平台类); 明细2: all good. */
  async function rejectedFile(): Promise<string> {
    return writeXlsx(path.join(t.dir, '城管局.xlsx'), [
      {
        name: '申报表',
        rows: [
          HEADERS,
          ['CG-01', '市城管局', '数字城管平台升级', '改造升级', '业务系统', '服务', 150, 150, new Date(Date.UTC(2026, 11, 9)), '续建'],
          ['CG-02', '市城管局', null, '新建', '业务系统', '服务', 45, 45, new Date(Date.UTC(2026, 11, 9)), null],
          ['CG-03', '市城管局', '城市照明智能控制', '新建', '基础设施', '工程', 80, 80, new Date(Date.UTC(2026, 11, 9)), null],
          ['CG-04', '市城管局', '智慧环卫监管', '新建', '业务系统', '服务', '约100万', 120, new Date(Date.UTC(2026, 11, 9)), null],
          ['CG-05', '市城管局', '违法建设智能巡查', '新建', '平台类', '服务', 60, 60, new Date(Date.UTC(2026, 11, 9)), '=HYPERLINK("x")'],
        ],
      },
      {name: '明细2', rows: [HEADERS, ['CG-06', '市城管局', '停车诱导系统', '新建', '服务系统', '服务', 35, 35, new Date(Date.UTC(2026, 11, 9)), null]]},
    ])
  }

  it('holds every row of every declaration sheet in the original columns, good rows 无误, bad cells filled and commented, 原行号 and 错误说明 last', async () => {
    const source = await rejectedFile()
    const {r, j} = await imp([source])
    expect(r.code, r.stdout + r.stderr).to.equal(3)
    expect(j.files[0].status).to.equal('rejected')
    const errors = path.join(t.dir, '城管局.errors.xlsx')
    expect(j.files[0].errorFile).to.equal(errors)
    const wb = await readWorkbook(errors)
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['申报表', '明细2'])
    const ws = wb.getWorksheet('申报表')!
    // a title and a note above the header, the header on row 3 with the two columns added last
    expect(cellText(ws.getCell('A1').value)).to.include('城管局.xlsx').and.include('申报表')
    expect(cellText(ws.getCell('A2').value)).to.include('5 行').and.include('3 行有误')
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(cellText)
    expect(header).to.deep.equal([...HEADERS, '原行号', '错误说明'])
    expect(ws.views[0]).to.include({state: 'frozen', ySplit: 3})
    const rowNo = HEADERS.length + 1
    const msg = HEADERS.length + 2
    const body = [4, 5, 6, 7, 8].map((n) => ws.getRow(n))
    expect(body.map((row) => row.getCell(rowNo).value)).to.deep.equal([2, 3, 4, 5, 6])
    // every row as the unit wrote it, its own 本单位备注 column and a formula-like text included (still text)
    expect(body.map((row) => cellText(row.getCell(1).value))).to.deep.equal(['CG-01', 'CG-02', 'CG-03', 'CG-04', 'CG-05'])
    expect(cellText(body[0].getCell(10).value)).to.equal('续建')
    expect(body[4].getCell(10).value).to.equal('=HYPERLINK("x")')
    expect(body[4].getCell(10).formula).to.equal(undefined)
    expect(cellText(body[3].getCell(7).value)).to.equal('约100万')
    expect(cellText(body[0].getCell(9).value)).to.equal('2026-12-09')
    // 无误 on the good rows; on the bad ones, each message with its column letter, the same words as the terminal's
    expect([0, 2].map((i) => body[i].getCell(msg).value)).to.deep.equal(['无误', '无误'])
    const messageOf = (row: number) => cellText(body[row - 2].getCell(msg).value)
    for (const e of j.files[0].errors.filter((x) => x.sheet === '申报表')) {
      expect(messageOf(e.row), `row ${e.row}`).to.include(`${e.column}列：${e.message}`)
    }
    // each bad cell filled light red with its message as a comment; good cells plain
    const bad = new Map(j.files[0].errors.filter((x) => x.column).map((e) => [`${e.column}${e.row + 2}`, e.message]))
    expect([...bad.keys()].sort()).to.deep.equal(['C5', 'E8', 'G7'])
    ws.eachRow((row, n) => {
      if (n < 4) return
      row.eachCell({includeEmpty: true}, (cell) => {
        if (Number(cell.col) > HEADERS.length) return
        const message = bad.get(cell.address)
        const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb
        if (message) {
          expect(fill, cell.address).to.equal('FFFFC7CE')
          const note = cell.note
          expect(typeof note === 'string' ? note : note?.texts?.map((x) => x.text).join(''), cell.address).to.include(message)
        } else {
          expect(fill, cell.address).to.equal(undefined)
          expect(cell.note, cell.address).to.equal(undefined)
        }
        expect(cell.border?.top?.style, cell.address).to.equal('thin')
      })
    })
    // the good sheet of the rejected file goes back too, all 无误
    const other = wb.getWorksheet('明细2')!
    expect(cellText(other.getCell('C4').value)).to.equal('停车诱导系统')
    expect(cellText(other.getCell(4, msg).value)).to.equal('无误')
  })

  it('carries the template’s dropdowns on the columns they belong to, one range each, and conforms at the XML level', async () => {
    const {r} = await imp([await rejectedFile()])
    expect(r.code).to.equal(3)
    const errors = path.join(t.dir, '城管局.errors.xlsx')
    const sheets = await expectConformingWorkbook(errors, {申报表: '3:3', 明细2: '3:3'})
    const ws = (await readWorkbook(errors)).getWorksheet('申报表')!
    const list = (ref: string) => ws.getCell(ref).dataValidation
    expect(list('D4')).to.include({type: 'list'})
    expect(list('D4')?.formulae?.[0]).to.include('新建').and.include('改造升级')
    expect(list('E8')?.formulae?.[0]).to.include('基础设施').and.include('服务系统')
    expect(list('F6')?.formulae?.[0]).to.include('货物').and.include('工程')
    // no dropdown on free-text columns, nor on 原行号 / 错误说明
    for (const ref of ['B4', 'C4', 'J4', 'K4', 'L4']) expect(list(ref), ref).to.equal(undefined)
    const refs = sheets[0].validations.map((v) => v.map((a) => a.ref).join(' '))
    expect(refs.sort()).to.deep.equal(['D4:D58', 'E4:E58', 'F4:F58'])
  })

  it('corrected with openpyxl and sent back as it is, it imports whole: every row created, 原行号/错误说明 neither read nor reported', async function () {
    if (!PYTHON) this.skip()
    const {r} = await imp([await rejectedFile()])
    expect(r.code).to.equal(3)
    const corrected = path.join(t.dir, '城管局-已改.xlsx')
    correctWithOpenpyxl(path.join(t.dir, '城管局.errors.xlsx'), corrected, {申报表: {C5: '城管案件智能派遣', G7: 120, E8: '业务系统'}})
    const back = await imp([corrected])
    expect(back.r.code, back.r.stdout + back.r.stderr).to.equal(0)
    const f = back.j.files[0]
    expect(f).to.include({status: 'imported', created: 6, rejected: 0})
    expect(f.unknownHeaders ?? []).to.deep.equal(['本单位备注'])
    const list = await projects()
    expect(list.map((p) => [p.declarationNo, p.name, p.totalInvestmentFen]).sort()).to.deep.equal([
      ['CG-01', '数字城管平台升级', 150 * WAN],
      ['CG-02', '城管案件智能派遣', 45 * WAN],
      ['CG-03', '城市照明智能控制', 80 * WAN],
      ['CG-04', '智慧环卫监管', 120 * WAN],
      ['CG-05', '违法建设智能巡查', 60 * WAN],
      ['CG-06', '停车诱导系统', 35 * WAN],
    ])
    // each project's source is the corrected file, at the row the errors workbook gave it
    expect(list.find((p) => p.declarationNo === 'CG-01')?.source).to.include({file: '城管局-已改.xlsx', sheet: '申报表', row: 4})
  })

  it('sent back still wrong, it comes back again with 原行号 and 错误说明 once, at the end, and the first file’s row numbers', async function () {
    if (!PYTHON) this.skip()
    const {r} = await imp([await rejectedFile()])
    expect(r.code).to.equal(3)
    const partly = path.join(t.dir, '城管局-改了一半.xlsx')
    correctWithOpenpyxl(path.join(t.dir, '城管局.errors.xlsx'), partly, {申报表: {C5: '城管案件智能派遣', G7: 120}})
    const again = await imp([partly])
    expect(again.r.code).to.equal(3)
    expect(again.j.files[0].errors.map((e) => [e.sheet, e.row, e.column])).to.deep.equal([['申报表', 8, 'E']])
    const ws = (await readWorkbook(path.join(t.dir, '城管局-改了一半.errors.xlsx'))).getWorksheet('申报表')!
    expect((ws.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(cellText)).to.deep.equal([...HEADERS, '原行号', '错误说明'])
    // the second round's 原行号 are the rows of the workbook the unit sent back (4–8)
    expect([4, 5, 6, 7, 8].map((n) => ws.getRow(n).getCell(HEADERS.length + 1).value)).to.deep.equal([4, 5, 6, 7, 8])
    expect(cellText(ws.getRow(8).getCell(HEADERS.length + 2).value)).to.include('E列')
    expect(cellText(ws.getRow(5).getCell(HEADERS.length + 2).value)).to.equal('无误')
  })

  it('keeps a two-level header and a 单位：元 note, so a corrected file imports with the same amounts', async function () {
    if (!PYTHON) this.skip()
    const source = await writeXlsx(path.join(t.dir, '教育局.xlsx'), [
      {
        name: '申报表',
        rows: [
          ['郴州市2027年度信息化项目申报表'],
          ['填报单位：市教育局', null, null, null, null, null, '单位：元'],
          ['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '投资估算', null],
          [null, null, null, null, null, '总投资', '其中：市本级财政资金'],
          ['市教育局', '智慧校园', '新建', '服务系统', '服务', 850000, 850000],
          ['市教育局', '教育资源平台', '新建', '数据系统', '服务', 1200000, 1300000],
        ],
      },
    ])
    const first = await imp([source])
    expect(first.r.code, first.r.stdout).to.equal(3)
    expect(first.j.files[0].errors.map((e) => [e.row, e.column])).to.deep.equal([[6, 'G']])
    const errors = path.join(t.dir, '教育局.errors.xlsx')
    const sheets = await expectConformingWorkbook(errors, {申报表: '3:4'})
    expect(sheets[0].merges.map((m) => m.ref)).to.include.members(['F3:G3', 'A3:A4', 'H3:H4', 'I3:I4'])
    const ws = (await readWorkbook(errors)).getWorksheet('申报表')!
    expect(cellText(ws.getCell('F3').value)).to.equal('投资估算')
    expect([cellText(ws.getCell('F4').value), cellText(ws.getCell('G4').value)]).to.deep.equal(['总投资', '其中：市本级财政资金'])
    expect(cellText(ws.getCell('I2').value)).to.equal('单位：元')
    const corrected = path.join(t.dir, '教育局-已改.xlsx')
    correctWithOpenpyxl(errors, corrected, {申报表: {G6: 1200000}})
    const back = await imp([corrected])
    expect(back.r.code, back.r.stdout + back.r.stderr).to.equal(0)
    expect(back.j.files[0]).to.include({created: 2})
    expect(back.j.files[0].unknownHeaders ?? []).to.deep.equal([])
    const list = await projects()
    expect(list.map((p) => [p.name, p.totalInvestmentFen, p.fiscalFundsFen]).sort()).to.deep.equal([
      ['教育资源平台', 120 * WAN, 120 * WAN],
      ['智慧校园', 85 * WAN, 85 * WAN],
    ])
  })

  it('a missing required column is said above the header, in red, and the sheet still comes back whole', async () => {
    const source = await writeXlsx(path.join(t.dir, '缺列.xlsx'), [
      {
        name: '申报表',
        rows: [
          ['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）'],
          ['市民政局', '养老服务平台', '新建', '服务系统', '服务', 30],
        ],
      },
    ])
    const {r, j} = await imp([source])
    expect(r.code).to.equal(3)
    const missing = j.files[0].errors.find((e) => e.column === null)
    expect(missing?.message).to.match(/市本级财政资金/)
    const ws = (await readWorkbook(path.join(t.dir, '缺列.errors.xlsx'))).getWorksheet('申报表')!
    expect(cellText(ws.getCell('A2').value)).to.include('整表问题').and.include(missing!.message)
    expect((ws.getCell('A2').fill as ExcelJS.FillPattern).fgColor?.argb).to.equal('FFFFC7CE')
    expect(cellText(ws.getCell('B4').value)).to.equal('养老服务平台')
  })

  it('a filled template imports without a word about the template’s own hidden _itplan sheet', async () => {
    const template = path.join(t.dir, '模板.xlsx')
    const g = await runCli(['template', 'declaration', '--out', template, '--register', t.register], {cwd: t.dir})
    expect(g.code, g.stdout + g.stderr).to.equal(0)
    const wb = await readWorkbook(template)
    const ws = wb.getWorksheet('申报表')!
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).map(cellText)
    const values: Record<string, Cell> = {项目建设单位: '市公安局', 项目名称: '模板项目', 建设性质: '新建', 项目类型: '业务系统', 采购类别: '服务', '总投资（万元）': 40, '其中：市本级财政资金（万元）': 40}
    for (const [h, v] of Object.entries(values)) ws.getRow(4).getCell(header.indexOf(h)).value = v
    const filled = path.join(t.dir, '已填.xlsx')
    await wb.xlsx.writeFile(filled)
    expect((await readSheetsXml(filled)).map((s) => [s.name, s.state])).to.deep.include(['_itplan', 'veryHidden'])
    const text = await runCli(['import', filled, '--received-on', '2026-12-15', '--dry-run', '--register', t.register], {cwd: t.dir})
    expect(text.code, text.stdout + text.stderr).to.equal(0)
    expect(text.stdout + text.stderr).to.not.include('_itplan')
    const {j} = await imp([filled], ['--dry-run'])
    expect(j.files[0].created).to.equal(1)
    expect((j.files[0].skippedSheets ?? []).map((s) => s.name)).to.not.include('_itplan')
  })
})

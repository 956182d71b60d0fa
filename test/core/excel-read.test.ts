import {expect} from 'chai'
import {copyFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {existsSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import {InvalidData} from '../../src/core/domain/errors.js'
import {packageRoot} from '../../src/core/package-root.js'
import {parseAmount} from '../../src/core/domain/money.js'
import {
  isTotalLabel,
  loadDictionary,
  matchHeader,
  matchLabel,
  matchValueWord,
  matchYesNo,
  normaliseHeader,
  parseDictionary,
  splitList,
} from '../../src/core/excel/dictionary.js'
import {findSoffice, parseDelimited, readDeclarationFile, sniffDelimiter, toCellValue} from '../../src/core/excel/read/index.js'
import type {CellValue, ReadFileResult, ReadRow, ReadSheet} from '../../src/core/excel/read/index.js'
import {loadErrorsTemplate, writeErrorWorkbook} from '../../src/core/excel/errors-workbook.js'
import {regionWordsOf} from '../../src/core/domain/region.js'

const here = dirname(fileURLToPath(import.meta.url))
const FIXTURES = join(here, '..', 'fixtures', 'shared')
const fixture = (name: string) => join(FIXTURES, name)

interface ExpectedProject {
  unit: string
  name: string
  totalInvestmentFen: number
  fiscalFundsFen: number
  declarationNo?: string
}
interface ExpectedFile {
  status: string
  projects: ExpectedProject[]
  errorRows?: number[]
}
const EXPECTED = JSON.parse(readFileSync(fixture('EXPECTED.json'), 'utf8')) as {files: Record<string, ExpectedFile>}

let tmp: string
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'itplan-excel-read-'))
})
after(async () => {
  await rm(tmp, {recursive: true, force: true})
})

async function expectInvalid(promise: Promise<unknown>, code: string): Promise<InvalidData> {
  try {
    await promise
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(InvalidData)
    expect((e as InvalidData).code).to.equal(code)
    return e as InvalidData
  }
  expect.fail(`expected InvalidData ${code}`)
}

function value(row: ReadRow, field: string): CellValue | undefined {
  return row.byField.get(field)?.value
}

function fen(row: ReadRow, field: string): number {
  const entry = row.byField.get(field)
  expect(entry, field).to.not.equal(undefined)
  const v = entry!.value
  expect(typeof v === 'number' || typeof v === 'string', `${field} = ${JSON.stringify(v)}`).to.equal(true)
  const parsed = parseAmount(v as string | number, entry!.column.unit ?? 'wan')
  expect(parsed.ok, `${field} = ${JSON.stringify(v)}`).to.equal(true)
  return (parsed as {fen: number}).fen
}

function dataRows(sheet: ReadSheet): ReadRow[] {
  return sheet.rows.filter((r) => r.kind === 'data')
}

/** The reading-level view of EXPECTED.json: each project is a data row with these raw values. */
function expectProjects(result: ReadFileResult, expected: ExpectedProject[]): void {
  expect(result.sheets).to.have.length(1)
  const rows = dataRows(result.sheets[0])
  expect(rows.map((r) => value(r, 'name'))).to.deep.equal(expected.map((p) => p.name))
  expected.forEach((p, i) => {
    expect(fen(rows[i], 'totalInvestment'), p.name).to.equal(p.totalInvestmentFen)
    expect(fen(rows[i], 'fiscalFunds'), p.name).to.equal(p.fiscalFundsFen)
    if (p.declarationNo) expect(value(rows[i], 'declarationNo')).to.equal(p.declarationNo)
  })
}

async function writeWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  const path = join(tmp, name)
  await wb.xlsx.writeFile(path)
  return path
}

const BASIC_HEADERS = ['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）', '其中：市本级财政资金（万元）']
const BASIC_ROW = ['市测试局', '测试平台', '新建', '业务系统', '服务', 90, 90]

// ---------------------------------------------------------------------------------------------------------

describe('excel/dictionary', () => {
  it('finds the package root and loads every field of DESIGN §6', () => {
    expect(existsSync(join(packageRoot(), 'package.json'))).to.equal(true)
    const keys = loadDictionary().fields.map((f) => f.key)
    for (const k of [
      'declarationNo', 'planYear', 'unit', 'coUnits', 'name', 'nature', 'category', 'procurementCategory',
      'totalInvestment', 'fiscalFunds', 'periodMonths', 'summary', 'govCloud', 'dataSharing', 'cityBrain',
      'egovNetwork', 'justification', 'classified', 'contactName', 'contactPhone', 'supervisingDepartment',
      'fundingSources', 'annualPlan', 'declaredOn', 'consultancy',
    ]) {
      expect(keys, k).to.include(k)
    }
    const required = loadDictionary().fields.filter((f) => f.required).map((f) => f.key)
    expect(required.sort()).to.deep.equal(['category', 'fiscalFunds', 'name', 'nature', 'totalInvestment', 'unit'])
  })

  it('matches every header of the DESIGN §6 table', () => {
    const table: Record<string, string[]> = {
      declarationNo: ['申报编号', '编号', '项目编号'],
      planYear: ['申报年度', '计划年度', '年度'],
      unit: ['项目建设单位', '建设单位', '申报单位', '单位名称'],
      coUnits: ['共建单位', '协同单位', '共同使用部门'],
      name: ['项目名称', '名称'],
      nature: ['建设性质', '项目性质'],
      category: ['项目类型', '项目类别', '类型'],
      procurementCategory: ['采购类别', '采购类型'],
      totalInvestment: ['总投资', '总投资额', '项目总投资', '投资总额', '估算总投资'],
      fiscalFunds: ['其中：市本级财政资金', '市本级财政资金', '财政资金', '其中：财政资金', '申请财政资金'],
      periodMonths: ['建设周期（月）', '建设周期', '建设工期'],
      summary: ['主要建设内容', '建设内容', '项目概况'],
      govCloud: ['使用政务云', '是否使用政务云'],
      dataSharing: ['数据汇聚共享', '是否数据汇聚共享'],
      cityBrain: ['接入城市大脑', '是否接入城市大脑'],
      egovNetwork: ['接入电子政务网', '是否接入电子政务网'],
      justification: ['情况说明', '未满足原因说明'],
      classified: ['是否涉密', '涉密'],
      contactName: ['联系人', '项目负责人', '负责人'],
      contactPhone: ['联系电话', '电话'],
      supervisingDepartment: ['主管部门'],
      fundingSources: ['资金来源'],
      annualPlan: ['年度计划投资', '本年度计划投资', '申请年度预算'],
      declaredOn: ['申报日期', '填报日期'],
      consultancy: ['咨询机构', '编制单位'],
    }
    for (const [field, headers] of Object.entries(table)) {
      for (const h of headers) expect(matchHeader(h)?.field, h).to.equal(field)
    }
  })

  it('normalises Traditional, full-width, spaces, line breaks, colons, markers and units in brackets', () => {
    expect(matchHeader('總投資（萬元）')).to.deep.equal({field: 'totalInvestment', unit: 'wan'})
    expect(matchHeader('其中：市本級財政資金（萬元）')).to.deep.equal({field: 'fiscalFunds', unit: 'wan'})
    expect(matchHeader('項目名稱')?.field).to.equal('name')
    expect(matchHeader('項目建設單位')?.field).to.equal('unit')
    expect(matchHeader('監管部門')).to.equal(null)
    expect(matchHeader(' 总 投 资\n(元) ')).to.deep.equal({field: 'totalInvestment', unit: 'yuan'})
    expect(matchHeader('投资总额[亿元]')).to.deep.equal({field: 'totalInvestment', unit: 'yi'})
    expect(matchHeader('总投资【万元】')).to.deep.equal({field: 'totalInvestment', unit: 'wan'})
    expect(matchHeader('总投资（单位：万元）')).to.deep.equal({field: 'totalInvestment', unit: 'wan'})
    expect(matchHeader('总投资')).to.deep.equal({field: 'totalInvestment', unit: null})
    expect(matchHeader('*项目名称')?.field).to.equal('name')
    expect(matchHeader('项目类型（基础设施/数据系统/业务系统/服务系统）')?.field).to.equal('category')
    expect(matchHeader('建设周期（月）')).to.deep.equal({field: 'periodMonths', unit: null})
    expect(matchHeader('ＡＢＣ')).to.equal(null)
    expect(normaliseHeader('总投资 （万元）')).to.deep.equal({text: '总投资', unit: 'wan'})
  })

  it('never treats header text as an object key', () => {
    for (const h of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '__defineGetter__']) {
      expect(matchHeader(h), h).to.equal(null)
    }
    expect(matchValueWord('nature', '__proto__')).to.equal(null)
    expect(matchValueWord('__proto__', '新建')).to.equal(null)
  })

  it('knows total labels, enum words, yes/no words and list separators', () => {
    for (const t of ['合计', '合  计', '總計', '小计', '小計（市直）', '合计：', '总计']) expect(isTotalLabel(t), t).to.equal(true)
    for (const t of ['合计数', '市合计局', '总计划']) expect(isTotalLabel(t), t).to.equal(false)
    expect(matchValueWord('nature', '改造')).to.equal('upgrade')
    expect(matchValueWord('nature', '擴建')).to.equal('expansion')
    expect(matchValueWord('category', '數據系統')).to.equal('data')
    expect(matchValueWord('category', '基础设施类')).to.equal('infrastructure')
    expect(matchValueWord('procurementCategory', '服務')).to.equal('services')
    expect(matchValueWord('fundingSources', '自筹')).to.equal('self-raised')
    expect([matchYesNo('是'), matchYesNo('N'), matchYesNo('√'), matchYesNo('×'), matchYesNo('yes'), matchYesNo(0), matchYesNo('也许')]).to.deep.equal([
      true, false, true, false, true, false, null,
    ])
    expect(splitList('市公安局、市交通运输局；市应急管理局,市民政局')).to.deep.equal(['市公安局', '市交通运输局', '市应急管理局', '市民政局'])
  })

  it('drops the dictionary’s required-field marks and bracketed notes, before or after the header (issue 16)', () => {
    for (const h of ['项目建设单位*', '*项目建设单位', '项目建设单位 ＊', '※项目建设单位', '▲项目建设单位', '项目建设单位（必填）', '（必填）项目建设单位', '项目建设单位(必填项)', '项目建设单位\n（必填）']) {
      expect(matchHeader(h)?.field, h).to.equal('unit')
    }
    expect(matchHeader('总投资（万元）（必填）')).to.deep.equal({field: 'totalInvestment', unit: 'wan'})
    expect(matchHeader('（选填）总投资（元）*')).to.deep.equal({field: 'totalInvestment', unit: 'yuan'})
    const marks = loadDictionary().headerMarks
    expect(marks.marks).to.include.members(['*', '※'])
    expect(marks.notes).to.include.members(['必填', '选填'])
  })

  it('knows the value variants units write, in the dictionary (issue 16)', () => {
    const variants: Record<string, Record<string, string>> = {
      nature: {新建项目: 'new', 改造升级项目: 'upgrade', 扩建项目: 'expansion'},
      category: {业务应用系统: 'business', 数据资源系统: 'data', 基础设施建设: 'infrastructure', 服务应用系统: 'service'},
      procurementCategory: {货物类采购: 'goods'},
    }
    for (const [field, word, id] of Object.entries(variants).flatMap(([f, words]) => Object.entries(words).map(([w, i]) => [f, w, i]))) {
      expect(matchValueWord(field, word), word).to.equal(id)
      expect(loadDictionary().byKey.get(field)!.values!.find((v) => v.id === id)!.words, word).to.include(word)
    }
    expect(matchValueWord('nature', '新建工程')).to.equal(null)
  })

  it('knows the labels of the block above the header (issue 16)', () => {
    expect(matchLabel('填报单位（盖章）')).to.equal('unit')
    expect(matchLabel('填報單位')).to.equal('unit')
    expect(matchLabel('申报单位')).to.equal('unit')
    expect(matchLabel('单位名称')).to.equal('unit')
    expect(matchLabel('填报日期')).to.equal('declaredOn')
    expect(matchLabel('联系人')).to.equal('contactName')
    expect(matchLabel('联系电话')).to.equal('contactPhone')
    for (const text of ['金额单位', '单位', '填表说明', '__proto__']) expect(matchLabel(text), text).to.equal(null)
  })

  it('refuses a label block naming a field that does not exist, or two fields claiming one label', () => {
    const load = () => JSON.parse(readFileSync(join(packageRoot(), 'templates', 'declaration.json'), 'utf8')) as {labelBlock: {fields: Record<string, string[]>}}
    const unknown = load()
    unknown.labelBlock.fields.signature = ['签字']
    expect(() => parseDictionary(unknown)).to.throw(InvalidData).with.property('code', 'dictionary.invalid')
    const twice = load()
    twice.labelBlock.fields.contactName.push('填报单位')
    expect(() => parseDictionary(twice)).to.throw(InvalidData).with.property('code', 'dictionary.invalid')
  })

  it('refuses a dictionary in which two fields claim one header', () => {
    const json = JSON.parse(readFileSync(join(packageRoot(), 'templates', 'declaration.json'), 'utf8')) as {fields: Array<{key: string; synonyms: string[]}>}
    json.fields.find((f) => f.key === 'name')!.synonyms.push('项目建设单位')
    expect(() => parseDictionary(json)).to.throw(InvalidData).with.property('code', 'dictionary.invalid')
  })
})

// ---------------------------------------------------------------------------------------------------------

describe('excel/read: shared fixtures', () => {
  it('simple.xlsx: ten projects, raw amounts in 万元, real sheet name, date cells', async () => {
    const r = await readDeclarationFile(fixture('simple.xlsx'))
    expect(r.file).to.equal('simple.xlsx')
    expect(r.sha256).to.match(/^[0-9a-f]{64}$/)
    expect(r.sheets[0].name).to.equal('申报表')
    expect(r.sheets[0].headerRowNumber).to.equal(1)
    expect(r.sheets[0].unknownHeaders).to.deep.equal([])
    expectProjects(r, EXPECTED.files['simple.xlsx'].projects)
    const rows = r.sheets[0].rows
    expect(rows.map((x) => value(x, 'unit'))).to.deep.equal(EXPECTED.files['simple.xlsx'].projects.map((p) => p.unit))
    expect(rows[0].rowNumber).to.equal(2)
    expect(value(rows[0], 'declaredOn')).to.deep.equal({date: '2026-12-01'})
    expect(value(rows[0], 'planYear')).to.equal(2027)
    expect(value(rows[0], 'justification')).to.equal(null) // column present, cell empty
    expect(value(rows[9], 'govCloud')).to.equal('否')
    expect(rows[0].byField.get('totalInvestment')!.column).to.include({letter: 'H', field: 'totalInvestment', unit: 'wan'})
    expect(rows[0].values).to.have.length(r.sheets[0].columns.length)
  })

  it('titled-merged.xlsx: title rows skipped, two-level merged header, 合计 row marked total', async () => {
    const r = await readDeclarationFile(fixture('titled-merged.xlsx'))
    const sheet = r.sheets[0]
    expect(sheet.name).to.equal('汇总表')
    expect(sheet.headerRowNumber).to.equal(4)
    expect(sheet.headerRowCount).to.equal(2)
    expect(sheet.unitNote).to.equal('wan')
    const g = sheet.columns.find((c) => c.letter === 'G')!
    expect(g).to.include({header: '投资估算（万元）/总投资', field: 'totalInvestment', unit: 'wan'})
    expect(sheet.columns.find((c) => c.letter === 'H')).to.include({field: 'fiscalFunds', unit: 'wan'})
    expect(sheet.columns.find((c) => c.letter === 'B')).to.include({header: '项目建设单位', field: 'unit'})
    expect(sheet.unknownHeaders).to.deep.equal([]) // 序号 is expected, not unknown
    expectProjects(r, EXPECTED.files['titled-merged.xlsx'].projects)
    const total = sheet.rows.filter((x) => x.kind === 'total')
    expect(total).to.have.length(1)
    expect(total[0].rowNumber).to.equal(10)
    expect(value(total[0], 'totalInvestment')).to.equal(320)
    expect(sheet.rows.map((x) => x.rowNumber)).to.deep.equal([5, 6, 7, 8, 10]) // blank row 9 dropped
    expect(sheet.rows.slice(0, 4).map((x) => value(x, 'declaredOn'))).to.deep.equal([{date: '2026-11-30'}, '2026年12月20日', '2027/1/5', '2026.12.01'])
  })

  it('libreoffice-formulas.xlsx: cached formula results, unknown columns listed', async () => {
    const r = await readDeclarationFile(fixture('libreoffice-formulas.xlsx'))
    const sheet = r.sheets[0]
    expect(sheet.name).to.equal('Sheet1')
    expect(sheet.unknownHeaders).to.deep.equal(['软件开发（万元）', '硬件购置（万元）', '其他（万元）'])
    expect(sheet.uncalculatedCells).to.deep.equal([])
    expectProjects(r, EXPECTED.files['libreoffice-formulas.xlsx'].projects)
    expect(dataRows(sheet).map((x) => value(x, 'fiscalFunds'))).to.deep.equal([80, 25, 108])
  })

  it('traditional.xlsx: Traditional headers matched, values kept as written', async () => {
    const r = await readDeclarationFile(fixture('traditional.xlsx'))
    expect(r.sheets[0].name).to.equal('申報表')
    expect(r.sheets[0].columns.map((c) => c.field)).to.deep.equal(['unit', 'name', 'nature', 'category', 'procurementCategory', 'totalInvestment', 'fiscalFunds'])
    expectProjects(r, EXPECTED.files['traditional.xlsx'].projects)
    expect(value(r.sheets[0].rows[0], 'unit')).to.equal('市住房和城鄉建設局')
  })

  it('gb18030.csv: decoded, quoted thousands separators kept as text', async () => {
    const r = await readDeclarationFile(fixture('gb18030.csv'))
    expect(r.sheets[0].name).to.equal('gb18030.csv')
    expectProjects(r, EXPECTED.files['gb18030.csv'].projects)
    expect(r.sheets[0].rows.map((x) => value(x, 'unit'))).to.deep.equal(['市医疗保障局', '市体育局', '市退役军人事务局'])
    expect(value(r.sheets[0].rows[0], 'totalInvestment')).to.equal('1,050.00')
  })

  it('bad-rows.xlsx: every row is read as it stands (judging them is the validator’s job)', async () => {
    const r = await readDeclarationFile(fixture('bad-rows.xlsx'))
    const rows = r.sheets[0].rows
    expect(rows.map((x) => x.rowNumber)).to.deep.equal([2, 3, 4, 5, 6, 7, 8])
    expect(EXPECTED.files['bad-rows.xlsx'].errorRows!.every((n) => rows.some((x) => x.rowNumber === n))).to.equal(true)
    expect(value(rows[1], 'name')).to.equal(null)
    expect(value(rows[2], 'totalInvestment')).to.equal(-5)
    expect(value(rows[3], 'category')).to.equal('其他系统')
    expect(value(rows[4], 'classified')).to.equal('是')
  })

  it('not-a-workbook.xlsx: file.notWorkbook', async () => {
    const e = await expectInvalid(readDeclarationFile(fixture('not-a-workbook.xlsx')), 'file.notWorkbook')
    expect(e.params).to.deep.include({file: 'not-a-workbook.xlsx'})
  })

  it('legacy.xls without LibreOffice: file.legacyFormat', async () => {
    const e = await expectInvalid(readDeclarationFile(fixture('legacy.xls'), {sofficePath: null}), 'file.legacyFormat')
    expect(e.params).to.deep.include({file: 'legacy.xls'})
  })

  it('legacy.xls: converted when soffice is on the PATH, else file.legacyFormat', async function () {
    this.timeout(180_000)
    const soffice = await findSoffice()
    if (!soffice) {
      await expectInvalid(readDeclarationFile(fixture('legacy.xls')), 'file.legacyFormat')
      return
    }
    const r = await readDeclarationFile(fixture('legacy.xls'))
    expect(r.file).to.equal('legacy.xls')
    expect(r.sha256).to.equal(
      (await import('node:crypto')).createHash('sha256').update(await readFile(fixture('legacy.xls'))).digest('hex'),
    )
    expectProjects(r, EXPECTED.files['legacy.xls'].projects)
  })
})

// ---------------------------------------------------------------------------------------------------------

describe('excel/read: refusals', () => {
  it('random bytes → file.notWorkbook', async () => {
    const path = join(tmp, 'random.xlsx')
    await writeFile(path, Buffer.from(Array.from({length: 5000}, (_, i) => (i * 7919 + 13) % 256)))
    await expectInvalid(readDeclarationFile(path), 'file.notWorkbook')
  })

  it('a truncated zip → file.notWorkbook', async () => {
    const bytes = await readFile(fixture('simple.xlsx'))
    const path = join(tmp, 'truncated.xlsx')
    await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await expectInvalid(readDeclarationFile(path), 'file.notWorkbook')
  })

  it('a zip with a damaged sheet → file.notWorkbook', async () => {
    const src = await writeWorkbook('to-damage.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.addRow(BASIC_HEADERS)
      for (let i = 0; i < 200; i++) ws.addRow([`市测试局${i}`, `测试平台${i}`, '新建', '业务系统', '服务', i, i])
    })
    const bytes = Buffer.from(await readFile(src))
    // Overwrite the middle of the file (inside the compressed sheet) and keep the central directory intact.
    const at = bytes.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 40
    for (let i = 0; i < 400; i++) bytes[at + i] = (bytes[at + i] + 97) & 0xff
    const path = join(tmp, 'damaged.xlsx')
    await writeFile(path, bytes)
    await expectInvalid(readDeclarationFile(path), 'file.notWorkbook')
  })

  it('a zip that is not a workbook → file.notWorkbook', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('x')
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    const renamed = Buffer.from(bytes.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmk'), 'latin1')
    const path = join(tmp, 'no-workbook-part.xlsx')
    await writeFile(path, renamed)
    await expectInvalid(readDeclarationFile(path), 'file.notWorkbook')
  })

  /** Rewrites the uncompressed size of one part in the zip's central directory. */
  async function withDeclaredSize(name: string, part: string, size: number): Promise<string> {
    const bytes = Buffer.from(await readFile(fixture('simple.xlsx')))
    for (let p = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p - 1)) {
      const nameLength = bytes.readUInt16LE(p + 28)
      if (bytes.toString('utf8', p + 46, p + 46 + nameLength) === part) bytes.writeUInt32LE(size, p + 24)
    }
    const path = join(tmp, name)
    await writeFile(path, bytes)
    return path
  }

  it('a part declaring a huge size (zip bomb) → file.uncompressedTooLarge', async () => {
    const path = await withDeclaredSize('bomb.xlsx', 'xl/worksheets/sheet1.xml', 0xfffffff0)
    const e = await expectInvalid(readDeclarationFile(path), 'file.uncompressedTooLarge')
    expect(e.params).to.include({file: 'bomb.xlsx'})
  })

  it('a part inflating beyond its declared size → file.notWorkbook', async () => {
    await expectInvalid(readDeclarationFile(await withDeclaredSize('liar.xlsx', 'xl/worksheets/sheet1.xml', 1000)), 'file.notWorkbook')
  })

  it('an empty file and an empty workbook → file.empty', async () => {
    const zero = join(tmp, 'zero.xlsx')
    await writeFile(zero, '')
    await expectInvalid(readDeclarationFile(zero), 'file.empty')
    const empty = await writeWorkbook('empty.xlsx', (wb) => {
      wb.addWorksheet('Sheet1')
      wb.addWorksheet('Sheet2')
    })
    await expectInvalid(readDeclarationFile(empty), 'file.empty')
    const blankCsv = join(tmp, 'blank.csv')
    await writeFile(blankCsv, '\r\n  \r\n')
    await expectInvalid(readDeclarationFile(blankCsv), 'file.empty')
  })

  it('a file over maxBytes → file.tooLarge, before it is opened', async () => {
    const e = await expectInvalid(readDeclarationFile(fixture('simple.xlsx'), {maxBytes: 1000}), 'file.tooLarge')
    expect(e.params).to.include({file: 'simple.xlsx', limit: 1000})
    expect(e.params.bytes).to.be.greaterThan(1000)
  })

  it('a sheet over maxRows → file.sheetTooLarge, from its declared dimension', async () => {
    const path = await writeWorkbook('many-rows.xlsx', (wb) => {
      wb.addWorksheet('说明').addRow(['填表说明'])
      const ws = wb.addWorksheet('申报表')
      ws.addRow(BASIC_HEADERS)
      for (let i = 0; i < 60; i++) ws.addRow(BASIC_ROW)
    })
    const e = await expectInvalid(readDeclarationFile(path, {maxRows: 50}), 'file.sheetTooLarge')
    expect(e.params).to.include({file: 'many-rows.xlsx', sheet: '申报表', rows: 61, limit: 50})
  })

  it('a sheet over maxRows without a dimension → file.sheetTooLarge while streaming', async () => {
    const path = join(tmp, 'streamed.xlsx')
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({filename: path, useSharedStrings: true})
    const ws = wb.addWorksheet('大表')
    ws.addRow(BASIC_HEADERS).commit()
    for (let i = 0; i < 60; i++) ws.addRow(BASIC_ROW).commit()
    ws.commit()
    await wb.commit()
    expect((await readDeclarationFile(path)).sheets[0].rows).to.have.length(60)
    const e = await expectInvalid(readDeclarationFile(path, {maxRows: 50}), 'file.sheetTooLarge')
    expect(e.params).to.include({sheet: '大表', rows: 51, limit: 50})
  })

  it('a CSV over maxRows → file.sheetTooLarge', async () => {
    const path = join(tmp, 'long.csv')
    await writeFile(path, [BASIC_HEADERS.join(','), ...Array.from({length: 20}, () => BASIC_ROW.join(','))].join('\n'))
    await expectInvalid(readDeclarationFile(path, {maxRows: 10}), 'file.sheetTooLarge')
  })

  it('other extensions → file.unsupported; a password-protected .xlsx → file.encrypted', async () => {
    const txt = join(tmp, 'list.txt')
    await writeFile(txt, 'x')
    const e = await expectInvalid(readDeclarationFile(txt), 'file.unsupported')
    expect(e.params).to.include({file: 'list.txt', ext: '.txt'})
    const enc = join(tmp, 'locked.xlsx')
    await writeFile(enc, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600), Buffer.from('EncryptedPackage', 'utf16le')]))
    await expectInvalid(readDeclarationFile(enc), 'file.encrypted')
  })

  it('a CSV that is neither UTF-8 nor GB18030 → file.encoding; an unclosed quote → file.csvMalformed', async () => {
    const bad = join(tmp, 'binary.csv')
    await writeFile(bad, Buffer.from([0x41, 0x2c, 0xff, 0xff, 0xfe, 0x0d, 0x0a, 0x00, 0x81]))
    await expectInvalid(readDeclarationFile(bad), 'file.encoding')
    const open = join(tmp, 'open-quote.csv')
    await writeFile(open, `${BASIC_HEADERS.join(',')}\n市测试局,"测试平台,新建\n`)
    const e = await expectInvalid(readDeclarationFile(open), 'file.csvMalformed')
    expect(e.params).to.include({file: 'open-quote.csv', row: 2})
  })

  it('a missing file → file.unreadable', async () => {
    await expectInvalid(readDeclarationFile(join(tmp, 'nope.xlsx')), 'file.unreadable')
  })
})

// ---------------------------------------------------------------------------------------------------------

describe('excel/read: layouts and cells', () => {
  it('reads rows and cells without r references, rich inline text without its phonetic guide, and cached formula results', async () => {
    const {xlsxBuffer} = await import('../adversarial/corpus.js')
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    const text = (v: string) => `<c t="inlineStr"><is><t>${v}</t></is></c>`
    const header = ['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）', '其中：市本级财政资金（万元）'].map(text).join('')
    const sheet =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>` +
      `<row>${header}</row>` +
      // no row reference and no cell references: row 2, columns A, B, C…
      `<row>${text('市教育局')}<c t="inlineStr"><is><r><t>智慧</t></r><r><t>校园</t></r><rPh><t>ちえ</t></rPh></is></c>${text('新建')}${text('业务系统')}${text('服务')}<c><v>120</v></c><c><f>F2</f><v>120</v></c></row>` +
      // a gap: row 5 by reference, then one row that follows it (6) with a cell that skips to F
      `<row r="5">${text('市民政局')}${text('救助平台')}${text('新建')}${text('业务系统')}${text('服务')}<c r="F5"><v>80</v></c><c r="G5"><f>F5/0</f><v>#DIV/0!</v></c></row>` +
      `<row><c r="A6" t="inlineStr"><is><t>市水利局</t></is></c><c r="F6"><f>SUM(F2:F5)</f></c></row>` +
      `</sheetData></worksheet>`
    const path = join(tmp, 'unreferenced.xlsx')
    await writeFile(path, xlsxBuffer(sheet))
    const r = await readDeclarationFile(path)
    const rows = r.sheets[0].rows
    expect(rows.map((row) => row.rowNumber)).to.deep.equal([2, 5, 6])
    expect(rows[0].values).to.deep.equal(['市教育局', '智慧校园', '新建', '业务系统', '服务', 120, 120])
    expect(rows[1].byField.get('fiscalFunds')?.value).to.equal('#ERROR')
    expect(rows[2].values[0]).to.equal('市水利局')
    expect(rows[2].byField.get('totalInvestment')?.value).to.equal(null)
    expect(r.sheets[0].uncalculatedCells).to.deep.equal(['F6'])
  })

  it('ignores __proto__ and constructor headers without touching any prototype', async () => {
    const path = await writeWorkbook('proto.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.addRow([...BASIC_HEADERS, '__proto__', 'constructor', 'toString'])
      ws.addRow([...BASIC_ROW, '{"polluted":true}', 'x', 'y'])
    })
    const r = await readDeclarationFile(path)
    const sheet = r.sheets[0]
    expect(sheet.unknownHeaders).to.deep.equal(['__proto__', 'constructor', 'toString'])
    expect([...sheet.rows[0].byField.keys()]).to.not.include.members(['__proto__', 'constructor', 'toString'])
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined)
    expect(sheet.rows[0].values.slice(-3)).to.deep.equal(['{"polluted":true}', 'x', 'y'])
  })

  it('keeps the first of two columns for one field and lists the second as unknown', async () => {
    const path = await writeWorkbook('dup.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.addRow([...BASIC_HEADERS, '项目总投资'])
      ws.addRow([...BASIC_ROW, 12345])
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.unknownHeaders).to.deep.equal(['项目总投资'])
    expect(value(sheet.rows[0], 'totalInvestment')).to.equal(90)
  })

  it('reads a two-level header with group titles above (merged), under a title and a unit note', async () => {
    const path = await writeWorkbook('two-level.xlsx', (wb) => {
      const ws = wb.addWorksheet('项目表')
      ws.getCell('A1').value = '郴州市2027年度信息化项目申报表'
      ws.mergeCells('A1:H1')
      ws.getCell('A2').value = '填报单位：市测试局'
      ws.getCell('H2').value = '（单位：元）'
      ws.getCell('A3').value = '基本情况'
      ws.mergeCells('A3:E3')
      ws.getCell('F3').value = '投资情况'
      ws.mergeCells('F3:H3')
      ws.getRow(4).values = ['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）', '财政资金', '年度计划投资']
      ws.getRow(5).values = ['市测试局', '两级表头项目', '新建', '数据系统', '服务', 120, 1_000_000, 500_000]
      ws.getRow(6).values = ['合  计', null, null, null, null, 120, 1_000_000, 500_000]
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.headerRowNumber).to.equal(4)
    expect(sheet.headerRowCount).to.equal(2)
    expect(sheet.unitNote).to.equal('yuan')
    expect(sheet.columns.map((c) => c.header)).to.deep.equal([
      '基本情况/项目建设单位', '基本情况/项目名称', '基本情况/建设性质', '基本情况/项目类型', '基本情况/采购类别',
      '投资情况/总投资（万元）', '投资情况/财政资金', '投资情况/年度计划投资',
    ])
    expect(sheet.columns.slice(5).map((c) => [c.field, c.unit])).to.deep.equal([
      ['totalInvestment', 'wan'], // the header's own unit wins over the note
      ['fiscalFunds', 'yuan'],
      ['annualPlan', 'yuan'],
    ])
    expect(sheet.rows.map((x) => x.kind)).to.deep.equal(['data', 'total'])
  })

  it('reads a two-level header whose lower level continues the upper one (vertical and horizontal merges)', async () => {
    const path = await writeWorkbook('continued.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报')
      ws.getRow(1).values = ['项目建设单位', '项目名称', '建设性质', '项目类型', '投资情况', null, '申报日期']
      ws.getRow(2).values = [null, null, null, null, '总投资（万元）', '其中：财政资金（万元）', null]
      for (const col of ['A', 'B', 'C', 'D', 'G']) ws.mergeCells(`${col}1:${col}2`)
      ws.mergeCells('E1:F1')
      ws.getRow(3).values = ['市测试局', '续表项目', '扩建', '服务系统', 88, 66, new Date(Date.UTC(2026, 11, 31))]
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.headerRowNumber).to.equal(2)
    expect(sheet.columns.map((c) => c.header)).to.deep.equal(['项目建设单位', '项目名称', '建设性质', '项目类型', '投资情况/总投资（万元）', '投资情况/其中：财政资金（万元）', '申报日期'])
    expect(sheet.columns.map((c) => c.field)).to.deep.equal(['unit', 'name', 'nature', 'category', 'totalInvestment', 'fiscalFunds', 'declaredOn'])
    expect(sheet.rows).to.have.length(1)
    expect(value(sheet.rows[0], 'declaredOn')).to.deep.equal({date: '2026-12-31'})
  })

  it('reads rich text, hyperlinks, dates, formulas (cached, shared, uncalculated) and error cells', async () => {
    const path = await writeWorkbook('cells.xlsx', (wb) => {
      const ws = wb.addWorksheet('单元格')
      ws.addRow([...BASIC_HEADERS, '申报日期', '联系电话', '主要建设内容'])
      ws.addRow([
        {richText: [{text: '市'}, {font: {bold: true}, text: '富文本'}, {text: '局'}]},
        {text: '超链接项目', hyperlink: 'https://example.org'},
        '新建',
        '业务系统',
        '服务',
        {formula: '10*12', result: 120, shareType: 'shared', ref: 'F2:F3'},
        {formula: 'F2', result: 100},
        new Date(Date.UTC(2026, 11, 1)),
        '0735-1234567',
        {error: '#N/A'},
      ])
      ws.addRow(['市公式局', '共享公式', '新建', '业务系统', '服务', {sharedFormula: 'F2', result: 130}, {formula: 'F3'}, {formula: 'DATE(2027,1,2)', result: 46389}, 7351234567, '  前后空格  '])
      ws.getCell('H3').numFmt = 'yyyy-mm-dd'
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    const [a, b] = sheet.rows
    expect(value(a, 'unit')).to.equal('市富文本局')
    expect(value(a, 'name')).to.equal('超链接项目')
    expect(value(a, 'totalInvestment')).to.equal(120)
    expect(value(a, 'fiscalFunds')).to.equal(100)
    expect(value(a, 'declaredOn')).to.deep.equal({date: '2026-12-01'})
    expect(value(a, 'contactPhone')).to.equal('0735-1234567')
    expect(value(a, 'summary')).to.equal('#N/A')
    expect(value(b, 'totalInvestment')).to.equal(130)
    expect(value(b, 'fiscalFunds')).to.equal(null)
    expect(sheet.uncalculatedCells).to.deep.equal(['G3'])
    expect(value(b, 'declaredOn')).to.deep.equal({date: '2027-01-02'})
    expect(value(b, 'contactPhone')).to.equal(7351234567)
    expect(value(b, 'summary')).to.equal('前后空格')
  })

  it('names every sheet by its real name, in workbook order, and says which were skipped and why', async () => {
    const path = await writeWorkbook('multi.xlsx', (wb) => {
      wb.addWorksheet('填表说明').addRows([['一、本表由项目建设单位填写'], ['二、金额单位为万元']])
      wb.addWorksheet('空白页')
      const a = wb.addWorksheet('第一批')
      a.addRow(BASIC_HEADERS)
      a.addRow(BASIC_ROW)
      const lists = wb.addWorksheet('下拉选项', {state: 'hidden'})
      lists.addRows([['建设性质', '项目类型', '采购类别'], ['新建', '基础设施', '货物'], ['扩建', '数据系统', '服务']])
      const b = wb.addWorksheet('第二批')
      b.addRow(BASIC_HEADERS)
      b.addRow(['市第二局', '第二个项目', '新建', '业务系统', '服务', 10, 10])
    })
    const r = await readDeclarationFile(path)
    expect(r.sheets.map((s) => s.name)).to.deep.equal(['第一批', '第二批'])
    expect(r.skippedSheets).to.deep.equal([
      {name: '填表说明', reason: 'no-header'},
      {name: '空白页', reason: 'empty'},
      {name: '下拉选项', reason: 'no-header'},
    ])
    expect(value(r.sheets[1].rows[0], 'unit')).to.equal('市第二局')
  })

  it('reads an .xls that is really an .xlsx without LibreOffice', async () => {
    const path = join(tmp, '改了扩展名.xls')
    await copyFile(fixture('simple.xlsx'), path)
    const r = await readDeclarationFile(path, {sofficePath: null})
    expect(r.file).to.equal('改了扩展名.xls')
    expect(r.sheets[0].rows).to.have.length(10)
  })

  it('drops blank rows (also rows with only a serial number) and the header repeated further down', async () => {
    const path = await writeWorkbook('blank-rows.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.addRow(['序号', ...BASIC_HEADERS])
      ws.addRow([1, ...BASIC_ROW])
      ws.addRow([2, '  ', null, '', null, null, null, null])
      ws.addRow([])
      ws.addRow([3])
      ws.addRow([4, '市后面局', '后面的项目', '新建', '业务系统', '服务', 1, 1])
      ws.addRow(['序号', ...BASIC_HEADERS])
      ws.addRow([5, '市再后面局', '再后面的项目', '新建', '业务系统', '服务', 2, 2])
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.rows.map((x) => x.rowNumber)).to.deep.equal([2, 6, 8])
  })

  it('flags hidden sheets and gives a read-only field view', async () => {
    const path = await writeWorkbook('hidden.xlsx', (wb) => {
      const ws = wb.addWorksheet('隐藏的申报表', {state: 'hidden'})
      ws.addRow(BASIC_HEADERS)
      ws.addRow(BASIC_ROW)
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.hidden).to.equal(true)
    const fields = sheet.rows[0].byField
    expect(fields).to.be.instanceOf(Map)
    expect(fields.size).to.equal(7)
    expect(fields.has('unit')).to.equal(true)
    expect(fields.has('summary')).to.equal(false)
    expect(fields.get('summary')).to.equal(undefined)
    expect([...fields.keys()]).to.deep.equal(['unit', 'name', 'nature', 'category', 'procurementCategory', 'totalInvestment', 'fiscalFunds'])
    expect([...fields].map(([k, v]) => [k, v.value])[0]).to.deep.equal(['unit', '市测试局'])
    expect(() => fields.set('unit', {value: 'x', column: sheet.columns[0]})).to.throw(TypeError)
    expect(() => fields.delete('unit')).to.throw(TypeError)
  })
})

// ---------------------------------------------------------------------------------------------------------

describe('excel/read: label blocks and units rows (issue 16)', () => {
  const labels = (sheet: ReadSheet) => sheet.labels.map((l) => [l.field, l.value, l.row, l.column, l.label])

  it('reads the labels above the header: in one cell, two to a cell, value in the next cell, with （盖章） and in Traditional', async () => {
    const path = await writeWorkbook('labels.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.getCell('A1').value = '郴州市2027年度信息化项目申报表'
      ws.mergeCells('A1:G1')
      ws.getRow(2).values = ['填报单位（盖章）：市测试局（盖章）', null, null, '填報日期：2026年12月1日']
      ws.getRow(3).values = ['联系人：张三\u3000\u3000联系电话：0735-1234567', null, null, '金额单位：万元']
      ws.getRow(4).values = ['申报年度：', '2027年', null, '主管部门', '市人民政府办公室']
      ws.getRow(5).values = ['项目名称', '建设性质', '项目类型', '采购类别', '总投资', '其中：市本级财政资金']
      ws.getRow(6).values = ['测试平台', '新建', '业务系统', '服务', 90, 90]
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.headerRowNumber).to.equal(5)
    expect(sheet.unitNote).to.equal('wan')
    expect(labels(sheet)).to.deep.equal([
      ['unit', '市测试局', 2, 'A', '填报单位（盖章）'],
      ['declaredOn', '2026年12月1日', 2, 'D', '填報日期'],
      ['contactName', '张三', 3, 'A', '联系人'],
      ['contactPhone', '0735-1234567', 3, 'A', '联系电话'],
      ['planYear', '2027年', 4, 'B', '申报年度'],
      ['supervisingDepartment', '市人民政府办公室', 4, 'E', '主管部门'],
    ])
    expect(sheet.rows.map((r) => r.rowNumber)).to.deep.equal([6])
  })

  it('takes the first value of a field, and nothing from a blank form’s placeholders or a label followed by another label', async () => {
    const path = await writeWorkbook('blank-labels.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.getRow(1).values = ['填报单位：', null, '填报日期：    年  月  日', '联系人：________']
      ws.getRow(2).values = ['申报单位：市甲局', '单位名称：市乙局', '联系电话', '联系人']
      ws.getRow(3).values = ['项目建设单位', '项目名称', '建设性质', '项目类型', '总投资', '其中：市本级财政资金']
      ws.getRow(4).values = ['市丙局', '测试平台', '新建', '业务系统', 90, 90]
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(labels(sheet)).to.deep.equal([['unit', '市甲局', 2, 'A', '申报单位']])
  })

  it('a date or a number in the next cell is kept as read', async () => {
    const path = await writeWorkbook('typed-labels.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.getRow(1).values = ['填报日期', new Date(Date.UTC(2026, 11, 5)), '联系电话：', 13973500001]
      ws.getRow(2).values = ['项目建设单位', '项目名称', '建设性质', '项目类型', '总投资', '其中：市本级财政资金']
      ws.getRow(3).values = ['市丙局', '测试平台', '新建', '业务系统', 90, 90]
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(labels(sheet)).to.deep.equal([
      ['declaredOn', {date: '2026-12-05'}, 1, 'B', '填报日期'],
      ['contactPhone', 13973500001, 1, 'D', '联系电话'],
    ])
  })

  it('a row of labels right above the header is no level of it', async () => {
    const path = await writeWorkbook('label-row.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.getRow(1).values = ['联系人', '李强', null, '联系电话：', 13973500001]
      ws.getRow(2).values = ['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）']
      ws.getRow(3).values = ['市丙局', '测试平台', '新建', '业务系统', '服务', 90]
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.headerRowNumber).to.equal(2)
    expect(sheet.headerRowCount).to.equal(1)
    expect(sheet.columns.map((c) => c.header)).to.deep.equal(['项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）'])
    expect(labels(sheet)).to.deep.equal([
      ['contactName', '李强', 1, 'B', '联系人'],
      ['contactPhone', 13973500001, 1, 'E', '联系电话'],
    ])
  })

  it('labels without colons right above the header are no group titles', async () => {
    const path = await writeWorkbook('label-group.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.getRow(1).values = ['联系人', '李强', null, '申报单位', '市丙局']
      ws.getRow(2).values = ['项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）', '其中：市本级财政资金（万元）']
      ws.getRow(3).values = ['测试平台', '新建', '业务系统', '服务', 90, 90]
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.headerRowCount).to.equal(1)
    expect(sheet.columns.map((c) => c.header)).to.deep.equal(['项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）', '其中：市本级财政资金（万元）'])
    expect(labels(sheet)).to.deep.equal([
      ['contactName', '李强', 1, 'B', '联系人'],
      ['unit', '市丙局', 1, 'E', '申报单位'],
    ])
  })

  it('a field name of a two-level header over a vertical merge stays a header, label word or not', async () => {
    const path = await writeWorkbook('label-word-header.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.getRow(1).values = ['项目建设单位', '项目名称', '建设性质', '项目类型', '填报日期', '投资情况', null]
      ws.getRow(2).values = [null, null, null, null, null, '总投资（万元）', '其中：财政资金（万元）']
      for (const col of ['A', 'B', 'C', 'D', 'E']) ws.mergeCells(`${col}1:${col}2`)
      ws.mergeCells('F1:G1')
      ws.getRow(3).values = ['市丙局', '测试平台', '新建', '业务系统', '2026-12-01', 90, 90]
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.headerRowCount).to.equal(2)
    expect(sheet.columns.map((c) => c.field)).to.deep.equal(['unit', 'name', 'nature', 'category', 'declaredOn', 'totalInvestment', 'fiscalFunds'])
    expect(sheet.labels).to.deep.equal([])
  })

  it('a units row under the header belongs to it: it sets the unit of amount columns whose header states none, and is no data row', async () => {
    const path = await writeWorkbook('units-row.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.getRow(1).values = ['项目建设单位', '项目名称', '建设性质', '项目类型', '总投资', '其中：市本级财政资金（万元）', '年度计划投资', '建设周期']
      ws.getRow(2).values = [null, null, null, null, '（元）', '(元)', '万元', '（月）']
      ws.getRow(3).values = ['市丙局', '测试平台', '新建', '业务系统', 900_000, 90, 50, 12]
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.headerRowNumber).to.equal(1)
    expect(sheet.unitsRowNumber).to.equal(2)
    expect(sheet.columns.filter((c) => c.field && ['totalInvestment', 'fiscalFunds', 'annualPlan'].includes(c.field)).map((c) => [c.field, c.unit])).to.deep.equal([
      ['totalInvestment', 'yuan'],
      ['fiscalFunds', 'wan'], // the header's own unit wins
      ['annualPlan', 'wan'],
    ])
    expect(sheet.rows.map((r) => r.rowNumber)).to.deep.equal([3])
    expect(fen(sheet.rows[0], 'totalInvestment')).to.equal(900_000_00)
  })

  it('a row of text under the header that is not only units stays a data row', async () => {
    const path = await writeWorkbook('not-units.xlsx', (wb) => {
      const ws = wb.addWorksheet('申报表')
      ws.getRow(1).values = ['项目建设单位', '项目名称', '建设性质', '项目类型', '总投资', '其中：市本级财政资金']
      ws.getRow(2).values = ['市丙局', '（元）', null, null, '元', '元']
    })
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.unitsRowNumber).to.equal(null)
    expect(sheet.rows.map((r) => r.rowNumber)).to.deep.equal([2])
  })

  it('项目类别 beside 项目类型 is 建设类/运维类; alone, it is the 项目类型 of older forms (a shared header)', async () => {
    const both = join(tmp, 'kinds.csv')
    await writeFile(both, ['项目建设单位,项目名称,项目类别,建设性质,项目类型,运维对象系统,总投资,其中：市本级财政资金,截至上年底累计完成投资（万元）', '市丙局,平台运维,运维类,新建,业务系统,SYS-0001,40,40,', ''].join('\r\n'))
    const sheet = (await readDeclarationFile(both)).sheets[0]
    expect(sheet.columns.map((c) => c.field)).to.deep.equal(['unit', 'name', 'kind', 'nature', 'category', 'systemId', 'totalInvestment', 'fiscalFunds', 'completedBefore'])
    expect(sheet.columns[8].unit).to.equal('wan')
    expect(value(sheet.rows[0], 'kind')).to.equal('运维类')
    const alone = join(tmp, 'old-kinds.csv')
    await writeFile(alone, ['项目建设单位,项目名称,项目类别,建设性质,总投资,其中：市本级财政资金', '市丙局,平台,业务系统,新建,40,40', ''].join('\r\n'))
    const old = (await readDeclarationFile(alone)).sheets[0]
    expect(old.columns.map((c) => c.field)).to.deep.equal(['unit', 'name', 'category', 'nature', 'totalInvestment', 'fiscalFunds'])
    expect(old.unknownHeaders).to.deep.equal([])
  })

  it('reads a label block and a units row in a CSV too', async () => {
    const path = join(tmp, 'labels.csv')
    await writeFile(path, ['填报单位：市丙局,,,,,', '项目名称,建设性质,项目类型,采购类别,总投资,其中：市本级财政资金', ',,,,（元）,（元）', '测试平台,新建,业务系统,服务,900000,900000', ''].join('\r\n'))
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(labels(sheet)).to.deep.equal([['unit', '市丙局', 1, 'A', '填报单位']])
    expect(sheet.unitsRowNumber).to.equal(3)
    expect(sheet.rows.map((r) => r.rowNumber)).to.deep.equal([4])
    expect(fen(sheet.rows[0], 'fiscalFunds')).to.equal(900_000_00)
  })
})

// ---------------------------------------------------------------------------------------------------------

describe('excel/read: CSV', () => {
  it('parses quotes, doubled quotes, embedded line breaks, CRLF and a UTF-8 BOM', async () => {
    const path = join(tmp, 'bom.csv')
    const lines = [
      '郴州市2027年度信息化项目申报表,,,,,,,',
      `${BASIC_HEADERS.join(',')},主要建设内容`,
      '市测试局,"平台,一期",新建,业务系统,服务,"1,200,000元",90,"第一行\r\n第二行，含""引号"""',
      ',,,,,,,',
      ' 合计 ,,,,,120,90,',
    ]
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]))
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(sheet.headerRowNumber).to.equal(2)
    expect(sheet.rows.map((x) => [x.rowNumber, x.kind])).to.deep.equal([[3, 'data'], [5, 'total']])
    const row = sheet.rows[0]
    expect(value(row, 'unit')).to.equal('市测试局')
    expect(value(row, 'name')).to.equal('平台,一期')
    expect(value(row, 'totalInvestment')).to.equal('1,200,000元')
    expect(value(row, 'summary')).to.equal('第一行\r\n第二行，含"引号"')
  })

  it('reads tab-separated text and GB18030 written by Chinese Excel', async () => {
    const path = join(tmp, 'tabs.csv')
    await writeFile(path, iconv.encode([BASIC_HEADERS.join('\t'), BASIC_ROW.join('\t')].join('\n'), 'gb18030'))
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(value(sheet.rows[0], 'name')).to.equal('测试平台')
    expect(value(sheet.rows[0], 'fiscalFunds')).to.equal('90')
  })

  it('honours Excel’s sep= line', async () => {
    const path = join(tmp, 'sep.csv')
    await writeFile(path, `sep=;\n${BASIC_HEADERS.join(';')}\n市分号局;分号项目;新建;业务系统;服务;1,5;1,5\n`)
    const sheet = (await readDeclarationFile(path)).sheets[0]
    expect(value(sheet.rows[0], 'unit')).to.equal('市分号局')
    expect(value(sheet.rows[0], 'totalInvestment')).to.equal('1,5')
  })

  it('sniffs the delimiter and numbers records, not lines', () => {
    expect(sniffDelimiter('a,b\tc,d\n')).to.equal(',')
    expect(sniffDelimiter('a\tb\t"c,d,e"\n')).to.equal('\t')
    const records = [...parseDelimited('a,"b\nc",d\r\ne,f\rg', ',', 'x.csv')]
    expect(records).to.deep.equal([
      {rowNumber: 1, fields: ['a', 'b\nc', 'd']},
      {rowNumber: 2, fields: ['e', 'f']},
      {rowNumber: 3, fields: ['g']},
    ])
  })

  it('converts exceljs cell values', () => {
    expect(toCellValue({richText: [{text: ' a'}, {text: 'b '}]})).to.equal('ab')
    expect(toCellValue({formula: 'X', result: Number.NaN})).to.equal('#ERROR')
    expect(toCellValue(new Date(Date.UTC(2027, 2, 1, 23, 59)))).to.deep.equal({date: '2027-03-01'})
    expect(toCellValue('a_x000D_b')).to.equal('a\rb')
    expect(toCellValue(Number.POSITIVE_INFINITY)).to.equal(null)
  })
})

// ---------------------------------------------------------------------------------------------------------

describe('excel/errors-workbook', () => {
  it('writes the original columns plus 原行号 and 错误说明 under a title, and reads back', async () => {
    const {headers} = loadErrorsTemplate(regionWordsOf({}))
    const out = join(tmp, '市测试局.errors.xlsx')
    const columns = (names: string[]) => names.map((header) => ({header, field: null}))
    await writeErrorWorkbook(out, {
      file: '市测试局.xlsx',
      sheets: [
        {
          name: '申报表',
          columns: [{header: '项目建设单位', field: 'unit'}, {header: '项目名称', field: 'name'}, {header: '总投资（万元）', field: 'totalInvestment'}, {header: '申报日期', field: 'declaredOn'}],
          headerRowCount: 1,
          unitNote: null,
          sheetProblems: [],
          rows: [
            {rowNumber: 3, values: ['市测试局', '=HYPERLINK("http://evil","x")', -5, {date: '2026-12-01'}], project: true, problems: [{column: 'C', text: '总投资不能为负数'}, {column: 'B', text: '项目名称不能以等号开头'}]},
            {rowNumber: 7, values: ['+cmd', '@SUM(1)', null, '2026/13/1'], project: true, problems: [{column: 'D', text: '申报日期无效'}]},
            {rowNumber: 8, values: ['市测试局', '好项目', 10, {date: '2026-12-02'}], project: true, problems: []},
          ],
        },
        {name: 'a/b:c*?[d]', columns: columns(['项目名称']), headerRowCount: 1, unitNote: null, sheetProblems: [], rows: [{rowNumber: 2, values: ['x'.repeat(40_000)], project: true, problems: [{column: null, text: '太长'}]}]},
      ],
    }, regionWordsOf({}))
    expect(existsSync(out)).to.equal(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['申报表', 'a_b_c___d_'])
    const ws = wb.getWorksheet('申报表')!
    expect(String(ws.getCell('A1').value)).to.include('市测试局.xlsx')
    expect((ws.getRow(3).values as unknown[]).slice(1)).to.deep.equal(['项目建设单位', '项目名称', '总投资（万元）', '申报日期', headers.rowNumber, headers.messages])
    expect(ws.getCell('A3').font?.bold).to.equal(true)
    expect(ws.getCell('F3').font?.bold).to.equal(true)
    expect(ws.views[0]).to.include({state: 'frozen', ySplit: 3})
    expect(ws.getCell('F4').value).to.equal('C列：总投资不能为负数；B列：项目名称不能以等号开头')
    expect(ws.getCell('E4').value).to.equal(3)
    expect(ws.getCell('E5').value).to.equal(7)
    expect(ws.getCell('F6').value).to.equal('无误')
    expect(ws.getCell('F4').alignment?.wrapText).to.equal(true)
    expect((ws.getCell('F4').fill as ExcelJS.FillPattern).fgColor?.argb).to.equal('FFFFC7CE')
    expect((ws.getCell('C4').fill as ExcelJS.FillPattern).fgColor?.argb).to.equal('FFFFC7CE')
    expect(ws.getCell('C4').note).to.equal('总投资不能为负数')
    expect(ws.getCell('A4').note).to.equal(undefined)
    expect(ws.getColumn(6).width).to.be.greaterThan(40)
    for (const ref of ['B4', 'A5', 'B5']) {
      expect(ws.getCell(ref).type, ref).to.equal(ExcelJS.ValueType.String)
      expect(ws.getCell(ref).formula, ref).to.equal(undefined)
    }
    expect(ws.getCell('B4').value).to.equal('=HYPERLINK("http://evil","x")')
    expect(ws.getCell('C4').value).to.equal(-5)
    expect((ws.getCell('D4').value as Date).toISOString().slice(0, 10)).to.equal('2026-12-01')
    expect(ws.getCell('D5').value).to.equal('2026/13/1')
    expect(String(wb.worksheets[1].getCell('A4').value).length).to.equal(32_767)
    expect(wb.worksheets[1].getCell('C4').value).to.equal('太长')
    // And the unit can send it back: it reads as a declaration sheet, with 原行号/错误说明 ignored.
    const back = await readDeclarationFile(out)
    expect(back.sheets[0].rows.map((x) => value(x, 'unit'))).to.deep.equal(['市测试局', '+cmd', '市测试局'])
    expect(back.sheets[0].unknownHeaders).to.deep.equal([])
  })
})

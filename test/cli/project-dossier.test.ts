// `project dossier` (issue 21, DESIGN §16; Art. 18–19), through the real binary: one project declared in a CSV
// file after the deadline (一事一议), put in the 2027 plan, taken through all five review stages of the 立项 track (the
// cyber pre-review returned once; the fiscal review sets a 审定金额), then built (an incident, a suspension),
// accepted after a failed technical check and its rectification, filed and evaluated. The dossier must hold every
// record and every document number the register has of it, the project's every journal entry with its hash, and
// the chain head as audit verify finds it; a tampered journal is said on the 说明 sheet and exits 6.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import {commandsOn, initRegister, json, tempRegister, type TempRegister} from '../helpers/cli.js'
import {expectConformingWorkbook} from '../helpers/workbook-conformance.js'
import {cellText, readWorkbook} from '../helpers/workbooks.js'
import type {JournalEntry, Project} from '../../src/core/domain/types.js'
import type {ProjectDossierResult} from '../../src/commands/project/dossier.js'

const SHEETS = ['申报信息', '审批路径', '评审环节', '年度计划', '资金', '建设实施', '验收备案', '绩效评价', '审计日志', '说明']

/** Every cell of a sheet as text, a merged range once. */
function sheetText(ws: ExcelJS.Worksheet): string[] {
  const lines: string[] = []
  ws.eachRow((row) => {
    const cells: string[] = []
    row.eachCell((c) => {
      if (c.isMerged && c.master.address !== c.address) return
      cells.push(cellText(c.value))
    })
    lines.push(cells.join('|'))
  })
  return lines
}

const DOCS = {
  special: '郴数政组〔2027〕2号',
  leadingGroup: '郴数政组〔2027〕5号',
  government: '郴政函〔2027〕3号',
  secrecy: '郴委办审〔2027〕2号',
  cyberReturned: '郴网信函〔2027〕1号',
  cyber: '郴网信备〔2027〕3号',
  approval: '郴发改审批〔2027〕15号',
  technical: '郴审批技审〔2027〕8号',
  fiscal: '郴财评〔2027〕21号',
  filing: '郴数政办备〔2027〕31号',
  payment: '郴财拨〔2027〕7号',
  cut: '郴财预〔2027〕9号',
}

describe('project dossier holds every record of a project that went through the whole lifecycle (issue 21, through the CLI)', function () {
  this.timeout(240_000)
  let t: TempRegister
  let pid = ''
  const {cli, ok, refused} = commandsOn(() => t)
  const file = (name: string) => path.join(t.dir, name)
  const step = (args: string[]) => ok<Project>(args)
  let sheets: Record<string, string[]> = {}
  let result: ProjectDossierResult

  before(async () => {
    t = tempRegister('itplan-dossier-')
    await initRegister(t.dir, 2027)
    await ok(['config', 'set', 'approval-standard', '100万'])
    fs.writeFileSync(
      file('市公安局申报表.csv'),
      '申报编号,项目建设单位,项目名称,建设性质,项目类型,采购类别,总投资（万元）,其中：市本级财政资金（万元）,申报日期,主要建设内容,联系人,联系电话\r\n' +
        'SB-2027-018,市公安局,智慧警务平台二期,新建,业务系统,服务,120,120,2027-01-05,建设全市统一的警务数据中台和视频解析平台,张三,0735-2222222\r\n',
    )
    const imported = await ok<{totals: {created: number}}>(['import', file('市公安局申报表.csv')])
    expect(imported.totals.created).to.equal(1)
    pid = (await ok<Project[]>(['project', 'list']))[0].id
    await step(['special-approval', pid, '--doc', DOCS.special, '--date', '2027-01-08'])
    await ok(['plan', 'build', '--year', '2027'])
    await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', DOCS.leadingGroup, '--date', '2027-01-15'])
    await ok(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', DOCS.government, '--date', '2027-01-25'])
    const review = (stage: string, result: string, date: string, doc: string, extra: string[] = []) => step(['review', 'record', pid, '--stage', stage, '--result', result, '--date', date, '--doc', doc, ...extra])
    await review('secrecy-prereview', 'passed', '2027-02-01', DOCS.secrecy)
    await review('cyber-prereview', 'returned', '2027-02-01', DOCS.cyberReturned, ['--opinion', '请补充等级保护测评方案'])
    await review('cyber-prereview', 'passed', '2027-02-05', DOCS.cyber)
    await review('approval', 'passed', '2027-02-20', DOCS.approval)
    await review('technical-review', 'passed', '2027-03-10', DOCS.technical, ['--opinion', '同意建设方案'])
    expect((await review('fiscal-review', 'passed', '2027-04-01', DOCS.fiscal, ['--amount', '110万'])).status).to.equal('cleared')
    await step(['construction', 'start', pid, '--responsible', '王五', '--supervisor', '郴州正信工程监理有限公司', '--contractor', '湖南星城科技有限公司', '--contract-amount', '108万', '--date', '2027-04-15'])
    await ok(['funds', 'pay', pid, '--amount', '40万', '--date', '2027-05-10', '--doc', DOCS.payment])
    await ok(['funds', 'cut', pid, '--amount', '5万', '--reason', '设备采购结余', '--doc', DOCS.cut, '--date', '2027-11-01'])
    await step(['construction', 'report', pid, '--kind', 'delay', '--description', '核心设备供货延迟两个月', '--date', '2027-06-01'])
    await step(['construction', 'suspend', pid, '--reason', '资金未到位', '--date', '2027-06-10'])
    await step(['construction', 'resume', pid, '--date', '2027-07-01'])
    await step(['construction', 'complete', pid, '--actual', '107.5万', '--date', '2027-10-30'])
    await step(['acceptance', 'preliminary', pid, '--result', 'passed', '--date', '2027-11-05'])
    await step(['acceptance', 'apply', pid, '--date', '2027-11-10'])
    await step(['acceptance', 'tech-review', pid, '--cloud', 'pass', '--sharing', 'fail', '--security', 'pass', '--opinion', '数据未接入共享平台', '--date', '2027-11-20'])
    await step(['acceptance', 'apply', pid, '--date', '2027-12-01'])
    await step(['acceptance', 'tech-review', pid, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2027-12-08'])
    await step(['acceptance', 'expert', pid, '--result', 'passed', '--date', '2027-12-15'])
    await step(['acceptance', 'file', pid, '--doc', DOCS.filing, '--date', '2027-12-28'])
    expect((await step(['evaluate', pid, '--score', '86', '--date', '2028-12-20'])).status).to.equal('filed')

    result = await ok<ProjectDossierResult>(['project', 'dossier', pid, '--out', file('档案/审计资料.xlsx')])
    const wb = await readWorkbook(result.file)
    sheets = Object.fromEntries(wb.worksheets.map((ws) => [ws.name, sheetText(ws)]))
  })
  after(() => t.cleanup())

  it('one workbook, a sheet per part of the record and the 说明 last, each printable (A4, fit to width, footer)', async () => {
    expect(result.file).to.equal(file('档案/审计资料.xlsx'))
    expect(result.sheets).to.deep.equal(SHEETS)
    expect(Object.keys(sheets)).to.deep.equal(SHEETS)
    const xml = await expectConformingWorkbook(result.file)
    for (const s of xml) expect(s.pageSetup, s.name).to.include({paperSize: '9'})
  })

  it('资金: 送审, 审定, 审减 and 审减率; the year\'s budget and its execution; every payment and cut with its document', () => {
    const lines = sheets['资金']
    for (const expected of ['送审金额|120.00 万元', '审定金额|110.00 万元', '审减金额|10.00 万元', '审减率|8.33%']) expect(lines, expected).to.include(expected)
    // 2027: the approved 年度计划投资 120, cut 5, available 115, paid 40 (34.78 %)
    expect(lines.some((l) => l.startsWith('2027|120|5||115|40|0.3478') || l.startsWith('2027|120|5|0|115|40|0.3478')), lines.join('\n')).to.equal(true)
    expect(lines.some((l) => l.includes('2027-05-10') && l.includes('拨付') && l.includes('40') && l.includes(DOCS.payment))).to.equal(true)
    expect(lines.some((l) => l.includes('2027-11-01') && l.includes('压减') && l.includes(DOCS.cut) && l.includes('设备采购结余'))).to.equal(true)
  })

  it('申报信息: the declaration as declared and where it came from (file, sheet, row, hash)', async () => {
    const p = await ok<Project>(['project', 'show', pid])
    const lines = sheets['申报信息']
    for (const expected of [
      `项目编号|${pid}`,
      '申报编号|SB-2027-018',
      '项目建设单位|市公安局',
      '项目名称|智慧警务平台二期',
      '总投资|120.00 万元',
      '审定金额|110.00 万元',
      '主要建设内容|建设全市统一的警务数据中台和视频解析平台',
      '联系人及电话|张三 0735-2222222',
      '申报日期|2027-01-05',
      '当前状态|已备案',
      `来源文件|${p.source!.file}`,
      `行号|${p.source!.row}`,
      `文件 SHA-256|${p.source!.sha256}`,
    ]) {
      expect(lines, expected).to.include(expected)
    }
    expect(p.source!.file).to.contain('市公安局申报表.csv')
    expect(lines.some((l) => l.includes(DOCS.special) && l.includes('2027-01-08')), '一事一议').to.equal(true)
  })

  it('评审环节: every stage and every round, with its date, document number, opinion and the 审定金额', () => {
    const lines = sheets['评审环节']
    const has = (...parts: string[]) => expect(lines.some((l) => parts.every((x) => l.includes(x))), parts.join(' ')).to.equal(true)
    has('市委办前置审查', '市委办', '第1轮', '通过', '2027-02-01', DOCS.secrecy)
    has('市委网信办网络安全前置审查备案', '第1轮', '退回修改', '2027-02-01', DOCS.cyberReturned, '请补充等级保护测评方案')
    has('市委网信办网络安全前置审查备案', '第2轮', '通过', '2027-02-05', DOCS.cyber)
    has('市发改委立项审批', '市发改委', '2027-02-20', DOCS.approval)
    has('市行政审批服务局技术评审', DOCS.technical, '同意建设方案')
    has('市财政局财政投资评审', '市财政局', '2027-04-01', DOCS.fiscal)
    expect(lines.some((l) => l.includes(DOCS.fiscal) && l.split('|').includes('110')), 'the 审定金额, in 万元').to.equal(true)
  })

  it('审批路径 and 年度计划: the routing with its reason and changes, the plan version with its approvals, the change since approval', () => {
    expect(sheets['审批路径'].some((l) => l.startsWith('审批路径|立项+技术初审+财政投资评审'))).to.equal(true)
    expect(sheets['审批路径'].some((l) => l.startsWith('依据|审定金额 110.00 万元'))).to.equal(true)
    expect(sheets['审批路径'].some((l) => l.includes('导入') || l.includes('登记')), 'the first routing, from the journal').to.equal(true)
    const plan = sheets['年度计划']
    expect(plan.some((l) => l.startsWith('2027|1|2027-01-25|') && l.includes(DOCS.leadingGroup) && l.includes(DOCS.government) && l.includes('|120|'))).to.equal(true)
    expect(plan, 'the 审定金额 since approval').to.include(`2027|1|审定金额|无|110.00 万元|2027-04-01|财政投资评审审定（${DOCS.fiscal}）`)
  })

  it('建设实施, 验收备案 and 绩效评价: who built and supervised it, the incident and the suspension, the failed check and its rectification, the filing, the evaluation', () => {
    const build = sheets['建设实施']
    for (const expected of ['开工日期|2027-04-15', '项目负责人|王五', '监理单位|郴州正信工程监理有限公司', '承建单位|湖南星城科技有限公司', '合同金额|108.00 万元', '实际完成投资|107.50 万元', '建设完成日期|2027-10-30']) {
      expect(build, expected).to.include(expected)
    }
    expect(build).to.include('2027-06-01|严重逾期|核心设备供货延迟两个月')
    expect(build.some((l) => l.includes('2027-06-10') && l.includes('资金未到位')) || sheets['审计日志'].some((l) => l.includes('资金未到位')), 'the suspension').to.equal(true)
    const acc = sheets['验收备案']
    for (const expected of ['初步验收|2027-11-05 通过', '申请竣工验收|2027-12-01', '专家竣工验收|2027-12-15 通过', '验收未通过次数|1', '备案日期|2027-12-28', `备案编号|${DOCS.filing}`]) {
      expect(acc, expected).to.include(expected)
    }
    expect(acc.some((l) => l.startsWith('技术支持组审查|2027-12-08') && l.includes('数据共享通过'))).to.equal(true)
    expect(acc.some((l) => l.startsWith('2027-12-01|')), 'the rectification').to.equal(true)
    expect(sheets['绩效评价']).to.include('2028-12-20|86|良')
  })

  it('审计日志: every journal entry of the project, with its hash, in words; the 说明 names the verified chain head', async () => {
    const entries = await ok<JournalEntry[]>(['audit', 'log', '--project', pid])
    expect(result.journalEntries).to.equal(entries.length)
    const log = sheets['审计日志']
    for (const e of entries) expect(log.some((l) => l.startsWith(`${e.seq}|`) && l.endsWith(`|${e.hash}`)), `entry ${e.seq}`).to.equal(true)
    for (const doc of Object.values(DOCS)) expect(Object.values(sheets).flat().some((l) => l.includes(doc)), doc).to.equal(true)
    const verified = await ok<{ok: boolean; head: string; entries: number}>(['audit', 'verify'])
    expect(result.verification).to.deep.equal({ok: true, entries: verified.entries, head: verified.head})
    const notes = sheets['说明']
    expect(notes.some((l) => l.startsWith('审计链核对|通过') && l.includes(`${verified.entries} 条`))).to.equal(true)
    expect(notes.some((l) => l.startsWith('登记簿审计链头|') && l.includes(verified.head))).to.equal(true)
    expect(notes.some((l) => l.startsWith('版式模板|templates/dossier.json'))).to.equal(true)
  })

  it('the default file name, and refusals: an unknown project, the register as output (exit 2, nothing written)', async () => {
    const r = await cli(['project', 'dossier', pid])
    expect(r.code, r.stderr).to.equal(0)
    expect(fs.existsSync(file(`项目档案-${pid}.xlsx`))).to.equal(true)
    expect(r.stdout).to.contain(`项目档案-${pid}.xlsx`)
    const unknown = await refused(['project', 'dossier', '2027-9999', '--out', file('无.xlsx')], 2)
    expect(unknown.text).to.contain('2027-9999')
    await refused(['project', 'dossier', pid, '--out', t.register], 2)
    await refused(['project', 'dossier'], 2)
    expect(fs.existsSync(file('无.xlsx'))).to.equal(false)
  })

  it('a journal that fails its check: the dossier is still written, its 说明 says so, and the command exits 6', async () => {
    fs.appendFileSync(t.journal, '{"seq": 999999, "broken": true}\n')
    const r = await cli(['project', 'dossier', pid, '--out', file('tampered.xlsx')])
    expect(r.code).to.equal(6)
    expect(r.stderr).to.contain('审计日志').and.not.match(/\n\s+at /)
    const notes = sheetText((await readWorkbook(file('tampered.xlsx'))).getWorksheet('说明')!)
    expect(notes.some((l) => l.startsWith('审计链核对|未通过'))).to.equal(true)
    const j = await cli(['project', 'dossier', pid, '--out', file('tampered.xlsx'), '--json'])
    expect(j.code).to.equal(6)
    const out = json<ProjectDossierResult>(j)
    expect(out.verification.ok).to.equal(false)
    expect(out.error?.exitCode).to.equal(6)
  })
})

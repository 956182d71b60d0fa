#!/usr/bin/env node
// The main job on the embedded sample data: a fresh register under out/, the units' declarations imported
// (one file is rejected on purpose), the 2027 plan composed and approved, reviews recorded, one project carried
// through construction to filing, and the workbooks and report written under out/.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'out')
const register = path.join(out, 'register.json')
fs.rmSync(out, {recursive: true, force: true})
fs.mkdirSync(path.join(out, 'errors'), {recursive: true})

const env = {...process.env, ITPLAN_REGISTER: register, ITPLAN_OPERATOR: 'demo'}
const bin = path.join(root, 'bin', 'run.js')

function itplan(args, {expect = [0], quiet = false, json = false} = {}) {
  process.stdout.write(`\n\x1b[1m▶ itplan ${args.join(' ')}\x1b[0m\n`)
  const r = spawnSync(process.execPath, [bin, ...args, ...(json ? ['--json'] : [])], {cwd: root, env, encoding: 'utf8'})
  if (!quiet) process.stdout.write(r.stdout)
  process.stderr.write(r.stderr)
  if (!expect.includes(r.status)) {
    console.error(`demo: "itplan ${args.join(' ')}" exited ${r.status}, expected ${expect.join(' or ')}`)
    process.exit(1)
  }
  return json ? JSON.parse(r.stdout) : r.stdout
}

itplan(['init', '--year', '2027'])
itplan(['config', 'show'])
// The office's 信息系统台账 first: the O&M declarations name its systems (DESIGN §12).
itplan(['system', 'import', 'data/inventory/郴州市信息系统台账.csv'])
itplan(['system', 'list'])
// One sample file has errors on purpose: the import exits 3, the other files are imported.
itplan(['import', 'data/samples', '--received-on', '2026-12-15', '--errors-dir', 'out/errors'], {expect: [3]})
itplan(['project', 'list', '--year', '2027'])

const projects = itplan(['project', 'list', '--year', '2027'], {quiet: true, json: true})
const byName = (text) => projects.find((p) => p.name.includes(text))
const late = projects.find((p) => p.flags.includes('late'))
const multi = projects.find((p) => p.flags.includes('major-multi-unit'))
if (late) itplan(['special-approval', late.id, '--kind', 'late', '--doc', '郴数政组〔2027〕1号', '--date', '2027-01-08'])
if (multi) itplan(['special-approval', multi.id, '--kind', 'multi-unit', '--doc', '郴数政组〔2027〕2号', '--date', '2027-01-08'])
const police = byName('智慧警务') ?? projects[0]
// 统筹 (Art. 4, 12): a second unit declares what the health commission already declared; the screening finds it
// across units, flags both and plan build lists them for the planning group, which records its decision.
const health = byName('全民健康信息平台')
const cdc = itplan(['project', 'add', '--unit', '市疾病预防控制中心', '--name', '居民电子健康档案共享平台', '--nature', '新建', '--category', '数据系统', '--procurement-category', '服务', '--total', '90万', '--fiscal', '90万', '--declared-on', '2026-12-10', '--summary', '建设全市居民电子健康档案共享平台，汇聚县市区医院诊疗数据，实现电子健康档案、电子病历跨机构共享调阅和检查检验结果互认。', '--contact-name', '刘芳', '--contact-phone', '0735-2666123'], {json: true})
itplan(['screen', '--year', '2027'])
itplan(['plan', 'build', '--year', '2027', '--key-area', police.id, '--major', police.id])
// 婚姻登记管理系统 does not share its data: its O&M stays out of the plan (Art. 12); the 续建 of 智慧民政综合平台,
// older than the register, is planned without new reviews.
itplan(['system', 'show', 'CZ-MZ-02'])
if (health) itplan(['screen', '--clear', cdc.id, '--with', health.id, '--reason', '领导小组研究：疾控中心平台只接入公共卫生监测数据，与全民健康信息平台分工明确', '--date', '2027-01-12'])
itplan(['plan', 'approve', '--year', '2027', '--by', '领导小组', '--doc', '郴数政组〔2027〕3号', '--date', '2027-01-15'])
itplan(['plan', 'approve', '--year', '2027', '--by', '市人民政府', '--doc', '郴政函〔2027〕8号', '--date', '2027-01-20'])

// Reviews: the police platform passes both pre-reviews; one review project is returned for revision.
const plan = itplan(['plan', 'show', '--year', '2027'], {quiet: true, json: true})
const reviewing = itplan(['project', 'list', '--status', '评审中'], {quiet: true, json: true})
itplan(['review', 'record', police.id, '--stage', '市委办前置审查', '--result', '通过', '--date', '2027-01-28', '--doc', '郴委办审〔2027〕4号'])
itplan(['review', 'record', police.id, '--stage', 'cyber-prereview', '--result', 'passed', '--date', '2027-02-03'])
const other = reviewing.find((p) => p.id !== police.id && p.track === 'review')
if (other) {
  itplan(['review', 'record', other.id, '--stage', 'secrecy-prereview', '--result', 'passed', '--date', '2027-01-27'])
  itplan(['review', 'record', other.id, '--stage', 'cyber-prereview', '--result', 'returned', '--date', '2027-02-01', '--opinion', '补充网络安全等级保护定级材料'])
}
itplan(['review', 'list', '--as-of', '2027-03-01'])
// followup (issue 21): 催办单 for the departments whose stages are past their time limit or due within 5 working
// days, and every open deadline as a calendar file for Outlook, WPS or a phone.
itplan(['review', 'remind', '--as-of', '2027-03-01', '--within', '5', '--out', 'out/催办单'])
itplan(['deadlines', 'export', '--ics', 'out/到期事项.ics', '--as-of', '2027-03-01'])

// The police platform goes through its remaining stages; the fiscal review approves 92 % of the total (审定金额).
// The approved plan does not move: the change is kept beside it (执行变化).
for (let round = 0; round < 5; round++) {
  const p = itplan(['project', 'show', police.id], {quiet: true, json: true})
  const open = p.stages.filter((s) => s.status === 'open' || s.status === 'returned')
  if (open.length === 0) break
  for (const s of open) {
    const amount = s.key === 'fiscal-review' ? ['--amount', `${Math.round(p.totalInvestmentFen * 0.92) / 100}元`, '--doc', '郴财审〔2027〕11号'] : []
    itplan(['review', 'record', police.id, '--stage', s.key, '--result', 'passed', '--date', `2027-0${3 + round}-10`, ...amount])
  }
}

// 年度计划调整: a project declared after the approval, admitted by 一事一议, added by an amendment (version 2).
const added = itplan(['project', 'add', '--unit', '市应急管理局', '--name', '应急指挥调度平台', '--nature', 'new', '--category', 'business', '--procurement-category', 'services', '--total', '96万', '--fiscal', '96万', '--declared-on', '2027-05-06', '--summary', '汛期应急指挥调度', '--contact-name', '陈静', '--contact-phone', '0735-2888123'], {json: true})
itplan(['special-approval', added.id, '--kind', 'late', '--doc', '郴数政组〔2027〕9号', '--date', '2027-05-12'])
itplan(['plan', 'amend', '--year', '2027', '--add', added.id, '--reason', '市政府部署汛期应急指挥任务', '--date', '2027-05-13'])
itplan(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', '郴数政组〔2027〕10号', '--date', '2027-05-20'])
itplan(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', '郴政函〔2027〕31号', '--date', '2027-05-28'])
itplan(['plan', 'show', '--year', '2027'])

// A self-implemented project goes from cleared to filed (Art. 11–17) and is evaluated (Art. 20).
const cleared = itplan(['project', 'list', '--status', 'cleared'], {quiet: true, json: true})
const small = cleared.find((p) => p.track === 'self') ?? cleared[0]
if (small) {
  itplan(['construction', 'start', small.id, '--responsible', '李明', '--supervisor', '湖南省信息工程监理有限公司', '--contractor', '郴州智联科技有限公司', '--contract-amount', `${Math.round(small.totalInvestmentFen * 0.95) / 100}元`, '--date', '2027-03-01'])
  itplan(['construction', 'report', small.id, '--kind', '严重逾期', '--description', '设备到货延迟两周', '--date', '2027-05-10'])
  itplan(['construction', 'complete', small.id, '--date', '2027-08-30', '--actual', `${Math.round(small.totalInvestmentFen * 0.93) / 100}元`])
  itplan(['acceptance', 'preliminary', small.id, '--result', 'passed', '--date', '2027-09-10'])
  itplan(['acceptance', 'apply', small.id, '--date', '2027-09-15'])
  itplan(['acceptance', 'tech-review', small.id, '--cloud', '通过', '--sharing', '通过', '--security', '通过', '--date', '2027-09-24'])
  itplan(['acceptance', 'expert', small.id, '--result', 'passed', '--date', '2027-10-12'])
  itplan(['acceptance', 'file', small.id, '--doc', '郴数政办备〔2027〕15号', '--date', '2027-10-20', '--trial-run', '2027-08-30 至 2027-09-30', '--test-report', 'HNCS-2027-0932'])
  itplan(['evaluate', small.id, '--score', '88', '--date', '2027-12-20'])

  // ── branch evalform (issue 19): the 绩效自评表 written for the year's accepted projects, filled by the unit (here
  // with exceljs, as Excel or WPS would), read back and recorded (Art. 20); a form whose 得分 is above its 分值 is refused.
  itplan(['evaluate', 'form', '--year', '2027', '--out', 'out/绩效自评表'])
  const {default: ExcelJS} = await import('exceljs')
  const formFile = path.join(out, '绩效自评表', fs.readdirSync(path.join(out, '绩效自评表')).find((f) => f.startsWith(small.id)))
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(formFile)
  const ws = wb.worksheets[0]
  const rowOf = (label) => ws.getColumn(1).values.findIndex((v) => v === label)
  ws.getCell(`E${rowOf('年度资金总额')}`).value = Math.round(small.totalInvestmentFen * 0.93) / 1e6
  ws.getCell(`G${rowOf('年度资金总额')}`).value = '93%'
  ws.getCell(`H${rowOf('年度资金总额')}`).value = 9.3
  const first = rowOf('一级指标') + 1
  const rows = [['接入部门数', '≥10个', '12个', 20, 20], ['系统可用率', '≥99%', '99.5%', 10, 10], ['按期上线', '2027年8月', '2027年8月', 10, 9], ['成本控制', '≤预算', '93%', 10, 10], ['/', '/', '/', '/', '/'], ['群众办事时间缩短', '≥30%', '35%', 20, 18], ['持续运行年限', '≥5年', '5年', 10, 10], ['服务对象满意度', '≥90%', '92%', 10, 9]]
  rows.forEach((r, i) => ['C', 'D', 'E', 'F', 'G'].forEach((c, j) => (ws.getCell(`${c}${first + i}`).value = r[j])))
  ws.getCell(`G${rowOf('总分')}`).value = 95.3
  ws.getCell(`B${rowOf('评价结论')}`).value = '项目按期建成，主要绩效目标全部完成。'
  await wb.xlsx.writeFile(formFile)
  itplan(['evaluate', 'import', formFile, '--date', '2027-12-28'])
  ws.getCell(`G${first}`).value = 25
  ws.getCell(`G${rowOf('总分')}`).value = 100.3
  const badFile = path.join(out, '绩效自评表', '得分超过分值.xlsx')
  await wb.xlsx.writeFile(badFile)
  itplan(['evaluate', 'import', badFile, '--date', '2027-12-28'], {expect: [3]})
}

// 资金（第十五条）: the police platform's fiscal review shows 送审/审定/审减; its budget is paid in two instalments, one
// over-payment is refused with nothing written; the self-implemented project's budget is cut and its balance recovered.
itplan(['project', 'show', police.id])
itplan(['funds', 'pay', police.id, '--amount', '30万', '--date', '2027-06-15', '--doc', '郴财预〔2027〕21号', '--note', '首期款'])
itplan(['funds', 'pay', police.id, '--amount', '100000万', '--date', '2027-06-20', '--doc', '郴财预〔2027〕22号'], {expect: [3]})
if (small) {
  itplan(['funds', 'pay', small.id, '--amount', `${Math.round((small.annualPlanFen ?? small.fiscalFundsFen) * 0.5) / 100}元`, '--date', '2027-06-01', '--doc', '郴财预〔2027〕18号'])
  itplan(['funds', 'cut', small.id, '--amount', '1万', '--reason', '设备到货延迟，压减当年预算', '--doc', '郴数政资〔2027〕5号', '--date', '2027-06-30'])
  itplan(['funds', 'recover', small.id, '--amount', '0.5万', '--reason', '验收后年底结余', '--doc', '郴财预〔2027〕88号', '--date', '2027-12-20'])
}
itplan(['funds', 'list', '--year', '2027'])
itplan(['funds', 'export', '--year', '2027', '--out', 'out/郴州市2027年度信息化项目资金执行情况表.xlsx'])

itplan(['plan', 'export', '--year', '2027', '--out', 'out/郴州市2027年度信息化项目计划表.xlsx'])
itplan(['plan', 'export', '--year', '2027', '--version', '1', '--out', 'out/郴州市2027年度信息化项目计划表（第1版）.xlsx'])
itplan(['acceptance', 'export', '--year', '2027', '--out', 'out/郴州市2027年度信息化项目验收备案表.xlsx'])
itplan(['report', '--year', '2027', '--as-of', '2027-03-01', '--html', 'out/report.html'])
itplan(['report', '--year', '2027'])
itplan(['audit', 'log', '--project', police.id])
itplan(['audit', 'verify'])
// followup (issue 21): everything the register holds of one project, for the supervision group and the auditors
itplan(['project', 'dossier', (small ?? police).id, '--out', 'out/项目档案.xlsx'])

// The register grows with the years (DESIGN §17): a head and one file per year; backups are heads, not copies.
itplan(['doctor'])
itplan(['backup', 'list'])
// A register written by the previous version (one file) is read as it is; its first change moves it to year files,
// journalled, the old file kept as a backup.
const older = path.join(out, '旧版登记簿')
fs.cpSync(path.join(root, 'test', 'fixtures', 'registers', 'v2-demo'), older, {recursive: true})
const olderArgs = ['--register', path.join(older, 'register.json')]
itplan(['audit', 'verify', ...olderArgs])
itplan(['unit', 'suspend', '市演示局', '--reason', '演示：旧版登记簿迁移后的第一次修改', ...olderArgs])
itplan(['audit', 'log', '--limit', '2', ...olderArgs])
itplan(['audit', 'verify', ...olderArgs])

// ── region (issue 23, Art. 21): a county office runs its own register with the same tool. 桂阳县's register is
// made with --region; its template, filled by the county's public security bureau (with exceljs, as Excel would),
// imports with 桂阳县公安局 stored as 县公安局, and its draft plan is titled and named for 桂阳县 at 县本级.
{
  const county = path.join(out, '桂阳县')
  fs.mkdirSync(county, {recursive: true})
  const at = ['--register', path.join(county, 'register.json')]
  itplan(['init', '--region', '桂阳县', '--year', '2027', ...at])
  itplan(['config', 'set', 'measures-name', '《桂阳县本级财政投资类信息化项目管理办法》', ...at])
  const template = itplan(['template', 'declaration', '--out', path.join(county, '桂阳县2027年度信息化项目申报表.xlsx'), ...at], {json: true})
  const {default: ExcelJS} = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(template.file)
  const ws = wb.getWorksheet('申报表')
  const headers = ws.getRow(3).values.map((v) => String(v ?? '').replace('（必填）', ''))
  const rows = [
    {项目建设单位: '桂阳县公安局', 项目名称: '县域智慧警务平台', 建设性质: '新建', 项目类型: '业务系统', 采购类别: '服务', '总投资（万元）': 120, '其中：县本级财政资金（万元）': 120, 申报日期: '2026-12-10', 主要建设内容: '全县警务数据汇聚和指挥调度', 联系人: '张伟', 联系电话: '0735-4421234'},
    {项目建设单位: '桂阳县教育局', 项目名称: '智慧校园（一期）', 建设性质: '新建', 项目类型: '业务系统', 采购类别: '服务', '总投资（万元）': 45, '其中：县本级财政资金（万元）': 45, 申报日期: '2026-12-12', 主要建设内容: '全县中小学智慧校园', 联系人: '李娜', 联系电话: '0735-4425678'},
  ]
  rows.forEach((row, i) => Object.entries(row).forEach(([h, v]) => (ws.getCell(4 + i, headers.indexOf(h)).value = v)))
  const filled = path.join(county, '县直单位申报表.xlsx')
  await wb.xlsx.writeFile(filled)
  itplan(['import', filled, '--received-on', '2026-12-15', ...at])
  itplan(['project', 'list', ...at])
  itplan(['plan', 'build', '--year', '2027', ...at])
  itplan(['plan', 'export', '--year', '2027', '--draft', '--out', path.join(county, '桂阳县2027年度信息化项目计划表（草案）.xlsx'), ...at])
  itplan(['config', 'show', ...at])
}

console.log(`\n演示完成 / demo finished: ${plan.included.length} projects in the 2027 plan; outputs in ${path.relative(process.cwd(), out) || out}/`)
for (const f of fs.readdirSync(out).sort()) console.log(`  out/${f}`)

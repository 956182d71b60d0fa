#!/usr/bin/env node
// npm run bench: the budgets of DESIGN §10 as ratios against a baseline measured in the same run (alternating
// runs, medians), plus peak memory. A benchmark, not a test: it prints and never fails CI.
//   node scripts/bench.mjs [--json] [--runs N] [--quick]
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const asJson = args.includes('--json')
const quick = args.includes('--quick')
const runs = Number(args[args.indexOf('--runs') + 1]) || (quick ? 3 : 5)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'itplan-bench-'))
const bin = path.join(root, 'bin', 'run.js')
const log = (m) => !asJson && process.stderr.write(`${m}\n`)

const {defaultRules, defaultSettings} = await import(pathToFileURL(path.join(root, 'dist/core/defaults.js')).href)
const {emptyRegister} = await import(pathToFileURL(path.join(root, 'dist/core/domain/register-data.js')).href)
const {createProject} = await import(pathToFileURL(path.join(root, 'dist/core/domain/project.js')).href)
const {storedRoutingReason} = await import(pathToFileURL(path.join(root, 'dist/core/i18n/routing.js')).href)
const {layOut} = await import(pathToFileURL(path.join(root, 'dist/core/register/stored.js')).href)
const {yearsDir} = await import(pathToFileURL(path.join(root, 'dist/core/register/paths.js')).href)
const {default: ExcelJS} = await import('exceljs')

const UNITS = ['市公安局', '市教育局', '市卫生健康委员会', '市自然资源和规划局', '市交通运输局', '市应急管理局', '市民政局', '市财政局', '市水利局', '市数据资源局']
const CATS = ['infrastructure', 'data', 'business', 'service']
const PROC = ['goods', 'services', 'works']

function project(i, year, rules) {
  const total = 200_000_00 + ((i * 7919) % 1500) * 1_000_000
  return createProject(
    `${year}-${String(i + 1).padStart(4, '0')}`,
    {
      declarationNo: `SB-${year}-${i + 1}`,
      planYear: year,
      unit: UNITS[i % UNITS.length],
      coUnits: [],
      name: `信息化项目${i + 1}`,
      nature: 'new',
      category: CATS[i % 4],
      procurementCategory: PROC[i % 3],
      totalInvestmentFen: total,
      fiscalFundsFen: total,
      annualPlanFen: null,
      fundingSources: ['fiscal'],
      supervisingDepartment: null,
      periodMonths: 12,
      contact: {name: '张三', phone: '0735-2222222'},
      summary: '建设内容概述',
      consultancy: null,
      compliance: {govCloud: true, dataSharing: true, cityBrain: true, egovNetwork: true, justification: ''},
      declaredOn: `${year - 1}-12-01`,
    },
    rules,
    storedRoutingReason,
    {deadline: `${year - 1}-12-31`, unitSuspended: false, weakPerformance: false},
    '2026-11-26T00:00:00.000Z',
    null,
  )
}

/** Writes a register in the tool's own layout (a head and its year files), `years` plan years ending with 2027. */
function writeRegister(file, count, shape, years = 1) {
  const rules = defaultRules()
  const data = emptyRegister(rules, defaultSettings(2027), new Date().toISOString())
  const perYear = Math.ceil(count / years)
  for (let y = 0; y < years; y++) {
    const year = 2027 - y
    const n = Math.min(perYear, count - y * perYear)
    for (let i = 0; i < n; i++) data.projects.push(project(i, year, rules))
    if (n > 0) data.counters[String(year)] = n
  }
  if (shape) shape(data)
  fs.rmSync(path.dirname(file), {recursive: true, force: true})
  fs.mkdirSync(yearsDir(file), {recursive: true})
  const {head, writes} = layOut(data, {head: null, years: 'all', storedVersion: data.schemaVersion})
  for (const w of writes) fs.writeFileSync(path.join(yearsDir(file), w.entry.file), w.text)
  fs.writeFileSync(file, JSON.stringify(head))
}

/** Bytes of the files under `dir` (0 when it is not there). */
function bytesUnder(dir) {
  if (!fs.existsSync(dir)) return 0
  let total = 0
  for (const name of fs.readdirSync(dir)) {
    const st = fs.statSync(path.join(dir, name))
    total += st.isDirectory() ? bytesUnder(path.join(dir, name)) : st.size
  }
  return total
}

const HEADERS = ['申报编号', '项目建设单位', '项目名称', '建设性质', '项目类型', '采购类别', '总投资（万元）', '其中：市本级财政资金（万元）', '建设周期（月）', '主要建设内容', '联系人', '联系电话', '申报日期']
function rowValues(i) {
  const amount = 20 + ((i * 7919) % 1500)
  return [`SB-${i + 1}`, UNITS[i % UNITS.length], `信息化项目${i + 1}`, '新建', '业务系统', '服务', amount, amount, 12, '建设内容概述', '张三', '0735-2222222', new Date(Date.UTC(2026, 11, 1))]
}
async function writeWorkbook(file, rows, offset = 0) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({filename: file, useSharedStrings: true, useStyles: true})
  const ws = wb.addWorksheet('申报表')
  ws.addRow(HEADERS).commit()
  for (let i = 0; i < rows; i++) {
    const r = ws.addRow(rowValues(offset + i))
    r.getCell(13).numFmt = 'yyyy-mm-dd'
    r.commit()
  }
  ws.commit()
  await wb.commit()
}

const hasTime = fs.existsSync('/usr/bin/time')
/** Runs a command once; wall time in ms and peak RSS in MiB (GNU time when present). */
function measure(argv, env = {}) {
  const cmd = hasTime ? '/usr/bin/time' : argv[0]
  const full = hasTime ? ['-f', '%M', ...argv] : argv.slice(1)
  const start = process.hrtime.bigint()
  const r = spawnSync(cmd, full, {cwd: work, env: {...process.env, NO_COLOR: '1', ...env}, encoding: 'utf8', maxBuffer: 1 << 30})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0 && r.status !== 3) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`)
  const kb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN
  return {ms, mib: kb / 1024}
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Alternates candidate and baseline `runs` times, each prepared afresh by `setup`. */
function compare(name, budget, candidate, baseline, setup = () => undefined) {
  const c = []
  const b = []
  for (let i = 0; i < runs; i++) {
    setup()
    b.push(measure(baseline))
    setup()
    c.push(measure(candidate))
  }
  const result = {
    name,
    budget,
    candidateMs: Math.round(median(c.map((x) => x.ms))),
    baselineMs: Math.round(median(b.map((x) => x.ms))),
    peakMiB: Math.round(Math.max(...c.map((x) => x.mib))),
    baselinePeakMiB: Math.round(Math.max(...b.map((x) => x.mib))),
  }
  result.ratio = Number((result.candidateMs / result.baselineMs).toFixed(2))
  log(`  ${name}: ${result.candidateMs} ms vs ${result.baselineMs} ms → ×${result.ratio} (budget ${budget}), peak ${result.peakMiB} MiB`)
  return result
}

const node = process.execPath
const results = []
const bareRead = path.join(work, 'bare-read.mjs')
fs.writeFileSync(
  bareRead,
  `import ExcelJS from ${JSON.stringify(pathToFileURL(path.join(root, 'node_modules/exceljs/excel.js')).href)}
let rows = 0
for (const file of process.argv.slice(2)) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit'})
  for await (const sheet of reader) for await (const row of sheet) rows += row.values.length > 0 ? 1 : 0
}
if (rows < 0) console.log(rows)
`,
)

log(`itplan bench — ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${runs} runs each`)

// 1. project list --json on 1,000 projects vs node -e 0
const reg1k = path.join(work, 'r1k', 'register.json')
writeRegister(reg1k, 1000)
results.push(compare('project list --json, 1,000 projects', '≤ 3 × node -e 0', [node, bin, 'project', 'list', '--json', '--register', reg1k], [node, '-e', '0']))

// 2. import one 50,000-row workbook vs a bare exceljs streaming read of it
const rows = quick ? 10_000 : 50_000
const big = path.join(work, 'big.xlsx')
log(`  writing a ${rows}-row workbook…`)
await writeWorkbook(big, rows)
const regImport = path.join(work, 'rimport', 'register.json')
const freshImportRegister = () => writeRegister(regImport, 0)
results.push(
  compare(`import of one ${rows.toLocaleString('en-US')}-row workbook`, '≤ 1.5 × bare exceljs streaming read; ≤ 400 MiB', [node, bin, 'import', big, '--register', regImport, '--received-on', '2026-12-15', '--json'], [node, bareRead, big], freshImportRegister),
)

// 3. 300 workbooks of 20 rows vs bare reads of the same files in one process
const many = path.join(work, 'many')
fs.mkdirSync(many)
const manyCount = quick ? 60 : 300
for (let f = 0; f < manyCount; f++) await writeWorkbook(path.join(many, `单位${String(f).padStart(3, '0')}.xlsx`), 20, f * 20)
const manyFiles = fs.readdirSync(many).map((f) => path.join(many, f))
results.push(compare(`import of ${manyCount} workbooks × 20 rows`, '≤ 1.5 × bare exceljs reads', [node, bin, 'import', many, '--register', regImport, '--received-on', '2026-12-15', '--json'], [node, bareRead, ...manyFiles], freshImportRegister))

// 4. plan export of 10,000 projects vs a bare exceljs streaming write of the same cells
const planCount = quick ? 2_000 : 10_000
const regPlan = path.join(work, 'rplan', 'register.json')
// the baseline reads the same projects from one plain JSON file (the register itself is a head and year files)
const planProjects = path.join(work, 'plan-projects.json')
writeRegister(regPlan, planCount, (data) => {
  for (const p of data.projects) p.status = 'planned'
  data.plans.push({year: 2027, status: 'draft', included: data.projects.map((p) => p.id), excluded: [], approvals: [], builtOn: '2027-01-05', officeExcluded: []})
  fs.writeFileSync(planProjects, JSON.stringify({projects: data.projects}))
})
const bareWrite = path.join(work, 'bare-write.mjs')
fs.writeFileSync(
  bareWrite,
  `import ExcelJS from ${JSON.stringify(pathToFileURL(path.join(root, 'node_modules/exceljs/excel.js')).href)}
import fs from 'node:fs'
const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({filename: process.argv[3], useStyles: true, useSharedStrings: false})
const ws = wb.addWorksheet('年度计划')
for (const p of data.projects) ws.addRow([p.id, p.declarationNo, p.unit, p.name, p.nature, p.category, p.procurementCategory, p.totalInvestmentFen / 1e6, p.fiscalFundsFen / 1e6, p.fiscalFundsFen / 1e6, null, '财政资金', p.periodMonths, p.track, '', '', p.contact.name, p.contact.phone, p.summary]).commit()
ws.commit()
await wb.commit()
`,
)
results.push(compare(`plan export, ${planCount.toLocaleString('en-US')} projects`, '≤ 2 × bare exceljs write; ≤ 400 MiB', [node, bin, 'plan', 'export', '--year', '2027', '--register', regPlan, '--out', path.join(work, 'plan.xlsx')], [node, bareWrite, planProjects, path.join(work, 'bare.xlsx')]))

// 5. one review record on a 20,000-project register: an absolute budget of 1 s
const reg20k = path.join(work, 'r20k', 'register.json')
const reviewTimes = []
for (let i = 0; i < runs; i++) {
  writeRegister(reg20k, 20_000, (data) => {
    const p = data.projects[0]
    p.status = 'reviewing'
    p.stages = [{key: 'secrecy-prereview', department: '市委办', status: 'open', startedOn: '2027-01-20', dueOn: '2027-02-03', decidedOn: null, documentNo: null, approvedAmountFen: null, opinion: null, rounds: []}]
  })
  reviewTimes.push(measure([node, bin, 'review', 'record', '2027-0001', '--stage', 'secrecy-prereview', '--result', 'returned', '--date', '2027-01-28', '--register', reg20k]))
}
const review = {name: 'review record on 20,000 projects', budget: '≤ 1 s wall', candidateMs: Math.round(median(reviewTimes.map((x) => x.ms))), baselineMs: null, ratio: null, peakMiB: Math.round(Math.max(...reviewTimes.map((x) => x.mib)))}
log(`  ${review.name}: ${review.candidateMs} ms (budget 1000 ms), peak ${review.peakMiB} MiB`)
results.push(review)

// 6. a register that grows with the years (DESIGN §17): one project shown and one changed on 1,000, 10,000 and
// 50,000 projects over ten plan years, each within 3 × the same on 1,000; and what five changes cost in backups.
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 50_000]
const registers = sizes.map((size) => {
  const reg = path.join(work, `grow${size}`, 'register.json')
  writeRegister(reg, size, undefined, 10)
  return {size, reg, show: [], update: []}
})
// the sizes in turn within each run, so a busy moment of the machine falls on all of them alike
for (let i = 0; i < runs; i++) {
  for (const r of registers) {
    r.show.push(measure([node, bin, 'project', 'show', '2027-0001', '--json', '--register', r.reg]))
    r.update.push(measure([node, bin, 'project', 'update', '2027-0001', '--summary', `建设内容概述（第${i + 1}次修改）`, '--register', r.reg]))
  }
}
const growth = registers.map(({size, show, update}) => {
  const row = {size, showMs: Math.round(median(show.map((x) => x.ms))), updateMs: Math.round(median(update.map((x) => x.ms))), showMiB: Math.round(Math.max(...show.map((x) => x.mib))), updateMiB: Math.round(Math.max(...update.map((x) => x.mib)))}
  log(`  ${size.toLocaleString('en-US')} projects over 10 years: project show ${row.showMs} ms (${row.showMiB} MiB), project update ${row.updateMs} ms (${row.updateMiB} MiB)`)
  return row
})
for (const [key, label] of [['showMs', 'project show'], ['updateMs', 'project update']]) {
  const base = growth[0]
  const top = growth.at(-1)
  results.push({name: `${label}, ${top.size.toLocaleString('en-US')} projects vs ${base.size.toLocaleString('en-US')} (curve: ${growth.map((g) => `${g.size / 1000}k ${g[key]} ms`).join(', ')})`, budget: '≤ 3 × the same on 1,000', candidateMs: top[key], baselineMs: base[key], ratio: Number((top[key] / base[key]).toFixed(2)), peakMiB: key === 'showMs' ? top.showMiB : top.updateMiB})
  log(`  ${results.at(-1).name}: ×${results.at(-1).ratio}`)
}
{
  // five changes on the largest register, fresh from the generator: what the backups and kept history cost
  const size = sizes.at(-1)
  const reg = path.join(work, `backups${size}`, 'register.json')
  writeRegister(reg, size, undefined, 10)
  for (let i = 0; i < 5; i++) measure([node, bin, 'project', 'update', `${2027 - i}-0001`, '--summary', `第${i + 1}次修改`, '--register', reg])
  const head = JSON.parse(fs.readFileSync(reg, 'utf8'))
  const current = new Set(Object.values(head.years).flatMap((y) => Object.values(y.parts).map((p) => p.file)))
  let registerBytes = fs.statSync(reg).size
  let keptBytes = 0
  for (const name of fs.readdirSync(yearsDir(reg))) {
    const bytes = fs.statSync(path.join(yearsDir(reg), name)).size
    if (current.has(name)) registerBytes += bytes
    else keptBytes += bytes
  }
  const backupBytes = bytesUnder(`${reg}.backups`) + keptBytes
  const ratio = Number((backupBytes / registerBytes).toFixed(3))
  results.push({name: `backups after five changes, ${size.toLocaleString('en-US')} projects (${(backupBytes / 2 ** 20).toFixed(1)} MiB vs a register of ${(registerBytes / 2 ** 20).toFixed(1)} MiB)`, budget: '≤ 1 × the register', candidateMs: null, baselineMs: null, ratio, peakMiB: NaN, bytes: {backups: backupBytes, register: registerBytes}})
  log(`  ${results.at(-1).name}: ×${ratio}`)
}

// 7. screen (issue 20): precision and recall on the labelled pairs; 2,000 declarations against 10,000 systems
const {benchScreening} = await import('./bench-screen.mjs')
results.push(...(await benchScreening({root, work, runs, quick, measure, median, log, writeRegister, node, bin})))

fs.rmSync(work, {recursive: true, force: true})
const machine = {cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, runs}
if (asJson) {
  console.log(JSON.stringify({machine, results}, null, 2))
} else {
  console.log('\n| budget | itplan | baseline | ratio | peak memory | budget |')
  console.log('|---|---|---|---|---|---|')
  for (const r of results.filter((x) => x.precision !== undefined)) console.log(`| ${r.name} | precision ${r.precision}, recall ${r.recall} | — | — | — | ${r.budget}${r.met ? '' : ' (NOT MET)'} |`)
  for (const r of results.filter((x) => x.precision === undefined)) console.log(`| ${r.name} | ${r.candidateMs === null ? '—' : `${r.candidateMs} ms`} | ${r.baselineMs === null ? '—' : `${r.baselineMs} ms`} | ${r.ratio === null ? '—' : `×${r.ratio}`} | ${Number.isNaN(r.peakMiB) ? 'n/a' : `${r.peakMiB} MiB`} | ${r.budget} |`)
  console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, Node ${machine.node}, ${machine.platform}`)
}

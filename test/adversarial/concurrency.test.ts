// Twenty clerks at once: twenty separate itplan processes, of eight different kinds, against one register. The lock
// must serialise them: every command succeeds, no change is lost, ids stay unique, and the journal holds exactly one
// chained entry per change, in one unbroken block per command.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import {initRegister, json, projectFlags, runCli, tempRegister, type CliResult, type TempRegister} from '../helpers/cli.js'
import {holidayJson} from './corpus.js'
import {HAN, holdLock, snapshotDir, STACK_LINE} from './util.js'
import type {JournalEntry} from '../../src/core/domain/types.js'
import {readRegisterData} from '../helpers/register-files.js'

interface Writer {
  operator: string
  args: string[]
  /** the journal action this command must leave, exactly once */
  action: string
  projectId?: string
}

describe('adversarial: 20 concurrent mutating processes on one register', function () {
  this.timeout(180_000)
  let t: TempRegister
  const seeded: string[] = []

  before(async () => {
    t = tempRegister('itplan-adv-conc-')
    await initRegister(t.dir, 2027)
    // three projects to update, approve and withdraw while the others are added
    for (const name of ['既有项目甲', '既有项目乙', '既有项目丙']) {
      const r = await runCli(['project', 'add', ...projectFlags({name}), '--json', '--register', t.register])
      expect(r.code, r.stderr).to.equal(0)
      seeded.push(json<{id: string}>(r).id)
    }
    fs.writeFileSync(path.join(t.dir, 'holidays-2027.json'), holidayJson(2027))
  })
  after(() => t.cleanup())

  it('all 20 exit 0; nothing lost; ids unique; one journal entry per change; audit verify and doctor pass', async () => {
    const [p1, p2, p3] = seeded
    const writers: Writer[] = []
    for (let i = 0; i < 12; i++) {
      writers.push({operator: `adder-${i}`, action: 'create', args: ['project', 'add', ...projectFlags({name: `并发新增${i}`, total: `${60 + i * 5}万`, unit: i % 2 ? '市公安局' : '市教育局'})]})
    }
    writers.push(
      {operator: 'cfg-fiscal', action: 'config-set', args: ['config', 'set', 'time-limit.fiscal-review', '15']},
      {operator: 'cfg-tech', action: 'config-set', args: ['config', 'set', 'time-limit.technical-review', '18']},
      {operator: 'upd-summary', action: 'update', projectId: p1, args: ['project', 'update', p1, '--summary', '并发修改的建设内容']},
      {operator: 'upd-contact', action: 'update', projectId: p2, args: ['project', 'update', p2, '--contact-name', '并发联系人']},
      {operator: 'special', action: 'special-approval', projectId: p1, args: ['special-approval', p1, '--kind', 'late', '--doc', '郴数政组〔2027〕9号', '--date', '2027-01-05']},
      {operator: 'suspend', action: 'unit-suspend', args: ['unit', 'suspend', '市某局', '--reason', '拒不整改']},
      {operator: 'calendar', action: 'calendar-import', args: ['calendar', 'import', path.join(t.dir, 'holidays-2027.json')]},
      {operator: 'withdraw', action: 'withdraw', projectId: p3, args: ['project', 'withdraw', p3, '--confirm', p3]},
    )
    expect(writers).to.have.length(20)

    // all spawned in the same tick; each waits for the lock (generous timeout: 20 node start-ups on a small CI box)
    const results: CliResult[] = await Promise.all(
      writers.map((w) => runCli([...w.args, '--operator', w.operator, '--lock-timeout', '120', '--json', '--register', t.register], {timeoutMs: 150_000})),
    )
    results.forEach((r, i) => {
      expect(r.timedOut, `${writers[i].operator} hung`).to.equal(false)
      expect(r.code, `${writers[i].operator}: ${r.stdout}\n${r.stderr}`).to.equal(0)
    })

    // nothing lost: twelve new projects with unique ids, following the three seeded ones
    const added = results.slice(0, 12).map((r) => json<{id: string; name: string}>(r))
    const ids = added.map((p) => p.id)
    expect(new Set(ids).size).to.equal(12)
    expect([...ids].sort()).to.deep.equal(Array.from({length: 12}, (_, i) => `2027-${String(i + 4).padStart(4, '0')}`))
    const data = readRegisterData(t.register)
    expect(data.projects).to.have.length(15)
    expect(new Set(data.projects.map((p) => p.id)).size).to.equal(15)
    for (let i = 0; i < 12; i++) {
      const p = data.projects.find((x) => x.name === `并发新增${i}`)
      expect(p, `并发新增${i}`).to.not.equal(undefined)
      expect(p!.id).to.equal(added[i].id)
      expect(p!.totalInvestmentFen).to.equal((60 + i * 5) * 1_000_000)
    }
    // every other change is there too
    expect(data.rules.timeLimits['fiscal-review']).to.equal(15)
    expect(data.rules.timeLimits['technical-review']).to.equal(18)
    const byId = (id: string) => data.projects.find((p) => p.id === id)!
    expect(byId(p1).summary).to.equal('并发修改的建设内容')
    expect(byId(p1).specialApprovals.map((s) => s.documentNo)).to.deep.equal(['郴数政组〔2027〕9号'])
    expect(byId(p2).contact.name).to.equal('并发联系人')
    expect(byId(p3).status).to.equal('withdrawn')
    expect(data.units.find((u) => u.name === '市某局')?.suspended).to.equal(true)
    expect((data.calendarOverrides ?? []).map((o) => o.year)).to.include(2027)

    // the journal: 1 init + 3 seeded adds + exactly one entry per writer, seq 1..N with no gap
    const entries = fs
      .readFileSync(t.journal, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as JournalEntry)
    expect(entries.map((e) => e.seq)).to.deep.equal(Array.from({length: 24}, (_, i) => i + 1))
    for (let i = 1; i < entries.length; i++) expect(entries[i].prev, `link at seq ${entries[i].seq}`).to.equal(entries[i - 1].hash)
    expect(entries.at(-1)!.hash).to.equal(data.audit.head)
    for (const w of writers) {
      const mine = entries.filter((e) => e.operator === w.operator)
      expect(mine.map((e) => e.action), w.operator).to.deep.equal([w.action])
      if (w.projectId) expect(mine[0].projectId, w.operator).to.equal(w.projectId)
    }
    const creates = entries.filter((e) => e.action === 'create' && e.operator.startsWith('adder-'))
    expect(creates.map((e) => e.projectId).sort()).to.deep.equal([...ids].sort())

    // the CLI agrees
    const verify = await runCli(['audit', 'verify', '--register', t.register])
    expect(verify.code, verify.stdout + verify.stderr).to.equal(0)
    const doctor = await runCli(['doctor', '--json', '--register', t.register])
    expect(doctor.code, doctor.stdout).to.equal(0)
    const checks = json<{checks: Array<{name: string; status: string}>}>(doctor).checks
    expect(checks.filter((c) => c.status === 'fail')).to.deep.equal([])
    expect(checks.find((c) => c.name === 'lock')!.status).to.equal('ok')

    // no lock or temp file left (the pending sidecar of the last commit may stay: it holds exactly the last entry);
    // the last 20 registers kept as whole backups (a head each, naming year files that are all there)
    const left = fs.readdirSync(t.dir).sort()
    expect(left.filter((n) => n !== 'register.json.audit.pending.jsonl')).to.deep.equal(['holidays-2027.json', 'register.json', 'register.json.audit.jsonl', 'register.json.backups', 'register.json.years'])
    if (left.includes('register.json.audit.pending.jsonl')) {
      const sidecar = fs.readFileSync(path.join(t.dir, 'register.json.audit.pending.jsonl'), 'utf8').split('\n').filter((l) => l !== '')
      expect(sidecar.map((l) => (JSON.parse(l) as JournalEntry).hash)).to.deep.equal([data.audit.head])
    }
    const backups = fs.readdirSync(t.backups).filter((n) => n.endsWith('.json'))
    expect(backups).to.have.length(20)
    for (const b of backups) expect(() => readRegisterData(path.join(t.backups, b), t.register), b).to.not.throw()
  })
})

describe('adversarial: a lock held by another live process', function () {
  this.timeout(120_000)
  let a: TempRegister
  let b: TempRegister
  let goodCsv: string

  before(async () => {
    a = tempRegister('itplan-adv-lock-a-')
    b = tempRegister('itplan-adv-lock-b-')
    await Promise.all([initRegister(a.dir, 2027), initRegister(b.dir, 2027)])
    for (const t of [a, b]) {
      const r = await runCli(['project', 'add', ...projectFlags({name: '锁测试项目'}), '--register', t.register])
      expect(r.code, r.stderr).to.equal(0)
    }
    goodCsv = path.join(a.dir, '申报.csv')
    fs.writeFileSync(goodCsv, '项目建设单位,项目名称,建设性质,项目类型,采购类别,总投资（万元）,其中：市本级财政资金（万元）,申报日期\r\n市测试局,锁等待项目,新建,业务系统,服务,90,90,2026-11-20\r\n')
  })
  after(() => {
    a.cleanup()
    b.cleanup()
  })

  it('writers exit 5 after --lock-timeout with a Chinese message, change nothing, never take over a live lock; a crashed holder is taken over within 15 s', async () => {
    const holderA = await holdLock(a.register)
    const holderB = await holdLock(b.register)
    const backupId = fs.readdirSync(a.backups).find((n) => n.endsWith('.json'))!.replace(/\.json$/, '')
    const before = snapshotDir(a.dir)
    try {
      const base = ['--register', a.register]
      const [add, addJson, imp, restore, init, patient, crashed] = await Promise.all([
        runCli(['project', 'add', ...projectFlags({name: '等不到锁'}), '--lock-timeout', '1', ...base], {timeoutMs: 30_000}),
        runCli(['config', 'set', 'time-limit.fiscal-review', '12', '--lock-timeout', '1', '--json', ...base], {timeoutMs: 30_000}),
        runCli(['import', goodCsv, '--lock-timeout', '1', ...base], {timeoutMs: 30_000}),
        runCli(['backup', 'restore', backupId, '--confirm', backupId, '--lock-timeout', '1', ...base], {timeoutMs: 30_000}),
        runCli(['init', '--force', '--confirm', 'register.json', '--lock-timeout', '1', ...base], {timeoutMs: 30_000}),
        // a live holder refreshes its lock: even past the 10 s stale time it is not taken over
        runCli(['project', 'add', ...projectFlags({name: '耐心等待'}), '--lock-timeout', '12', ...base], {timeoutMs: 40_000}),
        // meanwhile on register B the holder dies (SIGKILL): its lock goes stale and the next writer takes it over
        (async () => {
          await holderB.crash()
          expect(fs.existsSync(b.lock), 'a killed holder leaves its lock directory').to.equal(true)
          return runCli(['project', 'add', ...projectFlags({name: '接管残留锁'}), '--lock-timeout', '60', '--json', '--register', b.register], {timeoutMs: 60_000})
        })(),
      ])

      for (const [label, r] of Object.entries({add, imp, restore, init})) {
        expect(r.timedOut, label).to.equal(false)
        expect(r.code, `${label}: ${r.stdout}${r.stderr}`).to.equal(5)
        expect(r.ms, label).to.be.within(900, 6_000)
        expect(r.stderr, label).to.match(HAN)
        expect(r.stderr, label).to.include('登记簿正被其他操作使用')
        expect(r.stderr, label).to.include(a.register)
        expect(r.stderr, label).to.include('--lock-timeout')
        expect(r.stderr + r.stdout, label).to.not.match(STACK_LINE)
      }
      expect(addJson.code).to.equal(5)
      const body = json<{error: {code: string; message: string; exitCode: number}}>(addJson)
      expect(body.error.exitCode).to.equal(5)
      expect(body.error.code).to.equal('register.busy')
      expect(body.error.message).to.match(HAN)

      expect(patient.code, patient.stderr).to.equal(5)
      expect(patient.ms).to.be.within(11_500, 20_000)

      expect(crashed.code, crashed.stderr).to.equal(0)
      expect(crashed.ms, 'a stale lock blocks the next writer for at most ~10 s').to.be.below(15_000)
      expect(json<{name: string}>(crashed).name).to.equal('接管残留锁')

      // nothing was written on A: not the register, the journal, the backups, nor an error workbook
      expect(snapshotDir(a.dir)).to.deep.equal(before)
      expect(fs.existsSync(a.lock), "someone else's live lock is never removed").to.equal(true)
    } finally {
      await holderA.release()
    }
    // released: the next writer goes through at once
    const after = await runCli(['project', 'add', ...projectFlags({name: '锁释放后'}), '--lock-timeout', '5', '--register', a.register])
    expect(after.code, after.stderr).to.equal(0)
    expect(after.ms).to.be.below(5_000)
    const verify = await runCli(['audit', 'verify', '--register', b.register])
    expect(verify.code, verify.stderr).to.equal(0)
  })
})

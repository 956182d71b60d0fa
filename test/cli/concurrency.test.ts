// Ten clerks press Enter at the same moment: ten `itplan project add` processes against one register.
// Nothing may be lost, no id may repeat, and the journal must hold one chained entry per project.
import {expect} from 'chai'
import fs from 'node:fs'
import {verifyJournal} from '../../src/core/register/journal.js'
import {listBackups} from '../../src/core/register/backups.js'
import {initRegister, json, projectFlags, runCli, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {JournalEntry} from '../../src/core/domain/types.js'
import {readRegisterData} from '../helpers/register-files.js'

const WRITERS = 10

describe('concurrent writers (through the CLI)', function () {
  this.timeout(120_000)
  let t: TempRegister

  beforeEach(async () => {
    t = tempRegister()
    await initRegister(t.dir, 2027)
  })
  afterEach(() => t.cleanup())

  it(`${WRITERS} concurrent project add processes all succeed with distinct ids, and the journal verifies`, async () => {
    const names = Array.from({length: WRITERS}, (_, i) => `并发项目${i + 1}`)
    // spawned together; each waits for the lock (default --lock-timeout 30)
    const results = await Promise.all(
      names.map((name, i) => runCli(['project', 'add', ...projectFlags({name, total: `${81 + i}万`}), '--json', '--register', t.register], {timeoutMs: 60_000})),
    )
    for (const [i, r] of results.entries()) {
      expect(r.timedOut, `writer ${i} hung`).to.equal(false)
      expect(r.code, `writer ${i}: ${r.stderr}`).to.equal(0)
    }
    const ids = results.map((r) => json<{id: string}>(r).id)
    expect([...ids].sort()).to.deep.equal(Array.from({length: WRITERS}, (_, i) => `2027-${String(i + 1).padStart(4, '0')}`))

    // the register holds all ten, each with the amount its writer gave it
    const data = readRegisterData(t.register)
    expect(data.projects).to.have.length(WRITERS)
    expect(data.counters['2027']).to.equal(WRITERS)
    for (const [i, name] of names.entries()) {
      const p = data.projects.find((x) => x.name === name)
      expect(p, name).to.not.equal(undefined)
      expect(p!.id).to.equal(ids[i])
      expect(p!.totalInvestmentFen).to.equal((81 + i) * 1_000_000)
    }

    // the journal: init plus ten create entries, one per project, chained and matching the register's head
    const entries = fs
      .readFileSync(t.journal, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as JournalEntry)
    expect(entries.map((e) => e.seq)).to.deep.equal(Array.from({length: WRITERS + 1}, (_, i) => i + 1))
    const creates = entries.filter((e) => e.action === 'create')
    expect(creates).to.have.length(WRITERS)
    expect(creates.map((e) => e.projectId).sort()).to.deep.equal([...ids].sort())
    const verified = await verifyJournal(t.journal, data.audit)
    expect(verified.problem).to.equal(null)
    expect(verified.ok).to.equal(true)
    expect(verified.entries).to.equal(WRITERS + 1)
    expect(verified.head).to.equal(data.audit.head)

    // one backup per change, and no lock or temp file left behind
    expect(await listBackups(t.register)).to.have.length(WRITERS)
    expect(fs.readdirSync(t.dir).sort()).to.deep.equal(['register.json', 'register.json.audit.jsonl', 'register.json.audit.pending.jsonl', 'register.json.backups', 'register.json.years'])
    // the year files are the register's and the backups', no stray left by a writer
    const doctor = json<{checks: Array<{code: string}>}>(await runCli(['doctor', '--json', '--register', t.register])).checks
    expect(doctor.map((c) => c.code)).to.include('doctor.yearFilesOk').and.not.include('doctor.yearFilesUnreferenced')
  })

  it('concurrent writers of different kinds (add, config set, route) lose nothing', async () => {
    const runs = await Promise.all([
      runCli(['project', 'add', ...projectFlags({name: 'A', total: '95万'}), '--json', '--register', t.register], {timeoutMs: 60_000}),
      runCli(['config', 'set', 'time-limit.fiscal-review', '15', '--register', t.register], {timeoutMs: 60_000}),
      runCli(['project', 'add', ...projectFlags({name: 'B', total: '60万'}), '--json', '--register', t.register], {timeoutMs: 60_000}),
      runCli(['config', 'set', 'plan-year', '2027', '--register', t.register], {timeoutMs: 60_000}),
      runCli(['project', 'add', ...projectFlags({name: 'C', total: '30万'}), '--json', '--register', t.register], {timeoutMs: 60_000}),
      runCli(['project', 'route', '--register', t.register], {timeoutMs: 60_000}),
    ])
    for (const r of runs) expect(r.code, r.stderr).to.equal(0)
    const data = readRegisterData(t.register)
    expect(data.projects.map((p) => p.name).sort()).to.deep.equal(['A', 'B', 'C'])
    expect(data.rules.timeLimits['fiscal-review']).to.equal(15)
    const verified = await verifyJournal(t.journal, data.audit)
    expect(verified.ok, JSON.stringify(verified)).to.equal(true)
  })
})

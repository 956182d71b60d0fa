// The register on real files in a temp dir: init through the CLI, a corrupt register never overwritten,
// backups pruned to 20, the hash-chained journal verified, broken, and repaired after a simulated crash.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import {createRegister, loadRegister, mutateRegister} from '../../src/core/register/store.js'
import {verifyJournal, repairJournal} from '../../src/core/register/journal.js'
import {listBackups, KEEP_BACKUPS} from '../../src/core/register/backups.js'
import {acquireLock} from '../../src/core/register/lock.js'
import {addProject} from '../../src/core/operations/projects.js'
import {RegisterBusy, RegisterUnreadable} from '../../src/core/domain/errors.js'
import {emptyRegister, SCHEMA_VERSION} from '../../src/core/domain/register-data.js'
import {defaultRules, defaultSettings} from '../../src/core/defaults.js'
import {enumWords} from '../../src/cli/words.js'
import {initRegister, json, projectFlags, runCli, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {JournalEntry, RegisterData} from '../../src/core/domain/types.js'
import {fileHolding, readRegisterData, registerFiles, writeRegisterData} from '../helpers/register-files.js'
import {snapshotDir} from '../adversarial/util.js'
import {buildProject, declaration} from '../helpers/build.js'

const words = enumWords()
const addWorkingDays = (date: string) => date

/** One real mutation through the store (in this process): adds a project. */
async function addInProcess(register: string, n: number) {
  return mutateRegister({file: register, lockTimeoutMs: 5_000, operator: 'tester', command: `test add ${n}`}, (ctx) =>
    addProject(
      ctx,
      {unit: '市公安局', name: `项目${n}`, nature: 'new', category: 'data', procurementCategory: 'goods', totalInvestment: `${10 + n}万`, fiscalFunds: `${10 + n}万`, declaredOn: '2026-11-20'},
      {words, today: '2026-11-20', now: new Date().toISOString(), addWorkingDays},
    ),
  )
}

/** Creates the register in this process (fast); `itplan init` itself is tested under 'init'. */
async function initInProcess(register: string, year = 2027): Promise<void> {
  await createRegister(register, emptyRegister(defaultRules(), defaultSettings(year), new Date().toISOString()), {force: false, lockTimeoutMs: 5_000, operator: 'tester', command: 'itplan init'})
}

function journalLines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '')
}

const readData = readRegisterData

describe('register store (real files)', function () {
  this.timeout(60_000)
  let t: TempRegister

  beforeEach(() => {
    t = tempRegister()
  })
  afterEach(() => t.cleanup())

  describe('init', () => {
    it('creates a register with the default rules, readable by loadRegister, with a verified journal', async () => {
      const register = await initRegister(t.dir, 2027)
      expect(register).to.equal(t.register)
      const data = await loadRegister(t.register)
      expect(data.schemaVersion).to.equal(SCHEMA_VERSION)
      expect(data.settings.planYear).to.equal(2027)
      expect(data.settings.lang).to.equal('zh')
      expect(data.rules.procurementLimitFen).to.deep.equal({goods: 50_000_000, services: 80_000_000, works: 100_000_000})
      expect(data.rules.approvalStandardFen).to.equal(100_000_000)
      expect(data.projects).to.deep.equal([])
      expect(data.audit.head).to.be.a('string').with.length(64)
      const lines = journalLines(t.journal)
      expect(lines).to.have.length(1)
      const entry = JSON.parse(lines[0]) as JournalEntry
      expect(entry.action).to.equal('init')
      expect(entry.seq).to.equal(1)
      expect(entry.prev).to.equal(null)
      expect(entry.hash).to.equal(data.audit.head)
    })

    // Regression: `init` without --force once journalled {force: undefined}; the hash covered `"force":null`
    // while the stored line dropped the key, so every fresh register failed verification at seq 1.
    it('a register made by `itplan init` has a journal that verifies', async () => {
      await initRegister(t.dir, 2027)
      const data = await loadRegister(t.register)
      const verified = await verifyJournal(t.journal, data.audit)
      expect(verified.problem).to.equal(null)
      expect(verified.ok).to.equal(true)
      expect(verified.entries).to.equal(1)
      // and it still verifies after a change made through the CLI
      const r = await runCli(['project', 'add', ...projectFlags(), '--register', t.register])
      expect(r.code, r.stderr).to.equal(0)
      expect((await verifyJournal(t.journal, (await loadRegister(t.register)).audit)).ok).to.equal(true)
    })

    it('a register made by `itplan init --force` has a journal of its own that verifies (force is a real boolean there; the old journal kept aside)', async () => {
      await initRegister(t.dir, 2027)
      const r = await runCli(['init', '--year', '2027', '--force', '--confirm', 'register.json', '--register', t.register])
      expect(r.code, r.stderr).to.equal(0)
      const data = await loadRegister(t.register)
      const entries = journalLines(t.journal).map((l) => JSON.parse(l) as JournalEntry)
      // the old journal is kept aside whole; the new register starts a chain of its own, and its entry's hash is sound
      expect(entries.map((e) => e.action)).to.deep.equal(['init'])
      const aside = fs.readdirSync(t.dir).filter((n) => /^register\.json\.audit\.\d{8}T\d+Z\.jsonl$/.test(n))
      expect(aside).to.have.length(1)
      expect(journalLines(path.join(t.dir, aside[0])).map((l) => (JSON.parse(l) as JournalEntry).action)).to.deep.equal(['init'])
      expect(entries[0].prev).to.equal(null)
      expect(entries[0].hash).to.equal(data.audit.head)
      const {hash, ...body} = entries[0]
      const {hashEntry} = await import('../../src/core/register/journal.js')
      expect(hashEntry(body)).to.equal(hash)
    })

    it('refuses to overwrite an existing register without --force (exit 2), bytes unchanged', async () => {
      await initRegister(t.dir, 2027)
      const before = fs.readFileSync(t.register)
      const r = await runCli(['init', '--year', '2028', '--register', t.register])
      expect(r.code).to.equal(2)
      expect(r.stderr).to.include(t.register)
      expect(fs.readFileSync(t.register).equals(before)).to.equal(true)
    })

    it('a mutating command on a register that does not exist says where it looked (exit 2), and creates nothing', async () => {
      const r = await runCli(['project', 'add', ...projectFlags(), '--register', t.register])
      expect(r.code).to.equal(2)
      expect(r.stderr).to.include(t.register)
      expect(r.stderr).to.include('itplan init')
      expect(fs.existsSync(t.register)).to.equal(false)
    })
  })

  describe('migrations', () => {
    it('a version-1 register (before 续建 and 运维) reads as construction projects with no system nor earlier investment, and is written as version 3, one file per year, by its next change', async () => {
      await initInProcess(t.register)
      const added = await runCli(['project', 'add', ...projectFlags(), '--register', t.register])
      expect(added.code, added.stderr).to.equal(0)
      const v1 = readData(t.register) as unknown as {schemaVersion: number; projects: Array<Record<string, unknown>>}
      v1.schemaVersion = 1
      for (const p of v1.projects) for (const k of ['kind', 'systemId', 'completedBeforeFen']) delete p[k]
      fs.writeFileSync(t.register, JSON.stringify(v1))
      const data = await loadRegister(t.register)
      expect(data.schemaVersion).to.equal(3)
      expect(data.projects.map((p) => [p.kind, p.systemId, p.completedBeforeFen])).to.deep.equal([['construction', null, null]])
      const listed = await runCli(['project', 'list', '--json', '--register', t.register])
      expect(listed.code, listed.stderr).to.equal(0)
      expect(json<Array<{kind: string}>>(listed)[0].kind).to.equal('construction')
      const changed = await runCli(['project', 'update', data.projects[0].id, '--summary', '建设内容', '--register', t.register])
      expect(changed.code, changed.stderr).to.equal(0)
      expect(readData(t.register)).to.deep.include({schemaVersion: 3})
      expect(readData(t.register).projects[0]).to.include({kind: 'construction'})
      expect(Object.keys((JSON.parse(fs.readFileSync(t.register, 'utf8')) as {years: object}).years)).to.deep.equal(['2027'])
    })

    it('a project of an unknown kind is a register problem (exit 6), not a crash later', async () => {
      await initInProcess(t.register)
      await runCli(['project', 'add', ...projectFlags(), '--register', t.register])
      const data = readData(t.register)
      await writeRegisterData(t.register, {...data, projects: [{...data.projects[0], kind: 'leasing' as 'construction'}]})
      const r = await runCli(['project', 'list', '--register', t.register])
      expect(r.code).to.equal(6)
      expect(r.stderr).to.contain('projects.0.kind')
    })
  })

  describe('a corrupt register is never overwritten (exit 6)', () => {
    const corruptions: Array<[string, (valid: RegisterData) => string, string]> = [
      ['invalid JSON', () => '{"schemaVersion": 1, "projects": [', '损坏'],
      ['an empty file', () => '', '损坏'],
      ['a wrong schema (a project amount as text)', (d) => {
        const copy = structuredClone(d) as unknown as {projects: unknown[]}
        copy.projects = [{id: '2027-0001', totalInvestmentFen: '85万'}]
        return JSON.stringify(copy)
      }, '不符合格式'],
      ['a wrong schema (rules missing)', (d) => {
        const copy = structuredClone(d) as unknown as Record<string, unknown>
        delete copy.rules
        return JSON.stringify(copy, null, 2)
      }, '不符合格式'],
      ['a newer schemaVersion', (d) => JSON.stringify({...d, schemaVersion: SCHEMA_VERSION + 1}), '更新版本'],
    ]

    for (const [label, corrupt, words] of corruptions) {
      it(`${label}: project add exits 6, names the file, leaves it byte-for-byte`, async () => {
        await initInProcess(t.register)
        fs.writeFileSync(t.register, corrupt(readData(t.register)))
        const before = fs.readFileSync(t.register)
        const journalBefore = fs.readFileSync(t.journal)

        const [r, j] = await Promise.all([
          runCli(['project', 'add', ...projectFlags(), '--register', t.register]),
          runCli(['project', 'add', ...projectFlags(), '--register', t.register, '--json']),
        ])
        expect(r.code, r.stderr).to.equal(6)
        expect(r.stderr).to.include(t.register)
        expect(r.stderr).to.include(words)
        expect(r.stderr).to.not.match(/\n\s+at /) // no stack trace
        expect(fs.readFileSync(t.register).equals(before)).to.equal(true)
        expect(fs.readFileSync(t.journal).equals(journalBefore)).to.equal(true)

        expect(j.code).to.equal(6)
        const body = json<{error: {code: string; message: string; exitCode: number}}>(j)
        expect(body.error.exitCode).to.equal(6)
        expect(body.error.message).to.include(t.register)
        expect(fs.readFileSync(t.register).equals(before)).to.equal(true)
      })
    }

    it('names the newest backup when there is one', async () => {
      await initInProcess(t.register)
      for (const n of [1, 2, 3]) await addInProcess(t.register, n)
      const backups = await listBackups(t.register)
      expect(backups).to.have.length(3)
      const newest = backups.at(-1)!
      fs.writeFileSync(t.register, '{"this is": "not a register"')
      const before = fs.readFileSync(t.register)
      const r = await runCli(['project', 'add', ...projectFlags({name: '项目4'}), '--register', t.register])
      expect(r.code).to.equal(6)
      expect(r.stderr).to.include(newest.file)
      expect(fs.readFileSync(t.register).equals(before)).to.equal(true)
      // no backup of the corrupt file replaced the good ones
      expect((await listBackups(t.register)).map((b) => b.id)).to.deep.equal(backups.map((b) => b.id))
    })

    it('config set, project route and project list refuse it too', async () => {
      await initInProcess(t.register)
      fs.writeFileSync(t.register, JSON.stringify({...readData(t.register), schemaVersion: 99}))
      const before = fs.readFileSync(t.register)
      const commands = [['config', 'set', 'approval-standard', '120万'], ['project', 'route'], ['project', 'list']]
      const runs = await Promise.all(commands.map((args) => runCli([...args, '--register', t.register])))
      commands.forEach((args, i) => expect(runs[i].code, `${args.join(' ')}: ${runs[i].stderr}`).to.equal(6))
      expect(fs.readFileSync(t.register).equals(before)).to.equal(true)
    })

    it('init --force (the explicit, confirmed way out) keeps the corrupt bytes as a backup before replacing them', async () => {
      await initRegister(t.dir, 2027)
      fs.writeFileSync(t.register, JSON.stringify({...readData(t.register), schemaVersion: 99}))
      const corrupt = fs.readFileSync(t.register)
      const refused = await runCli(['init', '--force', '--register', t.register])
      expect(refused.code).to.equal(2) // no TTY and no --confirm
      expect(fs.readFileSync(t.register).equals(corrupt)).to.equal(true)
      const r = await runCli(['init', '--force', '--confirm', 'register.json', '--year', '2027', '--register', t.register])
      expect(r.code, r.stderr).to.equal(0)
      const backups = await listBackups(t.register)
      expect(backups.some((b) => fs.readFileSync(b.file).equals(corrupt))).to.equal(true)
      expect((await loadRegister(t.register)).schemaVersion).to.equal(SCHEMA_VERSION)
    })

    it('loadRegister throws RegisterUnreadable (exit 6) naming the path', async () => {
      await initRegister(t.dir, 2027)
      fs.writeFileSync(t.register, 'not json')
      try {
        await loadRegister(t.register)
        expect.fail('loadRegister accepted a corrupt file')
      } catch (error) {
        expect(error).to.be.instanceOf(RegisterUnreadable)
        expect((error as RegisterUnreadable).exitCode).to.equal(6)
        expect((error as RegisterUnreadable).params.path).to.equal(t.register)
      }
    })
  })

  describe('backups', () => {
    it(`after 25 mutations only the last ${KEEP_BACKUPS} backups remain, and each is the register as it was`, async () => {
      await initInProcess(t.register)
      for (let n = 1; n <= 25; n++) await addInProcess(t.register, n)
      expect(KEEP_BACKUPS).to.equal(20)
      const backups = await listBackups(t.register)
      expect(backups).to.have.length(20)
      expect(fs.readdirSync(t.backups).filter((f) => f.endsWith('.json'))).to.have.length(20)
      // oldest first; the newest holds the register as it was before the 25th change (24 projects)
      expect(backups.map((b) => b.id)).to.deep.equal([...backups.map((b) => b.id)].sort())
      const newest = readData(backups.at(-1)!.file, t.register)
      expect(newest.projects).to.have.length(24)
      const oldest = readData(backups[0].file, t.register)
      expect(oldest.projects).to.have.length(5) // backups 1..5 (0..4 projects) were pruned
      expect(readData(t.register).projects).to.have.length(25)
      // no temp files left behind by the atomic writes
      expect(fs.readdirSync(t.dir).sort()).to.deep.equal(['register.json', 'register.json.audit.jsonl', 'register.json.audit.pending.jsonl', 'register.json.backups', 'register.json.years'])
      // the year files are the current one and those the backups name (one per change kept), nothing else
      expect(fs.readdirSync(path.join(t.dir, 'register.json.years')).filter((f) => !f.startsWith('.'))).to.have.length(21)
    })

    it('the CLI keeps a backup of the previous state before each change', async () => {
      await initInProcess(t.register)
      const initial = fs.readFileSync(t.register)
      const r = await runCli(['project', 'add', ...projectFlags(), '--register', t.register])
      expect(r.code, r.stderr).to.equal(0)
      const backups = await listBackups(t.register)
      expect(backups).to.have.length(1)
      expect(fs.readFileSync(backups[0].file).equals(initial)).to.equal(true)
    })
  })

  describe('journal', () => {
    it('verifies after changes, and every change is one chained entry', async () => {
      await initInProcess(t.register)
      for (let n = 1; n <= 4; n++) await addInProcess(t.register, n)
      const data = readData(t.register)
      const lines = journalLines(t.journal).map((l) => JSON.parse(l) as JournalEntry)
      expect(lines.map((e) => e.seq)).to.deep.equal([1, 2, 3, 4, 5])
      expect(lines.map((e) => e.action)).to.deep.equal(['init', 'create', 'create', 'create', 'create'])
      expect(lines.slice(1).map((e) => e.projectId)).to.deep.equal(['2027-0001', '2027-0002', '2027-0003', '2027-0004'])
      for (let i = 1; i < lines.length; i++) expect(lines[i].prev).to.equal(lines[i - 1].hash)
      expect(data.audit.head).to.equal(lines.at(-1)!.hash)
      const v = await verifyJournal(t.journal, data.audit)
      expect(v).to.include({ok: true, entries: 5})
    })

    it('fails after one line is edited, naming the entry', async () => {
      await initInProcess(t.register)
      for (let n = 1; n <= 4; n++) await addInProcess(t.register, n)
      const lines = journalLines(t.journal)
      // quietly change the amount recorded for the third entry (seq 3, project 2027-0002)
      const entry = JSON.parse(lines[2]) as JournalEntry
      expect(entry.seq).to.equal(3)
      ;(entry.change as {totalInvestmentFen: number}).totalInvestmentFen += 100
      lines[2] = JSON.stringify(entry)
      fs.writeFileSync(t.journal, lines.join('\n') + '\n')
      const v = await verifyJournal(t.journal, readData(t.register).audit)
      expect(v.ok).to.equal(false)
      expect(v.problem).to.deep.equal({seq: 3, line: 3, code: 'audit.badHash'})
    })

    it('fails when an entry is removed from the middle', async () => {
      await initInProcess(t.register)
      for (let n = 1; n <= 3; n++) await addInProcess(t.register, n)
      const lines = journalLines(t.journal)
      lines.splice(1, 1)
      fs.writeFileSync(t.journal, lines.join('\n') + '\n')
      const v = await verifyJournal(t.journal, readData(t.register).audit)
      expect(v.ok).to.equal(false)
      expect(v.problem?.line).to.equal(2)
      expect(v.problem?.code).to.equal('audit.brokenLink')
    })

    const crashes: Array<[string, (text: string) => string]> = [
      ['the last line lost entirely', (text) => text.slice(0, text.trimEnd().lastIndexOf('\n') + 1)],
      ['the last line cut in half', (text) => {
        const start = text.trimEnd().lastIndexOf('\n') + 1
        return text.slice(0, start + Math.floor((text.length - start) / 2))
      }],
      ['the last line without its newline', (text) => text.slice(0, -1)],
    ]
    for (const [label, crash] of crashes) {
      it(`a crash after the register was written but before the journal append (${label}) is repaired by the next mutation`, async () => {
        await initInProcess(t.register)
        for (let n = 1; n <= 3; n++) await addInProcess(t.register, n)
        const full = fs.readFileSync(t.journal, 'utf8')
        fs.writeFileSync(t.journal, crash(full))
        expect(fs.readFileSync(t.journal, 'utf8')).to.not.equal(full)

        // the next mutation, through the real CLI
        const r = await runCli(['project', 'add', ...projectFlags({name: '崩溃之后'}), '--register', t.register, '--json'])
        expect(r.code, r.stderr).to.equal(0)
        expect(json<{id: string}>(r).id).to.equal('2027-0004')

        const data = readData(t.register)
        const lines = journalLines(t.journal)
        expect(lines).to.have.length(5)
        const entries = lines.map((l) => JSON.parse(l) as JournalEntry)
        expect(entries.map((e) => e.seq)).to.deep.equal([1, 2, 3, 4, 5])
        expect(entries[3].projectId).to.equal('2027-0003') // the lost entry is back, in its place
        expect(fs.readFileSync(t.journal, 'utf8').startsWith(full)).to.equal(true)
        const v = await verifyJournal(t.journal, data.audit)
        expect(v.ok, JSON.stringify(v)).to.equal(true)
        expect(v.entries).to.equal(5)
      })
    }

    it('a crash in the middle of a multi-entry append (one change journalled as several entries) is repaired', async () => {
      await initInProcess(t.register)
      await mutateRegister({file: t.register, lockTimeoutMs: 5_000, operator: 'tester', command: 'test batch'}, () => ({
        result: null,
        changes: [1, 2, 3].map((n) => ({projectId: null, action: 'test-batch', change: {n}})),
      }))
      const full = fs.readFileSync(t.journal, 'utf8')
      const lines = journalLines(t.journal)
      expect(lines).to.have.length(4)
      // keep the init entry, the first batch entry and half of the second
      const cut = lines[0].length + 1 + lines[1].length + 1 + Math.floor(lines[2].length / 2)
      fs.writeFileSync(t.journal, full.slice(0, cut))
      const audit = readData(t.register).audit
      expect(await repairJournal(t.journal, audit)).to.equal(2)
      expect(fs.readFileSync(t.journal, 'utf8')).to.equal(full)
      expect((await verifyJournal(t.journal, audit)).ok).to.equal(true)
    })

    it('repairJournal alone restores the missing entry and is idempotent', async () => {
      await initInProcess(t.register)
      await addInProcess(t.register, 1)
      const full = fs.readFileSync(t.journal, 'utf8')
      const start = full.trimEnd().lastIndexOf('\n') + 1
      fs.writeFileSync(t.journal, full.slice(0, start + 10)) // torn mid-line
      const audit = readData(t.register).audit
      const torn = await verifyJournal(t.journal, audit)
      expect(torn.ok).to.equal(false)
      expect(torn.problem?.code).to.equal('audit.badLine')
      expect(await repairJournal(t.journal, audit)).to.equal(1)
      expect(fs.readFileSync(t.journal, 'utf8')).to.equal(full)
      expect(await repairJournal(t.journal, audit)).to.equal(0)
      expect(fs.readFileSync(t.journal, 'utf8')).to.equal(full)
      expect((await verifyJournal(t.journal, audit)).ok).to.equal(true)
    })
  })

  describe('no NODE_ENV switch changes where data is stored', () => {
    const saved = process.env.NODE_ENV
    afterEach(() => {
      if (saved === undefined) delete process.env.NODE_ENV
      else process.env.NODE_ENV = saved
    })

    it('loadRegister under NODE_ENV=test reads the file on disk, and sees changes made by others', async () => {
      process.env.NODE_ENV = 'test'
      await initInProcess(t.register)
      expect((await loadRegister(t.register)).projects).to.have.length(0)
      const r = await runCli(['project', 'add', ...projectFlags(), '--register', t.register], {env: {NODE_ENV: 'test'}})
      expect(r.code, r.stderr).to.equal(0)
      expect(readData(t.register).projects).to.have.length(1) // written to disk, not to memory
      const data = await loadRegister(t.register)
      expect(data.projects.map((p) => p.id)).to.deep.equal(['2027-0001'])
      // an edit on disk is what the next read returns
      const onDisk = readData(t.register)
      onDisk.projects[0].name = '磁盘上的名称'
      await writeRegisterData(t.register, onDisk)
      expect((await loadRegister(t.register)).projects[0].name).to.equal('磁盘上的名称')
      // and an in-process mutation under NODE_ENV=test also lands on disk
      await addInProcess(t.register, 2)
      expect(readData(t.register).projects).to.have.length(2)
    })
  })

  describe('a change that reads only some years (DESIGN §17)', () => {
    it('reads the years of its projects and of the plans naming them; touching a year it did not read is refused, nothing written', async () => {
      await initInProcess(t.register)
      const data = readData(t.register)
      for (const year of [2025, 2026, 2027]) {
        data.projects.push(buildProject(`${year}-0001`, declaration({planYear: year, name: `${year}年的项目`, declaredOn: `${year - 1}-11-20`})))
        data.counters[String(year)] = 1
      }
      // the 2027 plan names the 2025 project (a 续建 line)
      data.plans.push({year: 2027, status: 'draft', included: ['2027-0001', '2025-0001'], excluded: [], approvals: [], builtOn: '2027-01-05', officeExcluded: []})
      await writeRegisterData(t.register, data)
      // 2025-0001's block, and the 2027 plan that names it — not the 2027 projects
      const scoped = await loadRegister(t.register, {projectIds: ['2025-0001']})
      expect(scoped.projects.map((p) => p.id)).to.deep.equal(['2025-0001'])
      expect(scoped.plans.map((p) => p.year)).to.deep.equal([2027])
      expect((await loadRegister(t.register, {projectIds: ['2026-0001']})).projects.map((p) => p.id)).to.deep.equal(['2026-0001'])
      expect((await loadRegister(t.register, {projectIds: []})).projects).to.deep.equal([])

      const before = snapshotDir(t.dir)
      try {
        await mutateRegister({file: t.register, lockTimeoutMs: 5_000, operator: 'tester', command: 'test', scope: {projectIds: ['2027-0001']}}, (ctx) => {
          ctx.data.projects.push(buildProject('2026-0002', declaration({planYear: 2026, name: '不该写入的项目', declaredOn: '2025-11-20'})))
          return {result: null, changes: [{projectId: '2026-0002', action: 'create', change: {}}]}
        })
        expect.fail('a year it did not read was written')
      } catch (error) {
        expect((error as {code?: string}).code).to.equal('register.scopeViolation')
      }
      // not a file, not a backup, not a pending journal entry
      expect(snapshotDir(t.dir)).to.deep.equal(before)
      expect(readData(t.register).projects.map((p) => p.id)).to.deep.equal(['2025-0001', '2026-0001', '2027-0001'])
    })
  })

  describe('a change that reads only its project’s block of 200 numbers', () => {
    /** 450 projects of 2027: three blocks (200, 200, 50) */
    async function threeBlocks(): Promise<RegisterData> {
      await initInProcess(t.register)
      const data = readData(t.register)
      for (let i = 1; i <= 450; i++) data.projects.push(buildProject(`2027-${String(i).padStart(4, '0')}`, declaration({name: `项目${i}`, declaredOn: '2026-11-20'})))
      data.counters['2027'] = 450
      await writeRegisterData(t.register, data)
      return data
    }

    it('reads that block alone; with wholeYears the year’s every block, each checked against the head', async () => {
      await threeBlocks()
      const head = JSON.parse(fs.readFileSync(t.register, 'utf8')) as {years: Record<string, {parts: Record<string, {count: number}>}>}
      expect(Object.entries(head.years['2027'].parts).map(([k, v]) => [k, v.count])).to.deep.equal([['p0', 200], ['p1', 200], ['p2', 50]])
      expect((await loadRegister(t.register, {projectIds: ['2027-0201']})).projects.map((p) => p.id)).to.have.length(200).and.include('2027-0201').and.not.include('2027-0001')
      expect((await loadRegister(t.register, {projectIds: ['2027-0201'], wholeYears: true})).projects).to.have.length(450)
      // a damaged block is no concern of a command on another block, and stops one that reads the whole year
      fs.truncateSync(fileHolding(t.register, '2027-0450'), 10)
      expect((await loadRegister(t.register, {projectIds: ['2027-0001']})).projects).to.have.length(200)
      try {
        await loadRegister(t.register, {projectIds: ['2027-0001'], wholeYears: true})
        expect.fail('a damaged block was read')
      } catch (error) {
        expect(error).to.be.instanceOf(RegisterUnreadable)
        expect((error as RegisterUnreadable).code).to.equal('register.yearHash')
      }
    })

    it('a change on one block rewrites that block alone and keeps the others by name', async () => {
      await initInProcess(t.register)
      const data = readData(t.register)
      for (let i = 1; i <= 450; i++) data.projects.push(buildProject(`2027-${String(i).padStart(4, '0')}`, declaration({name: `项目${i}`, declaredOn: '2026-11-20'})))
      data.counters['2027'] = 450
      await writeRegisterData(t.register, data)
      const before = registerFiles(t.register).map((f) => path.basename(f))
      await mutateRegister({file: t.register, lockTimeoutMs: 5_000, operator: 'tester', command: 'test', scope: {projectIds: ['2027-0300']}}, (ctx) => {
        ctx.index.require('2027-0300').summary = '只改第二块'
        return {result: null, changes: [{projectId: '2027-0300', action: 'update', change: {}}]}
      })
      const after = registerFiles(t.register).map((f) => path.basename(f))
      expect(after.filter((f) => !before.includes(f))).to.have.length(1).and.satisfy((x: string[]) => x[0].startsWith('2027.p1.'))
      const now = readData(t.register)
      expect(now.projects).to.have.length(450)
      expect(now.projects.find((p) => p.id === '2027-0300')!.summary).to.equal('只改第二块')
      expect(now.projects.map((p) => p.id)).to.deep.equal(data.projects.map((p) => p.id))
    })
  })

  describe('lock', () => {
    it('a mutation waits a bounded time for a held lock and gives up with RegisterBusy (exit 5), writing nothing', async () => {
      await initInProcess(t.register)
      const before = fs.readFileSync(t.register)
      const held = await acquireLock(t.register, 1_000)
      try {
        const started = Date.now()
        try {
          await mutateRegister({file: t.register, lockTimeoutMs: 400, operator: 'tester', command: 'test'}, (ctx) => ({result: null, changes: [{projectId: null, action: 'noop', change: ctx.data.projects.length}]}))
          expect.fail('the mutation ran while the lock was held')
        } catch (error) {
          expect(error).to.be.instanceOf(RegisterBusy)
          expect((error as RegisterBusy).exitCode).to.equal(5)
        }
        expect(Date.now() - started).to.be.within(300, 5_000)
      } finally {
        await held.release()
      }
      expect(fs.readFileSync(t.register).equals(before)).to.equal(true)
      expect(fs.existsSync(t.lock)).to.equal(false)
      // once released, the next mutation goes through
      await addInProcess(t.register, 1)
      expect(readData(t.register).projects).to.have.length(1)
      expect(path.basename(t.lock)).to.equal('register.json.lock')
    })
  })
})

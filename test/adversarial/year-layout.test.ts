// The register that grows with the years (DESIGN §17), attacked: a register written by the previous version
// migrates and verifies; a kill -9 in the middle of a commit that spans several files leaves the old state or the
// new, never a mixture; a year file edited, replaced or deleted by hand is refused (exit 6) naming it; five
// changes cost less in backups than the register; a command that reads only its project's years still sees the
// plans and evaluations of the others.
import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {json, runCli, REPO_ROOT, type CliResult} from '../helpers/cli.js'
import {copyDir, seededRandom, sha256, snapshotDir, startCli, waitUntil} from './util.js'
import {fileHolding, readRegisterData, registerFiles, writeRegisterData} from '../helpers/register-files.js'
import {buildProject, declaration} from '../helpers/build.js'
import {migrate} from '../../src/core/register/migrations.js'
import type {JournalEntry, RegisterData} from '../../src/core/domain/types.js'

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'registers', 'v2-demo')

interface Reg {
  dir: string
  register: string
  journal: string
  backups: string
  years: string
}

function regIn(dir: string): Reg {
  const register = path.join(dir, 'register.json')
  return {dir, register, journal: `${register}.audit.jsonl`, backups: `${register}.backups`, years: `${register}.years`}
}

const cli = (r: Reg, args: string[]): Promise<CliResult> => runCli([...args, '--register', r.register], {cwd: r.dir})

/** A new register made by `itplan init --year 2027` in `dir`. */
async function initIn(dir: string): Promise<Reg> {
  const r = regIn(dir)
  fs.mkdirSync(r.dir, {recursive: true})
  expect((await cli(r, ['init', '--year', '2027'])).code).to.equal(0)
  return r
}
const journal = (r: Reg): JournalEntry[] =>
  fs
    .readFileSync(r.journal, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as JournalEntry)

/** The register `init` made, given `perYear` projects in each of `years` plan years ending 2027 (its journal kept). */
async function manyYears(r: Reg, years: number, perYear: number): Promise<RegisterData> {
  const data = readRegisterData(r.register)
  for (let y = 0; y < years; y++) {
    const year = 2027 - y
    for (let i = 1; i <= perYear; i++) {
      const id = `${year}-${String(i).padStart(4, '0')}`
      data.projects.push(buildProject(id, declaration({planYear: year, name: `第${year}年项目${i}`, unit: i % 2 ? '市公安局' : '市教育局', declaredOn: `${year - 1}-11-20`})))
    }
    data.counters[String(year)] = perYear
  }
  await writeRegisterData(r.register, data)
  return data
}

describe('adversarial: the register in one file per year', function () {
  this.timeout(300_000)
  let work: string
  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'itplan-adv-years-'))
  })
  after(() => fs.rmSync(work, {recursive: true, force: true}))

  describe('a register written by the previous version (v2-demo, from `npm run demo` at 11ec331)', () => {
    it('reads as it is; its first change moves it to one file per year, journalled, the old file kept as a backup, and it verifies', async () => {
      const r = regIn(path.join(work, 'migrate'))
      copyDir(FIXTURE, r.dir)
      const oldBytes = fs.readFileSync(r.register)
      const old = migrate(JSON.parse(oldBytes.toString('utf8'))) as RegisterData
      // read-only commands read the single file as it is, and write nothing
      const before = snapshotDir(r.dir)
      const listed = await cli(r, ['project', 'list', '--json'])
      expect(listed.code, listed.stderr).to.equal(0)
      expect(json<Array<{id: string}>>(listed).map((p) => p.id)).to.deep.equal(old.projects.map((p) => p.id))
      expect((await cli(r, ['audit', 'verify'])).code).to.equal(0)
      expect(snapshotDir(r.dir)).to.deep.equal(before)

      const id = old.projects[0].id
      const changed = await cli(r, ['project', 'show', id, '--json'])
      expect(changed.code, changed.stderr).to.equal(0)
      const upd = await cli(r, ['unit', 'suspend', '市测试局', '--reason', '迁移后的第一次修改'])
      expect(upd.code, upd.stdout + upd.stderr).to.equal(0)

      // the head names its years; the data is exactly what the old file held
      const head = JSON.parse(fs.readFileSync(r.register, 'utf8')) as {schemaVersion: number; years: Record<string, unknown>; projects?: unknown}
      expect(head.schemaVersion).to.equal(3)
      expect(head.projects).to.equal(undefined)
      expect(Object.keys(head.years)).to.deep.equal(['2027'])
      const now = readRegisterData(r.register)
      expect(now.projects).to.deep.equal(old.projects)
      expect(now.plans).to.deep.equal(old.plans)
      expect(now.systems).to.deep.equal(old.systems)
      expect(now.counters).to.deep.equal(old.counters)

      // journalled: the move, then the change; the old single file is a backup, byte for byte
      const entries = journal(r)
      expect(entries.slice(-2).map((e) => e.action)).to.deep.equal(['register-layout', 'unit-suspend'])
      expect(entries.at(-2)!.change).to.deep.include({layout: 'years', projects: old.projects.length, plans: old.plans.length})
      const backups = json<Array<{id: string}>>(await cli(r, ['backup', 'list', '--json'])).map((b) => ({...b, file: path.join(r.backups, `${b.id}.json`)}))
      expect(backups.some((b) => fs.readFileSync(b.file).equals(oldBytes)), 'the old file kept as a backup').to.equal(true)
      const log = await cli(r, ['audit', 'log', '--json'])
      expect(log.code).to.equal(0)
      const verify = await cli(r, ['audit', 'verify'])
      expect(verify.code, verify.stdout + verify.stderr).to.equal(0)
      const doctor = json<{checks: Array<{name: string; status: string; code: string}>}>(await cli(r, ['doctor', '--json'])).checks
      expect(doctor.filter((c) => c.status === 'fail'), JSON.stringify(doctor)).to.deep.equal([])
      expect(doctor.map((c) => c.code)).to.include('doctor.yearFilesOk')

      // the backup of the old file restores (a single file again), and the next change moves it once more
      const oldBackup = backups.find((b) => fs.readFileSync(b.file).equals(oldBytes))!
      const restored = await cli(r, ['backup', 'restore', oldBackup.id, '--confirm', oldBackup.id, '--json'])
      expect(restored.code, restored.stdout + restored.stderr).to.equal(0)
      expect(readRegisterData(r.register).projects).to.deep.equal(old.projects)
      expect(readRegisterData(r.register).units.map((u) => u.name)).to.not.include('市测试局')
      expect((await cli(r, ['audit', 'verify'])).code).to.equal(0)
    })

    it('a single file of several years migrates into one entry per year, each project and plan where it belongs', async () => {
      const r = await initIn(path.join(work, 'migrate-years'))
      const data = readRegisterData(r.register)
      for (const year of [2025, 2026, 2027]) {
        for (let i = 1; i <= 3; i++) data.projects.push(buildProject(`${year}-${String(i).padStart(4, '0')}`, declaration({planYear: year, name: `${year}年项目${i}`, declaredOn: `${year - 1}-11-20`})))
        data.counters[String(year)] = 3
      }
      // as the previous version wrote it: one file, version 2, the journal's head inside
      fs.writeFileSync(r.register, JSON.stringify({...data, schemaVersion: 2}))
      expect((await cli(r, ['project', 'update', '2026-0002', '--summary', '迁移时修改的项目'])).code).to.equal(0)
      const head = JSON.parse(fs.readFileSync(r.register, 'utf8')) as {years: Record<string, {parts: Record<string, {count: number}>}>}
      expect(Object.keys(head.years)).to.deep.equal(['2025', '2026', '2027'])
      for (const y of Object.values(head.years)) expect(y.parts.p0.count).to.equal(3)
      const now = readRegisterData(r.register)
      expect(now.projects.map((p) => p.id)).to.deep.equal(data.projects.map((p) => p.id))
      expect(now.projects.find((p) => p.id === '2026-0002')!.summary).to.equal('迁移时修改的项目')
      expect(journal(r).slice(-2).map((e) => e.action)).to.deep.equal(['register-layout', 'update'])
      expect((await cli(r, ['audit', 'verify'])).code).to.equal(0)
    })
  })

  describe('kill -9 in the middle of a commit that spans files', () => {
    it('every run ends in the old state or the new, whole; verify, doctor and the next change are fine, and no stray file outlives the next change', async () => {
      const template = await initIn(path.join(work, 'kill-template'))
      await manyYears(template, 3, 1500)
      // a threshold change re-routes every open project of the three years: one commit rewriting ~24 files
      expect((await cli(template, ['config', 'set', 'approval-standard', '200万'])).code).to.equal(0)
      const oldHead = sha256(template.register)
      const oldProjects = readRegisterData(template.register).projects.map((p) => p.routing.rulesVersion)
      const random = seededRandom('year-layout-kill')
      const outcomes: string[] = []
      for (let i = 0; i < 6; i++) {
        const r = regIn(path.join(work, `kill-${i}`))
        copyDir(template.dir, r.dir)
        const filesBefore = fs.readdirSync(r.years).length
        const run = startCli(['project', 'route', '--register', r.register], {cwd: r.dir})
        let exited = false
        void run.done.then(() => (exited = true))
        // half the runs: as soon as the first new year file is there; the others a little later, between files
        await waitUntil(() => fs.readdirSync(r.years).filter((n) => !n.startsWith('.')).length > filesBefore, 60_000, () => exited)
        if (i % 2) await new Promise((resolve) => setTimeout(resolve, random() * 40))
        run.child.kill('SIGKILL')
        const result = await run.done
        const data = readRegisterData(r.register)
        const versions = new Set(data.projects.map((p) => p.routing.rulesVersion))
        const old = sha256(r.register) === oldHead
        if (old) expect(data.projects.map((p) => p.routing.rulesVersion), `run ${i}: the old state`).to.deep.equal(oldProjects)
        else expect(versions.size, `run ${i}: the new state, whole (exit ${result.code})`).to.equal(1)
        outcomes.push(old ? 'old' : 'new')
        const next = await cli(r, ['project', 'add', '--unit', '市测试局', '--name', `崩溃后的项目${i}`, '--nature', '新建', '--category', '业务系统', '--procurement-category', '服务', '--total', '30万', '--fiscal', '30万', '--declared-on', '2026-11-20'])
        expect(next.code, `run ${i}: ${next.stderr}`).to.equal(0)
        const verify = await cli(r, ['audit', 'verify'])
        expect(verify.code, `run ${i}: ${verify.stdout}${verify.stderr}`).to.equal(0)
        const doctor = json<{checks: Array<{name: string; status: string; code: string}>}>(await cli(r, ['doctor', '--json'])).checks
        expect(doctor.filter((c) => c.status === 'fail'), `run ${i}`).to.deep.equal([])
        expect(doctor.map((c) => c.code), `run ${i}: no stray year file after the next change`).to.not.include('doctor.yearFilesUnreferenced')
        expect(fs.readdirSync(r.years).filter((n) => n.startsWith('.')), `run ${i}: no temp file`).to.deep.equal([])
      }
      expect(outcomes, 'the kills landed before the head was renamed at least once').to.include('old')
    })
  })

  describe('a year file changed outside the tool', () => {
    let r: Reg
    beforeEach(async () => {
      r = await initIn(fs.mkdtempSync(path.join(work, 'tamper-')))
      await manyYears(r, 2, 5)
    })

    const attacks: Array<[string, (file: string) => void, string]> = [
      ['edited by hand (a total changed)', (f) => fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('"totalInvestmentFen":', '"totalInvestmentFen":1')), '校验值不符'],
      ['deleted', (f) => fs.rmSync(f), '缺少'],
      ['replaced by another year’s file', (f) => fs.copyFileSync(fileHolding(r.register, '2027-0001'), f), '校验值不符'],
      ['cut short (a torn copy)', (f) => fs.truncateSync(f, 100), '校验值不符'],
    ]
    for (const [label, attack, words] of attacks) {
      it(`${label}: exit 6 naming the file, for show, update, list and doctor; nothing written`, async () => {
        const file = fileHolding(r.register, '2026-0003')
        attack(file)
        const before = snapshotDir(r.dir)
        for (const args of [['project', 'show', '2026-0003'], ['project', 'update', '2026-0003', '--summary', '篡改之后'], ['project', 'list'], ['review', 'list']]) {
          const res = await cli(r, args)
          expect(res.code, `${args.join(' ')}: ${res.stderr}`).to.equal(6)
          expect(res.stderr).to.include(path.basename(file)).and.include(words).and.include('2026')
          expect(res.stderr).to.not.match(/\n\s+at /)
        }
        const doctor = await cli(r, ['doctor', '--json'])
        const checks = json<{checks: Array<{name: string; status: string; code: string}>}>(doctor).checks
        expect(checks.find((c) => c.name === 'register')).to.deep.include({status: 'fail'})
        expect(snapshotDir(r.dir)).to.deep.equal(before)
      })
    }

    it('a year the command does not read is not its concern: a 2027 project is shown and changed while a 2026 file is damaged', async () => {
      fs.rmSync(fileHolding(r.register, '2026-0001'))
      expect((await cli(r, ['project', 'show', '2027-0001'])).code).to.equal(0)
      expect((await cli(r, ['project', 'update', '2027-0001', '--summary', '只动2027年'])).code).to.equal(0)
      // and the damaged year is still named by every command that reads it
      expect((await cli(r, ['project', 'list'])).code).to.equal(6)
    })
  })

  describe('a command that reads only the years of its project', () => {
    it("project update still weighs the unit's last evaluation, held in a year it did not read (Art. 17, 20)", async () => {
      const r = await initIn(path.join(work, 'scoped-evaluation'))
      const data = readRegisterData(r.register)
      const old = buildProject('2025-0001', declaration({planYear: 2025, unit: '市公安局', name: '往年已评价的项目', declaredOn: '2024-11-20'}))
      old.status = 'filed'
      old.evaluations = [{date: '2026-10-10', score: 55, grade: '差'}]
      const fresh = buildProject('2027-0001', declaration({planYear: 2027, unit: '市公安局', name: '本年申报的项目', declaredOn: '2026-11-20'}), {ctx: {weakPerformance: true}})
      expect(fresh.flags).to.include('weak-performance')
      data.projects.push(old, fresh)
      data.counters = {'2025': 1, '2027': 1}
      await writeRegisterData(r.register, data)
      const updated = await cli(r, ['project', 'update', '2027-0001', '--summary', '只改了概述', '--json'])
      expect(updated.code, updated.stderr).to.equal(0)
      expect(json<{flags: string[]}>(updated).flags).to.include('weak-performance')
      expect(readRegisterData(r.register).projects.find((p) => p.id === '2027-0001')!.flags).to.include('weak-performance')
      // a later good evaluation of the unit, in yet another year, lifts it at the next change
      const later = readRegisterData(r.register)
      const good = buildProject('2026-0001', declaration({planYear: 2026, unit: '市公安局', name: '去年评价良好的项目', declaredOn: '2025-11-20'}))
      good.status = 'filed'
      good.evaluations = [{date: '2026-11-15', score: 92, grade: '优'}]
      later.projects.push(good)
      later.counters['2026'] = 1
      await writeRegisterData(r.register, later)
      const again = await cli(r, ['project', 'update', '2027-0001', '--summary', '又改了概述', '--json'])
      expect(again.code, again.stderr).to.equal(0)
      expect(json<{flags: string[]}>(again).flags).to.not.include('weak-performance')
    })
  })

  describe('what five changes cost', () => {
    it('the backups and the history they keep take no more than the register after five changes', async () => {
      const r = await initIn(path.join(work, 'five'))
      await manyYears(r, 5, 400)
      for (let i = 0; i < 5; i++) expect((await cli(r, ['project', 'update', `${2027 - i}-0001`, '--summary', `第${i + 1}次修改`])).code).to.equal(0)
      const current = new Set(registerFiles(r.register).map((f) => path.basename(f)))
      let register = fs.statSync(r.register).size
      let kept = 0
      for (const name of fs.readdirSync(r.years)) {
        const bytes = fs.statSync(path.join(r.years, name)).size
        if (current.has(name)) register += bytes
        else kept += bytes
      }
      const backups = fs.readdirSync(r.backups).reduce((sum, n) => sum + fs.statSync(path.join(r.backups, n)).size, 0)
      expect(backups + kept, `backups ${backups} + kept year files ${kept} vs the register ${register}`).to.be.at.most(register)
      // and each of those backups restores the register as it was
      const list = json<Array<{id: string}>>(await cli(r, ['backup', 'list', '--json']))
      const first = list[0].id
      expect((await cli(r, ['backup', 'restore', first, '--confirm', first])).code).to.equal(0)
      expect(readRegisterData(r.register).projects.filter((p) => p.summary.startsWith('第'))).to.have.length(0)
      expect((await cli(r, ['audit', 'verify'])).code).to.equal(0)
    })
  })
})

// kill -9 at random moments: during a 5,000-row import (which takes the lock, backs up, writes the register
// atomically and appends 5,000 journal entries) and during a plan export of 5,000 projects. After every kill the
// register is whole — exactly the old state or exactly the new one — readable, and its journal verifies once the
// next command has run; a lock left by the dead writer holds the next one up for at most ~10 s; an export killed
// midway never leaves a half-written workbook under its final name.
import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import {initRegister, json, projectFlags, runCli, type CliResult} from '../helpers/cli.js'
import {writeLargeDeclaration} from './corpus.js'
import {copyDir, inode, seededRandom, sha256, startCli, waitForPath, waitUntil, type Running} from './util.js'
import {verifyJournal} from '../../src/core/register/journal.js'
import type {RegisterData} from '../../src/core/domain/types.js'
import {readRegisterData} from '../helpers/register-files.js'

const ROWS = 5_000
const IMPORT_KILLS = 10
const EXPORT_KILLS = 8
/** proper-lockfile's stale time in src/core/register/lock.ts is 10 s; the next writer must get through well within this */
const NEXT_COMMAND_BOUND_MS = 15_000

interface RegisterFiles {
  dir: string
  register: string
  journal: string
  backups: string
  lock: string
}

function filesIn(dir: string): RegisterFiles {
  const register = path.join(dir, 'register.json')
  return {dir, register, journal: path.join(dir, 'register.json.audit.jsonl'), backups: path.join(dir, 'register.json.backups'), lock: `${register}.lock`}
}

/** The head and every year file it names (throws on a torn or missing file: the test fails there). */
function readRegister(file: string): RegisterData {
  return readRegisterData(file)
}

describe('adversarial: kill -9 at random moments', function () {
  this.timeout(300_000)
  let work: string
  let big: string
  let template: RegisterFiles
  let templateBytes: string
  let importMs = 0
  let lockToExitMs = 0
  const random = seededRandom('crash')

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'itplan-adv-crash-'))
    big = path.join(work, 'declarations-5000.xlsx')
    await writeLargeDeclaration(big, ROWS)
    template = filesIn(path.join(work, 'template'))
    fs.mkdirSync(template.dir)
    await initRegister(template.dir, 2027)
    const add = await runCli(['project', 'add', ...projectFlags({name: '崩溃前的项目'}), '--register', template.register])
    expect(add.code, add.stderr).to.equal(0)
    templateBytes = sha256(template.register)!

    // calibration: one uninterrupted import, timing when the lock is taken and when the process ends
    const cal = filesIn(path.join(work, 'calibration'))
    copyDir(template.dir, cal.dir)
    const run = startCli(['import', big, '--received-on', '2026-11-25', '--register', cal.register])
    await waitForPath(cal.lock, 60_000)
    const locked = Date.now()
    const r = await run.done
    expect(r.code, r.stdout + r.stderr).to.equal(0)
    importMs = r.ms
    lockToExitMs = Date.now() - locked
    expect(readRegister(cal.register).projects).to.have.length(ROWS + 1)
  })
  after(() => fs.rmSync(work, {recursive: true, force: true}))

  it(`import of ${ROWS} rows killed ${IMPORT_KILLS} times: old or new state, never torn; verify, doctor and the next writer all fine`, async () => {
    const outcomes: string[] = []
    const pending: Array<{i: number; files: RegisterFiles; projects: number; next: Promise<CliResult>; lockLeft: boolean}> = []
    for (let i = 0; i < IMPORT_KILLS; i++) {
      const files = filesIn(path.join(work, `import-${i}`))
      copyDir(template.dir, files.dir)
      const run: Running = startCli(['import', big, '--received-on', '2026-11-25', '--register', files.register])
      let exited = false
      void run.done.then(() => (exited = true))
      // Four kinds of moment, in turn: anywhere in the run; while the register is locked; once the backup is taken
      // (the register is being written: temp file, fsync, rename); just after the rename (the journal append).
      const ino = inode(files.register)
      const backupsBefore = fs.readdirSync(files.backups).length
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
      const kind = i % 4
      if (kind === 0) await pause(30 + random() * importMs * 1.05)
      else if (kind === 1) {
        if (await waitForPath(files.lock, 60_000, () => exited)) await pause(random() * lockToExitMs * 1.1)
      } else if (kind === 2) {
        if (await waitUntil(() => fs.readdirSync(files.backups).length > backupsBefore, 60_000, () => exited)) await pause(random() * lockToExitMs * 0.5)
      } else if (await waitUntil(() => inode(files.register) !== ino, 60_000, () => exited)) await pause(random() * 15)
      run.child.kill('SIGKILL')
      const result = await run.done

      // whole: valid JSON, exactly the old bytes or the complete new state
      const data = readRegister(files.register)
      const old = data.projects.length === 1
      if (old) expect(sha256(files.register), `run ${i}: the old state, byte for byte`).to.equal(templateBytes)
      else {
        expect(data.projects, `run ${i}: the new state, complete`).to.have.length(ROWS + 1)
        expect(new Set(data.projects.map((p) => p.id)).size).to.equal(ROWS + 1)
        expect(data.projects.filter((p) => p.name.startsWith('stress-'))).to.have.length(ROWS)
      }
      // every backup kept is a whole register: its head, and every year file it names, still there
      for (const b of fs.readdirSync(files.backups).filter((n) => n.endsWith('.json'))) {
        expect(() => readRegisterData(path.join(files.backups, b), files.register), `run ${i}: backup ${b}`).to.not.throw()
      }
      // verify alone accepts entries committed in the register but not yet appended; only a torn last line
      // (killed in the middle of the append) waits for the next command's repair
      const journalText = fs.readFileSync(files.journal, 'utf8')
      const verifiedNow = await verifyJournal(files.journal, data.audit)
      if (!verifiedNow.ok) {
        expect(journalText.endsWith('\n'), `run ${i}: verify fails (${JSON.stringify(verifiedNow.problem)}) without a torn tail`).to.equal(false)
        expect(verifiedNow.problem?.code).to.equal('audit.badLine')
      }
      // doctor never calls the register broken
      const doctor = await runCli(['doctor', '--json', '--register', files.register])
      const checks = json<{checks: Array<{name: string; status: string; code: string}>}>(doctor).checks
      expect(checks.find((c) => c.name === 'register')!.status, `run ${i}: ${doctor.stdout}`).to.equal('ok')

      const lockLeft = fs.existsSync(files.lock)
      outcomes.push(`[${['anywhere', 'locked', 'writing', 'after rename'][kind]}] ${result.signal === 'SIGKILL' ? 'killed' : `exit ${result.code}`} at ${result.ms} ms → ${old ? 'old' : 'new'}${lockLeft ? ', lock left' : ''}${journalText.endsWith('\n') ? '' : ', torn journal'}, journal ${journalText.split('\n').filter((l) => l !== '').length}/${data.audit.seq} lines${verifiedNow.ok ? '' : ', verify waits for repair'}`)
      // the next mutating command, started now (not awaited, so the stale-lock waits of all runs overlap)
      pending.push({
        i,
        files,
        projects: data.projects.length,
        lockLeft,
        next: runCli(['config', 'set', 'time-limit.fiscal-review', String(11 + i), '--lock-timeout', '60', '--register', files.register], {timeoutMs: 90_000}),
      })
    }

    const waits: number[] = []
    for (const p of pending) {
      const next = await p.next
      expect(next.code, `run ${p.i}: the next command after the kill: ${next.stderr}`).to.equal(0)
      expect(next.ms, `run ${p.i}: held up by the dead writer's lock`).to.be.below(NEXT_COMMAND_BOUND_MS)
      waits.push(next.ms)
      const data = readRegister(p.files.register)
      expect(data.projects, `run ${p.i}`).to.have.length(p.projects)
      expect(data.rules.timeLimits['fiscal-review']).to.equal(11 + p.i)
      expect(fs.existsSync(p.files.lock), `run ${p.i}: lock released`).to.equal(false)
      const verify = await runCli(['audit', 'verify', '--register', p.files.register])
      expect(verify.code, `run ${p.i}: audit verify after the next command: ${verify.stdout}${verify.stderr}`).to.equal(0)
      // the journal has exactly the register's entries, one per line
      const lines = fs.readFileSync(p.files.journal, 'utf8').split('\n').filter((l) => l !== '')
      expect(lines, `run ${p.i}`).to.have.length(data.audit.seq)
    }
    console.log(`      import ${importMs} ms (lock held ${lockToExitMs} ms); kills:\n${outcomes.map((o, i) => `        ${i}: ${o}`).join('\n')}\n      next command waited ${waits.join(', ')} ms`)
  })

  it(`plan export of ${ROWS} projects killed ${EXPORT_KILLS} times: never a half-written workbook under the final name, register untouched`, async () => {
    const files = filesIn(path.join(work, 'export'))
    copyDir(path.join(work, 'calibration'), files.dir)
    const build = await runCli(['plan', 'build', '--year', '2027', '--json', '--register', files.register], {timeoutMs: 120_000})
    expect(build.code, build.stderr).to.equal(0)
    expect(json<{included: string[]}>(build).included).to.have.length(ROWS + 1)
    const outDir = path.join(work, 'exports')
    fs.mkdirSync(outDir)
    const registerBytes = sha256(files.register)
    const journalBytes = sha256(files.journal)

    // calibration: a whole export
    const whole = await runCli(['plan', 'export', '--year', '2027', '--out', path.join(outDir, 'whole.xlsx'), '--register', files.register], {timeoutMs: 120_000})
    expect(whole.code, whole.stderr).to.equal(0)
    const exportMs = whole.ms
    const rowsOf = async (file: string) => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(file)
      return wb.worksheets[0].rowCount
    }
    const wholeRows = await rowsOf(path.join(outDir, 'whole.xlsx'))
    expect(wholeRows).to.be.above(ROWS)

    const outcomes: string[] = []
    for (let i = 0; i < EXPORT_KILLS; i++) {
      const target = path.join(outDir, `plan-${i}.xlsx`)
      const run = startCli(['plan', 'export', '--year', '2027', '--out', target, '--register', files.register])
      let exited = false
      void run.done.then(() => (exited = true))
      // even runs: anywhere after start-up; odd runs: once the temp workbook exists (rows being streamed out)
      if (i % 2 === 0) await new Promise((resolve) => setTimeout(resolve, exportMs * (0.2 + random() * 0.85)))
      else if (await waitUntil(() => fs.readdirSync(outDir).some((n) => n.startsWith(`.plan-${i}.xlsx.`)), 60_000, () => exited)) {
        await new Promise((resolve) => setTimeout(resolve, random() * exportMs * 0.5))
      }
      run.child.kill('SIGKILL')
      const result = await run.done
      if (fs.existsSync(target)) {
        // only ever a complete workbook under the final name
        expect(await rowsOf(target), `run ${i}: ${target}`).to.equal(wholeRows)
        outcomes.push(`${result.signal ?? result.code} at ${result.ms} ms → complete file`)
      } else outcomes.push(`${result.signal ?? result.code} at ${result.ms} ms → no file`)
      expect(sha256(files.register), `run ${i}: register`).to.equal(registerBytes)
      expect(sha256(files.journal), `run ${i}: journal`).to.equal(journalBytes)
      expect(fs.existsSync(files.lock), `run ${i}: an export takes no lock`).to.equal(false)
    }
    // whatever a killed export left behind is a hidden temp file beside the target, never a workbook name
    const leftovers = fs.readdirSync(outDir).filter((n) => !/^(whole|plan-\d+)\.xlsx$/.test(n))
    for (const n of leftovers) expect(n, 'leftover of a killed export').to.match(/^\..*\.tmp$/)

    const next = await runCli(['config', 'set', 'time-limit.fiscal-review', '16', '--lock-timeout', '60', '--register', files.register], {timeoutMs: 90_000})
    expect(next.code, next.stderr).to.equal(0)
    expect(next.ms).to.be.below(NEXT_COMMAND_BOUND_MS)
    const verify = await runCli(['audit', 'verify', '--register', files.register])
    expect(verify.code, verify.stdout + verify.stderr).to.equal(0)
    const doctor = await runCli(['doctor', '--json', '--register', files.register])
    expect(json<{checks: Array<{status: string}>}>(doctor).checks.filter((c) => c.status === 'fail')).to.deep.equal([])
    console.log(`      export ${exportMs} ms; kills:\n${outcomes.map((o, i) => `        ${i}: ${o}`).join('\n')}\n      temp files left by killed exports: ${leftovers.length}`)
  })
})

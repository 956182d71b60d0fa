// The tools a clerk reaches for when something has gone wrong: `audit verify` on a journal someone has edited,
// `doctor` on every kind of damage, `backup list` and `backup restore` (confirmed, journalled, itself backed up,
// and able to bring back a register whose file is garbage).
import {expect} from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {initRegister, json, projectFlags, runCli, type CliResult} from '../helpers/cli.js'
import {copyDir, HAN, holdLock, journalLines, sha256, snapshotDir, STACK_LINE} from './util.js'
import {hashEntry} from '../../src/core/register/journal.js'
import type {JournalEntry} from '../../src/core/domain/types.js'
import {editHead, readRegisterData} from '../helpers/register-files.js'

interface Files {
  dir: string
  register: string
  journal: string
  backups: string
  lock: string
}

function filesIn(dir: string): Files {
  const register = path.join(dir, 'register.json')
  return {dir, register, journal: path.join(dir, 'register.json.audit.jsonl'), backups: path.join(dir, 'register.json.backups'), lock: `${register}.lock`}
}

interface DoctorJson {
  checks: Array<{name: string; status: 'ok' | 'warn' | 'fail'; code: string; message: string}>
}

function check(r: CliResult, name: string) {
  const c = json<DoctorJson>(r).checks.find((x) => x.name === name)
  expect(c, `doctor has no ${name} check: ${r.stdout}`).to.not.equal(undefined)
  return c!
}

const readData = (file: string) => readRegisterData(file)
const writeLines = (file: string, lines: string[]) => fs.writeFileSync(file, lines.map((l) => l + '\n').join(''))

describe('adversarial: recovery — audit verify, doctor, backups', function () {
  this.timeout(120_000)
  let work: string
  /** init, four project adds, a config change: six journal entries, five backups */
  let base: Files
  let n = 0
  const fresh = (): Files => {
    const f = filesIn(path.join(work, `copy-${n++}`))
    copyDir(base.dir, f.dir)
    return f
  }

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'itplan-adv-recovery-'))
    base = filesIn(path.join(work, 'base'))
    fs.mkdirSync(base.dir)
    await initRegister(base.dir, 2027)
    for (const name of ['恢复项目一', '恢复项目二', '恢复项目三', '恢复项目四']) {
      const r = await runCli(['project', 'add', ...projectFlags({name}), '--register', base.register])
      expect(r.code, r.stderr).to.equal(0)
    }
    const r = await runCli(['config', 'set', 'time-limit.fiscal-review', '15', '--register', base.register])
    expect(r.code, r.stderr).to.equal(0)
    expect(journalLines(base.journal)).to.have.length(6)
  })
  after(() => fs.rmSync(work, {recursive: true, force: true}))

  describe('audit verify on a tampered journal → exit 6 naming the first bad entry', () => {
    async function verifyTampered(tamper: (lines: string[], f: Files) => string[] | void): Promise<{text: CliResult; json: CliResult; f: Files}> {
      const f = fresh()
      const lines = journalLines(f.journal)
      const out = tamper(lines, f)
      if (out) writeLines(f.journal, out)
      const registerBefore = sha256(f.register)
      const journalBefore = sha256(f.journal)
      const [text, js] = await Promise.all([runCli(['audit', 'verify', '--register', f.register]), runCli(['audit', 'verify', '--json', '--register', f.register])])
      for (const r of [text, js]) {
        expect(r.code, r.stdout + r.stderr).to.equal(6)
        expect(r.stdout + r.stderr).to.not.match(STACK_LINE)
      }
      expect(text.stderr).to.match(HAN)
      expect(text.stderr).to.include(f.journal)
      expect(json<{error: {exitCode: number}}>(js).error.exitCode).to.equal(6)
      // verifying changes nothing
      expect(sha256(f.register)).to.equal(registerBefore)
      expect(sha256(f.journal)).to.equal(journalBefore)
      return {text, json: js, f}
    }
    const problem = (r: CliResult) => json<{problem: {seq: number | null; line: number | null; code: string}}>(r).problem

    it('a field edited in the middle (operator of entry 3) → audit.badHash at seq 3, line 3', async () => {
      const {text, json: js} = await verifyTampered((lines) => {
        const e = JSON.parse(lines[2]) as JournalEntry
        lines[2] = JSON.stringify({...e, operator: 'mallory'})
        return lines
      })
      expect(problem(js)).to.deep.equal({seq: 3, line: 3, code: 'audit.badHash'})
      expect(text.stderr).to.include('第 3 条记录（第 3 行）')
    })

    it('an amount edited and the entry re-hashed → the next entry no longer links: audit.brokenLink at seq 4, line 4', async () => {
      const {text, json: js} = await verifyTampered((lines) => {
        const {hash: _old, ...body} = JSON.parse(lines[2]) as JournalEntry
        const edited = {...body, change: {...(body.change as object), totalInvestmentFen: 1}}
        lines[2] = JSON.stringify({...edited, hash: hashEntry(edited)})
        return lines
      })
      expect(problem(js)).to.deep.equal({seq: 4, line: 4, code: 'audit.brokenLink'})
      expect(text.stderr).to.include('第 4 条记录（第 4 行）')
    })

    it('a line deleted (entry 3) → audit.brokenLink at seq 4, now on line 3', async () => {
      const {text, json: js} = await verifyTampered((lines) => [...lines.slice(0, 2), ...lines.slice(3)])
      expect(problem(js)).to.deep.equal({seq: 4, line: 3, code: 'audit.brokenLink'})
      expect(text.stderr).to.include('第 4 条记录（第 3 行）')
    })

    it('two lines swapped (entries 3 and 4) → audit.brokenLink at seq 4, line 3', async () => {
      const {text, json: js} = await verifyTampered((lines) => [lines[0], lines[1], lines[3], lines[2], ...lines.slice(4)])
      expect(problem(js)).to.deep.equal({seq: 4, line: 3, code: 'audit.brokenLink'})
      expect(text.stderr).to.include('第 4 条记录（第 3 行）')
    })

    it('a foreign line inserted (not JSON) → audit.badLine at line 3', async () => {
      const {text, json: js} = await verifyTampered((lines) => [lines[0], lines[1], '{"seq": 3, "note": "插入的', ...lines.slice(2)])
      expect(problem(js)).to.include({line: 3, code: 'audit.badLine'})
      expect(text.stderr).to.include('第 3 行')
    })

    it('the tail truncated (last two entries gone) → audit.truncated, naming where the entries go missing', async () => {
      const {text, json: js} = await verifyTampered((lines) => lines.slice(0, 4))
      expect(problem(js).code).to.equal('audit.truncated')
      expect(text.stderr).to.include('缺失')
    })

    // Regression (fixed): a truncated journal is reported with two hashes only 「日志末尾（ab12…）与登记簿记录的最新哈希（cd34…）不一致」:
    // the message never says which entry is the first one missing, though the issue asks for exit 6 "naming the
    // first bad entry" (verifyJournal returns problem {seq: null, line: null} for audit.headMismatch). Repro: in a
    // register with six journal entries, delete the last two lines of register.audit.jsonl; `itplan audit verify`
    // → exit 6, no entry number. Expected e.g. 「日志只到第 4 条，登记簿记录到第 6 条（缺第 5 条起）」.
    it('the tail truncated → the message names where the journal stops (entry 4) or the first missing entry (5)', async () => {
      const {text} = await verifyTampered((lines) => lines.slice(0, 4))
      expect(text.stderr).to.match(/第 ?[45] ?条/)
    })

    it('the whole chain rewritten consistently after an edit → the register head still catches it (audit.headMismatch)', async () => {
      const {json: js} = await verifyTampered((lines) => {
        let prev: string | null = null
        return lines.map((l, i) => {
          const {hash: _h, ...body} = JSON.parse(l) as JournalEntry
          const edited = {...body, prev, operator: i === 2 ? 'mallory' : body.operator}
          const hash = hashEntry(edited)
          prev = hash
          return JSON.stringify({...edited, hash})
        })
      })
      expect(problem(js).code).to.equal('audit.headMismatch')
    })

    it("the register's recorded head edited → audit.headMismatch", async () => {
      const {json: js} = await verifyTampered((_lines, f) => {
        editHead(f.register, (head) => ((head.audit as {head: string}).head = 'f'.repeat(64)))
      })
      expect(problem(js).code).to.equal('audit.headMismatch')
    })

    it('a torn last line (a crash mid-append) fails verify at that line, and the next mutating command repairs it', async () => {
      const f = fresh()
      const text = fs.readFileSync(f.journal, 'utf8')
      fs.writeFileSync(f.journal, text.slice(0, text.length - 40))
      const before = await runCli(['audit', 'verify', '--json', '--register', f.register])
      expect(before.code).to.equal(6)
      expect(problem(before)).to.include({line: 6, code: 'audit.badLine'})
      const next = await runCli(['project', 'add', ...projectFlags({name: '修复后的项目'}), '--register', f.register])
      expect(next.code, next.stderr).to.equal(0)
      const after = await runCli(['audit', 'verify', '--register', f.register])
      expect(after.code, after.stdout + after.stderr).to.equal(0)
      expect(journalLines(f.journal)).to.have.length(7)
    })
  })

  describe('the pending journal file (register.audit.pending.jsonl: the entries of the last commit)', () => {
    const pendingOf = (f: Files) => f.journal.replace(/\.jsonl$/, '.pending.jsonl')

    it('a crash between the register rename and the journal append: verify accepts the pending entry, the next command appends it', async () => {
      const f = fresh()
      const lines = journalLines(f.journal)
      expect(journalLines(pendingOf(f)), 'the pending file holds the last commit').to.deep.equal([lines.at(-1)])
      writeLines(f.journal, lines.slice(0, -1))
      const verify = await runCli(['audit', 'verify', '--register', f.register])
      expect(verify.code, verify.stdout + verify.stderr).to.equal(0)
      const doc = await runCli(['doctor', '--json', '--register', f.register])
      expect(check(doc, 'journal').status).to.equal('ok')
      const next = await runCli(['project', 'add', ...projectFlags({name: '补记之后'}), '--register', f.register])
      expect(next.code, next.stderr).to.equal(0)
      const after = journalLines(f.journal)
      expect(after).to.have.length(7)
      expect(after[5]).to.equal(lines[5])
      expect((await runCli(['audit', 'verify', '--register', f.register])).code).to.equal(0)
    })

    it('the last entry cut from the journal and a doctored copy left in the pending file → exit 6, and the next command does not append the forgery', async () => {
      const f = fresh()
      const lines = journalLines(f.journal)
      const {hash: _h, ...body} = JSON.parse(lines.at(-1)!) as JournalEntry
      const forged = {...body, operator: 'mallory'}
      writeLines(pendingOf(f), [JSON.stringify({...forged, hash: hashEntry(forged)})])
      writeLines(f.journal, lines.slice(0, -1))
      const verify = await runCli(['audit', 'verify', '--json', '--register', f.register])
      expect(verify.code, verify.stdout).to.equal(6)
      // the doctored pending copy is not accepted: the journal is one entry short of the register
      expect(json<{problem: {code: string}}>(verify).problem.code).to.equal('audit.truncated')
      await runCli(['config', 'set', 'time-limit.technical-review', '18', '--register', f.register])
      expect(fs.readFileSync(f.journal, 'utf8')).to.not.include('mallory')
      expect((await runCli(['audit', 'verify', '--register', f.register])).code).to.equal(6)
    })

    it('a pending file from a commit that never reached the register (a crash before the rename) is ignored by verify and by the next command', async () => {
      const f = fresh()
      const data = readData(f.register)
      const body = {seq: data.audit.seq + 1, at: new Date().toISOString(), operator: 'crashed', command: 'itplan project add …', projectId: '2027-0099', action: 'create', change: null, prev: data.audit.head}
      writeLines(pendingOf(f), [JSON.stringify({...body, hash: hashEntry(body as Omit<JournalEntry, 'hash'>)})])
      const verify = await runCli(['audit', 'verify', '--register', f.register])
      expect(verify.code, verify.stdout + verify.stderr).to.equal(0)
      const next = await runCli(['project', 'add', ...projectFlags({name: '崩溃之后'}), '--register', f.register])
      expect(next.code, next.stderr).to.equal(0)
      expect(fs.readFileSync(f.journal, 'utf8')).to.not.include('"operator":"crashed"')
      expect((await runCli(['audit', 'verify', '--register', f.register])).code).to.equal(0)
    })
  })

  describe('doctor', () => {
    const doctor = (f: Files) => Promise.all([runCli(['doctor', '--json', '--register', f.register]), runCli(['doctor', '--register', f.register])])

    it('a healthy register: exit 0; register, journal and lock ok', async () => {
      const [js, text] = await doctor(fresh())
      expect(js.code, js.stdout).to.equal(0)
      expect(text.code).to.equal(0)
      for (const name of ['register', 'journal', 'lock', 'backups']) expect(check(js, name).status, name).to.equal('ok')
      expect(text.stdout).to.match(HAN)
    })

    it('no backups yet: a warning with advice, exit 0', async () => {
      const d = path.join(work, 'fresh-init')
      fs.mkdirSync(d)
      await initRegister(d, 2027)
      const [js, text] = await doctor(filesIn(d))
      expect(js.code).to.equal(0)
      const c = check(js, 'backups')
      expect(c).to.include({status: 'warn', code: 'doctor.backupsNone'})
      expect(c.message).to.match(HAN)
      expect(text.stdout).to.include(c.message)
    })

    it('a corrupt register: exit 6, the register check fails and names the newest backup and `backup restore`', async () => {
      const f = fresh()
      fs.writeFileSync(f.register, '{"schemaVersion": 1, "projects": [{"id": "2027-00')
      const [js, text] = await doctor(f)
      expect(js.code).to.equal(6)
      expect(text.code).to.equal(6)
      const c = check(js, 'register')
      expect(c.status).to.equal('fail')
      expect(c.message).to.include(f.register)
      expect(c.message).to.include('backup restore')
      const newest = fs.readdirSync(f.backups).filter((b) => b.endsWith('.json')).sort().at(-1)!
      expect(c.message).to.include(newest)
      expect(text.stdout + text.stderr).to.not.match(STACK_LINE)
      // doctor never writes
      expect(fs.readFileSync(f.register, 'utf8')).to.equal('{"schemaVersion": 1, "projects": [{"id": "2027-00')
    })

    it('a register of a newer schema: exit 6 (register.newer), untouched', async () => {
      const f = fresh()
      editHead(f.register, (head) => (head.schemaVersion = 999))
      const before = sha256(f.register)
      const [js] = await doctor(f)
      expect(js.code).to.equal(6)
      expect(check(js, 'register')).to.include({status: 'fail', code: 'register.newer'})
      expect(sha256(f.register)).to.equal(before)
    })

    it('a broken journal: exit 6, the journal check fails naming the entry and pointing to `audit verify`', async () => {
      const f = fresh()
      const lines = journalLines(f.journal)
      lines[3] = lines[3].replace('"operator":"', '"operator":"x')
      writeLines(f.journal, lines)
      const [js] = await doctor(f)
      expect(js.code).to.equal(6)
      const c = check(js, 'journal')
      expect(c.status).to.equal('fail')
      expect(c.message).to.include('audit verify')
      expect(c.message).to.include('第 4 条')
    })

    it('a stale lock (a crashed writer): a warning that the next command takes it over, exit 0', async () => {
      const f = fresh()
      fs.mkdirSync(f.lock)
      const old = new Date(Date.now() - 120_000)
      fs.utimesSync(f.lock, old, old)
      const [js] = await doctor(f)
      expect(js.code).to.equal(0)
      const c = check(js, 'lock')
      expect(c).to.include({status: 'warn', code: 'doctor.lockStale'})
      expect(c.message).to.match(HAN)
      expect(fs.existsSync(f.lock), 'doctor does not remove locks').to.equal(true)
    })

    it('a lock held by a live process: a warning (wait for it), exit 0', async () => {
      const f = fresh()
      const holder = await holdLock(f.register)
      try {
        const [js] = await doctor(f)
        expect(js.code).to.equal(0)
        expect(check(js, 'lock')).to.include({status: 'warn', code: 'doctor.lockHeld'})
      } finally {
        await holder.release()
      }
    })
  })

  describe('backup list / backup restore', () => {
    it('backup list --json is [{id, createdAt}] oldest first, one per change', async () => {
      const f = fresh()
      const r = await runCli(['backup', 'list', '--json', '--register', f.register])
      expect(r.code, r.stderr).to.equal(0)
      const list = json<Array<{id: string; createdAt: string}>>(r)
      expect(list).to.have.length(5)
      for (const b of list) {
        expect(b.id).to.match(/^\d{8}T\d{9}Z-\d{6}$/)
        expect(new Date(b.createdAt).toISOString()).to.equal(b.createdAt)
        expect(fs.existsSync(path.join(f.backups, `${b.id}.json`)), b.id).to.equal(true)
      }
      const times = list.map((b) => Date.parse(b.createdAt))
      expect(times).to.deep.equal([...times].sort((x, y) => x - y))
      expect(list.map((b) => b.id)).to.deep.equal([...list.map((b) => b.id)].sort())
      // the backup taken before change k holds the register as it was after change k-1
      expect(readRegisterData(path.join(f.backups, `${list[0].id}.json`), f.register).projects).to.have.length(0)
      expect(readRegisterData(path.join(f.backups, `${list[4].id}.json`), f.register).projects).to.have.length(4)

      const empty = path.join(work, 'no-backups')
      fs.mkdirSync(empty)
      await initRegister(empty, 2027)
      const none = await runCli(['backup', 'list', '--json', '--register', path.join(empty, 'register.json')])
      expect(json(none)).to.deep.equal([])
    })

    it('restore without --confirm and no TTY → exit 2 (never a prompt, never a hang); a wrong --confirm or an unknown id → exit 2; nothing changes', async () => {
      const f = fresh()
      const id = fs.readdirSync(f.backups).filter((b) => b.endsWith('.json')).sort()[1].replace(/\.json$/, '')
      const before = snapshotDir(f.dir)
      const [noConfirm, open, wrong, unknown] = await Promise.all([
        runCli(['backup', 'restore', id, '--register', f.register]),
        runCli(['backup', 'restore', id, '--register', f.register], {keepStdinOpen: true, timeoutMs: 15_000}),
        runCli(['backup', 'restore', id, '--confirm', 'yes', '--register', f.register]),
        runCli(['backup', 'restore', '20990101T000000000Z-000001', '--confirm', '20990101T000000000Z-000001', '--register', f.register]),
      ])
      for (const [label, r] of Object.entries({noConfirm, open, wrong, unknown})) {
        expect(r.timedOut, label).to.equal(false)
        expect(r.code, `${label}: ${r.stderr}`).to.equal(2)
        expect(r.stderr, label).to.match(HAN)
        expect(r.stderr, label).to.not.match(STACK_LINE)
      }
      expect(noConfirm.stderr).to.include(`--confirm ${id}`)
      expect(snapshotDir(f.dir)).to.deep.equal(before)
    })

    it('restore --confirm ID: the register equals the backup, the replaced register is kept as a new backup, the restore is journalled, and verify passes', async () => {
      const f = fresh()
      const ids = fs.readdirSync(f.backups).filter((b) => b.endsWith('.json')).sort().map((b) => b.replace(/\.json$/, ''))
      const id = ids[2] // the register after two project adds
      const backupData = readRegisterData(path.join(f.backups, `${id}.json`), f.register)
      expect(backupData.projects).to.have.length(2)
      const replaced = fs.readFileSync(f.register)
      const r = await runCli(['backup', 'restore', id, '--confirm', id, '--json', '--register', f.register])
      expect(r.code, r.stdout + r.stderr).to.equal(0)
      const body = json<{restored: string; savedAs: string}>(r)
      expect(body.restored).to.equal(id)
      const data = readData(f.register)
      expect(data.projects).to.deep.equal(backupData.projects)
      expect(data.rules).to.deep.equal(backupData.rules)
      // the register it replaced survives, byte for byte, as the newest backup
      expect(fs.readFileSync(path.join(f.backups, `${body.savedAs}.json`)).equals(replaced)).to.equal(true)
      const list = json<Array<{id: string}>>(await runCli(['backup', 'list', '--json', '--register', f.register]))
      expect(list.at(-1)!.id).to.equal(body.savedAs)
      // journalled
      const log = json<JournalEntry[]>(await runCli(['audit', 'log', '--json', '--register', f.register]))
      const entry = log.at(-1)!
      expect(entry.action).to.equal('backup-restore')
      expect((entry.change as {backupId: string}).backupId).to.equal(id)
      expect(entry.seq).to.equal(7)
      const verify = await runCli(['audit', 'verify', '--register', f.register])
      expect(verify.code, verify.stdout + verify.stderr).to.equal(0)
      // and life goes on: the next change numbers after the restored register's projects, and still verifies
      const add = await runCli(['project', 'add', ...projectFlags({name: '恢复后新增'}), '--json', '--register', f.register])
      expect(add.code, add.stderr).to.equal(0)
      expect(json<{id: string}>(add).id).to.equal('2027-0003')
      expect((await runCli(['audit', 'verify', '--register', f.register])).code).to.equal(0)
    })

    it('restore over a corrupt register works, and the corrupt bytes survive as a backup', async () => {
      const f = fresh()
      const garbage = Buffer.from('\u0000\u0001 这不是 JSON {{{ ' + 'x'.repeat(100))
      fs.writeFileSync(f.register, garbage)
      // every other command refuses it (exit 6) and says which backup to restore
      const list = await runCli(['project', 'list', '--register', f.register])
      expect(list.code).to.equal(6)
      expect(list.stderr).to.include('backup restore')
      const id = fs.readdirSync(f.backups).filter((b) => b.endsWith('.json')).sort().at(-1)!.replace(/\.json$/, '')
      const r = await runCli(['backup', 'restore', id, '--confirm', id, '--register', f.register])
      expect(r.code, r.stdout + r.stderr).to.equal(0)
      expect(readData(f.register).projects).to.have.length(4)
      const kept = fs.readdirSync(f.backups).filter((b) => fs.readFileSync(path.join(f.backups, b)).equals(garbage))
      expect(kept, 'the corrupt register kept as a backup').to.have.length(1)
      const verify = await runCli(['audit', 'verify', '--register', f.register])
      expect(verify.code, verify.stdout + verify.stderr).to.equal(0)
      const doc = await runCli(['doctor', '--json', '--register', f.register])
      expect(json<DoctorJson>(doc).checks.filter((c) => c.status === 'fail')).to.deep.equal([])
    })

    it('a damaged backup is refused (exit 6) and the register is left as it was', async () => {
      const f = fresh()
      const id = fs.readdirSync(f.backups).filter((b) => b.endsWith('.json')).sort()[3].replace(/\.json$/, '')
      const file = path.join(f.backups, `${id}.json`)
      fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 100))
      const before = snapshotDir(f.dir)
      const r = await runCli(['backup', 'restore', id, '--confirm', id, '--register', f.register])
      expect(r.code, r.stdout + r.stderr).to.equal(6)
      expect(r.stderr).to.match(HAN)
      expect(r.stderr).to.not.match(STACK_LINE)
      expect(snapshotDir(f.dir)).to.deep.equal(before)
    })
  })
})

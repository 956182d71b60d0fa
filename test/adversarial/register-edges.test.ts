// The register's edges (issue 13): companion names that cannot collide, real-path output guards, restore with
// journal repair, a writer frozen past the stale time, atomic and verified backups ordered by sequence number,
// torn journal lines, symlinked registers, blocked lock folders, special files as outputs and as the register,
// hand edits the schema must catch, an unwritable journal, and orphan temp files after kill -9.
// Real processes, real files, FIFOs and symlinks in temp folders only.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {json, projectFlags, runCli, type CliResult} from '../helpers/cli.js'
import {HAN, IS_ROOT, holdLock, journalLines, runCliAs, sha256, sleep, STACK_LINE, startCli, unprivilegedPrefix, waitUntil} from './util.js'
import type {RegisterData} from '../../src/core/domain/types.js'
import {readRegisterData, writeRegisterData} from '../helpers/register-files.js'

interface Reg {
  dir: string
  register: string
  journal: string
  pending: string
  backups: string
  lock: string
}

function regIn(dir: string, name = 'register.json'): Reg {
  const register = path.join(dir, name)
  return {dir, register, journal: `${register}.audit.jsonl`, pending: `${register}.audit.pending.jsonl`, backups: `${register}.backups`, lock: `${register}.lock`}
}

const read = (file: string) => readRegisterData(file)
const cli = (r: Reg, args: string[], opts: {timeoutMs?: number} = {}) => runCli([...args, '--register', r.register], {cwd: r.dir, timeoutMs: opts.timeoutMs})
const backupIds = (r: Reg) => (fs.existsSync(r.backups) ? fs.readdirSync(r.backups).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)) : [])

function expectClear(res: CliResult, code: number, label: string): void {
  const out = res.stdout + res.stderr
  expect(res.timedOut, `${label}: hung`).to.equal(false)
  expect(res.code, `${label}: ${out}`).to.equal(code)
  expect(out, label).to.match(HAN)
  expect(out, `${label}: ${out}`).to.not.include('内部错误')
  expect(out, label).to.not.match(STACK_LINE)
}

async function add(r: Reg, name: string, extra: string[] = []): Promise<CliResult> {
  const res = await cli(r, ['project', 'add', ...projectFlags({name}), ...extra])
  return res
}

async function fresh(work: string, label: string, projects = 2): Promise<Reg> {
  const dir = path.join(work, label)
  fs.mkdirSync(dir, {recursive: true})
  const r = regIn(dir)
  const init = await cli(r, ['init', '--year', '2027'])
  expect(init.code, init.stderr).to.equal(0)
  for (let i = 0; i < projects; i++) expect((await add(r, `边界项目${i + 1}`)).code).to.equal(0)
  return r
}

async function verified(r: Reg): Promise<void> {
  const v = await cli(r, ['audit', 'verify'])
  expect(v.code, v.stdout + v.stderr).to.equal(0)
}

/** The register with `n` projects (copies of its first), written by hand: big enough for a write to take a while. */
async function inflate(r: Reg, n: number): Promise<void> {
  const data = read(r.register)
  const model = data.projects[0]
  const projects = []
  for (let i = 1; i <= n; i++) projects.push({...model, id: `2027-${String(i).padStart(5, '0')}`, name: `${model.name}${i}`})
  data.projects = projects
  data.counters = {'2027': n}
  await writeRegisterData(r.register, data)
}

function mkfifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0 && fs.statSync(file).isFIFO()
}

function ageBy(file: string, ms: number): void {
  const t = new Date(Date.now() - ms)
  fs.utimesSync(file, t, t)
}

describe('adversarial: the register at its edges (issue 13)', function () {
  this.timeout(180_000)
  let work: string

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'itplan-adv-edges-'))
    fs.chmodSync(work, 0o755)
  })
  after(() => fs.rmSync(work, {recursive: true, force: true}))

  describe('1. companions named from the full file name', () => {
    it('`--register data/register` beside data/register.json has a journal, backups and lock of its own', async () => {
      const r = await fresh(work, 'slip')
      const journalBefore = sha256(r.journal)
      const slip = regIn(r.dir, 'register')
      const init = await cli(slip, ['init', '--year', '2027'])
      expect(init.code, init.stderr).to.equal(0)
      expect((await add(slip, '另一本的项目')).code).to.equal(0)
      expect(sha256(r.journal), 'register.json’s journal untouched').to.equal(journalBefore)
      expect(journalLines(r.journal)).to.have.length(3)
      expect(journalLines(slip.journal)).to.have.length(2)
      expect(fs.existsSync(path.join(r.dir, 'register.audit.jsonl'))).to.equal(true)
      await verified(r)
      await verified(slip)
    })

    it('a register with the old companion names (register.audit.jsonl, register.backups) is read as it is, and the next change moves them, journalled', async () => {
      const r = await fresh(work, 'legacy')
      const old = {journal: path.join(r.dir, 'register.audit.jsonl'), pending: path.join(r.dir, 'register.audit.pending.jsonl'), backups: path.join(r.dir, 'register.backups')}
      fs.renameSync(r.journal, old.journal)
      fs.renameSync(r.pending, old.pending)
      fs.renameSync(r.backups, old.backups)
      const lines = journalLines(old.journal)
      await verified(r)
      const list = json<Array<{id: string}>>(await cli(r, ['backup', 'list', '--json']))
      expect(list.length).to.be.greaterThan(0)
      expect((await add(r, '迁移后的项目')).code).to.equal(0)
      for (const p of Object.values(old)) expect(fs.existsSync(p), p).to.equal(false)
      const now = journalLines(r.journal)
      expect(now.slice(0, lines.length)).to.deep.equal(lines)
      expect(now.map((l) => JSON.parse(l).action)).to.include('companions-renamed')
      expect(backupIds(r).length).to.be.greaterThan(list.length - 1)
      await verified(r)
    })

    it('`init` where the register went missing keeps the surviving journal aside and says so', async () => {
      const r = await fresh(work, 'missing')
      const before = fs.readFileSync(r.journal)
      fs.rmSync(r.register)
      const init = await cli(r, ['init', '--year', '2027'])
      expect(init.code, init.stderr).to.equal(0)
      expect(init.stdout + init.stderr).to.include('保留')
      const aside = fs.readdirSync(r.dir).filter((n) => /^register\.json\.audit\.\d{8}T\d+Z\.jsonl$/.test(n))
      expect(aside).to.have.length(1)
      expect(fs.readFileSync(path.join(r.dir, aside[0])).equals(before)).to.equal(true)
      expect(journalLines(r.journal)).to.have.length(1)
      await verified(r)
    })
  })

  describe('2. outputs through a symlinked folder', () => {
    it('--out / --html reaching the register or its journal through a linked folder → exit 2, nothing replaced', async () => {
      const r = await fresh(work, 'linked')
      expect((await cli(r, ['plan', 'build', '--year', '2027'])).code).to.equal(0)
      const link = path.join(work, 'linked-alias')
      fs.symlinkSync(r.dir, link)
      const before = {register: sha256(r.register), journal: sha256(r.journal)}
      for (const target of [path.join(link, 'register.json'), path.join(link, 'register.json.audit.jsonl'), path.join(link, 'register.json.audit.pending.jsonl')]) {
        expectClear(await cli(r, ['plan', 'export', '--year', '2027', '--out', target]), 2, `plan export ${target}`)
        expectClear(await cli(r, ['report', '--html', target]), 2, `report ${target}`)
      }
      expect({register: sha256(r.register), journal: sha256(r.journal)}).to.deep.equal(before)
    })
  })

  describe('3 and 7. backup restore repairs the journal first and never appends onto a torn line', () => {
    it('after a crash between the rename and the append, restore keeps the committed entry in the journal', async () => {
      const r = await fresh(work, 'restore-repair', 3)
      const lines = journalLines(r.journal)
      const lost = JSON.parse(lines.at(-1)!).hash as string
      // the crash: the register was renamed in, the journal append never happened
      fs.writeFileSync(r.journal, lines.slice(0, -1).join('\n') + '\n')
      const id = backupIds(r).sort()[0]
      const res = await cli(r, ['backup', 'restore', id, '--confirm', id])
      expect(res.code, res.stderr).to.equal(0)
      expect(journalLines(r.journal).map((l) => JSON.parse(l).hash)).to.include(lost)
      await verified(r)
    })

    it('a torn last journal line is dropped before restore appends', async () => {
      const r = await fresh(work, 'restore-torn')
      fs.appendFileSync(r.journal, '{"seq":99,"at":"2027-')
      const id = backupIds(r).sort()[0]
      const res = await cli(r, ['backup', 'restore', id, '--confirm', id])
      expect(res.code, res.stderr).to.equal(0)
      for (const l of journalLines(r.journal)) expect(() => JSON.parse(l), l).to.not.throw()
      await verified(r)
    })

    it('init --force keeps the old journal aside (whole) and starts a chain of its own, also over a torn line', async () => {
      const r = await fresh(work, 'force')
      fs.appendFileSync(r.journal, '{"seq":4,"at":')
      const before = fs.readFileSync(r.journal)
      const res = await cli(r, ['init', '--force', '--confirm', 'register.json', '--year', '2027'])
      expect(res.code, res.stderr).to.equal(0)
      expect(journalLines(r.journal)).to.have.length(1)
      const aside = fs.readdirSync(r.dir).filter((n) => /^register\.json\.audit\.\d{8}T\d+Z\.jsonl$/.test(n))
      expect(aside).to.have.length(1)
      expect(fs.readFileSync(path.join(r.dir, aside[0])).equals(before)).to.equal(true)
      await verified(r)
    })
  })

  describe('4. a writer frozen past the stale time', () => {
    it('SIGSTOP while writing its temp file, a second writer commits, SIGCONT: the first fails and writes nothing', async function () {
      if (process.platform === 'win32') this.skip()
      const r = await fresh(work, 'frozen', 1)
      await inflate(r, 30_000)
      const a = startCli(['project', 'add', ...projectFlags({name: '冻结的写入'}), '--register', r.register], {cwd: r.dir})
      const tempOf = (pid: number) => fs.readdirSync(r.dir).some((n) => n.startsWith(`.register.json.${pid}.`) && n.endsWith('.tmp'))
      let exited = false
      void a.done.then(() => (exited = true))
      const caught = await waitUntil(() => tempOf(a.child.pid!), 60_000, () => exited)
      a.child.kill('SIGSTOP')
      try {
        expect(caught, 'the writer reached its temp file').to.equal(true)
        await sleep(11_500)
        const b = await add(r, '第二个写入', ['--lock-timeout', '30'])
        expect(b.code, b.stderr).to.equal(0)
      } finally {
        a.child.kill('SIGCONT')
      }
      const ra = await a.done
      expect(ra.code, ra.stdout + ra.stderr).to.equal(1)
      expect(ra.stderr).to.include('失去了登记簿的锁')
      const names = read(r.register).projects.map((p) => p.name)
      expect(names).to.include('第二个写入')
      expect(names).to.not.include('冻结的写入')
      expect(fs.readdirSync(r.dir).filter((n) => n.endsWith('.tmp'))).to.deep.equal([])
      await verified(r)
    })
  })

  describe('5 and 11. backups: pruned only after the write, ordered by sequence number', () => {
    /** 20 hand-made backups (copies of the register) named with `stamp` and sequence numbers 1..20. */
    function seedBackups(r: Reg, stamp: (i: number) => string): string[] {
      fs.rmSync(r.backups, {recursive: true, force: true})
      fs.mkdirSync(r.backups)
      const ids: string[] = []
      for (let i = 1; i <= 20; i++) {
        const id = `${stamp(i)}-${String(i).padStart(6, '0')}`
        fs.copyFileSync(r.register, path.join(r.backups, `${id}.json`))
        ids.push(id)
      }
      return ids
    }

    it('kill -9 of a restore of the oldest backup as soon as anything is pruned: the register is restored or the backup still there', async () => {
      const r = await fresh(work, 'oldest', 1)
      await inflate(r, 20_000)
      const ids = seedBackups(r, (i) => `20200101T0000${String(i).padStart(2, '0')}000Z`)
      const chosen = path.join(r.backups, `${ids[0]}.json`)
      const wanted = sha256(chosen)
      fs.writeFileSync(r.register, '{"torn": ')
      const run = startCli(['backup', 'restore', ids[0], '--confirm', ids[0], '--register', r.register], {cwd: r.dir})
      let exited = false
      void run.done.then(() => (exited = true))
      await waitUntil(() => !fs.existsSync(chosen), 60_000, () => exited)
      run.child.kill('SIGKILL')
      await run.done
      const restored = (() => {
        try {
          return read(r.register).projects.length === 20_000
        } catch {
          return false
        }
      })()
      expect(restored || sha256(chosen) === wanted, 'the register is restored, or the chosen backup is still there').to.equal(true)
    })

    it('20 backups stamped by a clock that ran ahead: the next change succeeds and its backup is the newest', async () => {
      const r = await fresh(work, 'clock', 1)
      seedBackups(r, (i) => `29990101T0000${String(i).padStart(2, '0')}000Z`)
      const res = await add(r, '时钟之后')
      expect(res.code, res.stderr).to.equal(0)
      const list = json<Array<{id: string}>>(await cli(r, ['backup', 'list', '--json']))
      expect(list).to.have.length(20)
      expect(list.at(-1)!.id.startsWith('2999'), list.at(-1)!.id).to.equal(false)
      expect(list[0].id.endsWith('-000002')).to.equal(true)
    })
  })

  describe('6. backups written atomically and verified', () => {
    it('a torn backup: doctor names it, and the exit-6 hint recommends a sound one', async () => {
      const r = await fresh(work, 'torn-backup', 3)
      const ids = backupIds(r).sort()
      const newest = ids.at(-1)!
      expect(fs.existsSync(path.join(r.backups, `${newest}.json.sum`)), 'size and sha256 recorded').to.equal(true)
      const file = path.join(r.backups, `${newest}.json`)
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))
      const doctor = json<{checks: Array<{code: string; message: string}>}>(await cli(r, ['doctor', '--json']))
      const torn = doctor.checks.find((c) => c.code === 'doctor.backupsTorn')
      expect(torn, JSON.stringify(doctor.checks)).to.not.equal(undefined)
      expect(torn!.message).to.include(newest)
      fs.writeFileSync(r.register, '{"broken"')
      const list = await cli(r, ['project', 'list'])
      expectClear(list, 6, 'project list on a corrupt register')
      expect(list.stderr).to.not.include(newest)
      expect(list.stderr).to.include(ids.at(-2)!)
    })

    it('kill -9 while a backup is being written leaves no torn backup under a backup name', async function () {
      const r = await fresh(work, 'kill-backup', 1)
      await inflate(r, 20_000)
      const before = new Set(fs.readdirSync(r.backups))
      const run = startCli(['project', 'add', ...projectFlags({name: '被杀的写入'}), '--register', r.register], {cwd: r.dir})
      let exited = false
      void run.done.then(() => (exited = true))
      await waitUntil(() => fs.readdirSync(r.backups).some((n) => !before.has(n)), 60_000, () => exited)
      run.child.kill('SIGKILL')
      await run.done
      for (const b of fs.readdirSync(r.backups).filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
        expect(() => JSON.parse(fs.readFileSync(path.join(r.backups, b), 'utf8')), b).to.not.throw()
      }
      const doctor = json<{checks: Array<{code: string}>}>(await cli(r, ['doctor', '--json']))
      expect(doctor.checks.map((c) => c.code)).to.not.include('doctor.backupsTorn')
    })
  })

  describe('8. a register given as a symlink', () => {
    it('writes go through to the target and the lock is the target’s', async () => {
      const r = await fresh(work, 'symlink-target', 1)
      const link = path.join(work, 'symlink-alias.json')
      fs.symlinkSync(r.register, link)
      const viaLink = {...r, register: link}
      expect((await add(viaLink, '经由链接')).code).to.equal(0)
      expect(fs.lstatSync(link).isSymbolicLink(), 'the link stays a link').to.equal(true)
      expect(read(r.register).projects.map((p) => p.name)).to.include('经由链接')
      await verified(viaLink)
      const held = await holdLock(r.register)
      try {
        const busy = await cli(viaLink, ['project', 'add', ...projectFlags({name: '被锁挡住'}), '--lock-timeout', '1'])
        expectClear(busy, 5, 'a writer through the link while the target is locked')
      } finally {
        await held.release()
      }
    })
  })

  describe('9. something left at the lock’s place', () => {
    it('a folder with a file in it, or a plain file: doctor says so, the next change moves it aside (kept) and succeeds', async () => {
      const r = await fresh(work, 'blocked', 1)
      fs.mkdirSync(r.lock)
      fs.writeFileSync(path.join(r.lock, 'plan.xlsx'), 'a clerk’s export')
      ageBy(r.lock, 60_000)
      const doctor = json<{checks: Array<{code: string; message: string}>}>(await cli(r, ['doctor', '--json']))
      const lock = doctor.checks.find((c) => c.code.startsWith('doctor.lock'))!
      expect(lock.code, lock.message).to.equal('doctor.lockBlockedFolder')
      const res = await add(r, '锁被挡住之后')
      expect(res.code, res.stderr).to.equal(0)
      const aside = fs.readdirSync(r.dir).filter((n) => n.startsWith('register.json.lock.blocked-'))
      expect(aside).to.have.length(1)
      expect(fs.readFileSync(path.join(r.dir, aside[0], 'plan.xlsx'), 'utf8')).to.equal('a clerk’s export')
      const after = json<{checks: Array<{code: string}>}>(await cli(r, ['doctor', '--json']))
      expect(after.checks.map((c) => c.code)).to.include('doctor.lockAside')

      fs.writeFileSync(r.lock, 'not a lock')
      ageBy(r.lock, 60_000)
      const file = json<{checks: Array<{code: string}>}>(await cli(r, ['doctor', '--json']))
      expect(file.checks.map((c) => c.code)).to.include('doctor.lockBlockedFile')
      const again = await add(r, '普通文件挡住之后')
      expect(again.code, again.stderr).to.equal(0)
      await verified(r)
    })
  })

  describe('10 and 14. special files', () => {
    it('exports never replace a FIFO or a symlink', async function () {
      const r = await fresh(work, 'special-out', 1)
      expect((await cli(r, ['plan', 'build', '--year', '2027'])).code).to.equal(0)
      const fifo = path.join(r.dir, 'out.fifo')
      if (!mkfifo(fifo)) this.skip()
      const elsewhere = path.join(r.dir, 'elsewhere.txt')
      fs.writeFileSync(elsewhere, 'keep me')
      const link = path.join(r.dir, 'out-link.xlsx')
      fs.symlinkSync(elsewhere, link)
      for (const target of [fifo, link]) {
        expectClear(await cli(r, ['plan', 'export', '--year', '2027', '--out', target], {timeoutMs: 20_000}), 2, `plan export ${target}`)
        expectClear(await cli(r, ['report', '--html', target], {timeoutMs: 20_000}), 2, `report ${target}`)
      }
      expect(fs.lstatSync(fifo).isFIFO()).to.equal(true)
      expect(fs.lstatSync(link).isSymbolicLink()).to.equal(true)
      expect(fs.readFileSync(elsewhere, 'utf8')).to.equal('keep me')
    })

    it('a FIFO as the register: refused at once (exit 2), reads and writes, no lock left', async function () {
      const dir = path.join(work, 'fifo-register')
      fs.mkdirSync(dir)
      const r = regIn(dir, 'register.json')
      if (!mkfifo(r.register)) this.skip()
      for (const args of [['project', 'list'], ['project', 'add', ...projectFlags()], ['doctor'], ['init', '--force', '--confirm', 'register.json'], ['backup', 'restore', 'x', '--confirm', 'x']]) {
        const res = await cli(r, args, {timeoutMs: 15_000})
        expect(res.timedOut, args.join(' ')).to.equal(false)
        if (args[0] === 'doctor') expect(res.code, res.stdout + res.stderr).to.equal(6)
        else expectClear(res, 2, args.join(' '))
        expect(res.stdout + res.stderr, args.join(' ')).to.include('命名管道')
        expect(fs.existsSync(r.lock), 'no lock held').to.equal(false)
      }
    })

    it('a character device as the register (made with mknod in the temp folder): exit 2, untouched', async function () {
      const dir = path.join(work, 'device-register')
      fs.mkdirSync(dir)
      const r = regIn(dir, 'register.json')
      if (spawnSync('mknod', [r.register, 'c', '1', '3']).status !== 0 || !fs.statSync(r.register).isCharacterDevice()) {
        console.log('      (skipped: mknod needs root and a file system that allows device nodes)')
        this.skip()
      }
      for (const args of [['project', 'list'], ['project', 'add', ...projectFlags()]]) expectClear(await cli(r, args), 2, args.join(' '))
      expect(fs.statSync(r.register).isCharacterDevice()).to.equal(true)
    })
  })

  describe('20. hand edits that parse but do not fit', () => {
    const stage = {key: 'technical-review', department: '市数据局', status: 'open', startedOn: '2027-03-01', dueOn: '2027-03-29', decidedOn: null, documentNo: null, approvedAmountFen: null, opinion: null, rounds: []}
    const edits: Array<[string, (d: RegisterData) => void]> = [
      ['contact: null', (d) => ((d.projects[0] as unknown as Record<string, unknown>).contact = null)],
      ['marks: null', (d) => ((d.projects[0] as unknown as Record<string, unknown>).marks = null)],
      ['evaluations: {}', (d) => ((d.projects[0] as unknown as Record<string, unknown>).evaluations = {})],
      ['a numeric dueOn', (d) => ((d.projects[0] as unknown as Record<string, unknown>).stages = [{...stage, dueOn: 20271201}])],
      ['calendarOverrides: "x"', (d) => ((d as unknown as Record<string, unknown>).calendarOverrides = 'x')],
      ['rules.stages: []', (d) => (d.rules.stages = [])],
    ]
    it('each is exit 6 naming the backup, for list, show, plan build and doctor — never 内部错误', async () => {
      const r = await fresh(work, 'hand-edits', 1)
      const id = read(r.register).projects[0].id
      expect((await cli(r, ['plan', 'build', '--year', '2027'])).code).to.equal(0)
      const good = fs.readFileSync(r.register)
      // the same stage with a date as the tool writes it is accepted
      const sound = read(r.register)
      ;(sound.projects[0] as unknown as Record<string, unknown>).stages = [stage]
      await writeRegisterData(r.register, sound)
      expect((await cli(r, ['project', 'show', id])).code, 'a sound stage is accepted').to.equal(0)
      for (const [label, edit] of edits) {
        const data = read(r.register)
        edit(data)
        await writeRegisterData(r.register, data)
        for (const args of [['project', 'list'], ['project', 'show', id], ['review', 'list'], ['report'], ['plan', 'build', '--year', '2027'], ['doctor']]) {
          const res = await cli(r, args)
          expectClear(res, 6, `${label}: ${args.join(' ')}`)
          if (args[0] !== 'doctor') expect(res.stderr, `${label}: ${args.join(' ')}`).to.include('register.json.backups')
        }
        fs.writeFileSync(r.register, good)
      }
    })
  })

  describe('21. a journal the clerk cannot write', () => {
    it('every change fails the same clear way (exit 1, naming the journal), nothing changed', async function () {
      const asUser = IS_ROOT ? unprivilegedPrefix() : []
      if (asUser === null) {
        console.log('      (skipped: as root, neither runuser nor setpriv can run as nobody)')
        this.skip()
      }
      const r = await fresh(work, 'journal-ro', 1)
      if (IS_ROOT) {
        // nobody owns the folder, the register and its backups; root keeps the journal
        const uid = Number(spawnSync('id', ['-u', 'nobody'], {encoding: 'utf8'}).stdout.trim())
        const gid = Number(spawnSync('id', ['-g', 'nobody'], {encoding: 'utf8'}).stdout.trim())
        for (const p of [r.dir, r.register, r.pending, r.backups, ...fs.readdirSync(r.backups).map((n) => path.join(r.backups, n))]) fs.chownSync(p, uid, gid)
      }
      fs.chmodSync(r.journal, 0o444)
      const before = {register: sha256(r.register), journal: sha256(r.journal), backups: backupIds(r).length}
      try {
        for (let i = 0; i < 3; i++) {
          const res = await runCliAs(asUser!, ['project', 'add', ...projectFlags({name: `只读日志${i}`}), '--register', r.register], {cwd: r.dir})
          expectClear(res, 1, `write ${i + 1}`)
          expect(res.stderr).to.include(r.journal)
          expect(res.stderr).to.match(/没有写入权限或磁盘只读/)
        }
      } finally {
        fs.chmodSync(r.journal, 0o644)
      }
      expect({register: sha256(r.register), journal: sha256(r.journal), backups: backupIds(r).length}).to.deep.equal(before)
    })
  })

  describe('23. orphan temp files after kill -9', () => {
    it('doctor reports them and the next change removes them', async () => {
      const r = await fresh(work, 'orphans', 1)
      await inflate(r, 20_000)
      const run = startCli(['project', 'add', ...projectFlags({name: '被杀的写入'}), '--register', r.register], {cwd: r.dir})
      let exited = false
      void run.done.then(() => (exited = true))
      const temp = () => fs.readdirSync(r.dir).filter((n) => /^\.register\.json\.\d+\.[0-9a-f]+\.tmp$/.test(n))
      const caught = await waitUntil(() => temp().length > 0, 60_000, () => exited)
      run.child.kill('SIGKILL')
      await run.done
      if (!caught || temp().length === 0) {
        // the kill came too late to leave one: make the orphan by hand, as a killed writer leaves it
        fs.writeFileSync(path.join(r.dir, `.register.json.${run.child.pid}.0badc0de.tmp`), Buffer.alloc(1024 * 1024))
      }
      const doctor = json<{checks: Array<{code: string; message: string}>}>(await cli(r, ['doctor', '--json']))
      const orphan = doctor.checks.find((c) => c.code === 'doctor.tempOrphans')
      expect(orphan, JSON.stringify(doctor.checks)).to.not.equal(undefined)
      expect(orphan!.message).to.include(temp()[0])
      const res = await add(r, '孤儿之后', ['--lock-timeout', '30'])
      expect(res.code, res.stderr).to.equal(0)
      expect(temp()).to.deep.equal([])
      const after = json<{checks: Array<{code: string}>}>(await cli(r, ['doctor', '--json']))
      expect(after.checks.map((c) => c.code)).to.include('doctor.tempNone')
    })
  })
})

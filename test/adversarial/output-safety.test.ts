// Where itplan writes: an export or report never replaces the register, its journal, its lock or a backup (exit 2,
// whatever spelling of the path, links included); a hard link to the register only ever gets its own name replaced; a
// read-only directory, a register directory the clerk cannot write, or a full disk gives a clear message (exit 1)
// and leaves the register whole.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {initRegister, json, projectFlags, runCli, type CliResult} from '../helpers/cli.js'
import {HAN, IS_ROOT, runCliAs, sha256, snapshotDir, STACK_LINE, unprivilegedPrefix} from './util.js'

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

/** The exporters and the report, each as a function of the output path. */
const WRITERS: Array<[string, (out: string) => string[]]> = [
  ['plan export', (out) => ['plan', 'export', '--year', '2027', '--out', out]],
  ['acceptance export', (out) => ['acceptance', 'export', '--year', '2027', '--out', out]],
  ['report --html', (out) => ['report', '--html', out]],
  // followup (issue 21): the calendar file and a project's dossier
  ['deadlines export --ics', (out) => ['deadlines', 'export', '--ics', out]],
  ['project dossier', (out) => ['project', 'dossier', '2027-0001', '--out', out]],
]

function expectClearStorageMessage(r: CliResult, target: string, label: string): void {
  const output = r.stdout + r.stderr
  expect(r.timedOut, label).to.equal(false)
  expect(r.code, `${label}: ${output}`).to.equal(1)
  expect(output, label).to.match(HAN)
  expect(output, `${label}: should say what went wrong, not 内部错误`).to.not.include('内部错误')
  expect(output, label).to.match(/没有写入权限或磁盘只读|磁盘空间不足/)
  expect(output, label).to.include(target)
  expect(output, label).to.not.match(STACK_LINE)
}

describe('adversarial: output safety', function () {
  this.timeout(120_000)
  let work: string
  let f: Files
  /** as `nobody` when we are root (root ignores permissions), [] when we are not root, null when impossible */
  let asUser: string[] | null

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'itplan-adv-out-'))
    fs.chmodSync(work, 0o755) // `nobody` must reach the register to read it
    f = filesIn(path.join(work, 'reg'))
    fs.mkdirSync(f.dir, {mode: 0o755})
    await initRegister(f.dir, 2027)
    for (const name of ['输出项目一', '输出项目二']) {
      const r = await runCli(['project', 'add', ...projectFlags({name}), '--register', f.register])
      expect(r.code, r.stderr).to.equal(0)
    }
    const build = await runCli(['plan', 'build', '--year', '2027', '--register', f.register])
    expect(build.code, build.stderr).to.equal(0)
    asUser = IS_ROOT ? unprivilegedPrefix() : []
  })
  after(() => fs.rmSync(work, {recursive: true, force: true}))

  describe('never over the register, its journal, lock or backups (exit 2)', () => {
    for (const [label, args] of WRITERS) {
      it(`${label}: register, journal, lock, a backup, and the same paths spelt relatively → refused, nothing changed`, async () => {
        const backup = fs.readdirSync(f.backups).find((n) => n.endsWith('.json'))!
        const targets = [
          f.register,
          f.journal,
          f.lock,
          path.join(f.backups, backup),
          path.join(f.backups, 'new-file.xlsx'),
          // relative to the working directory, and with detours
          'register.json',
          './sub/../register.json',
          'register.json.backups/../register.json.audit.jsonl',
          `..${path.sep}reg${path.sep}register.json`,
        ]
        const before = snapshotDir(f.dir)
        const results = await Promise.all(targets.map((out) => runCli([...args(out), '--register', f.register], {cwd: f.dir})))
        results.forEach((r, i) => {
          expect(r.code, `${targets[i]}: ${r.stdout}${r.stderr}`).to.equal(2)
          expect(r.stderr, targets[i]).to.include('不能覆盖')
          expect(r.stderr, targets[i]).to.not.match(STACK_LINE)
        })
        expect(snapshotDir(f.dir)).to.deep.equal(before)
        const json2 = await runCli([...args(f.register), '--json', '--register', f.register])
        expect(json<{error: {code: string; exitCode: number}}>(json2).error).to.include({code: 'output.protected', exitCode: 2})
      })
    }

    it('a symlink to the register as --out is refused (exit 2, the link kept); a hard link only gets its own name replaced', async function () {
      if (process.platform === 'win32') this.skip()
      const before = sha256(f.register)
      const sym = path.join(work, 'sym-link.xlsx')
      const hard = path.join(work, 'hard-link.xlsx')
      fs.symlinkSync(f.register, sym)
      fs.linkSync(f.register, hard)
      const refused = await runCli(['plan', 'export', '--year', '2027', '--out', sym, '--register', f.register])
      expect(refused.code, refused.stderr).to.equal(2)
      expect(fs.lstatSync(sym).isSymbolicLink()).to.equal(true)
      expect(sha256(f.register)).to.equal(before)
      const r = await runCli(['plan', 'export', '--year', '2027', '--out', hard, '--register', f.register])
      expect(r.code, r.stderr).to.equal(0)
      expect(sha256(f.register)).to.equal(before)
      expect(fs.readFileSync(hard).subarray(0, 2).toString()).to.equal('PK')
      const verify = await runCli(['audit', 'verify', '--register', f.register])
      expect(verify.code, verify.stderr).to.equal(0)
    })

    // Regression (fixed): the journal's pending file (register.audit.pending.jsonl, added with the sidecar commit) is not among the
    // protected outputs (src/core/register/paths.ts isProtectedPath lists the register, the journal, the lock and the
    // backups only). After a crash between the register rename and the journal append it holds the only copy of the
    // committed entry; an export over it destroys that entry, `audit verify` then exits 6, and the next mutation
    // does not stop: it chains after the register's head, leaving a permanent gap in the journal. Repro:
    //   itplan init; itplan project add …; itplan plan build --year 2027     (r.audit.pending.jsonl = last entry)
    //   drop the last line of r.audit.jsonl (the crash); itplan audit verify  → exit 0 (the pending file covers it)
    //   itplan plan export --year 2027 --out r.audit.pending.jsonl           → exit 0 (expected 2, 不能覆盖)
    //   itplan audit verify → exit 6; itplan project add … → exit 0; itplan audit verify → exit 6 「第 5 条记录（第 4 行）与上一条的链接不符」
    it('the pending journal file is protected like the journal: export / report over it → exit 2, nothing lost', async () => {
      const g = filesIn(path.join(work, 'pending-copy'))
      fs.cpSync(f.dir, g.dir, {recursive: true})
      const pending = g.journal.replace(/\.jsonl$/, '.pending.jsonl')
      expect(fs.existsSync(pending)).to.equal(true)
      const lines = fs.readFileSync(g.journal, 'utf8').split('\n').filter((l) => l !== '')
      fs.writeFileSync(g.journal, lines.slice(0, -1).map((l) => l + '\n').join('')) // a crash before the append
      for (const [label, args] of WRITERS) {
        const before = snapshotDir(g.dir)
        for (const out of [pending, 'register.json.audit.pending.jsonl']) {
          const r = await runCli([...args(out), '--register', g.register], {cwd: g.dir})
          expect(r.code, `${label} ${out}: ${r.stderr}`).to.equal(2)
        }
        expect(snapshotDir(g.dir)).to.deep.equal(before)
      }
      const verify = await runCli(['audit', 'verify', '--register', g.register])
      expect(verify.code, verify.stdout + verify.stderr).to.equal(0)
    })

    // Regression (fixed): an --out that is an existing directory ends in 「内部错误：EISDIR: illegal operation on a directory,
    // rename '…/.x.1234.tmp' -> '…'。请将此信息报告给维护人员。」 (exit 1) for plan export, acceptance export and
    // report --html: a clerk's slip is reported as a program fault. Repro: itplan plan export --year 2027 --out .
    // (or --out register.backups) → exit 1 「内部错误：EISDIR …」. Expected: exit 2, 「输出文件 … 是一个文件夹」.
    it('--out naming an existing directory (the register folder, the backups folder) is a usage error (exit 2), not an internal error', async () => {
      for (const [label, args] of WRITERS) {
        for (const out of [f.dir, f.backups]) {
          const before = snapshotDir(f.dir)
          const r = await runCli([...args(out), '--register', f.register])
          expect(r.code, `${label} ${out}: ${r.stderr}`).to.equal(2)
          expect(r.stderr).to.not.include('内部错误')
          expect(r.stderr).to.include(out)
          expect(snapshotDir(f.dir)).to.deep.equal(before)
        }
      }
    })
  })

  describe('permissions and space', () => {
    let roDir: string

    before(function () {
      roDir = path.join(work, 'read-only')
      fs.mkdirSync(roDir)
      // not root: chmod 555 is enough; root: the directory stays root's (0755) and itplan runs as nobody
      fs.chmodSync(roDir, IS_ROOT ? 0o755 : 0o555)
    })
    after(() => fs.chmodSync(roDir, 0o755))

    it('report --html into a read-only directory: a clear message, exit 1, the register intact', async function () {
      if (asUser === null) this.skip()
      const target = path.join(roDir, 'report.html')
      const before = snapshotDir(f.dir)
      const r = await runCliAs(asUser!, ['report', '--html', target, '--register', f.register])
      expectClearStorageMessage(r, target, 'report --html')
      expect(snapshotDir(f.dir)).to.deep.equal(before)
      expect(fs.readdirSync(roDir)).to.deep.equal([])
    })

    // Regression (fixed): plan export and acceptance export turn a storage error into 「内部错误：EACCES: permission denied, open
    // '…/.p.xlsx.1234.1795….tmp'。请将此信息报告给维护人员。」 (or ENOSPC on a full disk): writeStreamingWorkbook
    // (src/core/excel/layout/workbook.ts) does not map EACCES/EROFS/ENOSPC to StorageFailure as writeOutputFile does
    // for report --html. The exit code (1) and the register are right; the message tells the clerk to report a
    // program fault instead of 「没有写入权限或磁盘只读…」. Repro (as a user who cannot write to ro/):
    //   itplan plan export --year 2027 --out ro/p.xlsx   → exit 1 「内部错误：EACCES: permission denied, open …」
    it('plan export and acceptance export into a read-only directory: a clear message (not 内部错误), exit 1, the register intact', async function () {
      if (asUser === null) this.skip()
      for (const [label, args] of WRITERS.slice(0, 2)) {
        const target = path.join(roDir, `${label.replace(/\W+/g, '-')}.xlsx`)
        const before = snapshotDir(f.dir)
        const r = await runCliAs(asUser!, [...args(target), '--register', f.register])
        expectClearStorageMessage(r, target, label)
        expect(snapshotDir(f.dir)).to.deep.equal(before)
        expect(fs.readdirSync(roDir)).to.deep.equal([])
      }
    })

    it('a writable register folder whose backups folder is read-only: the change is refused with a clear message, exit 1, nothing half-done', async function () {
      if (asUser === null) this.skip()
      const g = filesIn(path.join(work, 'ro-backups'))
      fs.mkdirSync(g.dir, {mode: 0o755})
      await initRegister(g.dir, 2027)
      expect((await runCli(['project', 'add', ...projectFlags({name: '先有一个'}), '--register', g.register])).code).to.equal(0)
      if (IS_ROOT) {
        // nobody owns the register folder and files, root keeps the backups folder
        const nobody = spawnSync('id', ['-u', 'nobody'], {encoding: 'utf8'}).stdout.trim()
        const group = spawnSync('id', ['-g', 'nobody'], {encoding: 'utf8'}).stdout.trim()
        for (const p of [g.dir, g.register, g.journal]) fs.chownSync(p, Number(nobody), Number(group))
      } else fs.chmodSync(g.backups, 0o555)
      const before = snapshotDir(g.dir)
      const r = await runCliAs(asUser!, ['project', 'add', ...projectFlags({name: '写不了备份'}), '--register', g.register])
      expectClearStorageMessage(r, g.register, 'project add')
      expect(snapshotDir(g.dir)).to.deep.equal(before)
      expect(fs.existsSync(g.lock), 'the lock is released').to.equal(false)
      if (!IS_ROOT) fs.chmodSync(g.backups, 0o755)
    })

    // Regression (fixed): a mutation on a register whose folder the clerk cannot write ends in 「内部错误：EACCES: permission denied,
    // mkdir '…/register.json.lock'。请将此信息报告给维护人员。」 (exit 1): acquireLock (src/core/register/lock.ts)
    // rethrows every lock error but ELOCKED unchanged. The register is left intact, but the clerk is told to report
    // a program fault instead of 「没有写入权限或磁盘只读（EACCES），无法写入 …；登记簿保持原样」.
    // Repro: chmod 555 the register's folder (as a non-root user), then itplan config set time-limit.fiscal-review 12
    //   → exit 1 「内部错误：EACCES: permission denied, mkdir '…/register.json.lock'」.
    it('a mutation in a read-only register folder: a clear message (not 内部错误), exit 1, the register intact', async function () {
      if (asUser === null) this.skip()
      const g = filesIn(path.join(work, 'ro-register'))
      fs.mkdirSync(g.dir, {mode: 0o755})
      await initRegister(g.dir, 2027)
      if (!IS_ROOT) fs.chmodSync(g.dir, 0o555)
      try {
        const before = snapshotDir(g.dir)
        const r = await runCliAs(asUser!, ['config', 'set', 'time-limit.fiscal-review', '12', '--register', g.register])
        expectClearStorageMessage(r, g.register, 'config set')
        expect(snapshotDir(g.dir)).to.deep.equal(before)
      } finally {
        fs.chmodSync(g.dir, 0o755)
      }
    })

    it('reads still work in a read-only register folder (project list, audit verify, doctor, plan export elsewhere)', async function () {
      if (asUser === null) this.skip()
      if (!IS_ROOT) fs.chmodSync(f.dir, 0o555)
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'itplan-adv-out-w-'))
      fs.chmodSync(elsewhere, 0o777)
      try {
        for (const args of [['project', 'list', '--json'], ['audit', 'verify'], ['doctor', '--json'], ['plan', 'export', '--year', '2027', '--out', path.join(elsewhere, 'p.xlsx')]]) {
          const r = await runCliAs(asUser!, [...args, '--register', f.register])
          expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).to.equal(0)
        }
      } finally {
        fs.chmodSync(f.dir, 0o755)
        fs.rmSync(elsewhere, {recursive: true, force: true})
      }
    })

    describe('a full disk (a tiny tmpfs; root only)', () => {
      let mnt: string
      let mounted = false
      before(function () {
        if (!IS_ROOT || process.platform !== 'linux') this.skip()
        mnt = path.join(work, 'tiny')
        fs.mkdirSync(mnt)
        mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]).status === 0
        if (!mounted) this.skip()
      })
      after(() => {
        if (mounted) spawnSync('umount', [mnt])
      })

      it('a change that does not fit: 「磁盘空间不足」, exit 1, the register and journal intact; after space is freed all is well', async () => {
        const g = filesIn(path.join(mnt, 'reg'))
        fs.mkdirSync(g.dir)
        await initRegister(g.dir, 2027)
        expect((await runCli(['project', 'add', ...projectFlags({name: '满盘之前'}), '--register', g.register])).code).to.equal(0)
        const filler = path.join(mnt, 'filler')
        const fd = fs.openSync(filler, 'w')
        try {
          for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1))
        } catch (e) {
          expect((e as NodeJS.ErrnoException).code).to.equal('ENOSPC')
        } finally {
          fs.closeSync(fd)
        }
        const before = {register: sha256(g.register), journal: sha256(g.journal)}
        const r = await runCli(['project', 'add', ...projectFlags({name: '满盘之后'}), '--register', g.register])
        expectClearStorageMessage(r, g.register, 'project add on a full disk')
        expect(sha256(g.register)).to.equal(before.register)
        expect(sha256(g.journal)).to.equal(before.journal)
        expect(fs.existsSync(g.lock)).to.equal(false)
        const html = path.join(mnt, 'report.html')
        const rep = await runCli(['report', '--html', html, '--register', g.register])
        expectClearStorageMessage(rep, html, 'report --html on a full disk')
        expect(fs.existsSync(html)).to.equal(false)

        fs.rmSync(filler)
        const again = await runCli(['project', 'add', ...projectFlags({name: '满盘之后'}), '--register', g.register])
        expect(again.code, again.stderr).to.equal(0)
        const verify = await runCli(['audit', 'verify', '--register', g.register])
        expect(verify.code, verify.stdout + verify.stderr).to.equal(0)
      })

      // Regression (fixed): same cause as the read-only export above — on a full disk plan export says 「内部错误：ENOSPC: no space
      // left on device, write。请将此信息报告给维护人员。」 where report --html says 「磁盘空间不足，无法写入 …」.
      // Repro: fill the disk holding the output folder, then itplan plan export --year 2027 --out <there>/p.xlsx.
      it('plan export onto a full disk: 「磁盘空间不足」 (not 内部错误), exit 1, no file under the final name', async () => {
        const full = path.join(mnt, 'full.xlsx')
        const filler = path.join(mnt, 'filler2')
        const fd = fs.openSync(filler, 'w')
        try {
          for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1))
        } catch {
          // full
        } finally {
          fs.closeSync(fd)
        }
        try {
          const r = await runCli(['plan', 'export', '--year', '2027', '--out', full, '--register', f.register])
          expectClearStorageMessage(r, full, 'plan export on a full disk')
          expect(fs.existsSync(full)).to.equal(false)
        } finally {
          fs.rmSync(filler)
        }
      })
    })
  })
})

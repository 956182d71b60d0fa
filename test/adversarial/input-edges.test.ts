// The edges of what itplan takes in (issue 13, items 12, 13, 15–19, 21): free text of any length from flags, rows
// wider than any sheet, invisible characters in names, symbolic links in an imported folder, impossible years and
// dates, control characters bound for the clerk's terminal, an error-workbook destination that cannot take the
// workbook, an over-long output path. Every case runs the real CLI on real files in a temp folder.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import {commandsOn, initRegister, json, projectFlags, runCli, tempRegister, type TempRegister} from '../helpers/cli.js'
import {csvText, goodRow, HEADERS, repeatedDeflate, rowXml, sheetXml, xlsxBuffer} from './corpus.js'
import {IS_ROOT, snapshotDir, STACK_LINE, startCli, unprivilegedPrefix, runCliAs} from './util.js'
import type {RegisterData} from '../../src/core/domain/types.js'
import {readRegisterData, writeRegisterData} from '../helpers/register-files.js'

interface ImportJson {
  files: Array<{file: string; status: string; created: number; updated: number; unchanged: number; errors: Array<{sheet: string | null; row: number | null; message: string; code: string}>}>
  totals: {created: number; updated: number; unchanged: number; rejected: number}
  skippedLinks?: Array<{path: string; target: string; reason: string; message: string}>
}

const readRegister = (file: string) => readRegisterData(file)
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(1, HEADERS)}`
/** Raw control characters a terminal obeys */
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

describe('adversarial: the edges of input (issue 13)', function () {
  this.timeout(120_000)
  let reg: TempRegister
  const {ok, refused, cli} = commandsOn(() => reg)

  beforeEach(async () => {
    reg = tempRegister('itplan-edges-')
    await initRegister(reg.dir, 2027)
  })
  afterEach(() => reg.cleanup())

  const write = (name: string, content: string | Buffer) => {
    const file = path.join(reg.dir, name)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(file, content)
    return file
  }

  // ── 13: rows wider than a sheet, files with more cells than any declaration ─────────────────────────────────
  describe('wide rows and cell counts (item 13)', () => {
    /** one header row, then one row of `cells` empty cells: a few hundred KB on disk for 50 million cells */
    function wideRow(cells: number): Buffer {
      const raw = repeatedDeflate(`${SHEET_HEAD}<row r="2">`, '<c/>'.repeat(1000), cells / 1000, '</row></sheetData></worksheet>')
      return xlsxBuffer({name: 'xl/worksheets/sheet1.xml', raw}, {sheetName: '宽表'})
    }

    for (const [mode, env] of [['', {}], [' (sheet parsed in the worker thread)', {ITPLAN_SHEET_WORKER_MIN_BYTES: '0'}]] as const) {
      it(`a row of 50 million empty cells in a small workbook is refused in seconds, naming the file and the real sheet${mode}`, async () => {
        const file = write('wide.xlsx', wideRow(50_000_000))
        expect(fs.statSync(file).size).to.be.below(2 * 1024 * 1024)
        const before = snapshotDir(reg.dir)
        const r = await runCli(['import', file, '--json', '--register', reg.register], {env, timeoutMs: 30_000})
        expect(r.timedOut, 'import hung').to.equal(false)
        expect(r.code, r.stderr).to.equal(3)
        const body = json<ImportJson>(r)
        expect(body.files[0].status).to.equal('rejected')
        expect(body.files[0].errors[0]).to.include({code: 'file.tooManyColumns', sheet: '宽表', row: 2})
        expect(body.files[0].errors[0].message).to.include('16384')
        expect(r.ms, 'refused at the 16,385th cell, not after reading 50 million').to.be.below(15_000)
        expect(snapshotDir(reg.dir)).to.deep.equal(before)
        const text = await runCli(['import', file, '--register', reg.register], {env})
        expect(text.stdout).to.include('wide.xlsx 工作表“宽表” 第 2 行').and.include('16384 列')
      })
    }

    it('rows whose width adds up past the cells-per-file limit are refused (each row one cell at column XFD)', async () => {
      // 700 rows × 16,384 columns = 11.5 million cells, in 30 KB
      const raw = repeatedDeflate(SHEET_HEAD, '<row><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>', 700, '</sheetData></worksheet>')
      const file = write('cells.xlsx', xlsxBuffer({name: 'xl/worksheets/sheet1.xml', raw}, {sheetName: '多格'}))
      const r = await runCli(['import', file, '--json', '--register', reg.register])
      expect(r.code, r.stderr).to.equal(3)
      const error = json<ImportJson>(r).files[0].errors[0]
      expect(error).to.include({code: 'file.tooManyCells', sheet: '多格'})
      expect(error.message).to.include('10000000')
    })

    it('a column reference past XFD (a sparse cell at column 20 million) is refused, not allocated', async () => {
      const sheet = sheetXml([HEADERS]).replace('</sheetData>', '<row r="2"><c r="AQXXX2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
      const file = write('far.xlsx', xlsxBuffer(sheet, {sheetName: '远列'}))
      const r = await runCli(['import', file, '--json', '--register', reg.register])
      expect(r.code, r.stderr).to.equal(3)
      expect(json<ImportJson>(r).files[0].errors[0]).to.include({code: 'file.tooManyColumns', sheet: '远列'})
    })

    it('a CSV header of 100,000 commas is refused at the column limit, naming the file', async () => {
      const file = write('commas.csv', HEADERS.join(',') + ','.repeat(100_000) + '\r\n' + goodRow(1).join(',') + '\r\n')
      const r = await runCli(['import', file, '--json', '--register', reg.register])
      expect(r.code, r.stderr).to.equal(3)
      expect(json<ImportJson>(r).files[0].errors[0]).to.include({code: 'file.tooManyColumns', sheet: 'commas.csv', row: 1})
    })

    it('a sheet exactly 16,384 columns wide is still read', async () => {
      const wide = [...HEADERS, ...Array.from({length: 16_384 - HEADERS.length}, () => null)]
      wide[16_383] = '备注'
      const file = write('xfd.xlsx', xlsxBuffer(sheetXml([wide, goodRow(1)])))
      const body = await ok(['import', file])
      expect(body.totals.created).to.equal(1)
    })
  })

  // ── 12: free text of any length from flags ─────────────────────────────────────────────────────────────
  describe('text from flags is bounded as import bounds it (item 12)', () => {
    const long = '长'.repeat(2001)

    it('unit suspend --reason, the unit name, review record --opinion and project add --contact-name over 2,000 characters → exit 2, nothing written', async () => {
      const {text} = await refused(['unit', 'suspend', '市测试局', '--reason', long], 2)
      expect(text).to.include('--reason').and.include('2000')
      await refused(['unit', 'suspend', '局'.repeat(2001), '--reason', '拒不整改'], 2)
      await refused(['project', 'add', ...projectFlags({'contact-name': long})], 2)
      const p = await ok(['project', 'add', ...projectFlags()])
      await refused(['review', 'record', p.id, '--stage', 'fiscal-review', '--result', 'passed', '--date', '2027-01-10', '--opinion', long], 2)
      // 2,000 is allowed
      await ok(['unit', 'suspend', '市测试局', '--reason', '长'.repeat(2000)])
    })

    it('unit list of a register holding two 50,000-character fields answers at once, and a signal stops it', async () => {
      const data = readRegister(reg.register)
      data.units.push(
        {name: '市甲局', suspended: true, reason: '原'.repeat(50_000), since: '2026-12-01'} as RegisterData['units'][number],
        {name: '市乙局', suspended: true, reason: '因'.repeat(50_000), since: '2026-12-01'} as RegisterData['units'][number],
      )
      await writeRegisterData(reg.register, data)
      const r = await cli(['unit', 'list'])
      expect(r.code, r.stderr).to.equal(0)
      expect(r.ms, 'unit list took too long').to.be.below(10_000)
      expect(r.stdout).to.include('市甲局').and.include('…')
      const j = await cli(['unit', 'list', '--json'])
      expect(json<Array<{reason: string}>>(j).map((u) => u.reason.length)).to.include(50_000)
      // SIGTERM soon after the start ends the process promptly
      const running = startCli(['unit', 'list', '--register', reg.register])
      await new Promise((resolve) => setTimeout(resolve, 400))
      const sent = Date.now()
      running.child.kill('SIGTERM')
      const done = await running.done
      expect(Date.now() - sent, `still running ${Date.now() - sent} ms after SIGTERM (exit ${done.code}, ${done.signal})`).to.be.below(3000)
    })
  })

  // ── 15: invisible characters in unit and project names ───────────────────────────────────────────────────
  describe('invisible characters (item 15)', () => {
    it('a suspended unit written with a zero-width space (or WJ, SHY, BOM, ZWJ) is still the suspended unit', async () => {
      await ok(['unit', 'suspend', '市测试局', '--reason', '拒不整改'])
      for (const [i, ch] of ['\u200b', '\u2060', '\u00ad', '\ufeff', '\u200d', '\u200c'].entries()) {
        const p = await ok(['project', 'add', ...projectFlags({unit: `市测${ch}试局`, name: `项目${i}`})])
        expect(p.unit).to.equal('市测试局')
        expect(p.flags).to.include('unit-suspended')
      }
      const units = await ok(['unit', 'list'])
      expect(units.map((u: {name: string}) => u.name)).to.deep.equal(['市测试局'])
    })

    it('a project name with a zero-width space is the same project on re-import, and is stored without it', async () => {
      const first = write('a.csv', csvText([HEADERS, goodRow(1, {name: '智慧警务平台'})]))
      expect((await ok(['import', first])).totals.created).to.equal(1)
      const second = write('b.csv', csvText([HEADERS, goodRow(1, {name: '智慧\u200b警务\u2060平台'})]))
      const body = await ok(['import', second])
      expect(body.totals.created).to.equal(0)
      expect(body.totals.unchanged + body.totals.updated).to.equal(1)
      const fresh = write('c.csv', csvText([HEADERS, goodRow(1, {name: '数据\u200b中台'})]))
      await ok(['import', fresh])
      const names = readRegister(reg.register).projects.map((p) => p.name)
      expect(names).to.have.members(['智慧警务平台', '数据中台'])
    })
  })

  // ── 16: symbolic links in an imported folder ───────────────────────────────────────────────────────────
  it('a symlinked declaration inside an imported folder is reported as skipped, with its reason, in the summary and the JSON (item 16)', async function () {
    const outside = write('elsewhere/linked.csv', csvText([HEADERS, goodRow(2)]))
    write('folder/real.csv', csvText([HEADERS, goodRow(1)]))
    const link = path.join(reg.dir, 'folder', 'linked.csv')
    try {
      fs.symlinkSync(outside, link)
    } catch (e) {
      console.log(`      skipped: cannot make a symbolic link here (${(e as Error).message})`)
      return this.skip()
    }
    fs.symlinkSync(path.join(reg.dir, 'folder'), path.join(reg.dir, 'folder', 'loop'))
    const folder = path.join(reg.dir, 'folder')
    const r = await cli(['import', folder, '--dry-run'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.include('linked.csv').and.include('符号链接').and.include(outside)
    const body = json<ImportJson>(await cli(['import', folder, '--json']))
    expect(body.totals.created).to.equal(1)
    expect(body.skippedLinks!.map((l) => [path.basename(l.path), l.reason])).to.deep.equal([['linked.csv', 'symlink'], ['loop', 'symlink']])
    expect(body.skippedLinks![0].target).to.equal(outside)
  })

  // ── 17 and 21: impossible years and dates ─────────────────────────────────────────────────────────────
  describe('impossible years and dates (items 17, 21)', () => {
    it('every --year flag refuses 99999, 0 and -5 with exit 2 and a clear message', async () => {
      const commands = [['plan', 'build'], ['plan', 'show'], ['plan', 'export'], ['plan', 'approve', '--by', 'leading-group', '--doc', '郴数字〔2027〕1号'], ['acceptance', 'export'], ['project', 'list'], ['report'], ['import', 'x.csv'], ['template', 'declaration'], ['project', 'add', ...projectFlags()]]
      for (const command of commands) {
        for (const year of ['99999', '0', '-5']) {
          const {text, error} = await refused([...command, `--year=${year}`], 2)
          expect(text, command.join(' ')).to.include('2000').and.include('2100')
          expect(error.code, command.join(' ')).to.match(/usage\.yearFlag|invalid-input/)
        }
      }
    })

    it('unit suspend "" (or only a zero-width space), a blank --reason, and declaration-deadline 0000-01-01 → exit 2', async () => {
      await refused(['unit', 'suspend', '', '--reason', '拒不整改'], 2)
      await refused(['unit', 'suspend', '\u200b', '--reason', '拒不整改'], 2)
      await refused(['unit', 'reinstate', '  '], 2)
      await refused(['unit', 'suspend', '市测试局', '--reason', '   '], 2)
      const {text} = await refused(['config', 'set', 'declaration-deadline', '0000-01-01'], 2)
      expect(text).to.include('0000-01-01')
      await refused(['config', 'set', 'plan-year', '99999'], 2)
    })

    it('--date 9999-12-31 (and 0001-01-01) on a lifecycle command → exit 2 naming the flag, not 1 「内部错误」', async () => {
      const p = await ok(['project', 'add', ...projectFlags()])
      for (const date of ['9999-12-31', '0001-01-01']) {
        const {text} = await refused(['review', 'record', p.id, '--stage', 'fiscal-review', '--result', 'passed', '--date', date], 2)
        expect(text).to.include('--date').and.include(date).and.not.include('内部错误')
        await refused(['special-approval', p.id, '--doc', '郴政函〔2027〕1号', '--date', date], 2)
        await refused(['report', '--as-of', date], 2)
      }
    })

    it('an --out whose name is longer than the file system allows → exit 2 with a clear message, not 「内部错误」', async () => {
      const out = path.join(reg.dir, `${'计'.repeat(120)}.xlsx`)
      for (const command of [['template', 'declaration'], ['plan', 'export', '--year', '2027']]) {
        const {text, error} = await refused([...command, '--out', out], 2)
        expect(text).to.include('路径过长').and.not.include('内部错误')
        expect(error.code).to.equal('usage.pathTooLong')
      }
    })
  })

  // ── 18: control characters from a unit's spreadsheet ─────────────────────────────────────────────────────
  it('ESC, BEL and BS from a spreadsheet reach the terminal escaped in project list, project show and the import summary; JSON stays exact (item 18)', async () => {
    const name = '项目\u001b]0;被改的标题\u0007\u001b[2J\b名'
    const sheet = sheetXml([HEADERS, goodRow(1, {name: '另一_x001B_]0;标题_x0007_项目'}), goodRow(2, {nature: '新建_x001B_[31m'})])
    const bad = write('ctl.xlsx', xlsxBuffer(sheet))
    const good = write('ctl.csv', csvText([HEADERS, goodRow(3, {name})]))
    const summary = await cli(['import', bad, good])
    expect(summary.code).to.equal(3)
    expect(summary.stdout + summary.stderr, 'raw control characters in the import summary').to.not.match(RAW_CONTROLS)
    expect(summary.stdout).to.include('\\x1B')
    const list = await cli(['project', 'list'])
    expect(list.code, list.stderr).to.equal(0)
    expect(list.stdout, 'project list').to.not.match(RAW_CONTROLS)
    expect(list.stdout).to.include('\\x1B]0;').and.include('\\x07').and.include('\\x08')
    const projects = await ok(['project', 'list'])
    expect(projects.map((p: {name: string}) => p.name)).to.include(name)
    const show = await cli(['project', 'show', projects[0].id])
    expect(show.stdout, 'project show').to.not.match(RAW_CONTROLS)
    expect(show.stdout).to.include('\\x1B[2J')
  })

  // ── 19: the error workbooks' destination, checked before the commit ───────────────────────────────────────
  describe('error-workbook destination (item 19)', () => {
    let files: string[]
    beforeEach(() => {
      files = [write('in/good.csv', csvText([HEADERS, goodRow(1)])), write('in/bad.csv', csvText([HEADERS, goodRow(2, {total: '很多'})]))]
    })

    it('--errors-dir that is a file, or the register itself → exit 2, nothing imported, nothing written', async () => {
      const plain = write('plain.txt', 'not a folder')
      for (const dir of [plain, reg.register]) {
        const before = snapshotDir(reg.dir)
        const r = await cli(['import', ...files, '--errors-dir', dir])
        expect(r.code, r.stdout + r.stderr).to.equal(2)
        expect(r.stderr).to.include('未导入任何内容').and.not.match(STACK_LINE)
        expect(snapshotDir(reg.dir)).to.deep.equal(before)
      }
      // a folder that does not exist yet is created, as before
      const fresh = path.join(reg.dir, '退回', '第一批')
      const r = await cli(['import', ...files, '--errors-dir', fresh, '--json'])
      expect(r.code, r.stderr).to.equal(3)
      expect(fs.readdirSync(fresh)).to.deep.equal(['bad.errors.xlsx'])
    })

    it('an --errors-dir without write permission → exit 2, nothing imported', async function () {
      const prefix = IS_ROOT ? unprivilegedPrefix() : []
      if (prefix === null) {
        console.log('      skipped: running as root without runuser/setpriv to drop privileges')
        return this.skip()
      }
      const locked = path.join(reg.dir, 'locked')
      fs.mkdirSync(locked)
      fs.chmodSync(locked, 0o555)
      if (IS_ROOT) for (const p of [reg.dir, ...fs.readdirSync(reg.dir, {recursive: true}).map((f) => path.join(reg.dir, String(f)))]) fs.chownSync(p, 65534, 65534)
      fs.chmodSync(reg.dir, 0o777)
      const before = snapshotDir(reg.dir)
      const r = await runCliAs(prefix, ['import', ...files, '--errors-dir', locked, '--register', reg.register])
      fs.chmodSync(locked, 0o755)
      expect(r.code, r.stdout + r.stderr).to.equal(2)
      expect(r.stderr).to.include('没有写入权限')
      expect(snapshotDir(reg.dir)).to.deep.equal(before)
    })
  })
})


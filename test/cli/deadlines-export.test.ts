// `deadlines export --ics` (issue 21, DESIGN §16), through the real binary; the file is read back with ical.js (Mozilla's
// parser, which shares no code with the writer) the way a calendar program imports it. The register: A, a
// 技术初审+财政投资评审 project whose pre-reviews open on the government's approval, Monday 25 Jan 2027 (due Monday
// 8 Feb counted Monday–Friday); four 2026 self-implemented projects: C1 completed 6 Aug 2026 (acceptance application
// due 6 months later: Saturday 6 Feb 2027 → Monday 8 Feb), C2 accepted Friday 22 Jan 2027 (filing within 15 working
// days: 12 Feb; evaluation 12 months on: Saturday 22 Jan 2028 → Monday 24 Jan 2028), C3 filed (its evaluation only),
// C4 filed and evaluated (nothing left).
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import ICAL from 'ical.js'
import {commandsOn, initRegister, projectFlags, tempRegister, type TempRegister} from '../helpers/cli.js'
import type {Project} from '../../src/core/domain/types.js'
import type {DeadlineRow} from '../../src/core/domain/report.js'
import type {DeadlinesExportResult} from '../../src/commands/deadlines/export.js'

interface ParsedEvent {
  uid: string
  start: string
  end: string
  startIsDate: boolean
  endIsDate: boolean
  summary: string
  description: string
  stamp: string | null
  categories: string[]
}

/** The events as a calendar program reads them. */
function parse(text: string): {calendar: ICAL.Component; events: ParsedEvent[]} {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v)
    return {
      uid: e.uid,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      startIsDate: e.startDate.isDate,
      endIsDate: e.endDate.isDate,
      summary: e.summary,
      description: e.description,
      stamp: v.getFirstPropertyValue('dtstamp')?.toString() ?? null,
      categories: v.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
    }
  })
  return {calendar, events}
}

const octets = (line: string) => Buffer.byteLength(line, 'utf8')

describe('deadlines export --ics writes every open deadline as an all-day event (issue 21, through the CLI)', function () {
  this.timeout(180_000)
  let t: TempRegister
  const id: Record<string, string> = {}
  const {ok, refused} = commandsOn(() => t)
  const file = (name: string) => path.join(t.dir, name)
  const exportIcs = (name: string, extra: string[] = []) => ok<DeadlinesExportResult>(['deadlines', 'export', '--ics', file(name), ...extra])

  before(async () => {
    t = tempRegister('itplan-ics-')
    await initRegister(t.dir, 2027)
    for (const [k, flags] of [
      ['A', {name: '智慧警务平台（一期）“雪亮工程”扩容及视频云平台建设，含前端感知设备、汇聚平台和共享交换系统'}],
      ['C1', {unit: '市教育局', name: '智慧校园', total: '30万', year: '2026', 'declared-on': '2025-11-20'}],
      ['C2', {unit: '市民政局', name: '养老服务平台', total: '35万', year: '2026', 'declared-on': '2025-11-20'}],
      ['C3', {unit: '市水利局', name: '水情监测平台', total: '36万', year: '2026', 'declared-on': '2025-11-20'}],
      ['C4', {unit: '市交通运输局', name: '交通监测平台', total: '37万', year: '2026', 'declared-on': '2025-11-20'}],
    ] as Array<[string, Record<string, string>]>) {
      id[k] = (await ok<Project>(['project', 'add', ...projectFlags(flags)])).id
    }
    await ok(['plan', 'build', '--year', '2026'])
    await ok(['plan', 'approve', '--year', '2026', '--by', 'leading-group', '--doc', '郴数政组〔2026〕1号', '--date', '2026-01-10'])
    await ok(['plan', 'approve', '--year', '2026', '--by', 'government', '--doc', '郴政函〔2026〕2号', '--date', '2026-01-20'])
    for (const k of ['C1', 'C2', 'C3', 'C4']) await ok(['construction', 'start', id[k], '--responsible', '李四', '--supervisor', '郴州正信工程监理有限公司', '--date', '2026-02-02'])
    await ok(['construction', 'complete', id.C1, '--date', '2026-08-06'])
    for (const k of ['C2', 'C3', 'C4']) {
      await ok(['construction', 'complete', id[k], '--date', '2026-06-01'])
      await ok(['acceptance', 'preliminary', id[k], '--result', 'passed', '--date', '2026-06-10'])
      await ok(['acceptance', 'apply', id[k], '--date', '2026-06-20'])
      await ok(['acceptance', 'tech-review', id[k], '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2026-12-10'])
    }
    await ok(['acceptance', 'expert', id.C2, '--result', 'passed', '--date', '2027-01-22'])
    for (const k of ['C3', 'C4']) {
      await ok(['acceptance', 'expert', id[k], '--result', 'passed', '--date', '2026-12-15'])
      await ok(['acceptance', 'file', id[k], '--doc', `郴数政办备〔2026〕${k === 'C3' ? 7 : 8}号`, '--date', '2026-12-20'])
    }
    await ok(['evaluate', id.C4, '--score', '88', '--date', '2027-01-05'])
    await ok(['plan', 'build', '--year', '2027'])
    await ok(['plan', 'approve', '--year', '2027', '--by', 'leading-group', '--doc', '郴数政组〔2027〕1号', '--date', '2027-01-15'])
    await ok(['plan', 'approve', '--year', '2027', '--by', 'government', '--doc', '郴政函〔2027〕3号', '--date', '2027-01-25'])
  })
  after(() => t.cleanup())

  it('one event per open deadline, each all day on its due date (DTSTART;VALUE=DATE, DTEND the next day)', async () => {
    const r = await exportIcs('deadlines.ics', ['--as-of', '2027-02-01'])
    expect(r.file).to.equal(file('deadlines.ics'))
    const text = fs.readFileSync(file('deadlines.ics'), 'utf8')
    const {events} = parse(text)
    const got = Object.fromEntries(events.map((e) => [e.uid, e]))
    const want: Array<[string, string, string, string]> = [
      [id.A, 'secrecy-prereview', '2027-02-08', '2027-02-09'],
      [id.A, 'cyber-prereview', '2027-02-08', '2027-02-09'],
      [id.C1, 'acceptance-apply', '2027-02-08', '2027-02-09'],
      [id.C2, 'filing', '2027-02-12', '2027-02-13'],
      [id.C2, 'evaluation', '2028-01-24', '2028-01-25'],
      [id.C3, 'evaluation', '2027-12-15', '2027-12-16'],
    ]
    expect(events).to.have.length(want.length)
    expect(r.events).to.have.length(want.length)
    for (const [pid, key, start, end] of want) {
      const listed = r.events.find((e) => e.projectId === pid && e.key === key)
      expect(listed, `${pid} ${key} in --json`).to.not.equal(undefined)
      const e = got[listed!.uid]
      expect(e, `${pid} ${key} in the file`).to.not.equal(undefined)
      expect({start: e.start, end: e.end, startIsDate: e.startIsDate, endIsDate: e.endIsDate}, `${pid} ${key}`).to.deep.equal({start, end, startIsDate: true, endIsDate: true})
      expect(listed!.dueOn).to.equal(start)
      expect(e.stamp, 'DTSTAMP').to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    }
    expect(text).to.match(/DTSTART;VALUE=DATE:20270208\r\nDTEND;VALUE=DATE:20270209\r\n/)
    expect(new Set(events.map((e) => e.uid)).size, 'UIDs are unique').to.equal(events.length)
    // nothing for C4: filed and evaluated
    expect(r.events.some((e) => e.projectId === id.C4)).to.equal(false)
  })

  it('the same deadlines as review list, and the clerk\'s words in each event', async () => {
    const rows = await ok<DeadlineRow[]>(['review', 'list', '--as-of', '2027-02-01'])
    const r = await exportIcs('words.ics', ['--as-of', '2027-02-01'])
    expect(r.events.map((e) => `${e.projectId} ${e.key} ${e.dueOn}`).sort()).to.deep.equal(rows.map((x) => `${x.projectId} ${x.key} ${x.dueOn}`).sort())
    const {calendar, events} = parse(fs.readFileSync(file('words.ics'), 'utf8'))
    expect(calendar.getFirstPropertyValue('version')).to.equal('2.0')
    expect(String(calendar.getFirstPropertyValue('prodid'))).to.contain('itplan')
    expect(String(calendar.getFirstPropertyValue('x-wr-calname'))).to.contain('2027-02-01')
    const a = events.find((e) => e.uid === r.events.find((x) => x.projectId === id.A && x.key === 'secrecy-prereview')!.uid)!
    expect(a.summary).to.equal('市委办前置审查到期：智慧警务平台（一期）“雪亮工程”扩容及视频云平台建设，含前端感知设备、汇聚平台和共享交换系统（市委办）')
    expect(a.description.split('\n')).to.deep.equal([
      `项目编号：${id.A}`,
      '项目名称：智慧警务平台（一期）“雪亮工程”扩容及视频云平台建设，含前端感知设备、汇聚平台和共享交换系统',
      '项目建设单位：市公安局',
      '事项：市委办前置审查',
      '承办：市委办',
      '开始日期：2027-01-25',
      '到期日：2027-02-08',
      '截至 2027-02-01：剩余5个工作日',
    ])
    expect(a.categories).to.deep.equal(['市委办'])
    const filing = events.find((e) => e.uid === r.events.find((x) => x.projectId === id.C2 && x.key === 'filing')!.uid)!
    expect(filing.summary).to.equal('验收备案到期：养老服务平台（市民政局）')
  })

  it('is RFC 5545 text: CRLF line ends, lines folded at 75 octets without splitting a character, a UID and DTSTAMP in every event', async () => {
    await exportIcs('rfc.ics', ['--as-of', '2027-02-01'])
    const raw = fs.readFileSync(file('rfc.ics'))
    const text = raw.toString('utf8')
    expect(Buffer.from(text, 'utf8').equals(raw), 'valid UTF-8').to.equal(true)
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).to.equal(true)
    expect(text.trimEnd().endsWith('END:VCALENDAR')).to.equal(true)
    expect(text.replace(/\r\n/g, ''), 'no bare LF or CR').to.not.match(/[\r\n]/)
    const lines = text.split('\r\n')
    for (const line of lines) expect(octets(line), line).to.be.at.most(75)
    expect(lines.some((l) => l.startsWith(' ')), 'the long name was folded').to.equal(true)
    for (const block of text.split('BEGIN:VEVENT').slice(1)) {
      expect(block).to.match(/\r\nUID:[^\r\n]+\r\n/)
      expect(block).to.match(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/)
    }
  })

  it('UIDs are stable across runs; a moved deadline keeps its UID and moves (the imported 2027 holidays: 春节 6–14 Feb off)', async () => {
    const first = await exportIcs('first.ics', ['--as-of', '2027-02-01'])
    const again = await exportIcs('again.ics', ['--as-of', '2027-02-01'])
    expect(again.events.map((e) => e.uid)).to.deep.equal(first.events.map((e) => e.uid))
    const days = [
      ...Array.from({length: 9}, (_, i) => ({name: '春节', date: `2027-02-${String(6 + i).padStart(2, '0')}`, isOffDay: true})),
      {name: '春节', date: '2027-02-20', isOffDay: false},
    ]
    fs.writeFileSync(file('2027.json'), JSON.stringify({year: 2027, days}))
    await ok(['calendar', 'import', file('2027.json')])
    const after = await exportIcs('after.ics', ['--as-of', '2027-02-01'])
    expect(after.events.map((e) => e.uid).sort()).to.deep.equal(first.events.map((e) => e.uid).sort())
    const uid = first.events.find((e) => e.projectId === id.A && e.key === 'secrecy-prereview')!.uid
    const moved = parse(fs.readFileSync(file('after.ics'), 'utf8')).events.find((e) => e.uid === uid)!
    expect({start: moved.start, end: moved.end}).to.deep.equal({start: '2027-02-15', end: '2027-02-16'})
  })

  it('--as-of is the register as it stood: before the 2027 plan was approved, A has no open stage', async () => {
    const r = await exportIcs('early.ics', ['--as-of', '2027-01-20'])
    expect(r.events.some((e) => e.projectId === id.A)).to.equal(false)
    expect(r.events.some((e) => e.projectId === id.C1 && e.key === 'acceptance-apply')).to.equal(true)
  })

  it('bad flags are usage errors and write nothing', async () => {
    const missing = await refused(['deadlines', 'export'], 2)
    expect(missing.text).to.contain('ics')
    await refused(['deadlines', 'export', '--ics', t.register], 2)
    fs.mkdirSync(file('a-folder'))
    await refused(['deadlines', 'export', '--ics', file('a-folder')], 2)
    expect((await refused(['deadlines', 'export', '--ics', file('bad.ics'), '--as-of', '2027-13-01'], 2)).text).to.contain('as-of')
    expect(fs.existsSync(file('bad.ics'))).to.equal(false)
  })
})

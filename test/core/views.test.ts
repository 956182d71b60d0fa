// The pieces of issue 15's views that need no process: the one formatter of times shown to people, the table that
// fits a width, and the journal's sentences.
import {expect} from 'chai'
import stringWidth from 'string-width'
import {formatLocalTime, localTimeParts, offsetText} from '../../src/core/domain/iso-date.js'
import {renderTable, fitCell} from '../../src/cli/table.js'
import {actionText, journalSummary} from '../../src/cli/render-journal.js'
import {ACTIONS} from '../../src/core/domain/lifecycle.js'

describe('times shown to people (DESIGN §5)', () => {
  it('a stored instant reads as the wall clock at the offset given: 08:24Z is 16:24 +08:00', () => {
    expect(formatLocalTime('2026-12-01T08:24:31.123Z', {offsetMinutes: 480})).to.equal('2026-12-01 16:24 +08:00')
    expect(formatLocalTime('2026-12-01T08:24:31.123Z', {offsetMinutes: 480, seconds: true})).to.equal('2026-12-01 16:24:31 +08:00')
    expect(formatLocalTime('2026-12-31T20:05:00Z', {offsetMinutes: 480}), 'the date rolls over').to.equal('2027-01-01 04:05 +08:00')
    expect(formatLocalTime('2026-03-01T02:00:00Z', {offsetMinutes: -300})).to.equal('2026-02-28 21:00 -05:00')
    expect(formatLocalTime('2026-06-01T00:00:00Z', {offsetMinutes: 330})).to.equal('2026-06-01 05:30 +05:30')
    expect(formatLocalTime('2026-06-01T00:00:00Z', {offsetMinutes: 0})).to.equal('2026-06-01 00:00 +00:00')
    expect(formatLocalTime('2026-12-01T16:24:00+08:00', {offsetMinutes: 480}), 'an instant with its own offset').to.equal('2026-12-01 16:24 +08:00')
  })

  it('text that is no timestamp is shown as it is (a backup named by hand, a hand-edited journal)', () => {
    for (const text of ['2027', 'backup-old', '2026-12-01', '']) expect(formatLocalTime(text, {offsetMinutes: 480})).to.equal(text)
    expect(localTimeParts('2026-13-45T99:00:00Z', 480)).to.equal(null)
  })

  it('offsets as ISO 8601 writes them', () => {
    expect([480, -300, 330, 0, -90].map(offsetText)).to.deep.equal(['+08:00', '-05:00', '+05:30', '+00:00', '-01:30'])
  })
})

describe('tables that fit a width', () => {
  const head = ['编号', '建设单位', '项目名称', '总投资(万元)', '审批路径']
  const rows = [
    ['2027-0001', '市行政审批服务局(市政务服务中心)', '郴州市城市运行管理中心二期暨城市大脑一网统管平台扩容升级建设项目', '12,000.00', '立项+技术初审+财政投资评审'],
    ['2027-0002', '市公安局', '智慧警务平台', '85.00', '自行组织实施'],
  ]
  const widest = (s: string) => Math.max(...s.split('\n').map((l) => stringWidth(l)))

  for (const width of [100, 72, 60]) {
    it(`at ${width} columns: no line wider, CJK counted as two, ids and figures whole, headers whole`, () => {
      const table = renderTable(head, rows, ['left', 'left', 'left', 'right', 'left'], width)
      expect(widest(table), table).to.be.at.most(width)
      for (const s of ['2027-0001', '2027-0002', '12,000.00', '85.00', '编号']) expect(table).to.contain(s)
      expect(table).to.contain('…')
      expect(table, 'the header broken before its unit, not cut').to.contain('总投资').and.contain('(万元)')
    })
  }

  it('a table that fits is left as it was', () => {
    const table = renderTable(head, [rows[1]], [], 200)
    expect(table).to.contain('智慧警务平台').and.not.contain('…')
    expect(renderTable(head, rows, [], Infinity)).to.not.contain('…')
    expect(fitCell('市公安局')).to.equal('市公安局')
  })
})

describe('the journal in words', () => {
  it('every lifecycle action has a Chinese name', () => {
    for (const action of Object.keys(ACTIONS)) expect(actionText(action), action).to.match(/[\u4e00-\u9fff]/)
    expect(actionText('something-new'), 'an action the catalogue does not know shows as journalled').to.equal('something-new')
  })

  it('summaries read the change in words, and survive a change of any shape', () => {
    expect(journalSummary({action: 'review-record', change: {stage: 'fiscal-review', result: 'passed', date: '2027-03-20', documentNo: '郴财评〔2027〕8号', approvedAmount: {from: 150_000_000, to: 140_000_000}, status: {from: 'reviewing', to: 'cleared'}}})).to.equal(
      '市财政局财政投资评审：通过（2027-03-20），文号 郴财评〔2027〕8号，审定金额 140.00 万元；状态“评审中”→“评审通过”',
    )
    expect(journalSummary({action: 'update', change: {fields: {totalInvestmentFen: {from: 85_000_000, to: 90_000_000}, summary: {from: 'a', to: 'b'.repeat(40)}}, reason: '需求调整'}})).to.equal('总投资 85.00 万元 → 90.00 万元；主要建设内容；原因：需求调整')
    expect(journalSummary({action: 'flags', change: {from: [], to: ['weak-performance']}})).to.equal('标记 （无） → 绩效偏弱')
    for (const change of [null, 'text', 42, [], {stage: 7}]) expect(() => journalSummary({action: 'review-record', change}), String(change)).to.not.throw()
    expect(journalSummary({action: 'something-new', change: {a: 1}})).to.equal('{"a":1}')
  })
})

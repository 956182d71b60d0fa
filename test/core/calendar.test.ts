import {createRequire} from 'node:module'
import {expect} from 'chai'
import {InvalidData} from '../../src/core/domain/errors.js'
import {codeText} from '../../src/core/i18n/index.js'
import {
  addMonths,
  CalendarOverrideError,
  createCalendar,
  isValidIsoDate,
  parseHolidayCnJson,
  todayIso,
} from '../../src/core/calendar/index.js'
import type {CalendarOverride, WorkingCalendar} from '../../src/core/calendar/index.js'

const DAY_MS = 86_400_000
/** every date from `from` to `to`, both included */
function* dates(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    yield new Date(t).toISOString().slice(0, 10)
  }
}

const holidayCn = (year: number, days: Array<{name: string; date: string; isOffDay: boolean}>) =>
  JSON.stringify({$schema: 'https://example.invalid/schema.json', year, papers: [], days}, null, 4)

describe('calendar', () => {
  const cal: WorkingCalendar = createCalendar()

  describe('official data (chinese-days)', () => {
    it('covers the years the package has data for, computed from its data', () => {
      const years = cal.coveredYears()
      expect(years[0]).to.equal(2004)
      expect(years).to.include(2026)
      expect(years).to.deep.equal(Array.from({length: years.length}, (_, k) => 2004 + k))
      expect(cal.isCovered(2026)).to.equal(true)
      expect(cal.isCovered(2003)).to.equal(false)
      expect(cal.isCovered(years[years.length - 1] + 1)).to.equal(false)
    })

    const packageRequire = createRequire(import.meta.url)

    it('follows the package’s data on every covered day', () => {
      const data = packageRequire('chinese-days/dist/chinese-days.json') as Record<string, Record<string, string>>
      for (const date of dates('2004-01-01', '2026-12-31')) {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
        const expected = date in data.workdays || (weekday >= 1 && weekday <= 5 && !(date in data.holidays))
        if (cal.isWorkingDay(date) !== expected) expect.fail(`${date}: the package's data says ${expected}`)
      }
    })

    it('agrees with the package’s own isWorkday on every covered day', function () {
      // chinese-days parses '2026-09-19' as UTC midnight but reads it back in local time, so west of Greenwich
      // it answers for the day before (isWorkday('2026-09-19'), a Saturday, is true): compare only where it works.
      if (new Date(2026, 0, 1).getTimezoneOffset() > 0) this.skip()
      const {isWorkday} = packageRequire('chinese-days') as {isWorkday: (d: string) => boolean}
      for (const date of dates('2004-01-01', '2026-12-31')) {
        if (cal.isWorkingDay(date) !== isWorkday(date)) expect.fail(`${date}: package says ${isWorkday(date)}`)
      }
    })

    it('follows the 2026 Mid-Autumn and National Day schedule', () => {
      for (const date of dates('2026-09-25', '2026-09-27')) expect(cal.isWorkingDay(date), date).to.equal(false)
      for (const date of dates('2026-10-01', '2026-10-07')) expect(cal.isWorkingDay(date), date).to.equal(false)
      expect(cal.isWorkingDay('2026-09-20'), 'Sunday worked').to.equal(true)
      expect(cal.isWorkingDay('2026-10-10'), 'Saturday worked').to.equal(true)
      expect(cal.isWorkingDay('2026-09-19'), 'ordinary Saturday').to.equal(false)
      expect(cal.isWorkingDay('2026-09-24')).to.equal(true)
      expect(cal.isWorkingDay('2026-10-08')).to.equal(true)
    })

    it('follows the 2026 Spring Festival schedule', () => {
      expect(cal.isWorkingDay('2026-02-13')).to.equal(true)
      expect(cal.isWorkingDay('2026-02-14'), 'Saturday worked').to.equal(true)
      for (const date of dates('2026-02-15', '2026-02-23')) expect(cal.isWorkingDay(date), date).to.equal(false)
      expect(cal.isWorkingDay('2026-02-24')).to.equal(true)
      expect(cal.isWorkingDay('2026-02-28'), 'Saturday worked').to.equal(true)
      expect(cal.addWorkingDays('2026-02-14', 1).date).to.equal('2026-02-24')
    })
  })

  describe('addWorkingDays', () => {
    it('counts across the 2026 autumn holidays', () => {
      expect(cal.addWorkingDays('2026-09-18', 10)).to.deep.equal({date: '2026-10-09', uncoveredYears: []})
      expect(cal.addWorkingDays('2026-09-30', 20)).to.deep.equal({date: '2026-11-03', uncoveredYears: []})
    })

    it('does not count the start day, and counts an adjusted Sunday', () => {
      expect(cal.addWorkingDays('2026-09-18', 1).date, 'Friday + 1 is the worked Sunday').to.equal('2026-09-20')
      expect(cal.addWorkingDays('2026-09-20', 1).date).to.equal('2026-09-21')
      expect(cal.addWorkingDays('2026-09-24', 1).date, 'over Mid-Autumn').to.equal('2026-09-28')
      expect(cal.addWorkingDays('2026-10-03', 1).date, 'from inside a holiday').to.equal('2026-10-08')
      expect(cal.addWorkingDays('2026-09-18', 0).date).to.equal('2026-09-18')
    })

    it('counts backwards for negative n, not counting the start day', () => {
      expect(cal.addWorkingDays('2026-09-21', -1).date).to.equal('2026-09-20')
      expect(cal.addWorkingDays('2026-10-08', -1).date).to.equal('2026-09-30')
      expect(cal.addWorkingDays('2026-10-09', -10).date).to.equal('2026-09-18')
    })

    it('falls back to Monday–Friday in an uncovered year and names it', () => {
      expect(cal.addWorkingDays('2100-03-05', 5)).to.deep.equal({date: '2100-03-12', uncoveredYears: [2100]})
      expect(cal.addWorkingDays('2099-12-31', 1)).to.deep.equal({date: '2100-01-01', uncoveredYears: [2100]})
      expect(cal.addWorkingDays('2100-01-01', -1)).to.deep.equal({date: '2099-12-31', uncoveredYears: [2099]})
    })

    it('names an uncovered year only when the count reaches it', () => {
      const last = Math.max(...cal.coveredYears())
      expect(cal.addWorkingDays(`${last}-12-01`, 1).uncoveredYears).to.deep.equal([])
      expect(cal.addWorkingDays(`${last}-12-31`, 1).uncoveredYears).to.deep.equal([last + 1])
      expect(cal.addWorkingDays(`${last}-06-01`, 300).uncoveredYears).to.deep.equal([last + 1])
    })

    it('refuses a bad date or a fractional count', () => {
      expect(() => cal.addWorkingDays('2026-02-30', 1)).to.throw(RangeError)
      expect(() => cal.addWorkingDays('2026-09-18', 1.5)).to.throw(RangeError)
      expect(() => cal.isWorkingDay('2026/09/18')).to.throw(RangeError)
    })
  })

  describe('workingDaysBetween', () => {
    it('is positive, zero or negative', () => {
      expect(cal.workingDaysBetween('2026-09-18', '2026-10-09')).to.deep.equal({days: 10, uncoveredYears: []})
      expect(cal.workingDaysBetween('2026-10-09', '2026-09-18').days).to.equal(-10)
      expect(cal.workingDaysBetween('2026-09-18', '2026-09-18').days).to.equal(0)
      expect(cal.workingDaysBetween('2026-09-24', '2026-09-27').days, 'only holidays in between').to.equal(0)
      expect(cal.workingDaysBetween('2026-09-28', '2026-09-24').days).to.equal(-1)
    })

    it('is overdue from the day after a working-day deadline, even on a holiday', () => {
      expect(cal.workingDaysBetween('2026-10-03', '2026-09-30').days).to.equal(-1)
      expect(cal.workingDaysBetween('2026-10-08', '2026-09-30').days).to.equal(-1)
      expect(cal.workingDaysBetween('2026-10-09', '2026-09-30').days).to.equal(-2)
      expect(cal.workingDaysBetween('2026-09-30', '2026-09-30').days, 'due today').to.equal(0)
    })

    it('names every uncovered year it reads, and only those', () => {
      expect(cal.workingDaysBetween('2098-12-31', '2101-01-03')).to.deep.equal({
        days: 261 + 261 + 1,
        uncoveredYears: [2099, 2100, 2101],
      })
      expect(cal.workingDaysBetween('2101-01-03', '2098-12-31')).to.deep.equal({
        days: -(1 + 261 + 261),
        uncoveredYears: [2098, 2099, 2100, 2101],
      })
      expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).to.deep.equal({days: 248, uncoveredYears: []})
    })

    it('is consistent with addWorkingDays over a range of dates', () => {
      const last = Math.max(...cal.coveredYears())
      for (const start of dates(`${last - 1}-12-01`, `${last + 1}-01-31`)) {
        for (let n = -25; n <= 25; n++) {
          const {date} = cal.addWorkingDays(start, n)
          if (n !== 0 && !cal.isWorkingDay(date)) expect.fail(`${start} ${n}: ${date} is not a working day`)
          const {days} = cal.workingDaysBetween(start, date)
          if (days !== n) expect.fail(`${start} ${n}: addWorkingDays gave ${date}, workingDaysBetween gave ${days}`)
        }
      }
    })

    it('stays fast for a register of 20,000 projects', () => {
      const fresh = createCalendar()
      const began = Date.now()
      for (let k = 0; k < 20_000; k++) {
        const start = `2026-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`
        const {date} = fresh.addWorkingDays(start, 15)
        fresh.workingDaysBetween('2026-11-26', date)
        fresh.isWorkingDay(date)
      }
      expect(Date.now() - began).to.be.below(2000)
    })
  })

  describe('yearSummary', () => {
    it('lists the official 2026 schedule with Chinese names', () => {
      const summary = cal.yearSummary(2026)
      expect(summary).to.include({year: 2026, covered: true, source: 'official', workingDayCount: 248})
      expect(summary.holidays).to.deep.include({date: '2026-10-01', name: '国庆节'})
      expect(summary.holidays).to.deep.include({date: '2026-02-17', name: '春节'})
      expect(summary.holidays.map((d) => d.date)).to.include.members(['2026-09-25', '2026-09-26', '2026-09-27'])
      expect(summary.adjustedWorkdays.map((d) => d.date)).to.deep.equal([
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ])
    })

    it('says when a year is a Monday–Friday fallback', () => {
      expect(cal.yearSummary(2100)).to.deep.equal({
        year: 2100,
        covered: false,
        source: 'fallback',
        holidays: [],
        adjustedWorkdays: [],
        workingDayCount: 261,
      })
    })
  })

  describe('office overrides', () => {
    it('take precedence over the package for the dates they list', () => {
      const override: CalendarOverride = {
        year: 2026,
        days: [
          {date: '2026-09-21', name: '防汛停工', isOffDay: true},
          {date: '2026-10-07', name: '国庆节', isOffDay: false},
        ],
      }
      const office = createCalendar([override])
      expect(office.isWorkingDay('2026-09-21')).to.equal(false)
      expect(office.isWorkingDay('2026-10-07')).to.equal(true)
      expect(office.isWorkingDay('2026-10-06'), 'unlisted dates keep the package’s answer').to.equal(false)
      expect(office.isWorkingDay('2026-09-20'), 'unlisted dates keep the package’s answer').to.equal(true)
      expect(office.addWorkingDays('2026-09-18', 10).date, 'one day lost, one gained').to.equal('2026-10-09')
      expect(office.addWorkingDays('2026-09-30', 1).date).to.equal('2026-10-07')
      const summary = office.yearSummary(2026)
      expect(summary.source).to.equal('override')
      expect(summary.holidays).to.deep.include({date: '2026-09-21', name: '防汛停工'})
      expect(summary.workingDayCount).to.equal(248)
      expect(cal.isWorkingDay('2026-09-21'), 'other calendars are unaffected').to.equal(true)
    })

    it('make a weekday a holiday', () => {
      const office = createCalendar([{year: 2026, days: [{date: '2026-09-21', name: '停工', isOffDay: true}]}])
      expect(office.addWorkingDays('2026-09-18', 10).date, 'reaches the worked Saturday').to.equal('2026-10-10')
      expect(office.workingDaysBetween('2026-09-18', '2026-10-10').days).to.equal(10)
    })

    it('make an uncovered year covered', () => {
      const override = parseHolidayCnJson(holidayCn(2100, [{name: '元旦', date: '2100-01-01', isOffDay: true}]))
      const office = createCalendar([override])
      expect(office.isCovered(2100)).to.equal(true)
      expect(office.coveredYears()).to.include(2100)
      expect(office.addWorkingDays('2099-12-31', 1)).to.deep.equal({date: '2100-01-04', uncoveredYears: []})
      expect(office.addWorkingDays('2100-12-31', 1).uncoveredYears).to.deep.equal([2101])
      expect(office.yearSummary(2100)).to.deep.include({
        covered: true,
        source: 'override',
        holidays: [{date: '2100-01-01', name: '元旦'}],
        workingDayCount: 260,
      })
    })
  })

  describe('parseHolidayCnJson', () => {
    it('reads a holiday-cn file', () => {
      const text = holidayCn(2027, [
        {name: '元旦', date: '2027-01-01', isOffDay: true},
        {name: '春节', date: '2027-02-20', isOffDay: false},
      ])
      expect(parseHolidayCnJson(`\uFEFF${text.replace(/\n/g, '\r\n')}`)).to.deep.equal({
        year: 2027,
        days: [
          {date: '2027-01-01', name: '元旦', isOffDay: true},
          {date: '2027-02-20', name: '春节', isOffDay: false},
        ],
      })
    })

    it('accepts a New Year break that starts in the previous December, as holiday-cn files it', () => {
      const text = holidayCn(2019, [
        {name: '元旦', date: '2018-12-29', isOffDay: false},
        {name: '元旦', date: '2018-12-30', isOffDay: true},
        {name: '元旦', date: '2019-01-01', isOffDay: true},
      ])
      const override = parseHolidayCnJson(text)
      expect(override.days.map((d) => d.date)).to.deep.equal(['2018-12-29', '2018-12-30', '2019-01-01'])
      const office = createCalendar([override])
      expect(office.isCovered(2018) && office.isCovered(2019)).to.equal(true)
      expect(office.yearSummary(2018).source, '2018 keeps the package').to.equal('official')
    })

    const refusals: Array<[string, string, string]> = [
      ['not JSON', '{"year": 2027,', 'notJson'],
      ['not an object', '[]', 'notObject'],
      ['no year', JSON.stringify({days: [{name: '元旦', date: '2027-01-01', isOffDay: true}]}), 'missingYear'],
      ['a year as text', JSON.stringify({year: '2027', days: []}), 'missingYear'],
      ['a year out of range (issue 13 #22)', holidayCn(99999, [{name: '元旦', date: '2027-01-01', isOffDay: true}]), 'badYear'],
      ['a year with a fraction', holidayCn(2027.5, [{name: '元旦', date: '2027-01-01', isOffDay: true}]), 'badYear'],
      ['no days', JSON.stringify({year: 2027, papers: []}), 'missingDays'],
      ['an empty placeholder year', holidayCn(2027, []), 'emptyDays'],
      ['a day without isOffDay', JSON.stringify({year: 2027, days: [{name: '元旦', date: '2027-01-01'}]}), 'badDay'],
      ['an impossible date', holidayCn(2027, [{name: '春节', date: '2027-02-30', isOffDay: true}]), 'badDate'],
      ['a date in another format', holidayCn(2027, [{name: '春节', date: '2027/2/6', isOffDay: true}]), 'badDate'],
      ['a date in another year', holidayCn(2027, [{name: '国庆节', date: '2026-10-01', isOffDay: true}]), 'dateOutsideYear'],
      [
        'a date listed twice',
        holidayCn(2027, [
          {name: '元旦', date: '2027-01-01', isOffDay: true},
          {name: '元旦', date: '2027-01-01', isOffDay: false},
        ]),
        'duplicateDate',
      ],
    ]
    for (const [what, text, reason] of refusals) {
      it(`refuses ${what} (${reason}), naming the file with every placeholder filled`, () => {
        expect(() => parseHolidayCnJson(text, 'holidays/2027.json'))
          .to.throw(CalendarOverrideError)
          .that.includes({reason, code: `error.calendarOverride.${reason}`, exitCode: 3})
        try {
          parseHolidayCnJson(text, 'holidays/2027.json')
        } catch (error) {
          const {code, params} = error as CalendarOverrideError
          for (const lang of ['zh', 'en'] as const) expect(codeText(code, params, lang)).to.contain('holidays/2027.json').and.not.match(/\{\w+\}/)
        }
      })
    }

    it('says where the bad entry is, as an input-data error', () => {
      try {
        parseHolidayCnJson(
          holidayCn(2027, [
            {name: '元旦', date: '2027-01-01', isOffDay: true},
            {name: '春节', date: '2027-13-01', isOffDay: true},
          ]),
        )
        expect.fail('accepted')
      } catch (error) {
        expect(error).to.be.instanceOf(InvalidData)
        expect((error as CalendarOverrideError).params).to.include({at: 'days[1]', date: '2027-13-01', year: 2027})
      }
    })
  })

  describe('date helpers', () => {
    it('addMonths clamps to the end of the month', () => {
      expect(addMonths('2026-08-31', 6)).to.equal('2027-02-28')
      expect(addMonths('2027-08-31', 6)).to.equal('2028-02-29')
      expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28')
      expect(addMonths('2026-05-31', 1)).to.equal('2026-06-30')
      expect(addMonths('2026-03-31', -1)).to.equal('2026-02-28')
      expect(addMonths('2026-01-15', -1)).to.equal('2025-12-15')
      expect(addMonths('2026-11-15', 14)).to.equal('2028-01-15')
      expect(addMonths('2026-09-18', 12)).to.equal('2027-09-18')
      expect(addMonths('2026-09-18', 0)).to.equal('2026-09-18')
      expect(() => addMonths('2026-09-18', 0.5)).to.throw(RangeError)
      expect(() => addMonths('2026-02-29', 1)).to.throw(RangeError)
    })

    it('isValidIsoDate accepts only real YYYY-MM-DD dates', () => {
      for (const good of ['2026-09-18', '2028-02-29', '2000-02-29', '2026-12-31']) {
        expect(isValidIsoDate(good), good).to.equal(true)
      }
      const bad = ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-9-18', '2026/09/18']
      for (const text of [...bad, '2026-09-18T00:00:00Z', ' 2026-09-18', '']) {
        expect(isValidIsoDate(text), text).to.equal(false)
      }
    })

    it('todayIso is the local date', () => {
      expect(todayIso(new Date(2026, 8, 18, 23, 59, 59))).to.equal('2026-09-18')
      expect(todayIso(new Date(2027, 0, 1, 0, 0, 0))).to.equal('2027-01-01')
      expect(isValidIsoDate(todayIso())).to.equal(true)
    })
  })
})

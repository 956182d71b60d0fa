import {expect} from 'chai'
import {formatWan, formatYuan, MAX_AMOUNT_FEN, parseAmount, unitFromHeader, wanHidesDetail} from '../../src/core/domain/money.js'
import type {AmountParse, AmountUnit} from '../../src/core/domain/money.js'

const WAN = 1_000_000 // 分 in one 万元

function fen(input: string | number, unit: AmountUnit = 'yuan'): number {
  const r: AmountParse = parseAmount(input, unit)
  if (!r.ok) throw new Error(`parseAmount(${JSON.stringify(input)}, ${unit}) refused it: ${r.code}`)
  return r.fen
}

function refusal(input: string | number, unit: AmountUnit = 'yuan'): string {
  const r = parseAmount(input, unit)
  if (r.ok) throw new Error(`parseAmount(${JSON.stringify(input)}, ${unit}) accepted it as ${r.fen} 分`)
  return r.code
}

describe('money', () => {
  describe('parseAmount: the forms a clerk writes', () => {
    const cases: Array<[string, AmountUnit, number]> = [
      ['80万', 'yuan', 80 * WAN],
      ['80万元', 'yuan', 80 * WAN],
      ['800000', 'yuan', 80 * WAN], // bare numbers default to 元 for flags and config
      ['800,000元', 'yuan', 80 * WAN],
      ['800,000', 'yuan', 80 * WAN],
      ['1,200,000.50元', 'yuan', 120 * WAN + 50],
      ['1.2亿', 'yuan', 12_000 * WAN],
      ['1.2亿元', 'wan', 12_000 * WAN],
      ['１２０万元', 'yuan', 120 * WAN], // full-width digits
      ['１２０．５万', 'yuan', 120 * WAN + 500_000],
      ['¥85.5万', 'yuan', 85.5 * WAN],
      ['￥85.5万', 'yuan', 85.5 * WAN],
      [' 85 万 ', 'yuan', 85 * WAN],
      ['799999.99', 'yuan', 79_999_999],
      ['799,999.99元', 'yuan', 79_999_999],
      ['79.999999万', 'yuan', 79_999_999],
      ['0.01', 'yuan', 1],
      ['85', 'wan', 85 * WAN], // a 万元 header's bare number
      ['850000元', 'wan', 85 * WAN], // a unit in the text wins over the header's
      ['0', 'yuan', 0],
      // capital numerals (大写金额, issue 16): 元 in the text, or 万/亿 inside the numeral, makes it 元
      ['捌拾伍万元', 'wan', 85 * WAN],
      ['壹佰贰拾万元整', 'wan', 120 * WAN],
      ['人民币壹佰万元整', 'wan', 100 * WAN],
      ['（大写）壹佰万元整', 'yuan', 100 * WAN],
      ['肆拾叁万贰仟壹佰元伍角陆分', 'wan', 43_210_056],
      ['壹佰元零伍分', 'yuan', 10_005],
      ['壹仟元伍角', 'wan', 100_050],
      ['贰佰零伍万元', 'wan', 205 * WAN],
      ['壹佰贰拾万零伍仟元', 'yuan', 120_500_000],
      ['贰拾万伍仟元整', 'yuan', 20_500_000],
      ['壹亿贰仟万元', 'wan', 12_000 * WAN],
      ['壹亿零伍万元', 'yuan', 10_005 * WAN],
      ['拾万元', 'yuan', 10 * WAN],
      ['捌拾伍万', 'wan', 85 * WAN], // 万 inside the numeral: 850,000 元, whatever the header says
      ['捌拾伍', 'wan', 85 * WAN], // a bare numeral is in the header's unit, as a bare number is
      ['捌拾伍', 'yuan', 8_500],
      ['捌拾伍元', 'wan', 8_500], // 元 in the text wins over the header's 万元
      ['壹佰萬圓整', 'yuan', 100 * WAN], // Traditional forms of the characters
      ['壹仟亿元', 'yuan', MAX_AMOUNT_FEN],
    ]
    for (const [input, unit, expected] of cases) {
      it(`${JSON.stringify(input)} (default ${unit}) → ${expected} 分`, () => {
        expect(fen(input, unit)).to.equal(expected)
      })
    }

    it('a bare number is in the default unit: 800000 is 80 万元 as 元, 80 万亿 never', () => {
      expect(fen('800000', 'yuan')).to.equal(80 * WAN)
      expect(fen('80', 'wan')).to.equal(80 * WAN)
      expect(fen('0.8', 'yi')).to.equal(8_000 * WAN)
    })

    it('returns integers only', () => {
      for (const input of ['1.2亿', '¥85.5万', '79.99', '0.3万', '123,456.78元']) {
        const value = fen(input, 'wan')
        expect(Number.isSafeInteger(value), input).to.equal(true)
      }
    })
  })

  describe('parseAmount: spreadsheet numbers', () => {
    it('79.99 as a number in 万元 is exactly 799,900 元', () => {
      expect(fen(79.99, 'wan')).to.equal(79_990_000)
      expect(fen(49.99, 'wan')).to.equal(49_990_000)
      expect(fen(99.99, 'wan')).to.equal(99_990_000)
    })

    it('numbers whose binary form falls short of the decimal still give the written 分', () => {
      // 79.99 × 100 is 7998.999999999999 in binary; the cell means 79.99 元
      expect(79.99 * 100).to.not.equal(7999)
      expect(fen(79.99, 'yuan')).to.equal(7_999)
      expect(fen(0.29, 'yuan')).to.equal(29)
      expect(fen(1.15, 'yuan')).to.equal(115)
      expect(fen(8.7, 'yuan')).to.equal(870)
      expect(fen(0.57, 'yuan')).to.equal(57)
    })

    it('float noise such as 0.1 + 0.2 does not leak into 分', () => {
      expect(0.1 + 0.2).to.not.equal(0.3)
      expect(fen(0.1 + 0.2, 'wan')).to.equal(300_000)
      expect(fen(0.1 + 0.2, 'yuan')).to.equal(30)
      expect(fen(1.1 + 2.2, 'yuan')).to.equal(330)
      // a column summed in a spreadsheet formula: ten times 7.99 万元
      let sum = 0
      for (let i = 0; i < 10; i++) sum += 0.1
      expect(sum).to.not.equal(1)
      expect(fen(sum, 'wan')).to.equal(1 * WAN)
      expect(fen(sum, 'yuan')).to.equal(100)
    })

    it('a number and its text give the same 分 for every 万元 value with up to 6 decimals near the boundaries', () => {
      for (const base of [49, 79, 99, 499]) {
        for (let k = 999_900; k <= 1_000_100; k++) {
          const f = base * WAN + k // 49.9999 万 … 50.0001 万 and so on
          const asNumber = f / WAN
          expect(fen(asNumber, 'wan'), String(asNumber)).to.equal(f)
          expect(fen(String(asNumber), 'wan'), String(asNumber)).to.equal(f)
        }
      }
    })

    it('integer numbers in 元 are exact', () => {
      expect(fen(800_000, 'yuan')).to.equal(80 * WAN)
      expect(fen(799_999.99, 'yuan')).to.equal(79_999_999)
    })
  })

  describe('parseAmount: capital numerals (大写金额), exactly to the 分 (issue 16)', () => {
    it('a text with two readings, or none, is refused rather than guessed', () => {
      // 壹万伍 is 10,005 to the decoder and 15,000 to many a reader; 伍伍万 would decode leniently as 550,000
      for (const input of ['壹万伍', '壹仟伍元', '伍伍万', '捌拾伍万元角', '伍角', '壹拾零', '元整', '捌拾伍万元元', '壹佰贰拾万元整整', '八十五万元']) {
        expect(refusal(input, 'wan'), input).to.equal('amount.malformed')
      }
      expect(refusal('玖仟玖佰玖拾玖亿元')).to.equal('amount.tooLarge')
      expect(refusal('壹仟亿零壹元')).to.equal('amount.tooLarge')
    })
  })

  describe('parseAmount: refusals', () => {
    const malformed = ['12,34', 'abc', '1.2.3', '', '   ', '万', '1,2345', '12,,345', '1e6', '0x10', '八十万', '80万万', '.5', '5.', '--5']
    for (const input of malformed) {
      it(`${JSON.stringify(input)} is malformed`, () => {
        expect(refusal(input)).to.equal('amount.malformed')
      })
    }

    it('negative amounts are refused as negative, in every form', () => {
      expect(refusal('-5万')).to.equal('amount.negative')
      expect(refusal('-800,000元')).to.equal('amount.negative')
      expect(refusal('-0.01')).to.equal('amount.negative')
      expect(refusal(-1, 'wan')).to.equal('amount.negative')
      expect(refusal('－5万')).to.equal('amount.negative') // full-width minus
    })

    it('non-finite spreadsheet numbers are malformed', () => {
      expect(refusal(Number.NaN, 'wan')).to.equal('amount.malformed')
      expect(refusal(Number.POSITIVE_INFINITY, 'wan')).to.equal('amount.malformed')
    })

    it('amounts above 1,000 亿元 are refused as too large; 1,000 亿元 itself is accepted', () => {
      expect(MAX_AMOUNT_FEN).to.equal(1_000 * 10_000 * WAN)
      expect(fen('1000亿')).to.equal(MAX_AMOUNT_FEN)
      expect(refusal('1000.0001亿')).to.equal('amount.tooLarge')
      expect(refusal('1001亿')).to.equal('amount.tooLarge')
      expect(refusal('99999999999999999')).to.equal('amount.tooLarge')
      expect(refusal('100,000,000,001元')).to.equal('amount.tooLarge')
      expect(refusal(1e12, 'yuan')).to.equal('amount.tooLarge')
      expect(refusal(1e300, 'wan')).to.equal('amount.tooLarge')
    })
  })

  describe('formatWan / formatYuan', () => {
    it('79,999,999 分 shows as 80.00 万元 but 799,999.99 元 exactly', () => {
      expect(formatWan(79_999_999)).to.equal('80.00')
      expect(formatYuan(79_999_999)).to.equal('799,999.99')
      expect(wanHidesDetail(79_999_999)).to.equal(true)
      expect(wanHidesDetail(80 * WAN)).to.equal(false)
    })

    const wan: Array<[number, string]> = [
      [0, '0.00'],
      [1, '0.00'],
      [10_000, '0.01'],
      [85 * WAN, '85.00'],
      [85_500_000, '85.50'],
      [80 * WAN - 10_000, '79.99'],
      [12_000 * WAN, '12,000.00'],
      [123_456_789_000, '123,456.79'],
      [MAX_AMOUNT_FEN, '10,000,000.00'],
    ]
    for (const [value, text] of wan) {
      it(`formatWan(${value}) = ${text}`, () => expect(formatWan(value)).to.equal(text))
    }

    const yuan: Array<[number, string]> = [
      [0, '0.00'],
      [1, '0.01'],
      [99, '0.99'],
      [100, '1.00'],
      [80 * WAN, '800,000.00'],
      [123_456_789_012, '1,234,567,890.12'],
      [MAX_AMOUNT_FEN, '100,000,000,000.00'],
    ]
    for (const [value, text] of yuan) {
      it(`formatYuan(${value}) = ${text}`, () => expect(formatYuan(value)).to.equal(text))
    }

    it('formatYuan round-trips through parseAmount for awkward values', () => {
      for (const value of [1, 79_999_999, 99_999_999, 49_999_999, 123_456_789_012, MAX_AMOUNT_FEN]) {
        expect(fen(`${formatYuan(value)}元`)).to.equal(value)
      }
    })
  })

  describe('unitFromHeader', () => {
    it('reads the unit of an amount header', () => {
      expect(unitFromHeader('总投资（万元）')).to.equal('wan')
      expect(unitFromHeader('总投资(万元)')).to.equal('wan')
      expect(unitFromHeader('财政资金（元）')).to.equal('yuan')
      expect(unitFromHeader('总投资(亿元)')).to.equal('yi')
      expect(unitFromHeader('总投资')).to.equal(null)
    })
  })
})

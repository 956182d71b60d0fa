// The pure pieces behind issue 13's input items: one normal form for units and name keys without invisible
// characters, terminal escaping that leaves JSON alone, table cells bounded in one pass, flag limits shared with import.
import {expect} from 'chai'
import {matchKeyOfName, normaliseText, normaliseUnit} from '../../src/core/domain/normalise.js'
import {isDateInRange, isYearInRange, MAX_TEXT_LENGTH, YEAR_RANGE} from '../../src/core/domain/limits.js'
import {terminalText} from '../../src/cli/ui.js'
import {fitCell} from '../../src/cli/table.js'
import {checkTextLengths, parseYearFlag} from '../../src/cli/flags.js'
import {parseDelimited} from '../../src/core/excel/read/index.js'
import {UsageError, InvalidData} from '../../src/core/domain/errors.js'
import {regionOf} from '../../src/core/domain/region.js'

const CITY = regionOf({})
const INVISIBLE = {ZWSP: '\u200b', ZWNJ: '\u200c', ZWJ: '\u200d', WJ: '\u2060', SHY: '\u00ad', BOM: '\ufeff', LRM: '\u200e', RLO: '\u202e', VS16: '\ufe0f', HANGUL_FILLER: '\u3164'}

describe('input edges: normal forms, terminal text, limits', () => {
  for (const [label, ch] of Object.entries(INVISIBLE)) {
    it(`${label} disappears from units, name keys and stored text`, () => {
      expect(normaliseUnit(`郴州市测${ch}试局`, CITY)).to.equal('市测试局')
      expect(matchKeyOfName(`智慧${ch}警务平台`)).to.equal(matchKeyOfName('智慧警务平台'))
      expect(normaliseText(`${ch}智慧警务${ch}平台${ch}`)).to.equal('智慧警务平台')
    })
  }

  it('control characters never make a unit or a match key different; stored free text keeps them (the terminal escapes)', () => {
    expect(normaliseUnit('市测\u0007试局\u001b', CITY)).to.equal('市测试局')
    expect(matchKeyOfName('平\u0008台')).to.equal(matchKeyOfName('平台'))
    expect(normaliseText('平\u0008台')).to.equal('平\u0008台')
  })

  it('terminalText escapes C0/C1 controls, DEL and bidi overrides, keeps line feeds, tabs and (with colours) SGR', () => {
    expect(terminalText('a\u001b]0;title\u0007b\u0008c\rd\u009be\u007f\u202e')).to.equal('a\\x1B]0;title\\x07b\\x08c\\x0Dd\\x9Be\\x7F\\u202E')
    expect(terminalText('一\n二\t三')).to.equal('一\n二\t三')
    expect(terminalText('\u001b[31m红\u001b[39m', true)).to.equal('\u001b[31m红\u001b[39m')
    expect(terminalText('\u001b[31m红\u001b[2J', false)).to.equal('\\x1B[31m红\\x1B[2J')
    expect(terminalText('\u001b[2J', true)).to.equal('\\x1B[2J')
  })

  it('a table cell of 50,000 characters is cut to a few wrapped lines in linear time', () => {
    const started = Date.now()
    const cell = fitCell('原'.repeat(50_000))
    expect(Date.now() - started).to.be.below(500)
    const lines = cell.split('\n')
    expect(lines).to.have.length(6)
    expect(lines[5].endsWith('…')).to.equal(true)
    expect(fitCell('市公安局')).to.equal('市公安局')
  })

  it('one year range, one text limit, for flags and import alike', () => {
    expect(YEAR_RANGE).to.deep.equal({min: 2000, max: 2100})
    for (const y of [2000, 2027, 2100]) expect(isYearInRange(y)).to.equal(true)
    for (const y of [1999, 2101, 0, -5, 99999, 2027.5]) expect(isYearInRange(y)).to.equal(false)
    expect(isDateInRange('9999-12-31')).to.equal(false)
    expect(isDateInRange('0000-01-01')).to.equal(false)
    expect(parseYearFlag('year', '２０２７')).to.equal(2027)
    for (const bad of ['99999', '0', '-5', '2027.5', 'abc', '']) expect(() => parseYearFlag('year', bad), bad).to.throw(UsageError)
    expect(() => checkTextLengths({reason: 'x'.repeat(MAX_TEXT_LENGTH + 1)}, {}, [])).to.throw(UsageError)
    expect(() => checkTextLengths({'co-unit': ['a', 'x'.repeat(MAX_TEXT_LENGTH + 1)]}, {}, [])).to.throw(UsageError)
    expect(() => checkTextLengths({}, {name: 'x'.repeat(MAX_TEXT_LENGTH + 1)}, [])).to.throw(UsageError)
    expect(() => checkTextLengths({reason: 'x'.repeat(MAX_TEXT_LENGTH)}, {}, ['a'])).to.not.throw()
  })

  it('a CSV record wider than 16,384 fields is refused as it is parsed', () => {
    expect(() => [...parseDelimited(','.repeat(16_384) + '\n', ',', 'x.csv')]).to.throw(InvalidData, 'file.tooManyColumns')
    expect([...parseDelimited(','.repeat(16_383) + '\n', ',', 'x.csv')][0].fields).to.have.length(16_384)
  })
})

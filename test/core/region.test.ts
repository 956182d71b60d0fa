// Issue 23 (DESIGN §18): the register names its jurisdiction — the city, a county, a district or a county-level
// city — and the level word, the unit prefix, the rules' reviewing departments, the header dictionary, the catalogue
// and the screening's generic words follow from that one name. The pure pieces, without the CLI.
import {expect} from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import {DEFAULT_MEASURES_NAME, DEFAULT_REGION, parseMeasuresName, parseRegionName, regionNamed, regionOf, regionWordsOf} from '../../src/core/domain/region.js'
import {applyRegionSet, rulesForRegion} from '../../src/core/domain/region-config.js'
import {normaliseUnit, splitUnits} from '../../src/core/domain/normalise.js'
import {buildDeclaration, type DeclarationContext} from '../../src/core/domain/declaration.js'
import {filterProjects} from '../../src/core/domain/queries.js'
import {defaultRules} from '../../src/core/defaults.js'
import {matchHeader} from '../../src/core/excel/dictionary.js'
import {screeningSettingsFor} from '../../src/core/screening-settings.js'
import {setRegion, t, word, wordsOfEveryTier} from '../../src/core/i18n/index.js'
import {loadPlanTemplate} from '../../src/core/operations/plan-sheet.js'
import {Conflict, InvalidInput} from '../../src/core/domain/errors.js'
import {buildProject, buildRegister, declaration} from '../helpers/build.js'
import {enumWords} from '../../src/cli/words.js'
import {REPO_ROOT} from '../helpers/cli.js'

const GUIYANG = regionNamed('桂阳县')
const BEIHU = regionNamed('北湖区')
const ZIXING = regionNamed('资兴市')
const CITY = regionOf({})

describe('region (issue 23): one tool for the city and its counties and districts', () => {
  describe('the name and its level', () => {
    it('the level word comes from the last character: 县 → 县本级, 区 → 区本级, 市 → 市本级', () => {
      expect([GUIYANG.level, BEIHU.level, ZIXING.level, CITY.level]).to.deep.equal(['县本级', '区本级', '市本级', '市本级'])
      expect([GUIYANG.tier, BEIHU.tier, ZIXING.tier]).to.deep.equal(['县', '区', '市'])
    })

    it('a register that names no region is the city, with the city measures', () => {
      expect(regionOf({})).to.deep.equal({name: DEFAULT_REGION, tier: '市', level: '市本级', measuresName: DEFAULT_MEASURES_NAME})
      expect(regionOf({region: '桂阳县'}).measuresName, 'a county carries out the city measures until it names its own').to.equal(DEFAULT_MEASURES_NAME)
    })

    it('accepts a county, a district and a county-level city, spaces removed', () => {
      for (const name of ['桂阳县', '北湖区', '资兴市', ' 安仁县 ', '湘西土家族苗族自治州'.replace('州', '市')]) {
        const parsed = parseRegionName(name)
        expect(parsed.ok, name).to.equal(true)
      }
      expect(parseRegionName('桂 阳 县')).to.deep.include({ok: true, name: '桂阳县'})
    })

    it('refuses a name that is empty, not Chinese, too short or long, or ends otherwise, each with its own message', () => {
      const cases: Array<[string, string]> = [
        ['', 'region.empty'],
        ['  ', 'region.empty'],
        ['Guiyang县', 'region.notChinese'],
        ['桂阳县1', 'region.notChinese'],
        ['县', 'region.badLength'],
        ['一二三四五六七八九十一二县', 'region.badLength'],
        ['桂阳', 'region.badEnding'],
        ['郴州市本级', 'region.badEnding'],
        ['湖南省', 'region.badEnding'],
      ]
      for (const [value, code] of cases) expect(parseRegionName(value), value).to.deep.include({ok: false, code})
      setRegion(CITY)
      expect(t('region.badEnding', {value: '桂阳'})).to.match(/应以“市”“县”或“区”结尾/)
    })

    it('the measures name is kept without 书名号; two titles, a line break or nothing are refused', () => {
      expect(parseMeasuresName('《桂阳县本级财政投资类信息化项目管理办法》')).to.deep.equal({ok: true, name: '桂阳县本级财政投资类信息化项目管理办法'})
      expect(parseMeasuresName('桂阳县信息化项目管理办法')).to.deep.equal({ok: true, name: '桂阳县信息化项目管理办法'})
      expect(parseMeasuresName('《》')).to.deep.include({ok: false, code: 'region.measuresEmpty'})
      expect(parseMeasuresName('《甲》《乙》')).to.deep.include({ok: false, code: 'region.measuresBadText'})
      expect(parseMeasuresName('甲\n乙')).to.deep.include({ok: false, code: 'region.measuresBadText'})
      expect(parseMeasuresName('办'.repeat(61))).to.deep.include({ok: false, code: 'region.measuresTooLong'})
    })
  })

  describe('unit normalisation follows the register', () => {
    // [unit as written, the register's region, as stored, why]
    const cases: Array<[string, typeof CITY, string, string]> = [
      ['桂阳县公安局', GUIYANG, '县公安局', 'a leading region name becomes the level character'],
      ['北湖区教育局', BEIHU, '区教育局', 'a district'],
      ['资兴市财政局', ZIXING, '市财政局', 'a county-level city'],
      ['郴州市公安局', CITY, '市公安局', 'the city, as before'],
      [' 桂陽縣 公安局 ', GUIYANG, '县公安局', 'Traditional, full-width and spaces first, then the prefix'],
      ['郴州市公安局', GUIYANG, '郴州市公安局', "the city's unit declaring to a county office is kept"],
      ['桂阳县公安局', CITY, '桂阳县公安局', "a county's unit in the city's register is kept"],
      ['宜章县公安局', GUIYANG, '宜章县公安局', "another county's unit is kept"],
      ['资兴市财政局', CITY, '资兴市财政局', 'the same text, remembered for one register, is not the answer for another'],
    ]
    for (const [raw, region, stored, why] of cases) {
      it(`${raw.trim()} in ${region.name}'s register is ${stored}: ${why}`, () => expect(normaliseUnit(raw, region)).to.equal(stored))
    }

    it('co-units, a declaration and a --unit filter use the register region', () => {
      expect(splitUnits('桂阳县教育局、郴州市教育局', ['、'], GUIYANG)).to.deep.equal(['县教育局', '郴州市教育局'])
      const ctx: DeclarationContext = {defaultYear: 2027, receivedOn: '2026-12-01', words: enumWords(), amountUnits: {}, defaultAmountUnit: 'wan', region: GUIYANG}
      const built = buildDeclaration({unit: '桂阳县公安局', name: '智慧警务', nature: '新建', category: '业务系统', procurementCategory: '服务', totalInvestment: 50, fiscalFunds: 50, coUnits: '桂阳县财政局'}, ctx)
      expect(built.problems).to.deep.equal([])
      expect(built.input?.unit).to.equal('县公安局')
      expect(built.input?.coUnits).to.deep.equal(['县财政局'])
      const p = buildProject('2027-0001', declaration({unit: '县公安局'}))
      expect(filterProjects([p], {unit: '桂阳县公安局'}, GUIYANG)).to.have.length(1)
      expect(filterProjects([p], {unit: '桂阳县公安局'}, CITY)).to.have.length(0)
    })
  })

  describe('rules, dictionary, catalogue and screening', () => {
    it("a county's rules name the county's reviewing departments and cite 本县", () => {
      const rules = defaultRules(GUIYANG)
      expect(rules.stages.map((s) => s.department)).to.deep.equal(['县委办', '县委网信办', '县发改委', '县行政审批服务局', '县财政局'])
      expect(rules.citations.approvalStandardFen).to.include(`《${DEFAULT_MEASURES_NAME}》`).and.include('本县尚未公布')
      expect(defaultRules().stages.map((s) => s.department)).to.deep.equal(['市委办', '市委网信办', '市发改委', '市行政审批服务局', '市财政局'])
      expect(defaultRules().citations.approvalStandardFen).to.include('本市尚未公布')
      expect(JSON.stringify(defaultRules(BEIHU))).to.not.match(/\{(tier|region|level|measuresName)\}/)
    })

    it('rulesForRegion moves the departments and citations to another region and keeps what the office wrote', () => {
      const rules = defaultRules(CITY)
      rules.stages[0] = {...rules.stages[0], department: '保密办'}
      const moved = rulesForRegion(rules, CITY, {...BEIHU, measuresName: '北湖区信息化项目管理办法'})
      expect(moved.stages.map((s) => s.department)).to.deep.equal(['保密办', '区委网信办', '区发改委', '区行政审批服务局', '区财政局'])
      expect(moved.citations.approvalStandardFen).to.include('《北湖区信息化项目管理办法》').and.include('本区')
      expect(moved.citations.procurementLimitFen, 'the province wording 设区市 is not a 本市').to.include('设区市')
    })

    it('config set region is refused once the register holds projects, systems or unit records (exit 4), and allowed before', () => {
      const data = buildRegister(2027)
      const change = applyRegionSet(data, 'region', '桂阳县')
      expect(change.settings.region).to.equal('桂阳县')
      expect(change.rules.stages.map((s) => s.department)).to.include('县财政局')
      expect(change.from).to.equal(DEFAULT_REGION)
      expect(() => applyRegionSet(data, 'region', '桂阳')).to.throw(InvalidInput)
      data.projects.push(buildProject('2027-0001', declaration()))
      let error: unknown
      try {
        applyRegionSet(data, 'region', '桂阳县')
      } catch (e) {
        error = e
      }
      expect(error).to.be.instanceOf(Conflict)
      expect((error as Conflict).exitCode).to.equal(4)
      expect((error as Conflict).params).to.include({count: 1, region: DEFAULT_REGION, value: '桂阳县'})
      // naming the same region again changes nothing that was normalised
      expect(applyRegionSet(data, 'region', DEFAULT_REGION).settings.region).to.equal(DEFAULT_REGION)
      // the measures' name may change at any time, and `default` goes back to the default
      const named = applyRegionSet(data, 'measures-name', '《郴州市信息化项目管理办法》')
      expect(named.settings.measuresName).to.equal('郴州市信息化项目管理办法')
      expect(named.rules.citations.approvalStandardFen).to.include('《郴州市信息化项目管理办法》')
      const reset = applyRegionSet({...data, settings: named.settings, rules: named.rules}, 'measures-name', 'default')
      expect(reset.settings).to.not.have.property('measuresName')
      expect(reset.rules.citations.approvalStandardFen).to.include(`《${DEFAULT_MEASURES_NAME}》`)
    })

    it('the dictionary reads 其中：县本级财政资金 and 区本级 as well as 市本级, whatever the register', () => {
      for (const header of ['其中：市本级财政资金（万元）', '其中：县本级财政资金（万元）', '其中：区本级财政资金（万元）', '县本级财政资金', '区本级财政资金']) {
        expect(matchHeader(header)?.field, header).to.equal('fiscalFunds')
      }
      expect(matchHeader('其中：{level}财政资金（万元）'), 'the placeholder itself is no header').to.equal(null)
    })

    it('the catalogue speaks of the register region once it is set', () => {
      try {
        setRegion(GUIYANG)
        expect(t('report.title', {year: 2027})).to.equal('桂阳县 2027 年度县本级财政投资信息化项目汇总')
        expect(t('field.fiscalFunds')).to.equal('县本级财政资金')
        expect(word('stage', 'fiscal-review')).to.equal('县财政局财政投资评审')
        expect(word('approver', 'government')).to.equal('县人民政府')
        expect(t('report.title', {year: 2027}, 'en')).to.equal('桂阳县 IT projects funded at 县本级, plan year 2027')
        setRegion(BEIHU)
        expect(t('report.titleAll')).to.equal('北湖区区本级财政投资信息化项目汇总（全部年度）')
      } finally {
        setRegion(CITY)
      }
      expect(t('report.title', {year: 2027})).to.equal('郴州市 2027 年度市本级财政投资信息化项目汇总')
      expect(wordsOfEveryTier('stage', 'secrecy-prereview', 'zh')).to.deep.equal(['市委办前置审查', '县委办前置审查', '区委办前置审查'])
    })

    it('templates are filled with the region: no placeholder of it is left, and the city reads as before', () => {
      const county = loadPlanTemplate(regionWordsOf({region: '桂阳县'}))
      expect(county.title).to.equal('桂阳县{year}年度县本级财政投资信息化项目计划表')
      expect(county.fileName).to.equal('桂阳县{year}年度信息化项目计划表.xlsx')
      expect(county.print.header).to.equal('&L桂阳县本级财政投资信息化项目年度计划&R&A')
      expect(JSON.stringify(county)).to.not.match(/\{(tier|region|level|measuresName)\}/)
      expect(loadPlanTemplate(regionWordsOf({})).title).to.equal('郴州市{year}年度市本级财政投资信息化项目计划表')
    })

    it("the region's own name weighs nothing in the duplicate screening, as the city's does", () => {
      const s = screeningSettingsFor(GUIYANG)
      expect(s.generic).to.include({桂阳县: 0, 桂阳: 0, 县本级: 0})
      expect(screeningSettingsFor(CITY).generic).to.include({郴州市: 0})
    })
  })

  it('nothing of the region is written in source but the default (grep -rn 郴州市 src/)', () => {
    const hits: string[] = []
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(file)
        else fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => line.includes('郴州') && hits.push(`${path.relative(REPO_ROOT, file)}:${i + 1}: ${line.trim()}`))
      }
    }
    walk(path.join(REPO_ROOT, 'src'))
    expect(hits).to.deep.equal([`src/core/domain/region.ts:8: export const DEFAULT_REGION = '郴州市'`])
  })
})

import fs from 'node:fs'
import path from 'node:path'
import {expect} from 'chai'
import {pairKey, scorePair, screen, ScreeningMeasure, type ScreeningCandidate} from '../../src/core/domain/screening.js'
import {qualityAt, scoreLabelled, tuneThreshold, type LabelledPair} from '../../src/core/domain/screening-quality.js'
import {screeningSettings} from '../../src/core/screening-settings.js'

const settings = screeningSettings()
const threshold = settings.threshold
const project = (ref: string, unit: string, name: string, content = ''): ScreeningCandidate => ({ref, source: 'project', unit, name, content})
const system = (ref: string, unit: string, name: string, related?: string[]): ScreeningCandidate => ({ref, source: 'system', unit, name, content: '', ...(related ? {related} : {})})

describe('screening measure (DESIGN §14)', () => {
  it('compares Traditional, full-width and spaced text as the Simplified text', () => {
    const simplified = {name: '智慧警务综合应用平台', content: '整合警情、案件数据，提供警情研判。'}
    const written = {name: '智慧警務綜合應用平臺 ', content: '整合警情、案件數據，提供警情研判。'}
    expect(scorePair(simplified, written, settings)).to.be.closeTo(1, 1e-9)
    expect(scorePair({name: 'ＧＩＳ地理信息平台', content: ''}, {name: 'gis地理信息平台', content: ''}, settings)).to.be.closeTo(1, 1e-9)
  })

  it('weights generic words down: 智慧教育平台 and 智慧交通平台 are far apart, 智慧城管 and 城市管理 close', () => {
    expect(scorePair({name: '智慧教育平台', content: ''}, {name: '智慧交通平台', content: ''}, settings)).to.be.below(0.1)
    expect(scorePair({name: '郴州市教育信息化平台建设项目（一期）', content: ''}, {name: '教育平台', content: ''}, settings)).to.be.above(Math.max(0.6, threshold))
    // the abbreviation is spelled out before comparing
    expect(scorePair({name: '智慧城管平台', content: ''}, {name: '城市管理平台', content: ''}, settings)).to.be.above(scorePair({name: '智慧城管平台', content: ''}, {name: '城市停车平台', content: ''}, settings))
  })

  it('spells an abbreviation out only where the long form is not already written', () => {
    const m = new ScreeningMeasure(settings)
    expect(m.normalise('住房公积金与公积金')).to.equal('住房公积金与住房公积金')
  })

  it('names the informative stretches both sides share, not the generic words', () => {
    const pairs = screen([project('2027-0001', '市公安局', '“雪亮工程”视频监控联网共享平台', '建设公共安全视频监控联网共享平台'), project('2027-0002', '市委政法委', '公共安全视频监控建设联网应用项目', '推进公共安全视频监控建设联网应用')], settings)
    expect(pairs).to.have.length(1)
    expect(pairs[0].shared.join('|')).to.include('视频监控')
    for (const term of pairs[0].shared) expect(['平台', '建设', '项目']).not.to.include(term)
  })

  it('pairs declarations with each other and with systems, never two systems, never a project with the system it maintains', () => {
    const candidates = [
      project('2027-0001', '市城市管理和综合执法局', '智慧城管平台升级', ''),
      system('SYS-0001', '市住房和城乡建设局', '郴州市城市综合管理服务平台'),
      system('SYS-0002', '市城市管理和综合执法局', '数字城管平台'),
      project('2027-0002', '市城市管理和综合执法局', '数字城管平台运维', ''),
    ]
    candidates[3].related = ['SYS-0002']
    const pairs = screen(candidates, settings, {threshold: 0.2})
    const keys = pairs.map((p) => pairKey(p.a, p.b))
    expect(keys).to.include(pairKey('2027-0001', 'SYS-0001'))
    expect(keys).not.to.include(pairKey('SYS-0001', 'SYS-0002'))
    expect(keys).not.to.include(pairKey('2027-0002', 'SYS-0002'))
    for (const p of pairs) expect(p.a.startsWith('2027-')).to.equal(true)
  })

  it('leaves out a pair the group cleared', () => {
    const candidates = [project('2027-0001', '市交通运输局', '智慧停车管理平台'), project('2027-0002', '市城市管理和综合执法局', '智慧停车管理系统')]
    expect(screen(candidates, settings)).to.have.length(1)
    expect(screen(candidates, settings, {cleared: new Set([pairKey('2027-0002', '2027-0001')])})).to.have.length(0)
  })

  it('finds through its index every pair a comparison of all pairs finds, with the scores of scorePair', () => {
    const topics = ['停车', '养老', '河长', '扬尘', '电梯', '档案', '公交', '热线', '矫正', '追溯', '价格', '森林防火', '燃气', '供水', '招投标', '婚姻登记', '医保', '社保卡', '教育资源', '旅游']
    const kinds = ['管理平台', '监测系统', '服务平台', '信息系统', '综合应用平台']
    const systems: ScreeningCandidate[] = []
    for (let i = 0; i < 400; i++) systems.push(system(`SYS-${String(i).padStart(5, '0')}`, `单位${i % 37}`, `郴州市${topics[i % topics.length]}${['智慧', '数字', ''][i % 3]}${kinds[i % kinds.length]}${i % 7 === 0 ? '（二期）' : ''}`))
    const projects = topics.slice(0, 10).map((topic, i) => project(`2027-${String(i + 1).padStart(4, '0')}`, `单位${i}`, `${topic}智慧管理平台建设`, ''))
    const all = [...projects, ...systems]
    for (const level of [0.15, threshold, 0.6]) {
      const found = new Set(screen(all, settings, {threshold: level}).map((p) => pairKey(p.a, p.b)))
      const brute = new Set<string>()
      for (const p of projects) for (const s of systems) if (scorePair(p, s, settings) >= level) brute.add(pairKey(p.ref, s.ref))
      for (let i = 0; i < projects.length; i++) for (let j = i + 1; j < projects.length; j++) if (scorePair(projects[i], projects[j], settings) >= level) brute.add(pairKey(projects[i].ref, projects[j].ref))
      if (level === threshold) expect(brute.size).to.be.above(50)
      expect([...found].sort(), `threshold ${level}`).to.deep.equal([...brute].sort())
    }
  })
})

describe('screening quality on the labelled pairs (DESIGN §14)', () => {
  const file = path.join(import.meta.dirname, '..', 'fixtures', 'screening', 'pairs.json')
  const pairs = (JSON.parse(fs.readFileSync(file, 'utf8')) as {pairs: LabelledPair[]}).pairs
  const scored = scoreLabelled(pairs, settings)

  it('holds at least 60 pairs, both labels in both halves, each with names and contents', () => {
    expect(pairs.length).to.be.at.least(60)
    for (const half of ['tune', 'holdout'] as const) for (const label of ['duplicate', 'distinct'] as const) expect(pairs.filter((p) => p.half === half && p.label === label).length).to.be.at.least(15)
    for (const p of pairs) for (const side of [p.a, p.b]) expect(side.name && side.content && side.unit, p.id).to.be.a('string').and.not.equal('')
    expect(new Set(pairs.map((p) => p.id)).size).to.equal(pairs.length)
  })

  it('reaches precision ≥ 0.9 and recall ≥ 0.8 at the default threshold, on the tuning half and on the held-out half', () => {
    for (const half of ['tune', 'holdout'] as const) {
      const q = qualityAt(
        scored.filter((p) => p.half === half),
        threshold,
      )
      expect(q.precision, `${half} precision`).to.be.at.least(0.9)
      expect(q.recall, `${half} recall`).to.be.at.least(0.8)
    }
  })

  it('keeps the default threshold where the tuning half puts it', () => {
    expect(tuneThreshold(scored).threshold).to.equal(threshold)
  })
})

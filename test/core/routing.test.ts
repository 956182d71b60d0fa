import {expect} from 'chai'
import {decideTrack, route, routingAmount} from '../../src/core/domain/routing.js'
import {explainRouting, storedRoutingReason} from '../../src/core/i18n/routing.js'
import {applyConfigSet} from '../../src/core/domain/config.js'
import {defaultRules, defaultSettings, officeFacts} from '../../src/core/defaults.js'
import {PROCUREMENT_CATEGORIES} from '../../src/core/domain/types.js'
import type {ProcurementCategory, Rules, Track} from '../../src/core/domain/types.js'

const WAN = 1_000_000
const FEN = 1
const floors = officeFacts().procurementLimitFloorFen

const TRACK_WORDS: Record<Track, string> = {
  self: '自行组织实施',
  review: '技术初审+财政投资评审',
  approval: '立项+技术初审+财政投资评审',
}
const CATEGORY_WORDS: Record<ProcurementCategory, string> = {goods: '货物', services: '服务', works: '工程'}

describe('routing (Art. 8)', () => {
  const rules: Rules = defaultRules()

  it('starts from the default rules of DESIGN §3', () => {
    expect(rules.procurementLimitFen).to.deep.equal({goods: 50 * WAN, services: 80 * WAN, works: 100 * WAN})
    expect(rules.approvalStandardFen).to.equal(100 * WAN)
  })

  describe('every boundary of every procurement category (default rules)', () => {
    const standard = 100 * WAN
    for (const category of PROCUREMENT_CATEGORIES) {
      const limit = rules.procurementLimitFen[category]
      const cases: Array<[string, number, Track]> =
        limit < standard
          ? [
              ['0.01 元', 1, 'self'],
              ['limit − 1 分', limit - FEN, 'self'],
              ['limit', limit, 'review'],
              ['limit + 1 分', limit + FEN, 'review'],
              ['standard − 1 分', standard - FEN, 'review'],
              ['standard', standard, 'approval'],
              ['standard + 1 分', standard + FEN, 'approval'],
            ]
          : [
              // works: the procurement limit equals the standard, so there is no review band
              ['99.99 万元', 99_990_000, 'self'],
              ['limit − 1 分', limit - FEN, 'self'],
              ['limit = standard', limit, 'approval'],
              ['standard + 1 分', standard + FEN, 'approval'],
            ]
      for (const [label, amountFen, track] of cases) {
        it(`${category}: ${label} (${amountFen} 分) → ${track}`, () => {
          const input = {amountFen, procurementCategory: category}
          expect(decideTrack(input, rules)).to.equal(track)
          const r = route(input, rules, storedRoutingReason)
          expect(r.track).to.equal(track)
          expect(r.procurementLimitFen).to.equal(limit)
          expect(r.approvalStandardFen).to.equal(standard)
          expect(r.rulesVersion).to.equal(rules.version)
          expect(r.reason).to.be.a('string')
          expect(r.reason.endsWith(`→ ${TRACK_WORDS[track]}`), r.reason).to.equal(true)
        })
      }
    }
  })

  it('the reason a clerk reads, for the DESIGN example (85 万元 of services)', () => {
    expect(explainRouting({amountFen: 85 * WAN, procurementCategory: 'services'}, rules)).to.equal(
      '总投资 85.00 万元 ≥ 服务类采购限额 80.00 万元，且 < 立项金额标准 100.00 万元 → 技术初审+财政投资评审',
    )
  })

  it('a self reason names the category limit and 未达到', () => {
    for (const category of PROCUREMENT_CATEGORIES) {
      const reason = explainRouting({amountFen: 30 * WAN, procurementCategory: category}, rules)
      expect(reason).to.include('总投资 30.00 万元')
      expect(reason).to.include(`${CATEGORY_WORDS[category]}类采购限额`)
      expect(reason).to.include(`${(rules.procurementLimitFen[category] / WAN).toFixed(2)} 万元`)
      expect(reason).to.include('未达到')
      expect(reason).to.include(TRACK_WORDS.self)
    }
  })

  it('exactly at the approval standard the reason says both 以下 and 以上 apply and the stricter track wins', () => {
    for (const category of PROCUREMENT_CATEGORIES) {
      const reason = explainRouting({amountFen: 100 * WAN, procurementCategory: category}, rules)
      expect(reason).to.include('以下')
      expect(reason).to.include('以上')
      expect(reason).to.include('100.00 万元')
      expect(reason).to.include('严格')
      expect(reason.endsWith(`→ ${TRACK_WORDS.approval}`)).to.equal(true)
    }
    // one 分 more is a plain approval, without the tie explanation
    const above = explainRouting({amountFen: 100 * WAN + 1, procurementCategory: 'services'}, rules)
    expect(above).to.not.include('以下')
  })

  it('when rounding to 万元 would hide the boundary, the reason states the exact amount in 元', () => {
    // 799,999.99 元 shows as 80.00 万元 but has not reached the services limit
    const reason = explainRouting({amountFen: 79_999_999, procurementCategory: 'services'}, rules)
    expect(decideTrack({amountFen: 79_999_999, procurementCategory: 'services'}, rules)).to.equal('self')
    expect(reason).to.include('799,999.99 元')
    expect(reason).to.include(TRACK_WORDS.self)

    const goods = explainRouting({amountFen: 49_999_999, procurementCategory: 'goods'}, rules)
    expect(goods).to.include('499,999.99 元')
    expect(goods).to.include(TRACK_WORDS.self)

    // 999,999.99 元 of services is still below the standard: review, and the reason says so exactly
    const review = explainRouting({amountFen: 99_999_999, procurementCategory: 'services'}, rules)
    expect(review).to.include('999,999.99 元')
    expect(review).to.include(TRACK_WORDS.review)
    expect(review).to.not.include(TRACK_WORDS.approval)

    // works: 999,999.99 元 is below the 100 万元 limit
    const works = explainRouting({amountFen: 99_999_999, procurementCategory: 'works'}, rules)
    expect(works).to.include('999,999.99 元')
    expect(works.endsWith(`→ ${TRACK_WORDS.self}`)).to.equal(true)
  })

  it('whole 万元 amounts are not given in 元 (nothing is hidden)', () => {
    const reason = explainRouting({amountFen: 80 * WAN, procurementCategory: 'services'}, rules)
    expect(reason).to.include('总投资 80.00 万元')
    expect(reason).to.not.include('800,000.00 元')
  })

  it('explains in English on request', () => {
    const reason = explainRouting({amountFen: 85 * WAN, procurementCategory: 'services'}, rules, 'en')
    expect(reason).to.match(/85\.00/)
    expect(reason).to.match(/80\.00/)
    expect(reason).to.match(/services/)
    // the currency units 万元 / 元 stay as written; nothing else is Chinese
    expect(reason.replace(/万元|元/g, '')).to.not.match(/[\u4e00-\u9fff]/)
    const tie = explainRouting({amountFen: 100 * WAN, procurementCategory: 'goods'}, rules, 'en')
    expect(tie).to.match(/stricter/)
  })

  it('refuses an approval standard below a procurement limit (90 万元 < the works limit of 100 万元)', () => {
    expect(() => applyConfigSet(rules, defaultSettings(2027), 'approval-standard', '90万', '2027-01-05', floors))
      .to.throw()
      .that.satisfies((e: {exitCode: number; problems: Array<{field: string; code: string; params: {category?: string}}>}) => {
        expect(e.exitCode).to.equal(2)
        expect(e.problems).to.deep.include({field: 'approval-standard', code: 'rules.standardBelowLimit', params: {category: 'works'}})
        return true
      })
  })

  describe('with a changed approval standard (works limit 80万, then approval-standard 90万)', () => {
    const settings = defaultSettings(2027)
    const step1 = applyConfigSet(rules, settings, 'procurement-limit.works', '80万', '2027-01-05', floors).rules
    const changed = applyConfigSet(step1, settings, 'approval-standard', '90万', '2027-01-05', floors).rules

    it('moves the standard and gives the rules a new version each time', () => {
      expect(changed.approvalStandardFen).to.equal(90 * WAN)
      expect(changed.procurementLimitFen.works).to.equal(80 * WAN)
      expect(changed.approvalStandardConfirmed).to.equal(true)
      expect(new Set([rules.version, step1.version, changed.version]).size).to.equal(3)
      expect(rules.approvalStandardFen).to.equal(100 * WAN) // the original is not mutated
      expect(rules.procurementLimitFen.works).to.equal(100 * WAN)
    })

    const cases: Array<[ProcurementCategory, number, Track, Track]> = [
      ['services', 85 * WAN, 'review', 'review'],
      ['services', 90 * WAN - 1, 'review', 'review'],
      ['services', 90 * WAN, 'review', 'approval'],
      ['services', 95 * WAN, 'review', 'approval'],
      ['goods', 60 * WAN, 'review', 'review'],
      ['goods', 92 * WAN, 'review', 'approval'],
      ['works', 95 * WAN, 'self', 'approval'],
      ['works', 85 * WAN, 'self', 'review'], // 80 万 ≤ 85 万 < 90 万
      ['works', 79 * WAN, 'self', 'self'],
    ]
    for (const [category, amountFen, before, after] of cases) {
      it(`${category} ${amountFen / WAN} 万元: ${before} → ${after}`, () => {
        expect(decideTrack({amountFen, procurementCategory: category}, rules)).to.equal(before)
        const r = route({amountFen, procurementCategory: category}, changed, storedRoutingReason)
        expect(r.track).to.equal(after)
        expect(r.approvalStandardFen).to.equal(90 * WAN)
        expect(r.rulesVersion).to.equal(changed.version)
      })
    }

    it('the tie is at the new standard', () => {
      const reason = explainRouting({amountFen: 90 * WAN, procurementCategory: 'services'}, changed)
      expect(reason).to.include('90.00 万元')
      expect(reason).to.include('以上')
      expect(reason).to.include('以下')
    })
  })

  it('routes by the approved amount (审定金额) once a fiscal review set one', () => {
    expect(routingAmount({totalInvestmentFen: 120 * WAN, approvedAmountFen: null})).to.equal(120 * WAN)
    expect(routingAmount({totalInvestmentFen: 120 * WAN, approvedAmountFen: 70 * WAN})).to.equal(70 * WAN)
  })
})

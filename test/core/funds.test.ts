// The money rules of DESIGN §13 on the pure core (src/core/domain/funds.ts): the rounding of rates (half up on the
// exact fraction of 分, never on a binary float), the fiscal review's 送审/审定/审减, and what a payment, a cut or a
// recovery may do to a year's budget.
import {expect} from 'chai'
import {budgetFor, checkFundsRecord, fiscalReviewOf, formatRate, fundsPosition, rateOf, sumFiscalReviews} from '../../src/core/domain/funds.js'
import {freezeLine, versionTotals} from '../../src/core/domain/plan-versions.js'
import {paidInYear} from '../../src/core/operations/evaluation-form.js'
import {buildProject, declaration} from '../helpers/build.js'
import type {FundsRecord, Plan, Project} from '../../src/core/domain/types.js'

const WAN = 1_000_000

function record(kind: FundsRecord['kind'], wan: number): FundsRecord {
  return {kind, year: 2027, amountFen: wan * WAN, date: '2027-04-01', documentNo: null, reason: null, note: null}
}

/** A project whose fiscal review stage is in `status`, with `approved` 万元 recorded when it passed. */
function reviewed(totalWan: number, status: 'open' | 'passed' | 'pending', approvedWan: number | null, submittedWan?: number): Project {
  const p = buildProject('2027-0001', declaration({totalInvestmentFen: totalWan * WAN}))
  p.stages = [{key: 'fiscal-review', department: '市财政局', status, startedOn: status === 'pending' ? null : '2027-03-01', dueOn: null, decidedOn: status === 'passed' ? '2027-03-20' : null, documentNo: null, approvedAmountFen: approvedWan === null ? null : approvedWan * WAN, opinion: null}]
  p.approvedAmountFen = approvedWan === null ? null : approvedWan * WAN
  if (submittedWan !== undefined) p.fiscalSubmittedFen = submittedWan * WAN
  return p
}

describe('money through the lifecycle (domain/funds.ts)', () => {
  describe('rateOf: a fraction to 0.0001, half up on the exact integers', () => {
    it('85 → 70 万元: 15 / 85 = 0.17647… → 0.1765', () => {
      expect(rateOf(15 * WAN, 85 * WAN)).to.equal(0.1765)
    })
    it('rounds an exact half up where a float would round it down (29 / 20,000 = 0.00145 → 0.0015, not 0.0014)', () => {
      expect(Math.round((29 / 20_000) * 10_000) / 10_000, 'the float way').to.equal(0.0014)
      expect(rateOf(29, 20_000)).to.equal(0.0015)
      expect(rateOf(2.9 * WAN, 2_000 * WAN)).to.equal(0.0015)
      expect(rateOf(3, 20_000)).to.equal(0.0002)
    })
    it('just below a half stays down; a half of the last place goes up', () => {
      expect(rateOf(1, 20_001)).to.equal(0)
      expect(rateOf(1, 20_000)).to.equal(0.0001)
      expect(rateOf(17_645, 100_000)).to.equal(0.1765)
      expect(rateOf(17_644, 100_000)).to.equal(0.1764)
    })
    it('is exact for amounts far beyond 2^53 once scaled (1,000 亿元 budgets)', () => {
      expect(rateOf(333_333_333_333_33, 1_000_000_000_000_00)).to.equal(0.3333)
      expect(rateOf(666_666_666_666_67, 1_000_000_000_000_00)).to.equal(0.6667)
    })
    it('0 of something is 0; anything of nothing is no rate (null)', () => {
      expect(rateOf(0, 85 * WAN)).to.equal(0)
      expect(rateOf(0, 0)).to.equal(null)
      expect(rateOf(5 * WAN, 0)).to.equal(null)
    })
    it('a negative reduction (审定 above 送审, with a reason) rounds away from zero', () => {
      expect(rateOf(-15 * WAN, 85 * WAN)).to.equal(-0.1765)
    })
    it('formatRate shows the kept 4 decimals as a percentage with 2', () => {
      expect(formatRate(0.1765)).to.equal('17.65%')
      expect(formatRate(0.0015)).to.equal('0.15%')
      expect(formatRate(1)).to.equal('100.00%')
      expect(formatRate(0)).to.equal('0.00%')
      expect(formatRate(-0.1765)).to.equal('-17.65%')
    })
  })

  describe('fiscalReviewOf', () => {
    it('none before the fiscal review opens', () => {
      expect(fiscalReviewOf(reviewed(85, 'pending', null))).to.equal(null)
      expect(fiscalReviewOf(buildProject('2027-0002', declaration({totalInvestmentFen: 30 * WAN})))).to.equal(null)
    })
    it('open: what was sent, nothing approved yet', () => {
      expect(fiscalReviewOf(reviewed(85, 'open', null, 85))).to.deep.equal({submittedFen: 85 * WAN, approvedFen: null, reducedFen: null, reductionRate: null})
    })
    it('passed at 70 of 85 万元: 审减 15 万元, 17.65 %', () => {
      expect(fiscalReviewOf(reviewed(85, 'passed', 70, 85))).to.deep.equal({submittedFen: 85 * WAN, approvedFen: 70 * WAN, reducedFen: 15 * WAN, reductionRate: 0.1765})
    })
    it('送审 is what was recorded when the stage opened, not the total as it is now', () => {
      expect(fiscalReviewOf(reviewed(90, 'passed', 70, 85))?.submittedFen).to.equal(85 * WAN)
    })
    it('a review opened before 送审 was recorded was sent the total; a pass without an amount approved it whole', () => {
      expect(fiscalReviewOf(reviewed(85, 'passed', 70))?.submittedFen).to.equal(85 * WAN)
      expect(fiscalReviewOf(reviewed(85, 'passed', null, 85))).to.deep.include({approvedFen: 85 * WAN, reducedFen: 0, reductionRate: 0})
    })
    it('the year: decided reviews summed in 分, the rate computed on the sums (not an average of rates)', () => {
      const t = sumFiscalReviews([reviewed(85, 'passed', 70, 85), reviewed(100, 'passed', 100, 100), reviewed(50, 'open', null, 50)])
      expect(t).to.deep.equal({count: 2, submittedFen: 185 * WAN, approvedFen: 170 * WAN, reducedFen: 15 * WAN, reductionRate: 0.0811})
    })
  })

  describe('a year’s budget', () => {
    const position = fundsPosition(85 * WAN, [record('pay', 30), record('cut', 10), record('recover', 5)])
    it('available = planned − cut − recovered; remaining = available − paid; execution = paid / available', () => {
      expect(position).to.deep.equal({plannedFen: 85 * WAN, cutFen: 10 * WAN, recoveredFen: 5 * WAN, availableFen: 70 * WAN, paidFen: 30 * WAN, remainingFen: 40 * WAN, executionRate: 0.4286})
    })
    it('a payment up to what remains is allowed; one 分 more is refused', () => {
      expect(checkFundsRecord('pay', 40 * WAN, '2027-05-01', position, '2027-01-20')).to.equal(null)
      expect(checkFundsRecord('pay', 40 * WAN + 1, '2027-05-01', position, '2027-01-20')?.code).to.equal('funds.beyondAvailable')
    })
    it('a cut or recovery may take the budget down to what was paid, not below', () => {
      expect(checkFundsRecord('cut', 40 * WAN, '2027-05-01', position, '2027-01-20')).to.equal(null)
      expect(checkFundsRecord('cut', 40 * WAN + 1, '2027-05-01', position, '2027-01-20')?.code).to.equal('funds.belowPaid')
      expect(checkFundsRecord('recover', 40 * WAN + 1, '2027-05-01', position, '2027-01-20')?.code).to.equal('funds.belowPaid')
    })
    it('nothing of 0 分, nothing dated before the government approved the plan', () => {
      expect(checkFundsRecord('pay', 0, '2027-05-01', position, '2027-01-20')?.code).to.equal('funds.amountZero')
      expect(checkFundsRecord('pay', WAN, '2027-01-19', position, '2027-01-20')?.code).to.equal('funds.dateBeforeApproval')
    })
    it('no available budget: no execution rate (null), not 0 % or a division by zero', () => {
      expect(fundsPosition(10 * WAN, [record('cut', 10)]).executionRate).to.equal(null)
    })
  })

  describe('budgetFor: which year’s budget a record draws on', () => {
    const p = buildProject('2027-0001', declaration({totalInvestmentFen: 300 * WAN, annualPlanFen: 100 * WAN}))
    const plan = (year: number, approvedOn: string, ids: Project[]): Plan => {
      const lines = ids.map(freezeLine)
      const approvals = [{by: 'government' as const, documentNo: `郴政函〔${year}〕8号`, date: approvedOn}]
      return {year, status: 'approved', included: ids.map((x) => x.id), excluded: [], approvals, builtOn: approvedOn, officeExcluded: [], versions: [{version: 1, approvals, approvedOn, reason: null, added: [], removed: [], lines, totals: versionTotals(lines)}]}
    }
    const plans = [plan(2027, '2027-01-20', [p]), plan(2028, '2028-01-18', [p]), plan(2029, '2029-01-19', [])]
    it('the year of the date when that year’s plan holds the project, else the latest plan holding it', () => {
      expect(budgetFor(plans, p.id, null, '2027-06-01')?.year).to.equal(2027)
      expect(budgetFor(plans, p.id, null, '2028-03-01')?.year).to.equal(2028)
      expect(budgetFor(plans, p.id, null, '2029-03-01')?.year).to.equal(2028)
    })
    it('--year names it; a year whose plan does not hold the project, or no plan at all, has no budget', () => {
      expect(budgetFor(plans, p.id, 2027, '2028-03-01')).to.deep.include({year: 2027, since: '2027-01-20'})
      expect(budgetFor(plans, p.id, 2029, '2029-03-01')).to.equal(null)
      expect(budgetFor(plans, '2027-0009', null, '2027-03-01')).to.equal(null)
    })
  })

  it('the evaluation form’s 全年执行数 is what was paid in the year; blank (undefined) when nothing was recorded', () => {
    const p = buildProject('2027-0001', declaration())
    expect(paidInYear(p, 2027)).to.equal(undefined)
    p.funds = [record('pay', 30), record('cut', 10), record('pay', 12), {...record('pay', 5), year: 2028}]
    expect(paidInYear(p, 2027)).to.equal(42 * WAN)
    expect(paidInYear(p, 2028)).to.equal(5 * WAN)
  })
})

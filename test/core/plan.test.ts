// The annual plan's eligibility rules (Art. 3, 4, 6, 7, 12, 17) and its investment scale (Art. 7), on projects
// built in memory with the real routing and flag rules: every reason a project stays out is reported, a
// decision of the wrong kind does not let a project in, the office's own exclusion is one more reason, and the
// totals are integer sums that add up across tracks, units and categories.
import {expect} from 'chai'
import {defaultRules} from '../../src/core/defaults.js'
import type {FlagContext} from '../../src/core/domain/project.js'
import {buildProject, declaration} from '../helpers/build.js'
import {annualPlanOf, candidatesFor, exclusionReasons, planTotals, selectPlan} from '../../src/core/domain/plan.js'
import type {DeclarationInput, Project, ProjectStatus} from '../../src/core/domain/types.js'

const YEAR = 2026
const NOW = '2026-01-05T08:00:00.000Z'
const WAN = 1_000_000
const rules = defaultRules()
let n = 0

function project(o: Partial<DeclarationInput> = {}, ctx: Partial<FlagContext> = {}, status: ProjectStatus = 'declared'): Project {
  const input = declaration({planYear: YEAR, name: `项目${n + 1}`, contact: {name: '张三', phone: '0735-2222222'}, declaredOn: '2025-12-01', ...o})
  const p = buildProject(`${input.planYear}-${String(++n).padStart(4, '0')}`, input, {rules, ctx, now: NOW})
  p.status = status
  return p
}

const codes = (p: Project) => exclusionReasons(p).map((r) => r.code)
const noGovCloud = {govCloud: false, dataSharing: true, cityBrain: true, egovNetwork: true, justification: ''}

describe('annual plan eligibility and totals (Art. 3, 4, 6, 7, 12, 17)', () => {
  describe('exclusion reasons', () => {
    it('admits an on-time, compliant, single-unit project of a unit in good standing', () => {
      const p = project()
      expect(p.flags).to.deep.equal([])
      expect(exclusionReasons(p)).to.deep.equal([])
    })

    it('a declaration received after 31 December of the year before is late (Art. 6); on the 31st it is not', () => {
      const late = project({declaredOn: '2026-01-01'})
      expect(late.flags).to.include('late')
      expect(exclusionReasons(late)).to.deep.equal([{code: 'plan.excluded.late', article: 6}])
      expect(codes(project({declaredOn: '2025-12-31'}))).to.deep.equal([])
    })

    it('a 一事一议 record (kind late) lets a late project in; a multi-unit decision does not', () => {
      const late = project({declaredOn: '2026-01-10'})
      late.specialApprovals.push({kind: 'multi-unit', documentNo: '郴数政组〔2026〕2号', date: '2026-01-12', group: '领导小组'})
      expect(codes(late)).to.deep.equal(['plan.excluded.late'])
      late.specialApprovals.push({kind: 'late', documentNo: '郴数政组〔2026〕3号', date: '2026-01-12', group: '领导小组'})
      expect(codes(late)).to.deep.equal([])
    })

    it('an explicit "no" without a justification is non-compliant (Art. 4, 12); with one it is not', () => {
      const p = project({compliance: noGovCloud})
      expect(p.flags).to.include('non-compliant')
      expect(exclusionReasons(p)).to.deep.equal([{code: 'plan.excluded.nonCompliant', article: 12}])
      expect(codes(project({compliance: {...noGovCloud, justification: '涉及公安专网，按规定不上政务云'}}))).to.deep.equal([])
      // a special approval does not cure non-compliance
      const q = project({compliance: noGovCloud})
      q.specialApprovals.push({kind: 'late', documentNo: 'x', date: '2026-01-12', group: '领导小组'})
      expect(codes(q)).to.deep.equal(['plan.excluded.nonCompliant'])
    })

    it('a suspended unit\'s declaration stays out (Art. 17)', () => {
      const p = project({}, {unitSuspended: true})
      expect(p.flags).to.include('unit-suspended')
      expect(exclusionReasons(p)).to.deep.equal([{code: 'plan.excluded.unitSuspended', article: 17}])
    })

    it('a multi-unit project on the approval track needs a leading-group decision (Art. 3); below the standard it does not', () => {
      const major = project({coUnits: ['市财政局'], totalInvestmentFen: 150 * WAN, fiscalFundsFen: 150 * WAN})
      expect(major.track).to.equal('approval')
      expect(major.flags).to.include('major-multi-unit')
      expect(exclusionReasons(major)).to.deep.equal([{code: 'plan.excluded.multiUnit', article: 3}])
      major.specialApprovals.push({kind: 'late', documentNo: 'x', date: '2026-01-12', group: '领导小组'})
      expect(codes(major), 'a 一事一议 for lateness is not the Art. 3 decision').to.deep.equal(['plan.excluded.multiUnit'])
      major.specialApprovals.push({kind: 'multi-unit', documentNo: 'y', date: '2026-01-12', group: '领导小组'})
      expect(codes(major)).to.deep.equal([])
      const small = project({coUnits: ['市财政局'], totalInvestmentFen: 60 * WAN, fiscalFundsFen: 60 * WAN})
      expect(small.flags).to.not.include('major-multi-unit')
      expect(codes(small)).to.deep.equal([])
    })

    it('reports every reason, not just the first', () => {
      const p = project({declaredOn: '2026-02-01', compliance: noGovCloud, coUnits: ['市财政局'], totalInvestmentFen: 200 * WAN, fiscalFundsFen: 200 * WAN}, {unitSuspended: true})
      expect(codes(p)).to.have.members(['plan.excluded.late', 'plan.excluded.nonCompliant', 'plan.excluded.unitSuspended', 'plan.excluded.multiUnit'])
      expect(codes(p)).to.have.length(4)
    })

    it('weak performance is shown but does not by itself keep a project out (Art. 20)', () => {
      const p = project({}, {weakPerformance: true})
      expect(p.flags).to.include('weak-performance')
      expect(codes(p)).to.deep.equal([])
    })
  })

  describe('candidates and selection', () => {
    it('considers only declared or planned projects of the plan year', () => {
      const all = [
        project(),
        project({}, {}, 'planned'),
        project({planYear: 2027, declaredOn: '2026-12-01'}),
        project({}, {}, 'withdrawn'),
        project({}, {}, 'reviewing'),
        project({}, {}, 'dropped'),
      ]
      expect(candidatesFor(all, YEAR).map((p) => p.id)).to.deep.equal([all[0].id, all[1].id])
      expect(candidatesFor(all, 2027).map((p) => p.id)).to.deep.equal([all[2].id])
    })

    it('the office\'s exclusion is one more reason, after the rules\' own', () => {
      const ok = project()
      const late = project({declaredOn: '2026-01-03'})
      const kept = project()
      const sel = selectPlan([ok, late, kept], new Set([ok.id, late.id]))
      expect(sel.included.map((p) => p.id)).to.deep.equal([kept.id])
      const reasons = new Map(sel.excluded.map((e) => [e.project.id, e.reasons.map((r) => r.code)]))
      expect(reasons.get(ok.id)).to.deep.equal(['plan.excluded.byOffice'])
      expect(reasons.get(late.id)).to.deep.equal(['plan.excluded.late', 'plan.excluded.byOffice'])
      expect(sel.excluded.find((e) => e.project.id === ok.id)!.reasons[0].article).to.equal(7)
    })
  })

  describe('totals (investment scale, Art. 7)', () => {
    it('sums integer 分 by track, unit and category; the parts add up to the whole', () => {
      const ps = [
        project({unit: '市公安局', category: 'business', totalInvestmentFen: 85 * WAN + 1, fiscalFundsFen: 80 * WAN + 1}),
        project({unit: '市公安局', category: 'data', totalInvestmentFen: 12_345_678, fiscalFundsFen: 12_345_678, annualPlanFen: 5_000_001}),
        project({unit: '市数据资源局', category: 'infrastructure', procurementCategory: 'works', totalInvestmentFen: 1_234 * WAN + 99, fiscalFundsFen: 1_000 * WAN}),
        project({unit: '市教育局', category: 'service', procurementCategory: 'goods', totalInvestmentFen: 49_999_999, fiscalFundsFen: 49_999_999}),
      ]
      ps[0].marks.keyArea = true
      ps[2].marks.major = true
      ps[2].marks.keyArea = true
      const t = planTotals(ps)
      const sum = (xs: Project[], f: (p: Project) => number) => xs.reduce((s, p) => s + f(p), 0)
      expect(t.all).to.deep.equal({count: 4, totalInvestmentFen: sum(ps, (p) => p.totalInvestmentFen), fiscalFundsFen: sum(ps, (p) => p.fiscalFundsFen), annualPlanFen: sum(ps, annualPlanOf)})
      expect(annualPlanOf(ps[1])).to.equal(5_000_001)
      expect(annualPlanOf(ps[0]), 'the annual plan defaults to the fiscal funds').to.equal(80 * WAN + 1)
      expect(ps.map((p) => p.track)).to.deep.equal(['review', 'self', 'approval', 'self'])
      expect(t.byTrack.self.totalInvestmentFen).to.equal(12_345_678 + 49_999_999)
      expect(t.byTrack.review.totalInvestmentFen).to.equal(85 * WAN + 1)
      expect(t.byTrack.approval.totalInvestmentFen).to.equal(1_234 * WAN + 99)
      expect(t.byCategory.data.count).to.equal(1)
      expect(t.byCategory.service.fiscalFundsFen).to.equal(49_999_999)
      for (const key of ['count', 'totalInvestmentFen', 'fiscalFundsFen', 'annualPlanFen'] as const) {
        const tracks = Object.values(t.byTrack).reduce((s, x) => s + x[key], 0)
        const categories = Object.values(t.byCategory).reduce((s, x) => s + x[key], 0)
        const units = t.byUnit.reduce((s, x) => s + x[key], 0)
        expect(tracks, `tracks ${key}`).to.equal(t.all[key])
        expect(categories, `categories ${key}`).to.equal(t.all[key])
        expect(units, `units ${key}`).to.equal(t.all[key])
      }
      for (const x of [t.all, ...Object.values(t.byTrack), ...Object.values(t.byCategory), ...t.byUnit]) {
        for (const v of [x.totalInvestmentFen, x.fiscalFundsFen, x.annualPlanFen]) expect(Number.isSafeInteger(v)).to.equal(true)
      }
      expect(t.byUnit.map((u) => u.unit), 'largest unit first').to.deep.equal(['市数据资源局', '市公安局', '市教育局'])
      expect(t.byUnit[1]).to.include({count: 2, totalInvestmentFen: 85 * WAN + 1 + 12_345_678})
      expect(t.keyArea).to.include({count: 2, totalInvestmentFen: 85 * WAN + 1 + 1_234 * WAN + 99})
      expect(t.major).to.include({count: 1, totalInvestmentFen: 1_234 * WAN + 99})
    })

    it('an empty plan has zero totals in every group', () => {
      const t = planTotals([])
      expect(t.all.count).to.equal(0)
      expect(Object.keys(t.byTrack)).to.have.members(['self', 'review', 'approval'])
      expect(Object.keys(t.byCategory)).to.have.members(['infrastructure', 'data', 'business', 'service'])
      expect(t.byUnit).to.deep.equal([])
    })
  })
})

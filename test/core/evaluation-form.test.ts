// domain/evaluation-form.ts: the figures of a filled 绩效自评表 read and checked (issue 19), on forms built here.
import {expect} from 'chai'
import {checkEvaluationForm, weightInLabel, type FormCell, type FormIndicatorRow, type FormRead} from '../../src/core/domain/evaluation-form.js'
import {DEFAULT_GRADE_BANDS} from '../../src/core/domain/evaluation.js'

const words = {notApplicable: ['/', '—'], gradeWords: {优: ['优秀'], 良: ['良好']}, budgetWeight: 10, tolerance: 0.01, bands: DEFAULT_GRADE_BANDS}
const at = (value: FormCell['value'], row: number, column: string, label: string): FormCell => ({value, row, column, label})

function form(scores: Array<[number | string | null, number | string | null]>, total: FormCell['value'], extra: Partial<FormRead> = {}): FormRead {
  const level1 = at('产出指标（50分）', 10, 'A', '一级指标')
  const indicators: FormIndicatorRow[] = scores.map(([w, s], i) => ({
    row: 10 + i,
    level1,
    level2: null,
    level3: at(`指标${i + 1}`, 10 + i, 'C', '三级指标'),
    target: null,
    actual: null,
    weight: w === null ? null : at(w, 10 + i, 'F', '分值'),
    score: s === null ? null : at(s, 10 + i, 'G', '得分'),
    deviation: null,
  }))
  return {
    sheet: '表',
    head: {},
    budget: {cells: {weight: at(10, 5, 'F', '分值'), score: at(9, 5, 'H', '得分'), rate: at('90%', 5, 'G', '执行率')}, unit: 'wan', row: 5, label: '年度资金总额'},
    goals: {expected: null, actual: null},
    indicators,
    indicatorHeaderRow: 9,
    close: {total: at(total, 20, 'G', '总分')},
    ...extra,
  }
}

const problems = (f: FormRead) => {
  const r = checkEvaluationForm('f.xlsx', f, words)
  return r.ok ? [] : r.problems.map((p) => p.code)
}

describe('checkEvaluationForm (issue 19)', () => {
  it('reads text scores, "/" and a text rate; the grade follows the total', () => {
    const r = checkEvaluationForm('f.xlsx', form([[20, '18分'], [20, '20'], ['/', '/'], [10, 8.5]], '55.5'), words)
    expect(r.ok).to.equal(true)
    if (!r.ok) return
    expect(r.form).to.include({score: 55.5, grade: '差'})
    expect(r.form.detail.budget).to.include({rate: 0.9, score: 9, weight: 10})
    expect(r.form.detail.indicators.map((i) => i.score)).to.deep.equal([18, 20, null, 8.5])
  })

  // the parts add up to 54.999
  it('the total may differ from the parts by 0.01 for rounding, not more', () => {
    expect(problems(form([[20, 18.333], [20, 18.333], [10, 9.333]], 55.009))).to.deep.equal([])
    expect(problems(form([[20, 18.333], [20, 18.333], [10, 9.333]], 55.02))).to.deep.equal(['evalform.totalMismatch'])
  })

  it('a score above its weight, a weighted row with no score, a missing total, a grade that is no grade', () => {
    expect(problems(form([[20, 21], [20, 20]], 50))).to.deep.equal(['evalform.scoreAboveWeight'])
    expect(problems(form([[20, null], [20, 20]], 29))).to.deep.equal(['evalform.scoreMissing'])
    expect(problems(form([[20, 18]], null))).to.deep.equal(['evalform.totalMissing'])
    expect(problems(form([[20, 18]], 27, {close: {total: at(27, 20, 'G', '总分'), grade: at('甲', 21, 'B', '评价等级')}}))).to.deep.equal(['evalform.unknownGrade'])
  })

  it('the scores under a first-level label may not exceed the weight the label states', () => {
    expect(problems(form([[30, 30], [30, 25]], 64))).to.deep.equal(['evalform.groupScoreAboveWeight', 'evalform.groupWeightAboveWeight'])
  })

  it('weights in labels, in either bracket', () => {
    expect(weightInLabel('产出指标（50分）')).to.equal(50)
    expect(weightInLabel('目标设定情况 (8分)')).to.equal(8)
    expect(weightInLabel('数量指标')).to.equal(null)
  })
})

import {expect} from 'chai'
import {readEvaluationTemplate} from '../../src/core/excel/evaluation-template.js'

describe('templates/evaluation.json', () => {
  it('reads, with the national scheme of weights: 预算执行率 10, 产出 50, 效益 30, 满意度 10', () => {
    const t = readEvaluationTemplate()
    expect(t.budget.weight).to.equal(10)
    expect(t.indicators.standard.map((i) => [i.name, i.weight])).to.deep.equal([
      ['产出指标', 50],
      ['效益指标', 30],
      ['满意度指标', 10],
    ])
    expect(t.print).to.include({paperSize: 9, orientation: 'portrait'})
    expect(t.totalTolerance).to.equal(0.01)
  })
})

// The Buffer() deprecation is dropped narrowly (issue 15): only DEP0005, only while a workbook is being written.
import {expect} from 'chai'
import {withoutBufferDeprecation} from '../../src/core/excel/layout/workbook.js'

describe('excel/layout/workbook: withoutBufferDeprecation', () => {
  const seen: string[] = []
  const listen = (w: Error & {code?: string}) => seen.push(w.code ?? w.message)
  // Node's default printing listener is only one of the 'warning' listeners; this one sees what gets through
  before(() => process.on('warning', listen))
  after(() => process.off('warning', listen))
  beforeEach(() => (seen.length = 0))
  const settle = () => new Promise((resolve) => setImmediate(resolve))

  it('drops DEP0005 while the work runs, lets every other warning through, and restores emitWarning after', async () => {
    const original = process.emitWarning
    await withoutBufferDeprecation(async () => {
      process.emitWarning('Buffer() is deprecated', 'DeprecationWarning', 'DEP0005')
      process.emitWarning('Buffer() is deprecated', {type: 'DeprecationWarning', code: 'DEP0005'})
      process.emitWarning('something else', 'DeprecationWarning', 'DEP0999')
      process.emitWarning('a plain warning')
    })
    await settle()
    expect(seen).to.deep.equal(['DEP0999', 'a plain warning'])
    expect(process.emitWarning).to.equal(original)
    process.emitWarning('Buffer() outside an export', 'DeprecationWarning', 'DEP0005')
    await settle()
    expect(seen).to.deep.equal(['DEP0999', 'a plain warning', 'DEP0005'])
  })

  it('restores emitWarning when the work fails, and after nested writes only once the outer one ends', async () => {
    const original = process.emitWarning
    await withoutBufferDeprecation(async () => {
      await withoutBufferDeprecation(async () => undefined)
      expect(process.emitWarning).to.not.equal(original)
    })
    expect(process.emitWarning).to.equal(original)
    let error: unknown
    await withoutBufferDeprecation(async () => {
      throw new Error('disk full')
    }).catch((e: unknown) => (error = e))
    expect((error as Error).message).to.equal('disk full')
    expect(process.emitWarning).to.equal(original)
  })
})

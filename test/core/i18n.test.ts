// The catalogue: zh and en hold the same keys, t() fills placeholders, codeText() shows an unknown code as itself.
import {expect} from 'chai'
import {codeText, t} from '../../src/core/i18n/index.js'
import {zh} from '../../src/core/i18n/zh.js'
import {en} from '../../src/core/i18n/en.js'

describe('i18n catalogue', () => {
  it('en translates exactly the keys of zh', () => {
    expect(Object.keys(en).sort()).to.deep.equal(Object.keys(zh).sort())
  })

  it('t() fills placeholders in the language asked for, lists joined as that language joins them', () => {
    expect(t('usage.exclusive', {flag: '--a', value: '--b'}, 'zh')).to.equal('--a 与 --b 不能同时使用')
    expect(t('usage.exclusive', {flag: ['--a', '--c'], value: '--b'}, 'en')).to.equal(
      '--a, --c cannot be used together with --b',
    )
  })

  it('codeText() renders a known code like t() and an unknown one as itself', () => {
    expect(codeText('usage.exclusive', {flag: '--a', value: '--b'}, 'zh')).to.equal(
      t('usage.exclusive', {flag: '--a', value: '--b'}, 'zh'),
    )
    expect(codeText('no.such.code', {x: 1}, 'en')).to.equal('no.such.code')
  })
})

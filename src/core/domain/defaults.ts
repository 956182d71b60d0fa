// The rules a new register starts from: data/rules/default.json, where each figure carries its citation.
import {readPackageJson} from '../package-root.js'
import type {Rules, Settings} from './types.js'

export function defaultRules(): Rules {
  return readPackageJson<Rules>('data', 'rules', 'default.json')
}

export function defaultSettings(planYear: number): Settings {
  return {planYear, declarationDeadline: null, lang: 'zh'}
}

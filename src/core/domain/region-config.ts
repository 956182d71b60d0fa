// `config set region NAME` and `config set measures-name TEXT` (DESIGN §18). The region decides how units are
// normalised (桂阳县公安局 → 县公安局), and a unit already stored cannot be told apart from one typed with the level's
// character: so the region is set while the register holds no projects, systems or unit records, and refused after
// (a register made for the wrong jurisdiction is made again with `init --region`). The measures' name only changes
// words, and may be set at any time.
import {Conflict, InvalidInput} from './errors.js'
import type {ConfigChange} from './config.js'
import {DEFAULT_MEASURES_NAME, parseMeasuresName, parseRegionName, regionOf, type Region} from './region.js'
import type {RegisterData, Rules, Settings} from './types.js'

export const REGION_CONFIG_KEYS = ['region', 'measures-name'] as const

export function isRegionKey(key: string): key is (typeof REGION_CONFIG_KEYS)[number] {
  return (REGION_CONFIG_KEYS as readonly string[]).includes(key)
}

/** What the register holds that was normalised under its region. */
export function heldUnderRegion(data: Pick<RegisterData, 'projects' | 'units' | 'systems'>): number {
  return data.projects.length + data.units.length + (data.systems?.length ?? 0)
}

/**
 * The rules' words of one region made another's: the reviewing departments named with the level's character
 * (市财政局 → 县财政局) and the citations' 本市 and measures' title. What the office wrote otherwise stays.
 */
export function rulesForRegion(rules: Rules, from: Region, to: Region): Rules {
  const swapTier = (text: string) => (from.tier !== to.tier && text.startsWith(from.tier) ? to.tier + text.slice(1) : text)
  const cite = (text: string) => {
    let out = text.replaceAll(`《${from.measuresName}》`, `《${to.measuresName}》`)
    if (from.tier !== to.tier) out = out.replaceAll(`本${from.tier}`, `本${to.tier}`)
    return out
  }
  return {
    ...rules,
    stages: rules.stages.map((s) => ({...s, department: swapTier(s.department)})),
    citations: Object.fromEntries(Object.entries(rules.citations).map(([k, v]) => [k, cite(v)])),
  }
}

export function applyRegionSet(data: Pick<RegisterData, 'rules' | 'settings' | 'projects' | 'units' | 'systems'>, key: (typeof REGION_CONFIG_KEYS)[number], value: string): ConfigChange {
  const settings: Settings = {...data.settings}
  const current = regionOf(settings)
  if (key === 'region') {
    const parsed = parseRegionName(value)
    if (!parsed.ok) throw new InvalidInput([{field: key, code: parsed.code, params: parsed.params}], true)
    const held = heldUnderRegion(data)
    if (parsed.name !== current.name && held > 0) throw new Conflict('region.heldUnits', {region: current.name, value: parsed.name, count: held})
    settings.region = parsed.name
  } else {
    const reset = value.trim() === 'default'
    const parsed = reset ? ({ok: true, name: DEFAULT_MEASURES_NAME} as const) : parseMeasuresName(value)
    if (!parsed.ok) throw new InvalidInput([{field: key, code: parsed.code, params: parsed.params}], true)
    if (reset) delete settings.measuresName
    else settings.measuresName = parsed.name
  }
  const next = regionOf(settings)
  const [from, to] = key === 'region' ? [current.name, next.name] : [current.measuresName, next.measuresName]
  return {rules: rulesForRegion(data.rules, current, next), settings, rulesChanged: false, key, from, to}
}

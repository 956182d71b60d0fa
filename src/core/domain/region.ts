// Art. 21: each county, county-level city and district may adopt measures on the city's model, and its office
// does the same yearly work at a smaller scale. The register names its jurisdiction (DESIGN §18); everything the
// tool writes — titles, file names, instructions, the unit prefix — follows from that one name. This module is the
// one place the city's own name is written: the default of a register that names none.
import type {Settings} from './types.js'

/** the region of a register whose settings name none (registers made before issue 23) */
export const DEFAULT_REGION = '郴州市'
/** the measures the tool carries out, unless `config set measures-name` names the region's own */
export const DEFAULT_MEASURES_NAME = `${DEFAULT_REGION}本级财政投资类信息化项目管理暂行办法`

/** The jurisdiction's one character: 市 (the city, or a county-level city such as 资兴市), 县, 区. */
export const TIERS = ['市', '县', '区'] as const
export type Tier = (typeof TIERS)[number]

/** 市本级 / 县本级 / 区本级: the fiscal level whose funds bring a project into the measures (Art. 2). */
export const LEVELS: readonly string[] = TIERS.map((tier) => `${tier}本级`)

export interface Region {
  /** 桂阳县, 北湖区, 资兴市, or the city itself */
  name: string
  tier: Tier
  /** 县本级 */
  level: string
  /** without 书名号, as DEFAULT_MEASURES_NAME is written */
  measuresName: string
}

/** The placeholders templates and catalogue strings take: {region}, {level}, {tier}, {measuresName}. */
export type RegionWords = {region: string; level: string; tier: string; measuresName: string}

/** A name as long as 湘西土家族苗族自治州 fits; past that it is not a region's name. */
export const REGION_NAME_MAX = 12
export const MEASURES_NAME_MAX = 60

export type RegionProblem = {code: string; params: Record<string, string | number>}

/** 桂阳县 → 县; a name that ends otherwise has no level word. */
export function tierOf(name: string): Tier | null {
  const last = name.slice(-1)
  return (TIERS as readonly string[]).includes(last) ? (last as Tier) : null
}

/** The region a clerk typed, checked: Chinese characters only, two to REGION_NAME_MAX of them, ending in 市, 县 or 区. */
export function parseRegionName(raw: string): {ok: true; name: string; tier: Tier} | ({ok: false} & RegionProblem) {
  const name = raw.replace(/[\s\u3000]+/g, '')
  if (name === '') return {ok: false, code: 'region.empty', params: {}}
  if (!/^\p{Script=Han}+$/u.test(name)) return {ok: false, code: 'region.notChinese', params: {value: raw}}
  const length = [...name].length
  if (length < 2 || length > REGION_NAME_MAX) return {ok: false, code: 'region.badLength', params: {value: name, max: REGION_NAME_MAX}}
  const tier = tierOf(name)
  if (tier === null) return {ok: false, code: 'region.badEnding', params: {value: name}}
  return {ok: true, name, tier}
}

/** 《桂阳县本级财政投资类信息化项目管理办法》 or the same without 书名号: the title is kept without them. */
export function parseMeasuresName(raw: string): {ok: true; name: string} | ({ok: false} & RegionProblem) {
  const name = raw.trim().replace(/^《+/, '').replace(/》+$/, '').trim()
  if (name === '') return {ok: false, code: 'region.measuresEmpty', params: {}}
  if (/[《》\n\r]/.test(name)) return {ok: false, code: 'region.measuresBadText', params: {value: raw}}
  if ([...name].length > MEASURES_NAME_MAX) return {ok: false, code: 'region.measuresTooLong', params: {max: MEASURES_NAME_MAX}}
  return {ok: true, name}
}

export function regionNamed(name: string, measuresName: string = DEFAULT_MEASURES_NAME): Region {
  const tier = tierOf(name) ?? '市'
  return {name, tier, level: `${tier}本级`, measuresName}
}

/** The register's region: its settings, or the default for a register that names none. */
export function regionOf(settings: Pick<Settings, 'region' | 'measuresName'>): Region {
  return regionNamed(settings.region ?? DEFAULT_REGION, settings.measuresName ?? DEFAULT_MEASURES_NAME)
}

export function regionWords(region: Region): RegionWords {
  return {region: region.name, level: region.level, tier: region.tier, measuresName: region.measuresName}
}

/**
 * A unit written with its region's name (桂阳县公安局) is the same unit as the one written with the level's
 * character (县公安局), the way offices write their own units. Another region's name is kept: a city unit
 * declaring to a county office (the city's name at the head of a unit in 桂阳县's register) is a different unit from the county's own.
 */
export function withoutRegionPrefix(unit: string, region: Pick<Region, 'name' | 'tier'>): string {
  return unit.startsWith(region.name) ? region.tier + unit.slice(region.name.length) : unit
}

/** The template and catalogue words of a register's region. */
export function regionWordsOf(settings: Pick<Settings, 'region' | 'measuresName'>): RegionWords {
  return regionWords(regionOf(settings))
}

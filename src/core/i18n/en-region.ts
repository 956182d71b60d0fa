// English catalogue, continued (see zh-region.ts): every key of zhRegion must be here (checked by the compiler).
// Region names stay in Chinese: they are the names on the office's documents.
import type {zhRegion} from './zh-region.js'

export const enRegion: Record<keyof typeof zhRegion, string> = {
  // ── region (issue 23) ──
  'field.region': 'region',
  'field.measures-name': 'measures name',
  'region.empty': 'the region name must not be empty',
  'region.notChinese': 'the region name must be Chinese characters (e.g. 桂阳县, 北湖区, 资兴市), not "{value}"',
  'region.badLength': 'the region name "{value}" must be 2 to {max} characters long',
  'region.badEnding': 'the region name "{value}" must end in 市, 县 or 区 (e.g. 桂阳县, 北湖区, 资兴市): the last character decides the fiscal level (市本级, 县本级, 区本级)',
  'region.measuresEmpty': 'the measures name must not be empty; write default to go back to the default',
  'region.measuresBadText': 'the measures name "{value}" must be one title: one pair of 《》 at most, no other 《》 and no line breaks',
  'region.measuresTooLong': 'the measures name must be at most {max} characters long',
  'region.heldUnits':
    'the register already holds {count} projects, systems or unit records entered under {region} (a leading {region} in unit names was stored as the level character), so it cannot become {value}. Create a new register with itplan init --region {value} --register <new register>',
  'init.region':
    'this register belongs to {region} ({level}): the declaration template, plan, acceptance and funds workbooks and the report are titled and named for {region}; a unit name starting with {region} is stored with {tier} instead (e.g. {region}财政局 → {tier}财政局); the reviewing departments are {tier}委办, {tier}财政局 and so on. The measures carried out are 《{measuresName}》; once the region adopts its own, name them with itplan config set measures-name 《…》',
  'config.region': 'region',
  'config.regionValue': '{region} ({level})',
  'config.measuresName': 'measures',
  'config.measuresValue': '《{measuresName}》',
} as const

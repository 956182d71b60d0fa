// The screening's parameters (data/screening.json): the office changes the generic words, their weights, the
// abbreviations and the default threshold there, so a bad edit is refused with the file and the field named.
import path from 'node:path'
import {z} from 'zod'
import {readPackageJson, packageRoot} from './package-root.js'
import {InvalidData} from './domain/errors.js'
import type {ScreeningSettings} from './domain/screening.js'
import type {Region} from './domain/region.js'

const share = z.number().min(0).max(1)
const schema = z.object({
  threshold: share,
  nameWeight: share,
  boundaryWeight: share,
  generic: z.record(share),
  abbreviations: z.record(z.string().min(1)),
})

let settings: ScreeningSettings | undefined

/**
 * The settings, with the register's own region among the generic words (DESIGN §18): 桂阳县, 桂阳 and 县本级 say
 * nothing about what two of 桂阳县's projects build, as the city's name and 市本级 say nothing in the city's register. A weight
 * the office gave the word in data/screening.json stays.
 */
export function screeningSettingsFor(region: Region): ScreeningSettings {
  const base = screeningSettings()
  const own = [region.name, region.name.slice(0, -1), region.level].filter((w) => [...w].length >= 2 && !(w in base.generic))
  return own.length === 0 ? base : {...base, generic: {...base.generic, ...Object.fromEntries(own.map((w) => [w, 0]))}}
}

export function screeningSettings(): ScreeningSettings {
  if (settings) return settings
  const parsed = schema.safeParse(readPackageJson<unknown>('data', 'screening.json'))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new InvalidData('screen.settingsInvalid', {file: path.join(packageRoot(), 'data', 'screening.json'), field: issue.path.join('.'), problem: issue.message})
  }
  return (settings = parsed.data)
}

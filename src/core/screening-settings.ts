// The screening's parameters (data/screening.json): the office changes the generic words, their weights, the
// abbreviations and the default threshold there, so a bad edit is refused with the file and the field named.
import path from 'node:path'
import {z} from 'zod'
import {readPackageJson, packageRoot} from './package-root.js'
import {InvalidData} from './domain/errors.js'
import type {ScreeningSettings} from './domain/screening.js'

const share = z.number().min(0).max(1)
const schema = z.object({
  threshold: share,
  nameWeight: share,
  boundaryWeight: share,
  generic: z.record(share),
  abbreviations: z.record(z.string().min(1)),
})

let settings: ScreeningSettings | undefined

export function screeningSettings(): ScreeningSettings {
  if (settings) return settings
  const parsed = schema.safeParse(readPackageJson<unknown>('data', 'screening.json'))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new InvalidData('screen.settingsInvalid', {file: path.join(packageRoot(), 'data', 'screening.json'), field: issue.path.join('.'), problem: issue.message})
  }
  return (settings = parsed.data)
}

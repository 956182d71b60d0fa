// The register as tests look at it on disk (DESIGN §17): a head and one file per year. Reading assembles the one
// RegisterData the tool works on; writing lays it out as the tool does (src/core/register/stored.ts), so a test
// seeding or tampering with a register exercises the layout every clerk has.
import fs from 'node:fs'
import path from 'node:path'
import {writeStored} from '../../src/core/register/stored.js'
import {yearsDir} from '../../src/core/register/paths.js'
import type {Plan, Project, RegisterData} from '../../src/core/domain/types.js'

interface Head {
  years?: Record<string, {parts: Record<string, {file: string}>}>
  projects?: Project[]
  [key: string]: unknown
}

/**
 * The register at `file`, assembled from its head and year files (or a single file as earlier versions wrote it);
 * `of`: the register whose year files a backup's head names.
 */
export function readRegisterData(file: string, of = file): RegisterData {
  const head = JSON.parse(fs.readFileSync(file, 'utf8')) as Head
  if (Array.isArray(head.projects) || !head.years) return head as unknown as RegisterData
  const {years, ...rest} = head
  const projects: Project[] = []
  const plans: Plan[] = []
  for (const key of Object.keys(years).sort()) {
    for (const part of Object.values(years[key].parts)) {
      const content = JSON.parse(fs.readFileSync(path.join(yearsDir(of), part.file), 'utf8')) as {projects: Project[]; plans: Plan[]}
      projects.push(...content.projects)
      plans.push(...content.plans)
    }
  }
  return {...rest, projects, plans: plans.sort((a, b) => a.year - b.year)} as unknown as RegisterData
}

/** Writes `data` as the register at `file`, in the tool's layout (the year files it needs, then the head). */
export async function writeRegisterData(file: string, data: RegisterData): Promise<void> {
  fs.mkdirSync(path.dirname(file), {recursive: true})
  await writeStored(file, structuredClone(data), {head: null, years: 'all', storedVersion: data.schemaVersion})
}

/** The file holding project `id` (or, given a year, that year's plan), as the head names it now. */
export function fileHolding(file: string, id: string | number): string {
  const head = JSON.parse(fs.readFileSync(file, 'utf8')) as Head
  for (const year of Object.values(head.years ?? {})) {
    for (const part of Object.values(year.parts)) {
      const content = JSON.parse(fs.readFileSync(path.join(yearsDir(file), part.file), 'utf8')) as {projects: Project[]; plans: Plan[]}
      if (typeof id === 'string' ? content.projects.some((p) => p.id === id) : content.plans.some((p) => p.year === id)) return path.join(yearsDir(file), part.file)
    }
  }
  throw new Error(`nothing holds ${id} in ${file}`)
}

/** Every file the register is made of now: the head and the year files it names. */
export function registerFiles(file: string): string[] {
  const head = JSON.parse(fs.readFileSync(file, 'utf8')) as Head
  return [file, ...Object.values(head.years ?? {}).flatMap((y) => Object.values(y.parts).map((p) => path.join(yearsDir(file), p.file)))]
}

/** Edits the head as it is on disk (the audit head, the schema version…), leaving the year files alone. */
export function editHead(file: string, edit: (head: Record<string, unknown>) => void): void {
  const head = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
  edit(head)
  fs.writeFileSync(file, JSON.stringify(head))
}

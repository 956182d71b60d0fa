// Schema migrations: migrations[n] turns a version-n register into version n+1. A register is migrated in memory
// when read and written in the new form by its next change (after the usual backup).
import {SCHEMA_VERSION} from '../domain/register-data.js'

type Migration = (data: Record<string, unknown>) => Record<string, unknown>

const migrations: Record<number, Migration> = {
  // 续建 and 运维 (DESIGN §12): every project held before was a construction project, with no system and no
  // investment completed in earlier years. In place: a register of 50,000 projects is not copied on every read.
  1: (data) => {
    if (Array.isArray(data.projects)) {
      for (const p of data.projects as unknown[]) {
        if (p === null || typeof p !== 'object' || Array.isArray(p)) continue
        const project = p as Record<string, unknown>
        project.kind ??= 'construction'
        project.systemId ??= null
        project.completedBeforeFen ??= null
      }
    }
    return data
  },
  // One file per year (DESIGN §17): the data is the same; the layout on disk is the store's (stored.ts), and a
  // single file of version 2 is written in it by its next change, journalled, with the old file as a backup.
  2: (data) => data,
}

export function migrate(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data
  let current = data as Record<string, unknown>
  let version = current.schemaVersion
  while (typeof version === 'number' && version < SCHEMA_VERSION) {
    const step = migrations[version]
    if (!step) break
    current = {...step(current), schemaVersion: version + 1}
    version = current.schemaVersion
  }
  return current
}

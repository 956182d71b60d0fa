// Schema migrations: migrations[n] turns a version-n register into version n+1. A register is migrated in memory
// when read and written in the new form by its next change (after the usual backup).
import {SCHEMA_VERSION} from '../domain/register-data.js'

type Migration = (data: Record<string, unknown>) => Record<string, unknown>

const migrations: Record<number, Migration> = {
  // 1 → 2 goes here when the register's shape changes.
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

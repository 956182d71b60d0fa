// The office's 信息系统台账 read with the declarations' header-finding reader (DESIGN §12): the same formats,
// header synonyms and label block, with the inventory's own dictionary (templates/systems.json).
import {join} from 'node:path'
import {SYSTEM_FIELDS} from '../domain/systems.js'
import {DECLARATION_TABLE, loadDictionary, useFieldTable, type FieldTable} from './dictionary.js'
import {readDeclarationFile, type CellValue} from './read/index.js'

export const SYSTEMS_TABLE: FieldTable = {
  file: join('templates', 'systems.json'),
  field: (key) => SYSTEM_FIELDS.find((f) => f.key === key),
  keys: SYSTEM_FIELDS.map((f) => f.key),
}

export interface InventoryRow {
  sheet: string
  row: number
  /** by field; a field the sheet has no column for takes the label block's value, else is absent */
  values: Record<string, CellValue>
  /** the column letter of each field, for the place of a problem */
  columns: Map<string, string>
}

export interface InventoryRead {
  file: string
  sha256: string
  rows: InventoryRow[]
  /** sheets with no inventory header, named for the clerk */
  skippedSheets: string[]
}

/** The yes/no words of the inventory dictionary (已共享 / 未共享 besides 是 / 否). */
export function inventoryYesNo(): {yes: string[]; no: string[]} {
  useFieldTable(SYSTEMS_TABLE)
  try {
    const d = loadDictionary()
    return {yes: d.yesWords, no: d.noWords}
  } finally {
    useFieldTable(DECLARATION_TABLE)
  }
}

/** Reads one inventory file; throws InvalidData (`file.*`) when it cannot be read at all. */
export async function readInventory(path: string): Promise<InventoryRead> {
  useFieldTable(SYSTEMS_TABLE)
  try {
    const read = await readDeclarationFile(path, {sofficePath: undefined})
    const rows: InventoryRow[] = []
    for (const sheet of read.sheets) {
      const columns = new Map(sheet.columns.filter((c) => c.field !== null).map((c) => [c.field!, c.letter]))
      const defaults = new Map(sheet.labels.map((l) => [l.field, l.value]))
      for (const r of sheet.rows) {
        if (r.kind === 'total') continue
        const values: Record<string, CellValue> = Object.create(null) as Record<string, CellValue>
        for (const [field, value] of defaults) values[field] = value
        for (const [field, cell] of r.byField) if (cell.value !== null || !(field in values)) values[field] = cell.value
        rows.push({sheet: sheet.name, row: r.rowNumber, values, columns})
      }
    }
    return {file: read.file, sha256: read.sha256, rows, skippedSheets: read.skippedSheets.filter((s) => s.reason === 'no-header').map((s) => s.name)}
  } finally {
    useFieldTable(DECLARATION_TABLE)
  }
}

// One column table per export: for each column key, the kind of value it holds (how the writer lays it out) and
// how that value is read from a row's source. The template lists which columns appear and in what order; the
// kinds also check the template (a column's kind must be its key's).
import type {ModelValue} from '../excel/layout/cells.js'
import type {ColumnKind} from '../excel/layout/template-schema.js'

/** How a column reads its value: amounts in integer 分, dates as ISO text. */
export type Column<S> =
  | {kind: 'text'; cell: (source: S) => string | null}
  | {kind: 'integer'; cell: (source: S) => number | null}
  | {kind: 'amount'; cell: (source: S) => number | null}
  | {kind: 'date'; cell: (source: S) => string | null}
  | {kind: 'ratio'; cell: (source: S) => number | null}

export type ColumnTable<S> = Record<string, Column<S>>

/** The kind each key of `table` needs, for checking a template. */
export function kindsOf<T extends ColumnTable<never>>(table: T): {[K in keyof T]: ColumnKind} {
  return Object.fromEntries(Object.entries(table).map(([key, c]) => [key, c.kind])) as {[K in keyof T]: ColumnKind}
}

/** The view-model row of `source` in the template's column order. */
export function rowOf<S>(table: ColumnTable<S>, columns: ReadonlyArray<{key: string}>, source: S): ModelValue[] {
  return columns.map((c) => table[c.key].cell(source))
}

/** Items joined by a template's list separator; null when there are none (a blank cell). */
export function joined(items: readonly string[], separator: string): string | null {
  return items.join(separator) || null
}

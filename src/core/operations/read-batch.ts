// Reads and validates a batch of declaration files before the register is locked: the slow part (parsing
// spreadsheets) never holds up other clerks, and the register only sees validated declarations. Loaded only by
// the commands that read spreadsheets (it brings the reader with it).
import {readDeclarationFile, type ReadFileResult} from '../excel/read/index.js'
export {prepareSheetWorker} from '../excel/read/index.js'
import {loadDictionary} from '../excel/dictionary.js'
import {DeclarationValidator, type FileValidation, type ImportContext, type RowProblem} from '../domain/import-validation.js'
import {InvalidData} from '../domain/errors.js'
import type {EnumWords} from '../domain/declaration.js'
import type {ImportInput} from './import.js'

export interface ReadBatchOptions {
  defaultYear: number
  receivedOn: string
  words: EnumWords
  region: ImportContext['region']
  onFile?: (file: string, index: number, total: number) => void
  /** rows read so far in the current file */
  onRows?: (file: string, index: number, rows: number) => void
}

export interface ReadBatchFile extends ImportInput {
  path: string
  read: ReadFileResult | null
  validation: FileValidation | null
}

export async function readBatch(paths: string[], o: ReadBatchOptions): Promise<ReadBatchFile[]> {
  const dictionary = loadDictionary()
  const requiredFields = dictionary.fields.filter((f) => f.required).map((f) => f.key)
  const labelHints = Object.fromEntries(dictionary.labelBlock.fields.flatMap((l) => (l.labels.length > 0 ? [[l.field, l.labels[0]]] : [])))
  const seen = new Map<string, {file: string; sheet: string; row: number}>()
  const results: ReadBatchFile[] = []
  for (const [index, path] of paths.entries()) {
    o.onFile?.(path, index, paths.length)
    let read: ReadFileResult | null = null
    let fileProblem: RowProblem | null = null
    // Rows are validated as they are read; a file refused as a whole leaves its validator unfinished and unused.
    let validator: DeclarationValidator | null = null
    const context = {defaultYear: o.defaultYear, receivedOn: o.receivedOn, words: o.words, region: o.region, requiredFields, labelHints}
    try {
      read = await readDeclarationFile(path, {
        onRows: o.onRows ? (rows) => o.onRows!(path, index, rows) : undefined,
        sink: (file) => (validator = new DeclarationValidator(file, context, seen)),
        // Only a rejected file's rows are needed again, for its error workbook, which reads the file anew.
        keepRows: false,
      })
    } catch (error) {
      if (!(error instanceof InvalidData)) throw error
      const row = typeof error.params.row === 'number' ? error.params.row : null
      fileProblem = {sheet: typeof error.params.sheet === 'string' ? error.params.sheet : '', row, column: null, field: null, code: error.code, params: error.params}
    }
    const validation = read && validator ? (validator as DeclarationValidator).finish() : null
    results.push({path, file: read?.file ?? path.split(/[/\\]/).pop()!, read, validation, fileProblem})
  }
  return results
}

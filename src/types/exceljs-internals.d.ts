// exceljs's sax helper (saxes behind an async iterator); exceljs ships no typings for its internal modules.
declare module 'exceljs/lib/utils/parse-sax.js' {
  const parseSax: (stream: AsyncIterable<unknown>) => AsyncIterable<unknown[]>
  export default parseSax
}

// exceljs's streaming workbook reader, loaded on its own (see openWorkbookReader in src/core/excel/read/workbook-parts.ts).
declare module 'exceljs/lib/stream/xlsx/workbook-reader.js' {
  const WorkbookReader: new (path: string, options: Record<string, string>) => unknown
  export default WorkbookReader
}

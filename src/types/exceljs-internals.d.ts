// exceljs's sax helper (saxes behind an async iterator); exceljs ships no typings for its internal modules.
declare module 'exceljs/lib/utils/parse-sax.js' {
  const parseSax: (stream: AsyncIterable<unknown>) => AsyncIterable<unknown[]>
  export default parseSax
}

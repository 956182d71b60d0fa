// `project dossier ID` (Art. 18–19, DESIGN §16): everything the register holds of one project, for the supervision
// group and the auditors, in one workbook — a sheet per part of the record (dossier-sections.ts) and a 说明 that
// names the export time and the journal's chain head as `audit verify` found it, so a printed dossier can be traced
// back and its journal trusted (or is plainly marked when it cannot be).
import {fillTemplate} from '../i18n/fill.js'
import {readDossierTemplate, DOSSIER_TEMPLATE_FILE} from '../excel/dossier-template.js'
import type {DossierBlock, DossierModel} from '../excel/dossier-export.js'
import {closingNotes, notesText, type NoteRow} from './export-notes.js'
import {DOSSIER_SECTIONS, label, sheetOf, words, type DossierContext} from './dossier-sections.js'
import type {JournalEntry, Project, RegisterData} from '../domain/types.js'
import {regionWordsOf} from '../domain/region.js'

export {DOSSIER_SECTIONS}

/** What `audit verify` found, with its message in words when the check failed. */
export interface DossierVerification {
  ok: boolean
  entries: number
  head: string | null
  message: string | null
}

export interface DossierOptions {
  project: Project
  data: RegisterData
  history: JournalEntry[]
  describe: DossierContext['describe']
  verification: DossierVerification
  exportedAt: string
}

/** The shared 说明 rows (rules in force, the trace) as blocks: each section of them a block of its own. */
function noteBlocks(rows: NoteRow[]): DossierBlock[] {
  const blocks: Array<Extract<DossierBlock, {kind: 'facts'}>> = []
  for (const row of rows) {
    if ('section' in row) blocks.push({kind: 'facts', title: row.section, rows: []})
    else if (blocks.length > 0) blocks[blocks.length - 1].rows.push([row.label, row.value])
  }
  return blocks
}

/** The dossier of one project, and the file name the template gives it. */
export function projectDossier(o: DossierOptions): {model: DossierModel; fileName: string} {
  const t = readDossierTemplate(regionWordsOf(o.data.settings))
  const ctx: DossierContext = {project: o.project, data: o.data, history: o.history, t, describe: o.describe}
  const v = o.verification
  const notes = sheetOf(ctx, 'notes', (b) => [
    {
      kind: 'facts',
      title: b.dossier,
      rows: [
        [label(ctx, 'project'), `${o.project.id} ${o.project.name}（${o.project.unit}）`],
        [label(ctx, 'verification'), v.ok ? words(ctx, 'verified', {entries: v.entries}) : words(ctx, 'verifyFailed', {message: v.message ?? ''})],
        [label(ctx, 'auditHead'), o.data.audit.head === null ? words(ctx, 'noHead') : words(ctx, 'head', {head: o.data.audit.head, seq: o.data.audit.seq})],
        [label(ctx, 'projectEntries'), words(ctx, 'entries', {count: o.history.length})],
      ],
    },
    ...noteBlocks(closingNotes(o.data, {exportedAt: o.exportedAt, template: DOSSIER_TEMPLATE_FILE, templateVersion: t.version}, notesText(regionWordsOf(o.data.settings)))),
  ])
  const sheets = [...DOSSIER_SECTIONS.map((build) => build(ctx)), notes]
  return {
    model: {fonts: t.fonts, print: t.print, none: t.none, sheets},
    fileName: fillTemplate(t.fileName, {id: o.project.id}),
  }
}

// English catalogue, continued (see zh-followup.ts): every key of zhFollowup must be here (checked by the compiler).
import type {zhFollowup} from './zh-followup.js'

export const enFollowup: Record<keyof typeof zhFollowup, string> = {
  // ── followup (issue 21): review remind ──
  'remind.wrote': "wrote the reminder (催办单) to {department}: {path} ({overdue} stages past their time limit, {dueSoon} due within {within} working days)",
  'remind.quiet': "{departments}: nothing past its time limit or due within {within} working days on {asOf}; no reminder written",
  'remind.none': "nothing past its time limit or due within {within} working days on {asOf}; no reminder written",
  'remind.unknownDepartment': "no reviewing department is called \"{department}\"; the reviewing departments are: {departments}",
  'remind.ambiguousDepartment': "\"{department}\" could be any of {matches}; give the full name",
  'output.outNotDirectory': "--out must be a folder, but {path} is a file",
  // ── followup (issue 21): deadlines export --ics ──
  'deadlines.exported': "exported the calendar file {path}: {count} deadlines (as of {asOf}), to import into Outlook, WPS or a phone calendar",
  'topic.deadlines': "deadlines",
  // ── followup (issue 21): project dossier ──
  'dossier.written': "wrote the dossier of project {id}: {path} ({sheets} sheets, {entries} journal entries)",
  'dossier.unverified': "the audit journal {journal} failed its check, as the dossier's 说明 sheet says:",
}

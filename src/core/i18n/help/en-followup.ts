// Help of the follow-up commands (issue 21, branch followup) in English (see zh-followup.ts).
import type {CommandHelpText} from './types.js'
import type {zhFollowupHelp} from './zh-followup.js'

export const enFollowupHelp: Record<keyof typeof zhFollowupHelp, CommandHelpText> = {
  'review:remind': {
    summary: 'Write a reminder (催办单) to each reviewing department (Art. 9): its stages past their time limit and those due within N working days, on A4, with lines to sign and seal',
    description: 'One workbook per department with something to chase (催办单-<department>-<date>.xlsx), in the --out folder (default the current folder). Working days follow the official calendar, its 调休 days and the office\'s imported holiday files; --as-of writes them as the reviews stood on that day. The layout is templates/reminder.json.',
    examples: [
      '<%= config.bin %> review remind --out 催办单',
      '<%= config.bin %> review remind --as-of 2027-03-01 --within 5 --department 市财政局',
      '<%= config.bin %> review remind --json',
    ],
    flags: {
      'as-of': 'write the notes as the register stood on this day (default today)',
      within: 'also list the stages due within this many working days (default from templates/reminder.json)',
      department: 'only this department (its full name, or a part naming one department)',
      out: 'folder for the workbooks (default the current folder; created if missing)',
    },
  },
  'deadlines:export': {
    summary: 'Export every open deadline as a calendar file (.ics), each an all-day event on its due date',
    description: 'The review stages\' time limits (Art. 9), the completion acceptance application (Art. 16), the filing (Art. 17) and the performance evaluation (Art. 20). The file follows RFC 5545 and imports into Outlook, WPS and phone calendars; a deadline keeps its UID from one export to the next, so importing again updates the event instead of adding a copy. The words are templates/deadline-calendar.json.',
    examples: [
      '<%= config.bin %> deadlines export --ics deadlines.ics',
      '<%= config.bin %> deadlines export --ics deadlines.ics --as-of 2027-03-01 --json',
    ],
    flags: {
      ics: 'the calendar file (.ics: imports into Outlook, WPS and phone calendars)',
      'as-of': 'export the deadlines as the register stood on this day (default today)',
    },
  },
  'project:dossier': {
    summary: 'Export everything the register holds of one project, for supervision and audit (Art. 18, 19)',
    description: 'One workbook, a sheet per part of the record: the declaration (with its source file and row), the routing history, the review stages (every round with its document numbers), the annual plan versions it is in (and the changes since approval), construction (with incidents), acceptance and filing, performance evaluations, and the project\'s journal entries; a last 说明 sheet names the export time and the verified chain head. When the journal fails its check the dossier is still written, says so on its 说明, and the command exits 6. The layout is templates/dossier.json.',
    examples: [
      '<%= config.bin %> project dossier 2027-0001',
      '<%= config.bin %> project dossier 2027-0001 --out audit/2027-0001.xlsx',
    ],
    flags: {out: 'output file (default ./项目档案-<project id>.xlsx)'},
    args: {id: 'project id'},
  },
}

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
}

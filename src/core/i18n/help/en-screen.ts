// Help of the screening command in English (see zh-screen.ts).
import type {CommandHelpText} from './types.js'
import type {zhScreenHelp} from './zh-screen.js'

export const enScreenHelp: Record<keyof typeof zhScreenHelp, CommandHelpText> = {
  screen: {
    summary: 'Screen for duplicate construction: the year\'s declarations against each other and against existing systems, by name and main construction content (Art. 4, 12)',
    description:
      'Lists the pairs at or above the threshold by score (the default threshold and the weights of generic words are in data/screening.json, the method in the README) and flags both projects of a pair as possible duplicates; the flag does not block a plan, but plan build lists those projects for the planning group. Where the group finds a pair is not a duplicate, record it with --clear … --with … --reason; the pair is not listed again.',
    examples: [
      '<%= config.bin %> screen --year 2027',
      '<%= config.bin %> screen --year 2027 --threshold 0.5 --json',
      '<%= config.bin %> screen --clear 2027-0003 --with 2027-0011 --reason 分属城区与县域，建设内容不同',
    ],
    flags: {
      year: 'plan year to screen',
      threshold: 'lowest score listed, 0–1 (default in data/screening.json)',
      clear: 'record the planning group\'s decision: this project (or system) and --with are not duplicates',
      with: 'the other project or system id of the pair given with --clear',
      reason: 'why the planning group finds the pair is not a duplicate',
      date: 'date of the decision (default today)',
    },
  },
}

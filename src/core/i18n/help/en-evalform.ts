// Help of the self-evaluation form commands (issue 19), spread into enHelp.
import type {CommandHelpText} from './types.js'
import type {zhHelpEvalform} from './zh-evalform.js'

export const enHelpEvalform: Record<keyof typeof zhHelpEvalform, CommandHelpText> = {
  'evaluate:form': {
    summary: 'Write the performance self-evaluation forms (项目支出绩效自评表, Art. 20): one per project, prefilled from the register, A4 portrait',
    description: 'The layout, the first-level indicators and their weights are in templates/evaluation.json (budget execution 10, outputs 50, effects 30, satisfaction 10). The project id is printed on the form; read the filled forms back with itplan evaluate import.',
    examples: ['<%= config.bin %> evaluate form --year 2027 --out forms', '<%= config.bin %> evaluate form 2027-0001 2027-0002'],
    flags: {year: 'plan year: every accepted or filed project of that year', out: 'output folder (default the current folder)'},
    args: {id: 'project ids (several allowed)'},
  },
}

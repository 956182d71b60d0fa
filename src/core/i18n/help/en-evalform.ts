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
  'evaluate:import': {
    summary: 'Read filled self-evaluation forms back and record the evaluations (Art. 20): blocks found by their labels, each score checked against its weight and the total against the parts, the grade from the score bands',
    description: "The tool's own forms match their project by the printed id; other layouts (the provinces' published forms) by project name and unit. Weights may be written in labels (产出指标（50分）), rates as text (86%), \"/\" for not applicable; the total may differ from the sum of the scores by 0.01 for rounding. One bad form and nothing is recorded (exit 3), naming file, sheet, row and label.",
    examples: ['<%= config.bin %> evaluate import forms/ --date 2027-03-31', '<%= config.bin %> evaluate import 2026-0001-养老服务平台-绩效自评表.xlsx'],
    flags: {date: 'the evaluation date (default today)'},
    args: {paths: 'filled forms: files, folders or wildcards'},
  },
}

// Command help in English, continued: money (see zh-funds.ts).
import type {CommandHelpText} from './types.js'
import type {zhFundsHelp} from './zh-funds.js'

const amount = 'amount, e.g. 30万, 300000元'
const date = 'date (default today)'
const year = 'plan year (default: the year of the date if its approved plan holds the project, else the latest approved plan holding it)'

export const enFundsHelp: Record<keyof typeof zhFundsHelp, CommandHelpText> = {
  'funds:pay': {
    summary: 'Record a payment (at most the year\'s available budget: annual planned investment − cuts − recoveries − paid)',
    description: 'The year is --year; without it, the year of the date when that year\'s plan approved by the city government holds the project, else the latest approved plan holding it. A payment beyond the available budget is refused (exit 3) and the register is left as it was.',
    examples: ['<%= config.bin %> funds pay 2027-0001 --amount 30万 --date 2027-04-15 --doc 郴财预〔2027〕21号'],
    flags: {amount, date, year, doc: 'payment document or voucher no.', note: 'note'},
    args: {id: 'project id'},
  },
  'funds:cut': {
    summary: 'Cut a project\'s budget for the year (Art. 15; never below what has been paid)',
    examples: ['<%= config.bin %> funds cut 2027-0001 --amount 10万 --reason "serious delay" --doc 郴数政资〔2027〕5号 --date 2027-06-30'],
    flags: {amount, date, year, reason: 'reason (Art. 15)', doc: 'document no.', note: 'note'},
    args: {id: 'project id'},
  },
  'funds:recover': {
    summary: 'Recover part of a project\'s budget for the year (Art. 15; never below what has been paid)',
    examples: ['<%= config.bin %> funds recover 2027-0001 --amount 5万 --reason "year-end balance" --doc 郴财预〔2027〕88号 --date 2027-12-20'],
    flags: {amount, date, year, reason: 'reason (Art. 15)', doc: 'document no.', note: 'note'},
    args: {id: 'project id'},
  },
  'funds:list': {
    summary: 'List the year\'s planned investment, cuts, recoveries, payments, execution rate and contract amount of each project, with unit subtotals and the total',
    description: 'Execution rate = paid ÷ available budget (planned − cuts − recoveries), rounded to 0.01 %; with no available budget it shows — (null in --json).',
    examples: ['<%= config.bin %> funds list --year 2027', '<%= config.bin %> funds list --year 2027 --unit 公安 --json'],
    flags: {year: 'plan year', unit: 'construction unit (contains)'},
  },
  'funds:export': {
    summary: 'Export the budget execution workbook (by unit, then project; unit subtotals and the total exact to the 分; A3 landscape; notes sheet)',
    examples: ['<%= config.bin %> funds export --year 2027 --out 2027年度信息化项目资金执行情况表.xlsx'],
    flags: {year: 'plan year', out: 'output file (default ./<region><year>年度信息化项目资金执行情况表.xlsx, the region as in config show)'},
  },
}

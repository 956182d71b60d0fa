// Help of the systems inventory commands in English (see zh-continuing.ts).
import type {CommandHelpText} from './types.js'
import type {zhContinuingHelp} from './zh-continuing.js'

export const enContinuingHelp: Record<keyof typeof zhContinuingHelp, CommandHelpText> = {
  'system:import': {
    summary: 'Import the systems inventory (信息系统台账; Excel or CSV, columns found by their headers; importing again registers nothing twice)',
    description: 'Headers recognised: 系统编号, 系统名称, 建设单位, 系统类型, 上线时间, 部署在政务云, 数据共享, 主要功能, 建设项目编号 (synonyms in templates/systems.json). One bad row keeps the whole batch out and the register unchanged (exit 3). The O&M projects of a system that does not share its data stay out of the annual plan (Art. 12).',
    examples: ['<%= config.bin %> system import 信息系统台账.xlsx', '<%= config.bin %> system import 台账/ --dry-run'],
    args: {paths: 'files, folders or wildcards'},
    flags: {'dry-run': 'check everything, write nothing'},
  },
  'system:list': {
    summary: 'List the systems of the inventory',
    examples: ['<%= config.bin %> system list --unit 市民政局', '<%= config.bin %> system list --json'],
    flags: {unit: 'only the systems of this unit'},
  },
  'system:show': {
    summary: 'Show one system: its record, the changes of its data sharing and their basis, the O&M projects that maintain it',
    examples: ['<%= config.bin %> system show SYS-0001'],
    args: {id: 'system number'},
  },
  'system:update': {
    summary: 'Correct a system\'s data-sharing or government-cloud record (with the date and the document it rests on)',
    description: 'Once a system is recorded as not sharing its data, the O&M projects that maintain it are flagged and kept out of the annual plan (Art. 12).',
    examples: ['<%= config.bin %> system update SYS-0001 --data-sharing 否 --doc 郴数政办〔2027〕3号 --date 2027-03-01'],
    args: {id: 'system number'},
    flags: {'data-sharing': 'whether it shares its data: yes / no (是 / 否)', 'gov-cloud': 'whether it runs on the government cloud: yes / no', date: 'date (default today)', doc: 'the document it rests on'},
  },
}

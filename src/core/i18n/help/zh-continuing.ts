// 命令帮助（续）：信息系统台账（DESIGN §12）。zh.ts 把它并入同一个目录。
import type {CommandHelpText} from './types.js'

export const zhContinuingHelp = {
  'system:import': {
    summary: '导入信息系统台账（Excel 或 CSV，按表头名称识别各列；可重复导入，不会重复登记）',
    description: '识别的表头：系统编号、系统名称、建设单位、系统类型、上线时间、部署在政务云、数据共享、主要功能、建设项目编号（同义词见 templates/systems.json）。任何一行有错，整批不导入，登记簿不作修改（退出码 3）。数据共享为“否”的系统，其运维项目不列入年度计划（第十二条）。',
    examples: ['<%= config.bin %> system import 信息系统台账.xlsx', '<%= config.bin %> system import 台账/ --dry-run'],
  },
  'system:list': {
    summary: '列出信息系统台账中的系统',
    examples: ['<%= config.bin %> system list --unit 市民政局', '<%= config.bin %> system list --json'],
  },
  'system:show': {
    summary: '查看一个系统：台账记录、数据共享的变化及依据、维护它的运维项目',
    examples: ['<%= config.bin %> system show SYS-0001'],
  },
  'system:update': {
    summary: '更正系统的数据共享或政务云部署记录（注明日期和依据文号）',
    description: '改为“数据共享：否”后，维护该系统的运维项目标记为“数据未共享”，不列入年度计划（第十二条）。',
    examples: ['<%= config.bin %> system update SYS-0001 --data-sharing 否 --doc 郴数政办〔2027〕3号 --date 2027-03-01'],
  },
} satisfies Record<string, CommandHelpText>

// 绩效自评表命令的帮助（issue 19，branch evalform），并入 zh.ts 的 zhHelp。
import type {CommandHelpText} from './types.js'

export const zhHelpEvalform = {
  'evaluate:form': {
    summary: '写出项目支出绩效自评表（第二十条）：每个项目一份，按登记簿预填项目名称、单位、年度预算，A4 纵向打印',
    description: '版式、一级指标及分值见 templates/evaluation.json（预算执行率 10 分、产出指标 50 分、效益指标 30 分、满意度指标 10 分）。表上印有项目编号，填好后用 itplan evaluate import 读回。',
    examples: ['<%= config.bin %> evaluate form --year 2027 --out 自评表', '<%= config.bin %> evaluate form 2027-0001 2027-0002'],
  },
} satisfies Record<string, CommandHelpText>

// 绩效自评表命令的帮助（issue 19，branch evalform），并入 zh.ts 的 zhHelp。
import type {CommandHelpText} from './types.js'

export const zhHelpEvalform = {
  'evaluate:form': {
    summary: '写出项目支出绩效自评表（第二十条）：每个项目一份，按登记簿预填项目名称、单位、年度预算，A4 纵向打印',
    description: '版式、一级指标及分值见 templates/evaluation.json（预算执行率 10 分、产出指标 50 分、效益指标 30 分、满意度指标 10 分）。表上印有项目编号，填好后用 itplan evaluate import 读回。',
    examples: ['<%= config.bin %> evaluate form --year 2027 --out 自评表', '<%= config.bin %> evaluate form 2027-0001 2027-0002'],
  },
  'evaluate:import': {
    summary: '读回填好的绩效自评表并记录评价（第二十条）：按文字找栏目，核对各项得分不超过分值、总分等于各项之和，等级按分数线确定',
    description: '本工具写出的表按表上的项目编号对应项目，其他版式（各省公布的自评表）按项目名称和实施单位对应。分值可写在标签中（如“产出指标（50分）”），执行率可写作“86%”，不适用填“/”；总分与各项得分之和允许 0.01 分的四舍五入误差。任何一份表有错，整批都不记录（退出码 3），并指出文件、工作表、行和栏目。',
    examples: ['<%= config.bin %> evaluate import 自评表/ --date 2027-03-31', '<%= config.bin %> evaluate import 2026-0001-养老服务平台-绩效自评表.xlsx'],
  },
} satisfies Record<string, CommandHelpText>

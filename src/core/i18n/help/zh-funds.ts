// 命令帮助（简体中文，续）：资金（branch funds, DESIGN §13）。zh.ts 把它并入 zhHelp。
import type {CommandHelpText} from './types.js'

export const zhFundsHelp = {
  'funds:pay': {
    summary: '记录一笔拨付资金（不得超过该年度可用预算：年度计划投资 − 压减 − 收回 − 已拨付）',
    description: '年度用 --year 指定；不指定时，若拨付日期所在年度经市政府批准的计划含该项目，即为该年度，否则为含该项目的最近一个已批准计划。超出可用预算的拨付被拒绝（退出码 3），登记簿不作任何修改。',
    examples: ['<%= config.bin %> funds pay 2027-0001 --amount 30万 --date 2027-04-15 --doc 郴财预〔2027〕21号'],
  },
  'funds:cut': {
    summary: '压减项目的年度预算（第十五条；压减后不得低于已拨付金额）',
    examples: ['<%= config.bin %> funds cut 2027-0001 --amount 10万 --reason 建设进度严重滞后 --doc 郴数政资〔2027〕5号 --date 2027-06-30'],
  },
  'funds:recover': {
    summary: '收回项目的年度预算（第十五条；收回后不得低于已拨付金额）',
    examples: ['<%= config.bin %> funds recover 2027-0001 --amount 5万 --reason 年底结余 --doc 郴财预〔2027〕88号 --date 2027-12-20'],
  },
  'funds:list': {
    summary: '列出某年度各项目的年度计划投资、压减、收回、已拨付、执行率和合同金额，按单位小计并合计',
    description: '执行率 = 已拨付 ÷ 可用预算（年度计划投资 − 压减 − 收回），四舍五入到 0.01%；可用预算为 0 时显示 —（--json 中为 null）。',
    examples: ['<%= config.bin %> funds list --year 2027', '<%= config.bin %> funds list --year 2027 --unit 公安 --json'],
  },
  'funds:export': {
    summary: '导出资金执行情况表（按单位、项目排列，单位小计和合计精确到分，A3 横向，附说明表）',
    examples: ['<%= config.bin %> funds export --year 2027 --out 2027年度信息化项目资金执行情况表.xlsx'],
  },
} satisfies Record<string, CommandHelpText>

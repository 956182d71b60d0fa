// Help of the follow-up commands (issue 21, branch followup) in Simplified Chinese, spread into zhHelp (zh.ts).
import type {CommandHelpText} from './types.js'

export const zhFollowupHelp = {
  'review:remind': {
    summary: '为各评审部门生成催办单（第九条）：已超过办结时限和若干个工作日内到期的评审环节，A4 打印，留签发人、盖章处',
    description: '每个有待催办环节的部门一份工作簿（催办单-<部门>-<日期>.xlsx），写在 --out 文件夹（默认当前文件夹）。工作日按国家法定节假日、调休和办公室导入的节假日安排计算；--as-of 按那一天登记簿中的评审进度生成。版式见 templates/reminder.json。',
    examples: [
      '<%= config.bin %> review remind --out 催办单',
      '<%= config.bin %> review remind --as-of 2027-03-01 --within 5 --department 市财政局',
      '<%= config.bin %> review remind --json',
    ],
  },
  'deadlines:export': {
    summary: '把所有未办结的到期事项导出为日历文件（.ics），每项为到期日当天的全天日程',
    description: '包括评审环节的办结时限（第九条）、竣工验收申请（第十六条）、验收备案（第十七条）和绩效评价（第二十条）。文件符合 RFC 5545，可导入 Outlook、WPS 日历和手机日历；同一事项每次导出的 UID 相同，再次导入会更新原日程而不是重复添加。文字见 templates/deadline-calendar.json。',
    examples: [
      '<%= config.bin %> deadlines export --ics 到期事项.ics',
      '<%= config.bin %> deadlines export --ics 到期事项.ics --as-of 2027-03-01 --json',
    ],
  },
  'project:dossier': {
    summary: '导出一个项目的完整档案，供督查督导和审计（第十八、十九条）',
    description: '一个工作簿，每部分一张表：申报信息（含来源文件和行号）、审批路径、评审环节（各轮办理情况和文号）、年度计划（所在的计划版本和批准后的变化）、建设实施（含问题报告）、验收备案、绩效评价、审计日志（本项目的全部记录），最后的“说明”表写明导出时间和经核对的审计链头。审计日志核对未通过时仍写出档案并在“说明”表注明，退出码 6。版式见 templates/dossier.json。',
    examples: [
      '<%= config.bin %> project dossier 2027-0001',
      '<%= config.bin %> project dossier 2027-0001 --out 审计资料/2027-0001.xlsx',
    ],
  },
} satisfies Record<string, CommandHelpText>

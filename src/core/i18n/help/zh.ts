// Help of every command in Simplified Chinese: summary, description and examples, keyed by command id.
// The help screens take them from here (src/cli/help.ts), so a command file holds no prose and help follows --lang.
import type {CommandHelpText} from './types.js'
import {zhContinuingHelp} from './zh-continuing.js'
import {zhFollowupHelp} from './zh-followup.js'
import {zhScreenHelp} from './zh-screen.js'
import {zhHelpEvalform} from './zh-evalform.js'
import {zhFundsHelp} from './zh-funds.js'

const zhBaseHelp = {
  'acceptance:apply': {
    summary: '向技术支持组提出竣工验收申请（第十六条；整改后重新申请也用此命令）',
    examples: ['<%= config.bin %> acceptance apply 2027-0001 --date 2027-11-20'],
  },
  'acceptance:expert': {
    summary: '专家竣工验收结论（第十六、十七条）',
    description: '未通过则进入整改；整改后再次未通过，或拒不整改（--refused-rectification），该单位后续项目暂缓审批。',
    examples: ['<%= config.bin %> acceptance expert 2027-0001 --result passed --date 2027-12-10'],
  },
  'acceptance:export': {
    summary: '导出验收备案表（已验收、已备案的项目）',
    examples: ['<%= config.bin %> acceptance export --year 2027 --out 2027年度信息化项目验收备案表.xlsx'],
  },
  'acceptance:file': {
    summary: '验收报告报领导小组办公室备案（第十七条；验收后 15 个工作日内）',
    examples: ['<%= config.bin %> acceptance file 2027-0001 --doc 郴数政办备〔2027〕12号 --date 2027-12-20'],
  },
  'acceptance:preliminary': {
    summary: '初步验收（由项目建设单位自行组织，第十六条）',
    examples: ['<%= config.bin %> acceptance preliminary 2027-0001 --result passed --date 2027-11-05'],
  },
  'acceptance:tech-review': {
    summary: '技术支持组审查：政务云集约应用、数据共享、网络安全（第十二、十四、十六条）',
    description: '三项均通过则同意竣工验收；任一项不通过，项目进入整改，记为一次验收未通过。',
    examples: ['<%= config.bin %> acceptance tech-review 2027-0001 --cloud pass --sharing pass --security pass --date 2027-12-01'],
  },
  'audit:log': {
    summary: '查看审计日志（可按项目筛选）',
    examples: [
      '<%= config.bin %> audit log --project 2027-0001',
      '<%= config.bin %> audit log --json',
    ],
  },
  'audit:verify': {
    summary: '重新计算审计日志的哈希链并与登记簿核对（不一致时退出码 6）',
    examples: ['<%= config.bin %> audit verify'],
  },
  'backup:list': {
    summary: '列出登记簿备份（最近 20 份，最早的在前）',
    examples: ['<%= config.bin %> backup list'],
  },
  'backup:restore': {
    summary: '用一份备份替换当前登记簿（当前登记簿先备份，操作记入审计日志）',
    examples: ['<%= config.bin %> backup restore 20271201T083000123Z-000042 --confirm 20271201T083000123Z-000042'],
  },
  'calendar:import': {
    summary: '导入办公室的节假日安排（holiday-cn JSON 格式），覆盖或补充内置日历，并重算受影响的到期日',
    description: '格式同 github.com/NateScarlet/holiday-cn 的年度文件：{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, ...]}。同一年份再次导入会替换原有安排。办理中的评审环节和待办的验收申请、备案、绩效评价，凡到期日因此改变的，一并重算、记入审计日志并逐项列出。',
    examples: [
      '<%= config.bin %> calendar import 2027.json',
      '<%= config.bin %> calendar import 2027.json --json',
    ],
  },
  'calendar:show': {
    summary: '显示某年的法定节假日、调休上班日和工作日数',
    examples: ['<%= config.bin %> calendar show 2026'],
  },
  'config:set': {
    summary: '修改规则或设置',
    description:
      '可用设置项：{configKeys}。金额可写 80万、800000（元）、800,000元、1.2亿。region 为登记簿所属地区（以市、县或区结尾，本级由末字确定），只能在登记簿还没有项目、信息系统和单位记录时修改；measures-name 为所执行管理办法的名称（写 default 恢复默认）。',
    examples: [
      '<%= config.bin %> config set approval-standard 100万',
      '<%= config.bin %> config set time-limit.fiscal-review 15',
      '<%= config.bin %> config set measures-name 《桂阳县本级财政投资类信息化项目管理办法》',
    ],
  },
  'config:show': {
    summary: '显示规则与设置',
    examples: [
      '<%= config.bin %> config show',
      '<%= config.bin %> config show --json',
    ],
  },
  'construction:complete': {
    summary: '建设完成（此后 6 个月内应申请竣工验收）',
    examples: ['<%= config.bin %> construction complete 2027-0001 --date 2027-10-30 --actual 86.5万'],
  },
  'construction:report': {
    summary: '报告建设中的严重逾期、重大投资损失等问题（第十五条）',
    examples: ['<%= config.bin %> construction report 2027-0001 --kind delay --description 主体工程逾期三个月'],
  },
  'construction:resume': {
    summary: '恢复暂停的项目建设',
    examples: ['<%= config.bin %> construction resume 2027-0001 --date 2027-08-01'],
  },
  'construction:start': {
    summary: '开工：须有项目责任人（第十一条）和工程监理单位（第十三条）',
    examples: ['<%= config.bin %> construction start 2027-0001 --responsible 张三 --supervisor 湖南某监理有限公司 --contractor 某科技公司 --contract-amount 88万 --date 2027-05-06'],
  },
  'construction:suspend': {
    summary: '暂停项目建设（督查督导组责令，第十五条）',
    examples: ['<%= config.bin %> construction suspend 2027-0001 --reason 督查督导组责令整改'],
  },
  'doctor': {
    summary: '检查登记簿、格式版本、审计日志、锁、备份和日历，并说明该怎么处理',
    examples: ['<%= config.bin %> doctor'],
  },
  'evaluate': {
    summary: '记录绩效评价（第二十条）：低于 60 分或评为“差”的单位，其后续申报标记“绩效偏弱”',
    examples: [
      '<%= config.bin %> evaluate 2027-0001 --score 86 --date 2028-12-01',
      '<%= config.bin %> evaluate 2027-0002 --score 55 --grade 差',
    ],
  },
  'help': {
    summary: '显示帮助：全部命令，或某个命令的参数和示例',
    description: '不带参数时列出全部主题和命令；带命令（可含主题，如 project add）时显示它的参数、选项和示例。',
    examples: [
      '<%= config.bin %> help',
      '<%= config.bin %> help import',
      '<%= config.bin %> help project add',
    ],
  },
  'import': {
    summary: '批量导入申报表（.xlsx、.csv，安装 LibreOffice 时也可导入 .xls/.et）',
    description: '每个文件要么全部导入、要么全部退回；退回的文件生成 <文件名>.errors.xlsx：单位的整份表，每一行都在，无误的行标“无误”，有误的单元格标红并批注原因，末尾是“原行号”“错误说明”两列；单位改好后可原样再导入。重复导入不会产生重复项目：按申报编号，或按（年度、单位、项目名称）匹配。',
    examples: [
      '<%= config.bin %> import 申报材料/ --received-on 2026-12-15',
      '<%= config.bin %> import "申报材料/**/*.xlsx" --dry-run',
      '<%= config.bin %> import a.xlsx b.csv --all-or-nothing --errors-dir 退回 --json',
    ],
  },
  'init': {
    summary: '创建登记簿（使用默认规则）',
    description:
      '在 --register 指定的位置（默认 ./data/register.json）创建新的登记簿，并写入 data/rules/default.json 中的默认规则。县、县级市和区的办公室用 --region 写明本地（如 桂阳县）：模板、计划表、报告的标题和文件名、单位名称的写法和评审部门（县委办、县财政局等）随之而定。',
    examples: [
      '<%= config.bin %> init --year 2027',
      '<%= config.bin %> init --region 桂阳县 --year 2027',
      '<%= config.bin %> init --force --confirm register.json',
    ],
  },
  'plan:amend': {
    summary: '年度计划调整：在已批准的计划中增加或减少项目（经领导小组审定、市人民政府批准后成为新的一版）',
    description: '增加的项目须与编制计划时一样符合条件（计划批准后申报的属逾期申报，须有“一事一议”）；其评审环节在调整获批准之日开始计时。减少的项目在调整获批准后为“未列入计划”；已开工建设的项目不能减少。已批准的各版计划保持不变。',
    examples: [
      '<%= config.bin %> plan amend --year 2027 --add 2027-0031 --reason 市委市政府部署的新增任务',
      '<%= config.bin %> plan amend --year 2027 --remove 2027-0007 --reason 建设单位申请取消',
      '<%= config.bin %> plan approve --year 2027 --by leading-group --doc 郴数政组〔2027〕9号 --date 2027-06-10',
    ],
  },
  'plan:approve': {
    summary: '记录领导小组审定或市人民政府批准年度计划（第七条）',
    description: '市人民政府批准后，计划内项目进入评审（自行组织实施的项目直接评审通过），各评审环节开始计时。',
    examples: [
      '<%= config.bin %> plan approve --year 2027 --by leading-group --doc 郴数政组〔2027〕1号 --date 2027-01-10',
      '<%= config.bin %> plan approve --year 2027 --by government --doc 郴政函〔2027〕5号 --date 2027-01-20',
    ],
  },
  'plan:build': {
    summary: '编制年度计划草案（只纳入符合条件的项目，并说明其余项目未纳入的原因）',
    examples: [
      '<%= config.bin %> plan build --year 2027',
      '<%= config.bin %> plan build --year 2027 --exclude 2027-0007 --key-area 2027-0001 --major 2027-0003',
    ],
  },
  'plan:export': {
    summary: '导出年度计划表（A3 横向，按审批路径分组，含小计、合计、汇总和说明）',
    examples: ['<%= config.bin %> plan export --year 2027 --out 2027年度信息化项目计划表.xlsx'],
  },
  'plan:show': {
    summary: '显示年度计划：纳入的项目、标记、投资规模、未纳入原因，以及批准后的执行变化',
    description: '默认显示最新批准的一版（批准时的金额和审批路径，不随之后的审定金额、压减等改变；这些列在“执行变化”中）；--version K 显示第 K 版，--draft 显示正在编制的草案或计划调整。',
    examples: [
      '<%= config.bin %> plan show --year 2027',
      '<%= config.bin %> plan show --year 2027 --version 1',
      '<%= config.bin %> plan show --year 2027 --draft',
    ],
  },
  'project:add': {
    summary: '手工登记一个项目',
    description: '每个字段都有对应参数；在交互终端中缺少的必填项会逐项询问，非交互时缺少必填项即报错（退出码 2）。',
    examples: ['<%= config.bin %> project add --unit 市公安局 --name 智慧警务平台 --nature 新建 --category 业务系统 --procurement-category 服务 --total 85万 --fiscal 85万'],
  },
  'project:list': {
    summary: '列出项目',
    examples: [
      '<%= config.bin %> project list --year 2027 --track approval',
      '<%= config.bin %> project list --flag late --json',
    ],
  },
  'project:route': {
    summary: '按现行规则重新确定所有项目的审批路径，并列出变化',
    examples: [
      '<%= config.bin %> project route --dry-run',
      '<%= config.bin %> project route',
    ],
  },
  'project:show': {
    summary: '显示一个项目的全部信息：审批路径及依据、评审环节、变更记录',
    examples: [
      '<%= config.bin %> project show 2027-0001',
      '<%= config.bin %> project show 2027-0001 --json',
    ],
  },
  'project:update': {
    summary: '修改项目的申报信息（金额变化会重新确定审批路径）',
    examples: [
      '<%= config.bin %> project update 2027-0001 --total 120万',
      '<%= config.bin %> project update 2027-0003 --total 60万 --reason 资金统筹组压减预算',
    ],
  },
  'project:withdraw': {
    summary: '撤回项目（不可撤销）',
    examples: ['<%= config.bin %> project withdraw 2027-0004 --confirm 2027-0004'],
  },
  'report': {
    summary: '汇总报告：按审批路径、单位、类型、状态统计，超期环节，滞留最久的项目；可输出 HTML 页面',
    examples: [
      '<%= config.bin %> report --year 2027',
      '<%= config.bin %> report --as-of 2027-06-30 --html out/report.html',
      '<%= config.bin %> report --json',
    ],
  },
  'review:list': {
    summary: '按部门列出办理中的评审环节及剩余（或超期）工作日',
    examples: [
      '<%= config.bin %> review list',
      '<%= config.bin %> review list --overdue --as-of 2027-03-01',
      '<%= config.bin %> review list --department 市财政局 --json',
    ],
  },
  'review:record': {
    summary: '记录一个评审环节的结果（第九条）',
    description: 'passed：通过，开启下一环节；returned：退回修改，环节保持办理中并重新计时；failed：不通过，项目终止。财政投资评审可用 --amount 记录审定金额，项目按审定金额重新确定审批路径。',
    examples: [
      '<%= config.bin %> review record 2027-0001 --stage secrecy-prereview --result passed --date 2027-02-01 --doc 郴委办审〔2027〕2号',
      '<%= config.bin %> review record 2027-0001 --stage fiscal-review --result passed --amount 92万 --date 2027-04-10',
    ],
  },
  'special-approval': {
    summary: '记录领导小组“一事一议”（第六条）或多部门重大项目决定（第三条）',
    examples: ['<%= config.bin %> special-approval 2027-0012 --doc 郴数政组〔2027〕3号 --date 2027-01-08'],
  },
  'template:declaration': {
    summary: '生成发给各单位的申报表模板（下拉框、填表说明、版本标记）',
    examples: ['<%= config.bin %> template declaration --out 2027年度信息化项目申报表.xlsx'],
  },
  'unit:list': {
    summary: '列出建设单位：是否暂缓审批、原因、最近一次绩效评价',
    examples: ['<%= config.bin %> unit list --json'],
  },
  'unit:reinstate': {
    summary: '恢复某单位的申报审批',
    examples: ['<%= config.bin %> unit reinstate 市某局'],
  },
  'unit:suspend': {
    summary: '暂缓某单位后续项目的申报审批（第十七条）',
    examples: ['<%= config.bin %> unit suspend 市某局 --reason 拒不整改'],
  },
} satisfies Record<string, CommandHelpText>

/** One help catalogue, from its parts (a command in two parts would not compile in en.ts). */
export const zhHelp = {...zhBaseHelp, ...zhContinuingHelp, ...zhFollowupHelp, ...zhScreenHelp, ...zhHelpEvalform, ...zhFundsHelp}

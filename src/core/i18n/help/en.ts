// Help of every command in English (see zh.ts).
import type {CommandHelpText} from './types.js'
import type {zhHelp} from './zh.js'
import {enContinuingHelp} from './en-continuing.js'
import type {zhContinuingHelp} from './zh-continuing.js'
import {enFollowupHelp} from './en-followup.js'
import type {zhFollowupHelp} from './zh-followup.js'
import {enScreenHelp} from './en-screen.js'
import type {zhScreenHelp} from './zh-screen.js'
import {enHelpEvalform} from './en-evalform.js'
import type {zhHelpEvalform} from './zh-evalform.js'
import {enFundsHelp} from './en-funds.js'
import type {zhFundsHelp} from './zh-funds.js'

const date = 'date (default today)'
const id = 'project id'
const planYear = 'plan year'
const planYearDefault = 'plan year (default the register\'s plan year)'

/** Flags shared by project add and project update. */
const declarationFlags: Record<string, string> = {
  unit: 'construction unit',
  name: 'project name',
  nature: 'nature: new | expansion | upgrade | continuing (or the Chinese words 新建 | 扩建 | 改造升级 | 续建)',
  category: 'category: infrastructure | data | business | service (or the Chinese words 基础设施 | 数据系统 | 业务系统 | 服务系统)',
  kind: 'kind: construction | operations (or the Chinese words 建设类 | 运维类; default construction)',
  system: 'system maintained: its id in the systems inventory (required for an operations project)',
  'procurement-category': 'procurement category: goods | services | works (or the Chinese words 货物 | 服务 | 工程; default services)',
  total: 'total investment, e.g. 85万, 850000 (元), 1.2亿',
  fiscal: 'of which city fiscal funds',
  'annual-plan': 'annual planned investment (default the city fiscal funds)',
  'completed-before': 'investment completed by the end of last year (a continuing project)',
  year: planYearDefault,
  'period-months': 'construction period (months)',
  'co-unit': 'co-unit (repeatable)',
  summary: 'main construction content',
  'contact-name': 'contact person',
  'contact-phone': 'contact phone',
  'declared-on': 'declaration date (default today)',
  'declaration-no': 'declaration no.',
  'funding-source': 'funding source: fiscal | self-raised | higher-level | other (or the Chinese words 财政资金 | 自筹资金 | 上级补助 | 其他; repeatable)',
  'supervising-department': 'supervising department',
  consultancy: 'consultancy (Art. 10)',
  'gov-cloud': 'uses the city government cloud (Art. 4)',
  'data-sharing': 'data pooled into the sharing platform (Art. 4)',
  'city-brain': 'joins the City Brain (Art. 4)',
  'egov-network': 'on the e-government network (Art. 4)',
  justification: 'explanation where the unification requirements are not met',
  classified: 'classified project (not registered, Art. 2)',
}

const planVersion = 'which approved version of the plan (default the latest approved)'
const planDraft = 'the draft under way (draft plan or draft amendment)'

const enBaseHelp: Record<Exclude<keyof typeof zhHelp, keyof typeof zhContinuingHelp | keyof typeof zhFollowupHelp | keyof typeof zhScreenHelp | keyof typeof zhHelpEvalform | keyof typeof zhFundsHelp>, CommandHelpText> = {
  'acceptance:apply': {
    summary: 'Apply to the technical support group for completion acceptance (Art. 16; also used to apply again after rectification)',
    examples: ['<%= config.bin %> acceptance apply 2027-0001 --date 2027-11-20'],
    flags: {date},
    args: {id},
  },
  'acceptance:expert': {
    summary: 'Record the expert panel\'s completion acceptance result (Art. 16, 17)',
    description: 'A failure sends the project into rectification. A second failure after rectification, or a refusal to rectify (--refused-rectification), holds back approvals of the unit\'s later projects.',
    examples: ['<%= config.bin %> acceptance expert 2027-0001 --result passed --date 2027-12-10'],
    flags: {
      date,
      result: 'result: passed | failed (or the Chinese words 通过 | 不通过)',
      'refused-rectification': 'the construction unit refuses to rectify',
    },
    args: {id},
  },
  'acceptance:export': {
    summary: 'Export the acceptance filing workbook (projects accepted and filed)',
    examples: ['<%= config.bin %> acceptance export --year 2027 --out 2027年度信息化项目验收备案表.xlsx'],
    flags: {
      year: planYear,
      out: 'output file (default ./<region><year>年度信息化项目验收备案表.xlsx, the region as in config show)',
    },
  },
  'acceptance:file': {
    summary: 'File the acceptance report with the leading group office (Art. 17; within 15 working days of acceptance)',
    examples: ['<%= config.bin %> acceptance file 2027-0001 --doc 郴数政办备〔2027〕12号 --date 2027-12-20'],
    flags: {
      date,
      doc: 'filing document no.',
      'trial-run': 'trial-run period, e.g. 2027-09-01 至 2027-11-30',
      'test-report': 'third-party test report no.',
    },
    args: {id},
  },
  'acceptance:preliminary': {
    summary: 'Record the preliminary acceptance (organised by the construction unit itself, Art. 16)',
    examples: ['<%= config.bin %> acceptance preliminary 2027-0001 --result passed --date 2027-11-05'],
    flags: {
      date,
      result: 'result: passed | failed (or the Chinese words 通过 | 不通过)',
    },
    args: {id},
  },
  'acceptance:tech-review': {
    summary: 'Record the technical support group\'s review: government cloud use, data sharing, cybersecurity (Art. 12, 14, 16)',
    description: 'If all three pass, completion acceptance may go ahead. If any one fails, the project goes into rectification, and this counts as one failed acceptance.',
    examples: ['<%= config.bin %> acceptance tech-review 2027-0001 --cloud pass --sharing pass --security pass --date 2027-12-01'],
    flags: {
      date,
      cloud: 'shared use of government cloud resources: pass | fail (or the Chinese words 通过 | 不通过)',
      sharing: 'sharing of data and information resources: pass | fail (or the Chinese words 通过 | 不通过)',
      security: 'cybersecurity (等保 classified protection / 密评 cryptography assessment): pass | fail (or the Chinese words 通过 | 不通过)',
      opinion: 'review opinion',
    },
    args: {id},
  },
  'audit:log': {
    summary: 'Show the audit journal (optionally for one project)',
    examples: [
      '<%= config.bin %> audit log --project 2027-0001',
      '<%= config.bin %> audit log --json',
    ],
    flags: {
      project: id,
      limit: 'show only the latest N entries',
    },
  },
  'audit:verify': {
    summary: 'Recompute the audit journal\'s hash chain and check it against the register (exit code 6 on a mismatch)',
    examples: ['<%= config.bin %> audit verify'],
  },
  'backup:list': {
    summary: 'List the register backups (the latest 20, oldest first)',
    examples: ['<%= config.bin %> backup list'],
  },
  'backup:restore': {
    summary: 'Replace the current register with a backup (the current register is backed up first; the restore is journalled)',
    examples: ['<%= config.bin %> backup restore 20271201T083000123Z-000042 --confirm 20271201T083000123Z-000042'],
    flags: {confirm: 'confirmation without an interactive terminal: the backup id again'},
    args: {id: 'backup id (see itplan backup list)'},
  },
  'calendar:import': {
    summary: 'Import the office\'s holiday schedule (holiday-cn JSON), overriding or adding to the built-in calendar, and recompute the due dates it moves',
    description: 'The format is that of the yearly files of github.com/NateScarlet/holiday-cn: {"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, ...]}. Importing the same year again replaces its schedule. Every open review stage, and every pending acceptance application, filing and performance evaluation, whose due date changes is recomputed, journalled and listed.',
    examples: [
      '<%= config.bin %> calendar import 2027.json',
      '<%= config.bin %> calendar import 2027.json --json',
    ],
    args: {file: 'JSON file in holiday-cn format'},
  },
  'calendar:show': {
    summary: 'Show a year\'s public holidays, adjusted working days (调休) and number of working days',
    examples: ['<%= config.bin %> calendar show 2026'],
    args: {year: 'year'},
  },
  'config:set': {
    summary: 'Change a rule or setting',
    description:
      'Settings: {configKeys}. Amounts may be written 80万, 800000 (元), 800,000元 or 1.2亿. region is the jurisdiction the register serves (a name ending in 市, 县 or 区, whose last character gives the level) and changes only while the register holds no projects, systems or unit records; measures-name is the title of the measures carried out (default restores the default).',
    examples: [
      '<%= config.bin %> config set approval-standard 100万',
      '<%= config.bin %> config set time-limit.fiscal-review 15',
      '<%= config.bin %> config set measures-name 《桂阳县本级财政投资类信息化项目管理办法》',
    ],
    args: {key: 'setting', value: 'new value'},
  },
  'config:show': {
    summary: 'Show the rules and settings',
    examples: [
      '<%= config.bin %> config show',
      '<%= config.bin %> config show --json',
    ],
  },
  'construction:complete': {
    summary: 'Record that construction is completed (completion acceptance should be applied for within 6 months)',
    examples: ['<%= config.bin %> construction complete 2027-0001 --date 2027-10-30 --actual 86.5万'],
    flags: {
      date,
      actual: 'actual investment completed, e.g. 86.5万',
    },
    args: {id},
  },
  'construction:report': {
    summary: 'Report a serious delay, major investment loss or other problem during construction (Art. 15)',
    examples: ['<%= config.bin %> construction report 2027-0001 --kind delay --description "main works three months behind schedule"'],
    flags: {
      date,
      kind: 'kind: delay | loss | other (or the Chinese words 严重逾期 | 重大投资损失 | 其他)',
      description: 'what happened',
    },
    args: {id},
  },
  'construction:resume': {
    summary: 'Resume the construction of a suspended project',
    examples: ['<%= config.bin %> construction resume 2027-0001 --date 2027-08-01'],
    flags: {date},
    args: {id},
  },
  'construction:start': {
    summary: 'Start construction: needs a project responsible person (Art. 11) and an engineering supervision unit (Art. 13)',
    examples: ['<%= config.bin %> construction start 2027-0001 --responsible 张三 --supervisor 湖南某监理有限公司 --contractor 某科技公司 --contract-amount 88万 --date 2027-05-06'],
    flags: {
      date,
      responsible: 'project responsible person',
      supervisor: 'engineering supervision unit (监理)',
      contractor: 'contractor (承建单位)',
      'contract-amount': 'contract amount, e.g. 88万',
    },
    args: {id},
  },
  'construction:suspend': {
    summary: 'Suspend a project\'s construction (ordered by the supervision group, Art. 15)',
    examples: ['<%= config.bin %> construction suspend 2027-0001 --reason "rectification ordered by the supervision group"'],
    flags: {date, reason: 'reason'},
    args: {id},
  },
  'doctor': {
    summary: 'Check the register, schema version, audit journal, lock, backups and calendar, and say what to do about them',
    examples: ['<%= config.bin %> doctor'],
  },
  'evaluate': {
    summary: 'Record a performance evaluation (Art. 20): a unit scoring below 60 or graded 差 (poor) has its later declarations flagged "weak performance"',
    examples: [
      '<%= config.bin %> evaluate 2027-0001 --score 86 --date 2028-12-01',
      '<%= config.bin %> evaluate 2027-0002 --score 55 --grade 差',
    ],
    flags: {
      date,
      score: 'score 0–100',
      grade: 'grade (default from the score: ≥90 优, ≥80 良, ≥60 中, else 差): 优 | 良 | 中 | 差 (or excellent | good | fair | poor)',
    },
    args: {id},
  },
  'help': {
    summary: 'Show help: every command, or one command\'s arguments and examples',
    description: 'Without an argument, lists every topic and command; with a command (topic included, e.g. project add), shows its arguments, flags and examples.',
    examples: [
      '<%= config.bin %> help',
      '<%= config.bin %> help import',
      '<%= config.bin %> help project add',
    ],
    flags: {'nested-commands': 'also list every command under each topic'},
    args: {command: 'command (topic included, e.g. project add)'},
  },
  'import': {
    summary: 'Batch-import declaration workbooks (.xlsx, .csv; also .xls/.et when LibreOffice is installed)',
    description: 'Each file is either imported whole or rejected whole. A rejected file gets <file name>.errors.xlsx: the unit\'s whole file, every row kept, good rows marked 无误, each bad cell filled red with its message as a comment, and 原行号/错误说明 as the last two columns; corrected, it imports as it is. Importing again creates no duplicate projects: they are matched by declaration no., or by (plan year, unit, project name).',
    examples: [
      '<%= config.bin %> import 申报材料/ --received-on 2026-12-15',
      '<%= config.bin %> import "申报材料/**/*.xlsx" --dry-run',
      '<%= config.bin %> import a.xlsx b.csv --all-or-nothing --errors-dir 退回 --json',
    ],
    flags: {
      'dry-run': 'check everything but write nothing (not even the error workbooks)',
      'all-or-nothing': 'if any file has errors, import nothing of the batch',
      year: 'plan year for sheets without a year column (default the register\'s plan year)',
      'received-on': 'date received, for sheets without a declaration date (default today)',
      'errors-dir': 'folder for the error workbooks (default beside each source file)',
    },
    args: {paths: 'files, folders or wildcards'},
  },
  'init': {
    summary: 'Create the register (with the default rules)',
    description:
      'Creates a new register where --register points (default ./data/register.json), with the default rules of data/rules/default.json. A county, county-level city or district office names itself with --region (e.g. 桂阳县): the titles and file names of the template, workbooks and report, how unit names are stored and the reviewing departments (县委办, 县财政局, …) follow.',
    examples: [
      '<%= config.bin %> init --year 2027',
      '<%= config.bin %> init --region 桂阳县 --year 2027',
      '<%= config.bin %> init --force --confirm register.json',
    ],
    flags: {
      year: 'plan year (default next year)',
      force: 'overwrite an existing register (it is backed up first)',
      confirm: 'confirmation of --force without an interactive terminal: the register\'s file name',
      region: 'the county, county-level city or district the register serves, e.g. 桂阳县, 北湖区, 资兴市 (none: the city-level register)',
    },
  },
  'plan:amend': {
    summary: 'Amend the annual plan: add projects to the approved plan or remove them from it (once adopted by the leading group and approved by the city government, it becomes a new version)',
    description: 'A project added must be eligible just as when the plan was built (one declared after the plan was approved is a late declaration and needs a case-by-case decision, 一事一议); its review stages start counting on the day the amendment is approved. A project removed is "dropped from plan" once the amendment is approved; a project whose construction has started cannot be removed. The approved versions of the plan stay as they were.',
    examples: [
      '<%= config.bin %> plan amend --year 2027 --add 2027-0031 --reason "new task assigned by the city Party committee and government"',
      '<%= config.bin %> plan amend --year 2027 --remove 2027-0007 --reason "the construction unit asked to cancel it"',
      '<%= config.bin %> plan approve --year 2027 --by leading-group --doc 郴数政组〔2027〕9号 --date 2027-06-10',
    ],
    flags: {
      year: planYear,
      add: 'id of a project to add (repeatable)',
      remove: 'id of a project to remove (repeatable)',
      reason: 'reason for the amendment',
      date: 'date the amendment is proposed (default today)',
    },
  },
  'plan:approve': {
    summary: 'Record the leading group\'s adoption or the city government\'s approval of the annual plan (Art. 7)',
    description: 'Once the city government approves, the projects in the plan go under review (self-implemented projects are cleared at once) and the clocks of their review stages start.',
    examples: [
      '<%= config.bin %> plan approve --year 2027 --by leading-group --doc 郴数政组〔2027〕1号 --date 2027-01-10',
      '<%= config.bin %> plan approve --year 2027 --by government --doc 郴政函〔2027〕5号 --date 2027-01-20',
    ],
    flags: {
      year: planYear,
      by: 'approving body: leading-group | government (or the Chinese words 领导小组 | 市人民政府)',
      doc: 'document no.',
      date,
    },
  },
  'plan:build': {
    summary: 'Build the draft annual plan (only eligible projects go in; the reason each other project is left out is given)',
    examples: [
      '<%= config.bin %> plan build --year 2027',
      '<%= config.bin %> plan build --year 2027 --exclude 2027-0007 --key-area 2027-0001 --major 2027-0003',
    ],
    flags: {
      year: planYear,
      include: 'project id to include (undoes an earlier --exclude; repeatable)',
      exclude: 'project id the office decides to leave out (repeatable)',
      'key-area': 'project id to mark as a key-area project (Art. 7; repeatable)',
      major: 'project id to mark as a major project (Art. 7; repeatable)',
    },
  },
  'plan:export': {
    summary: 'Export the annual plan workbook (A3 landscape, grouped by track, with subtotals, totals, a summary and notes)',
    examples: ['<%= config.bin %> plan export --year 2027 --out 2027年度信息化项目计划表.xlsx'],
    flags: {
      year: planYear,
      out: 'output file (default ./<region><year>年度信息化项目计划表.xlsx, the region as in config show)',
      version: planVersion,
      draft: planDraft,
    },
  },
  'plan:show': {
    summary: 'Show the annual plan: the projects in it, marks, investment scale, why others are left out, and changes since approval',
    description: 'By default shows the latest approved version (amounts and tracks as approved, not changed by later approved amounts, budget cuts and the like; those are listed under "changes since approval"); --version K shows version K, and --draft the draft plan or amendment under way.',
    examples: [
      '<%= config.bin %> plan show --year 2027',
      '<%= config.bin %> plan show --year 2027 --version 1',
      '<%= config.bin %> plan show --year 2027 --draft',
    ],
    flags: {
      year: planYearDefault,
      version: planVersion,
      draft: planDraft,
    },
  },
  'project:add': {
    summary: 'Register a project by hand',
    description: 'Every field has a flag. On an interactive terminal a missing required value is asked for, one at a time; without one, a missing required value is an error (exit code 2).',
    examples: ['<%= config.bin %> project add --unit 市公安局 --name 智慧警务平台 --nature new --category business --procurement-category services --total 85万 --fiscal 85万'],
    flags: declarationFlags,
  },
  'project:list': {
    summary: 'List projects',
    examples: [
      '<%= config.bin %> project list --year 2027 --track approval',
      '<%= config.bin %> project list --flag late --json',
    ],
    flags: {
      year: planYear,
      unit: 'construction unit (part of the name is enough)',
      track: 'track: self (self-implemented) | review (technical + fiscal review) | approval (approval + technical + fiscal review), or the Chinese words 自行组织实施 | 技术初审+财政投资评审 | 立项+技术初审+财政投资评审',
      status: 'status: declared | planned | reviewing | cleared | withdrawn | refused | dropped | in-construction | suspended | completed | preliminarily-accepted | acceptance-applied | tech-reviewed | rectifying | accepted | filed (or the Chinese words 已申报 | 已列入计划草案 | 评审中 | 评审通过 | 已撤回 | 未通过 | 未列入计划 | 建设中 | 暂停建设 | 建设完成 | 已初步验收 | 已申请竣工验收 | 技术支持组审查通过 | 整改中 | 已竣工验收 | 已备案)',
      flag: 'flag: late | non-compliant | major-multi-unit | unit-suspended | weak-performance (or the Chinese words 逾期申报 | 不符合统筹要求 | 多部门重大项目 | 单位暂缓审批 | 绩效偏弱)',
    },
  },
  'project:route': {
    summary: 'Re-route every project under the rules in force and list what changed',
    examples: [
      '<%= config.bin %> project route --dry-run',
      '<%= config.bin %> project route',
    ],
    flags: {'dry-run': 'only list the projects that would change; write nothing'},
  },
  'project:show': {
    summary: 'Show everything about a project: its track and the reason for it, review stages, history',
    examples: [
      '<%= config.bin %> project show 2027-0001',
      '<%= config.bin %> project show 2027-0001 --json',
    ],
    args: {id},
  },
  'project:update': {
    summary: 'Change a project\'s declaration (a change of amount re-routes it)',
    examples: [
      '<%= config.bin %> project update 2027-0001 --total 120万',
      '<%= config.bin %> project update 2027-0003 --total 60万 --reason "budget cut by the funding group"',
    ],
    flags: {
      ...declarationFlags,
      reason: 'reason for an amount change once review has begun (e.g. a budget cut, Art. 15)',
    },
    args: {id},
  },
  'project:withdraw': {
    summary: 'Withdraw a project (cannot be undone)',
    examples: ['<%= config.bin %> project withdraw 2027-0004 --confirm 2027-0004'],
    flags: {
      confirm: 'confirmation without an interactive terminal: the project id again',
      reason: 'reason for withdrawing',
    },
    args: {id},
  },
  'report': {
    summary: 'Summary report: counts by track, unit, category and status, overdue stages, the projects waiting longest; optionally an HTML page',
    examples: [
      '<%= config.bin %> report --year 2027',
      '<%= config.bin %> report --as-of 2027-06-30 --html out/report.html',
      '<%= config.bin %> report --json',
    ],
    flags: {
      year: 'plan year (default all years)',
      'as-of': 'show the register as it stood on this day (only what happened by then counts; default today)',
      html: 'also save it as an HTML page (with charts, printable)',
    },
  },
  'review:list': {
    summary: 'List the open review stages by department, with the working days left (or overdue)',
    examples: [
      '<%= config.bin %> review list',
      '<%= config.bin %> review list --overdue --as-of 2027-03-01',
      '<%= config.bin %> review list --department 市财政局 --json',
    ],
    flags: {
      department: 'only this department',
      overdue: 'only overdue stages',
      'as-of': 'show the register as it stood on this day (stages not yet started then are left out; stages decided later still count as open; default today)',
    },
  },
  'review:record': {
    summary: 'Record the result of a review stage (Art. 9)',
    description: 'passed: the stage is passed and the next one opens; returned: returned for revision, the stage stays open and its clock restarts; failed: the project is refused and goes no further. A fiscal review may record the approved amount (审定金额) with --amount; the project is then re-routed by the approved amount.',
    examples: [
      '<%= config.bin %> review record 2027-0001 --stage secrecy-prereview --result passed --date 2027-02-01 --doc 郴委办审〔2027〕2号',
      '<%= config.bin %> review record 2027-0001 --stage fiscal-review --result passed --amount 92万 --date 2027-04-10',
    ],
    flags: {
      stage: 'review stage: secrecy-prereview (Party committee office pre-review) | cyber-prereview (Cyberspace office security pre-review) | approval (DRC project approval) | technical-review (Administrative approval bureau technical review) | fiscal-review (Finance bureau fiscal review), or the Chinese names 市委办前置审查 | 市委网信办网络安全前置审查备案 | 市发改委立项审批 | 市行政审批服务局技术评审 | 市财政局财政投资评审',
      result: 'result: passed | failed | returned (or the Chinese words 通过 | 不通过 | 退回修改)',
      date,
      doc: 'document no.',
      amount: 'approved amount (fiscal review only), e.g. 92万',
      opinion: 'review opinion',
      reason: 'reason, required when the approved amount is above the declared total investment',
    },
    args: {id},
  },
  'special-approval': {
    summary: 'Record a leading-group case-by-case decision (一事一议, Art. 6) or a decision on a major multi-department project (Art. 3)',
    examples: ['<%= config.bin %> special-approval 2027-0012 --doc 郴数政组〔2027〕3号 --date 2027-01-08'],
    flags: {
      doc: 'document no.',
      date,
      kind: 'kind of decision (default from the project\'s flags): late (case-by-case decision on a late declaration) | multi-unit (major multi-department project), or the Chinese words 逾期申报一事一议 | 多部门重大项目',
    },
    args: {id},
  },
  'template:declaration': {
    summary: 'Generate the declaration template to send to the units (dropdowns, instructions, version stamp)',
    examples: ['<%= config.bin %> template declaration --out 2027年度信息化项目申报表.xlsx'],
    flags: {
      out: 'output file (default ./<region><year>年度信息化项目申报表.xlsx, the region as in config show)',
      year: 'plan year (default the register\'s plan year, or next year when there is no register)',
    },
  },
  'unit:list': {
    summary: 'List the construction units: whether their approvals are held back and why, and their latest performance evaluation',
    examples: ['<%= config.bin %> unit list --json'],
  },
  'unit:reinstate': {
    summary: 'Reinstate the approval of a unit\'s declarations',
    examples: ['<%= config.bin %> unit reinstate 市某局'],
    args: {name: 'unit name'},
  },
  'unit:suspend': {
    summary: 'Hold back the approval of a unit\'s later projects (Art. 17)',
    examples: ['<%= config.bin %> unit suspend 市某局 --reason "refused to rectify"'],
    flags: {reason: 'reason'},
    args: {name: 'unit name'},
  },
}

export const enHelp: Record<keyof typeof zhHelp, CommandHelpText> = {...enBaseHelp, ...enContinuingHelp, ...enFollowupHelp, ...enScreenHelp, ...enHelpEvalform, ...enFundsHelp}

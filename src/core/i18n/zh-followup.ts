// 简体中文消息目录（续）：跟踪督办（issue 21, branch followup）——催办单、日历文件、项目档案。
// zh.ts 把它并入同一个目录；键不得与 zh.ts 或 zh-views.ts 重复（编译器检查）。
export const zhFollowup = {
  // ── followup (issue 21): review remind ──
  'remind.wrote': "已写出{department}催办单：{path}（已超过办结时限 {overdue} 项，{within} 个工作日内到期 {dueSoon} 项）",
  'remind.quiet': "{departments}：截至 {asOf} 没有超过办结时限或 {within} 个工作日内到期的评审环节，未写催办单",
  'remind.none': "截至 {asOf}，没有超过办结时限或 {within} 个工作日内到期的评审环节，未写催办单",
  'remind.unknownDepartment': "没有名为“{department}”的评审部门；评审部门有：{departments}",
  'remind.ambiguousDepartment': "“{department}”可指多个评审部门：{matches}；请写全称",
  'output.outNotDirectory': "--out 应为文件夹，但 {path} 是一个文件",
  // ── followup (issue 21): deadlines export --ics ──
  'deadlines.exported': "已导出日历文件 {path}：{count} 个到期事项（截至 {asOf}），可导入 Outlook、WPS 或手机日历",
  'topic.deadlines': "到期事项",
  // ── followup (issue 21): project dossier ──
  'dossier.written': "已写出项目 {id} 的档案 {path}（{sheets} 张表，审计日志记录 {entries} 条）",
  'dossier.unverified': "审计日志 {journal} 核对未通过，档案“说明”表已注明：",
} as const

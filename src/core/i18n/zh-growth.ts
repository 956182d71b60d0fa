// 简体中文消息目录（续）：逐年增长的登记簿（issue 22）——按年度分文件存放、增量备份、自动迁移。
// zh.ts 把它并入同一个目录；键不得与其他部分重复（编译器检查）。
export const zhGrowth = {
  'register.yearMissing': '登记簿 {path} 缺少 {year} 年度的数据文件 {file}（{detail}），未做任何修改。{backupHint}',
  'register.yearHash': '登记簿 {path} 的 {year} 年度数据文件 {file} 与登记簿记录的校验值不符（{detail}），可能在本程序之外被修改，未做任何修改。{backupHint}',
  'register.yearJson': '登记簿 {path} 的 {year} 年度数据文件 {file} 已损坏（{detail}），未做任何修改。{backupHint}',
  'register.scopeViolation': '内部错误：这次修改涉及未读入的 {year} 年度数据，已放弃，未写入任何内容。请把此信息报告给维护人员',
  'journal.summary.registerLayout': '格式版本 {from} 的单个登记簿文件改为按年度分文件存放：{years} 个年度，{projects} 个项目，{plans} 个年度计划；原文件已作为备份保留',
  'journal.action.register-layout': '登记簿改为按年度分文件存放',
  'doctor.yearFilesOk': '年度数据文件：{count} 个，均与登记簿记录一致',
  'doctor.yearFilesUnreferenced': '{count} 个年度数据文件不属于登记簿或任何备份（多为中断的写入留下的），下次修改时自动清除：{files}',
} as const

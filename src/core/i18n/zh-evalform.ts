// 简体中文消息目录（续）：绩效自评表的写出与读回（issue 19，branch evalform）。zh.ts 把它并入同一个目录；键不得与其他部分重复。
export const zhEvalform = {
  'evalform.written': "已写出 {id} 的绩效自评表：{path}",
  'evalform.count': "共 {count} 份绩效自评表，在 {dir}",
  'evalform.none': "{year} 年度没有已验收或已备案的项目，未写出自评表",
  'evalform.nothingAsked': "请给出项目编号，或用 --year 写出某年度全部已验收、已备案项目的自评表",
} as const

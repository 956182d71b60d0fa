// 简体中文消息目录（续）：登记簿所属地区（issue 23, branch region）——init --region、config set region / measures-name。
// zh.ts 把它并入同一个目录；键不得与其他部分重复（编译器检查）。
// 其他部分的文字用 {region}、{level}、{tier}、{measuresName} 指登记簿的地区、本级、末字和管理办法名称，由 t() 填入。
export const zhRegion = {
  // ── region (issue 23) ──
  'field.region': '地区',
  'field.measures-name': '管理办法名称',
  'region.empty': '地区名称不能为空',
  'region.notChinese': '地区名称应为汉字（如 桂阳县、北湖区、资兴市），而不是“{value}”',
  'region.badLength': '地区名称“{value}”的长度应为 2 至 {max} 个字',
  'region.badEnding': '地区名称“{value}”应以“市”“县”或“区”结尾（如 桂阳县、北湖区、资兴市），本级（市本级、县本级、区本级）由末字确定',
  'region.measuresEmpty': '管理办法名称不能为空；恢复默认请写 default',
  'region.measuresBadText': '管理办法名称“{value}”只能是一个标题：可带一对书名号，不能含其他书名号或换行',
  'region.measuresTooLong': '管理办法名称不能超过 {max} 个字',
  'region.heldUnits':
    '登记簿已有 {count} 条项目、信息系统或单位记录，是按“{region}”登记的（单位名称开头的“{region}”已记为本级的末字），不能改为“{value}”。请用 itplan init --region {value} --register <新登记簿> 另建登记簿',
  'init.region':
    '本登记簿属于{region}（{level}）：申报模板、计划表、验收备案表、资金执行情况表和报告的标题与文件名均写{region}，单位名称开头的“{region}”记为“{tier}”（如 {region}财政局 → {tier}财政局），评审部门为{tier}委办、{tier}财政局等。执行的管理办法为《{measuresName}》；本地出台管理办法后，请用 itplan config set measures-name 《…》 设置其名称',
  'config.region': '地区',
  'config.regionValue': '{region}（{level}）',
  'config.measuresName': '管理办法',
  'config.measuresValue': '《{measuresName}》',
} as const

// A synthetic register and inventory for the screening bench (`npm run bench`): 2,000 declarations and 10,000
// systems written from a vocabulary of what municipal systems are about, so that each declaration resembles a few
// systems and a few other declarations, as in a real province — not 12,000 copies of the same dozen texts.
const OBJECTS = '停车 养老 河湖 扬尘 电梯 档案 公交 热线 社区矫正 农产品 菜篮子 森林防火 燃气 供水 招投标 婚姻登记 医保基金 社保卡 教育资源 旅游 垃圾分类 不动产 公积金 排水 路灯 渣土 出租车 网约车 危化品 矿山 地质灾害 气象 水文 耕地 林地 古树 文物 图书 体育场馆 食品 药品 疫苗 特种设备 价格 统计 税源 发票 信用 企业登记 专利 商标 劳动监察 就业 技能培训 退役军人 残疾人 救助 殡葬 宗教场所 信访 法律援助 人民调解 网格 消防 交通信号 桥梁 隧道 物流 冷链 粮食储备 水库 灌区 防汛 畜禽养殖 渔政 农机 种子 化肥 农药 土壤墒情 病虫害 动物防疫 屠宰 兽药 饲料 乡村旅游 民宿 景区门票 非遗 博物馆 美术馆 文化馆 广播电视 应急广播 户外广告 园林绿化 公厕 市政道路 井盖 管网 污水处理 垃圾焚烧 再生资源 噪声 辐射 机动车尾气 油烟 汽车维修 驾校 公路养护 港航 客运站 共享单车 充电桩 加油站 烟花爆竹 民爆 矿产 采砂 测绘 地名 门牌 人口 流动人口 出租屋 保安 寄递 校车 托育 妇幼 计划生育 献血 中医药 健康档案 家庭医生 职业病 放射卫生 学籍 招生考试 教师资格 校外培训 体育赛事 彩票'.split(' ')
const ACTIONS = '监测 调度 追溯 审批 巡查 预警 登记 评价 统计 执法 监管 服务 分析 考核 办理 查询 备案 核查 采集 指挥'.split(' ')
const FACETS = '泊位 诱导 收费 巡检 档案 台账 资金 人员 车辆 设备 视频 地图 许可 投诉 风险 隐患 工单 项目 合同 质量 信用 补贴 培训 考勤 预约 物资 证照 图斑 站点 热力'.split(' ')
const KINDS = ['管理系统', '管理平台', '信息系统', '服务平台', '综合应用平台', '监管平台', '智慧平台', '数据库']
const AREAS = ['郴州市', '北湖区', '苏仙区', '资兴市', '桂阳县', '宜章县', '永兴县', '嘉禾县', '临武县', '汝城县', '桂东县', '安仁县', '市直', '高新区', '郴州经开区']
const UNITS = ['市城市管理和综合执法局', '市住房和城乡建设局', '市交通运输局', '市民政局', '市水利局', '市生态环境局', '市自然资源和规划局', '市卫生健康委员会', '市医疗保障局', '市教育局', '市公安局', '市应急管理局', '市市场监督管理局', '市人力资源和社会保障局', '市农业农村局', '市林业局', '市商务局', '市文化旅游广电体育局', '市司法局', '市政务服务中心']

function random(seed) {
  let x = seed >>> 0
  return () => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32)
}

/** `{declarations, systems}`: declarations as `project add` takes them, systems as screening candidates. */
export function screeningCorpus({declarations = 2000, systems = 10000, seed = 20} = {}) {
  const r = random(seed)
  const pick = (list) => list[Math.floor(r() * list.length)]
  const topic = () => `${pick(OBJECTS)}${pick(FACETS)}${pick(ACTIONS)}`
  const out = {declarations: [], systems: []}
  for (let i = 0; i < declarations; i++) {
    const main = topic()
    const others = [topic(), topic()]
    const content = [
      `建设${main}${pick(KINDS)}，实现${others[0]}和${others[1]}，对接${pick(OBJECTS)}数据，部署于市政务云。`,
      `围绕${main}，开发${others[0]}、${others[1]}等模块，汇聚${pick(OBJECTS)}${pick(FACETS)}信息。`,
      `采购${pick(FACETS)}终端${10 + Math.floor(r() * 200)}台，建设${main}系统，与${others[0]}共享数据。`,
      `完善${main}功能，新增${others[0]}，提升${others[1]}能力。`,
    ][Math.floor(r() * 4)]
    out.declarations.push({unit: pick(UNITS), name: `${r() < 0.5 ? '智慧' : ''}${main}${pick(KINDS)}${r() < 0.2 ? '（二期）' : ''}建设`, content})
  }
  for (let i = 0; i < systems; i++) out.systems.push({ref: `SYS-${String(i + 1).padStart(5, '0')}`, source: 'system', unit: pick(UNITS), name: `${pick(AREAS)}${topic()}${pick(KINDS)}`, content: ''})
  return out
}

// 重复建设筛查命令的帮助（issue 20），并入 zh.ts 的 zhHelp。
import type {CommandHelpText} from './types.js'

export const zhScreenHelp = {
  screen: {
    summary: '重复建设筛查：比较本年度申报项目之间、申报项目与已建系统的名称和主要建设内容（第四、十二条）',
    description:
      '按相似度列出达到阈值的项目对（默认阈值和通用词权重见 data/screening.json，方法见 README“重复建设筛查”），并给成对的项目加上“可能重复建设”标记；标记不影响编制计划，plan build 会把这些项目列给领导小组统筹研究。领导小组认为不属重复建设的，用 --clear … --with … --reason 记录，此后不再列出。',
    examples: [
      '<%= config.bin %> screen --year 2027',
      '<%= config.bin %> screen --year 2027 --threshold 0.5 --json',
      '<%= config.bin %> screen --clear 2027-0003 --with 2027-0011 --reason 分属城区与县域，建设内容不同',
    ],
  },
} satisfies Record<string, CommandHelpText>

// A register with projects carried to 已验收 (accepted), ready for performance evaluation (Art. 20): a 2026 plan of
// self-implemented projects, approved, built and accepted through the real CLI.
import type {commandsOn} from './cli.js'
import {projectFlags} from './cli.js'

type Commands = ReturnType<typeof commandsOn>

export interface Declared {
  unit: string
  name: string
  total: string
  summary?: string
  'annual-plan'?: string
}

/** Declares `projects` for 2026, approves the plan and takes each to accepted; returns their ids in order. */
export async function acceptedProjects({ok}: Commands, projects: Declared[]): Promise<string[]> {
  const ids: string[] = []
  for (const p of projects) {
    const extra = p['annual-plan'] ? ['--annual-plan', p['annual-plan']] : []
    const flags = projectFlags({unit: p.unit, name: p.name, total: p.total, 'declared-on': '2025-12-01', ...(p.summary ? {summary: p.summary} : {})})
    ids.push((await ok<{id: string}>(['project', 'add', ...flags, ...extra])).id)
  }
  await ok(['plan', 'build', '--year', '2026'])
  await ok(['plan', 'approve', '--year', '2026', '--by', 'leading-group', '--doc', '郴数政组〔2026〕1号', '--date', '2026-01-20'])
  await ok(['plan', 'approve', '--year', '2026', '--by', 'government', '--doc', '郴政函〔2026〕5号', '--date', '2026-02-02'])
  for (const id of ids) {
    await ok(['construction', 'start', id, '--responsible', '李四', '--supervisor', '郴州正信工程监理有限公司', '--date', '2026-03-02'])
    await ok(['construction', 'complete', id, '--date', '2026-08-20'])
    await ok(['acceptance', 'preliminary', id, '--result', 'passed', '--date', '2026-08-21'])
    await ok(['acceptance', 'apply', id, '--date', '2026-08-24'])
    await ok(['acceptance', 'tech-review', id, '--cloud', 'pass', '--sharing', 'pass', '--security', 'pass', '--date', '2026-08-25'])
    await ok(['acceptance', 'expert', id, '--result', 'passed', '--date', '2026-08-28'])
  }
  return ids
}

export interface FormFilling {
  /** 全年执行数 (万元) and the budget's 得分 */
  executed: number
  budgetScore: number
  /** 分值 and 得分 of each indicator row, top to bottom (the 三级指标 is written 指标1, 指标2, …) */
  rows: Array<[number | string, number | string]>
  total: number
  grade?: string
}

/** Fills the tool's own form at `file` as a unit would in Excel (here with exceljs), found by its labels in column A. */
export async function fillToolForm(file: string, f: FormFilling): Promise<void> {
  const {default: ExcelJS} = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.worksheets[0]
  const rowOf = (label: string) => {
    let found = 0
    ws.eachRow((row, n) => {
      if (!found && row.getCell(1).value === label) found = n
    })
    if (!found) throw new Error(`no ${label} in ${file}`)
    return found
  }
  const budget = rowOf('年度资金总额')
  ws.getCell(`E${budget}`).value = f.executed
  ws.getCell(`H${budget}`).value = f.budgetScore
  const first = rowOf('一级指标') + 1
  f.rows.forEach(([weight, score], i) => {
    ws.getCell(`C${first + i}`).value = `指标${i + 1}`
    ws.getCell(`F${first + i}`).value = weight
    ws.getCell(`G${first + i}`).value = score
  })
  ws.getCell(`G${rowOf('总分')}`).value = f.total
  if (f.grade) ws.getCell(`B${rowOf('评价等级')}`).value = f.grade
  await wb.xlsx.writeFile(file)
}

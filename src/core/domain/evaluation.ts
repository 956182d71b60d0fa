// Art. 20 performance grades. When the evaluators give only a score, the grade follows the bands used in fiscal
// performance evaluation (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below).
export const GRADES = ['优', '良', '中', '差'] as const

export function gradeFor(score: number): string {
  if (score >= 90) return '优'
  if (score >= 80) return '良'
  if (score >= 60) return '中'
  return '差'
}

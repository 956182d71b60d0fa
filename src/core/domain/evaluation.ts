// Art. 20 performance grades. The grade follows the score by the bands in the rules (优 ≥ 90, 良 ≥ 80, 中 ≥ 60,
// 差 below by default, as fiscal performance evaluation uses them); an explicit grade that contradicts the score is
// refused (DESIGN §11.8).
export const GRADES = ['优', '良', '中', '差'] as const

export interface GradeBand {
  grade: string
  minScore: number
}

export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  {grade: '优', minScore: 90},
  {grade: '良', minScore: 80},
  {grade: '中', minScore: 60},
  {grade: '差', minScore: 0},
]

export function gradeFor(score: number, bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS): string {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore)
  return (sorted.find((b) => score >= b.minScore) ?? sorted[sorted.length - 1]).grade
}

/** The score range of a grade, for the message that refuses a contradiction. */
export function gradeRange(grade: string, bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS): {min: number; below: number | null} | null {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore)
  const i = sorted.findIndex((b) => b.grade === grade)
  if (i < 0) return null
  return {min: sorted[i].minScore, below: i === 0 ? null : sorted[i - 1].minScore}
}

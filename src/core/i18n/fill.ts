// The words of the official workbooks come from the office's templates (templates/*.json), with {name}
// placeholders filled in here; the catalogue's t() is for the CLI's own messages.

/** `{name}` placeholders; unknown ones stay visible. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole))
}

/** Chinese ordinals for group labels and articles: 一、二、三 … 十、十一 … 九十九. */
export function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']
  if (n < 10) return digits[n] || '〇'
  if (n < 100) {
    const tens = Math.floor(n / 10)
    return `${tens === 1 ? '' : digits[tens]}十${digits[n % 10]}`
  }
  return String(n)
}

// The languages the office works in: a register's setting, a flag and an environment variable all name one.
export type Lang = 'zh' | 'en'

/** 'en', 'en-GB', 'en_US.UTF-8' → en; 'zh', 'zh-CN' → zh; anything else → null. */
export function parseLang(value: string | undefined | null): Lang | null {
  if (!value) return null
  const v = value.toLowerCase()
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en'
  if (v === 'zh' || v.startsWith('zh')) return 'zh'
  return null
}

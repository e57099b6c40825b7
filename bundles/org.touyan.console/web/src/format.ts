// Chinese conventions for what the console shows: 2026年12月4日, 1,234, 85.5%, and masked numbers as the API sends them.

export type Locale = 'zh-CN' | 'en'

export function formatDate(value: string | null | undefined, locale: Locale = 'zh-CN'): string {
  if (!value) return '—'
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!m) return value
  const [, y, mo, d] = m
  if (locale === 'en') return `${y}-${mo}-${d}`
  return `${y}年${Number(mo)}月${Number(d)}日`
}

export function formatDateTime(value: string | null | undefined, locale: Locale = 'zh-CN'): string {
  if (!value) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const pad = (n: number) => String(n).padStart(2, '0')
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  return formatDate(day, locale) + ' ' + time
}

export function formatNumber(value: number | null | undefined, locale: Locale = 'zh-CN'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }).format(value)
}

export function formatPercent(part: number, whole: number, locale: Locale = 'zh-CN'): string {
  if (!whole) return '—'
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(part / whole)
}

/** Age in whole years on a day, from a birth date (yyyy-mm-dd). */
export function ageOn(birthDate: string | null | undefined, on: Date = new Date()): number | null {
  if (!birthDate) return null
  const [y, m, d] = birthDate.split('-').map(Number)
  let age = on.getFullYear() - y
  if (on.getMonth() + 1 < m || (on.getMonth() + 1 === m && on.getDate() < d)) age--
  return age
}

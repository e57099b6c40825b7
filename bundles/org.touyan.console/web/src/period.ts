// A half-year cycle's period as people say it: 2026-H1 → 2026年上半年 (2026 H1 in English). Shared by
// the console and the residents' ballot page, so it imports nothing.
export function halfYear(period: string, locale: string = 'zh-CN'): string {
  const m = /^(\d{4})-H([12])$/.exec(period)
  if (!m) return period
  return locale === 'en' ? `${m[1]} H${m[2]}` : `${m[1]}年${m[2] === '1' ? '上' : '下'}半年`
}

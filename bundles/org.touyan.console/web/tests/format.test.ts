import { describe, expect, it } from 'vitest'
import { ageOn, formatDate, formatDateTime, formatNumber, formatPercent } from '../src/format'
import { describe as describeError, formField } from '../src/errors'
import { ApiError } from '../src/api/http'
import { codeLabel } from '../src/stores/codes'
import { messages } from '../src/i18n/messages'

const t = (key: string) => key

describe('Chinese conventions', () => {
  it('writes dates as 年月日 and numbers with grouping', () => {
    expect(formatDate('2026-03-05')).toBe('2026年3月5日')
    expect(formatDate('2026-03-05', 'en')).toBe('2026-03-05')
    expect(formatDate(null)).toBe('—')
    expect(formatNumber(12345.678)).toBe('12,345.68')
    expect(formatPercent(1, 3)).toBe('33.3%')
    expect(formatPercent(1, 0)).toBe('—')
    expect(formatDateTime('2026-12-04T08:05:00')).toBe('2026年12月4日 08:05')
  })
  it('counts age in whole years', () => {
    expect(ageOn('1990-12-05', new Date(2026, 11, 4))).toBe(35)
    expect(ageOn('1990-12-04', new Date(2026, 11, 4))).toBe(36)
  })
})

describe('errors shown to people', () => {
  it("shows the problem's detail next to the field it names", () => {
    const e = new ApiError(422, { status: 422, detail: '生效日期不能早于今天', field: 'effectiveDate' })
    expect(describeError(e, t)).toEqual({ field: 'effectiveDate', message: '生效日期不能早于今天' })
  })
  it('names a stale version and a missing permission in words when the problem has no detail', () => {
    expect(describeError(new ApiError(412, { status: 412 }), t).message).toBe('errors.stale')
    expect(describeError(new ApiError(403, { status: 403 }), t).message).toBe('errors.forbidden')
    expect(describeError(new ApiError(0, { status: 0 }), t).message).toBe('errors.network')
    expect(describeError(new ApiError(500, { status: 500, title: 'Internal error' }), t).message).toBe('errors.server')
  })
  it('maps a nested field to the form field that holds it', () => {
    expect(formField('members[2].personId', ['term', 'members'])).toBe('members')
    expect(formField('facts.criminalConviction', ['facts.criminalConviction', 'facts'])).toBe('facts.criminalConviction')
    expect(formField('body', ['name'])).toBeUndefined()
    expect(formField(undefined, ['name'])).toBeUndefined()
  })
})

describe('labels', () => {
  it('takes code labels from /api/codes and shows an unknown code as it is', () => {
    const codes = { postKind: { COMMUNITY_SECRETARY: { zh: '社区党组织书记', en: 'Community secretary' } } }
    expect(codeLabel(codes, 'postKind', 'COMMUNITY_SECRETARY', 'zh-CN')).toBe('社区党组织书记')
    expect(codeLabel(codes, 'postKind', 'COMMUNITY_SECRETARY', 'en')).toBe('Community secretary')
    expect(codeLabel(codes, 'postKind', 'STREET_CADRE', 'zh-CN')).toBe('STREET_CADRE')
    expect(codeLabel({}, 'gender', 'male', 'zh-CN')).toBe('male')
  })
  it('has every label in Chinese and English, with the same keys', () => {
    const flat = (o: any, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [p + k] : flat(v, p + k + '.')))
    const zh = flat(messages['zh-CN'])
    expect(flat(messages.en)).toEqual(zh)
    const values = (o: any): string[] => Object.values(o).flatMap((v: any) => (typeof v === 'string' ? [v] : values(v)))
    expect(values(messages['zh-CN']).every((v) => v.length > 0)).toBe(true)
    expect(values(messages.en).every((v) => v.length > 0)).toBe(true)
  })
})

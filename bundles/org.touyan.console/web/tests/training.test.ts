import { describe, expect, it } from 'vitest'
import { courseKindsOf, coursesOf, formatsOf, programmeEditable, shortfall, shownStreet, trainingYears } from '../src/training'
import type { TrainingPlan } from '../src/api/types'

describe('the street a training screen shows', () => {
  const streets = ['s1', 's2']
  it('keeps a street administrator to its own street, whatever the address asks', () => {
    expect(shownStreet({ role: 'STREET_ADMIN', street: 's1' }, 's2', streets)).toBe('s1')
    expect(shownStreet({ role: 'STREET_ADMIN', street: 's1' }, undefined, streets)).toBe('s1')
  })
  it('lets the district start from a street of the district named in the address, else the whole district', () => {
    expect(shownStreet({ role: 'DISTRICT_ADMIN', street: null }, 's2', streets)).toBe('s2')
    expect(shownStreet({ role: 'AUDITOR', street: null }, 'elsewhere', streets)).toBe('')
    expect(shownStreet({ role: 'DISTRICT_ADMIN', street: null }, ['s1'], streets)).toBe('')
  })
})

describe('who adds to a programme', () => {
  it('gives the district every programme and a street only its own brand', () => {
    expect(programmeEditable({ role: 'DISTRICT_ADMIN', street: null }, { streetId: null })).toBe(true)
    expect(programmeEditable({ role: 'STREET_ADMIN', street: 's1' }, { streetId: 's1' })).toBe(true)
    expect(programmeEditable({ role: 'STREET_ADMIN', street: 's1' }, { streetId: 's2' })).toBe(false)
    expect(programmeEditable({ role: 'STREET_ADMIN', street: 's1' }, { streetId: null })).toBe(false)
    expect(programmeEditable({ role: 'AUDITOR', street: null }, { streetId: 's1' })).toBe(false)
    expect(programmeEditable(null, { streetId: 's1' })).toBe(false)
  })
})

describe('formats and hours', () => {
  it('offers a programme its own formats, none for a brand without a plugin bound', () => {
    expect(formatsOf({ formats: ['情景剧', '复盘研讨'] })).toEqual(['情景剧', '复盘研讨'])
    expect(formatsOf({ formats: null })).toEqual([])
    expect(formatsOf(undefined)).toEqual([])
  })
  it('counts the hours still missing, zero once met, from numbers or decimal strings', () => {
    expect(shortfall({ credit: 12, required: 32 })).toBe(20)
    expect(shortfall({ credit: '31.5' as unknown as number, required: '32' as unknown as number })).toBe(0.5)
    expect(shortfall({ credit: 40, required: 32 })).toBe(0)
    expect(shortfall({ credit: 32, required: 32 })).toBe(0)
  })
  it('lists every course with its programme, and the recent years newest first', () => {
    const plan = { programmes: [
      { id: 'p1', name: '头雁领航', courses: [{ id: 'c1' }, { id: 'c2' }] },
      { id: 'p2', name: '精治社工', courses: [] },
      { id: 'p3', name: '品牌', courses: [{ id: 'c3' }] },
    ] } as unknown as TrainingPlan
    expect(coursesOf(plan).map((x) => x.programme.id + '/' + x.course.id)).toEqual(['p1/c1', 'p1/c2', 'p3/c3'])
    expect(coursesOf(null)).toEqual([])
    expect(trainingYears(new Date(2026, 11, 7))).toEqual([2027, 2026, 2025, 2024, 2023])
  })
  it('gives a course the kinds of its programme', () => {
    expect(courseKindsOf({ kind: 'ANNUAL' })).toHaveLength(5)
    expect(courseKindsOf({ kind: 'QUARTERLY' })).toEqual(['Q1', 'Q2', 'Q3', 'Q4'])
    expect(courseKindsOf({ kind: 'BRAND' })).toEqual([])
  })
})

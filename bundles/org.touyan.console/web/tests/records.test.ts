import { describe, expect, test } from 'vitest'
import { dutyReportFaults, evidenceLines, incidentFaults, today, useRecordFaults } from '../src/records'

const NOW = '2026-12-07'
const keys = (faults: Record<string, { key: string }>) => Object.fromEntries(Object.entries(faults).map(([f, v]) => [f, v.key]))
const incident = { personId: 'p1', occurredOn: '2026-11-02', items: ['A01'], description: '未按时召开组织生活会', evidence: '会议记录缺失\n群众反映', deadline: '' }

describe('a new negative-list incident', () => {
  test('a complete one has no fault', () => expect(incidentFaults(incident, NOW)).toEqual({}))
  test('each rule names its field', () => {
    expect(keys(incidentFaults({ personId: '', occurredOn: '', items: [], description: ' ', evidence: '\n \n', deadline: '' }, NOW))).toEqual({
      personId: 'records.pickPerson', occurredOn: 'records.required', items: 'records.pickItems', description: 'records.required', evidence: 'records.evidenceRequired',
    })
    expect(keys(incidentFaults({ ...incident, occurredOn: '2026-12-08' }, NOW))).toEqual({ occurredOn: 'records.future' })
    expect(keys(incidentFaults({ ...incident, deadline: '2026-11-02' }, NOW))).toEqual({ deadline: 'records.deadlineAfter' })
    expect(incidentFaults({ ...incident, deadline: '2026-11-03' }, NOW)).toEqual({})
    expect(keys(incidentFaults({ ...incident, evidence: 'x'.repeat(501) }, NOW))).toEqual({ evidence: 'records.evidenceTooLong' })
    expect(incidentFaults({ ...incident, description: 'x'.repeat(2001) }, NOW).description).toEqual({ key: 'records.tooLong', params: { max: 2000 } })
  })
  test('evidence is one entry a line, blank lines left out', () => expect(evidenceLines(' a \r\n\n b\n')).toEqual(['a', 'b']))
})

describe('a new use record', () => {
  const record = { personId: 'p1', kind: 'HONOUR', detail: '', title: '优秀党务工作者', decidedOn: '2026-06-30', basis: '' }
  test('a complete one has no fault', () => expect(useRecordFaults(record, NOW)).toEqual({}))
  test('a delegate or training names its detail, the others none', () => {
    expect(keys(useRecordFaults({ ...record, kind: 'DELEGATE' }, NOW))).toEqual({ detail: 'records.pickDetail' })
    expect(keys(useRecordFaults({ ...record, kind: 'TRAINING', detail: 'CPPCC' }, NOW))).toEqual({ detail: 'records.pickDetail' })
    expect(useRecordFaults({ ...record, kind: 'DELEGATE', detail: 'CPPCC' }, NOW)).toEqual({})
  })
  test('person, kind, title and a date not after today', () => {
    expect(keys(useRecordFaults({ personId: '', kind: '', detail: '', title: '', decidedOn: '2027-01-01', basis: 'x'.repeat(1001) }, NOW))).toEqual({
      personId: 'records.pickPerson', kind: 'records.required', title: 'records.required', decidedOn: 'records.future', basis: 'records.tooLong',
    })
  })
})

describe('a new half-year report', () => {
  const report = { communityId: 'c1', reportedOn: NOW, summary: '半年工作', siteVisits: '走访 12 户', interviews: '谈话 5 人', documents: '台账齐全' }
  test('a complete one has no fault', () => expect(dutyReportFaults(report, NOW)).toEqual({}))
  test('the preparation is required, each part of it', () => {
    expect(keys(dutyReportFaults({ ...report, siteVisits: '', interviews: ' ', documents: '' }, NOW))).toEqual({
      siteVisits: 'records.required', interviews: 'records.required', documents: 'records.required',
    })
    expect(keys(dutyReportFaults({ ...report, communityId: '', reportedOn: '2026-12-08' }, NOW))).toEqual({ communityId: 'records.pickCommunity', reportedOn: 'records.future' })
  })
})

test('today is the local date', () => expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05'))

import { describe, expect, it } from 'vitest'
import { can, mayOpen, reviewKindsFor, visibleMenu } from '../src/access'
import type { Role } from '../src/api/types'

const keys = (role: Role) => visibleMenu({ role }).flatMap((m) => [m.key, ...(m.children ?? []).map((c) => c.key)])

describe('menus by role', () => {
  it('shows the district administrator everything but the audit log', () => {
    expect(keys('DISTRICT_ADMIN')).toEqual(['dashboard', 'org', 'people', 'select', 'eligibility', 'workingGroups', 'firstSecretaries', 'reserve', 'coverage', 'train', 'trainingPlan', 'attendance', 'credits', 'exchange', 'pairing', 'trainingReport', 'manage', 'filings', 'classification', 'mentoring', 'dutyReports', 'evaluate', 'cycles', 'scores', 'ratings', 'reviews', 'ballots', 'use', 'negativeList', 'useRecords', 'roster', 'users', 'plugins'])
    expect(can({ role: 'DISTRICT_ADMIN' }, 'user.edit')).toBe(true)
  })
  it('lets the city administrator read what the auditor reads and manage users, and change nothing else', () => {
    const k = keys('CITY_ADMIN')
    for (const key of ['dashboard', 'org', 'people', 'cycles', 'ratings', 'negativeList', 'users']) expect(k).toContain(key)
    expect(k).not.toContain('audit')
    expect(k).not.toContain('roster')
    expect(k).not.toContain('eligibility')
    expect(can({ role: 'CITY_ADMIN' }, 'user.edit')).toBe(true)
    for (const action of ['org.edit', 'person.register', 'cycle.manage', 'score.enter', 'training.plan', 'plugin.manage'] as const) {
      expect(can({ role: 'CITY_ADMIN' }, action)).toBe(false)
    }
  })
  it('hides from a street administrator what only the district may do', () => {
    const k = keys('STREET_ADMIN')
    expect(k).toContain('filings')
    expect(k).toContain('eligibility')
    expect(k).not.toContain('coverage')
    expect(k).not.toContain('roster')
  })
  it('gives a secretary their own record and their self-review', () => {
    expect(keys('SECRETARY')).toEqual(['dashboard', 'mine', 'train', 'credits', 'evaluate', 'reviews'])
    expect(mayOpen({ role: 'SECRETARY' }, '/evaluate/ballots')).toBe(false)
    expect(mayOpen({ role: 'SECRETARY' }, '/evaluate/ballots/sheet')).toBe(false)
  })
  it('gives each role the reviews the API lets it give, and ballots to the district and the streets', () => {
    expect(reviewKindsFor({ role: 'SECRETARY' })).toEqual(['SELF'])
    expect(reviewKindsFor({ role: 'STREET_ADMIN' })).toEqual(['STREET'])
    expect(reviewKindsFor({ role: 'DISTRICT_ADMIN' })[0]).toBe('ORGANIZATION')
    expect(reviewKindsFor({ role: 'DISTRICT_ADMIN' })).toHaveLength(3)
    for (const role of ['AUDITOR', 'DEPARTMENT_SCORER', 'PLUGIN_ADMIN'] as Role[]) expect(reviewKindsFor({ role })).toEqual([])
    expect(reviewKindsFor(null)).toEqual([])
    expect(can({ role: 'STREET_ADMIN' }, 'ballot.issue')).toBe(true)
    expect(can({ role: 'AUDITOR' }, 'ballot.issue')).toBe(false)
    expect(mayOpen({ role: 'AUDITOR' }, '/evaluate/ballots')).toBe(true)
    expect(mayOpen({ role: 'DEPARTMENT_SCORER' }, '/evaluate/reviews')).toBe(false)
  })
  it('gives the district the 管/用 screens, the auditor to read, nobody else', () => {
    for (const path of ['/manage/mentoring', '/manage/duty-reports', '/use/negative-list', '/use/records']) {
      expect(mayOpen({ role: 'DISTRICT_ADMIN' }, path)).toBe(true)
      expect(mayOpen({ role: 'AUDITOR' }, path)).toBe(true)
      expect(mayOpen({ role: 'STREET_ADMIN' }, path)).toBe(false)
      expect(mayOpen({ role: 'SECRETARY' }, path)).toBe(false)
    }
    for (const action of ['mentoring.pair', 'dutyReport.score', 'incident.followUp'] as const) {
      expect(can({ role: 'DISTRICT_ADMIN' }, action)).toBe(true)
      expect(can({ role: 'AUDITOR' }, action)).toBe(false)
    }
  })
  it('gives the 育 screens to the district, its street and the auditor, the report to the district and the auditor', () => {
    expect(keys('STREET_ADMIN')).toEqual(expect.arrayContaining(['trainingPlan', 'attendance', 'credits', 'exchange', 'pairing']))
    expect(keys('STREET_ADMIN')).not.toContain('trainingReport')
    expect(keys('AUDITOR')).toContain('trainingReport')
    expect(mayOpen({ role: 'STREET_ADMIN' }, '/train/report')).toBe(false)
    expect(mayOpen({ role: 'DEPARTMENT_SCORER' }, '/train/credits')).toBe(false)
    // the auditor reads every GET but changes nothing
    for (const action of ['training.plan', 'training.session', 'attendance.record', 'shadowing.place', 'dispatch.create', 'project.progress', 'project.assess'] as const) {
      expect(can({ role: 'AUDITOR' }, action)).toBe(false)
    }
    // a street adds to its own brand, records its people, advances projects; the district alone plans, dispatches and grades
    expect(can({ role: 'STREET_ADMIN' }, 'training.session')).toBe(true)
    expect(can({ role: 'STREET_ADMIN' }, 'attendance.record')).toBe(true)
    expect(can({ role: 'STREET_ADMIN' }, 'project.progress')).toBe(true)
    for (const action of ['training.plan', 'dispatch.create', 'project.assess', 'shadowing.place', 'exchange.events'] as const) expect(can({ role: 'STREET_ADMIN' }, action)).toBe(false)
  })
  it('gives a secretary their own record, their own credits and their self-review', () => {
    expect(keys('SECRETARY')).toEqual(['dashboard', 'mine', 'train', 'credits', 'evaluate', 'reviews'])
    expect(mayOpen({ role: 'SECRETARY' }, '/train/plan')).toBe(false)
  })
  it('lets the auditor read but not check, import or change', () => {
    const k = keys('AUDITOR')
    expect(k).toContain('people')
    expect(k).toContain('filings')
    expect(k).not.toContain('eligibility')
    expect(k).not.toContain('roster')
    expect(k).not.toContain('users')
    expect(k).toContain('audit')
    expect(can({ role: 'AUDITOR' }, 'user.edit')).toBe(false)
    for (const action of ['person.register', 'filing.step', 'filing.vet', 'archive.seal', 'person.reveal'] as const) expect(can({ role: 'AUDITOR' }, action)).toBe(false)
  })
  it('drops a group whose children a role cannot see', () => {
    expect(keys('PLUGIN_ADMIN')).toEqual(['dashboard', 'org', 'plugins'])
    expect(can({ role: 'PLUGIN_ADMIN' }, 'plugin.manage')).toBe(true)
    expect(can({ role: 'DISTRICT_ADMIN' }, 'plugin.manage')).toBe(false)
    expect(keys('DEPARTMENT_SCORER')).toEqual(['dashboard', 'org', 'evaluate', 'scores'])
  })
  it('refuses paths the menu would not show, deepest entry first', () => {
    expect(mayOpen({ role: 'STREET_ADMIN' }, '/manage/filings/123')).toBe(true)
    expect(mayOpen({ role: 'STREET_ADMIN' }, '/select/coverage')).toBe(false)
    expect(mayOpen({ role: 'SECRETARY' }, '/people')).toBe(false)
    expect(mayOpen({ role: 'SECRETARY' }, '/mine')).toBe(true)
    expect(mayOpen(null, '/')).toBe(false)
  })
  it('follows the evaluation API: the district moves cycles, a department scores, a street reads its ratings', () => {
    expect(can({ role: 'DISTRICT_ADMIN' }, 'cycle.manage')).toBe(true)
    for (const role of ['STREET_ADMIN', 'AUDITOR', 'DEPARTMENT_SCORER', 'PLUGIN_ADMIN'] as const) expect(can({ role }, 'cycle.manage')).toBe(false)
    expect(can({ role: 'DEPARTMENT_SCORER' }, 'score.enter')).toBe(true)
    expect(can({ role: 'AUDITOR' }, 'score.enter')).toBe(false)
    expect(can({ role: 'STREET_ADMIN' }, 'score.enter')).toBe(false)
    expect(mayOpen({ role: 'STREET_ADMIN' }, '/evaluate/ratings')).toBe(true)
    expect(mayOpen({ role: 'STREET_ADMIN' }, '/evaluate/scores')).toBe(false)
    expect(mayOpen({ role: 'DEPARTMENT_SCORER' }, '/evaluate/cycles')).toBe(false)
    // the street counts its own ratings: the district's report and runs are not for it
    expect(can({ role: 'STREET_ADMIN' }, 'rating.report')).toBe(false)
    expect(can({ role: 'PLUGIN_ADMIN' }, 'plugin.whatIf')).toBe(true)
    expect(can({ role: 'DISTRICT_ADMIN' }, 'plugin.whatIf')).toBe(true)
    expect(keys('STREET_ADMIN')).toEqual(expect.arrayContaining(['cycles', 'ratings']))
    // a secretary's 评 is the self-review (四评) only: no cycle, score or rating screen
    expect(keys('SECRETARY')).not.toContain('cycles')
    expect(keys('SECRETARY')).not.toContain('ratings')
  })
  it('keeps vetting and filing with the district administrator', () => {
    expect(can({ role: 'STREET_ADMIN' }, 'filing.step')).toBe(true)
    expect(can({ role: 'STREET_ADMIN' }, 'filing.vet')).toBe(false)
    expect(can({ role: 'STREET_ADMIN' }, 'filing.file')).toBe(false)
    expect(can({ role: 'DISTRICT_ADMIN' }, 'archive.seal')).toBe(true)
    expect(can({ role: 'STREET_ADMIN' }, 'archive.seal')).toBe(false)
  })
})

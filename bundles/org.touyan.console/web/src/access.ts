// Who sees which menu and which button, declared once. The server stays the authority: this only
// hides what a role would be refused (see README, "Who may call what").
import type { ReviewKind, Role, User } from './api/types'

export interface MenuItem { key: string; path: string; roles: Role[]; children?: MenuItem[] }

const DA: Role = 'DISTRICT_ADMIN'
const SA: Role = 'STREET_ADMIN'
const AU: Role = 'AUDITOR'
const DS: Role = 'DEPARTMENT_SCORER'
const PA: Role = 'PLUGIN_ADMIN'
// the city administrator reads what the auditor reads, across districts, and manages users; it changes no district's data
const CI: Role = 'CITY_ADMIN'
const EVERY: Role[] = ['DISTRICT_ADMIN', 'STREET_ADMIN', 'DEPARTMENT_SCORER', 'SECRETARY', 'AUDITOR', 'PLUGIN_ADMIN', 'CITY_ADMIN']

export const MENU: MenuItem[] = [
  { key: 'dashboard', path: '/', roles: EVERY },
  { key: 'org', path: '/org', roles: [DA, SA, 'DEPARTMENT_SCORER', AU, 'PLUGIN_ADMIN', CI] },
  { key: 'people', path: '/people', roles: [DA, SA, AU, CI] },
  { key: 'mine', path: '/mine', roles: ['SECRETARY'] },
  {
    key: 'select', path: '/select', roles: [DA, SA, AU, CI], children: [
      { key: 'eligibility', path: '/select/eligibility', roles: [DA, SA] },
      { key: 'workingGroups', path: '/select/working-groups', roles: [DA, SA, AU, CI] },
      { key: 'firstSecretaries', path: '/select/first-secretaries', roles: [DA, SA, AU, CI] },
      { key: 'reserve', path: '/select/reserve', roles: [DA, SA, AU, CI] },
      { key: 'coverage', path: '/select/coverage', roles: [DA, AU, CI] },
    ],
  },
  {
    // 育: plans and sessions are read by every role, the rest is the district's and each street's own (README, "The training API")
    key: 'train', path: '/train', roles: [DA, SA, AU, 'SECRETARY', CI], children: [
      { key: 'trainingPlan', path: '/train/plan', roles: [DA, SA, AU, CI] },
      // GET …/attendance is DA and SA of the session's street; the auditor reads
      { key: 'attendance', path: '/train/attendance', roles: [DA, SA, AU, CI] },
      // GET /training/credits: DA, SA with its own street=; a secretary their own line (GET /training/credits/{person})
      { key: 'credits', path: '/train/credits', roles: [DA, SA, AU, 'SECRETARY', CI] },
      // exchange events are DA's (they name participants of every street); placements a street reads with street=
      { key: 'exchange', path: '/train/exchange', roles: [DA, SA, AU, CI] },
      { key: 'pairing', path: '/train/pairing', roles: [DA, SA, AU, CI] },
      // GET /training-reports is DA's; the auditor reads
      { key: 'trainingReport', path: '/train/report', roles: [DA, AU, CI] },
    ],
  },
  {
    key: 'manage', path: '/manage', roles: [DA, SA, AU, CI], children: [
      { key: 'filings', path: '/manage/filings', roles: [DA, SA, AU, CI] },
      { key: 'classification', path: '/manage/classification', roles: [DA, SA, AU, CI] },
      // the year's pairs, proposals and coverage are the district's (GET /mentoring… is DA; the auditor reads)
      { key: 'mentoring', path: '/manage/mentoring', roles: [DA, AU, CI] },
      // a cycle's half-year reports are listed to the district only (GET …/duty-reports is DA)
      { key: 'dutyReports', path: '/manage/duty-reports', roles: [DA, AU, CI] },
    ],
  },
  {
    // 评: cycles are read by every role in the API; the screens go to those who work with them
    key: 'evaluate', path: '/evaluate', roles: [DA, SA, DS, 'SECRETARY', AU, CI], children: [
      { key: 'cycles', path: '/evaluate/cycles', roles: [DA, SA, AU, CI] },
      // scores are the district's and each department's own (GET …/scores is DA/DS, the auditor reads)
      { key: 'scores', path: '/evaluate/scores', roles: [DA, DS, AU, CI] },
      // ratings: the district all, a street its own (?street=), the auditor reads
      { key: 'ratings', path: '/evaluate/ratings', roles: [DA, SA, AU, CI] },
      // 四评: who gives a review (a secretary the self-review, a street its re-review, the district the final one) and the auditor
      { key: 'reviews', path: '/evaluate/reviews', roles: [DA, SA, 'SECRETARY', AU, CI] },
      // ballots are issued by the district and the streets
      { key: 'ballots', path: '/evaluate/ballots', roles: [DA, SA, AU, CI] },
    ],
  },
  {
    // 用: the district's negative list and use records (a street or a secretary reads them per person only)
    key: 'use', path: '/use', roles: [DA, AU, CI], children: [
      { key: 'negativeList', path: '/use/negative-list', roles: [DA, AU, CI] },
      { key: 'useRecords', path: '/use/records', roles: [DA, AU, CI] },
    ],
  },
  { key: 'roster', path: '/roster', roles: [DA] },
  { key: 'users', path: '/users', roles: [DA, CI] },
  { key: 'audit', path: '/audit', roles: [AU] },
  { key: 'plugins', path: '/plugins', roles: [DA, 'PLUGIN_ADMIN'] },
]

export function visibleMenu(user: Pick<User, 'role'> | null, items: MenuItem[] = MENU): MenuItem[] {
  if (!user) return []
  return items
    .filter((item) => item.roles.includes(user.role))
    .map((item) => (item.children ? { ...item, children: visibleMenu(user, item.children) } : item))
    .filter((item) => !item.children || item.children.length > 0)
}

/** The roles that may open a path: the deepest menu entry it falls under. */
export function rolesFor(path: string, items: MenuItem[] = MENU): Role[] | null {
  for (const item of items) {
    if (item.children) {
      const inner = rolesFor(path, item.children)
      if (inner) return inner
    }
    if (item.path === '/' ? path === '/' : path === item.path || path.startsWith(item.path + '/')) return item.roles
  }
  return null
}

export function mayOpen(user: Pick<User, 'role'> | null, path: string): boolean {
  if (!user) return false
  const roles = rolesFor(path)
  return roles === null || roles.includes(user.role)
}

/** Actions that change something, by role (the auditor reads only). */
export type Action =
  | 'org.edit' | 'community.edit' | 'person.register' | 'person.edit' | 'person.reveal' | 'post.edit' | 'archive.seal'
  | 'eligibility.check' | 'workingGroup.edit' | 'reserve.edit' | 'mission.record' | 'mission.report' | 'filing.create' | 'filing.step' | 'filing.vet' | 'filing.file' | 'roster.import' | 'user.edit' | 'plugin.manage'
  | 'cycle.manage' | 'cycle.pins' | 'cycle.history' | 'score.enter' | 'rating.report' | 'rating.runs' | 'plugin.whatIf'
  | 'ballot.issue' | 'mentoring.pair' | 'dutyReport.score' | 'dutyReport.record' | 'incident.followUp' | 'incident.record' | 'useRecord.record'
  | 'training.plan' | 'training.session' | 'attendance.record' | 'exchange.events' | 'shadowing.place' | 'shadowing.report'
  | 'dispatch.create' | 'dispatch.report' | 'project.create' | 'project.progress' | 'project.assess'

const ACTIONS: Record<Action, Role[]> = {
  'org.edit': [DA], 'community.edit': [DA, SA], 'person.register': [DA], 'person.edit': [DA, SA], 'person.reveal': [DA, SA],
  'post.edit': [DA, SA], 'archive.seal': [DA], 'eligibility.check': [DA, SA], 'workingGroup.edit': [DA, SA], 'reserve.edit': [DA, SA], 'mission.record': [DA], 'mission.report': [DA, SA],
  'filing.create': [DA, SA], 'filing.step': [DA, SA], 'filing.vet': [DA], 'filing.file': [DA], 'roster.import': [DA], 'user.edit': [DA, CI], 'plugin.manage': [PA],
  // create, open, close scoring, publish, archive: DA only; reading a cycle's pins and transitions too (the auditor reads)
  'cycle.manage': [DA], 'cycle.pins': [DA, AU, CI], 'cycle.history': [DA, AU, CI],
  // a scorer its own department (the API checks the body's departmentId), the district any
  'score.enter': [DA, DS],
  // the district-wide star report and the rating runs are DA's; a street counts its own ratings
  'rating.report': [DA, AU, CI], 'rating.runs': [DA, AU, CI],
  // the what-if of a cycle (POST …/what-if) is DA's and PA's
  'plugin.whatIf': [DA, PA],
  'ballot.issue': [DA, SA],
  // confirming pairs and follow-ups are DA's; a street scores its own communities' reports, but it is
  // given no list of them (GET …/duty-reports is DA's), so the screen is the district's
  'mentoring.pair': [DA], 'dutyReport.score': [DA], 'incident.followUp': [DA],
  // recording an incident, a use record or a half-year report is the district's (POST … is DA)
  'incident.record': [DA], 'useRecord.record': [DA], 'dutyReport.record': [DA],
  // 育: the plan is the district's; a street adds courses and sessions to its own brand (see programmeEditable) and records its people's attendance
  'training.plan': [DA], 'training.session': [DA, SA], 'attendance.record': [DA, SA],
  // events (read and written) and placements are the district's; a placement's report also its street's
  'exchange.events': [DA, AU, CI], 'shadowing.place': [DA], 'shadowing.report': [DA, SA],
  // dispatches are made by the district, reported by the street too; projects started and advanced by either, graded by the district
  'dispatch.create': [DA], 'dispatch.report': [DA, SA], 'project.create': [DA, SA], 'project.progress': [DA, SA], 'project.assess': [DA],
}

export function can(user: Pick<User, 'role'> | null, action: Action): boolean {
  return !!user && ACTIONS[action].includes(user.role)
}

/**
 * The reviews (四评) a role gives, the one it is for first: a secretary only the self-review, a
 * street administrator only the street's re-review, the district any (its final review first);
 * as the API's rule (POST …/reviews, 403 on `kind` otherwise).
 */
export function reviewKindsFor(user: Pick<User, 'role'> | null): ReviewKind[] {
  switch (user?.role) {
    case 'SECRETARY': return ['SELF']
    case 'STREET_ADMIN': return ['STREET']
    case 'DISTRICT_ADMIN': return ['ORGANIZATION', 'STREET', 'SELF']
    default: return []
  }
}

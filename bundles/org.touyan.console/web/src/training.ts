// The rules the 育 screens share, apart from any component so they can be tested: whose street a
// screen shows, which programme a user may add to, what a session may be given as format, and how
// far a secretary is below the year's required hours.
import type { Credit, TrainingPlan, TrainingProgramme, User } from './api/types'

/**
 * The street a screen shows: a street administrator's own, whatever the address asks (another
 * street's data is not theirs to open); for the others the street the address names when it is
 * one of the district's, else none (the whole district).
 */
export function shownStreet(user: Pick<User, 'role' | 'street'> | null, asked: unknown, streetIds: string[]): string {
  if (user?.role === 'STREET_ADMIN') return user.street ?? ''
  return typeof asked === 'string' && streetIds.includes(asked) ? asked : ''
}

/** Whether a user may add courses and sessions to a programme: the district to any, a street to its own brand only. */
export function programmeEditable(user: Pick<User, 'role' | 'street'> | null, programme: Pick<TrainingProgramme, 'streetId'>): boolean {
  if (!user) return false
  if (user.role === 'DISTRICT_ADMIN') return true
  return user.role === 'STREET_ADMIN' && !!programme.streetId && programme.streetId === user.street
}

/** The formats a session of the programme may take, as the plan lists them (a brand without a bound plugin offers none). */
export function formatsOf(programme: Pick<TrainingProgramme, 'formats'> | null | undefined): string[] {
  return programme?.formats ?? []
}

/** Hours still missing to the requirement (0 once met); numbers may come as strings from BigDecimal. */
export function shortfall(c: Pick<Credit, 'credit' | 'required'>): number {
  const missing = Number(c.required) - Number(c.credit)
  return missing > 0 ? Math.round(missing * 100) / 100 : 0
}

/** Every course of a plan with the programme it belongs to, programme by programme, for a picker. */
export function coursesOf(plan: TrainingPlan | null): { programme: TrainingProgramme; course: TrainingProgramme['courses'][number] }[] {
  return (plan?.programmes ?? []).flatMap((programme) => programme.courses.map((course) => ({ programme, course })))
}

/** The years a training screen offers: the next one (to plan it), this one and the three before it, newest first. */
export function trainingYears(now: Date = new Date()): number[] {
  return [-1, 0, 1, 2, 3].map((i) => now.getFullYear() - i)
}

/** The course kinds a programme takes (Training.addCourse): 头雁领航's 5 kinds, 精治社工's quarters, none in a brand. */
export function courseKindsOf(programme: Pick<TrainingProgramme, 'kind'>): string[] {
  if (programme.kind === 'ANNUAL') return ['思想课', '业务课', '案例课', '实战课', '纪律课']
  if (programme.kind === 'QUARTERLY') return ['Q1', 'Q2', 'Q3', 'Q4']
  return []
}

/** The 4 themes of the themed activities (Exchange.THEMES). */
export const ACTIVITY_THEMES = ['社区活动我来谈', '社区阵地我来学', '社区治理我来讲', '社区服务我来评']

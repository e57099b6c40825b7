// What the console says about a failed call: the problem's own detail (the platform writes it for
// people), placed next to the field it names when the form has that field.
import { ApiError } from './api/http'

export interface Shown { field?: string; message: string }

export function describe(error: unknown, t: (key: string) => string): Shown {
  if (!(error instanceof ApiError)) return { message: error instanceof Error ? error.message : String(error) }
  const detail = error.problem.detail
  const field = error.problem.field
  if (error.status === 0) return { message: t('errors.network') }
  if (detail) return { field, message: detail }
  const byStatus: Record<number, string> = { 403: 'errors.forbidden', 404: 'errors.notFound', 409: 'errors.conflict', 412: 'errors.stale', 428: 'errors.stale' }
  if (byStatus[error.status]) return { field, message: t(byStatus[error.status]) }
  if (error.status >= 500) return { message: t('errors.server') }
  return { field, message: error.problem.title || t('errors.invalid') }
}

/**
 * The form field a problem names, as the form knows it: `facts.criminalConviction` →
 * `facts.criminalConviction`, `members[2].personId` → `members`, `body` or unknown → undefined.
 */
export function formField(field: string | undefined, known: string[]): string | undefined {
  if (!field) return undefined
  if (known.includes(field)) return field
  const head = field.split(/[.[]/)[0]
  return known.includes(head) ? head : undefined
}

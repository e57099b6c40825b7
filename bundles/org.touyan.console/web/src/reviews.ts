// The four reviews (四评) as one table: the three given in the console and the residents' ballots.
import type { Assessment, Review, ReviewKind, Tally } from './api/types'

export type Row = { kind: ReviewKind | 'RESIDENTS'; score: number | null; comment: string | null; actor: string | null; ballots?: { cast: number; issued: number | null; counts: boolean; minimum: number } }

const ORDER = ['SELF', 'RESIDENTS', 'STREET', 'ORGANIZATION'] as const

/**
 * One row per review in the order the speech names them (自评, 群众评议, 街道复评, 组织部终评).
 * The residents' score is the ballots' mean from the tally when the user may read it, else the
 * assessment's (a secretary reads no tally); it is shown only once it counts.
 */
export function reviewRows(reviews: Review[], tally: Tally | null, assessment: Assessment | null, minimum = 10): Row[] {
  return ORDER.map((kind) => {
    if (kind === 'RESIDENTS') {
      const cast = tally?.cast ?? assessment?.ballots ?? 0
      const counts = tally ? tally.counts : cast >= minimum
      const score = tally ? tally.mean : assessment?.residents ?? null
      return { kind, score: counts ? score : null, comment: null, actor: null, ballots: { cast, issued: tally?.issued ?? null, counts, minimum: tally?.minimum ?? minimum } }
    }
    const r = reviews.find((x) => x.kind === kind)
    return { kind, score: r?.score ?? null, comment: r?.comment ?? null, actor: r?.actor ?? null }
  })
}

/** The kinds of `mine` not given yet. */
export function kindsLeft(mine: ReviewKind[], reviews: Review[]): ReviewKind[] {
  return mine.filter((k) => !reviews.some((r) => r.kind === k))
}

/** A typed score as a number, undefined when it is not one (the range is the API's to check). */
export function parseScore(text: string): number | null | undefined {
  const s = text.trim().replace('，', '.').replace(',', '.')
  if (s === '') return null
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined
  return Number(s)
}

// Star counts the rating screens draw: a street counts its own ratings (it may not read the
// district's report), the district reads the report's counts per street.
import type { Rating } from './api/types'

/** Communities with 1…5 stars, and how many failed, from ratings as the API lists them. */
export function countStars(ratings: Pick<Rating, 'stars' | 'failure'>[]): { stars: number[]; failed: number } {
  const stars = [0, 0, 0, 0, 0]
  let failed = 0
  for (const r of ratings) {
    if (r.stars && r.stars >= 1 && r.stars <= 5) stars[r.stars - 1]++
    else failed++
  }
  return { stars, failed }
}

/** How many communities moved by how many stars between two versions, from −4 to +4 (0 left out when asked). */
export function starChanges(rows: { currentStars: number; candidateStars: number }[], withUnchanged = true): { delta: number; n: number }[] {
  const counts = new Map<number, number>()
  for (let d = -4; d <= 4; d++) if (withUnchanged || d !== 0) counts.set(d, 0)
  for (const r of rows) {
    const d = r.candidateStars - r.currentStars
    if (counts.has(d)) counts.set(d, counts.get(d)! + 1)
  }
  return [...counts].map(([delta, n]) => ({ delta, n })).filter((x) => x.n > 0 || Math.abs(x.delta) <= 2)
}

// Star counts the rating screens draw: a street counts its own ratings on the server, one level at
// a time (it may not read the district's report), the district reads the report's counts per street.

/** The levels a street counts (GET …/ratings?stars=…&limit=1 answers each total), in the chart's order. */
export const LEVELS = ['1', '2', '3', '4', '5', 'failed'] as const

/** Communities with 1…5 stars, and how many failed, from the totals of the LEVELS in order. */
export function levelsFrom(totals: number[]): { stars: number[]; failed: number } {
  if (totals.length !== LEVELS.length) throw new Error('one total a level: ' + totals.length)
  return { stars: totals.slice(0, 5), failed: totals[5] }
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

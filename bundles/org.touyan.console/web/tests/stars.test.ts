import { describe, expect, it } from 'vitest'
import { LEVELS, levelsFrom, starChanges } from '../src/stars'

describe('star counts', () => {
  it('counts each level and the failures apart, from one total a level', () => {
    expect(LEVELS).toEqual(['1', '2', '3', '4', '5', 'failed'])
    expect(levelsFrom([1, 0, 0, 0, 2, 1])).toEqual({ stars: [1, 0, 0, 0, 2], failed: 1 })
    expect(() => levelsFrom([1, 2])).toThrow()
  })
  it('says how many communities moved by how many stars', () => {
    const rows = [{ currentStars: 3, candidateStars: 2 }, { currentStars: 4, candidateStars: 4 }, { currentStars: 5, candidateStars: 2 }, { currentStars: 1, candidateStars: 2 }]
    const all = starChanges(rows)
    expect(all.find((x) => x.delta === -1)?.n).toBe(1)
    expect(all.find((x) => x.delta === -3)?.n).toBe(1)
    expect(all.find((x) => x.delta === 0)?.n).toBe(1)
    expect(all.find((x) => x.delta === 1)?.n).toBe(1)
    // the near deltas always show, far ones only when something moved that far
    expect(all.map((x) => x.delta)).toEqual([-3, -2, -1, 0, 1, 2])
    expect(starChanges(rows, false).some((x) => x.delta === 0)).toBe(false)
  })
})

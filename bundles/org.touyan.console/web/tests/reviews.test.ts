import { describe, expect, test } from 'vitest'
import { kindsLeft, parseScore, reviewRows } from '../src/reviews'
import type { Assessment, Review, Tally } from '../src/api/types'

const review = (kind: Review['kind'], score: number): Review => ({ cycleId: 'c', communityId: 'm', personId: 'p', kind, score, comment: null, actor: 'x' })
const tally = (cast: number, mean: number | null): Tally => ({ cycleId: 'c', communityId: 'm', issued: 30, cast, minimum: 10, counts: cast >= 10, means: {}, mean })

describe('the four reviews', () => {
  test('one row each in the order 自评, 群众评议, 街道复评, 组织部终评', () => {
    const rows = reviewRows([review('ORGANIZATION', 90), review('SELF', 88)], tally(12, 86.4), null)
    expect(rows.map((r) => r.kind)).toEqual(['SELF', 'RESIDENTS', 'STREET', 'ORGANIZATION'])
    expect(rows.map((r) => r.score)).toEqual([88, 86.4, null, 90])
    expect(rows[1].ballots).toEqual({ cast: 12, issued: 30, counts: true, minimum: 10 })
  })

  test('the residents part shows no score before it counts', () => {
    const rows = reviewRows([], tally(3, 70), null)
    expect(rows[1].score).toBeNull()
    expect(rows[1].ballots?.counts).toBe(false)
  })

  test('without a tally (a secretary) the assessment tells the residents part', () => {
    const a = { ballots: 10, residents: 81.5 } as Assessment
    expect(reviewRows([], null, a)[1]).toMatchObject({ score: 81.5, ballots: { cast: 10, issued: null, counts: true } })
    expect(reviewRows([], null, null)[1]).toMatchObject({ score: null, ballots: { cast: 0, counts: false } })
  })

  test('offers only the kinds not given yet', () => {
    expect(kindsLeft(['ORGANIZATION', 'STREET', 'SELF'], [review('STREET', 80)])).toEqual(['ORGANIZATION', 'SELF'])
    expect(kindsLeft(['SELF'], [review('SELF', 80)])).toEqual([])
  })

  test('a typed score is a number, empty, or refused', () => {
    expect(parseScore(' 85 ')).toBe(85)
    expect(parseScore('92.5')).toBe(92.5)
    expect(parseScore('92，5')).toBe(92.5)
    expect(parseScore('120')).toBe(120)
    expect(parseScore('')).toBeNull()
    expect(parseScore('八十')).toBeUndefined()
    expect(parseScore('85分')).toBeUndefined()
  })
})

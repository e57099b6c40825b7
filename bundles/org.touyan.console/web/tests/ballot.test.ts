import { describe, expect, test } from 'vitest'
import { ASPECTS, LEVELS, body, missing, tokenFromPath, viewOfCast, viewOfStatus } from '../src/ballot/model'
import { halfYear } from '../src/period'

describe('the residents ballot page', () => {
  test('reads the token of /ballot/<token> only', () => {
    expect(tokenFromPath('/ballot/Xk3f9a-_Qz81bcdEFGHijkl')).toBe('Xk3f9a-_Qz81bcdEFGHijkl')
    expect(tokenFromPath('/ballot/Xk3f9a-_Qz81bcdEFGHijkl/')).toBe('Xk3f9a-_Qz81bcdEFGHijkl')
    expect(tokenFromPath('/ballot/')).toBeNull()
    expect(tokenFromPath('/ballot/short')).toBeNull()
    expect(tokenFromPath('/ballot/a/b')).toBeNull()
    expect(tokenFromPath('/ballot/%3Cscript%3E')).toBeNull()
    expect(tokenFromPath('/people/12345678')).toBeNull()
  })

  test('sends a ballot only when all five aspects have a choice, in the fields the API takes', () => {
    expect(ASPECTS.map((a) => a.name).join('')).toBe('德能勤绩廉')
    expect(missing({})).toEqual(['de', 'neng', 'qin', 'ji', 'lian'])
    expect(missing({ de: 100, ji: 0 })).toEqual(['neng', 'qin', 'lian'])
    expect(() => body({ de: 100 })).toThrow(/neng/)
    expect(body({ de: 100, neng: 80, qin: 60, ji: 40, lian: 20 })).toEqual({ de: 100, neng: 80, qin: 60, ji: 40, lian: 20 })
    for (const l of LEVELS) expect(l.score >= 0 && l.score <= 100).toBe(true)
    expect(new Set(LEVELS.map((l) => l.score)).size).toBe(LEVELS.length)
  })

  test('the token status decides the page before anything is entered', () => {
    expect(viewOfStatus(200, { state: 'OPEN', communityName: '东湖社区', period: '2026-H1' })).toEqual({ kind: 'form', community: '东湖社区', period: '2026年上半年' })
    expect(viewOfStatus(200, { state: 'USED', communityName: 'x', period: '2026-H1' }).kind).toBe('used')
    expect(viewOfStatus(200, { state: 'CLOSED', communityName: 'x', period: '2026-H2' }).kind).toBe('closed')
    expect(viewOfStatus(404, null).kind).toBe('unknown')
    expect(viewOfStatus(503, null).kind).toBe('offline')
    expect(halfYear('2025-H2')).toBe('2025年下半年')
    expect(halfYear('2025-H2', 'en')).toBe('2025 H2')
    expect(halfYear('odd')).toBe('odd')
  })

  test('after casting: thanks, used meanwhile, closed meanwhile, or the form stays', () => {
    expect(viewOfCast(204, '')).toEqual({ kind: 'thanks' })
    expect(viewOfCast(404, '没有这张评议票').kind).toBe('unknown')
    expect(viewOfCast(409, '这张评议票已投过，每张票只计一次').kind).toBe('used')
    expect(viewOfCast(409, 'This ballot has been cast already: each ballot counts once').kind).toBe('used')
    expect(viewOfCast(409, '只有评分中（OPEN）的周期才能投票，本周期为评分已截止').kind).toBe('closed')
    expect(viewOfCast(400, 'x')).toBeNull()
    expect(viewOfCast(0, '')).toBeNull()
  })
})

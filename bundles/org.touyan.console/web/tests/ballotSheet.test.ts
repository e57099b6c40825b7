import { beforeEach, describe, expect, test } from 'vitest'
import { ballotUrl, discardBatch, loadBatch, saveBatch, ticketLabel } from '../src/ballotSheet'
import { qrDrawing } from '../src/qr'

describe('the sheet of ballots', () => {
  beforeEach(() => sessionStorage.clear())

  test('keeps the batch just issued in the tab until it is discarded', () => {
    expect(loadBatch()).toBeNull()
    const batch = { cycleId: 'c', period: '2026-H1', communityId: 'm', communityName: '东湖社区', streetName: '东湖街道', tokens: ['a1', 'b2'], issuedAt: '2026-12-07T10:00:00Z' }
    saveBatch(batch)
    expect(loadBatch()).toEqual(batch)
    discardBatch()
    expect(loadBatch()).toBeNull()
    sessionStorage.setItem('touyan.ballotBatch', '{not json')
    expect(loadBatch()).toBeNull()
    sessionStorage.setItem('touyan.ballotBatch', '{"tokens":"x"}')
    expect(loadBatch()).toBeNull()
  })

  test('each QR code holds the absolute address of the ballot page with its token', () => {
    expect(ballotUrl('https://touyan.example.cn', 'Xk3f9a-_Qz81')).toBe('https://touyan.example.cn/ballot/Xk3f9a-_Qz81')
    expect(ballotUrl('http://127.0.0.1:8080/', 'abc')).toBe('http://127.0.0.1:8080/ballot/abc')
  })

  test('labels number the ballots and show the token start', () => {
    expect(ticketLabel(0, 30, 'Xk3f9a-_Qz81')).toBe('№01 · Xk3f9a')
    expect(ticketLabel(99, 120, 'abcdefgh')).toBe('№100 · abcdef')
    expect(ticketLabel(4, 5, 'abcdefgh')).toBe('№05 · abcdef')
  })

  test('a QR drawing has the three finder patterns and grows with its content', () => {
    const small = qrDrawing('http://127.0.0.1:8080/ballot/Xk3f9a-_Qz81bcdEFGHijkl')
    const n = small.size - 8
    expect(n).toBeGreaterThanOrEqual(21)
    expect((n - 17) % 4).toBe(0)
    const dark = new Set(small.path.split('M').filter(Boolean).map((m) => m.split('h')[0]))
    // a finder pattern's outer ring: the corner modules of the three 7×7 squares are dark
    for (const [x, y] of [[0, 0], [6, 0], [0, 6], [n - 1, 0], [n - 7, 6], [0, n - 1], [6, n - 7]]) expect(dark.has(`${x + 4},${y + 4}`)).toBe(true)
    // the separator next to it is light
    expect(dark.has(`${7 + 4},${0 + 4}`)).toBe(false)
    expect(qrDrawing('x'.repeat(300)).size).toBeGreaterThan(small.size)
    expect(qrDrawing('same').path).toBe(qrDrawing('same').path)
  })
})

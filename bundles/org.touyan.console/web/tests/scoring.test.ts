import { describe, expect, it } from 'vitest'
import { isCorrection, move, parseScore, plan, rangeOf } from '../src/scoring'

const range = { min: 0, max: 100 }

describe('a typed score', () => {
  it('is blank, a number within the range, or says what is wrong', () => {
    expect(parseScore('  ', range)).toEqual({ kind: 'empty' })
    expect(parseScore('85.5', range)).toEqual({ kind: 'value', value: 85.5 })
    expect(parseScore('100', range)).toEqual({ kind: 'value', value: 100 })
    expect(parseScore('0', range)).toEqual({ kind: 'value', value: 0 })
    expect(parseScore('150', range)).toMatchObject({ kind: 'error', key: 'scores.outOfRange', params: { min: 0, max: 100 } })
    expect(parseScore('-1', range)).toMatchObject({ kind: 'error', key: 'scores.outOfRange' })
    expect(parseScore('八十', range)).toMatchObject({ kind: 'error', key: 'scores.notNumber' })
    expect(parseScore('1e2', range)).toMatchObject({ kind: 'error', key: 'scores.notNumber' })
    expect(parseScore('80.125', range)).toMatchObject({ kind: 'error', key: 'scores.decimals' })
    expect(parseScore('80.120', range)).toEqual({ kind: 'value', value: 80.12 })
  })
  it('takes a full-width decimal point as typed with a Chinese input method', () => {
    expect(parseScore('88。5', range)).toEqual({ kind: 'value', value: 88.5 })
  })
  it('checks against the cycle’s own range, 0–100 when it names none', () => {
    expect(rangeOf({ scoreMin: '60.00', scoreMax: '120.00' })).toEqual({ min: 60, max: 120 })
    expect(rangeOf({})).toEqual({ min: 0, max: 100 })
    expect(parseScore('110', rangeOf({ scoreMin: 60, scoreMax: 120 }))).toEqual({ kind: 'value', value: 110 })
    expect(parseScore('50', rangeOf({ scoreMin: 60, scoreMax: 120 }))).toMatchObject({ kind: 'error', key: 'scores.outOfRange' })
  })
})

describe('moving in the sheet', () => {
  const size = { rows: 3, cols: 2 }
  it('goes down a row on Enter and ArrowDown, up on Shift+Enter and ArrowUp, and stops at the edges', () => {
    expect(move({ row: 0, col: 0 }, 'Enter', false, size)).toEqual({ row: 1, col: 0 })
    expect(move({ row: 1, col: 1 }, 'Enter', true, size)).toEqual({ row: 0, col: 1 })
    expect(move({ row: 2, col: 0 }, 'ArrowDown', false, size)).toEqual({ row: 2, col: 0 })
    expect(move({ row: 0, col: 0 }, 'ArrowUp', false, size)).toEqual({ row: 0, col: 0 })
  })
  it('goes across only from the edge of the text, so the arrows still move the caret inside a value', () => {
    expect(move({ row: 0, col: 0 }, 'ArrowRight', false, size, { start: 1, end: 1, length: 2 })).toBeNull()
    expect(move({ row: 0, col: 0 }, 'ArrowRight', false, size, { start: 2, end: 2, length: 2 })).toEqual({ row: 0, col: 1 })
    expect(move({ row: 0, col: 1 }, 'ArrowLeft', false, size, { start: 0, end: 0, length: 3 })).toEqual({ row: 0, col: 0 })
    expect(move({ row: 0, col: 1 }, 'ArrowLeft', false, size, { start: 0, end: 3, length: 3 })).toBeNull()
  })
  it('leaves other keys to the cell (Tab is the browser’s own)', () => {
    expect(move({ row: 0, col: 0 }, '8', false, size)).toBeNull()
    expect(move({ row: 0, col: 0 }, 'Tab', false, size)).toBeNull()
  })
})

describe('what saving sends', () => {
  it('sends new scores as one batch and changed ones as corrections with their reason', () => {
    const p = plan([
      { communityId: 'a', stored: null, text: '80', reason: '' },
      { communityId: 'b', stored: 70, text: '75', reason: ' 录入有误 ' },
      { communityId: 'c', stored: 60, text: '60', reason: '' },
      { communityId: 'd', stored: null, text: '', reason: '' },
      { communityId: 'e', stored: 90, text: '', reason: '' },
    ], range)
    expect(p.entries).toEqual([{ communityId: 'a', score: 80 }])
    expect(p.corrections).toEqual([{ communityId: 'b', score: 75, reason: '录入有误' }])
    expect(p.errors).toEqual({})
  })
  it('asks for the reason of a correction, and keeps a bad value from going at all', () => {
    const p = plan([
      { communityId: 'a', stored: 70, text: '72', reason: ' ' },
      { communityId: 'b', stored: null, text: '101', reason: '' },
    ], range)
    expect(p.errors.a).toEqual({ field: 'reason', key: 'scores.reasonRequired' })
    expect(p.errors.b).toMatchObject({ field: 'score', key: 'scores.outOfRange' })
    expect(isCorrection({ communityId: 'a', stored: 70, text: '72', reason: '' }, range)).toBe(true)
    expect(isCorrection({ communityId: 'a', stored: 70, text: '70.00', reason: '' }, range)).toBe(false)
    expect(isCorrection({ communityId: 'a', stored: null, text: '70', reason: '' }, range)).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { formatParameters, parseParameters } from '../src/parameters'

describe('binding parameters as typed', () => {
  it('reads one key=value a line and skips blank lines', () => {
    expect(parseParameters('weight.MZJ = 3\n\nlevel.5=90\n')).toEqual({ ok: true, parameters: { 'weight.MZJ': '3', 'level.5': '90' } })
    expect(parseParameters('')).toEqual({ ok: true, parameters: {} })
  })
  it('keeps an = inside a value and names the first line that is no pair', () => {
    expect(parseParameters('a=b=c')).toEqual({ ok: true, parameters: { a: 'b=c' } })
    expect(parseParameters('a=1\nnot a pair\n=2')).toEqual({ ok: false, line: 2 })
  })
  it('shows parameters the way they are typed back', () => {
    expect(formatParameters({ a: '1', b: '2' })).toBe('a=1\nb=2')
    expect(parseParameters(formatParameters({ a: '1', b: '2' }))).toEqual({ ok: true, parameters: { a: '1', b: '2' } })
  })
})

// The rules of the score sheet, kept apart from the screen so they are tested on their own: what a
// typed value means against the cycle's range, where the keyboard moves next, and which cells make
// a new entry and which a correction. The platform checks the same again; this only spares a
// round trip for a value that could never be accepted.

export interface Range { min: number; max: number }

export type Parsed =
  | { kind: 'empty' }
  | { kind: 'value'; value: number }
  | { kind: 'error'; key: 'scores.notNumber' | 'scores.outOfRange' | 'scores.decimals'; params: Record<string, string | number> }

/** A typed cell: blank, a score within the range with at most two decimals, or why not. */
export function parseScore(text: string, range: Range): Parsed {
  const s = text.trim().replace(/，/g, '.').replace(/。/g, '.')
  if (s === '') return { kind: 'empty' }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { kind: 'error', key: 'scores.notNumber', params: { value: text.trim() } }
  const value = Number(s)
  const decimals = s.includes('.') ? s.split('.')[1].replace(/0+$/, '').length : 0
  if (value < range.min || value > range.max) return { kind: 'error', key: 'scores.outOfRange', params: { min: range.min, max: range.max, value: s } }
  if (decimals > 2) return { kind: 'error', key: 'scores.decimals', params: { value: s } }
  return { kind: 'value', value }
}

/** The cycle's range as numbers; the API sends decimals, absent means 0–100 (README). */
export function rangeOf(cycle: { scoreMin?: number | string | null; scoreMax?: number | string | null }): Range {
  const num = (v: number | string | null | undefined, fallback: number) => (v === null || v === undefined || v === '' ? fallback : Number(v))
  return { min: num(cycle.scoreMin, 0), max: num(cycle.scoreMax, 100) }
}

export interface Cell { row: number; col: number }

/**
 * Where a key moves the cursor in a sheet of `rows` × `cols`, or null when the key is not a move
 * (it edits the cell). Enter and the arrows up/down go down/up a row; left/right go across a row
 * only when the caret is at that edge of the text, so the arrows still move inside a value.
 */
export function move(at: Cell, key: string, shift: boolean, size: { rows: number; cols: number }, caret?: { start: number; end: number; length: number }): Cell | null {
  const clamp = (row: number, col: number): Cell => ({ row: Math.min(Math.max(row, 0), size.rows - 1), col: Math.min(Math.max(col, 0), size.cols - 1) })
  switch (key) {
    case 'Enter': return clamp(at.row + (shift ? -1 : 1), at.col)
    case 'ArrowDown': return clamp(at.row + 1, at.col)
    case 'ArrowUp': return clamp(at.row - 1, at.col)
    case 'ArrowLeft':
      if (caret && (caret.start > 0 || caret.end > 0)) return null
      return clamp(at.row, at.col - 1)
    case 'ArrowRight':
      if (caret && (caret.start < caret.length || caret.end < caret.length)) return null
      return clamp(at.row, at.col + 1)
    default: return null
  }
}

export interface SheetRow { communityId: string; stored: number | null; text: string; reason: string }

export interface Plan {
  /** scores not entered before: one batch, all or none */
  entries: { communityId: string; score: number }[]
  /** stored scores changed: one correction each, with its reason */
  corrections: { communityId: string; score: number; reason: string }[]
  /** faults by community, on the value (`score`) or the reason (`reason`); nothing is sent while any is left */
  errors: Record<string, { field: 'score' | 'reason'; key: string; params?: Record<string, string | number> }>
}

/** What saving the sheet would send, or why it may not be sent yet. */
export function plan(rows: SheetRow[], range: Range): Plan {
  const out: Plan = { entries: [], corrections: [], errors: {} }
  for (const r of rows) {
    const parsed = parseScore(r.text, range)
    if (parsed.kind === 'error') { out.errors[r.communityId] = { field: 'score', key: parsed.key, params: parsed.params }; continue }
    if (parsed.kind === 'empty') {
      // a stored score is never removed by clearing its cell (the API has no removal): left as it was
      continue
    }
    if (r.stored === null) out.entries.push({ communityId: r.communityId, score: parsed.value })
    else if (parsed.value !== r.stored) {
      if (!r.reason.trim()) out.errors[r.communityId] = { field: 'reason', key: 'scores.reasonRequired' }
      else out.corrections.push({ communityId: r.communityId, score: parsed.value, reason: r.reason.trim() })
    }
  }
  return out
}

/** A cell whose value differs from what is stored is a correction and needs its reason. */
export function isCorrection(r: SheetRow, range: Range): boolean {
  const parsed = parseScore(r.text, range)
  return r.stored !== null && parsed.kind === 'value' && parsed.value !== r.stored
}

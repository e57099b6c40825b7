// The ballots just issued, until they are printed: the API shows tokens once (it keeps only their
// hashes), so the batch stays in this tab's sessionStorage and a reload of the sheet loses nothing.
// It is never written anywhere else, and leaves when the administrator discards it or logs out of the tab.

export interface BallotBatch {
  cycleId: string; period: string; communityId: string; communityName: string; streetName: string
  tokens: string[]; issuedAt: string
}

const KEY = 'touyan.ballotBatch'

export function saveBatch(batch: BallotBatch) {
  sessionStorage.setItem(KEY, JSON.stringify(batch))
}

export function loadBatch(): BallotBatch | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(KEY) ?? 'null')
    return parsed && Array.isArray(parsed.tokens) && typeof parsed.communityName === 'string' ? parsed : null
  } catch {
    return null
  }
}

export function discardBatch() {
  sessionStorage.removeItem(KEY)
}

/** The address a ballot's QR code holds: the residents' page of this platform, with the token. */
export function ballotUrl(origin: string, token: string): string {
  return origin.replace(/\/+$/, '') + '/ballot/' + encodeURIComponent(token)
}

/** A short label printed under a QR code, to tell the sheets' ballots apart: №07 · Xk3f9a. */
export function ticketLabel(index: number, total: number, token: string): string {
  const width = String(total).length < 2 ? 2 : String(total).length
  return `№${String(index + 1).padStart(width, '0')} · ${token.slice(0, 6)}`
}

// The demo's generators draw from java.util.Random with fixed seeds. This is the same generator
// (the 48-bit linear congruential one the JDK specifies), so the REST loader draws the same names,
// ID numbers, scores and choices in the same order, and the district it builds matches the built-in
// demo figure for figure. Dates are LocalDate's arithmetic on ISO strings.

const MULTIPLIER = 0x5DEECE66Dn
const ADDEND = 0xBn
const MASK = (1n << 48n) - 1n

export class JavaRandom {
  constructor(seed) {
    this.seed = (BigInt.asIntN(64, BigInt(seed)) ^ MULTIPLIER) & MASK
  }

  next(bits) {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)))
  }

  nextInt(bound) {
    let r = this.next(31)
    const m = bound - 1
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(r)) >> 31n)
    // Java rejects draws whose int arithmetic `u - r + m` overflows
    for (let u = r; u - (r = u % bound) + m > 0x7fffffff; u = this.next(31));
    return r
  }

  nextBoolean() {
    return this.next(1) !== 0
  }

  nextDouble() {
    return (this.next(26) * 2 ** 27 + this.next(27)) / 2 ** 53
  }
}

/** Collections.shuffle(list, random) on a random-access list, in place. */
export function shuffle(list, random) {
  for (let i = list.length; i > 1; i--) {
    const j = random.nextInt(i)
    ;[list[i - 1], list[j]] = [list[j], list[i - 1]]
  }
  return list
}

/** String.hashCode(). */
export function hashCode(s) {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0
  return h
}

/** Java's String.compareTo (UTF-16 code units), for sorting as the services sort. */
export const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

const DAY = 86_400_000
const toDate = (iso) => new Date(iso + 'T00:00:00Z')
const iso = (d) => d.toISOString().slice(0, 10)
const pad = (n, w = 2) => String(n).padStart(w, '0')

export const date = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`
export const plusDays = (day, n) => iso(new Date(toDate(day).getTime() + n * DAY))
export const epochDay = (day) => toDate(day).getTime() / DAY

/** LocalDate.plusMonths: the day of month is cut to the new month's length. */
export function plusMonths(day, n) {
  const [y, m, d] = day.split('-').map(Number)
  const months = y * 12 + (m - 1) + n
  const year = Math.floor(months / 12)
  const month = (months % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return date(year, month, Math.min(d, last))
}

export const plusYears = (day, n) => plusMonths(day, 12 * n)

/** LocalDate.now() of the machine (the platform under test runs on it too). */
export function today() {
  const d = new Date()
  return date(d.getFullYear(), d.getMonth() + 1, d.getDate())
}

/** The demo's score(double): one decimal, within 0–100, rounded as Math.round rounds. */
export function score(v) {
  return Math.round(Math.max(0, Math.min(100, v)) * 10) / 10
}

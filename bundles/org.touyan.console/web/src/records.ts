// What the 用 and 管 record forms check before they send: the rules the platform states for a new
// negative-list incident, use record and half-year report (README, "The evaluation API"), kept
// apart from the screens so they are tested on their own. The platform checks them again; these
// only spare a round trip for a form that could never be accepted. Each rule answers the fields
// at fault with the message key to show there.

export interface Fault { key: string; params?: Record<string, number> }
export type Faults = Record<string, Fault>

const fault = (key: string, params?: Record<string, number>): Fault => (params ? { key, params } : { key })

/** Today as an ISO date in the browser's own time zone (the dates the forms send are local). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

const blank = (s: string | null | undefined) => !s || s.trim() === ''

/** A required text of at most `max` characters. */
function text(faults: Faults, field: string, value: string | null | undefined, max: number, required = true) {
  if (blank(value)) { if (required) faults[field] = fault('records.required'); return }
  if (value!.trim().length > max) faults[field] = fault('records.tooLong', { max })
}

/** A required date, not after today. */
function pastDate(faults: Faults, field: string, value: string | null | undefined, now: string) {
  if (blank(value)) faults[field] = fault('records.required')
  else if (value! > now) faults[field] = fault('records.future')
}

export interface IncidentDraft { personId: string; occurredOn: string; items: string[]; description: string; evidence: string; deadline: string }

/** Evidence is typed one entry a line: the non-blank lines, trimmed. */
export function evidenceLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')
}

export function incidentFaults(d: IncidentDraft, now = today()): Faults {
  const f: Faults = {}
  if (blank(d.personId)) f.personId = fault('records.pickPerson')
  pastDate(f, 'occurredOn', d.occurredOn, now)
  if (!d.items.length) f.items = fault('records.pickItems')
  text(f, 'description', d.description, 2000)
  const lines = evidenceLines(d.evidence)
  if (!lines.length) f.evidence = fault('records.evidenceRequired')
  else if (lines.some((l) => l.length > 500) || lines.join('\n').length > 4000) f.evidence = fault('records.evidenceTooLong')
  if (!blank(d.deadline) && !blank(d.occurredOn) && d.deadline <= d.occurredOn) f.deadline = fault('records.deadlineAfter')
  return f
}

/** The kinds of use record that name a detail, and the details each takes (UseRecords.Kind on the platform). */
export const USE_DETAILS: Record<string, string[]> = {
  HONOUR: [], DELEGATE: ['PARTY_CONGRESS', 'PEOPLES_CONGRESS', 'CPPCC'], TRAINING: ['NATIONAL', 'PROVINCE', 'CITY'], RECRUITMENT: [],
}

export interface UseDraft { personId: string; kind: string; detail: string; title: string; decidedOn: string; basis: string }

export function useRecordFaults(d: UseDraft, now = today()): Faults {
  const f: Faults = {}
  if (blank(d.personId)) f.personId = fault('records.pickPerson')
  if (!(d.kind in USE_DETAILS)) f.kind = fault('records.required')
  else if (USE_DETAILS[d.kind].length && !USE_DETAILS[d.kind].includes(d.detail)) f.detail = fault('records.pickDetail')
  text(f, 'title', d.title, 200)
  pastDate(f, 'decidedOn', d.decidedOn, now)
  text(f, 'basis', d.basis, 1000, false)
  return f
}

export interface DutyDraft { communityId: string; reportedOn: string; summary: string; siteVisits: string; interviews: string; documents: string }

export function dutyReportFaults(d: DutyDraft, now = today()): Faults {
  const f: Faults = {}
  if (blank(d.communityId)) f.communityId = fault('records.pickCommunity')
  pastDate(f, 'reportedOn', d.reportedOn, now)
  text(f, 'summary', d.summary, 4000)
  // 述职前通过实地走访、个别谈话、查阅资料: each is part of the report
  text(f, 'siteVisits', d.siteVisits, 2000)
  text(f, 'interviews', d.interviews, 2000)
  text(f, 'documents', d.documents, 2000)
  return f
}

/** A trimmed text, or null when blank (the API's optional fields). */
export const orNull = (s: string) => (s.trim() === '' ? null : s.trim())

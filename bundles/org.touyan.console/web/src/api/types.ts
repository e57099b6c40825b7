// The shapes the console uses, as /api/openapi.json describes them (only the fields it reads).
export type Role = 'DISTRICT_ADMIN' | 'STREET_ADMIN' | 'DEPARTMENT_SCORER' | 'SECRETARY' | 'AUDITOR' | 'PLUGIN_ADMIN' | 'CITY_ADMIN'

export interface User {
  id: string; login: string; displayName: string; role: Role; roleName?: string
  street: string | null; department: string | null; person: string | null; mustChangePassword: boolean
  /** The district of a district administrator (none: the installation's) or of a scoped user; none for a city-wide role. */
  district?: string | null
}
/** A user as the district administrator manages it. */
export interface Account extends User { disabled: boolean; createdAt: string; updatedAt: string }
export interface AccountInput {
  login: string | null; displayName: string; role: Role; street: string | null; department: string | null; person: string | null; disabled: boolean | null
  district?: string | null
}
/** A new user or a reset: the one-time password is in this answer only. */
export interface Issued { user: Account; oneTimePassword: string }
export interface AuditEntry {
  seq: number; at: string; actor: string; role: string | null; action: string; target: string | null
  outcome: 'ok' | 'denied' | 'failed'; status: number | null; detail: string | null; hash: string
}
export interface AuditVerification { entries: number; intact: boolean; firstBroken: number | null }
export interface PolicyInfo { spi: string; id: string; name: string; nameEn: string; quarantined: boolean }
export interface Binding { spi: string; scope: string; policyId: string; bsn: string | null; version: string | null; parameters: Record<string, string>; revision: number }
export interface Plugin {
  bsn: string; version: string; state: string; source: string | null; signer: string | null; staged: string | null
  pinnedBy: string[]; policies: PolicyInfo[]; bindings: Binding[]
}
export interface PluginEvent { id: number; at: string; bsn: string | null; version: string | null; action: string; outcome: string; detail: string | null }
export interface Quarantined { bsn: string; version: string; policyId: string; since: string; detail: string }
export interface PluginsOverview {
  mode: string; trustedKeys: string[]; pins: string[]; plugins: Plugin[]; quarantined: Quarantined[]; runawayCalls: number; recentRefusals: PluginEvent[]
}
export interface LoginAnswer { token: string; expiresAt: string; user: User }
export interface District { id: string; code: string; name: string; nameEn: string | null }
export interface Street { id: string; districtId: string; code: string; name: string; nameEn: string | null }
export interface Community { id: string; streetId: string; code: string; name: string; nameEn: string | null }
export interface JointCommittee { id: string; districtId: string; code: string; name: string; nameEn: string | null; communityIds: string[] }
export interface Department { id: string; districtId: string; code: string; name: string; nameEn: string | null; scores: boolean; vets: boolean }
export interface UnitInput { parentId: string; code: string; name: string; nameEn?: string | null }
export interface ArchiveSeal { sealedAt: string; actor: string; reason: string }
export interface Person {
  id: string; districtId: string; name: string; gender: string; birthDate: string; idNumber: string; phone: string
  education: string | null; partyMemberSince: string | null; seal: ArchiveSeal | null
}
export type PersonInput = Omit<Person, 'id' | 'seal'>
export type PostKind = 'COMMUNITY_SECRETARY' | 'COMMITTEE_MEMBER' | 'SECRETARY_ASSISTANT' | 'FIRST_SECRETARY' | 'STREET_CADRE'
export interface Post { id: string; personId: string; kind: PostKind; unitId: string; startDate: string; endDate: string | null; endReason: string | null; personName?: string }
export interface PostInput { kind: PostKind; unitId: string; startDate: string; endDate?: string | null; endReason?: string | null }
export interface ArchiveEntry { personId: string; seq: number; at: string; actor: string; action: string; subject: string; before: unknown; after: unknown; hash: string }
export interface ArchiveVerification { personId: string; entries: number; intact: boolean; firstBrokenSeq: number | null; problem: string | null }
export interface Rule { id: string; text: string; fact: string | null }
export interface RuleSet { id: string; name: string; nameEn: string | null; rules: Rule[]; provenance: { bundle: string; version: string } }
export interface EligibilityCheck { id: string; personId: string; asOf: string; eligible: boolean; fired: { ruleId: string; text: string; evidence: string }[]; provenance: { bundle: string; version: string; policyId: string }; checkedAt: string; actor: string }
export type Tier = 'COMMITTEE_RESERVE' | 'SECRETARY_RESERVE'
export interface ReserveMembership { id: string; personId: string; tier: Tier; streetId: string; enteredOn: string; entryReason: string; leftOn: string | null; leaveReason: string | null }
export interface ReserveMember { membership: ReserveMembership; name: string; gender: string; birthDate: string; age: number }
export interface WorkingGroupMember { role: string; personId: string }
export interface WorkingGroup { id: string; streetId: string; term: string; members: WorkingGroupMember[] }
export interface FilingStep { position: number; code: string; name: string; doneAt: string | null; actor: string | null; note: string | null }
export interface Vetting { departmentId: string; passed: boolean; note: string | null; at: string; actor: string }
export interface Filing {
  id: string; districtId: string; kind: 'APPOINTMENT' | 'REMOVAL'; personId: string; communityId: string; postId: string | null
  effectiveDate: string; status: 'OPEN' | 'FILED' | 'WITHDRAWN'; steps: FilingStep[]; vettings: Vetting[]; pendingDepartments: string[]
  closedAt: string | null; closedBy: string | null; closingNote: string | null
}
export interface FilingInput { districtId: string; kind: 'APPOINTMENT' | 'REMOVAL'; personId: string; communityId: string; postId?: string | null; effectiveDate: string }
export interface Coverage { districtId: string; communities: number; covered: number; lacking: Community[] }
export type CycleStatus = 'DRAFT' | 'OPEN' | 'SCORING_CLOSED' | 'PUBLISHED' | 'ARCHIVED'
export interface Cycle {
  id: string; districtId: string; period: string; status: CycleStatus; statusName?: string; pinKey: string | null
  scoreMin: number | null; scoreMax: number | null; createdAt?: string; updatedAt?: string
}
export interface CycleInput { districtId: string; period: string; scoreMin: number | null; scoreMax: number | null }
export interface Transition { from: CycleStatus | null; to: CycleStatus; actor: string; at: string }
export interface Provenance { bundle: string; version: string; policyId: string; bindingRevision: number }
export interface Score { cycleId: string; communityId: string; streetId: string; departmentId: string; dimension: string; score: number; actor: string; enteredAt: string }
export interface Completeness { departmentId: string; code: string; name: string; scored: number; communities: number; complete: boolean }
export interface RatingRun { cycleId: string; run: number; reason: string | null; actor: string; rated: number; failed: number; startedAt: string; millis: number }
export interface StarReport { cycleId: string; period: string | null; status: CycleStatus; run: number; district: StarCounts; streets: StarCounts[] }
export interface WhatIfRow { communityId: string; streetId: string; currentStars: number; candidateStars: number; currentScore: number | null; candidateScore: number | null; changed: boolean }
export interface WhatIfReport { cycleId: string; bsn: string; policyId: string; currentVersion: string | null; candidateVersion: string | null; compared: number; changed: number; rows: WhatIfRow[] }
export interface BindingInput { spi: string; districtId: string | null; streetId: string | null; policyId: string; parameters: Record<string, string> }
export interface StarCounts { streetId: string | null; rated: number; failed: number; stars: number[]; meanScore: number | null }
export interface CycleSummary {
  cycleId: string; period: string; status: string
  stars: { district: StarCounts; streets: StarCounts[] }
  types: { district: { counts: Record<string, number> }; streets: { streetId: string; counts: Record<string, number> }[] }
}
export interface Rating {
  cycleId?: string; communityId: string; streetId?: string; run?: number; stars: number | null; score?: number | null
  explanation?: string | null; failure?: string | null; provenance?: Provenance | null; inputHash?: string
}
export interface Classification { communityId: string; personId: string; type: string; typeName?: string; stars?: number; [k: string]: unknown }
export interface Measure { id: string; personId: string; kind: string; title: string; startedOn: string; followedBy?: string | null; [k: string]: unknown }
export interface RowError { row: number; field: string | null; error: string }
export interface ImportReport { rows: number; written: boolean; peopleCreated?: number; postsCreated?: number; errors: RowError[] }
export type Codes = Record<string, Record<string, { zh: string; en: string }>>

/** A first secretary's mission (第一书记驻社帮扶): reason and termEnd are null until recorded. */
export interface Mission {
  postId: string; personId: string; personName: string; districtId: string; streetId: string; streetName: string
  communityId: string; communityName: string; termStart: string; termEnd: string | null; reason: string | null
  postEndDate: string | null; status: 'SERVING' | 'REPORT_DUE' | 'REPORTED'; statusLabel: string
  reportedOn: string | null; report: string | null; reportedBy: string | null
}

export interface MissionSummary { districtId: string; streetId: string | null; communitiesHelped: number; missions: number; serving: number; reportDue: number; reported: number }

/** The four reviews (四评): three given in the console, the residents' by ballots. */
export type ReviewKind = 'SELF' | 'STREET' | 'ORGANIZATION'
export interface Review { cycleId: string; communityId: string; personId: string; kind: ReviewKind; score: number; comment: string | null; actor: string }
export interface ReviewInput { communityId: string; kind: ReviewKind; score: number | null; comment: string | null }
export interface Assessment {
  cycleId: string; communityId: string; personId: string; self: number | null; residents: number | null; ballots: number
  street: number | null; organization: number | null; score: number | null; grade: string | null; explanation: string | null; failure: string | null
}
export type Aspect = 'de' | 'neng' | 'qin' | 'ji' | 'lian'
/** A community's residents' review so far (群众评议): it counts from `minimum` cast ballots on. */
export interface Tally { cycleId: string; communityId: string; issued: number; cast: number; minimum: number; counts: boolean; means: Partial<Record<Aspect, number>>; mean: number | null }
/** Ballots just issued: the tokens are in this answer only. */
export interface BallotsIssued { cycleId: string; communityId: string; tokens: string[] }

/** 提级述职: a secretary's half-year report and the on-the-spot scores (一述一评); `result` once all three scored. */
export type Rater = 'ORGANIZATION' | 'CIVIL_AFFAIRS' | 'STREET'
export interface RaterScore { rater: Rater; raterName: string; score: number; comment: string | null; actor: string }
export interface DutyReport {
  cycleId: string; communityId: string; personId: string; reportedOn: string; summary: string
  siteVisits: string | null; interviews: string | null; documents: string | null; scores: RaterScore[]; result: number | null; actor: string
}
/** 结对帮带 */
export interface Member { personId: string; name: string; communityId: string | null; type: string | null; typeName: string | null }
export interface Pairing {
  id: string; districtId: string; year: number; basisCycleId: string | null; mentor: Member; mentee: Member; basis: string | null; basisName: string | null
  status: string; statusName: string; startedOn: string; endedOn: string | null; endReason: string | null; actor: string
}
export interface ProposedPair { mentor: Member; mentee: Member; basis: string | null; basisName: string | null }
export interface ProposedLoad { mentor: Member; paired: number; proposed: number; mentees: number; load: string; loadName: string; reason: string | null }
export interface Proposal {
  districtId: string; year: number; basisCycleId: string | null; basisPeriod: string | null; minMentees: number; maxMentees: number
  pairs: ProposedPair[]; unmatched: Member[]; mentors: ProposedLoad[]; belowMinimum: ProposedLoad[]
}
export interface MentorLoad { mentor: Member; mentees: number; load: string; loadName: string; belowMinimum: boolean; aboveMaximum: boolean }
export interface MentoringCoverage {
  districtId: string; cycleId: string | null; period: string | null; helped: number; mentored: number; share: number | null
  streets: { streetId: string; helped: number; mentored: number; share: number | null }[]; mentors: MentorLoad[]
  mentorCounts: { minMentees: number; maxMentees: number; mentoring: number; within: number; belowMinimum: number; aboveMaximum: number; idle: number }
}
/** 履职负面清单 */
export interface NegativeItem { code: string; name: string; severity: string; severityName: string }
export interface NegativeCatalogue { districtId: string | null; streetId: string | null; items: NegativeItem[]; provenance: Provenance }
export interface IncidentInput { personId: string; occurredOn: string; items: string[]; description: string; evidence: string[]; deadline: string | null }
export interface UseRecordInput { personId: string; kind: string; detail: string | null; title: string; decidedOn: string; basis: string | null }
export interface DutyReportInput { communityId: string; reportedOn: string; summary: string; siteVisits: string; interviews: string; documents: string }
export interface FollowUp { seq: number; checkedOn: string; note: string | null; rectified: boolean; actor: string }
export interface Incident {
  id: string; districtId: string; streetId: string | null; communityId: string | null; personId: string; occurredOn: string
  items: NegativeItem[]; severity: string; description: string | null; evidence: string[] | null; consequence: string; consequenceName: string
  explanation: string; deadline: string | null; status: string; statusName: string; overdue: boolean; filingId: string | null
  followUps: FollowUp[]; actor: string; recordedAt: string
}
/** 精挑用: career-path records */
export interface UseRecord {
  id: string; districtId: string; personId: string; personName: string; kind: string; kindName: string; detail: string | null; detailName: string | null
  title: string | null; decidedOn: string; basis: string | null; actor: string; recordedAt: string
}
export interface UseSummary { districtId: string; year: number | null; total: number; kinds: { kind: string; kindName: string; count: number; byDetail: Record<string, number> }[] }
// ---- 育: the training API (README, "The training API") ----
export interface TrainingCourse { id: string; programmeId: string; kind: string | null; title: string }
/** A programme lists the formats its sessions may use: the bound brand's for a street, null while none is bound. */
export interface TrainingProgramme { id: string; kind: string; streetId: string | null; name: string; formats: string[] | null; courses: TrainingCourse[] }
export interface TrainingPlan { id: string; districtId: string; year: number; requiredHours: number; formats: string[]; programmes: TrainingProgramme[] }
export interface PlanInput { districtId: string; year: number; requiredHours: number; brands: { streetId: string; name: string }[] | null; formats: string[] | null }
export interface TrainingSession {
  id: string; courseId: string; programmeId: string; programmeKind: string; districtId: string; streetId: string | null; year: number
  date: string; place: string | null; teacher: string | null; format: string | null; hours: number
}
export interface SessionInput { date: string | null; place: string | null; teacher: string | null; format: string | null; hours: number }
export interface AttendanceRecord { sessionId: string; personId: string; hours: number; credit: number; provenance: Provenance | null; recordedBy: string | null }
export interface TrainingImportReport extends ImportReport { recorded: number }
export interface Credit { personId: string; name: string; streetId: string | null; streetName: string | null; communityName: string | null; credit: number; required: number; met: boolean }
export interface StreetHours { streetId: string; streetName: string; secretaries: number; credit: number; unmet: number }
export interface ProgrammeActivity { programmeId: string; kind: string; streetBrand: boolean; streetId: string | null; name: string; sessions: number; attendances: number; credit: number; computedBy: string[] }
export type EventKind = 'FORUM' | 'SALON' | 'ACTIVITY'
export interface ExchangeEvent {
  id: string; districtId: string; kind: EventKind; kindName: string; theme: string | null; title: string; date: string; place: string
  participantIds: string[]; speakerIds: string[]; record: string | null
}
export interface EventInput { districtId: string; kind: EventKind; theme: string | null; title: string; date: string; place: string; participantIds: string[]; speakerIds: string[]; record: string | null }
export interface Placement { id: string; districtId: string; personId: string; year: number; city: string; host: string; startDate: string; endDate: string | null; report: string | null }
export interface PlacementInput { districtId: string; personId: string; city: string; host: string; startDate: string; endDate: string | null }
export interface ReportField { key: string; name: string; nameEn: string; required: boolean }
export interface CooperationContent { code: string; name: string; nameEn: string }
export interface PairingProgramme {
  partner: { name: string; nameEn: string; city: string }; contents: CooperationContent[]; dispatchReportFields: ReportField[]; provenance: Provenance
}
export interface Dispatch { id: string; districtId: string; personId: string; contentCode: string; startDate: string; endDate: string | null; report: Record<string, string> | null; provenance: Provenance }
export interface DispatchInput { districtId: string; personId: string; contentCode: string; startDate: string; endDate: string }
export type ProjectStatus = 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'SUSPENDED'
export interface Project {
  id: string; districtId: string; title: string; ownerId: string; communityId: string | null; milestones: number; milestonesDone: number
  status: ProjectStatus; outcome: string | null; grade: string | null; assessment: string | null; provenance: Provenance | null
}
export interface ProjectInput { districtId: string; title: string; ownerId: string; communityId: string | null; milestones: number | null }
export interface ProgressInput { milestonesDone: number | null; status: ProjectStatus | null; outcome: string | null }
export interface TrainingReport {
  districtId: string; year: number; hours: Credit[]; streets: StreetHours[]; brands: ProgrammeActivity[]; events: Record<string, number>
  shadowing: Placement[]; dispatches: { startedInYear: number; runningInYear: number; cumulative: number; items: Dispatch[] }
  projects: { byStatus: Record<string, number>; items: Project[] }
}
export type ReportSection = 'hours' | 'streets' | 'brands' | 'events' | 'shadowing' | 'dispatches' | 'projects'

// The typed API of the console: one function per call it makes, nothing else talks to /api.
import { http, request, session, tableFile, type Page, type Query } from './http'
import type * as T from './types'

const all = { limit: 500 }

export const api = {
  session: {
    login: async (login: string, password: string) => {
      const answer = await request<T.LoginAnswer>('POST', '/session', { body: { login, password } })
      session.token = answer.token
      return answer
    },
    me: () => http.get<T.User>('/session'),
    logout: async () => {
      try {
        await http.del<void>('/session')
      } finally {
        session.token = null
      }
    },
    changePassword: (currentPassword: string, newPassword: string) => http.put<unknown>('/session/password', { currentPassword, newPassword }),
  },
  codes: () => http.get<T.Codes>('/codes'),
  org: {
    districts: () => http.get<Page<T.District>>('/districts', all),
    streets: () => http.get<Page<T.Street>>('/streets', all),
    communities: () => http.get<Page<T.Community>>('/communities', all),
    /** a page of a district's (or street's) communities, in the platform's order */
    communityPage: (q: Query) => http.get<Page<T.Community>>('/communities', q),
    jointCommittees: () => http.get<Page<T.JointCommittee>>('/joint-committees', all),
    departments: () => http.get<Page<T.Department>>('/departments', all),
    get: <U>(kind: string, id: string) => http.get<U>(`/${kind}/${id}`),
    create: <U>(kind: string, body: unknown) => http.post<U>(`/${kind}`, body),
    update: <U>(kind: string, id: string, body: unknown) => http.put<U>(`/${kind}/${id}`, body),
  },
  people: {
    list: (q: Query) => http.get<Page<T.Person>>('/people', q),
    get: (id: string) => http.get<T.Person>(`/people/${id}`),
    create: (body: T.PersonInput) => http.post<T.Person>('/people', body),
    update: (id: string, body: T.PersonInput) => http.put<T.Person>(`/people/${id}`, body),
    posts: (id: string) => http.get<Page<T.Post> | T.Post[]>(`/people/${id}/posts`, all),
    addPost: (id: string, body: T.PostInput) => http.post<T.Post>(`/people/${id}/posts`, body),
    reveal: (id: string, field: 'idNumber' | 'phone', reason: string) => http.post<{ field: string; value: string }>(`/people/${id}/reveal`, { field, reason }),
    archive: (id: string, q: Query) => http.get<Page<T.ArchiveEntry>>(`/people/${id}/archive`, q),
    verify: (id: string) => http.get<T.ArchiveVerification>(`/people/${id}/archive/verify`),
    seal: (id: string, reason: string) => http.post<T.Person>(`/people/${id}/archive/seal`, { reason }),
    checks: (id: string) => http.get<Page<T.EligibilityCheck>>(`/people/${id}/eligibility-checks`),
    check: (id: string, facts: Record<string, unknown>, asOf: string) => http.post<T.EligibilityCheck>(`/people/${id}/eligibility-checks`, { facts, asOf }),
    reserve: (id: string) => http.get<T.ReserveMembership[] | Page<T.ReserveMembership>>(`/people/${id}/reserve`),
    enterReserve: (id: string, body: { tier: T.Tier; streetId: string; date: string; reason: string }) => http.post<T.ReserveMembership>(`/people/${id}/reserve`, body),
  },
  posts: {
    list: (q: Query) => http.get<Page<T.Post>>('/posts', q),
    end: (id: string, endDate: string, reason: string) => http.post<T.Post>(`/posts/${id}/end`, { endDate, reason }),
  },
  select: {
    ruleSets: () => http.get<Page<T.RuleSet> | T.RuleSet[]>('/eligibility/rule-sets'),
    workingGroups: (streetId: string) => http.get<Page<T.WorkingGroup> | T.WorkingGroup[]>(`/streets/${streetId}/working-groups`),
    createWorkingGroup: (streetId: string, body: { term: string; members: T.WorkingGroupMember[] }) => http.post<T.WorkingGroup>(`/streets/${streetId}/working-groups`, body),
    reserve: (q: Query) => http.get<Page<T.ReserveMember>>('/reserve', q),
    promote: (id: string, body: unknown) => http.post<unknown>(`/reserve/${id}/promote`, body),
    leave: (id: string, body: unknown) => http.post<unknown>(`/reserve/${id}/leave`, body),
    coverage: (districtId: string) => http.get<T.Coverage>(`/districts/${districtId}/assistant-coverage`),
    missions: (q: Query) => http.get<Page<T.Mission>>('/first-secretary-missions', q),
    missionSummary: (q: Query) => http.get<T.MissionSummary>('/first-secretary-missions/summary', q),
    mission: (postId: string) => http.get<T.Mission>(`/first-secretary-missions/${postId}`),
    recordMission: (postId: string, body: { reason: string | null; termEnd: string }) => http.post<T.Mission>(`/posts/${postId}/first-secretary-mission`, body),
    reportMission: (postId: string, body: { reportedOn: string; summary: string }) => http.post<T.Mission>(`/first-secretary-missions/${postId}/report`, body),
  },
  filings: {
    list: (q: Query) => http.get<Page<T.Filing>>('/filings', q),
    get: (id: string) => http.get<T.Filing>(`/filings/${id}`),
    create: (body: T.FilingInput) => http.post<T.Filing>('/filings', body),
    steps: (districtId: string) => http.get<{ steps: { code: string; name: string; nameEn: string }[] }>(`/districts/${districtId}/filing-steps`),
    complete: (id: string, position: number, note: string) => http.post<T.Filing>(`/filings/${id}/steps/${position}/complete`, note ? { note } : {}),
    vet: (id: string, departmentId: string, passed: boolean, note: string) => http.post<T.Filing>(`/filings/${id}/vettings`, { departmentId, passed, note: note || null }),
    file: (id: string, note: string) => http.post<T.Filing>(`/filings/${id}/file`, note ? { note } : {}),
    withdraw: (id: string, note: string) => http.post<T.Filing>(`/filings/${id}/withdraw`, note ? { note } : {}),
  },
  cycles: {
    list: (districtId: string) => http.get<Page<T.Cycle>>('/evaluation-cycles', { district: districtId, limit: 100 }),
    summary: (id: string) => http.get<T.CycleSummary>(`/evaluation-cycles/${id}/summary`),
    ratings: (id: string, streetId: string) => http.get<Page<T.Rating>>(`/evaluation-cycles/${id}/ratings`, { street: streetId, limit: 500 }),
    classifications: (id: string, q: Query) => http.get<Page<T.Classification> | T.Classification[]>(`/evaluation-cycles/${id}/classifications`, q),
    measures: (id: string, q: Query) => http.get<Page<T.Measure> | T.Measure[]>(`/evaluation-cycles/${id}/measures`, q),
    get: (id: string) => http.get<T.Cycle>(`/evaluation-cycles/${id}`),
    create: (body: T.CycleInput) => http.post<T.Cycle>('/evaluation-cycles', body),
    /** a move of the cycle's life; read the cycle first so the move carries its ETag */
    move: (id: string, step: 'open' | 'close-scoring' | 'publish' | 'archive') => http.post<T.Cycle>(`/evaluation-cycles/${id}/${step}`, {}),
    transitions: (id: string) => http.get<Page<T.Transition>>(`/evaluation-cycles/${id}/transitions`, all),
    /** a page of the cycle's ratings (offset, limit; street=, stars= 1–5 or failed) */
    ratingPage: (id: string, q: Query) => http.get<Page<T.Rating>>(`/evaluation-cycles/${id}/ratings`, q),
    rating: (id: string, communityId: string) => http.get<T.Rating>(`/evaluation-cycles/${id}/ratings/${communityId}`),
    ratingsCsv: (id: string) => request<string>('GET', `/evaluation-cycles/${id}/ratings.csv`, { asText: true }),
    ratingsXlsx: (id: string) => request<Blob>('GET', `/evaluation-cycles/${id}/ratings.csv`, { query: { format: 'xlsx' }, asBlob: true }),
    report: (id: string) => http.get<T.StarReport>(`/evaluation-cycles/${id}/report`),
    runs: (id: string) => http.get<Page<T.RatingRun>>(`/evaluation-cycles/${id}/rating-runs`, all),
    /** a department's stored scores of the communities named (a sheet's page), in one request: community=… repeated */
    scoresOf: (id: string, departmentId: string, communityIds: string[]) =>
      http.get<Page<T.Score>>(`/evaluation-cycles/${id}/scores`, { department: departmentId, community: communityIds, limit: Math.max(communityIds.length, 1) }),
    score: (id: string, communityId: string, departmentId: string) => http.get<T.Score>(`/evaluation-cycles/${id}/scores/${communityId}/${departmentId}`),
    enter: (id: string, departmentId: string, scores: { communityId: string; score: number }[]) => http.post<T.ImportReport>(`/evaluation-cycles/${id}/scores`, { departmentId, scores }),
    /** a correction names the score as read: read it first (its ETag goes as If-Match) */
    correct: (id: string, communityId: string, departmentId: string, score: number, reason: string) => http.put<T.Score>(`/evaluation-cycles/${id}/scores/${communityId}/${departmentId}`, { score, reason }),
    importScores: (id: string, departmentId: string, file: File) => request<T.ImportReport>('POST', `/evaluation-cycles/${id}/scores.csv`, { query: { department: departmentId }, file: tableFile(file) }),
    completeness: (id: string) => http.get<Page<T.Completeness>>(`/evaluation-cycles/${id}/completeness`, all),
    whatIf: (id: string, bsn: string, policyId: string) => http.post<T.WhatIfReport>(`/evaluation-cycles/${id}/what-if`, { bsn, policyId }),
  },
  reviews: {
    list: (cycleId: string, communityId: string) => http.get<Page<T.Review>>(`/evaluation-cycles/${cycleId}/reviews`, { community: communityId, limit: 10 }),
    give: (cycleId: string, body: T.ReviewInput) => http.post<T.Review>(`/evaluation-cycles/${cycleId}/reviews`, body),
    assessments: (cycleId: string, communityId: string) => http.get<Page<T.Assessment>>(`/evaluation-cycles/${cycleId}/assessments`, { community: communityId, limit: 10 }),
    tally: (cycleId: string, communityId: string) => http.get<T.Tally>(`/evaluation-cycles/${cycleId}/ballots/${communityId}`),
    issueBallots: (cycleId: string, communityId: string, count: number | null) => http.post<T.BallotsIssued>(`/evaluation-cycles/${cycleId}/ballots`, { communityId, count }),
  },
  manage: {
    dutyReports: (cycleId: string) => http.get<Page<T.DutyReport>>(`/evaluation-cycles/${cycleId}/duty-reports`, all),
    addDutyReport: (cycleId: string, body: T.DutyReportInput) => http.post<T.DutyReport>(`/evaluation-cycles/${cycleId}/duty-reports`, body),
    scoreReport: (cycleId: string, communityId: string, body: { rater: T.Rater; score: number | null; comment: string | null }) =>
      http.post<T.DutyReport>(`/evaluation-cycles/${cycleId}/duty-reports/${communityId}/scores`, body),
    coverage: (districtId: string) => http.get<T.MentoringCoverage>('/mentoring/coverage', { district: districtId }),
    pairings: (q: Query) => http.get<Page<T.Pairing>>('/mentoring/pairings', q),
    propose: (districtId: string, year: number) => http.post<T.Proposal>('/mentoring/proposals', { districtId, year }),
    pair: (body: { districtId: string; year: number; mentorId: string; menteeId: string }) => http.post<T.Pairing>('/mentoring/pairings', body),
  },
  use: {
    incidents: (q: Query) => http.get<Page<T.Incident>>('/negative-list/incidents', q),
    catalogue: (districtId: string) => http.get<T.NegativeCatalogue>('/negative-list', { district: districtId }),
    recordIncident: (body: T.IncidentInput) => http.post<T.Incident>('/negative-list/incidents', body),
    incident: (id: string) => http.get<T.Incident>(`/negative-list/incidents/${id}`),
    /** a follow-up changes the incident: read it first (incident) so its ETag goes as If-Match */
    followUp: (id: string, body: { checkedOn: string; note: string | null; rectified: boolean }) => http.post<T.Incident>(`/negative-list/incidents/${id}/follow-ups`, body),
    records: (q: Query) => http.get<Page<T.UseRecord>>('/use-records', q),
    addRecord: (body: T.UseRecordInput) => http.post<T.UseRecord>('/use-records', body),
    summary: (districtId: string, year: number | null) => http.get<T.UseSummary>('/use-records/summary', { district: districtId, year }),
  },
  counts: {
    /** a collection's total, read with limit=1 so nothing but the count travels */
    total: async (path: string, q: Query) => (await http.get<Page<unknown>>(path, { ...q, limit: 1 })).total,
  },
  training: {
    /** one secretary's line of the year (a secretary reads their own) */
    credit: (personId: string, districtId: string, year: number) => http.get<T.Credit>(`/training/credits/${personId}`, { district: districtId, year }),
    credits: (q: Query) => http.get<Page<T.Credit>>('/training/credits', { limit: 500, ...q }),
    /** one person's placements, dispatches and owned projects, newest first (a secretary reads their own) */
    placementsOf: (personId: string, q: Query) => http.get<Page<T.Placement>>(`/training/people/${personId}/shadowing`, q),
    dispatchesOf: (personId: string, q: Query) => http.get<Page<T.Dispatch>>(`/training/people/${personId}/dispatches`, q),
    projectsOf: (personId: string, q: Query) => http.get<Page<T.Project>>(`/training/people/${personId}/projects`, q),
    plan: (districtId: string, year: number) => http.get<T.TrainingPlan>('/training/plans', { district: districtId, year }),
    createPlan: (body: T.PlanInput) => http.post<T.TrainingPlan>('/training/plans', body),
    addCourse: (programmeId: string, body: { kind: string | null; title: string }) => http.post<T.TrainingCourse>(`/training/programmes/${programmeId}/courses`, body),
    session: (id: string) => http.get<T.TrainingSession>(`/training/sessions/${id}`),
    sessions: (courseId: string) => http.get<Page<T.TrainingSession>>(`/training/courses/${courseId}/sessions`, all),
    addSession: (courseId: string, body: T.SessionInput) => http.post<T.TrainingSession>(`/training/courses/${courseId}/sessions`, body),
    enrolment: (courseId: string) => http.get<{ courseId: string; personIds: string[] }>(`/training/courses/${courseId}/enrolments`),
    enrol: (courseId: string, personIds: string[]) => http.post<{ courseId: string; personIds: string[] }>(`/training/courses/${courseId}/enrolments`, { personIds }),
    attendance: (sessionId: string) => http.get<Page<T.AttendanceRecord>>(`/training/sessions/${sessionId}/attendance`, all),
    attend: (sessionId: string, personId: string, hours: number) => http.post<T.AttendanceRecord>(`/training/sessions/${sessionId}/attendance`, { personId, hours }),
    /** the API takes text/csv (personId,hours) on main; all rows or none, 422 with the report */
    importAttendance: (sessionId: string, file: File) => request<T.TrainingImportReport>('POST', `/training/sessions/${sessionId}/attendance/import`, { file: tableFile(file) }),
  },
  exchange: {
    events: (q: Query) => http.get<Page<T.ExchangeEvent>>('/exchange-events', { limit: 500, ...q }),
    event: (id: string) => http.get<T.ExchangeEvent>(`/exchange-events/${id}`),
    createEvent: (body: T.EventInput) => http.post<T.ExchangeEvent>('/exchange-events', body),
    /** replaces the record as read: read the event first (its ETag goes as If-Match) */
    record: (id: string, record: string) => http.post<T.ExchangeEvent>(`/exchange-events/${id}/record`, { record }),
    placements: (q: Query) => http.get<Page<T.Placement>>('/shadowing', { limit: 500, ...q }),
    placement: (id: string) => http.get<T.Placement>(`/shadowing/${id}`),
    place: (body: T.PlacementInput) => http.post<T.Placement>('/shadowing', body),
    report: (id: string, report: string) => http.post<T.Placement>(`/shadowing/${id}/report`, { report }),
  },
  pairing: {
    programme: (districtId: string) => http.get<T.PairingProgramme>('/pairing/programme', { district: districtId }),
    dispatches: (q: Query) => http.get<Page<T.Dispatch>>('/pairing/dispatches', { limit: 500, ...q }),
    dispatch: (id: string) => http.get<T.Dispatch>(`/pairing/dispatches/${id}`),
    createDispatch: (body: T.DispatchInput) => http.post<T.Dispatch>('/pairing/dispatches', body),
    reportDispatch: (id: string, fields: Record<string, string>) => http.post<T.Dispatch>(`/pairing/dispatches/${id}/report`, { fields }),
    projects: (q: Query) => http.get<Page<T.Project>>('/pairing/projects', { limit: 500, ...q }),
    project: (id: string) => http.get<T.Project>(`/pairing/projects/${id}`),
    createProject: (body: T.ProjectInput) => http.post<T.Project>('/pairing/projects', body),
    /** progress and assessment name the project as read: read it first */
    progress: (id: string, body: T.ProgressInput) => http.post<T.Project>(`/pairing/projects/${id}/progress`, body),
    assess: (id: string) => http.post<T.Project>(`/pairing/projects/${id}/assessment`, {}),
  },
  trainingReport: {
    get: (districtId: string, year: number) => http.get<T.TrainingReport>('/training-reports', { district: districtId, year }),
    csv: (section: T.ReportSection, districtId: string, year: number) => request<string>('GET', `/training-reports/${section}`, { query: { district: districtId, year }, asText: true }),
  },
  users: {
    list: (q: Query) => http.get<Page<T.Account>>('/users', q),
    get: (id: string) => http.get<T.Account>(`/users/${id}`),
    create: (body: T.AccountInput) => http.post<T.Issued>('/users', body),
    update: (id: string, body: T.AccountInput) => http.put<T.Account>(`/users/${id}`, body),
    resetPassword: (id: string) => http.post<T.Issued>(`/users/${id}/password-reset`, {}),
  },
  audit: {
    list: (q: Query) => http.get<Page<T.AuditEntry>>('/audit', q),
    verify: () => http.get<T.AuditVerification>('/audit/verify'),
  },
  plugins: {
    overview: () => http.get<T.PluginsOverview>('/plugins'),
    get: (bsn: string) => http.get<T.Plugin>(`/plugins/${encodeURIComponent(bsn)}`),
    install: (jar: Blob, stage: boolean) => request<T.Plugin>('POST', '/plugins', { query: { stage }, file: { content: jar, type: 'application/java-archive' } }),
    promote: (bsn: string) => http.post<T.Plugin>(`/plugins/${encodeURIComponent(bsn)}/promote`, {}),
    discard: (bsn: string) => http.del<void>(`/plugins/${encodeURIComponent(bsn)}/staged`),
    rollback: (bsn: string) => http.post<T.Plugin>(`/plugins/${encodeURIComponent(bsn)}/rollback`, {}),
    release: (bsn: string) => http.del<void>(`/plugins/${encodeURIComponent(bsn)}/quarantine`),
    remove: (bsn: string) => http.del<void>(`/plugins/${encodeURIComponent(bsn)}`),
    events: (q: Query) => http.get<Page<T.PluginEvent>>('/plugins/events', q),
    bindings: () => http.get<Page<T.Binding>>('/plugins/bindings', all),
    bind: (body: T.BindingInput) => http.put<T.Binding>('/plugins/bindings', body),
    pinned: (key: string) => http.get<Page<T.Binding>>(`/plugins/pins/${encodeURIComponent(key)}`, all),
    pin: (key: string) => http.put<T.Binding[]>(`/plugins/pins/${encodeURIComponent(key)}`, {}),
    /** releases a pin as read: read it first (pinned) so the release carries its ETag */
    unpin: (key: string) => http.del<void>(`/plugins/pins/${encodeURIComponent(key)}`),
  },
  roster: {
    export: (districtId: string) => request<string>('GET', `/districts/${districtId}/roster`, { asText: true }),
    exportXlsx: (districtId: string) => request<Blob>('GET', `/districts/${districtId}/roster`, { query: { format: 'xlsx' }, asBlob: true }),
    import: (districtId: string, file: File) => request<T.ImportReport>('POST', `/districts/${districtId}/roster`, { file: tableFile(file) }),
  },
}

/** Lists answer {items,…}; a few sub-resources answer a bare array. */
export function itemsOf<U>(answer: Page<U> | U[] | undefined): U[] {
  if (!answer) return []
  return Array.isArray(answer) ? answer : answer.items
}

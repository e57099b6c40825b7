// The figures of a demo district as the API answers them, made comparable between two platforms:
// every id the platform generated (UUIDs, different on every platform) is replaced by what names
// the thing there (a unit's code, a person's name, a cycle's period, a course's title), and what
// only one platform can know (timestamps, hashes over ids, tokens, actors) is left out.

const DROP = /(^id$|At$|^at$|[hH]ash$|^token|^actor|^by$|^revision$|^bindingRevision$|^run$|^etag$)/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Replaces known ids by their names, drops what differs by nature, sorts nothing. */
export function stable(value, names) {
  if (Array.isArray(value)) return value.map((v) => stable(v, names))
  if (value && typeof value === 'object') {
    const out = {}
    for (const [k, v] of Object.entries(value)) if (!DROP.test(k)) out[k] = stable(v, names)
    return out
  }
  if (typeof value === 'string') return names.get(value) ?? (UUID.test(value) ? '<generated id>' : value)
  return value
}

/** A cycle's star report with its streets by code: the report lists them in the order of their ids. */
const starReport = (r) => ({ ...r, streets: [...r.streets].sort((a, b) => (a.streetId < b.streetId ? -1 : 1)) })
const count = (list, key) => list.reduce((m, x) => ({ ...m, [key(x)]: (m[key(x)] ?? 0) + 1 }), {})
const sorted = (list) => list.map((x) => JSON.stringify(x)).sort()

/** Every figure the comparison looks at, for the demo district of the platform `api` talks to. */
export async function figures(api) {
  const [district] = (await api.get('/districts')).items.filter((d) => d.code === 'DEMO')
  if (!district) throw new Error('no demo district (code DEMO)')
  const q = { district: district.id }
  const names = new Map([[district.id, 'district ' + district.code]])
  const streets = await api.all('/streets', q)
  const communities = await api.all('/communities', q)
  const departments = await api.all('/departments', q)
  const people = await api.all('/people', q)
  for (const s of streets) names.set(s.id, 'street ' + s.code)
  for (const k of communities) names.set(k.id, 'community ' + k.code)
  for (const d of departments) names.set(d.id, 'department ' + d.code)
  for (const p of people) names.set(p.id, 'person ' + p.name)
  const cycles = (await api.all('/evaluation-cycles', q)).sort((a, b) => (a.period < b.period ? -1 : 1))
  for (const c of cycles) names.set(c.id, 'cycle ' + c.period)
  const plan = await api.get('/training/plans', { ...q, year: 2026 })
  names.set(plan.id, 'plan 2026')
  for (const p of plan.programmes) {
    names.set(p.id, 'programme ' + p.name)
    for (const k of p.courses) names.set(k.id, 'course ' + k.title)
  }
  const posts = await api.all('/posts', q)
  for (const p of posts) names.set(p.id, `post ${p.kind} of ${names.get(p.personId)}`)
  const s = (v) => stable(v, names)
  const f = {}

  f.registry = {
    streets: streets.length,
    communities: communities.length,
    people: people.length,
    currentSecretaryPosts: (await api.get('/posts', { ...q, kind: 'COMMUNITY_SECRETARY', current: true, limit: 1 })).total,
    departments: { all: departments.length, scoring: departments.filter((d) => d.scores).length, vetting: departments.filter((d) => d.vets).length },
    postsByKind: count(posts.filter((p) => p.endDate == null), (p) => p.kind),
    jointCommittees: s(await api.all('/joint-committees', q)),
    workingGroups: s(await Promise.all(streets.map((x) => api.all(`/streets/${x.id}/working-groups`)))),
    reserve: sorted(s(await api.all('/reserve', q))),
    assistantCoverage: s(await api.get(`/districts/${district.id}/assistant-coverage`)),
    assistantRecruitment: s(await api.get(`/districts/${district.id}/assistant-recruitment`)),
    firstSecretaries: s(await api.get('/first-secretary-missions/summary', q)),
    dutyList: s(await api.get(`/districts/${district.id}/reference/duty-list/in-force`)).categories,
    selectionStandard: s(await api.get(`/districts/${district.id}/reference/selection-standard/in-force`)).categories,
  }
  // generated the same way, names, masked numbers and dates match person for person
  f.people = sorted(people.map((p) => s(p)))
  f.posts = sorted(posts.map((p) => s(p)))
  // 凡动必备: each person's archive holds an entry per change; training and the half-years load side by
  // side (in the built-in demo too), so the order of a secretary's entries varies, their actions do not.
  // Who is a mentor of whom, whose pair gets the note and who gets the first measures follow the order
  // of generated ids (see below): those actions are counted for the district, not person by person
  const BY_ID_ORDER = new Set(['measure.recorded', 'mentoring.mentor-paired', 'mentoring.noted'])
  const archives = await Promise.all(people.map(async (p) => [p.name, (await api.all(`/people/${p.id}/archive`)).map((e) => e.action).sort()]))
  f.archives = {
    each: sorted(archives.map(([name, actions]) => [name, actions.filter((a) => !BY_ID_ORDER.has(a))])),
    byIdOrder: count(archives.flatMap(([, actions]) => actions.filter((a) => BY_ID_ORDER.has(a))), (a) => a),
  }

  const sessions = []
  for (const p of plan.programmes) {
    for (const k of p.courses) {
      for (const session of await api.all(`/training/courses/${k.id}/sessions`)) {
        const attendance = await api.all(`/training/sessions/${session.id}/attendance`)
        sessions.push({ ...s(session), attended: attendance.length,
          hoursAttended: attendance.reduce((t, a) => t + Number(a.hours), 0).toFixed(1), credit: attendance.reduce((t, a) => t + Number(a.credit), 0).toFixed(2),
          who: sorted(attendance.map((a) => names.get(a.personId))) })
      }
    }
  }
  f.training = {
    plan: s(plan),
    sessions: sorted(sessions),
    credits: sorted(s(await api.all('/training/credits', { ...q, year: 2026 }))),
    report: s(await api.get('/training-reports', { ...q, year: 2026 })),
  }

  f.cycles = []
  for (const c of cycles) {
    const path = `/evaluation-cycles/${c.id}`
    const assessments = await api.all(path + '/assessments')
    const placements = await api.all(path + '/classifications')
    const measures = await api.all(path + '/measures')
    f.cycles.push({
      period: c.period,
      status: c.status,
      transitions: (await api.all(path + '/transitions')).map((t) => t.to ?? t.status),
      report: starReport(s(await api.get(path + '/report'))),
      // each rating with the formula's explanation and provenance (the input hash covers ids, so it is left out);
      // the explanation names the lowest-scoring department, and of two departments with the same lowest score
      // the formula names the first it was given, in the order of department ids: the score is compared, not the name
      ratings: sorted(s(await api.all(path + '/ratings')).map((r) => ({ ...r, explanation: r.explanation?.replace(/最低为 \S+ /, '最低为 … ') }))),
      scores: sorted((await api.all(path + '/scores')).map((x) => [names.get(x.communityId), names.get(x.departmentId), x.score])),
      assessments: { total: assessments.length, byGrade: count(assessments, (a) => a.grade), each: sorted(s(assessments)) },
      classifications: { total: placements.length, byType: count(placements, (p) => p.type), each: sorted(placements.map((p) => [names.get(p.personId), p.type])),
        // the cadre named for one-on-one help is the first of the street's cadres by person id (Classifications.cadres),
        // so who it is depends on generated ids; that one is named is what both platforms share
        helpersNamed: placements.filter((p) => p.helperId != null).length },
      // the measures go to the first backbone and helped secretaries by community id (the placements' order): the kinds match, not who
      measuresByKind: count(measures, (m) => m.kind),
      dutyReports: sorted((await api.all(path + '/duty-reports')).map((r) => [names.get(r.communityId), r.result ?? null, r.scores?.length ?? 0])),
    })
  }

  // the proposal orders mentors and mentees by community id (MentorPlan), so which mentor gets which mentee
  // depends on generated ids; the number of pairs, mentors and notes and who is mentored do not
  f.mentoring = {}
  for (const year of [2025, 2026]) {
    const pairs = await api.all('/mentoring/pairings', { ...q, year })
    const notes = await Promise.all(pairs.map((p) => api.all(`/mentoring/pairings/${p.id}/notes`)))
    const loads = Object.values(count(pairs, (p) => p.mentor.personId)).sort()
    f.mentoring[year] = { pairs: pairs.length, mentors: loads.length, loads, notes: notes.flat().length,
      mentees: sorted(pairs.map((p) => names.get(p.mentee.personId))), byStatus: count(pairs, (p) => p.status) }
  }

  const incidents = await api.all('/negative-list/incidents', q)
  f.incidents = sorted(s(incidents))

  const records = await api.all('/use-records', q)
  f.useRecords = {
    summary: s(await api.get('/use-records/summary', q)),
    each: sorted(records.map((r) => [r.kind, r.detail, r.title, r.decidedOn])),
    // the best of the latest half-year are ordered by score, then by person id where two scores are equal
    // (DemoCycles.use); the demo's 2025-H2 has no two equal scores among them, so who gets which record is
    // decided by the seed alone and compared by name (a tie there would make this figure differ by chance)
    who: sorted(records.map((r) => [names.get(r.personId), r.kind, r.title])),
  }
  return f
}

// The demo district's two past half-years through the REST API: what DemoCycles.java
// (bundles/org.touyan.evaluation, internal/demo) makes through the evaluation rooms' services, from
// the same seed in the same order: 11 departments' scores for the 52 communities, the four reviews
// with 10 residents' ballots each, six half-year reports, closing (rate, assess, classify),
// publishing, measures, archiving, each year's mentoring pairs as proposed, two negative-list
// incidents and the use records.
import { JavaRandom, date, hashCode, plusDays, score } from './random.mjs'

const PERIODS = ['2025-H1', '2025-H2']
const SEED = 20251231
const RATERS = ['ORGANIZATION', 'CIVIL_AFFAIRS', 'STREET']
const helped = (type) => type === 'POTENTIAL' || type === 'CARETAKER'

export async function loadCycles(api, { district }) {
  const communities = await api.all('/communities', { district: district.id })
  const departments = await api.all('/departments', { district: district.id, scores: true })
  const random = new JavaRandom(SEED)
  for (const period of PERIODS) {
    // each community's standing (60–98), which every score and review of the half-year reflects
    const standing = communities.map(() => 60 + random.nextDouble() * 38)
    // every department sees it with its own spread (±6), so stars spread over the levels
    const batches = departments.map((d) => ({ departmentId: d.id,
      scores: communities.map((k, i) => ({ communityId: k.id, score: score(standing[i] + (random.nextDouble() - 0.5) * 12) })) }))
    const cycle = await api.post('/evaluation-cycles', { districtId: district.id, period })
    const path = `/evaluation-cycles/${cycle.id}`
    await api.postMatching(path, path + '/open')
    for (const batch of batches) await api.post(path + '/scores', batch)
    await reviews(api, cycle, communities, standing)
    await dutyReports(api, cycle, communities, standing)
    await api.postMatching(path, path + '/close-scoring')
    // closing scoring rated, assessed and classified; the demo re-runs a part that found no plugin yet
    if ((await api.all(path + '/rating-runs')).length === 0) await api.post(path + '/rating-runs', { reason: '演示数据：插件就绪后评定' })
    if ((await api.all(path + '/assessments')).length === 0) await api.post(path + '/assessments')
    if ((await api.all(path + '/classifications')).length === 0) await api.post(path + '/classifications')
    await api.postMatching(path, path + '/publish')
    await measures(api, cycle)
    await api.postMatching(path, path + '/archive')
    // the model secretaries of a first half-year mentor in its year, those of a second half-year in the next
    await mentor(api, district, Number(period.slice(0, 4)) + (period.endsWith('H2') ? 1 : 0))
  }
  await incidents(api, communities)
  await useRecords(api, district)
}

/** Self-review a little above the standing, the street and the Organization Department near it, residents' ballots around it. */
async function reviews(api, cycle, communities, standing) {
  const random = new JavaRandom(SEED + hashCode(cycle.period))
  const path = `/evaluation-cycles/${cycle.id}`
  const review = (communityId, kind, around) =>
    api.post(path + '/reviews', { communityId, kind, score: score(around + (random.nextDouble() - 0.5) * 6) })
  for (const [i, k] of communities.entries()) {
    const s = standing[i]
    await review(k.id, 'SELF', s + 4)
    await review(k.id, 'STREET', s)
    await review(k.id, 'ORGANIZATION', s - 1)
    const { tokens } = await api.post(path + '/ballots', { communityId: k.id, count: 10 })
    for (const token of tokens) {
      const [de, neng, qin, ji, lian] = [0, 1, 2, 3, 4].map(() => score(s + (random.nextDouble() - 0.5) * 16))
      // a resident's ballot needs no login: the one-time token is its authentication
      await api.anonymousPost(`/ballots/${encodeURIComponent(token)}`, { de, neng, qin, ji, lian })
    }
  }
}

/** The half-year reports of the first six communities, scored on the spot by the three raters around the standing. */
async function dutyReports(api, cycle, communities, standing) {
  const path = `/evaluation-cycles/${cycle.id}`
  const on = cycle.period.slice(0, 4) + (cycle.period.endsWith('H1') ? '-06-20' : '-12-18')
  for (let i = 0; i < 6 && i < communities.length; i++) {
    const k = communities[i]
    await api.post(path + '/duty-reports', { communityId: k.id, reportedOn: on,
      summary: `${k.name}党组织书记${cycle.period}述职：年度重点任务推进情况、存在问题和下步打算。`,
      siteVisits: `实地走访居民${10 + i * 2}户、辖区单位3家`, interviews: `个别谈话“两委”成员和网格员${4 + (i % 3)}人`,
      documents: '查阅会议记录、工作台账和民生项目资料' })
    for (const [j, rater] of RATERS.entries()) {
      await api.post(`${path}/duty-reports/${k.id}/scores`, { rater, score: score(standing[i] + j - 1) })
    }
  }
}

/** Each model secretary's 书记工作室, two backbone secretaries' 书记工作法, three helped secretaries' one-on-one help. */
async function measures(api, cycle) {
  const path = `/evaluation-cycles/${cycle.id}`
  const from = cycle.period.slice(0, 4) + (cycle.period.endsWith('H1') ? '-07-10' : '-12-28')
  let backbone = 0
  let helpedCount = 0
  for (const p of await api.all(path + '/classifications')) {
    if (p.type === 'MODEL') {
      await api.post(path + '/measures', { personId: p.personId, kind: 'STUDIO', title: `书记工作室（${cycle.period}）`,
        followedBy: '区委组织部组织科', startedOn: from, note: '挂牌运行，每月开放一次' })
    } else if (p.type === 'BACKBONE' && backbone < 2) {
      backbone++
      await api.post(path + '/measures', { personId: p.personId, kind: 'METHOD', title: '社区议事“三步工作法”', followedBy: '区委组织部组织科', startedOn: from })
    } else if (helped(p.type) && p.helperId != null && helpedCount < 3) {
      helpedCount++
      await api.post(path + '/measures', { personId: p.personId, kind: 'ONE_ON_ONE', title: '一对一帮扶计划', startedOn: from,
        note: '每月到社区指导一次，重点补齐基础工作短板' })
    }
  }
}

/** Confirms the proposed pairs of the year, and notes the first pair's progress. */
async function mentor(api, district, year) {
  const startedOn = date(year, 1, 15)
  const proposal = await api.post('/mentoring/proposals', { districtId: district.id, year })
  for (const [i, p] of proposal.pairs.entries()) {
    const pair = await api.post('/mentoring/pairings', { districtId: district.id, year, mentorId: p.mentor.personId, menteeId: p.mentee.personId, startedOn })
    if (i === 0) await api.post(`/mentoring/pairings/${pair.id}/notes`, { notedOn: plusDays(startedOn, 30), note: '治理联抓：红领导师到社区参加居民议事会，共商停车难题' })
  }
}

/** Two lighter incidents of 2025-H2, each followed up once: the first rectified, the second still being rectified. */
async function incidents(api, communities) {
  const cases = [['N01', '2025-09-12', '入户走访流于形式，走访记录与实际不符', '街道督查记录', true],
    ['N05', '2025-10-20', '居民反映的楼道照明问题两周未回应', '12345热线工单', false]]
  for (const [i, [item, occurredOn, description, evidence, rectified]] of cases.entries()) {
    const k = communities[communities.length - 1 - i * 7]
    const [post] = await api.all('/posts', { unit: k.id, kind: 'COMMUNITY_SECRETARY', current: true })
    const incident = await api.post('/negative-list/incidents', { personId: post.personId, occurredOn, items: [item], description,
      evidence: [evidence, '谈话记录'], deadline: plusDays(occurredOn, 30) })
    await api.postMatching(`/negative-list/incidents/${incident.id}`, `/negative-list/incidents/${incident.id}/follow-ups`, {
      checkedOn: plusDays(occurredOn, 25), note: rectified ? '已完成整改，居民满意' : '已约谈提醒，整改推进中', rectified })
  }
}

/** Honours, candidacies and nominations for the latest half-year's best without an open incident, and the 8 recruitments. */
async function useRecords(api, district) {
  const latest = (await api.all('/evaluation-cycles', { district: district.id })).sort((a, b) => (a.period < b.period ? 1 : -1))[0]
  const path = `/evaluation-cycles/${latest.id}`
  const scores = new Map((await api.all(path + '/assessments')).filter((a) => a.score != null).map((a) => [a.personId, Number(a.score)]))
  const open = new Set((await api.all('/negative-list/incidents', { district: district.id })).filter((i) => i.status !== 'RECTIFIED').map((i) => i.personId))
  // by score, best first, then by person id as the demo breaks ties: ids are the platform's own,
  // so which of two equal scores comes first may differ from the built-in demo's (the test says so)
  const best = (await api.all(path + '/classifications')).filter((p) => p.type != null && !helped(p.type)).map((p) => p.personId)
    .filter((p) => !open.has(p))
    .sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
  const basis = latest.period + ' 星级评定与四评结果'
  const incentives = [['HONOUR', null, '优秀社区党组织书记'], ['HONOUR', null, '优秀社区党组织书记'], ['HONOUR', null, '“最美社区书记”'],
    ['DELEGATE', 'PEOPLES_CONGRESS', '区人大代表人选'], ['DELEGATE', 'CPPCC', '区政协委员人选'],
    ['TRAINING', 'PROVINCE', '省级示范骨干社区书记进修班'], ['TRAINING', 'NATIONAL', '全国城市社区党组织书记示范培训']]
  for (let i = 0; i < incentives.length && i < best.length; i++) {
    const [kind, detail, title] = incentives[i]
    await api.post('/use-records', { personId: best[i], kind, detail, title, decidedOn: '2026-01-20', basis })
  }
  for (let i = 0; i < 8 && i < best.length; i++) {
    await api.post('/use-records', { personId: best[best.length - 1 - i], kind: 'RECRUITMENT', title: '街道事业编制人员（社区党组织书记专项招聘）',
      decidedOn: date(2025, 12, 1 + i), basis: '从优秀社区党组织书记中选聘' })
  }
}

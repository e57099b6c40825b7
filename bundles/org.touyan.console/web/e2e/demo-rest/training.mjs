// The demo district's 2026 training year through the REST API: what DemoTraining.java
// (bundles/org.touyan.training) makes through the training services, from the same seed in the
// same order: the 1+1+N plan, sessions and attendance, 12 exchange events held (a 13th to come),
// 10 shadowing placements, 14 dispatches to 塘桥街道 and 32 experience-transfer projects.
import { ApiError } from './client.mjs'
import { JavaRandom, compare, date, plusDays, plusMonths, shuffle, today } from './random.mjs'

const SEED = 20260518
const YEAR = 2026
const BRANDS = [['DC', '小灶课堂'], ['XC', '治理小剧场'], ['NH', '湖畔夜校'], ['BY', '书记微讲堂'], ['XF', '幸福工作坊']]
const BRAND_FORMATS = { DC: ['专题讲座', '案例研讨', '现场教学'], XC: ['情景剧', '复盘研讨'], NH: ['夜校讲座', '小组讨论'], BY: ['微讲堂', '互评'], XF: ['工作坊', '实地走访'] }
const BRAND_COURSES = { DC: '网格治理', XC: '物业纠纷调解情景剧', NH: '居民议事规则', BY: '书记工作法', XF: '老旧小区改造' }
const TEACHERS = ['区委党校 王教授', '区民政局 业务骨干', '优秀社区书记 代表', '区委组织部 讲师', '区纪委监委 讲师']
const THEMES = ['社区活动我来谈', '社区阵地我来学', '社区治理我来讲', '社区服务我来评']
const PROJECT_THEMES = ['“家门口”服务站', '楼组自治', '睦邻中心', '社区规划师', '党建服务站点', '居民议事会', '邻里互助', '社区基金']

/** The district's serving secretaries by street and community name, as training's Directory lists them. */
export async function secretaries(api, districtId) {
  const streets = new Map((await api.all('/streets', { district: districtId })).map((s) => [s.id, s]))
  const communities = new Map((await api.all('/communities', { district: districtId })).map((k) => [k.id, k]))
  const found = []
  for (const post of await api.all('/posts', { district: districtId, kind: 'COMMUNITY_SECRETARY', current: true })) {
    const k = communities.get(post.unitId)
    if (!k) continue
    const s = streets.get(k.streetId)
    found.push({ personId: post.personId, communityId: k.id, communityName: k.name, streetId: s.id, streetName: s.name })
  }
  return found.sort((a, b) => compare(a.streetName, b.streetName) || compare(a.communityName, b.communityName))
}

export async function loadTraining(api, { district, streets }) {
  const random = new JavaRandom(SEED)
  const now = today()
  const all = await secretaries(api, district.id)
  const sample = (n) => shuffle([...all], random).slice(0, n).map((s) => s.personId)

  /** Enrols everyone and records who came (a session still to come has no attendance); at brand sessions some leave early. */
  const attend = async (course, session, people, rate, partly) => {
    await api.post(`/training/courses/${course.id}/enrolments`, { personIds: people })
    if (session.date > now) return
    let csv = 'personId,hours\n'
    for (const person of people) {
      if (random.nextDouble() < rate) {
        // BigDecimal hours - 0.7 of a whole number of hours
        const hours = partly && random.nextInt(4) === 0 ? (Number(session.hours) - 0.7).toFixed(1) : String(session.hours)
        csv += `${person},${hours}\n`
      }
    }
    await api.postCsv(`/training/sessions/${session.id}/attendance/import`, csv)
  }
  const session = (course, input) => api.post(`/training/courses/${course.id}/sessions`, input)

  const plan = await api.post('/training/plans', { districtId: district.id, year: YEAR, requiredHours: 24,
    brands: BRANDS.map(([code, name]) => ({ streetId: streets[code].id, name })) })
  const codeOf = (streetId) => Object.keys(streets).find((c) => streets[c].id === streetId)
  for (const p of plan.programmes) {
    if (p.kind === 'ANNUAL') {
      // 头雁领航: one week in May, a 3-hour session a day, one course kind each
      for (const [i, k] of p.courses.entries()) {
        const s = await session(k, { date: date(YEAR, 5, 11 + i), place: '区委党校报告厅', teacher: TEACHERS[i],
          format: i === 3 ? '情景模拟' : i === 2 ? '案例分析' : '专家辅导', hours: 3 })
        await attend(k, s, all.map((x) => x.personId), 0.92, false)
      }
    } else if (p.kind === 'QUARTERLY') {
      // 精治社工: a lecture a quarter; the fourth is still to come
      for (const [q, k] of p.courses.entries()) {
        const s = await session(k, { date: date(YEAR, 3 * q + 3, 20), place: '区党群服务中心', teacher: '精治社工讲师团', format: '专题讲座', hours: 4 })
        await attend(k, s, all.map((x) => x.personId), 0.85, false)
      }
    } else {
      // a street brand's sessions, in the formats of the brand plugin bound for the street
      const code = codeOf(p.streetId)
      const k = p.courses[0] ?? await api.post(`/training/programmes/${p.id}/courses`, { title: p.name + '·' + BRAND_COURSES[code] })
      const local = all.filter((x) => x.streetId === p.streetId).map((x) => x.personId)
      for (const [i, format] of BRAND_FORMATS[code].entries()) {
        const s = await session(k, { date: date(YEAR, 4 + 2 * i, 8), place: '街道党群服务中心', teacher: '街道工委讲师', format, hours: 2 })
        await attend(k, s, local, 0.9, true)
      }
    }
  }

  // 12 held: 6 monthly forums, 2 quarterly salons, one activity of each theme; the next forum is still to come
  const event = (kind, theme, title, day, place, participants, speakers, record) => {
    const participantIds = sample(participants)
    const speakerIds = sample(speakers)
    return api.post('/exchange-events', { districtId: district.id, kind, theme, title, date: day, place, participantIds, speakerIds, record })
  }
  for (let m = 1; m <= 6; m++) await event('FORUM', null, `幸福论坛第${m}期`, date(YEAR, m + 4, 16), '区党群服务中心', 8, 2, '书记们围绕社区治理难点交流经验。')
  await event('FORUM', null, '幸福论坛第7期', plusMonths(now, 1), '区党群服务中心', 8, 2, null)
  for (let q = 1; q <= 2; q++) await event('SALON', null, `书记沙龙（第${'一二'[q - 1]}季）`, date(YEAR, 3 * q + 3, 28), '书记工作室', 10, 3, '圆桌座谈，分享工作法。')
  for (const [t, theme] of THEMES.entries()) await event('ACTIVITY', theme, theme, date(YEAR, 7 + t, 9), '示范社区', 12, 2, '现场观摩、经验分享。')

  // 10 secretaries for a month in 上海 or 厦门; those back have reported
  const others = shuffle([...all], random)
  for (let i = 0; i < 10; i++) {
    const shanghai = i % 2 === 0
    const startDate = date(YEAR, 3 + i, 1)
    const endDate = plusDays(plusMonths(startDate, 1), -1)
    const placed = await api.post('/shadowing', { districtId: district.id, personId: others[i].personId, city: shanghai ? '上海市' : '厦门市',
      host: shanghai ? '上海市浦东新区塘桥街道' : '厦门市思明区嘉莲街道', startDate, endDate })
    if (endDate <= now) {
      await api.postMatching(`/shadowing/${placed.id}`, `/shadowing/${placed.id}/report`, { report: '跟班学习一个月，学习网格化治理和社区服务经验。' })
    }
  }

  // 14 dispatched to 塘桥街道 since last year, a month each; the programme refuses some, who are passed over
  const contents = (await api.get('/pairing/programme', { district: district.id })).contents.map((c) => c.code)
  const made = []
  for (const s of shuffle([...all], random)) {
    if (made.length >= 14) break
    const startDate = plusMonths(date(YEAR - 1, 6, 1), made.length)
    try {
      made.push({ secretary: s, dispatch: await api.post('/pairing/dispatches', { districtId: district.id, personId: s.personId,
        contentCode: contents[made.length % contents.length], startDate, endDate: plusDays(plusMonths(startDate, 1), -1) }) })
    } catch (refused) {
      if (!(refused instanceof ApiError) || refused.status !== 422) throw refused
    }
  }
  for (const { dispatch } of made) {
    if (dispatch.endDate <= now) {
      await api.postMatching(`/pairing/dispatches/${dispatch.id}`, `/pairing/dispatches/${dispatch.id}/report`, { fields: {
        learned: '学习了塘桥街道的社区治理经验。', practices: '“家门口”服务体系、楼组自治。', plan: '结合本社区实际，形成转化项目。' } })
    }
  }

  // 32 projects owned by the dispatched secretaries, in various states, each graded by the programme
  for (let i = 0; i < 32; i++) {
    const owner = made[i % made.length].secretary
    const milestones = 3 + random.nextInt(4)
    const p = await api.post('/pairing/projects', { districtId: district.id, title: owner.communityName + PROJECT_THEMES[i % PROJECT_THEMES.length] + '经验转化',
      ownerId: owner.personId, communityId: owner.communityId, milestones })
    const progress = (body) => api.postMatching(`/pairing/projects/${p.id}`, `/pairing/projects/${p.id}/progress`, body)
    switch (i % 4) {
      case 0: await progress({ milestonesDone: milestones, status: 'COMPLETED', outcome: '形成可复制的工作法，居民满意度提升。' }); break
      case 1: await progress({ milestonesDone: 1 + random.nextInt(milestones - 1), status: 'IN_PROGRESS' }); break
      case 2: await progress({ milestonesDone: 0, status: 'IN_PROGRESS' }); break
      default: // still being planned
    }
    await api.postMatching(`/pairing/projects/${p.id}`, `/pairing/projects/${p.id}/assessment`)
  }
  return plan
}

// End-to-end tests of the record forms (a negative-list incident, a use record, a half-year report):
// each checks what it can before it sends and shows the platform's refusal at its field; a
// secretary's own placements, dispatches and projects on their record, read from their own lists;
// and the 评 screens paging on the server (ratings, the score sheet) with nothing typed lost.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { choose, field, fieldError, login, typeDate, until } from './browser.mjs'
import { demoDistrict, NEW_PASSWORD } from './fixture.mjs'
import { apiSession, openCycle } from './platform.mjs'

const YEAR = new Date().getFullYear()
const pad = (n) => String(n).padStart(2, '0')
const localDate = (days = 0) => { const d = new Date(Date.now() + days * 86400000); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` }

let d, platform, admin, district, street, users, open
/** street A's people: serving secretaries without an open incident, and someone who is not a secretary */
let people, secretaries, secretaryOf, worker

before(async () => {
  d = await demoDistrict()
  ;({ platform, admin, district, street, users } = d)
  open = await openCycle(platform, `${YEAR}-H2`)
  people = (await admin.get('/people', { street: street.id, limit: 500 })).items
  const posts = (await admin.get('/posts', { kind: 'COMMUNITY_SECRETARY', current: true, street: street.id, limit: 500 })).items
  const openIncidents = new Set()
  for (const status of ['RECTIFYING', 'ADJUSTING']) {
    for (const i of (await admin.get('/negative-list/incidents', { district: district.id, status, limit: 500 })).items) openIncidents.add(i.personId)
  }
  // a name the person picker can be told apart by: no other name of the street contains it
  const distinct = (p) => people.filter((x) => x.name.includes(p.name)).length === 1
  secretaryOf = new Map(posts.map((p) => [p.personId, p.unitId]))
  secretaries = people.filter((p) => secretaryOf.has(p.id) && !openIncidents.has(p.id) && p.id !== users.SECRETARY.person && distinct(p))
  worker = people.find((p) => !secretaryOf.has(p.id) && distinct(p))
  assert.ok(secretaries.length >= 3 && worker, 'the demo street has secretaries and other people')
})

after(async () => {
  await d?.stop()
})

const asAdmin = async () => {
  const p = await d.page()
  await login(p, platform.base, users.DISTRICT_ADMIN.login, users.DISTRICT_ADMIN.password)
  return p
}

/** The POSTs a page sends to a path, counted as they leave. */
function posts(p, path) {
  const sent = []
  p.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/api' + path) sent.push(r.postDataJSON()) })
  return sent
}

async function pickPerson(p, dialog, person) {
  await choose(p, dialog + ' [data-test=pick-street]', street.name)
  await choose(p, dialog + ' [data-test=pick-person]', person.name)
}

describe('recording in the console', () => {
  test('a negative-list incident: checked before it is sent, a refusal at its field, then recorded with the verdict', async () => {
    const p = await asAdmin()
    const sent = posts(p, '/negative-list/incidents')
    await p.goto(platform.base + '/use/negative-list')
    await p.click('[data-test=incident-new]')
    const dialog = p.locator('[data-test=incident-dialog]')
    await dialog.waitFor()
    await p.click('[data-test=incident-save]')
    await dialog.locator('.el-form-item__error').first().waitFor()
    assert.equal(await fieldError(dialog, '姓名'), '请选择人员')
    assert.equal(await fieldError(dialog, '发生日期'), '此项必填')
    assert.equal(await fieldError(dialog, '负面情形'), '请至少选择一项负面清单情形')
    assert.equal(await fieldError(dialog, '情况'), '此项必填')
    assert.match(await fieldError(dialog, '证据'), /佐证材料/)
    assert.equal(await fieldError(dialog, '整改期限'), '')
    assert.equal(sent.length, 0, 'nothing leaves while the form is wrong')

    // a deadline before the day it happened: stopped at the deadline
    const catalogue = (await admin.get('/negative-list', { district: district.id })).items
    await typeDate(dialog.locator('input[name=occurredOn]'), localDate(-3))
    await choose(p, '[data-test=incident-dialog] [data-test=incident-items]', catalogue[0].code + ' ')
    await p.keyboard.press('Escape')
    await field(dialog, 'incident-description').fill('未按规定召开组织生活会')
    await field(dialog, 'incident-evidence').fill('会议记录缺失\n\n  群众来信一封  ')
    await typeDate(dialog.locator('input[name=deadline]'), localDate(-5))
    await pickPerson(p, '[data-test=incident-dialog]', worker)
    await p.click('[data-test=incident-save]')
    await until(async () => (await fieldError(dialog, '整改期限')) !== '')
    assert.equal(await fieldError(dialog, '整改期限'), '整改期限应晚于发生日期')
    assert.equal(await fieldError(dialog, '负面情形'), '')
    assert.equal(sent.length, 0)

    // someone who is not a serving secretary: the platform's 422 at the person, what was typed kept
    await dialog.locator('input[name=deadline]').fill('')
    await dialog.locator('input[name=deadline]').press('Enter')
    await p.click('[data-test=incident-save]')
    await until(async () => /在任社区党组织书记/.test(await fieldError(dialog, '姓名')))
    assert.equal(sent.length, 1)
    assert.equal(await field(dialog, 'incident-description').inputValue(), '未按规定召开组织生活会')

    const target = secretaries[0]
    await choose(p, '[data-test=incident-dialog] [data-test=pick-person]', target.name)
    await p.click('[data-test=incident-save]')
    await dialog.waitFor({ state: 'hidden' })
    assert.deepEqual(sent[1].evidence, ['会议记录缺失', '群众来信一封'], 'one piece of evidence a line, blank lines left out')
    const recorded = (await admin.get('/negative-list/incidents', { person: target.id })).items
    assert.equal(recorded.length, 1)
    assert.deepEqual(recorded[0].items.map((i) => i.code), [catalogue[0].code])
    assert.equal(recorded[0].occurredOn, localDate(-3))
    await p.waitForSelector(`[data-test=incidents] .el-table__row:has-text("${target.name}")`)
    assert.ok((await p.textContent(`[data-test=incidents] .el-table__row:has-text("${target.name}")`)).includes(recorded[0].consequenceName))
    await p.close()
  })

  test('a use record: a delegate names its seat; an incentive for someone with an open incident is refused as the platform says', async () => {
    const p = await asAdmin()
    const sent = posts(p, '/use-records')
    await p.goto(platform.base + '/use/records')
    await p.click('[data-test=use-record-new]')
    const dialog = p.locator('[data-test=use-record-dialog]')
    await dialog.waitFor()
    await choose(p, '[data-test=use-record-dialog] [data-test=use-record-kind]', '两代表一委员')
    await p.click('[data-test=use-record-save]')
    await dialog.locator('.el-form-item__error').first().waitFor()
    assert.equal(await fieldError(dialog, '姓名'), '请选择人员')
    assert.equal(await fieldError(dialog, '类别明细'), '请选择类别明细')
    assert.equal(await fieldError(dialog, '事项'), '此项必填')
    assert.equal(await fieldError(dialog, '决定日期'), '此项必填')
    assert.equal(sent.length, 0)

    const target = secretaries[1]
    await pickPerson(p, '[data-test=use-record-dialog]', target)
    await choose(p, '[data-test=use-record-dialog] [data-test=use-record-detail]', '政协委员')
    await field(dialog, 'use-record-title').fill('区政协委员人选')
    await typeDate(dialog.locator('input[name=decidedOn]'), localDate(1))
    await p.click('[data-test=use-record-save]')
    await until(async () => (await fieldError(dialog, '决定日期')) === '不能晚于今天')
    await typeDate(dialog.locator('input[name=decidedOn]'), localDate(0))
    await p.click('[data-test=use-record-save]')
    await dialog.waitFor({ state: 'hidden' })
    const mine = (await admin.get('/use-records', { person: target.id })).items
    assert.ok(mine.some((r) => r.kind === 'DELEGATE' && r.detail === 'CPPCC' && r.title === '区政协委员人选' && r.decidedOn === localDate(0)), JSON.stringify(mine))
    await p.waitForSelector(`[data-test=use-table] .el-table__row:has-text("区政协委员人选")`)

    // the secretary with the incident just recorded: the platform's 409, shown as it says it; the form keeps its text
    await p.click('[data-test=use-record-new]')
    await dialog.waitFor()
    await pickPerson(p, '[data-test=use-record-dialog]', secretaries[0])
    await field(dialog, 'use-record-title').fill('优秀党务工作者推荐')
    await typeDate(dialog.locator('input[name=decidedOn]'), localDate(0))
    await p.click('[data-test=use-record-save]')
    await p.waitForSelector('.el-message--error')
    assert.match(await p.textContent('.el-message--error'), /负面清单/)
    assert.equal(await field(dialog, 'use-record-title').inputValue(), '优秀党务工作者推荐')
    assert.equal((await admin.get('/use-records', { person: secretaries[0].id })).items.filter((r) => r.title === '优秀党务工作者推荐').length, 0)
    await p.close()
  })

  test('a half-year report: its preparation is required, each part; a second one of the community is refused at the community', async () => {
    const p = await asAdmin()
    const sent = posts(p, `/evaluation-cycles/${open.id}/duty-reports`)
    await p.goto(platform.base + '/manage/duty-reports')
    await p.click('[data-test=duty-report-new]')
    const dialog = p.locator('[data-test=duty-report-dialog]')
    await dialog.waitFor()
    assert.ok((await dialog.textContent()).includes(`${YEAR}-H2`), 'the newest cycle, open')
    await p.click('[data-test=duty-report-save]')
    await dialog.locator('.el-form-item__error').first().waitFor()
    const faults = {}
    for (const f of ['社区', '述职日期', '述职内容', '实地走访', '个别谈话', '查阅资料']) faults[f] = await fieldError(dialog, f)
    // the community picker starts at the first community, so it has none
    assert.deepEqual(faults, { 社区: '', 述职日期: '此项必填', 述职内容: '此项必填', 实地走访: '此项必填', 个别谈话: '此项必填', 查阅资料: '此项必填' })

    const communityId = secretaryOf.get(secretaries[2].id)
    const community = (await admin.get('/communities/' + communityId))
    await choose(p, '[data-test=duty-report-dialog] [data-test=pick-community]', community.name)
    await typeDate(dialog.locator('input[name=reportedOn]'), localDate(0))
    await field(dialog, 'duty-summary').fill('半年来推进老旧小区加装电梯')
    await field(dialog, 'duty-siteVisits').fill('走访 12 户')
    await field(dialog, 'duty-documents').fill('台账齐全')
    await p.click('[data-test=duty-report-save]')
    await until(async () => (await dialog.locator('.el-form-item__error').count()) === 1)
    assert.equal(await fieldError(dialog, '个别谈话'), '此项必填')
    assert.equal(sent.length, 0)
    await field(dialog, 'duty-interviews').fill('个别谈话 5 人')
    await p.click('[data-test=duty-report-save]')
    await dialog.waitFor({ state: 'hidden' })
    const reports = (await admin.get(`/evaluation-cycles/${open.id}/duty-reports`)).items
    const report = reports.find((r) => r.communityId === communityId)
    assert.equal(report?.personId, secretaries[2].id, 'the community’s serving secretary reports')
    assert.equal(report.interviews, '个别谈话 5 人')
    await p.waitForSelector(`[data-test=duty-table] .el-table__row:has-text("${community.name}")`)

    await p.click('[data-test=duty-report-new]')
    await dialog.waitFor()
    await choose(p, '[data-test=duty-report-dialog] [data-test=pick-community]', community.name)
    await typeDate(dialog.locator('input[name=reportedOn]'), localDate(0))
    for (const f of ['summary', 'siteVisits', 'interviews', 'documents']) await field(dialog, 'duty-' + f).fill('再报一次')
    await p.click('[data-test=duty-report-save]')
    await until(async () => /已述职/.test(await fieldError(dialog, '社区')))
    assert.equal((await admin.get(`/evaluation-cycles/${open.id}/duty-reports`)).items.filter((r) => r.communityId === communityId).length, 1)
    await p.close()
  })
})

describe('a secretary’s own training', () => {
  test('their placements, dispatches and projects on their record, from their own lists only', async () => {
    const dispatched = (await admin.get('/pairing/dispatches', { district: district.id, limit: 500 })).items
    const serving = new Set((await admin.get('/posts', { kind: 'COMMUNITY_SECRETARY', current: true, limit: 500 })).items.map((p) => p.personId))
    const personId = dispatched.map((x) => x.personId).find((id) => serving.has(id))
    assert.ok(personId, 'the demo dispatches serving secretaries')
    const project = await admin.post('/pairing/projects', { districtId: district.id, title: '端到端睦邻点项目', ownerId: personId, communityId: null, milestones: 3 })
    let placement
    for (let y = YEAR - 2; !placement && y > YEAR - 6; y--) {
      placement = await admin.post('/shadowing', { districtId: district.id, personId, city: '上海市', host: '端到端接收单位', startDate: `${y}-03-01`, endDate: `${y}-03-20` }).catch(() => null)
    }
    assert.ok(placement)
    const issued = await admin.post('/users', { login: 'secretary2', displayName: 'secretary2', role: 'SECRETARY', person: personId })

    const p = await d.page()
    const read = []
    p.on('request', (r) => { if (r.url().includes('/api/training/people/')) read.push(new URL(r.url())) })
    await login(p, platform.base, 'secretary2', issued.oneTimePassword, NEW_PASSWORD)
    await p.goto(platform.base + '/mine')
    await p.waitForSelector('[data-test=person-training]')
    await p.waitForSelector('[data-test=mine-projects] .el-table__row')
    const mine = (path) => admin.get(`/training/people/${personId}/${path}`, { limit: 50 })
    const [dispatches, projects, placements] = await Promise.all([mine('dispatches'), mine('projects'), mine('shadowing')])
    assert.deepEqual(dispatches.items.map((x) => x.id).sort(), dispatched.filter((x) => x.personId === personId).map((x) => x.id).sort(), 'the person’s dispatches, those of the district’s list')
    assert.equal(await p.locator('[data-test=mine-dispatches] .el-table__row').count(), Math.min(5, dispatches.total))
    assert.equal(await p.locator('[data-test=mine-projects] .el-table__row').count(), Math.min(5, projects.total))
    assert.ok((await p.textContent('[data-test=mine-projects]')).includes(project.title))
    assert.equal(await p.locator('[data-test=mine-placements] .el-table__row').count(), Math.min(5, placements.total))
    assert.ok((await p.textContent('[data-test=mine-placements]')).includes('端到端接收单位'))
    assert.ok(read.length >= 3 && read.every((u) => u.pathname.startsWith(`/api/training/people/${personId}/`)), read.join())

    // the lists are the person's own: another's is a 404 to a secretary and to another street, an unknown person a 404 whatever the query
    const status = async (token, path) => (await fetch(platform.base + '/api' + path, { headers: { Authorization: `Bearer ${token}` } })).status
    const self = await apiSession(platform.base, 'secretary2', NEW_PASSWORD)
    const other = users.SECRETARY.person
    for (const list of ['shadowing', 'dispatches', 'projects']) {
      assert.equal(await status(self.token, `/training/people/${personId}/${list}`), 200)
      assert.equal(await status(self.token, `/training/people/${other}/${list}`), 404, 'another secretary’s ' + list)
      assert.equal(await status(admin.token, `/training/people/no-such-person/${list}?limit=abc`), 404)
      assert.equal(await status(admin.token, `/training/people/${personId}/${list}?limit=abc`), 400)
    }
    const own = await d.loggedIn('STREET_ADMIN')
    const streetToken = await own.evaluate(() => sessionStorage.getItem('touyan.token'))
    const ofStreet = people.some((x) => x.id === personId)
    assert.equal(await status(streetToken, `/training/people/${personId}/dispatches`), ofStreet ? 200 : 404)
    assert.equal(await status(streetToken, `/training/people/${secretaries[0].id}/dispatches`), 200, 'its own street’s secretary')
    await own.close()
    await p.close()
  })
})

describe('paging on the server in the 评 screens', () => {
  test('the ratings table reads a page at a time, of one level when asked', async () => {
    const cycle = (await admin.get('/evaluation-cycles', { district: district.id })).items.find((c) => c.period === '2025-H2')
    const all = await admin.get(`/evaluation-cycles/${cycle.id}/ratings`, { limit: 500 })
    const p = await asAdmin()
    const asked = []
    p.on('request', (r) => { const u = new URL(r.url()); if (u.pathname === `/api/evaluation-cycles/${cycle.id}/ratings`) asked.push(u.searchParams) })
    await p.goto(`${platform.base}/evaluate/ratings?cycle=${cycle.id}`)
    await p.waitForSelector('[data-test=rating-table] .el-table__row')
    const rows = p.locator('[data-test=rating-table] .el-table__body .el-table__row')
    const shownIds = async () => (await rows.locator('[data-test^=explanation-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test').substring('explanation-'.length))))
    assert.equal(await rows.count(), 20)
    assert.match(await p.textContent('[data-test=rating-pager] .el-pagination__total'), new RegExp(`\\b${all.total}\\b`))
    assert.deepEqual(await shownIds(), all.items.slice(0, 20).map((r) => r.communityId))
    await p.click('[data-test=rating-pager] .btn-next')
    await until(async () => asked.some((q) => q.get('offset') === '20'))
    await until(async () => (await shownIds())[0] === all.items[20].communityId)
    assert.deepEqual(await shownIds(), all.items.slice(20, 40).map((r) => r.communityId))
    assert.ok(asked.every((q) => Number(q.get('limit')) <= 100), 'never the whole cycle at once: ' + asked.map(String).join(' | '))

    const three = await admin.get(`/evaluation-cycles/${cycle.id}/ratings`, { stars: '3', limit: 500 })
    await choose(p, '[data-test=ratings-level]', '3星')
    await until(async () => asked.some((q) => q.get('stars') === '3'))
    await until(async () => (await p.textContent('[data-test=rating-pager] .el-pagination__total')).includes(String(three.total)))
    assert.deepEqual((await shownIds()).sort(), three.items.slice(0, 20).map((r) => r.communityId).sort())
    await p.close()
  })

  test('the score sheet reads a page of communities with their stored scores; what is typed on one page is sent with the next', async () => {
    const dep = users.DEPARTMENT_SCORER.department
    const communities = (await admin.get('/communities', { district: district.id, limit: 500 })).items
    const p = await d.loggedIn('DEPARTMENT_SCORER')
    const asked = []
    p.on('request', (r) => { const u = new URL(r.url()); if (u.pathname.startsWith('/api/communities') || u.pathname.endsWith('/scores')) asked.push(u) })
    await p.goto(`${platform.base}/evaluate/scores?cycle=${open.id}`)
    await p.waitForSelector('[data-test=score-sheet] tbody tr')
    const rows = p.locator('[data-test=score-sheet] tbody tr')
    await until(async () => (await rows.count()) === Math.min(50, communities.length))
    assert.match(await p.textContent('[data-test=sheet-pager] .el-pagination__total'), new RegExp(`\\b${communities.length}\\b`))
    // (the dashboard behind counts scores too, without communities)
    const scoresRead = asked.filter((u) => u.pathname.endsWith('/scores') && u.searchParams.has('community'))
    assert.equal(scoresRead.length, 1)
    assert.equal(scoresRead[0].searchParams.getAll('community').length, 50, 'the page’s stored scores in one request')
    const first = await rows.nth(0).getAttribute('data-community')
    await rows.nth(0).locator('[data-test=score-input]').fill('81')
    await p.click('[data-test=sheet-pager] .btn-next')
    await until(async () => asked.some((u) => u.pathname === '/api/communities' && u.searchParams.get('offset') === '50'))
    await until(async () => (await rows.count()) === communities.length - 50)
    const second = await rows.nth(0).getAttribute('data-community')
    assert.notEqual(second, first)
    await rows.nth(0).locator('[data-test=score-input]').fill('79')
    assert.match(await p.textContent('[data-test=score-sheet] .toolbar'), /待提交 2 项/)
    await p.click('[data-test=scores-save]')
    const stored = async () => new Map((await admin.get(`/evaluation-cycles/${open.id}/scores`, { department: dep, limit: 500 })).items.map((s) => [s.communityId, Number(s.score)]))
    await until(async () => (await stored()).size === 2)
    assert.equal((await stored()).get(first), 81)
    assert.equal((await stored()).get(second), 79)
    await p.click('[data-test=sheet-pager] .btn-prev')
    await until(async () => (await rows.nth(0).getAttribute('data-community')) === first)
    assert.equal(await rows.nth(0).locator('[data-test=score-input]').inputValue(), '81')
    await p.close()
  })
})

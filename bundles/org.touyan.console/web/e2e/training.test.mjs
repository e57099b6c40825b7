// End-to-end tests of the 育 screens: a brand session offers only its brand's formats, attendance
// shows in the credits (below the requirement highlighted), a dispatch the Tangqiao programme
// refuses shows its reason at the field, a project's progress, the year's report with its charts,
// and a street administrator kept to its own street whatever the address asks.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { choose, login, menuKeys } from './browser.mjs'
import { demoDistrict, idNumber, shot } from './fixture.mjs'

const YEAR = new Date().getFullYear()
let d, platform, admin, district, street, users
let plan, brand, session, person

before(async () => {
  d = await demoDistrict()
  ;({ platform, admin, district, street, users } = d)
  plan = await admin.get('/training/plans', { district: district.id, year: YEAR })
  brand = plan.programmes.find((p) => p.kind === 'BRAND' && p.streetId === street.id)
  assert.ok(brand?.formats?.length, 'the demo binds a brand for the first street')
})

after(async () => {
  await d?.stop()
})

const asAdmin = async () => {
  const p = await d.page()
  await login(p, platform.base, users.DISTRICT_ADMIN.login, users.DISTRICT_ADMIN.password)
  return p
}

/** The texts of an Element Plus select's options, opened and closed again. */
async function optionTexts(p, selector) {
  await p.click(selector)
  const list = await p.locator(selector + ' input').first().getAttribute('aria-controls')
  const options = p.locator(`[id="${list}"] .el-select-dropdown__item`)
  await options.first().waitFor({ state: 'visible' })
  const texts = (await options.allTextContents()).map((s) => s.trim())
  await p.keyboard.press('Escape')
  return texts
}

/** The input (or textarea) of a field marked data-test: Element Plus puts the mark on the input itself or on its wrapper. */
const field = (scope, name) => scope.locator(`[data-test=${name}]`).locator('xpath=descendant-or-self::*[self::input or self::textarea]').first()

async function typeDate(locator, value) {
  await locator.fill(value)
  await locator.press('Enter')
}

async function until(check, ms = 15000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((ok) => setTimeout(ok, 250))) if (await check()) return
  assert.fail('timed out: ' + check)
}

const credits = async (q = {}) => (await admin.get('/training/credits', { district: district.id, year: YEAR, limit: 500, ...q })).items

describe('the training year in the console', () => {
  test('the district adds a course and a session to a street brand, offered only that brand’s formats', async () => {
    const p = await asAdmin()
    assert.ok((await menuKeys(p)).includes('trainingPlan'))
    await p.goto(platform.base + '/train/plan')
    await p.waitForSelector('[data-test=plan-summary]')
    await p.click(`#tab-${brand.id}`)
    const panel = p.locator(`[data-test=programme-${brand.id}]`)
    assert.deepEqual((await panel.locator('[data-test=programme-format]').allTextContents()).map((s) => s.trim()), brand.formats)

    // a course without a title: the platform's refusal at the title
    await panel.locator('[data-test=course-add]').click()
    await panel.locator('.el-form-item__error').first().waitFor()
    await field(panel, 'course-title').fill('端到端课程')
    await panel.locator('[data-test=course-add]').click()
    await until(async () => (await admin.get('/training/plans/' + plan.id)).programmes.find((x) => x.id === brand.id).courses.some((c) => c.title === '端到端课程'))
    const course = (await admin.get('/training/plans/' + plan.id)).programmes.find((x) => x.id === brand.id).courses.find((c) => c.title === '端到端课程')

    await p.click(`[data-test=session-new-${course.id}]`)
    const dialog = p.locator('[data-test=session-dialog]')
    await dialog.waitFor()
    const offered = await optionTexts(p, '[data-test=session-dialog] [data-test=session-format]')
    assert.deepEqual(offered, brand.formats, 'only the brand’s formats')
    assert.ok(!offered.includes('专家辅导') || brand.formats.includes('专家辅导'), 'not the district’s own')
    await choose(p, '[data-test=session-dialog] [data-test=session-format]', brand.formats[brand.formats.length - 1])
    await typeDate(dialog.locator('.el-date-editor input'), `${YEAR - 1}-12-01`)
    await dialog.locator('input[name=place]').fill('社区党群服务中心')
    await dialog.locator('input[name=teacher]').fill('王老师')
    // a date outside the plan's year: the platform says so at the date
    await p.click('[data-test=session-save]')
    await dialog.locator('.el-form-item__error').first().waitFor()
    assert.match(await dialog.locator('.el-form-item__error').first().textContent(), new RegExp(String(YEAR)))
    const past = new Date(Date.now() - 3 * 864e5).toISOString().slice(0, 10)
    await typeDate(dialog.locator('.el-date-editor input'), past.startsWith(String(YEAR)) ? past : `${YEAR}-01-02`)
    await p.click('[data-test=session-save]')
    await until(async () => (await admin.get(`/training/courses/${course.id}/sessions`)).items.length === 1)
    session = (await admin.get(`/training/courses/${course.id}/sessions`)).items[0]
    assert.equal(session.format, brand.formats[brand.formats.length - 1])
    await p.locator(`[data-test=programme-${brand.id}] .el-table__expand-icon`).last().click()
    await p.waitForSelector(`[data-test=sessions-${course.id}] .el-table__row`)
    await shot(p, 'training-plan')
    await p.close()
  })

  test('attendance entered for the session shows in the credits, someone below the requirement highlighted', async () => {
    const before = await credits({ street: street.id })
    // the street's secretary furthest below the requirement (or the lowest, if all met)
    person = [...before].sort((a, b) => Number(a.credit) - Number(b.credit))[0]
    const p = await asAdmin()
    await p.goto(`${platform.base}/train/attendance?session=${session.id}`)
    await p.waitForSelector('[data-test=attendance-form]')
    // attendance is for people enrolled in the course: enrol first
    await p.click('.el-tabs__item:has-text("报名")')
    await choose(p, '[data-test=enrol-people]', person.name)
    await p.keyboard.press('Escape')
    await p.click('[data-test=enrol-save]')
    await until(async () => (await admin.get(`/training/courses/${session.courseId}/enrolments`)).personIds.includes(person.personId))
    await p.waitForFunction((name) => document.querySelector('[data-test=enrolled]')?.textContent?.includes(name), person.name)
    await p.click('.el-tabs__item:has-text("登记签到")')
    await choose(p, '[data-test=attendance-form] [data-test=pick-street]', street.name)
    await choose(p, '[data-test=attendance-form] [data-test=pick-person]', person.name)
    await field(p, 'attendance-hours').fill('1')
    await p.click('[data-test=attendance-save]')
    await p.waitForSelector(`[data-test=attended-${person.personId}]`)
    const recorded = (await admin.get(`/training/sessions/${session.id}/attendance`)).items.find((a) => a.personId === person.personId)
    assert.ok(recorded, 'the attendance is stored')

    // an import with a faulty row: refused whole, each row listed, nothing written
    await p.click('.el-tabs__item:has-text("批量导入")')
    await p.setInputFiles('[data-test=attendance-file]', { name: 'attendance.csv', mimeType: 'text/csv', buffer: Buffer.from(`personId,hours\n${before[1]?.personId ?? person.personId},1\nno-such-person,1\n`) })
    await p.click('[data-test=attendance-upload]')
    await p.waitForSelector('[data-test=import-errors] .el-table__row')
    assert.equal((await admin.get(`/training/sessions/${session.id}/attendance`)).items.length, 1, 'nothing of the refused file is written')
    await shot(p, 'attendance')

    const now = (await credits({ street: street.id })).find((c) => c.personId === person.personId)
    assert.equal(Number(now.credit), Number(person.credit) + Number(recorded.credit))
    await p.goto(`${platform.base}/train/credits?street=${street.id}`)
    const cell = p.locator(`[data-test=credit-${person.personId}]`)
    await cell.waitFor()
    const row = p.locator('[data-test=credits-table] .el-table__body tr', { has: cell })
    assert.match(await row.textContent(), new RegExp(String(Number(now.credit))))
    // a secretary below the requirement: the row is highlighted with the hours still missing
    const short = (await credits({ street: street.id })).filter((c) => !c.met)
    assert.ok(short.length > 0, 'the street has secretaries below the requirement')
    for (const c of short) {
      const r = p.locator('[data-test=credits-table] .el-table__body tr', { has: p.locator(`[data-test=credit-${c.personId}]`) })
      assert.match(await r.getAttribute('class'), /row-unmet/)
      assert.match(await r.textContent(), new RegExp(String(Number(c.required) - Number(c.credit)).replace('.', '\\.')))
    }
    const met = (await credits({ street: street.id })).find((c) => c.met)
    if (met) assert.doesNotMatch(await p.locator('[data-test=credits-table] .el-table__body tr', { has: p.locator(`[data-test=credit-${met.personId}]`) }).getAttribute('class'), /row-unmet/)
    await shot(p, 'credits')
    await p.click('[data-test=credits-unmet]')
    await until(async () => (await p.locator('[data-test=credits-table] .el-table__body tr').count()) === short.length)
    await p.close()
  })

  test('a dispatch the Tangqiao programme refuses shows its reason at the person; a project’s progress is recorded', async () => {
    // someone who has never been a community secretary: the programme wants a year in post
    const community = (await admin.get('/communities', { limit: 500 })).items.find((c) => c.streetId === street.id)
    const newcomer = await admin.post('/people', { districtId: district.id, name: '新任委员', gender: '女', birthDate: '1992-05-06', idNumber: idNumber('1992-05-06', 732), phone: '13800000731' })
    await admin.post(`/people/${newcomer.id}/posts`, { kind: 'COMMITTEE_MEMBER', unitId: community.id, startDate: `${YEAR}-03-01` })
    const count = async () => (await admin.get('/pairing/dispatches', { district: district.id, limit: 500 })).total
    const dispatches = await count()

    const p = await asAdmin()
    await p.goto(platform.base + '/train/pairing')
    await p.waitForSelector('[data-test=pairing-partner]')
    assert.match(await p.textContent('[data-test=pairing-partner]'), /塘桥/)
    await p.click('[data-test=dispatch-new]')
    const dialog = p.locator('[data-test=dispatch-dialog]')
    await choose(p, '[data-test=dispatch-dialog] [data-test=pick-street]', street.name)
    await choose(p, '[data-test=dispatch-dialog] [data-test=pick-person]', '新任委员')
    const dates = dialog.locator('.el-date-editor input')
    await typeDate(dates.nth(0), `${YEAR}-12-14`)
    await typeDate(dates.nth(1), `${YEAR}-12-31`)
    await p.click('[data-test=dispatch-save]')
    const personItem = dialog.locator('.el-form-item', { has: p.locator('[data-test=pick-person]') })
    await personItem.locator('.el-form-item__error').waitFor()
    assert.match(await personItem.locator('.el-form-item__error').textContent(), /不同意选派.*不满 1 年/)
    assert.equal(await count(), dispatches, 'nothing is dispatched')
    await shot(p, 'pairing')
    await p.keyboard.press('Escape')

    // progress of one of the 32 transfer projects
    await p.click('.el-tabs__item:has-text("经验转化项目")')
    await p.waitForSelector('[data-test=project-table] .el-table__row')
    const projects = (await admin.get('/pairing/projects', { district: district.id, limit: 500 })).items
    assert.equal(await p.locator('[data-test=project-table] .el-table__body tr').count(), projects.length)
    const project = projects.find((x) => x.milestonesDone < x.milestones)
    await p.click(`[data-test=project-progress-${project.id}]`)
    const progress = p.locator('[data-test=progress-dialog]')
    await field(progress, 'progress-done').fill(String(project.milestonesDone + 1))
    await field(progress, 'progress-done').press('Tab')
    await choose(p, '[data-test=progress-dialog] [data-test=progress-status]', '推进中')
    await field(progress, 'progress-outcome').fill('楼组议事会已覆盖全部楼栋')
    await p.click('[data-test=progress-save]')
    await until(async () => (await admin.get('/pairing/projects/' + project.id)).milestonesDone === project.milestonesDone + 1)
    const after = await admin.get('/pairing/projects/' + project.id)
    assert.equal(after.status, 'IN_PROGRESS')
    assert.equal(after.outcome, '楼组议事会已覆盖全部楼栋')
    await p.waitForFunction(([id, text]) => document.querySelector(`[data-test=progress-${id}]`)?.textContent?.includes(text),
      [project.id, `${after.milestonesDone}/${after.milestones}`])
    await p.close()
  })

  test('the year’s training report draws its charts, each section downloadable as CSV', async () => {
    const p = await asAdmin()
    await p.goto(platform.base + '/train/report')
    for (const chart of ['hours-chart', 'dispatch-chart', 'events-chart']) await p.waitForSelector(`[data-test=${chart}] canvas`)
    const report = await admin.get('/training-reports', { district: district.id, year: YEAR })
    assert.equal(await p.locator('[data-test=report-brands] .el-table__body tr').count(), report.brands.length)
    const [download] = await Promise.all([p.waitForEvent('download'), p.click('[data-test=download-streets]')])
    const { readFile } = await import('node:fs/promises')
    const csv = await readFile(await download.path(), 'utf8')
    assert.match(csv.replace(/^\ufeff/, ''), /^streetId,street,secretaries,credit,unmet/)
    assert.equal(csv.trim().split('\n').length, report.streets.length + 1)
    await shot(p, 'training-report')
    await p.close()
  })

  test('a street administrator sees only its own street and cannot open another’s by the address', async () => {
    const other = (await admin.get('/streets', { limit: 50 })).items.find((s) => s.id !== street.id)
    const p = await d.loggedIn('STREET_ADMIN')
    const keys = await menuKeys(p)
    assert.ok(keys.includes('credits') && keys.includes('pairing'))
    assert.ok(!keys.includes('trainingReport'), 'the report is the district’s')

    await p.goto(`${platform.base}/train/credits?street=${other.id}`)
    await p.waitForSelector('[data-test=credits-table] .el-table__body tr')
    assert.ok(await p.isDisabled('[data-test=pick-street-filter] input'), 'the street is fixed')
    const own = await credits({ street: street.id })
    assert.equal(await p.locator('[data-test=credits-table] .el-table__body tr').count(), own.length)
    for (const c of (await credits({ street: other.id })).slice(0, 5)) assert.equal(await p.locator(`[data-test=credit-${c.personId}]`).count(), 0)

    await p.goto(`${platform.base}/train/pairing?street=${other.id}`)
    await p.click('.el-tabs__item:has-text("经验转化项目")')
    const mine = (await admin.get('/pairing/projects', { district: district.id, street: street.id, limit: 500 })).items
    await until(async () => (await p.locator('[data-test=project-table] .el-table__body tr').count()) === mine.length)
    const theirs = (await admin.get('/pairing/projects', { district: district.id, street: other.id, limit: 500 })).items
    assert.ok(theirs.length > 0)
    assert.equal(await p.locator(`[data-test=progress-${theirs[0].id}]`).count(), 0)

    // the plan: its own brand opens first and is the only one it adds to
    await p.goto(platform.base + '/train/plan')
    await p.waitForSelector(`[data-test=programme-${brand.id}] [data-test=course-add]`)
    const otherBrand = plan.programmes.find((x) => x.kind === 'BRAND' && x.streetId === other.id)
    if (otherBrand) {
      await p.click(`#tab-${otherBrand.id}`)
      await p.waitForSelector(`[data-test=programme-${otherBrand.id}] [data-test=course-table]`)
      assert.equal(await p.locator(`[data-test=programme-${otherBrand.id}] [data-test=course-add]`).count(), 0)
    }
    await p.goto(platform.base + '/train/report')
    await p.waitForURL(platform.base + '/')
    await p.close()
  })

  test('a secretary sees their own credit of the year, and no one else’s', async () => {
    const own = (await credits()).find((c) => c.personId === users.SECRETARY.person)
    const p = await d.loggedIn('SECRETARY')
    await p.goto(platform.base + '/train/credits')
    await p.waitForSelector(`[data-test=credit-${own.personId}]`)
    assert.equal(await p.locator('[data-test=credits-table] .el-table__body tr').count(), 1)
    assert.match(await p.locator('[data-test=credits-table] .el-table__body tr').textContent(), new RegExp(String(Number(own.credit))))
    assert.equal(await p.locator('[data-test=pick-street-filter]').count(), 0)
    await p.close()
  })
})

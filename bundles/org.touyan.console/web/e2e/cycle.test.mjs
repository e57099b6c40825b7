// End-to-end tests of the 评 screens: cycles and their moves, a department's score sheet, the stars,
// and a staged formula's what-if before it is promoted; and that a street stays in its own street.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { choose, login, menuKeys } from './browser.mjs'
import { demoDistrict, shot } from './fixture.mjs'
import { FORMULA_BSN, FORMULA_POLICY, stricterFormula } from './formula.mjs'

let d, platform, admin, district, users
const cycles = {}

before(async () => {
  d = await demoDistrict()
  ;({ platform, admin, district, users } = d)
})

after(async () => {
  await d?.stop()
})

/** A move of a cycle through the API, as read (its ETag as If-Match), the way the console makes it. */
async function move(id, step) {
  const auth = { Authorization: `Bearer ${admin.token}` }
  const read = await fetch(`${platform.base}/api/evaluation-cycles/${id}`, { headers: auth })
  const answer = await fetch(`${platform.base}/api/evaluation-cycles/${id}/${step}`, {
    method: 'POST', headers: { ...auth, 'If-Match': read.headers.get('ETag'), 'Content-Type': 'application/json' }, body: '{}',
  })
  if (!answer.ok) throw new Error(`${step} ${id}: ${answer.status} ${await answer.text()}`)
  return answer.json()
}

/** Every scoring department scores every community it has not scored yet, from a fixed pattern. */
async function scoreAll(cycleId) {
  const communities = (await admin.get('/communities', { limit: 500 })).items
  const departments = (await admin.get('/departments', { limit: 100 })).items.filter((x) => x.scores)
  for (const [j, dep] of departments.entries()) {
    const done = new Set((await admin.get(`/evaluation-cycles/${cycleId}/scores`, { department: dep.id, limit: 500 })).items.map((s) => s.communityId))
    const scores = communities.filter((c) => !done.has(c.id)).map((c, i) => ({ communityId: c.id, score: 58 + ((i * 7 + j * 13) % 42) }))
    if (scores.length) await admin.post(`/evaluation-cycles/${cycleId}/scores`, { departmentId: dep.id, scores })
  }
}

/** Waits until a condition on the platform holds (a save travels after its click), failing after 15 s. */
async function until(check, ms = 15000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((ok) => setTimeout(ok, 250))) if (await check()) return
  assert.fail('timed out: ' + check)
}

async function confirmBox(p) {
  await p.locator('.el-message-box__btns .el-button--primary').click()
}

const asAdmin = async () => {
  const p = await d.page()
  await login(p, platform.base, users.DISTRICT_ADMIN.login, users.DISTRICT_ADMIN.password)
  return p
}

describe('the evaluation cycle in the console', () => {
  test('the district creates and opens a cycle and sees the versions it pins; a refused move shows the reason', async () => {
    const p = await asAdmin()
    assert.deepEqual((await menuKeys(p)).filter((k) => ['cycles', 'scores', 'ratings'].includes(k)), ['cycles', 'scores', 'ratings'])
    await p.click('[data-menu=cycles]')
    await p.waitForSelector('[data-test=cycle-table]')
    await p.click('[data-test=cycle-new]')
    const dialog = p.locator('[data-test=cycle-dialog]')
    await dialog.locator('input[name=period]').fill('2026-H1')
    await p.click('[data-test=cycle-save]')
    await p.waitForSelector('[data-test=status-2026-H1]')
    cycles.h1 = (await admin.get('/evaluation-cycles', { district: district.id })).items.find((c) => c.period === '2026-H1')
    assert.equal(cycles.h1.status, 'DRAFT')

    // the same half-year again: the platform's refusal in the dialog, which stays open with what was typed
    await p.click('[data-test=cycle-new]')
    await dialog.locator('input[name=period]').fill('2026-H1')
    await p.click('[data-test=cycle-save]')
    await p.waitForSelector('[data-test=cycle-form-error]')
    assert.match(await p.textContent('[data-test=cycle-form-error]'), /2026-H1/)
    assert.equal(await dialog.locator('input[name=period]').inputValue(), '2026-H1')
    await dialog.locator('.el-dialog__headerbtn').click()

    // opening pins every binding: the drawer names the formula's version
    await p.click('[data-test=step-2026-H1]')
    await confirmBox(p)
    await p.waitForSelector('[data-test=cycle-pins] .el-table__row')
    const pinned = (await admin.get(`/plugins/pins/${cycles.h1.pinKey}`, { limit: 500 })).items
    const formula = pinned.find((b) => b.bsn === FORMULA_BSN)
    assert.ok(formula, 'the district formula is pinned')
    const pins = await p.textContent('[data-test=cycle-pins]')
    assert.ok(pins.includes(FORMULA_BSN + ' ' + formula.version), pins)
    assert.equal(await p.locator('[data-test=cycle-pins] .el-table__body .el-table__row').count(), pinned.length)
    assert.equal((await admin.get('/evaluation-cycles/' + cycles.h1.id)).status, 'OPEN')
    await shot(p, 'cycles')
    await p.keyboard.press('Escape')

    // a cycle opened elsewhere after this screen read it: the platform's 409 is shown as it says it
    cycles.h2 = await admin.post('/evaluation-cycles', { districtId: district.id, period: '2026-H2' })
    await p.click('[data-test=cycle-refresh]')
    await p.waitForSelector('[data-test=step-2026-H2]')
    await move(cycles.h2.id, 'open')
    await p.click('[data-test=step-2026-H2]')
    await confirmBox(p)
    await p.waitForSelector('[data-test=cycle-refusal]')
    assert.match(await p.textContent('[data-test=cycle-refusal]'), /评分中（OPEN）/)
    await p.close()
  })

  test('a department scorer enters its column with the keyboard; a bad value is stopped before it is sent; a correction asks for a reason', async () => {
    const p = await d.loggedIn('DEPARTMENT_SCORER')
    assert.deepEqual(await menuKeys(p), ['dashboard', 'org', 'scores'])
    const dep = users.DEPARTMENT_SCORER.department
    const stored = async () => (await admin.get(`/evaluation-cycles/${cycles.h1.id}/scores`, { department: dep, limit: 500 })).items
    await p.goto(`${platform.base}/evaluate/scores?cycle=${cycles.h1.id}`)
    await p.waitForSelector('[data-test=score-sheet] tbody tr')
    assert.ok(await p.isDisabled('[data-test=pick-department] input'), 'a scorer scores its own department only')
    const rows = p.locator('[data-test=score-sheet] tbody tr')
    const ids = await rows.evaluateAll((trs) => trs.slice(0, 3).map((tr) => tr.getAttribute('data-community')))
    const input = (i, what = 'score-input') => rows.nth(i).locator(`[data-test=${what}]`)
    const focusedRow = () => p.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-community'))

    await input(0).click()
    await p.keyboard.type('85')
    await p.keyboard.press('Enter')
    assert.equal(await focusedRow(), ids[1], 'Enter goes down a row')
    await p.keyboard.type('150')
    await rows.nth(1).locator('[data-test=score-error]').waitFor()
    assert.match(await rows.nth(1).locator('[data-test=score-error]').textContent(), /0 至 100/)
    await p.click('[data-test=scores-save]')
    await p.waitForSelector('[data-test=sheet-message]')
    assert.equal((await stored()).length, 0, 'nothing is sent while a cell is wrong')

    await input(1).fill('90')
    await input(1).press('ArrowDown')
    assert.equal(await focusedRow(), ids[2], 'the arrow goes down a row')
    await p.keyboard.type('77.5')
    await p.click('[data-test=scores-save]')
    await until(async () => (await stored()).length === 3)
    assert.deepEqual((await stored()).map((s) => [s.communityId, Number(s.score)]).sort(), [[ids[0], 85], [ids[1], 90], [ids[2], 77.5]].sort())

    // a sent score changed: asked for its reason, kept until it has one
    await input(0).fill('88')
    await p.click('[data-test=scores-save]')
    await rows.nth(0).locator('[data-test=reason-error]').waitFor()
    assert.equal(Number((await stored()).find((s) => s.communityId === ids[0]).score), 85)
    await input(0).press('End')
    await input(0).press('ArrowRight')
    assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('data-test')), 'reason-input', 'the arrow goes across from the end of the value')
    await p.keyboard.type('录入时看错一行')
    await p.click('[data-test=scores-save]')
    await until(async () => Number((await stored()).find((s) => s.communityId === ids[0]).score) === 88)
    assert.equal(await rows.nth(0).locator('[data-test=reason-error]').count(), 0)
    assert.equal(Number((await stored()).find((s) => s.communityId === ids[0]).score), 88)
    const corrections = (await admin.get(`/evaluation-cycles/${cycles.h1.id}/corrections`)).items
    assert.ok(corrections.some((c) => c.communityId === ids[0] && c.reason === '录入时看错一行'), JSON.stringify(corrections))
    await shot(p, 'scores')

    // a CSV column with faulty rows: refused whole, each fault listed, nothing written
    await p.click('.el-tabs__item:has-text("CSV 导入")')
    await p.setInputFiles('[data-test=score-file]', { name: 'column.csv', mimeType: 'text/csv', buffer: Buffer.from(`communityId,score\n${ids[1]},95\nno-such-community,80\n${ids[2]},101\n`) })
    await p.click('[data-test=score-upload]')
    await p.waitForSelector('[data-test=import-errors] .el-table__row')
    assert.ok(await p.locator('[data-test=import-errors] .el-table__body .el-table__row').count() >= 2)
    assert.equal((await stored()).length, 3)
    await p.close()
  })

  test('the district closes scoring and sees the stars: the distribution and each community’s explanation', async () => {
    await scoreAll(cycles.h1.id)
    const p = await asAdmin()
    await p.goto(platform.base + '/evaluate/cycles')
    await p.click('[data-test=step-2026-H1]')
    await confirmBox(p)
    await p.waitForFunction(() => document.querySelector('[data-test=status-2026-H1]')?.textContent?.includes('评分结束'), null, { timeout: 60000 })
    await p.goto(`${platform.base}/evaluate/ratings?cycle=${cycles.h1.id}`)
    await p.waitForSelector('[data-test=stars-chart] canvas')
    await p.waitForSelector('[data-test=streets-chart] canvas')
    await p.waitForSelector('[data-test=rating-table] .el-table__row')
    const ratings = (await admin.get(`/evaluation-cycles/${cycles.h1.id}/ratings`, { limit: 500 })).items
    const first = await p.locator('[data-test=rating-table] .el-table__body .el-table__row').first().locator('[data-test^=explanation-]').getAttribute('data-test')
    const rating = ratings.find((r) => 'explanation-' + r.communityId === first)
    assert.ok(rating.explanation, 'the API explains the rating')
    assert.equal((await p.textContent(`[data-test=${first}]`)).trim(), rating.explanation)
    const provenance = await p.textContent(`[data-test=provenance-${rating.communityId}]`)
    assert.ok(provenance.includes(rating.provenance.bundle + ' ' + rating.provenance.version) && provenance.includes('r' + rating.provenance.bindingRevision), provenance)
    assert.match(await p.textContent('.el-pagination__total'), new RegExp(String(ratings.length)))
    assert.ok(await p.locator('[data-test=rating-runs] .el-table__row').count() >= 1)
    await shot(p, 'ratings')
    await p.close()
  })

  test('a plugin administrator changes a binding, stages a new formula, reads its what-if, promotes it, and a new cycle is rated by it', async () => {
    const before = (await admin.get('/plugins')).plugins.find((x) => x.bsn === FORMULA_BSN)
    const p = await d.loggedIn('PLUGIN_ADMIN')
    await p.click('[data-menu=plugins]')
    await p.waitForSelector('[data-test=plugin-table] .el-table__row')
    await p.waitForSelector('[data-test=binding-table] .el-table__row')

    // a binding's parameters: the platform's refusal next to the field, then a change it takes
    await p.locator('[data-test=binding-table] .el-table__row', { hasText: 'PairingProgramme' }).locator('button').click()
    const parameters = p.locator('[data-test=binding-dialog] textarea[data-test=binding-parameters]')
    await parameters.fill('参数 名=1')
    await p.click('[data-test=binding-save]')
    const fieldError = p.locator('[data-test=binding-dialog] .el-form-item:has([data-test=binding-parameters]) .el-form-item__error')
    await fieldError.waitFor()
    assert.match(await fieldError.textContent(), /参数名/)
    await parameters.fill('e2e.note=试点')
    await p.click('[data-test=binding-save]')
    await until(async () => (await admin.get('/plugins/bindings', { limit: 500 })).items.some((b) => b.spi === 'PairingProgramme' && b.parameters['e2e.note'] === '试点'))
    await p.click('[data-test=plugin-stage]')
    await p.setInputFiles('[data-test=plugin-upload] input[type=file]', { name: 'stricter.jar', mimeType: 'application/java-archive', buffer: stricterFormula('1.1.0') })
    await p.waitForSelector(`[data-test="what-if-${FORMULA_BSN}"]`)
    await p.click(`[data-test="what-if-${FORMULA_BSN}"]`)
    await p.waitForSelector('[data-test=what-if] [data-test=pick-cycle]')
    await choose(p, '[data-test=what-if] [data-test=pick-cycle]', '2026-H1')
    await p.click('[data-test=what-if-run]')
    await p.waitForSelector('[data-test=what-if-table] .el-table__row')
    await p.waitForSelector('[data-test=what-if-chart] canvas')
    const report = await admin.post(`/evaluation-cycles/${cycles.h1.id}/what-if`, { bsn: FORMULA_BSN, policyId: FORMULA_POLICY })
    assert.equal(report.candidateVersion, '1.1.0')
    assert.ok(report.changed > 0, 'the stricter version changes stars')
    const summary = await p.textContent('[data-test=what-if-summary]')
    assert.ok(summary.includes(before.version) && summary.includes('1.1.0') && summary.includes(`${report.changed} 个星级有变化`), summary)
    await p.click('[data-test=what-if-only-changed]')
    await p.waitForFunction((n) => document.querySelector('[data-test=what-if] .el-pagination__total')?.textContent?.includes(String(n)), report.changed)
    await shot(p, 'whatif')

    await p.click('[data-test=what-if-promote]')
    await confirmBox(p)
    await until(async () => (await admin.get('/plugins')).plugins.find((x) => x.bsn === FORMULA_BSN).version === '1.1.0')
    await p.close()

    // the cycle opened before the promotion keeps its pinned version; a new one is rated by 1.1.0
    cycles.next = await admin.post('/evaluation-cycles', { districtId: district.id, period: '2027-H1' })
    await move(cycles.next.id, 'open')
    await scoreAll(cycles.next.id)
    await move(cycles.next.id, 'close-scoring')
    const rated = (await admin.get(`/evaluation-cycles/${cycles.next.id}/ratings`, { limit: 500 })).items.find((r) => r.provenance?.bundle === FORMULA_BSN)
    assert.equal(rated.provenance.version, '1.1.0')
    const q = await asAdmin()
    await q.goto(`${platform.base}/evaluate/ratings?cycle=${cycles.next.id}&street=${rated.streetId}`)
    await q.waitForSelector(`[data-test=provenance-${rated.communityId}]`)
    assert.ok((await q.textContent(`[data-test=provenance-${rated.communityId}]`)).includes(`${FORMULA_BSN} 1.1.0`))
    assert.ok((await q.textContent(`[data-test=explanation-${rated.communityId}]`)).startsWith('从严评定'))
    await q.close()
  })

  test('a street administrator reads its own street’s stars only, whatever the address asks', async () => {
    const own = users.STREET_ADMIN.street
    const streets = (await admin.get('/streets', { limit: 50 })).items
    const other = streets.find((s) => s.id !== own)
    const p = await d.loggedIn('STREET_ADMIN')
    const keys = await menuKeys(p)
    assert.ok(keys.includes('cycles') && keys.includes('ratings') && !keys.includes('scores'), keys.join())
    await p.goto(`${platform.base}/evaluate/ratings?cycle=${cycles.h1.id}&street=${other.id}`)
    await p.waitForSelector('[data-test=rating-table] .el-table__row')
    await p.waitForSelector('[data-test=stars-chart] canvas')
    assert.ok(await p.isDisabled('[data-test=ratings-street] input'))
    assert.ok((await p.textContent('[data-test=ratings-street]')).includes(streets.find((s) => s.id === own).name))
    const mine = (await admin.get(`/evaluation-cycles/${cycles.h1.id}/ratings`, { street: own, limit: 500 })).items
    assert.match(await p.textContent('.el-pagination__total'), new RegExp(`\\b${mine.length}\\b`))
    const shownStreets = await p.locator('[data-test=rating-table] .el-table__body .el-table__row td:nth-child(3)').allTextContents()
    assert.ok(shownStreets.every((s) => s.trim() === streets.find((x) => x.id === own).name), shownStreets.join())
    assert.equal(await p.locator('[data-test=ratings-export]').count(), 0)
    assert.equal(await p.locator('[data-test=streets-chart]').count(), 0)
    // cycles read only: no moves, no pins (the API keeps both from a street)
    await p.goto(platform.base + '/evaluate/cycles')
    await p.waitForSelector('[data-test=status-2026-H1]')
    assert.equal(await p.locator('[data-test^=step-]').count(), 0)
    assert.equal(await p.locator('[data-test^=detail-]').count(), 0)
    // the score sheet is not a street's: the address goes back to the dashboard
    await p.goto(platform.base + '/evaluate/scores')
    await p.waitForSelector('[data-test=dashboard]')
    await p.close()
  })
})

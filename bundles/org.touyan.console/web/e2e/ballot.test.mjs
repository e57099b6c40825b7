// End-to-end: the four reviews and the residents' ballots. An administrator issues ballots and opens
// their QR sheet; a resident opens one on a phone-sized screen without logging in and votes once;
// each role gives the review the API lets it give.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { choose, menuKeys } from './browser.mjs'
import { demoDistrict, shot } from './fixture.mjs'
import { openCycle, waitFor } from './platform.mjs'

let d, platform, admin, users
let cycle, community, secretaryName
const PHONE = { width: 375, height: 667 }

/** A resident's request: no token at all. */
const anonymous = (method, path, body) => fetch(platform.base + '/api' + path, { method, body: body ? JSON.stringify(body) : undefined, headers: { 'Content-Type': 'application/json' } })

before(async () => {
  d = await demoDistrict()
  ;({ platform, admin, users } = d)
  // the demo's half-years are archived: a new half-year is opened for the reviews and ballots
  cycle = await openCycle(platform, '2026-H1')
  // the secretary user's own community: the one every role works on below
  const posts = await admin.get(`/people/${users.SECRETARY.person}/posts`)
  const post = (posts.items ?? posts).find((p) => p.kind === 'COMMUNITY_SECRETARY' && !p.endDate)
  community = await admin.get('/communities/' + post.unitId)
  secretaryName = (await admin.get('/people/' + users.SECRETARY.person)).name
})

after(async () => {
  await d?.stop()
})

/** The ballot addresses of the sheet last opened. */
let urls = []

describe("the residents' ballots", () => {
  test('the district administrator issues ballots for a community and gets a printable sheet of QR codes', async () => {
    const p = await d.loggedIn('DISTRICT_ADMIN')
    assert.ok((await menuKeys(p)).includes('ballots'))
    await p.click('[data-menu=ballots]')
    await p.waitForSelector('[data-test=issue-form]')
    await choose(p, '[data-test=pick-community]', community.name)
    await p.waitForFunction(() => document.querySelector('[data-test=tally-issued]')?.textContent?.trim() === '0')
    // not a number: refused at its field, nothing issued
    await p.fill('[data-test=issue-form] input[name=count]', '十二')
    await p.click('[data-test=issue]')
    await p.waitForSelector('[data-test=issue-form] .el-form-item.is-error input[name=count]')
    // out of range: the API's own detail, next to the field
    await p.fill('[data-test=issue-form] input[name=count]', '5000')
    await p.click('[data-test=issue]')
    await p.waitForFunction(() => /1000/.test(document.querySelector('[data-test=issue-form] .el-form-item.is-error .el-form-item__error')?.textContent ?? ''))
    assert.equal((await admin.get(`/evaluation-cycles/${cycle.id}/ballots/${community.id}`)).issued, 0)

    await p.fill('[data-test=issue-form] input[name=count]', '12')
    await p.click('[data-test=issue]')
    await p.waitForURL(/\/evaluate\/ballots\/sheet$/)
    await p.waitForSelector('[data-test=ticket]')
    const tickets = p.locator('[data-test=ticket]')
    assert.equal(await tickets.count(), 12)
    urls = await tickets.evaluateAll((els) => els.map((e) => e.getAttribute('data-url')))
    for (const url of urls) assert.match(url, new RegExp('^' + platform.base.replace(/[.:/]/g, '\\$&') + '/ballot/[A-Za-z0-9_-]{20,}$'))
    assert.equal(new Set(urls).size, 12, 'one token a ballot')
    assert.equal(await p.locator('[data-test=ticket] svg[data-test=qr] path').count(), 12)
    assert.ok((await p.locator('[data-test=ticket] svg[data-test=qr] path').first().getAttribute('d')).length > 500, 'the QR code is drawn')
    assert.ok((await tickets.first().textContent()).includes(community.name))
    assert.match(await p.locator('[data-test=ticket-label]').first().textContent(), /^№01 · [A-Za-z0-9_-]{6}/)
    assert.equal((await admin.get(`/evaluation-cycles/${cycle.id}/ballots/${community.id}`)).issued, 12)
    await shot(p, 'ballots-sheet')
    // printed, the sheet is the tickets alone
    await p.emulateMedia({ media: 'print' })
    assert.equal(await p.isVisible('[data-test=print]'), false)
    assert.equal(await p.isVisible('[data-test=ticket]'), true)
    await p.emulateMedia({ media: 'screen' })
    // a reload of the tab keeps the codes (they cannot be shown again); a new batch waits for this one
    await p.reload()
    await p.waitForSelector('[data-test=ticket]')
    assert.equal(await p.locator('[data-test=ticket]').count(), 12)
    await p.goto(platform.base + '/evaluate/ballots')
    await p.waitForSelector('[data-test=pending-batch]')
    assert.ok(await p.isDisabled('[data-test=issue]'))
    await p.close()
  })

  test('a resident opens a ballot on a phone without logging in, votes once and sees the thank-you page', async () => {
    const p = await d.page()
    await p.setViewportSize(PHONE)
    const loaded = []
    p.on('request', (r) => loaded.push(new URL(r.url()).pathname))
    await p.goto(urls[0])
    await p.waitForSelector('[data-view=form]')
    assert.ok((await p.textContent('[data-test=ballot-community]')).includes(community.name))
    assert.ok((await p.textContent('[data-test=ballot-community]')).includes('2026年上半年'))
    for (const aspect of ['德', '能', '勤', '绩', '廉']) assert.ok((await p.textContent('main')).includes(aspect))
    assert.ok(!loaded.some((path) => /element-plus|echarts|vendor|\/index-/.test(path)), 'no console code on the phone: ' + loaded.join(' '))
    assert.equal(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'nothing wider than the phone')
    // nothing chosen: said in plain words, nothing sent
    await p.click('[data-test=ballot-submit]')
    await p.waitForFunction(() => document.querySelector('[data-test=ballot-note]')?.textContent?.includes('5 项'))
    assert.equal((await admin.get(`/evaluation-cycles/${cycle.id}/ballots/${community.id}`)).cast, 0)
    const picks = { de: 100, neng: 80, qin: 80, ji: 60, lian: 100 }
    for (const [aspect, score] of Object.entries(picks)) await p.click(`button[data-aspect=${aspect}][data-score="${score}"]`)
    assert.equal(await p.getAttribute('button[data-aspect=de][data-score="100"]', 'aria-pressed'), 'true')
    assert.equal((await p.textContent('[data-test=ballot-note]')).trim(), '', 'the note went with the last choice')
    await p.evaluate(() => window.scrollTo(0, 0))
    await shot(p, 'ballot-phone')
    await p.click('[data-test=ballot-submit]')
    await p.waitForSelector('[data-test=ballot-thanks]')
    await shot(p, 'ballot-thanks')
    const tally = await admin.get(`/evaluation-cycles/${cycle.id}/ballots/${community.id}`)
    assert.equal(tally.cast, 1)
    assert.equal(Number(tally.means.de), 100)
    assert.equal(Number(tally.means.ji), 60)
    assert.equal(Number(tally.mean), 84)

    // the same code again: the friendly used page, before anything is entered
    await p.goto(urls[0])
    await p.waitForSelector('[data-test=ballot-used]')
    await shot(p, 'ballot-used')
    assert.equal((await anonymous('POST', '/ballots/' + urls[0].split('/').pop(), picks)).status, 409)
    assert.equal((await admin.get(`/evaluation-cycles/${cycle.id}/ballots/${community.id}`)).cast, 1, 'still one ballot')
    await p.close()
  })

  test('a ballot cast meanwhile elsewhere ends on the used page, not an error', async () => {
    const p = await d.page()
    await p.setViewportSize(PHONE)
    await p.goto(urls[1])
    await p.waitForSelector('[data-view=form]')
    for (const aspect of ['de', 'neng', 'qin', 'ji', 'lian']) await p.click(`button[data-aspect=${aspect}][data-score="80"]`)
    const token = urls[1].split('/').pop()
    assert.equal((await anonymous('POST', '/ballots/' + token, { de: 60, neng: 60, qin: 60, ji: 60, lian: 60 })).status, 204)
    await p.click('[data-test=ballot-submit]')
    await p.waitForSelector('[data-test=ballot-used]')
    assert.equal((await admin.get(`/evaluation-cycles/${cycle.id}/ballots/${community.id}`)).cast, 2)
    await p.close()
  })

  test('an unknown or malformed code shows the friendly page', async () => {
    const p = await d.page()
    await p.setViewportSize(PHONE)
    await p.goto(platform.base + '/ballot/AAAAAAAAAAAAAAAAAAAAAAAA')
    await p.waitForSelector('[data-test=ballot-unknown]')
    assert.ok((await p.textContent('main')).includes('没有找到这张评议票'))
    assert.ok(!/problem|status|Exception|404/.test(await p.textContent('main')), 'no error dump')
    await shot(p, 'ballot-unknown')
    await p.goto(platform.base + '/ballot/x')
    await p.waitForSelector('[data-test=ballot-unknown]')
    await p.close()
  })
})

describe('the four reviews', () => {
  test('a secretary gives only the self-review of their own community; bad scores are refused at the field', async () => {
    const p = await d.loggedIn('SECRETARY')
    assert.deepEqual(await menuKeys(p), ['dashboard', 'mine', 'credits', 'reviews'])
    await p.click('[data-menu=reviews]')
    await p.waitForSelector('[data-test=review-form]')
    assert.ok(await p.isDisabled('[data-test=pick-community] input'), 'their own community, fixed')
    await p.waitForFunction((name) => document.querySelector('[data-test=pick-community]')?.textContent?.includes(name), community.name)
    assert.deepEqual(await p.$$eval('[data-test=review-kind] [data-kind]', (els) => els.map((e) => e.getAttribute('data-kind'))), ['SELF'])
    const field = '[data-test=review-form] .el-form-item:has(input[name=score])'
    await p.fill('input[name=score]', '八十')
    await p.click('[data-test=review-submit]')
    await p.waitForSelector(field + ' .el-form-item__error')
    await p.fill('input[name=score]', '120')
    await p.fill('textarea[name=comment]', '本半年牵头完成老旧小区加装电梯')
    await p.click('[data-test=review-submit]')
    await p.waitForFunction((f) => /100/.test(document.querySelector(f + ' .el-form-item__error')?.textContent ?? ''), field)
    assert.equal(await p.inputValue('textarea[name=comment]'), '本半年牵头完成老旧小区加装电梯', 'nothing typed is lost')
    assert.equal((await admin.get(`/evaluation-cycles/${cycle.id}/reviews`, { community: community.id })).total, 0)
    await p.fill('input[name=score]', '88')
    await p.click('[data-test=review-submit]')
    await p.waitForSelector('[data-test=all-given]')
    await p.waitForFunction(() => document.querySelector('[data-score=SELF]')?.textContent?.trim() === '88')
    const given = (await admin.get(`/evaluation-cycles/${cycle.id}/reviews`, { community: community.id })).items
    assert.equal(given.length, 1)
    assert.equal(given[0].kind, 'SELF')
    assert.equal(Number(given[0].score), 88)
    assert.match(given[0].actor, /secretary1/)
    // ballots are not the secretary's
    await p.goto(platform.base + '/evaluate/ballots')
    await p.waitForSelector('[data-test=dashboard]')
    await p.close()
  })

  test("a street administrator gives the street's re-review, the district its final review", async () => {
    const s = await d.loggedIn('STREET_ADMIN')
    await s.goto(platform.base + '/evaluate/reviews')
    await s.waitForSelector('[data-test=pick-community]')
    await choose(s, '[data-test=pick-community]', community.name)
    await s.waitForSelector('[data-test=review-form]')
    assert.deepEqual(await s.$$eval('[data-test=review-kind] [data-kind]', (els) => els.map((e) => e.getAttribute('data-kind'))), ['STREET'])
    await s.fill('input[name=score]', '85.5')
    await s.click('[data-test=review-submit]')
    await s.waitForSelector('[data-test=all-given]')
    await s.close()

    const p = await d.loggedIn('DISTRICT_ADMIN')
    await p.goto(platform.base + '/evaluate/reviews')
    await p.waitForSelector('[data-test=pick-community]')
    await choose(p, '[data-test=pick-community]', community.name)
    await p.waitForFunction(() => document.querySelector('[data-score=STREET]')?.textContent?.trim() === '85.5')
    // the district's own kind first; the secretary's and the street's are given already
    assert.deepEqual(await p.$$eval('[data-test=review-kind] [data-kind]', (els) => els.map((e) => e.getAttribute('data-kind'))), ['ORGANIZATION'])
    await p.fill('input[name=score]', '90')
    await p.click('[data-test=review-submit]')
    await p.waitForFunction(() => document.querySelector('[data-score=ORGANIZATION]')?.textContent?.trim() === '90')
    assert.ok((await p.textContent('[data-test=reviews-table]')).includes('2 张 / 已发 12 张'), 'the residents part: 2 of 12 cast')
    await p.waitForFunction((name) => document.querySelector('[data-test=reviews]')?.textContent?.includes(name), secretaryName)
    const kinds = (await admin.get(`/evaluation-cycles/${cycle.id}/reviews`, { community: community.id })).items.map((r) => r.kind).sort()
    assert.deepEqual(kinds, ['ORGANIZATION', 'SELF', 'STREET'])
    await shot(p, 'reviews')
    await p.close()
  })

  test('the auditor reads the reviews and the tally with no form to change anything', async () => {
    const p = await d.loggedIn('AUDITOR')
    await p.goto(platform.base + '/evaluate/reviews')
    await p.waitForSelector('[data-test=pick-community]')
    await choose(p, '[data-test=pick-community]', community.name)
    await p.waitForFunction(() => document.querySelector('[data-score=ORGANIZATION]')?.textContent?.trim() === '90')
    assert.equal(await p.locator('[data-test=review-form]').count(), 0)
    await p.goto(platform.base + '/evaluate/ballots')
    await p.waitForSelector('[data-test=tally]')
    assert.equal(await p.locator('[data-test=issue-form]').count(), 0)
    await p.close()
  })
})

describe('管 and 用', () => {
  test('mentoring: coverage, each mentor\'s load, the year\'s pairs, and proposals to confirm', async () => {
    const coverage = await admin.get('/mentoring/coverage', { district: d.district.id })
    const p = await d.loggedIn('DISTRICT_ADMIN')
    await p.click('[data-menu=mentoring]')
    await p.waitForSelector('[data-test=loads] .el-table__row')
    assert.equal(await p.locator('[data-test=loads] .el-table__body-wrapper .el-table__row').count(), coverage.mentors.length)
    const within = coverage.mentors.filter((m) => m.load === 'WITHIN').length
    assert.equal(await p.locator('[data-test=loads] [data-load=WITHIN]').count(), within)
    const year = new Date().getFullYear()
    const before = (await admin.get('/mentoring/pairings', { district: d.district.id, year })).total
    await p.waitForFunction((n) => document.querySelectorAll('[data-test=pairs] .el-table__body-wrapper .el-table__row').length === n || n === 0, before)
    await shot(p, 'mentoring')
    await p.click('[data-test=propose]')
    await p.waitForSelector('[data-test=proposal] .el-dialog__body')
    const proposal = await admin.post('/mentoring/proposals', { districtId: d.district.id, year })
    if (proposal.pairs.length) {
      await p.waitForSelector('[data-test=confirm-pair]')
      await p.locator('[data-test=confirm-pair]').first().click()
      await waitFor(async () => (await admin.get('/mentoring/pairings', { district: d.district.id, year })).total === before + 1, 15000, 'the pair to be confirmed')
    }
    await p.close()
  })

  test('half-year reports: the three on-the-spot scores and the result; a score out of range stays at its field', async () => {
    const cycles = (await admin.get('/evaluation-cycles', { district: d.district.id })).items
    const archived = cycles.filter((c) => c.status === 'ARCHIVED').sort((a, b) => b.period.localeCompare(a.period))[0]
    const reports = (await admin.get(`/evaluation-cycles/${archived.id}/duty-reports`)).items
    const p = await d.loggedIn('DISTRICT_ADMIN')
    await p.click('[data-menu=dutyReports]')
    await p.waitForSelector('[data-test=pick-cycle]')
    await choose(p, '[data-test=pick-cycle]', archived.period)
    await p.waitForFunction((n) => document.querySelectorAll('[data-test=duty-table] .el-table__body-wrapper .el-table__row').length === n, reports.length)
    const results = reports.filter((r) => r.result !== null).length
    assert.equal(await p.locator('[data-test=duty-table] [data-rater=ORGANIZATION]').count(), reports.filter((r) => r.scores.some((s) => s.rater === 'ORGANIZATION')).length)
    assert.ok(results > 0)
    await shot(p, 'duty-reports')
    // an archived cycle takes no scores: no score button
    assert.equal(await p.locator('[data-test=duty-table] [data-score-rater]').count(), 0)

    // the open half-year: a report recorded, the Organization Department scores it on the spot
    await admin.post(`/evaluation-cycles/${cycle.id}/duty-reports`, {
      communityId: community.id, reportedOn: '2026-06-20', summary: '上半年述职：加装电梯、垃圾分类', siteVisits: '走访居民 32 户', interviews: '谈话 6 人', documents: '台账 4 册',
    })
    await choose(p, '[data-test=pick-cycle]', cycle.period)
    await p.waitForSelector('[data-test=duty-table] [data-score-rater=ORGANIZATION]')
    await p.click('[data-test=duty-table] [data-score-rater=ORGANIZATION]')
    const field = '[data-test=duty-score-dialog] .el-form-item:has(input[name=score])'
    await p.fill('[data-test=duty-score-dialog] input[name=score]', '105')
    await p.click('[data-test=duty-score-save]')
    await p.waitForSelector(field + ' .el-form-item__error')
    assert.equal(await p.inputValue('[data-test=duty-score-dialog] input[name=score]'), '105', 'what was typed stays')
    await p.fill('[data-test=duty-score-dialog] input[name=score]', '91')
    await p.click('[data-test=duty-score-save]')
    await p.waitForSelector('[data-test=duty-table] [data-rater=ORGANIZATION]')
    const report = (await admin.get(`/evaluation-cycles/${cycle.id}/duty-reports`)).items.find((r) => r.communityId === community.id)
    assert.deepEqual(report.scores.map((x) => [x.rater, Number(x.score)]), [['ORGANIZATION', 91]])
    assert.equal(report.result, null, 'two raters to go')
    await p.close()
  })

  test('the negative list: verdicts, consequences, overdue marked, a follow-up recorded', async () => {
    const incidents = (await admin.get('/negative-list/incidents', { district: d.district.id, limit: 500 })).items
    const p = await d.loggedIn('DISTRICT_ADMIN')
    await p.click('[data-menu=negativeList]')
    await p.waitForFunction((n) => document.querySelectorAll('[data-test=incidents] .el-table__body-wrapper .el-table__row').length >= n, incidents.length)
    assert.equal(await p.locator('[data-test=incidents] [data-test=overdue]').count(), incidents.filter((i) => i.overdue).length)
    const open = incidents.find((i) => i.status === 'RECTIFYING')
    assert.ok(open, 'the demo has incidents being rectified')
    await shot(p, 'negative-list')
    await p.locator('[data-test=follow-up]').first().click()
    await p.waitForSelector('[data-test=follow-up-dialog] textarea[name=note]')
    await p.fill('[data-test=follow-up-dialog] textarea[name=note]', '已约谈，整改方案已报街道')
    await p.click('[data-test=follow-up-save]')
    await waitFor(async () => (await admin.get('/negative-list/incidents', { district: d.district.id, limit: 500 })).items
      .some((i) => i.followUps.some((f) => f.note === '已约谈，整改方案已报街道')), 15000, 'the follow-up to be recorded')
    await p.close()
  })

  test('use records and their summary', async () => {
    const summary = await admin.get('/use-records/summary', { district: d.district.id })
    const p = await d.loggedIn('DISTRICT_ADMIN')
    await p.click('[data-menu=useRecords]')
    await p.waitForSelector('[data-test=use-summary] [data-kind=RECRUITMENT]')
    assert.equal((await p.textContent('[data-test=use-summary] [data-kind=total] .figure')).trim(), String(summary.total))
    assert.equal((await p.textContent('[data-test=use-summary] [data-kind=RECRUITMENT] .figure')).trim(), '8', 'the 8 recruited into 事业编制 posts')
    await p.waitForFunction((n) => document.querySelector('[data-test=use-records] .el-pagination__total')?.textContent?.includes(String(n)), summary.total)
    await shot(p, 'use-records')
    await p.close()
  })

  test('the auditor reads 管 and 用 with no button that changes anything', async () => {
    const p = await d.loggedIn('AUDITOR')
    const keys = await menuKeys(p)
    for (const k of ['mentoring', 'dutyReports', 'negativeList', 'useRecords']) assert.ok(keys.includes(k), k)
    await p.click('[data-menu=mentoring]')
    await p.waitForSelector('[data-test=loads] .el-table__row')
    assert.equal(await p.locator('[data-test=propose]').count(), 0)
    await p.click('[data-menu=negativeList]')
    await p.waitForSelector('[data-test=incidents] .el-table__body-wrapper .el-table__row')
    assert.equal(await p.locator('[data-test=follow-up]').count(), 0)
    await p.close()
  })
})


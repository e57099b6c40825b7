// One sweep over every route of the console (read from the router itself) as a street
// administrator, with another street's ids wherever a route or the screens' query parameters take
// ids: nothing of the other street may show, the routes naming its records show the not-found
// view (or send the user back to the dashboard), and no answer of the API the pages call carries
// the other street's people or communities. A new route or query parameter that takes an id fails
// the sweep until it says which of the other street's ids it gets.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { demoDistrict } from './fixture.mjs'

const SRC = resolve(import.meta.dirname, '../src')
const YEAR = new Date().getFullYear()
/** Reference reads open to every role (README, "Who may call what"): they name every street's units. */
const REFERENCE = ['/api/communities', '/api/streets', '/api/districts', '/api/joint-committees', '/api/departments', '/api/codes', '/api/training/plans']

let d, platform, admin, district, own, other
/** the other street's ids and names */
const theirs = { people: [], names: [], communities: [], person: null, filing: null, session: null }
let cycle

before(async () => {
  d = await demoDistrict()
  ;({ platform, admin, district } = d)
  own = d.users.STREET_ADMIN.street
  const streets = (await admin.get('/streets', { limit: 50 })).items
  other = streets.find((s) => s.id !== own)
  const people = (await admin.get('/people', { street: other.id, limit: 500 })).items
  const ownPeople = (await admin.get('/people', { street: own, limit: 500 })).items
  theirs.people = people.map((p) => p.id)
  // names of theirs that none of ours has, nor contains (generated names may repeat across streets)
  const units = [...streets, ...(await admin.get('/communities', { limit: 500 })).items].map((u) => u.name)
  theirs.names = people.map((p) => p.name).filter((n) => n.length >= 2 && !ownPeople.some((o) => o.name.includes(n) || n.includes(o.name)) && !units.some((u) => u.includes(n)))
  theirs.communities = (await admin.get('/communities', { street: other.id, limit: 500 })).items.map((c) => c.id)
  const secretary = (await admin.get('/posts', { kind: 'COMMUNITY_SECRETARY', current: true, street: other.id, limit: 1 })).items[0]
  theirs.person = secretary.personId
  theirs.filing = (await admin.get('/filings', { district: district.id, street: other.id, limit: 1 })).items[0]?.id
    ?? (await admin.post('/filings', { districtId: district.id, kind: 'REMOVAL', personId: secretary.personId, communityId: secretary.unitId, postId: secretary.id, effectiveDate: `${YEAR}-12-31` })).id
  const plan = await admin.get('/training/plans', { district: district.id, year: YEAR })
  for (const course of plan.programmes.filter((p) => p.streetId === other.id).flatMap((p) => p.courses)) {
    theirs.session ??= (await admin.get(`/training/courses/${course.id}/sessions`)).items[0]?.id
  }
  cycle = (await admin.get('/evaluation-cycles', { district: district.id })).items.find((c) => c.status === 'ARCHIVED')
  assert.ok(theirs.people.length && theirs.names.length && theirs.communities.length && theirs.filing && theirs.session && cycle)
})

after(async () => {
  await d?.stop()
})

/** Every route of the router (children under the layout made absolute), with its params. */
function routes() {
  const text = readFileSync(join(SRC, 'router.ts'), 'utf8')
  return [...text.matchAll(/\{ path: '([^']*)'/g)].map((m) => m[1])
    .filter((p) => p !== '/login' && !p.startsWith(':rest'))
    .map((p) => (p.startsWith('/') ? p : '/' + p))
}

/** The query parameters the screens read (route.query.x), from their sources. */
function queryNames() {
  const names = new Set()
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.(vue|ts)$/.test(name)) for (const m of readFileSync(path, 'utf8').matchAll(/route\.query\.(\w+)/g)) names.add(m[1])
    }
  }
  walk(SRC)
  return [...names]
}

describe('a street administrator in every screen', () => {
  test('reaches nothing of another street, whatever the address names', async () => {
    // the other street's id each route parameter and query parameter takes; the others take none
    const params = { 'people/:id': theirs.person, 'manage/filings/:id': theirs.filing }
    const query = { street: other.id, cycle: cycle.id, session: theirs.session, year: String(YEAR) }
    const noIds = ['change', 'next', 'kind', 'tier']
    const unknown = queryNames().filter((n) => !(n in query) && !noIds.includes(n))
    assert.deepEqual(unknown, [], 'a query parameter the sweep does not fill')
    const urls = routes().map((r) => {
      const key = Object.keys(params).find((k) => r === '/' + k)
      assert.ok(!r.includes(':') || key, 'a route with an id the sweep does not fill: ' + r)
      return { route: r, path: key ? r.replace(':id', params[key]) : r, named: !!key }
    })
    assert.ok(urls.length >= 30, urls.map((u) => u.route).join())

    const p = await d.loggedIn('STREET_ADMIN')
    const answers = []
    p.on('response', async (r) => {
      const url = new URL(r.url())
      if (!url.pathname.startsWith('/api/')) return
      const entry = { url, status: r.status(), body: '' }
      answers.push(entry)
      if (r.ok() && (r.headers()['content-type'] ?? '').includes('json')) entry.body = await r.text().catch(() => '')
    })
    const refused = []
    for (const u of urls) {
      answers.length = 0
      const qs = new URLSearchParams(query).toString()
      await p.goto(`${platform.base}${u.path}?${qs}`)
      await p.waitForLoadState('networkidle')
      await p.waitForTimeout(300)
      const at = new URL(p.url()).pathname
      const text = await p.evaluate(() => document.body.innerText)
      const where = `${u.route} (now at ${at})`
      for (const name of theirs.names) assert.ok(!text.includes(name), `${where} shows ${name} of the other street`)
      if (u.named && at === u.path) {
        await p.waitForSelector('[data-test=not-found]', { timeout: 10000 })
      }
      for (const a of answers) {
        if (a.status >= 400) { refused.push(a.url.pathname); continue }
        assert.notEqual(a.url.searchParams.get('street'), other.id, `${where}: ${a.url} answered ${a.status} for the other street`)
        for (const id of theirs.people) assert.ok(!a.body.includes(id), `${where}: ${a.url} answered a person of the other street`)
        if (!REFERENCE.some((r) => a.url.pathname === r || a.url.pathname.startsWith(r + '/') || a.url.pathname.startsWith('/api/districts/'))) {
          for (const id of theirs.communities) assert.ok(!a.body.includes(id), `${where}: ${a.url} answered a community of the other street`)
        }
      }
    }
    // the sweep did ask for the other street's records, and was refused
    assert.ok(refused.some((r) => r === `/api/people/${theirs.person}`), refused.join())
    assert.ok(refused.some((r) => r === `/api/filings/${theirs.filing}`), refused.join())
    await p.close()
  })
})

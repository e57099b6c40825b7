// The public API can express the whole year: e2e/demo-rest/load.mjs builds the demo district
// through REST only on a platform started without the demo, and what it built is compared, figure
// by figure, with the built-in demo of a second platform (-Dtouyan.demo=true). Both are generated
// from the same seeds, so names, ID numbers, scores, stars, grades and types match exactly; what
// depends on ids the platforms generate is compared where it stays meaningful (see figures.mjs).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ADMIN_PASSWORD, startPlatform } from './platform.mjs'
import { login } from './demo-rest/client.mjs'
import { loadDemo } from './demo-rest/load.mjs'
import { figures } from './demo-rest/figures.mjs'

let builtIn, overRest, blank

/** The demo's figures, read on a platform that loaded the demo itself. */
async function builtInFigures() {
  const demo = await startPlatform()
  try {
    return await figures(await login(demo.base, 'admin', ADMIN_PASSWORD))
  } finally {
    await demo.stop()
  }
}

/** A platform without the demo, loaded by the REST loader, and its figures. */
async function restFigures() {
  blank = await startPlatform({ demo: false })
  const t = Date.now()
  await loadDemo(blank.base, 'admin', ADMIN_PASSWORD, (line) => console.log(`  demo over REST: ${line}`))
  console.log(`  demo over REST: loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  return figures(await login(blank.base, 'admin', ADMIN_PASSWORD))
}

before(async () => {
  // side by side, unless one fixed port is asked for (TOUYAN_E2E_PORT): then one after the other
  if (process.env.TOUYAN_E2E_PORT) {
    builtIn = await builtInFigures()
    overRest = await restFigures()
  } else {
    ;[builtIn, overRest] = await Promise.all([builtInFigures(), restFigures()])
  }
}, { timeout: 900_000 })

after(async () => {
  await blank?.stop()
})

describe('the demo district loaded over REST matches the built-in demo', () => {
  test('registry: streets, communities, people, posts, departments, reserve, working groups, reference data', () => {
    // the speech's figures, so that two empty districts cannot pass
    assert.equal(builtIn.registry.streets, 6)
    assert.equal(builtIn.registry.communities, 52)
    assert.equal(builtIn.registry.currentSecretaryPosts, 52)
    assert.deepEqual(builtIn.registry.departments, { all: 19, scoring: 11, vetting: 18 })
    assert.equal(builtIn.registry.reserve.length, 105)
    assert.deepEqual(overRest.registry, builtIn.registry)
    assert.equal(overRest.people.length, builtIn.people.length)
    assert.deepEqual(overRest.people, builtIn.people, 'each person: name, masked ID number and phone, birth, education, party membership')
    assert.deepEqual(overRest.posts, builtIn.posts)
    assert.deepEqual(overRest.archives, builtIn.archives, "the actions in each person's archive")
  })

  test('training: the plan, courses, sessions and attendance, credits and the year report', () => {
    assert.equal(builtIn.training.plan.programmes.length, 7)
    assert.ok(builtIn.training.sessions.length >= 15, `${builtIn.training.sessions.length} sessions`)
    assert.equal(builtIn.training.report.events.total, 12)
    assert.deepEqual(overRest.training.plan, builtIn.training.plan)
    assert.deepEqual(overRest.training.sessions, builtIn.training.sessions)
    assert.deepEqual(overRest.training.credits, builtIn.training.credits)
    assert.deepEqual(overRest.training.report, builtIn.training.report)
  })

  test('cycles: statuses, scores, the star distribution, ratings, assessments, classifications, measures, half-year reports', () => {
    assert.deepEqual(builtIn.cycles.map((c) => [c.period, c.status]), [['2025-H1', 'ARCHIVED'], ['2025-H2', 'ARCHIVED']])
    assert.deepEqual(overRest.cycles.map((c) => [c.period, c.status]), builtIn.cycles.map((c) => [c.period, c.status]))
    for (const [i, demo] of builtIn.cycles.entries()) {
      const rest = overRest.cycles[i]
      assert.equal(demo.report.district.rated, 52)
      assert.equal(demo.scores.length, 52 * 11)
      assert.deepEqual(rest.report, demo.report, `${demo.period}: GET …/report`)
      assert.deepEqual(rest.scores, demo.scores, `${demo.period}: every department's scores`)
      assert.deepEqual(rest.ratings, demo.ratings, `${demo.period}: ratings`)
      assert.deepEqual(rest.assessments, demo.assessments, `${demo.period}: assessments`)
      assert.deepEqual(rest.classifications, demo.classifications, `${demo.period}: classifications`)
      assert.deepEqual(rest, demo, demo.period)
    }
  })

  test('mentoring pairs, negative-list incidents and use records', () => {
    assert.ok(builtIn.mentoring[2025].pairs > 0 && builtIn.mentoring[2026].pairs > 0)
    assert.equal(builtIn.incidents.length, 2)
    assert.equal(builtIn.useRecords.summary.total, 15)
    assert.deepEqual(overRest.mentoring, builtIn.mentoring)
    assert.deepEqual(overRest.incidents, builtIn.incidents)
    assert.deepEqual(overRest.useRecords, builtIn.useRecords)
  })

  test('the loader refuses a registry that holds a district already', async () => {
    await assert.rejects(loadDemo(blank.base, 'admin', ADMIN_PASSWORD), /holds a district already/)
  })
})

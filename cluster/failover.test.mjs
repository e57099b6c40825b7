// kill -9 of one node in the middle of 1,000 writes spread over two nodes: no write that was
// acknowledged (2xx) is lost, the other node answers throughout, nginx fails no more than the
// requests the killed node had under way, and the restarted node serves every acknowledged write.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { idNumber, requirements, startCluster, waitFor } from './cluster.mjs'

const skip = requirements()
const WRITES = 1000
const KILL_AFTER = 400 // acknowledged writes before the kill
let cluster
const count = (keys) => keys.reduce((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {})

before(async () => { if (!skip) cluster = await startCluster({ nodes: 2 }) })
after(async () => { await cluster?.stop() })

test('kill -9 of a node during 1,000 acknowledged writes loses none of them', { skip, timeout: 600_000 }, async () => {
  const [victim, survivor] = cluster.nodes
  const lbAdmin = cluster.admin
  // the first POST /districts on a fresh PostgreSQL database was seen to answer 500 (a
  // ProblemException "数据已被他人修改" unmapped in the OpenAPI interceptor): try a few times, report it
  let district
  const districtTries = []
  await waitFor(async () => {
    const r = await lbAdmin.request('POST', '/districts', { parentId: null, code: 'KILL9', name: '故障切换区', nameEn: 'Failover District' })
    districtTries.push(r.status)
    if (r.status === 201 || r.status === 200) district = r.body
    else if (r.status === 409) district = (await lbAdmin.get('/districts')).items.find((d) => d.code === 'KILL9')
    return district
  }, 30_000, 'the district to be created')
  console.log('failover: POST /districts answered', districtTries.join(', '))

  // 8 clients: 4 through nginx, 2 straight to each node (one logged-in session, at four addresses)
  const clients = [
    ...Array.from({ length: 4 }, () => ({ via: 'lb', api: lbAdmin })),
    ...Array.from({ length: 2 }, () => ({ via: victim.name, api: lbAdmin.at(victim.base) })),
    ...Array.from({ length: 2 }, () => ({ via: survivor.name, api: lbAdmin.at(survivor.base) })),
  ]
  const acknowledged = new Map() // write number → { id, via, upstream }
  const failed = [] // { n, via, why, startedAt, endedAt, idNumber }
  let next = 0
  let killedAt = null
  let killing = null
  const inFlight = new Map() // write number → { via, startedAt }

  // the survivor's health, every 100 ms, from before the kill until the end
  const probes = { ok: 0, other: [] }
  let probing = true
  const prober = (async () => {
    while (probing) {
      const at = Date.now()
      try {
        const r = await fetch(survivor.base + '/api/health', { signal: AbortSignal.timeout(5000) })
        if (r.status === 200) probes.ok++; else probes.other.push({ at, status: r.status })
      } catch (e) { probes.other.push({ at, status: e.cause?.code ?? e.name }) }
      await new Promise((ok) => setTimeout(ok, 100))
    }
  })()

  // a failed assertion must not leave the prober running: the test process would never exit
  try {
    const write = async (client) => {
      for (;;) {
        const n = next++
        if (n >= WRITES) return
        const birth = new Date(Date.UTC(1970, 0, 1) + (n % 9000) * 86_400_000).toISOString().slice(0, 10)
        const body = { districtId: district.id, name: `切换${n}`, idNumber: idNumber(birth, n % 1000) }
        // a client whose node was killed goes on through nginx, as a client of a real cluster would
        const api = client.via === victim.name && killedAt !== null ? lbAdmin : client.api
        const via = api === lbAdmin ? 'lb' : client.via
        const startedAt = Date.now()
        inFlight.set(n, { via, startedAt })
        try {
          const r = await api.request('POST', '/people', body)
          if (r.status >= 200 && r.status < 300) {
            acknowledged.set(n, { id: r.body.id, via, upstream: r.headers.get('x-touyan-upstream') })
          } else {
            failed.push({ n, via, why: r.status, startedAt, endedAt: Date.now(), idNumber: body.idNumber, upstream: r.headers.get('x-touyan-upstream') })
          }
        } catch (e) {
          failed.push({ n, via, why: e.cause?.code ?? e.message, startedAt, endedAt: Date.now(), idNumber: body.idNumber })
        } finally { inFlight.delete(n) }
        if (killedAt === null && !killing && acknowledged.size >= KILL_AFTER) {
          killing = (async () => {
            const underWay = [...inFlight.values()]
            killedAt = Date.now()
            await victim.kill9()
            return underWay
          })()
        }
      }
    }
    const t0 = Date.now()
    await Promise.all(clients.map(write))
    const writeSeconds = (Date.now() - t0) / 1000
    const underWayAtKill = await killing
    assert.ok(killedAt, 'the node was killed during the writes')

    // how fast nginx stopped sending to the dead node: the watcher's mark, and the last request
    // nginx tried on it (the access log's upstream list names every node a request was tried on)
    const victimAddr = `127.0.0.1:${victim.port}`
    const down = cluster.lb.events.find((e) => e.node === victim.name && !e.up && e.at >= killedAt)
    const triedOnDead = cluster.lb.accessLog().filter((r) => r.at >= killedAt && r.upstreams.includes(victimAddr))
    const lbFailed = failed.filter((f) => f.via === 'lb')
    const directFailed = failed.filter((f) => f.via !== 'lb')
    // writes that failed but landed all the same (the node committed, then died before answering)
    const landed = []
    for (const f of failed) {
      const found = await cluster.pg.sql(`SELECT id FROM person WHERE id_number = '${f.idNumber}'`)
      if (found) landed.push({ ...f, id: found })
    }

    const report = {
      writes: WRITES, acknowledged: acknowledged.size, writeSeconds,
      acknowledgedBy: count([...acknowledged.values()].map((a) => a.upstream ?? a.via)),
      failed: failed.map(({ n, via, why, startedAt }) => ({ n, via, why, startedMsBeforeKill: killedAt - startedAt })),
      failedThroughNginx: lbFailed.length, failedDirect: directFailed.length, failedButLanded: landed.length,
      underWayAtKill: { lb: underWayAtKill.filter((u) => u.via === 'lb').length, direct: underWayAtKill.filter((u) => u.via !== 'lb').length },
      lbMarkedDownAfterMs: down ? down.at - killedAt : null,
      requestsTriedOnDeadNode: triedOnDead.length,
      lastTriedOnDeadNodeAfterMs: triedOnDead.length ? Math.round(Math.max(...triedOnDead.map((r) => r.at)) - killedAt) : null,
      survivorHealth: { ok: probes.ok, other: probes.other.length },
    }
    console.log('failover:', JSON.stringify(report, null, 1))

    // every write either acknowledged or failed; only writes begun before nginx stopped sending to the
    // dead node may fail (those under way at the kill, and those nginx sent it, or whose connection
    // its reload closed, in the moment until the watcher took it out); none of them was acknowledged
    assert.equal(acknowledged.size + failed.length, WRITES)
    assert.ok(down, 'the health watcher took the dead node out of nginx')
    for (const f of failed) assert.ok(f.startedAt <= down.at, `write ${f.n} failed, but began after nginx took the node out: ${JSON.stringify(f)}`)
    assert.ok(acknowledged.size >= WRITES - clients.length, 'no more failures than clients')

    // 0 acknowledged writes lost: each reads back from the survivor, and the database holds them
    const survivorApi = lbAdmin.at(survivor.base)
    const missing = async (api) => {
      const lost = []
      const ids = [...acknowledged.values()].map((a) => a.id)
      for (let i = 0; i < ids.length; i += 16) {
        const answers = await Promise.all(ids.slice(i, i + 16).map((id) => api.request('GET', `/people/${id}`)))
        answers.forEach((r, j) => { if (r.status !== 200) lost.push({ id: ids[i + j], status: r.status }) })
      }
      return lost
    }
    assert.deepEqual(await missing(survivorApi), [], 'the survivor serves every acknowledged write')
    assert.equal(Number(await cluster.pg.sql(`SELECT count(*) FROM person WHERE district_id = '${district.id}'`)), acknowledged.size + landed.length)

    // the killed node comes back on its port and serves every acknowledged write too
    const restartedAt = Date.now()
    victim.start()
    await victim.ready()
    const restartSeconds = (Date.now() - restartedAt) / 1000
    assert.deepEqual(await missing(lbAdmin.at(victim.base)), [], 'the restarted node serves every acknowledged write')
    await waitFor(() => cluster.lb.events.some((e) => e.node === victim.name && e.up && e.at >= restartedAt), 10_000, 'nginx to take the node back')
    probing = false
    await prober
    console.log('failover: restart', restartSeconds, 's; back in nginx; survivor health', JSON.stringify(probes))
    assert.deepEqual(probes.other, [], 'the survivor answered 200 to every health probe throughout')
  } finally {
    probing = false
    await prober
  }
})

// Two nodes on one PostgreSQL database behind nginx, with the demo district: what one node does,
// the other knows. A session ends on every node at logout; failed logins counted on one node lock
// the name on the other; a star formula swapped five times through alternating nodes, under eight
// clients rating on both, fails no answer, never answers from a version older than one installed
// before the request began, and serves each new version on the other node within 1 s.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { after, before, test } from 'node:test'
import { ADMIN_PASSWORD, exchange, login, requirements, startCluster, waitFor } from './cluster.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const skip = requirements()
let cluster

before(async () => { if (!skip) cluster = await startCluster({ nodes: 2, demo: true }) })
after(async () => { await cluster?.stop() })

/** A new user of `role`, logged in through nginx with the password changed as the platform demands. */
async function userOf(role) {
  const name = `${role.toLowerCase().replaceAll('_', '-')}-${Date.now().toString(36)}`
  const issued = await cluster.admin.post('/users', { login: name, displayName: name, role })
  const first = await login(cluster.lb.base, name, issued.oneTimePassword)
  const password = `${issued.oneTimePassword}-changed`
  await first.put('/session/password', { currentPassword: issued.oneTimePassword, newPassword: password })
  return { login: name, password, api: await login(cluster.lb.base, name, password) }
}

const attempt = (base, name, password) => exchange(base + '/api/session', {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: name, password }),
})

test('a session begun through nginx serves on every node, and a logout on one ends it on all', { skip, timeout: 120_000 }, async () => {
  const session = await login(cluster.lb.base, 'admin', ADMIN_PASSWORD)
  // each node reads the session once, so each has it cached when the logout comes
  for (const n of cluster.nodes) assert.equal((await session.at(n.base).request('GET', '/session')).status, 200, `${n.name} serves the session`)
  const [one, other] = cluster.nodes
  assert.equal((await session.at(one.base).request('DELETE', '/session')).status, 204)
  const loggedOut = Date.now()
  await waitFor(async () => (await session.at(other.base).request('GET', '/session')).status === 401, 1000,
    `${other.name} to refuse the token within 1 s of the logout on ${one.name}`)
  console.log(`nodes: ${other.name} refused the ended session ${Date.now() - loggedOut} ms after the logout on ${one.name}`)
  assert.equal((await session.request('GET', '/session')).status, 401, 'nginx (either node) refuses it')
  assert.equal((await session.at(one.base).request('GET', '/session')).status, 401)
})

test('failed logins counted on both nodes lock the name on both, even for the right password', { skip, timeout: 120_000 }, async () => {
  const user = await userOf('AUDITOR')
  const [a, b] = cluster.nodes
  // five failures free (Throttle.FREE_FAILURES), spread over the nodes: none is locked alone
  for (let i = 0; i < 5; i++) {
    const r = await attempt((i % 2 ? b : a).base, user.login, 'wrong-password-123')
    assert.equal(r.status, 401, `failure ${i + 1} on ${(i % 2 ? b : a).name}: ${r.text}`)
  }
  for (const n of cluster.nodes) {
    const r = await attempt(n.base, user.login, user.password)
    assert.equal(r.status, 429, `${n.name} locks the name after five failures counted on both nodes: ${r.status} ${r.text}`)
    assert.match(r.headers.get('content-type') ?? '', /problem\+json/)
    assert.match(r.text, /秒后再试/, `${n.name} says when to try again`)
  }
})

test('a star formula swapped 5 times through alternating nodes under 8 clients on both: 0 failed, 0 older, the other node within 1 s', { skip, timeout: 600_000 }, async () => {
  const admin = await userOf('PLUGIN_ADMIN')
  // the demo's bindings are in place (bench/swap.sh waits the same way)
  await waitFor(async () => (await admin.api.get('/plugins/bindings?limit=500')).items.length >= 4, 60_000, 'the demo bindings')
  const formula = join(ROOT, 'distribution/target/plugins/org.touyan.plugin.star.district-1.0.0.jar')
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java'
  const ports = cluster.nodes.map((n) => n.port).join(',')
  const bench = spawn(java, [join(ROOT, 'bench/SwapBench.java'), ports, formula, join(cluster.nodes[0].home, 'deploy'), '3000'], {
    cwd: ROOT, env: { ...process.env, TOKEN: admin.api.token }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  bench.stdout.on('data', (d) => { out += d })
  bench.stderr.on('data', (d) => { out += d })
  const code = await new Promise((ok) => bench.on('exit', (c) => ok(c)))
  console.log(`nodes: bench/SwapBench.java ${ports}\n${out}`)
  assert.match(out, /^failed answers: 0$/m, 'no answer failed')
  assert.match(out, /^answers from a version older than one installed when the request started: 0$/m)
  const otherNode = [...out.matchAll(/served it (-?\d+) ms after the upload answered/g)].map((m) => Number(m[1]))
  assert.equal(otherNode.length, 5, 'each of the 5 swaps was served by the other node')
  for (const ms of otherNode) assert.ok(ms <= 1000, `the other node served a new version ${ms} ms after the upload answered`)
  assert.equal(code, 0, 'SwapBench found nothing wrong')
})

// Starts the built platform for the end-to-end tests: the distribution jar in a fresh working
// directory with the demo district (or without it: `startPlatform({ demo: false })`), on a free
// loopback port, with a known administrator password. The example plugins are in its deploy/
// either way.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../../../..')
export const ADMIN_PASSWORD = 'E2e-Admin-Pass-2026'

async function freePort() {
  if (process.env.TOUYAN_E2E_PORT) return Number(process.env.TOUYAN_E2E_PORT)
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => ok(port))
    }).on('error', fail)
  })
}

export async function startPlatform({ demo = true } = {}) {
  const jar = process.env.TOUYAN_JAR ?? join(ROOT, 'distribution/target/touyan.jar')
  if (!existsSync(jar)) throw new Error(`no ${jar}: build the distribution first (mvn -DskipTests package)`)
  const home = mkdtempSync(join(tmpdir(), 'touyan-e2e-'))
  mkdirSync(join(home, 'data'))
  mkdirSync(join(home, 'deploy'))
  const plugins = join(ROOT, 'distribution/target/plugins')
  for (const name of readdirSync(plugins)) if (name.endsWith('.jar')) cpSync(join(plugins, name), join(home, 'deploy', name))
  const port = await freePort()
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java'
  const child = spawn(java, [
    `-Dorg.osgi.service.http.port=${port}`, '-Dorg.apache.felix.http.host=127.0.0.1', `-Dtouyan.demo=${demo}`,
    '-Dtouyan.plugins.mode=development', `-Dtouyan.admin.password=${ADMIN_PASSWORD}`, '-jar', jar,
  ], { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout.on('data', (d) => { log += d })
  child.stderr.on('data', (d) => { log += d })
  const base = `http://127.0.0.1:${port}`
  const platform = {
    base, home, child, get log() { return log },
    async stop() {
      child.kill('SIGTERM')
      await new Promise((ok) => { child.once('exit', ok); setTimeout(ok, 15000) })
      rmSync(home, { recursive: true, force: true })
    },
  }
  try {
    await waitFor(async () => (await fetch(base + '/api/health')).status === 200, 120_000, 'the platform to be healthy')
    // health answers 200 a moment before every resource serves (the whiteboard may still be adding them)
    let admin
    await waitFor(async () => (admin = await apiSession(base, 'admin', ADMIN_PASSWORD)), 60_000, 'the login to serve')
    // the demo district loads after start-up, its parts side by side: health says when all are in
    if (demo) {
      await waitFor(async () => (await (await fetch(base + '/api/health')).json()).components?.demo?.status === 'loaded',
        240_000, 'the demo district to be loaded')
    }
    platform.admin = admin
    return platform
  } catch (e) {
    await platform.stop()
    throw new Error(`${e.message}\n--- platform log ---\n${log.slice(-4000)}`)
  }
}

export async function waitFor(check, ms, what) {
  const until = Date.now() + ms
  for (;;) {
    try { if (await check()) return } catch { /* not yet */ }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((ok) => setTimeout(ok, 500))
  }
}

/** A logged-in API client for setting up what a test needs (users of every role). */
export async function apiSession(base, login, password) {
  const answer = await fetch(base + '/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password }) })
  if (answer.status !== 201 && answer.status !== 200) throw new Error(`login ${login}: ${answer.status}`)
  const { token } = await answer.json()
  const call = async (method, path, body, query) => {
    const qs = query ? '?' + new URLSearchParams(query) : ''
    const r = await fetch(base + '/api' + path + qs, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
    const text = await r.text()
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`)
    return text ? JSON.parse(text) : null
  }
  return { token, get: (p, q) => call('GET', p, null, q), post: (p, b) => call('POST', p, b ?? {}), del: (p) => call('DELETE', p) }
}

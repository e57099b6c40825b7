// Several nodes of the built platform on one PostgreSQL database, behind a private nginx: the
// harness of the cluster tests (cluster/*.test.mjs), and of any test that needs more than one node.
//
//   const cluster = await startCluster({ nodes: 2, demo: false })
//   cluster.lb.base            http://127.0.0.1:<port>, nginx in front of every node
//   cluster.nodes[i]           { name, base, port, home, pid, log, kill9(), restart(), stop(), start() }
//   cluster.admin              the district administrator, logged in through nginx
//   await cluster.stop()       every node, nginx and the test database, by PID, also after a failure
//
// What it needs: the distribution jar (distribution/target/touyan.jar), a PostgreSQL server named
// by TOUYAN_TEST_PG_URL (a JDBC URL as .ci/postgres sets it; each cluster gets a new database in
// it, dropped at the end) and Debian's nginx (/usr/sbin/nginx, or TOUYAN_NGINX). `requirements()`
// says what is missing; with TOUYAN_TEST_PG_REQUIRED set a missing piece is a failure, not a skip.
import { execFile, spawn } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const ROOT = resolve(import.meta.dirname, '..')
export const ADMIN_PASSWORD = 'Cluster-Admin-Pass-2026'
const JAR = process.env.TOUYAN_JAR ?? join(ROOT, 'distribution/target/touyan.jar')
const NGINX = process.env.TOUYAN_NGINX ?? '/usr/sbin/nginx'
// ./touyan's memory options: two or three nodes share the machine with the database and the tests
const MEMORY = ['-Xms64m', '-Xmx256m', '-XX:+UseSerialGC', '-XX:ReservedCodeCacheSize=64m', '-Xss512k']

/**
 * What the cluster tests need and is missing here, as a reason to skip (false when nothing is).
 * Under TOUYAN_TEST_PG_REQUIRED (as .ci/run sets it) a missing piece throws instead: CI never
 * skips these tests silently.
 */
export function requirements() {
  const missing = []
  if (!process.env.TOUYAN_TEST_PG_URL?.trim()) {
    missing.push('TOUYAN_TEST_PG_URL is not set (.ci/run starts a server and sets it; e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=touyan)')
  }
  if (!existsSync(NGINX)) missing.push(`there is no nginx at ${NGINX} (apt-get install -y nginx)`)
  if (!existsSync(JAR)) missing.push(`there is no ${JAR} (build the distribution first: mvn -DskipTests install)`)
  if (missing.length === 0) return false
  const why = `the cluster tests do not run here: ${missing.join('; ')}`
  if (process.env.TOUYAN_TEST_PG_REQUIRED) throw new Error(`${why}, but TOUYAN_TEST_PG_REQUIRED requires them`)
  return why
}

export async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => ok(port))
    }).on('error', fail)
  })
}

export async function waitFor(check, ms, what) {
  const until = Date.now() + ms
  for (;;) {
    try { if (await check()) return } catch { /* not yet */ }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((ok) => setTimeout(ok, 250))
  }
}

// ---- PostgreSQL: a database of this cluster's own on the test server

function psqlBinary() {
  for (const v of ['15', '16', '17']) {
    const p = `/usr/lib/postgresql/${v}/bin/psql`
    if (existsSync(p)) return p
  }
  return 'psql'
}

/** The test database on the server TOUYAN_TEST_PG_URL names: `{ url (JDBC, for the nodes), name, sql(), drop() }`. */
export async function createDatabase(serverUrl = process.env.TOUYAN_TEST_PG_URL.trim()) {
  const m = /^jdbc:postgresql:\/\/([^/]+)\/([^?]*)(\?.*)?$/.exec(serverUrl)
  if (!m) throw new Error(`TOUYAN_TEST_PG_URL is not jdbc:postgresql://host:port/database[?…]: ${serverUrl}`)
  const [, hostPort, serverDb, query = ''] = m
  const name = `touyan_cluster_${process.pid}_${Date.now().toString(36)}`
  // libpq reads the same URL without the jdbc: prefix (user=…, sslmode=… alike)
  const libpq = (db) => `postgresql://${hostPort}/${db}${query}`
  const psql = async (db, sql) => (await run(psqlBinary(), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', libpq(db), '-c', sql])).stdout.trim()
  await psql(serverDb, `CREATE DATABASE ${name} ENCODING 'UTF8'`)
  return {
    name,
    url: `jdbc:postgresql://${hostPort}/${name}${query}`,
    sql: (statement) => psql(name, statement),
    drop: () => psql(serverDb, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

// ---- the nodes

function alive(pid) {
  try { process.kill(pid, 0); return true } catch { return false }
}

async function exited(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return true
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), ms)
    child.once('exit', () => { clearTimeout(timer); ok(true) })
  })
}

/** The environment of a node: the test database, and none of the caller's other store settings. */
function nodeEnv(url) {
  const env = { ...process.env, TOUYAN_STORE_URL: url }
  for (const k of ['TOUYAN_STORE_USER', 'TOUYAN_STORE_PASSWORD', 'TOUYAN_STORE_PASSWORD_FILE', 'TOUYAN_ADMIN_PASSWORD']) delete env[k]
  return env
}

/**
 * One node: a working directory of its own (data/, deploy/ with the example plugins, node.log),
 * a fixed port (nginx's upstream names it, so a restart comes back on it), the shared database.
 */
function defineNode({ index, dir, port, database, demo, extraArgs = [] }) {
  const name = `node${index + 1}`
  const home = join(dir, name)
  mkdirSync(join(home, 'data'), { recursive: true })
  mkdirSync(join(home, 'deploy'), { recursive: true })
  const plugins = join(ROOT, 'distribution/target/plugins')
  for (const jar of readdirSync(plugins)) if (jar.endsWith('.jar')) cpSync(join(plugins, jar), join(home, 'deploy', jar))
  const logFile = join(home, 'node.log')
  const base = `http://127.0.0.1:${port}`
  let child = null
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java'
  const node = {
    index, name, port, base, home, logFile,
    get pid() { return child?.pid },
    get running() { return child !== null && child.exitCode === null && child.signalCode === null },
    /** The node's log so far, every start of it (the tail: `log.slice(-4000)`). */
    get log() { return existsSync(logFile) ? readFileSync(logFile, 'utf8') : '' },
    /** Starts the process; `ready()` waits for it to serve. */
    start() {
      if (node.running) throw new Error(`${name} is running already`)
      const out = openSync(logFile, 'a')
      try {
        child = spawn(java, [
          ...MEMORY, `-Djava.util.logging.config.file=${join(ROOT, 'distribution/logging.properties')}`,
          `-Dorg.osgi.service.http.port=${port}`, '-Dorg.apache.felix.http.host=127.0.0.1', `-Dtouyan.demo=${demo}`,
          '-Dtouyan.plugins.mode=development', `-Dtouyan.admin.password=${ADMIN_PASSWORD}`, ...extraArgs, '-jar', JAR,
        ], {
          cwd: home, stdio: ['ignore', out, out],
          env: nodeEnv(database.url),
        })
      } finally { closeSync(out) }
      child.on('error', () => {})
      return node
    },
    /** Health 200 and the login serving (health answers a moment before every resource does); with the demo, loaded. */
    async ready(ms = 180_000) {
      try {
        await waitFor(async () => {
          if (!node.running) throw new Error('exited')
          return (await fetch(base + '/api/health', { signal: AbortSignal.timeout(2000) })).status === 200
        }, ms, `${name} to be healthy`)
        await waitFor(async () => (await login(base, 'admin', ADMIN_PASSWORD)) !== null, 60_000, `${name}'s login to serve`)
        if (demo) {
          await waitFor(async () => (await (await fetch(base + '/api/health')).json()).components?.demo?.status === 'loaded',
            300_000, `the demo district on ${name}`)
        }
      } catch (e) {
        throw new Error(`${e.message} (exit ${child?.exitCode ?? child?.signalCode ?? 'none'})\n--- ${name}'s log ---\n${node.log.slice(-4000)}`)
      }
      return node
    },
    /** SIGKILL: no shutdown hook, no connection closed cleanly, the database sees the sockets drop. */
    async kill9() {
      if (!node.running) return
      const c = child
      c.kill('SIGKILL')
      await exited(c, 10_000)
    },
    /** SIGTERM, and SIGKILL if it has not stopped after 20 s. */
    async stop() {
      if (!node.running) return
      const c = child
      c.kill('SIGTERM')
      if (!(await exited(c, 20_000))) { c.kill('SIGKILL'); await exited(c, 5000) }
    },
    /** Starts the node again in the same directory on the same port and waits until it serves. */
    async restart() {
      await node.stop()
      node.start()
      return node.ready()
    },
  }
  return node
}

// ---- nginx

/**
 * The upstream and server nginx runs in front of the nodes. Why each setting:
 * - `proxy_next_upstream error timeout http_503` without `non_idempotent`: a GET (idempotent) is
 *   tried on the next node after a failed connection, a timeout or a 503 (a node not ready says
 *   503 to every /api path). A POST, PUT or DELETE is tried again only when it never reached the
 *   node (connect refused or timed out), as nginx does for non-idempotent methods by default:
 *   one that was sent may have committed, and sending it again would write it twice.
 * - no `keepalive` to the upstream: a reused idle connection that the node (or Jetty's idle
 *   timeout) closed under nginx fails a POST after it was "sent", which nginx may not retry; a
 *   fresh loopback connection per request costs little and fails cleanly at connect.
 * - `max_fails=1 fail_timeout=…`: one failed connection takes a node out of the rotation for that
 *   long; after it nginx tries it again with one request (a dead node refuses it at once, and the
 *   request goes to the next node).
 * - `down`: what the health watcher sets on a node whose /api/health does not answer 200 (nginx's
 *   open-source edition has no active health checks), applied by a reload (SIGHUP), which lets
 *   requests under way finish on the old workers.
 * - `X-Touyan-Upstream`: which node answered, for the tests (and for an operator reading an answer).
 */
export function nginxConfig({ dir, port, upstreams, failTimeout = '5s' }) {
  const servers = upstreams.map((u) => `    server 127.0.0.1:${u.port} max_fails=1 fail_timeout=${failTimeout}${u.down ? ' down' : ''};`).join('\n')
  return `# written by cluster/cluster.mjs; a private instance under ${dir}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log notice;
events { worker_connections 1024; }
http {
  log_format upstream '$msec $request_method $uri $status "$upstream_addr" "$upstream_status" $request_time';
  access_log ${dir}/access.log upstream;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 17m;

  upstream touyan {
${servers}
  }

  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://touyan;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout http_503;
      proxy_next_upstream_tries ${upstreams.length};
      proxy_next_upstream_timeout 10s;
      add_header X-Touyan-Upstream $upstream_addr always;
    }
  }
}
`
}

/** A private nginx (own prefix, config, pid file and logs under dir) in front of the nodes. */
async function startNginx({ dir, nodes, watch }) {
  mkdirSync(dir, { recursive: true })
  const port = await freePort()
  const conf = join(dir, 'nginx.conf')
  const state = nodes.map((n) => ({ port: n.port, down: false }))
  const write = () => writeFileSync(conf, nginxConfig({ dir, port, upstreams: state }))
  write()
  const out = openSync(join(dir, 'nginx.out'), 'a')
  // -e: the error log before the configuration is read (else Debian's /var/log/nginx/error.log)
  const child = spawn(NGINX, ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { stdio: ['ignore', out, out] })
  closeSync(out)
  child.on('error', () => {})
  const base = `http://127.0.0.1:${port}`
  const events = []
  let watcher = null
  const lb = {
    base, port, dir, conf, events,
    get pid() { return child.pid },
    /** The access log as records: `{ at (ms), method, uri, status, upstreams: ['127.0.0.1:p', …], upstreamStatus, seconds }`. */
    accessLog() {
      const file = join(dir, 'access.log')
      if (!existsSync(file)) return []
      return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
        const m = /^(\S+) (\S+) (\S+) (\d+) "([^"]*)" "([^"]*)" (\S+)$/.exec(line)
        if (!m) return null
        return { at: Number(m[1]) * 1000, method: m[2], uri: m[3], status: Number(m[4]), upstreams: m[5].split(/, | : /).filter((u) => u && u !== '-'), upstreamStatus: m[6], seconds: Number(m[7]) }
      }).filter(Boolean)
    },
    get errorLog() { const f = join(dir, 'error.log'); return existsSync(f) ? readFileSync(f, 'utf8') : '' },
    /** Marks a node up or down in the upstream and reloads nginx (graceful: requests under way finish). */
    set(index, up, why) {
      if (state[index].down === !up) return
      state[index].down = !up
      write()
      process.kill(child.pid, 'SIGHUP')
      events.push({ at: Date.now(), node: nodes[index].name, up, why })
    },
    async stop() {
      if (watcher) { clearInterval(watcher); watcher = null }
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGQUIT') // graceful shutdown of master and workers
        if (!(await exited(child, 10_000))) { child.kill('SIGKILL'); await exited(child, 5000) }
      }
    },
  }
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}: ${lb.errorLog.slice(-2000)}`)
    return existsSync(join(dir, 'nginx.pid')) && (await fetch(base + '/api/health', { signal: AbortSignal.timeout(2000) })).status > 0
  }, 15_000, 'nginx to listen').catch((e) => { throw new Error(`${e.message}\n${lb.errorLog.slice(-2000)}`) })
  if (watch) {
    // The active health check open-source nginx lacks: a node leaves the rotation while its
    // /api/health is not 200 (dead, starting, not ready) and comes back when it is.
    let busy = false
    watcher = setInterval(async () => {
      if (busy) return
      busy = true
      try {
        await Promise.all(nodes.map(async (n, i) => {
          let status
          try { status = (await fetch(n.base + '/api/health', { signal: AbortSignal.timeout(1000) })).status } catch (e) { status = e.cause?.code ?? e.name }
          lb.set(i, status === 200, String(status))
        }))
      } finally { busy = false }
    }, 200)
    watcher.unref()
  }
  return lb
}

// ---- API clients

/** Logs in at base; null while the login does not serve yet. */
export async function login(base, loginName, password) {
  const r = await exchange(base + '/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: loginName, password }) })
  if (r.status !== 200 && r.status !== 201) return null
  return client(base, JSON.parse(r.text).token)
}

/**
 * One HTTP exchange on a connection of its own (`agent: false`): `{ status, text, headers }`, or
 * an error whose `cause.code` says why no answer came. Why not fetch: nginx's reload (how the
 * health watcher takes a node out) closes its workers' idle keep-alive connections, and a POST
 * that fetch writes on such a connection at that moment fails although it never reached nginx.
 * A browser sends that request again on a new connection; fetch does not for a POST. A fresh
 * loopback connection per request keeps that race out of what the tests measure: the platform.
 */
export function exchange(url, { method = 'GET', headers = {}, body, timeout = 120_000 } = {}) {
  return new Promise((ok, fail) => {
    const data = body === undefined ? undefined : Buffer.from(body)
    const req = httpRequest(url, {
      method, agent: false, timeout,
      headers: { ...headers, ...(data ? { 'Content-Length': data.length } : {}) },
    }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => ok({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8'), headers: new Headers(Object.entries(res.headers).map(([k, v]) => [k, String(v)])) }))
      res.on('error', (e) => fail(Object.assign(new Error(`${method} ${url}: ${e.message}`), { cause: e })))
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })))
    req.on('error', (e) => fail(Object.assign(new Error(`${method} ${url}: ${e.message}`), { cause: e })))
    req.end(data)
  })
}

/**
 * An API client with a bearer token. `request` answers `{ status, body, headers }` whatever the
 * status (and throws only when no answer came: the error's cause says why); get/post/put/del throw
 * on a status other than 2xx. `at(base)` is the same session at another address.
 */
export function client(base, token) {
  const request = async (method, path, body, headers = {}) => {
    const r = await exchange(base + '/api' + path, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    })
    let parsed = r.text
    try { parsed = r.text ? JSON.parse(r.text) : null } catch { /* not JSON */ }
    return { status: r.status, body: parsed, headers: r.headers }
  }
  const ok = (method) => async (path, body, headers) => {
    const r = await request(method, path, body, headers)
    if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path} at ${base}: ${r.status} ${JSON.stringify(r.body)}`)
    return r.body
  }
  return { base, token, request, get: ok('GET'), post: (p, b = {}, h) => ok('POST')(p, b, h), put: ok('PUT'), del: ok('DELETE'), at: (other) => client(other, token) }
}

/** A valid GB 11643 ID number (Beijing Dongcheng's area code) for a birth date and a sequence number 0–999. */
export function idNumber(birth, seq) {
  const body = '110101' + birth.replaceAll('-', '') + String(seq).padStart(3, '0')
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

// ---- the cluster

/**
 * Starts `nodes` nodes on a new database and nginx in front of them. `together: false` (the
 * default) starts the first node, waits until it serves, then starts the others at once; `true`
 * starts all at once (first start on an empty database included). `watch` runs the health
 * watcher that marks nodes down in nginx. `nodeArgs` adds JVM options to every node.
 */
export async function startCluster({ nodes: count = 2, demo = false, together = false, watch = true, nodeArgs = [] } = {}) {
  const skip = requirements()
  if (skip) throw new Error(skip)
  const dir = mkdtempSync(join(tmpdir(), 'touyan-cluster-'))
  // nginx started as root runs its workers as nobody, who must reach the request-body temp folders
  chmodSync(dir, 0o755)
  const cluster = { dir, nodes: [], lb: null, pg: null, admin: null }
  cluster.stop = async ({ keep = !!process.env.TOUYAN_CLUSTER_KEEP } = {}) => {
    await Promise.allSettled([...cluster.nodes.map((n) => n.stop()), cluster.lb?.stop()])
    for (const n of cluster.nodes) if (n.pid && alive(n.pid) && n.running) process.kill(n.pid, 'SIGKILL')
    if (!keep) {
      await cluster.pg?.drop().catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    }
  }
  try {
    cluster.pg = await createDatabase()
    const ports = []
    for (let i = 0; i < count; i++) ports.push(await freePort())
    cluster.nodes = ports.map((port, index) => defineNode({ index, dir, port, database: cluster.pg, demo, extraArgs: nodeArgs }))
    if (together) {
      cluster.nodes.forEach((n) => n.start())
      await Promise.all(cluster.nodes.map((n) => n.ready()))
    } else {
      await cluster.nodes[0].start().ready()
      const rest = cluster.nodes.slice(1)
      rest.forEach((n) => n.start())
      await Promise.all(rest.map((n) => n.ready()))
    }
    cluster.lb = await startNginx({ dir: join(dir, 'nginx'), nodes: cluster.nodes, watch })
    await waitFor(async () => (cluster.admin = await login(cluster.lb.base, 'admin', ADMIN_PASSWORD)), 30_000, 'the login through nginx')
    return cluster
  } catch (e) {
    await cluster.stop()
    throw e
  }
}

// Builds the demo district through the public REST API only: the same district, people, bindings,
// training year and half-years the built-in demo (-Dtouyan.demo=true) makes through the services.
//
//   node e2e/demo-rest/load.mjs http://127.0.0.1:8080 admin <password>
//
// against a platform started without the demo (TOUYAN_DEMO=false ./touyan) whose registry holds no
// district yet, with the example plugins in its deploy/ (./touyan puts them there). The password
// must be one already changed (a first login's one-time password answers 403 to everything else).
// e2e/demo-rest.test.mjs runs it and compares what it built with the built-in demo.
import { pathToFileURL } from 'node:url'
import { login } from './client.mjs'
import { loadDistrict, loadRegistry } from './registry.mjs'
import { loadBindings } from './plugins.mjs'
import { loadTraining } from './training.mjs'
import { loadCycles } from './cycles.mjs'

/** Loads the demo district; `log` hears each part as it is done. */
export async function loadDemo(base, loginName, password, log = () => {}) {
  const admin = await login(base, loginName, password)
  if (admin.user.role !== 'DISTRICT_ADMIN') throw new Error(`${loginName} is not a district administrator`)
  if (admin.user.mustChangePassword) throw new Error(`${loginName} must change the one-time password first (PUT /api/session/password)`)
  if ((await admin.get('/districts', { limit: 1 })).total > 0) throw new Error('the registry holds a district already: the demo loads into an empty one')
  const started = Date.now()
  const step = async (name, work) => {
    const t = Date.now()
    const answer = await work()
    log(`${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`)
    return answer
  }
  const units = await step('district and streets', () => loadDistrict(admin))
  await step('plugin bindings', () => loadBindings(admin, units))
  await step('registry', () => loadRegistry(admin, units))
  // training and the half-years only read the registry: like the built-in demo, they load side by side
  await Promise.all([
    step('training year', () => loadTraining(admin, units)),
    step('half-years', () => loadCycles(admin, units)),
  ])
  log(`demo district loaded over REST in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return units.district
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [base, loginName, password] = process.argv.slice(2)
  if (!base || !loginName || !password) {
    console.error('usage: node e2e/demo-rest/load.mjs <base URL, e.g. http://127.0.0.1:8080> <login> <password>')
    process.exit(2)
  }
  loadDemo(base.replace(/\/+$/, ''), loginName, password, (line) => console.log(line)).catch((e) => {
    console.error(e.message)
    process.exit(1)
  })
}

// The demo district's policy bindings through /api/plugins/bindings: what DemoBindings.java
// (bundles/org.touyan.plugins) binds. Binding is the plugin administrator's, so the loader makes
// one (the district administrator creates the user, its one-time password is changed at once).
import { randomBytes } from 'node:crypto'
import { login } from './client.mjs'

/** SPI, street code (none: the district), policy id. */
export const BINDINGS = [
  ['StarRatingFormula', null, 'district-default'],
  ['StarRatingFormula', 'XF', 'safety-veto'],
  ['TrainingBrand', 'DC', 'xiaozao-classroom'],
  ['TrainingBrand', 'XC', 'governance-theatre'],
  ['TrainingBrand', 'NH', 'lakeside-night-school'],
  ['TrainingBrand', 'BY', 'micro-lecture'],
  ['TrainingBrand', 'XF', 'happiness-workshop'],
  ['PairingProgramme', null, 'tangqiao'],
  ['ReviewWeighting', null, 'district-four-reviews'],
  ['ClassificationPolicy', null, 'district-classification'],
  ['NegativeListCatalogue', null, 'district-negative-list-15'],
]

/** A plugin administrator's client, made by the district administrator; `done()` disables the account again. */
export async function pluginAdmin(admin) {
  const loginName = 'demo-plugins-' + randomBytes(3).toString('hex')
  const displayName = '演示插件管理员'
  const made = await admin.post('/users', { login: loginName, displayName, role: 'PLUGIN_ADMIN' })
  const pa = await login(admin.base, loginName, made.oneTimePassword)
  // nobody learns this password: the account serves the loader only
  await pa.put('/session/password', { currentPassword: made.oneTimePassword, newPassword: randomBytes(12).toString('base64url') })
  pa.done = async () => {
    const path = `/users/${pa.user.id}`
    await admin.put(path, { login: loginName, displayName, role: 'PLUGIN_ADMIN', disabled: true }, await admin.tag(path))
  }
  return pa
}

/** Waits until the example plugins in deploy/ serve every policy the demo binds, then binds them. */
export async function loadBindings(admin, { district, streets }) {
  const wanted = new Set(BINDINGS.map(([, , policy]) => policy))
  const until = Date.now() + 120_000
  for (;;) {
    const overview = await admin.get('/plugins')
    const serving = new Set(overview.plugins.filter((p) => p.state === 'ACTIVE').flatMap((p) => p.policies.map((x) => x.id)))
    const missing = [...wanted].filter((w) => !serving.has(w))
    if (missing.length === 0) break
    if (Date.now() > until) throw new Error(`the example plugins do not serve ${missing.join(', ')}: are they in deploy/?`)
    await new Promise((ok) => setTimeout(ok, 500))
  }
  const pa = await pluginAdmin(admin)
  for (const [spi, street, policyId] of BINDINGS) {
    await pa.put('/plugins/bindings', { spi, districtId: district.id, streetId: street ? streets[street].id : null, policyId, parameters: {} })
  }
  await pa.done()
}

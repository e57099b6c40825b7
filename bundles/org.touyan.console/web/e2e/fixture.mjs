// What every end-to-end file starts from: a platform of its own with the demo district, Chromium,
// and one user of each role (their first login changes the one-time password).
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ADMIN_PASSWORD, startPlatform } from './platform.mjs'
import { login, openBrowser } from './browser.mjs'

const SHOTS = resolve(import.meta.dirname, '../../../../docs/screenshots')
export const NEW_PASSWORD = 'Console-E2e-Pass-7x'

/** Starts the platform and the browser and creates the users; `stop()` ends both. */
export async function demoDistrict() {
  const platform = await startPlatform()
  const admin = platform.admin
  const browser = await openBrowser()
  const district = (await admin.get('/districts')).items[0]
  const street = (await admin.get('/streets', { limit: 50 })).items[0]
  const secretaryPost = (await admin.get('/posts', { kind: 'COMMUNITY_SECRETARY', current: true, street: street.id, limit: 1 })).items[0]
  const department = (await admin.get('/departments', { limit: 100 })).items.find((d) => d.scores)
  const users = { DISTRICT_ADMIN: { login: 'admin', password: ADMIN_PASSWORD } }
  const make = async (role, login, extra) => {
    const a = await admin.post('/users', { login, displayName: login, role, ...extra })
    users[role] = { login, password: a.oneTimePassword, ...extra }
  }
  await make('STREET_ADMIN', 'street1', { street: street.id })
  await make('DEPARTMENT_SCORER', 'scorer1', { department: department.id })
  await make('SECRETARY', 'secretary1', { person: secretaryPost.personId })
  await make('AUDITOR', 'auditor1', {})
  await make('PLUGIN_ADMIN', 'plugins1', {})

  /** A new tab: its own sessionStorage, so its own login. */
  const page = () => browser.context.newPage()
  return {
    platform, admin, browser, district, street, department, users, page,
    /** A new tab logged in as the user of that role. */
    async loggedIn(role) {
      const p = await page()
      const u = users[role]
      // a first login with a one-time password changes it; the administrator's own is kept
      if (await login(p, platform.base, u.login, u.password, NEW_PASSWORD)) u.password = NEW_PASSWORD
      return p
    },
    async stop() {
      await browser?.close()
      await platform?.stop()
    },
  }
}

/** A screenshot for docs/screenshots, taken once charts have animated in. */
export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true })
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(SHOTS, name + '.png') })
}

/** A valid GB 11643 ID number for a birth date, with a given sequence. */
export function idNumber(birth, seq) {
  const body = '110101' + birth.replaceAll('-', '') + String(seq).padStart(3, '0')
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

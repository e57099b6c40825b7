// Debian's Chromium driven by playwright-core (which never downloads a browser of its own), in a
// fresh profile, at the 1366×768 screen the console is built for.
import { chromium } from 'playwright-core'
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

export async function openBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`)
  const profile = mkdtempSync(join(tmpdir(), 'touyan-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Logs in through the login screen; a first login changes the one-time password on the way (answers whether it did). */
export async function login(page, base, user, password, newPassword) {
  await page.goto(base + '/login')
  await page.fill('input[name=login]', user)
  await page.fill('input[name=password]', password)
  await page.click('[data-test=login-form] button[type=submit]')
  const changed = await Promise.race([
    page.waitForSelector('[data-test=change-form]', { timeout: 20000 }).then(() => true),
    page.waitForSelector('[data-test=menu]', { timeout: 20000 }).then(() => false),
  ])
  if (changed) {
    await page.fill('input[name=newPassword]', newPassword)
    await page.fill('input[name=repeatPassword]', newPassword)
    await page.click('[data-test=change-form] button[type=submit]')
    await page.waitForSelector('[data-test=menu]', { timeout: 20000 })
  }
  return changed
}

export async function menuKeys(page) {
  return page.$$eval('[data-menu]', (items) => items.map((i) => i.getAttribute('data-menu')))
}

/** Picks an option of an Element Plus select: opens it, clicks the option with that text (or the first). */
export async function choose(page, selectSelector, text) {
  await page.click(selectSelector)
  // the options of this select's own list (another select's list may still be fading out)
  const list = await page.locator(selectSelector + ' input').first().getAttribute('aria-controls')
  const options = list ? page.locator(`[id="${list}"] .el-select-dropdown__item`) : page.locator('.el-select-dropdown__item:visible')
  await options.first().waitFor({ state: 'visible' })
  await (text ? options.filter({ hasText: text }).first() : options.first()).click()
}

/** The input (or textarea) of a field marked data-test: Element Plus puts the mark on the input itself or on its wrapper. */
export const field = (scope, name) => scope.locator(`[data-test=${name}]`).locator('xpath=descendant-or-self::*[self::input or self::textarea]').first()

/** The error an Element Plus form shows at the form item of that label (empty when none). */
export async function fieldError(scope, label) {
  const error = scope.locator('.el-form-item', { has: scope.page().locator(`.el-form-item__label:text-is("${label}")`) }).locator('.el-form-item__error')
  return (await error.count()) ? (await error.first().textContent()).trim() : ''
}

/** Types a date into an Element Plus date picker. */
export async function typeDate(locator, value) {
  await locator.fill(value)
  await locator.press('Enter')
}

/** Waits until a condition holds (a save travels after its click), failing after `ms`. */
export async function until(check, ms = 15000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((ok) => setTimeout(ok, 250))) if (await check()) return
  throw new Error('timed out: ' + check)
}

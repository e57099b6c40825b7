// The console's benchmark (bench/console.sh): how long after the login click the first screen is
// usable on the demo district, measured in the browser, and what the built assets weigh.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ADMIN_PASSWORD, startPlatform } from './platform.mjs'
import { openBrowser } from './browser.mjs'

const runs = Number(process.argv[2] ?? 5)
const dist = resolve(import.meta.dirname, '../dist')

function assetSizes() {
  let raw = 0, gzip = 0, files = 0
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) { walk(path); continue }
      if (name.endsWith('.gz')) continue
      const bytes = readFileSync(path)
      raw += bytes.length
      gzip += gzipSync(bytes, { level: 9 }).length
      files++
    }
  }
  walk(dist)
  return { files, raw, gzip }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const kb = (n) => (n / 1024).toFixed(0) + ' KiB'

const platform = await startPlatform()
const browser = await openBrowser()
try {
  const cold = [], warm = [], loads = [], transfer = []
  let timeline = []
  for (let i = 0; i <= runs; i++) {
    const page = await browser.context.newPage()
    await page.goto(platform.base + '/login')
    const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0].toJSON())
    loads.push(nav.loadEventEnd)
    await page.fill('input[name=login]', 'admin')
    await page.fill('input[name=password]', ADMIN_PASSWORD)
    await page.evaluate(() => { window.__t0 = performance.now(); document.querySelector('[data-test=login-form] button[type=submit]').click() })
    // usable: the figures are in and the charts drawn
    const handle = await page.waitForFunction(() => {
      const figure = document.querySelector('[data-card=secretaries] .card-figure')?.textContent?.trim()
      const charts = document.querySelectorAll('.chart canvas').length
      return figure && figure !== '—' && charts >= 3 ? performance.now() - window.__t0 : false
    }, null, { timeout: 30000, polling: 'raf' })
    const ms = await handle.jsonValue()
    ;(i === 0 ? cold : warm).push(ms)
    if (i === 0) transfer.push(await page.evaluate(() => performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, 0)))
    // where the last run's time went: each call to the API after the click, from the click
    if (i === runs) timeline = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((r) => r.name.includes('/api/') && r.startTime >= window.__t0)
      .map((r) => ({ path: new URL(r.name).pathname + new URL(r.name).search, start: r.startTime - window.__t0, ms: r.duration })))
    await page.evaluate(() => sessionStorage.clear())
    await page.close()
  }
  const sizes = assetSizes()
  console.log(`login page load (navigation timing loadEventEnd), median of ${loads.length}: ${median(loads).toFixed(0)} ms`)
  console.log(`login click → first screen usable, first visit (empty cache): ${cold[0].toFixed(0)} ms`)
  console.log(`login click → first screen usable, cached assets, median of ${warm.length}: ${median(warm).toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)})`)
  console.log(`bytes transferred after the login click, first visit: ${kb(transfer[0])}`)
  console.log('the last run\'s API calls after the click (start → end, ms):')
  for (const c of timeline.sort((a, b) => a.start - b.start)) console.log(`  ${c.start.toFixed(0).padStart(5)} → ${(c.start + c.ms).toFixed(0).padStart(5)}  ${c.path}`)
  console.log(`built assets: ${sizes.files} files, ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzip`)
} finally {
  await browser.close()
  await platform.stop()
}

// The residents' ballot page on a phone (bench/ballot.sh): what it transfers and how long until it
// can be used, under a throttled phone profile in Chromium (CDP: 1.6 Mbps down, 750 kbps up, 150 ms
// round trip, CPU slowed 4×), at 375×667, with an empty cache; the console's login page beside it
// under the same profile, for comparison.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startPlatform, openCycle } from './platform.mjs'
import { openBrowser } from './browser.mjs'

const runs = Number(process.argv[2] ?? 5)
const dist = resolve(import.meta.dirname, '../dist')
const PROFILE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** The page's files as built (gzip twins, as the platform sends them): ballot.html and what it loads. */
function builtSize() {
  const html = readFileSync(join(dist, 'ballot.html'), 'utf8')
  const files = ['ballot.html', ...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1])]
  const gz = (f) => { try { return readFileSync(join(dist, f + '.gz')).length } catch { return readFileSync(join(dist, f)).length } }
  return { files, raw: files.reduce((s, f) => s + readFileSync(join(dist, f)).length, 0), gzip: files.reduce((s, f) => s + gz(f), 0) }
}

/** Opens `url` in a new phone-sized tab under the profile; answers ms until `ready` holds and bytes transferred. */
async function measure(browser, url, ready) {
  const page = await browser.context.newPage()
  await page.setViewportSize({ width: 375, height: 667 })
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', PROFILE)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  let bytes = 0
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength })
  await page.goto(url, { waitUntil: 'commit' })
  const handle = await page.waitForFunction(ready, null, { timeout: 60000, polling: 'raf' })
  const ms = await handle.jsonValue()
  await page.waitForLoadState('networkidle')
  await page.close()
  return { ms, bytes }
}

const platform = await startPlatform()
const browser = await openBrowser()
try {
  const cycle = await openCycle(platform, '2026-H1')
  const community = (await platform.admin.get('/communities', { limit: 1 })).items[0]
  const { tokens } = await platform.admin.post(`/evaluation-cycles/${cycle.id}/ballots`, { communityId: community.id, count: runs })
  const ballot = [], login = []
  for (let i = 0; i < runs; i++) {
    // usable: the five aspects and the submit button are on the screen, the token checked
    ballot.push(await measure(browser, `${platform.base}/ballot/${tokens[i]}`,
      () => document.querySelector('[data-view=form] [data-test=ballot-submit]') ? performance.now() : false))
    login.push(await measure(browser, `${platform.base}/login`, () => document.querySelector('input[name=login]') ? performance.now() : false))
  }
  const size = builtSize()
  const kb = (n) => (n / 1024).toFixed(1) + ' KiB'
  console.log(`profile: ${PROFILE.downloadThroughput * 8 / 1e6} Mbps down, ${PROFILE.uploadThroughput * 8 / 1e3} kbps up, ${PROFILE.latency} ms RTT, CPU 4× slower, 375×667, empty cache`)
  console.log(`ballot page files: ${size.files.join(', ')}: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip as served`)
  console.log(`ballot page transferred (everything incl. headers and the token check), median of ${runs}: ${kb(median(ballot.map((r) => r.bytes)))}`)
  console.log(`ballot page navigation → usable, median of ${runs}: ${median(ballot.map((r) => r.ms)).toFixed(0)} ms (min ${Math.min(...ballot.map((r) => r.ms)).toFixed(0)}, max ${Math.max(...ballot.map((r) => r.ms)).toFixed(0)})`)
  console.log(`for comparison, the console's login page: ${kb(median(login.map((r) => r.bytes)))} transferred, usable after ${median(login.map((r) => r.ms)).toFixed(0)} ms (median of ${runs})`)
} finally {
  await browser.close()
  await platform.stop()
}

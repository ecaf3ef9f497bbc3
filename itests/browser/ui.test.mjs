// The web UI in a real browser: Debian's chromium driven by playwright-core, axe-core for
// accessibility. Run by WebUiIT against a running panel (BASE_URL, ADMIN_PASSWORD, SCREENSHOTS, RUN).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { createHmac } from 'node:crypto'
import { execFileSync, spawn } from 'node:child_process'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const BASE = process.env.BASE_URL
const SHOTS = process.env.SCREENSHOTS
const RUN = process.env.RUN ?? String(Date.now() % 100000)
const PASSWORD = 'ui-pass-1'
const names = { plan: `Gold ${RUN}`, reseller: `ui-res-${RUN}`, customer: `ui-cust-${RUN}` }
let radioUrl = '' // the customer's station, made by the reseller's test
let context
let profile

before(async () => {
  mkdirSync(SHOTS, { recursive: true })
  profile = mkdtempSync(join(tmpdir(), 'castpanel-chromium-'))
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    // the app's Content-Security-Policy forbids inline scripts, axe-core's injection included
    bypassCSP: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  })
})

after(async () => {
  await context?.close()
  rmSync(profile, { recursive: true, force: true })
})

async function page() {
  const p = await context.newPage()
  p.setDefaultTimeout(20000)
  return p
}

async function login(p, username, password) {
  await p.goto(`${BASE}/login`)
  await p.getByLabel('Username').fill(username)
  await p.getByLabel('Password').fill(password)
  await p.getByRole('button', { name: 'Sign in' }).click()
}

async function logout(p) {
  await p.getByRole('button', { name: 'Log out' }).click()
  await p.waitForURL('**/login')
}

/** axe-core on the current page: no serious or critical violations. */
async function accessible(p, what) {
  // a fading element's colours are half-way: judge the page once every animation has finished
  await p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await p.addScriptTag({ content: AXE })
  const result = await p.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }))
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [],
    `${what} has serious accessibility violations`)
}

/** Dialogs close with an animation: wait until no overlay shows, so axe sees the page itself. */
async function noOverlay(p) {
  await p.waitForFunction(() => [...document.querySelectorAll('.el-overlay')]
    .every((e) => getComputedStyle(e).display === 'none'))
}

async function shot(p, name) {
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

/**
 * Picks an option of a select, opened by keyboard as a keyboard user would, and checks that the
 * select holds it: a click that lands while the list is still opening picks nothing (a Wowza server
 * was once registered as the default type, Flussonic, that way).
 */
async function choose(p, label, option) {
  const box = p.getByRole('combobox', { name: label, exact: true })
  const shown = p.locator('.el-select', { has: box }).getByText(option, { exact: true })
  for (let attempt = 0; attempt < 3; attempt++) {
    await box.focus()
    await p.keyboard.press('Enter')
    await p.getByRole('option', { name: option, exact: true }).click()
    try {
      await shown.waitFor({ timeout: 2000 })
      return
    } catch {
      // not chosen: open the list again
    }
  }
  assert.fail(`${option} could not be chosen in ${label}`)
}

test('a wrong password is refused with a clear message', async () => {
  const p = await page()
  await login(p, 'admin', 'not-the-password')
  await p.getByRole('alert').getByText('Wrong username or password.').waitFor()
  await accessible(p, 'the login page')
  await shot(p, '01-login-error')
  await p.close()
})

test('the administrator creates a plan and a reseller; validation errors land on their fields', async () => {
  const p = await page()
  await login(p, 'admin', process.env.ADMIN_PASSWORD)
  await p.getByRole('heading', { name: 'Dashboard' }).waitFor()
  await accessible(p, 'the administrator dashboard')
  await shot(p, '02-admin-dashboard')

  await p.getByRole('menuitem', { name: 'Engines' }).click()
  await p.getByRole('cell', { name: /Nginx-RTMP/ }).first().waitFor()
  await p.getByRole('cell', { name: /Icecast 2/ }).first().waitFor()
  await accessible(p, 'the engines page')
  await shot(p, '02b-engines')
  // a remote media server for the test engine's remote type: a bad URL is refused on its field
  await p.getByRole('button', { name: 'Add server' }).click()
  const serverDialog = p.getByRole('dialog')
  await serverDialog.getByLabel('Name', { exact: true }).fill(`ui-remote-${RUN}`)
  await serverDialog.getByLabel('URL').fill('wowza1 without a scheme')
  await serverDialog.getByRole('button', { name: 'Create' }).click()
  const urlError = serverDialog.locator('.el-form-item', { has: p.getByLabel('URL') }).locator('.el-form-item__error')
  await urlError.waitFor()
  assert.match(await urlError.innerText(), /http:\/\/ or https:\/\//)
  await serverDialog.getByLabel('URL').fill('http://127.0.0.2:8087')
  await serverDialog.getByLabel('Management password').fill('s3cret-pass')
  await serverDialog.getByRole('button', { name: 'Create' }).click()
  const serverRow = p.getByRole('row', { name: new RegExp(`ui-remote-${RUN}`) })
  await serverRow.getByText('UNKNOWN').waitFor()
  assert.ok(!(await p.content()).includes('s3cret-pass'), 'the password is never shown back')
  await accessible(p, 'the engines page with servers')
  await serverRow.getByRole('button', { name: `Delete ui-remote-${RUN}` }).click()
  await serverRow.waitFor({ state: 'detached' })

  await p.getByRole('menuitem', { name: 'Reseller plans' }).click()
  await p.getByRole('button', { name: 'New plan' }).click()
  await p.getByLabel('Name', { exact: true }).fill(names.plan)
  await p.getByLabel('Services').fill('5')
  await p.getByLabel('Listeners').fill('500')
  await p.locator('label.el-checkbox', { hasText: /^AutoDJ$/ }).click()
  await p.getByRole('button', { name: 'Create' }).click()
  await p.getByRole('cell', { name: names.plan }).waitFor()
  // edit: a PUT of the whole plan
  await p.getByRole('row', { name: new RegExp(names.plan) }).getByRole('button', { name: 'Edit' }).click()
  await p.getByLabel('Services').fill('6')
  await p.getByRole('button', { name: 'Save' }).click()
  await p.getByRole('row', { name: new RegExp(names.plan) }).getByRole('cell', { name: '6', exact: true }).waitFor()
  await shot(p, '03-plans')

  await p.getByRole('menuitem', { name: 'Accounts' }).click()
  await p.getByRole('button', { name: 'New account' }).click()
  await p.getByLabel('Username').fill('bad name!')
  await p.getByLabel('Name', { exact: true }).fill('UI Reseller')
  await p.getByLabel('Password', { exact: true }).fill('abc')
  await p.getByLabel('Confirm password').fill('abc')
  await p.getByRole('button', { name: 'Create' }).click()
  // the browser's own check: too short
  await p.locator('.el-form-item', { has: p.getByLabel('Password', { exact: true }) }).getByText('At least 8 characters.').waitFor()
  await p.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await p.getByLabel('Confirm password').fill(PASSWORD)
  await p.getByRole('button', { name: 'Create' }).click()
  // the server's check: the username's rule, shown on the username field
  const usernameError = p.locator('.el-form-item', { has: p.getByLabel('Username') }).locator('.el-form-item__error')
  await usernameError.waitFor()
  assert.match(await usernameError.innerText(), /username/i)
  await shot(p, '04-account-form-errors')
  await p.getByLabel('Username').fill(names.reseller)
  await choose(p, 'Reseller plan', names.plan)
  await p.getByRole('button', { name: 'Create' }).click()
  await noOverlay(p)
  // the panel may hold many accounts (other tests share it): find the new one with the search box
  await p.getByRole('textbox', { name: 'Search' }).fill(names.reseller)
  await p.keyboard.press('Enter')
  await p.getByRole('button', { name: names.reseller, exact: true }).waitFor()
  await noOverlay(p)
  await accessible(p, 'the accounts page')
  await shot(p, '05-accounts')
  await p.getByRole('button', { name: names.reseller, exact: true }).click()
  await p.getByText(`Overview: ${names.reseller}`).waitFor()
  await p.getByRole('dialog').getByText(`Your plan: ${names.plan}`).waitFor()
  await shot(p, '05b-account-overview')
  await p.keyboard.press('Escape')
  await logout(p)
  await p.close()
})

test('the reseller creates a customer and a service through the wizard, then starts it live', async () => {
  const p = await page()
  await login(p, names.reseller, PASSWORD)
  await p.getByText(`Your plan: ${names.plan}`).waitFor()
  await shot(p, '06-reseller-dashboard')

  await p.getByRole('menuitem', { name: 'Accounts' }).click()
  await p.getByRole('button', { name: 'New account' }).click()
  await p.getByLabel('Username').fill(names.customer)
  await p.getByLabel('Name', { exact: true }).fill('UI Customer')
  await p.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await p.getByLabel('Confirm password').fill(PASSWORD)
  await p.getByRole('button', { name: 'Create' }).click()
  const row = p.getByRole('row', { name: new RegExp(names.customer) })
  await row.getByText('Reseller sub-account').waitFor()

  await p.getByRole('menuitem', { name: 'Media services' }).click()
  await p.getByRole('button', { name: 'New service' }).click()
  await p.locator('label.el-radio', { hasText: names.customer }).click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.locator('label.el-radio', { hasText: 'Icecast 2' }).click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.getByLabel('Name', { exact: true }).fill('UI Radio')
  await p.getByLabel('Max listeners').fill('10')
  await p.getByText('Plan usage').waitFor()
  await accessible(p, 'the wizard')
  await shot(p, '07-wizard-configure')
  await p.getByRole('button', { name: 'Create' }).click()
  await p.getByRole('heading', { name: 'UI Radio' }).waitFor()

  await p.getByRole('button', { name: 'Start', exact: true }).click()
  // the status changes through the event stream, without a reload
  await p.locator('.title-row').getByText('RUNNING').waitFor({ timeout: 60000 })
  await p.getByText('sourcePassword').waitFor()
  await accessible(p, 'the service page')
  await shot(p, '08-service-running')
  await p.getByRole('button', { name: 'Stop', exact: true }).click()
  await p.locator('.title-row').getByText('STOPPED').waitFor({ timeout: 60000 })
  await p.getByRole('button', { name: 'Settings' }).click()
  await p.getByRole('dialog').getByLabel('Name', { exact: true }).fill('UI Radio FM')
  await p.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  await p.getByRole('heading', { name: 'UI Radio FM' }).waitFor()
  radioUrl = p.url()

  // an AutoDJ (the test engine's source type) feeds the station: the wizard offers the customer's
  // servers that accept it, and the new service links to the one it feeds
  await p.getByRole('menuitem', { name: 'Media services' }).click()
  await p.getByRole('button', { name: 'New service' }).click()
  await p.locator('label.el-radio', { hasText: names.customer }).click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.locator('label.el-radio', { hasText: 'Test AutoDJ' }).click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.getByLabel('Name', { exact: true }).fill('UI AutoDJ')
  await p.locator('.el-form-item', { hasText: 'Feeds the server service' }).getByText('UI Radio FM (icecast)').waitFor()
  assert.equal(await p.getByLabel('Max listeners').count(), 0, 'a source has no limits of its own')
  await accessible(p, 'the wizard for a source')
  await shot(p, '07b-wizard-autodj')
  await p.getByRole('button', { name: 'Create' }).click()
  await p.getByRole('heading', { name: 'UI AutoDJ' }).waitFor()
  const feeds = p.locator('.feeds').getByRole('link')
  await feeds.waitFor()
  assert.equal(new URL(await feeds.getAttribute('href'), p.url()).pathname, new URL(radioUrl).pathname)
  await logout(p)
  await p.close()
})

test('the administrator runs a SHOUTcast station: the wizard renders its settings, the page shows its streams', async () => {
  const p = await page()
  await login(p, 'admin', process.env.ADMIN_PASSWORD)
  await p.getByRole('menuitem', { name: 'Media services' }).click()
  await p.getByRole('button', { name: 'New service' }).click()
  await p.locator('label.el-radio').first().click() // yourself, first in the list
  await p.getByRole('button', { name: 'Next' }).click()
  await p.locator('label.el-radio', { hasText: 'SHOUTcast DNAS 2' }).click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.getByLabel('Name', { exact: true }).fill('UI Shoutcast')
  // the plugin's own settings, rendered from its descriptions
  const path = p.getByLabel('Stream path')
  assert.equal(await path.inputValue(), '/stream')
  await p.getByText('List in the SHOUTcast directory').waitFor()
  await accessible(p, 'the wizard for SHOUTcast')
  await path.fill('/bad path')
  await p.getByRole('button', { name: 'Create' }).click()
  await p.locator('.el-form-item', { hasText: 'Stream path' }).getByText(/is not of the expected form/).waitFor()
  await path.fill('/night')
  await p.getByRole('button', { name: 'Create' }).click()
  await p.getByRole('heading', { name: 'UI Shoutcast' }).waitFor()
  await p.getByRole('button', { name: 'Start', exact: true }).click()
  await p.locator('.title-row').getByText('RUNNING').waitFor({ timeout: 60000 })
  // the DNAS's connection details: base port, the legacy port encoders use, the stream id
  await p.getByText('legacySourcePort').waitFor()
  await p.getByText('streamId').waitFor()
  await p.getByText(/:\d+\/night/).first().waitFor()
  await accessible(p, 'the SHOUTcast service page')
  await shot(p, '08b-shoutcast-running')
  await p.getByRole('button', { name: 'Stop', exact: true }).click()
  await p.locator('.title-row').getByText('STOPPED').waitFor({ timeout: 60000 })
  await logout(p)
  await p.close()
})

test('the administrator registers a Wowza server, tests it, and runs a Wowza service on it', async () => {
  const p = await page()
  await login(p, 'admin', process.env.ADMIN_PASSWORD)
  await p.getByRole('menuitem', { name: 'Engines' }).click()
  await p.getByRole('button', { name: 'Add server' }).click()
  await choose(p, 'Type', 'Wowza Streaming Engine')
  const name = `ui-wowza-${RUN}`
  await p.getByLabel('Name', { exact: true }).fill(name)
  await p.getByLabel('URL').fill('ftp://nowhere')
  await p.getByRole('button', { name: 'Create' }).click()
  await p.locator('.el-form-item', { hasText: 'URL' }).getByText(/http:\/\/ or https:\/\//).waitFor()
  await p.getByLabel('URL').fill(process.env.WOWZA_URL)
  await p.getByLabel('Management user').fill('ui-wowza')
  await p.getByLabel('Management password').fill('ui-wowza-pass')
  await p.getByRole('button', { name: 'Create' }).click()
  await noOverlay(p)
  const row = p.getByRole('row', { name: new RegExp(name) })
  await row.getByText('UNKNOWN').waitFor()
  await p.getByRole('button', { name: `Test connection ${name}` }).click()
  await p.getByText(`${name}: HEALTHY`).waitFor()
  await row.getByText('HEALTHY').waitFor()
  await row.getByText(/simulator/).waitFor()
  await accessible(p, 'the engines page with a Wowza server')
  await shot(p, '08c-engine-servers')

  await p.getByRole('menuitem', { name: 'Media services' }).click()
  await p.getByRole('button', { name: 'New service' }).click()
  await p.locator('label.el-radio').first().click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.locator('label.el-radio', { hasText: 'Wowza Streaming Engine' }).click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.getByLabel('Name', { exact: true }).fill('UI Wowza')
  const stream = p.getByLabel('Stream name')
  assert.equal(await stream.inputValue(), 'live')
  await stream.fill('bad name')
  await p.getByRole('button', { name: 'Create' }).click()
  await p.locator('.el-form-item', { hasText: 'Stream name' }).getByText(/is not of the expected form/).waitFor()
  await stream.fill('ui')
  await p.getByRole('button', { name: 'Create' }).click()
  await p.getByRole('heading', { name: 'UI Wowza' }).waitFor()
  await p.getByRole('button', { name: 'Start', exact: true }).click()
  await p.locator('.title-row').getByText('RUNNING').waitFor({ timeout: 60000 })
  // what the encoder needs, and where players watch
  await p.getByText('publishUrl').waitFor()
  await p.getByText(/\/ui\/playlist\.m3u8/).first().waitFor()
  await p.getByText(name).first().waitFor()
  // viewers by protocol, from Wowza's connection counts
  const protocols = p.getByRole('definition').first()
  await p.locator('.protocols').getByText('HLS').waitFor()
  await p.locator('.protocols').getByText('RTMP').waitFor()
  assert.equal((await protocols.textContent()).trim(), '0')
  await accessible(p, 'the Wowza service page')
  await shot(p, '08d-wowza-running')
  await p.getByRole('button', { name: 'Stop', exact: true }).click()
  await p.locator('.title-row').getByText('STOPPED').waitFor({ timeout: 60000 })
  // leave the node as it was: the service, then the server it was placed on
  await p.getByRole('button', { name: 'Delete', exact: true }).click()
  await p.locator('.el-message-box').getByRole('button', { name: 'OK' }).click()
  await p.waitForURL('**/services', { timeout: 60000 })
  await p.getByRole('menuitem', { name: 'Engines' }).click()
  await p.getByRole('row', { name: new RegExp(name) }).getByText('0', { exact: true }).waitFor({ timeout: 30000 })
  await p.getByRole('button', { name: `Delete ${name}` }).click()
  await p.getByRole('row', { name: new RegExp(name) }).waitFor({ state: 'detached' })
  await logout(p)
  await p.close()
})

test('the administrator runs a Flussonic stream with DVR: the wizard renders its settings, the page shows the stream and its viewers', async () => {
  const p = await page()
  await login(p, 'admin', process.env.ADMIN_PASSWORD)
  await p.getByRole('menuitem', { name: 'Engines' }).click()
  await p.getByRole('button', { name: 'Add server' }).click()
  await choose(p, 'Type', 'Flussonic Media Server')
  const name = `ui-flussonic-${RUN}`
  await p.getByLabel('Name', { exact: true }).fill(name)
  await p.getByLabel('URL').fill(process.env.FLUSSONIC_URL)
  await p.getByLabel('Management user').fill('ui-flussonic')
  await p.getByLabel('Management password').fill('ui-flussonic-pass')
  await p.getByRole('button', { name: 'Create' }).click()
  await noOverlay(p)
  await p.getByRole('button', { name: `Test connection ${name}` }).click()
  await p.getByRole('row', { name: new RegExp(name) }).getByText('HEALTHY').waitFor()

  await p.getByRole('menuitem', { name: 'Media services' }).click()
  await p.getByRole('button', { name: 'New service' }).click()
  await p.locator('label.el-radio').first().click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.locator('label.el-radio', { hasText: 'Flussonic Media Server' }).click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.getByLabel('Name', { exact: true }).fill('UI Flussonic')
  // the plugin's own settings: where the video comes from, DVR, restreaming
  await p.getByRole('combobox', { name: 'Source', exact: true }).waitFor()
  await p.getByLabel('Pull from').waitFor()
  await p.getByLabel('DVR (hours kept)').fill('2')
  await p.getByLabel('Disk quota (MB)').fill('500')
  await accessible(p, 'the wizard for Flussonic')
  await p.getByRole('button', { name: 'Create' }).click()
  await p.getByRole('heading', { name: 'UI Flussonic' }).waitFor()
  await p.getByRole('button', { name: 'Start', exact: true }).click()
  await p.locator('.title-row').getByText('RUNNING').waitFor({ timeout: 60000 })
  await p.getByText('streamKey').waitFor()
  await p.getByText(/\/index\.m3u8/).first().waitFor()
  await p.getByText('dvrUrl').waitFor()
  await p.getByText(/archive-\{from\}-\{duration\}/).waitFor()
  await p.getByText('Connected now').waitFor()
  await p.locator('.protocols').getByText('HLS').waitFor()
  await accessible(p, 'the Flussonic service page')
  await shot(p, '08e-flussonic-running')
  await p.getByRole('button', { name: 'Delete', exact: true }).click()
  await p.locator('.el-message-box').getByRole('button', { name: 'OK' }).click()
  await p.waitForURL('**/services', { timeout: 60000 })
  await p.getByRole('menuitem', { name: 'Engines' }).click()
  await p.getByRole('row', { name: new RegExp(name) }).getByText('0', { exact: true }).waitFor({ timeout: 30000 })
  await p.getByRole('button', { name: `Delete ${name}` }).click()
  await p.getByRole('row', { name: new RegExp(name) }).waitFor({ state: 'detached' })
  await logout(p)
  await p.close()
})

/** A real MP3 with tags, made by ffmpeg (the test command installs it). */
function mp3(dir, name, title) {
  const file = join(dir, name)
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-metadata',
    `title=${title}`, '-metadata', 'artist=UI Band', '-c:a', 'libmp3lame', '-b:a', '96k', file])
  return readFileSync(file)
}

/** Drops files on an element as a desktop drag and drop would (a DataTransfer with File objects). */
async function dropFiles(p, target, files) {
  const dataTransfer = await p.evaluateHandle((list) => {
    const dt = new DataTransfer()
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))
      dt.items.add(new File([bytes], f.name, { type: f.type }))
    }
    return dt
  }, files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64') })))
  await target.dispatchEvent('dragenter', { dataTransfer })
  await target.dispatchEvent('drop', { dataTransfer })
}

test('a customer uploads by drag and drop with progress, pauses and resumes, edits tags and previews a track', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'castpanel-ui-media-'))
  const p = await page()
  try {
    const first = mp3(dir, 'first.mp3', 'Morning Tune')
    const second = mp3(dir, 'second.mp3', 'Evening Tune')
    await login(p, names.customer, PASSWORD)
    await p.getByRole('menuitem', { name: 'Media library' }).click()
    await p.getByRole('heading', { name: 'Media library' }).waitFor()
    await accessible(p, 'the empty media library')

    const zone = p.getByRole('region', { name: 'Upload', exact: true })
    await dropFiles(p, zone, [
      { name: 'first.mp3', type: 'audio/mpeg', bytes: first },
      { name: 'notes.mp3', type: 'audio/mpeg', bytes: Buffer.from('this is a text file, not audio\n') },
    ])
    const firstRow = p.locator('li.transfer', { hasText: 'first.mp3' })
    await firstRow.and(p.locator('[data-state="done"]')).waitFor()
    assert.equal(await firstRow.getByRole('progressbar').getAttribute('aria-valuenow'), '100')
    // a file that is not audio is refused with the panel's reason, on its own line
    const refused = p.locator('li.transfer', { hasText: 'notes.mp3' })
    await refused.getByRole('alert').waitFor()
    assert.match(await refused.getByRole('alert').innerText(), /not stored/)
    await p.getByRole('cell', { name: 'Morning Tune' }).waitFor()
    await shot(p, '09a-media-uploaded')

    // hold the second file's first PATCH, so pausing it is certain to happen mid-upload
    let held = null
    let heldArrived
    const arrived = new Promise((resolve) => { heldArrived = resolve })
    await p.route('**/api/v1/uploads/*', async (route) => {
      if (route.request().method() === 'PATCH' && held === null) {
        held = route
        heldArrived()
        return
      }
      await route.continue()
    })
    await dropFiles(p, zone, [{ name: 'second.mp3', type: 'audio/mpeg', bytes: second }])
    const secondRow = p.locator('li.transfer', { hasText: 'second.mp3' })
    await arrived
    await secondRow.getByRole('button', { name: 'Pause' }).click()
    await secondRow.and(p.locator('[data-state="paused"]')).waitFor()
    await held.abort('connectionaborted') // the paused request never arrives, as when the network drops
    await secondRow.getByRole('button', { name: 'Resume' }).click()
    await secondRow.and(p.locator('[data-state="done"]')).waitFor()
    await p.getByRole('cell', { name: 'Evening Tune' }).waitFor()
    await p.unroute('**/api/v1/uploads/*')
    await accessible(p, 'the media library with uploads')

    // tags are edited in the panel; the list shows them
    await p.getByRole('button', { name: 'Edit first.mp3' }).click()
    const dialog = p.getByRole('dialog')
    await dialog.getByLabel('Title').fill('Sunrise')
    await dialog.getByLabel('Year').fill('2024')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await p.getByRole('cell', { name: 'Sunrise' }).waitFor()
    // and a bad file name is refused on its field
    await p.getByRole('button', { name: 'Edit first.mp3' }).click()
    await dialog.getByLabel('File name').fill('../escape.mp3')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.locator('.el-form-item', { has: p.getByLabel('File name') }).getByText(/cannot contain/).waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await noOverlay(p)

    // preview in the browser: HTML5 audio plays the file itself
    await p.getByRole('button', { name: 'Play second.mp3' }).click()
    const audio = p.getByLabel('Preview of Evening Tune')
    await audio.waitFor()
    await p.waitForFunction(() => (document.querySelector('audio')?.duration ?? 0) > 2)
    await accessible(p, 'the media library with a preview')
    await shot(p, '09b-media-preview')
  } finally {
    await p.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the reseller runs a real AutoDJ on the customer\'s library: playlists refused on their field, then now playing', async () => {
  const p = await page()
  await login(p, names.reseller, PASSWORD)
  await p.getByRole('menuitem', { name: 'Media services' }).click()
  await p.getByRole('button', { name: 'New service' }).click()
  await p.locator('label.el-radio', { hasText: names.customer }).click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.locator('label.el-radio', { hasText: 'AutoDJ (Liquidsoap)' }).click()
  await p.getByRole('button', { name: 'Next' }).click()
  await p.getByLabel('Name', { exact: true }).fill('UI Night AutoDJ')
  await p.getByLabel('Repeat protection (minutes)').fill('0')
  await p.locator('.el-switch', { has: p.locator('#cfg-requests') }).click()
  assert.equal(await p.getByRole('switch', { name: 'Song requests' }).getAttribute('aria-checked'), 'true')
  await p.locator('.el-form-item', { hasText: 'Feeds the server service' }).getByText('UI Radio FM (icecast)').waitFor()
  await p.getByRole('button', { name: 'Create' }).click()
  await p.getByRole('heading', { name: 'UI Night AutoDJ' }).waitFor()
  const stationUrl = p.url()

  // a folder the library does not have is refused on the form's field, and nothing is stored
  await p.getByRole('button', { name: 'New playlist' }).click()
  const dialog = p.getByRole('dialog')
  await dialog.getByLabel('Name', { exact: true }).fill('Music')
  await dialog.getByLabel(/Library folders/).fill('nowhere')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await dialog.getByText('the library has no folder nowhere').waitFor()
  await dialog.getByLabel(/Library folders/).fill('')
  // an artist the library does not have: refused on the entries, with the artist named
  await dialog.getByLabel(/Artists/).fill('Nobody Known')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await dialog.getByText('the library has no tracks by Nobody Known').waitFor()
  await dialog.getByLabel(/Artists/).fill('')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await noOverlay(p)
  // the two tracks the customer uploaded in the media library's test
  await p.getByRole('row', { name: /Music/ }).getByRole('cell', { name: '2', exact: true }).waitFor()
  await accessible(p, 'the AutoDJ page with a playlist')
  // an interval playlist paced hourly at a minute: the form offers the three paces, the list says which
  await p.getByRole('button', { name: 'New playlist' }).click()
  await dialog.getByLabel('Name', { exact: true }).fill('Top of hour')
  await choose(p, 'Kind', 'Interval (jingles, IDs)')
  await choose(p, 'Plays', 'hourly, at a minute')
  await dialog.getByLabel(/At minute/).fill('15')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await noOverlay(p)
  await p.getByRole('row', { name: /Top of hour/ }).getByText('hourly at :15').waitFor()
  await p.locator('.el-switch', { has: p.getByRole('switch', { name: 'Enabled Top of hour' }) }).click()
  await p.locator('[role="switch"][aria-label="Enabled Top of hour"][aria-checked="false"]').waitFor({ state: 'attached' })
  // a playlist's entries edited by drag and drop from the library: a track dragged in, the
  // whole-library entry removed, saved; the list counts the one track
  await p.getByRole('row', { name: /Top of hour/ }).getByRole('button', { name: 'Edit entries' }).click()
  const editor = p.locator('.el-dialog', { hasText: 'Edit entries: Top of hour' })
  const entries = editor.locator('[data-test="playlist-entries"]')
  await entries.getByText('📁 the whole library').waitFor()
  await editor.locator('[data-test="library-track"]', { hasText: 'Sunrise' }).dragTo(entries)
  await entries.getByText('♪ Sunrise').waitFor()
  await entries.getByRole('button', { name: 'Delete 📁 the whole library' }).click()
  assert.equal(await entries.locator('li').count(), 1)
  await accessible(p, 'the playlist entries editor')
  await editor.getByRole('button', { name: 'Save' }).click()
  await noOverlay(p)
  await p.getByRole('row', { name: /Top of hour/ }).getByRole('cell', { name: '1', exact: true }).waitFor()
  // a show scheduled on the week calendar, next week (so never on the air in this test): a click on
  // Wednesday at 20:00 opens the form with that start; refused without one, named on its field
  const calendar = p.locator('[data-test="show-calendar"]')
  await calendar.getByRole('button', { name: 'Next week' }).click()
  await calendar.locator('.hours').nth(2).click({ position: { x: 5, y: 20 * 20 + 5 } })
  await dialog.getByLabel('Name', { exact: true }).fill('Evening show')
  const start = await dialog.getByLabel(/Starts/).inputValue()
  assert.match(start, /^\d{4}-\d\d-\d\dT20:00$/)
  await dialog.getByLabel(/Starts/).fill('')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await dialog.getByText('schedule.start must be a date and time').waitFor()
  await dialog.getByLabel(/Starts/).fill(start)
  await dialog.getByLabel(/Lasts/).fill('90')
  await choose(p, 'Repeats', 'weekly')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await noOverlay(p)
  await p.getByRole('row', { name: /Evening show/ }).getByText(/90 min, weekly/).waitFor()
  await calendar.locator('.show', { hasText: 'Evening show' }).waitFor()
  await accessible(p, 'the AutoDJ page with a scheduled show')

  await p.goto(radioUrl)
  await p.getByRole('button', { name: 'Start', exact: true }).click()
  await p.locator('.title-row').getByText('RUNNING').waitFor({ timeout: 60000 })
  await p.goto(stationUrl)
  await p.getByRole('button', { name: 'Start', exact: true }).click()
  await p.locator('.title-row').getByText('RUNNING').waitFor({ timeout: 60000 })
  // the panel chose the track; liquidsoap says when it is on the air; the page updates by itself
  await p.locator('[data-test="now-playing"]').getByText(/UI Band – (Sunrise|Evening Tune)/).waitFor({ timeout: 60000 })
  await accessible(p, 'the AutoDJ page on the air')
  await shot(p, '09c-autodj-now-playing')

  // a listener's song request through the public API (as a widget sends it) shows on the page and plays
  const stationId = stationUrl.match(/services\/(\d+)/)[1]
  const offered = await (await fetch(`${BASE}/api/v1/public/services/${stationId}/requests/tracks`)).json()
  assert.equal(offered.length, 2, JSON.stringify(offered))
  const asked = await fetch(`${BASE}/api/v1/public/services/${stationId}/requests`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ trackId: offered[0].id }),
  })
  assert.equal(asked.status, 201, await asked.text())
  await p.locator('[data-test="song-requests"]').getByText(/played/).waitFor({ timeout: 60000 })
  await p.getByRole('cell', { name: 'Listener request' }).first().waitFor({ timeout: 30000 })

  // the owner's remote control: a library track queued from the page shows as queued and plays; skip answers
  await p.getByRole('combobox', { name: 'Play next from the library' }).click()
  await p.getByRole('option', { name: /Evening Tune/ }).click()
  await p.getByRole('button', { name: 'Queue', exact: true }).click()
  await p.locator('[data-test="song-requests"]').getByRole('cell', { name: 'Queued by the station' }).first().waitFor()
  await p.locator('[data-test="song-requests"]').getByRole('row', { name: /Queued by the station.*played/ }).waitFor({ timeout: 60000 })
  await accessible(p, 'the AutoDJ page with a queued track')
  await p.getByRole('button', { name: 'Skip track' }).click()
  await p.getByText('Skipped: the next track plays').waitFor()

  // a live DJ: a slot that ends before it starts is refused on the form; the password shows once
  await p.getByRole('button', { name: 'New DJ' }).click()
  const djDialog = p.getByRole('dialog', { name: 'New DJ' })
  await djDialog.getByLabel('Name', { exact: true }).fill('Night Owl')
  await djDialog.getByLabel('User name').fill('owl')
  await djDialog.getByText('Only in these weekly slots').click()
  await djDialog.getByRole('button', { name: 'Add a slot' }).click()
  await djDialog.getByLabel('From').fill('20:00')
  await djDialog.getByLabel('To').fill('18:00')
  await djDialog.getByRole('button', { name: 'Create' }).click()
  await djDialog.getByText('a slot ends after it starts').waitFor()
  await djDialog.getByText('Only in these weekly slots').click()
  await djDialog.getByRole('button', { name: 'Delete' }).click()
  await djDialog.getByRole('button', { name: 'Create' }).click()
  const password = (await p.locator('[data-test="dj-password"]').textContent()).trim()
  assert.match(password, /^[A-Za-z0-9]{20}$/)
  await accessible(p, 'the DJ password dialog')
  await p.getByRole('dialog', { name: 'DJ password' }).getByRole('button', { name: 'Close', exact: true }).click()
  await noOverlay(p)
  await p.getByRole('row', { name: /Night Owl/ }).getByText('any time').waitFor()
  // the DJ's encoder (ffmpeg) on the harbor the page names: the page says who is live, by itself
  const hint = await p.getByText(/DJs connect their encoder/).textContent()
  const port = hint.match(/port (\d+)/)[1]
  const encoder = spawn('ffmpeg', ['-nostdin', '-v', 'error', '-re', '-f', 'lavfi', '-i', 'sine=frequency=1000',
    '-c:a', 'libmp3lame', '-b:a', '64k', '-content_type', 'audio/mpeg', '-f', 'mp3',
    `icecast://owl:${password}@127.0.0.1:${port}/live`], { stdio: 'ignore' })
  try {
    await p.locator('[data-test="now-live"]').getByText('Live: Night Owl').waitFor({ timeout: 30000 })
    await p.getByRole('row', { name: /Night Owl/ }).locator('[data-test="dj-live"]').waitFor()
    await shot(p, '09d-autodj-live-dj')
  } finally {
    encoder.kill('SIGKILL')
  }
  await p.locator('[data-test="now-playing"]').waitFor({ timeout: 30000 })
  await p.getByRole('button', { name: 'Stop', exact: true }).click()
  await p.locator('.title-row').getByText('STOPPED').waitFor({ timeout: 60000 })
  await p.goto(radioUrl)
  await p.getByRole('button', { name: 'Stop', exact: true }).click()
  await p.locator('.title-row').getByText('STOPPED').waitFor({ timeout: 60000 })
  await logout(p)
  await p.close()
})

test('a customer has no accounts menu and sees its own service', async () => {
  const p = await page()
  await login(p, names.customer, PASSWORD)
  await p.getByRole('heading', { name: 'Dashboard' }).waitFor()
  await p.getByRole('cell', { name: 'UI Radio FM' }).waitFor()
  assert.equal(await p.getByRole('menuitem', { name: 'Accounts' }).count(), 0)
  assert.equal(await p.getByRole('menuitem', { name: 'Reseller plans' }).count(), 0)
  await accessible(p, 'the customer dashboard')
  await shot(p, '09-customer-dashboard')
  await p.getByRole('menuitem', { name: 'Profile' }).click()
  await p.getByLabel('Label').fill('my encoder script')
  await p.getByRole('button', { name: 'Create key' }).click()
  await p.getByText('Copy this key now: it is shown only once.').waitFor()
  await p.getByRole('cell', { name: 'my encoder script' }).waitFor()
  await accessible(p, 'the profile page')
  await choose(p, 'Default language', 'Deutsch')
  await p.getByRole('button', { name: 'Save' }).click()
  await p.getByRole('menuitem', { name: 'Übersicht' }).waitFor()
  await shot(p, '10-customer-german')
  // the engine's own settings come in German too: the Icecast plugin ships the texts
  await p.goto(radioUrl)
  await p.getByRole('button', { name: 'Einstellungen' }).click()
  await p.getByRole('dialog').getByText('Einhängepunkt', { exact: true }).waitFor()
  await shot(p, '10b-engine-settings-german')
  await p.keyboard.press('Escape')
  await p.close()
})

/** RFC 6238 (SHA-1, 30 s, 6 digits), as an authenticator app computes it; stepsAhead 1 = the next code. */
function totp(base32, stepsAhead = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const c of base32) bits += alphabet.indexOf(c).toString(2).padStart(5, '0')
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + stepsAhead))
  const h = createHmac('sha1', key).update(counter).digest()
  const o = h[19] & 0xf
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, '0')
}

test('the customer turns on two-factor authentication and then logs in with a code', async () => {
  const p = await page()
  await login(p, names.customer, PASSWORD)
  await p.getByRole('menuitem', { name: 'Profil' }).click() // the customer chose German in the test before
  await p.locator('#twofa-password').fill(PASSWORD)
  await p.locator('form:has(#twofa-password) button[type=submit]').click()
  const secret = (await p.getByTestId('totp-secret').innerText()).trim()
  assert.match(secret, /^[A-Z2-7]{32}$/)
  await p.locator('#twofa-code').fill(totp(secret))
  await p.locator('form:has(#twofa-code) button[type=submit]').click()
  const codes = p.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
  await codes.first().waitFor()
  assert.equal(await codes.count(), 10)
  await accessible(p, 'the two-factor setup')
  await shot(p, '11-two-factor-on')
  await p.getByRole('button', { name: 'Abmelden' }).click()
  await p.waitForURL('**/login')

  await p.getByLabel(/Username|Benutzername/).fill(names.customer)
  await p.locator('#password').fill(PASSWORD)
  await p.locator('form:has(#password) button[type=submit]').click()
  await p.locator('#code').fill('000000')
  await p.locator('form:has(#code) button[type=submit]').click()
  await p.getByRole('alert').getByText('wrong code').waitFor()
  await shot(p, '12-two-factor-wrong-code')
  // the setup used this step's code, and a code works once: the app's next one
  await p.locator('#code').fill(totp(secret, 1))
  await p.locator('form:has(#code) button[type=submit]').click()
  await p.getByRole('menuitem', { name: 'Übersicht' }).waitFor()
  await p.close()
})

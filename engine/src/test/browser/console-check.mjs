// Drives the Tocsin operator console in a real headless Chromium (Debian /usr/bin/chromium) with
// playwright-core. Run by ConsoleBrowserTest:
//   node console-check.mjs BASE_URL OPERATOR_KEY PUBLISHER_KEY SCREENSHOT_DIR FAST_CAP_FILE SLOW_CAP_FILE
// Prints one "PASS <step>" line per verified step and exits 0, or prints "FAIL <reason>" and exits 1.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, operatorKey, publisherKey, shotDir, fastCap, slowCap] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'tocsin-chromium-'));
const pass = (step, detail = '') => console.log(`PASS ${step}${detail ? ' ' + detail : ''}`);

async function submit(file) {
  const res = await fetch(`${base}/api/v1/alerts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${publisherKey}`, 'Content-Type': 'application/cap+xml' },
    body: readFileSync(file)
  });
  const text = await res.text();
  if (res.status !== 202 && res.status !== 200) throw new Error(`submit ${file}: HTTP ${res.status} ${text}`);
  return JSON.parse(text).id;
}

const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
let exitCode = 0;
try {
  const page = browser.pages()[0] || await browser.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(base)) external.push(r.url()); });

  await page.goto(`${base}/console/`);
  await page.fill('#key', 'not-a-key');
  await page.click('#login');
  await page.waitForFunction(() => document.getElementById('login-error').textContent.length > 0);
  pass('wrong-key-refused', await page.textContent('#login-error'));
  consoleErrors.length = 0; // the refused login logs its expected 401

  await page.fill('#key', operatorKey);
  await page.click('#login');
  await page.waitForSelector('body[data-connected="true"]', { timeout: 15000 });
  pass('login-and-live-stream', await page.textContent('#operator'));

  const slowId = await submit(slowCap);
  const fastId = await submit(fastCap);
  pass('submitted', `fast=${fastId} slow=${slowId}`);

  // Progress of the fast alert reaches 100% in the page, live over SSE.
  await page.click(`li.alert-card[data-alert-id="${fastId}"]`);
  await page.waitForSelector(`li.alert-card[data-alert-id="${fastId}"][data-progress="100"]`, { timeout: 60000 });
  await page.waitForSelector(`#detail-body[data-alert-id="${fastId}"] #overall-text[data-progress="100"]`, { timeout: 10000 });
  const rows = await page.$$eval('#channel-rows tr', (trs) => trs.map((tr) => `${tr.dataset.channel}=${tr.dataset.progress}%`));
  if (rows.length === 0 || rows.some((r) => !r.endsWith('=100%'))) throw new Error(`channel rows not all 100%: ${rows}`);
  pass('progress-100', rows.join(','));
  const targeted = await page.$$eval('#map path.region.targeted', (ps) => ps.map((p) => p.dataset.region));
  pass('map-targets', targeted.join(','));
  await page.screenshot({ path: join(shotDir, 'console.png'), fullPage: true });
  pass('screenshot', join(shotDir, 'console.png'));

  // Cancel the slow alert through the UI confirmation; it must stop.
  await page.click(`li.alert-card[data-alert-id="${slowId}"]`);
  await page.waitForSelector(`#detail-body[data-alert-id="${slowId}"]`);
  await page.click('#cancel-button');
  await page.waitForSelector('#confirm:not(.hidden)');
  const confirmText = await page.textContent('#confirm-text');
  const reachText = await page.textContent('#confirm-reach');
  const slowHeadline = await page.textContent('#detail-headline');
  if (!confirmText.includes(slowHeadline) || !confirmText.includes(slowId)) {
    throw new Error(`confirmation does not name the alert: ${confirmText}`);
  }
  if (!/\d/.test(reachText)) throw new Error(`confirmation does not state the reach: ${reachText}`);
  pass('confirmation-names-alert-and-reach', `${confirmText} | ${reachText}`);
  await page.screenshot({ path: join(shotDir, 'console-confirm.png') });
  await page.fill('#confirm-reason', 'browser test: false alarm');
  await page.click('#confirm-yes');
  await page.waitForSelector('#confirm.hidden', { state: 'attached' });
  await page.waitForSelector(`li.alert-card[data-alert-id="${slowId}"][data-state="CANCELLED"]`, { timeout: 30000 });
  const delivered = async () => page.$eval('#channel-rows tr[data-channel="SMS"] td.n-delivered', (td) => td.textContent);
  const before = await delivered();
  // Observe the page for a while: a stopped alert's delivered count must not move.
  await page.waitForTimeout(1500);
  const after = await delivered();
  if (before !== after) throw new Error(`delivered kept moving after cancel: ${before} -> ${after}`);
  const cancelledCount = await page.$eval('#channel-rows tr[data-channel="SMS"] td.n-cancelled', (td) => td.textContent);
  pass('cancel-stops', `delivered=${after} cancelled=${cancelledCount}`);
  await page.screenshot({ path: join(shotDir, 'console-cancelled.png'), fullPage: true });

  // Language toggle: English labels appear.
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  pass('language-toggle', await page.textContent('#cancel-button'));

  if (external.length > 0) throw new Error(`page reached outside the engine: ${external.join(' ')}`);
  pass('offline', 'no external requests');
  if (consoleErrors.length > 0) throw new Error(`page errors: ${consoleErrors.join(' | ')}`);
  pass('no-page-errors');
} catch (e) {
  console.log(`FAIL ${e && e.stack ? e.stack : e}`);
  exitCode = 1;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);

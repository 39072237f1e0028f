// Drives the Tocsin operator console of a REAL engine (every connector, simulated carriers/CBCs/playout) in a
// real headless Chromium (Debian /usr/bin/chromium) with playwright-core. Run by ConsoleBrowserTest:
//   node console-check.mjs CONFIG_JSON
// CONFIG_JSON: {base, operatorKey, shotDir, alerts: {exercise|pending|fast|slow: {key, file}}}
// Prints one "PASS <step> <detail>" line per verified step and exits 0, or prints "FAIL <reason>" and exits 1.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { base, operatorKey, shotDir } = config;
const profile = mkdtempSync(join(tmpdir(), 'tocsin-chromium-'));
const t0 = Date.now();
const pass = (step, detail = '') => console.log(`PASS ${step}${detail ? ' ' + detail : ''} (+${Date.now() - t0} ms)`);

async function submit(name) {
  const { key, file } = config.alerts[name];
  const res = await fetch(`${base}/api/v1/alerts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/cap+xml' },
    body: readFileSync(file)
  });
  const text = await res.text();
  if (res.status !== 202) throw new Error(`submit ${name}: HTTP ${res.status} ${text}`);
  const id = JSON.parse(text).id;
  console.log(`ID ${name} ${id}`);
  return id;
}
const card = (id) => `li.alert-card[data-alert-id="${id}"]`;

const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 960 },
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

  // An alert already waiting for approval before any console page is open.
  const pendingId = await submit('pending');
  const signIn = async (p) => {
    await p.fill('#key', operatorKey);
    await p.click('#login');
    try {
      await p.waitForSelector('#main-view:not(.hidden)', { timeout: 30000 });
    } catch (e) {
      throw new Error(`sign-in did not open the console: login error "${await p.textContent('#login-error')}", `
        + `main view "${await p.getAttribute('#main-view', 'class')}": ${e.message}`);
    }
  };

  // A page whose live stream is blocked still lists it: the approvals box is filled from GET /api/v1/approvals,
  // with the queue's own facts (submitter, approval deadline), not from the stream.
  const quiet = await browser.newPage();
  await quiet.route('**/api/v1/events**', (route) => route.abort());
  await quiet.goto(`${base}/console/`);
  await signIn(quiet);
  const queued = `#approval-list li[data-alert-id="${pendingId}"][data-source="queue"][data-deadline]`;
  await quiet.waitForSelector(queued, { timeout: 15000 });
  const queuedText = await quiet.textContent(queued);
  if (!queuedText.includes('gz-tianhe-emergency-office')) throw new Error(`queue row without its submitter: ${queuedText}`);
  if (await quiet.getAttribute('body', 'data-connected') === 'true') throw new Error('the stream was not blocked');
  pass('approvals-before-open', queuedText);
  await quiet.close();

  // Sign in: a wrong key is refused, the operator's key opens the live stream.
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

  // On this page too the waiting alert is in the box as soon as it opens.
  await page.waitForSelector(`#approval-list li[data-alert-id="${pendingId}"]`, { timeout: 15000 });
  const exerciseId = await submit('exercise');
  const fastId = await submit('fast');

  // The fast alert's progress reaches 100% on every channel, live over SSE.
  await page.click(card(fastId));
  const seenProgress = new Set();
  const started = Date.now();
  while (Date.now() - started < 150000) {
    const p = await page.getAttribute(card(fastId), 'data-progress');
    seenProgress.add(p);
    if (p === '100') break;
    await page.waitForFunction(([sel, old]) => document.querySelector(sel).dataset.progress !== old,
      [card(fastId), p], { timeout: 150000 });
  }
  await page.waitForSelector(`#detail-body[data-alert-id="${fastId}"] #overall-text[data-progress="100"]`, { timeout: 20000 });
  const rows = await page.$$eval('#channel-rows tr', (trs) => trs.map((tr) => `${tr.dataset.channel}=${tr.dataset.progress}%`));
  if (rows.length < 2 || rows.some((r) => !r.endsWith('=100%'))) throw new Error(`channel rows not all 100%: ${rows}`);
  pass('progress-100', rows.join(','));
  pass('progress-seen-live', [...seenProgress].join('>'));

  // The map: targeted regions shaded by the ledger's delivered counts; blind spots from the coverage estimate.
  await page.waitForSelector('#map-blind[data-state="ready"]', { timeout: 30000 });
  const regions = await page.$$eval('#map path.region.targeted', (ps) => ps.map((p) =>
    `${p.dataset.region}=${p.dataset.delivered}/${p.dataset.planned}`));
  pass('map-region-delivery', regions.join(','));
  const blindCells = await page.getAttribute('#map', 'data-blind-cells');
  pass('map-blind-spots', `cells=${blindCells} | ${await page.textContent('#map-blind')}`);

  // Exercise alerts look unmistakably different: striped card, tag, banner.
  const exerciseCard = await page.$eval(card(exerciseId), (li) => ({
    cls: li.className, tag: li.querySelector('.tag') ? li.querySelector('.tag').textContent : ''
  }));
  if (!exerciseCard.cls.includes('is-exercise') || !exerciseCard.tag.includes('EXERCISE')) {
    throw new Error(`exercise card not marked: ${JSON.stringify(exerciseCard)}`);
  }
  const liveCard = await page.$eval(card(fastId), (li) => li.className + ' ' + li.querySelectorAll('.tag').length);
  if (liveCard.includes('is-exercise') || !liveCard.endsWith(' 0')) throw new Error(`live card marked: ${liveCard}`);
  pass('exercise-marked', `${exerciseCard.tag} vs live "${liveCard}"`);
  // ... and the browser really paints them differently: computed styles of the two cards and of the tag.
  const look = (sel) => page.$eval(sel, (e) => {
    const cs = getComputedStyle(e);
    return { image: cs.backgroundImage, border: cs.borderTopStyle, colour: cs.backgroundColor };
  });
  const exerciseLook = await look(card(exerciseId));
  const liveLook = await look(card(fastId));
  const tagLook = await look(`${card(exerciseId)} .tag`);
  if (!exerciseLook.image.includes('repeating-linear-gradient') || exerciseLook.border !== 'dashed') {
    throw new Error(`exercise card not striped and dashed: ${JSON.stringify(exerciseLook)}`);
  }
  if (liveLook.image !== 'none' || liveLook.border !== 'solid') {
    throw new Error(`live card styled like an exercise: ${JSON.stringify(liveLook)}`);
  }
  if (!tagLook.image.includes('repeating-linear-gradient')) throw new Error(`exercise tag not striped: ${JSON.stringify(tagLook)}`);
  pass('exercise-styled', `exercise ${exerciseLook.border} ${exerciseLook.image.slice(0, 40)}… vs live ${liveLook.border} ${liveLook.image}`);

  // The approvals queue lists the pending alert.
  await page.waitForSelector(`#approval-list li[data-alert-id="${pendingId}"]`, { timeout: 20000 });
  pass('approvals-listed', await page.textContent(`#approval-list li[data-alert-id="${pendingId}"]`));
  await page.screenshot({ path: join(shotDir, 'console.png'), fullPage: true });
  pass('screenshot', join(shotDir, 'console.png'));

  await page.click(card(exerciseId));
  await page.waitForSelector(`#detail-body[data-alert-id="${exerciseId}"] #detail-banner.exercise-stripes:not(.hidden)`);
  pass('exercise-banner', await page.textContent('#detail-banner'));
  await page.screenshot({ path: join(shotDir, 'console-exercise.png') });

  // Reject asks for a reason and the alert leaves the queue as REJECTED.
  await page.click(`#approval-list li[data-alert-id="${pendingId}"] button.reject`);
  await page.waitForSelector('#reject:not(.hidden)');
  const rejectText = await page.textContent('#reject-text');
  if (!rejectText.includes(pendingId)) throw new Error(`reject dialog does not name the alert: ${rejectText}`);
  await page.click('#reject-yes');
  const needReason = await page.textContent('#reject-error');
  if (!needReason) throw new Error('rejecting without a reason was not refused');
  await page.fill('#reject-reason', 'browser test: wrong district');
  await page.click('#reject-yes');
  await page.waitForSelector('#reject.hidden', { state: 'attached' });
  await page.waitForSelector(`${card(pendingId)}[data-state="REJECTED"]`, { timeout: 20000 });
  await page.waitForSelector('#approvals.hidden', { state: 'attached' });
  pass('reject-with-reason', `${rejectText} | refused empty: ${needReason}`);

  // Cancel a city-wide alert while it dispatches, through the confirmation that names it and its reach; it stops.
  const slowId = await submit('slow');
  await page.waitForSelector(`${card(slowId)}[data-state="DISPATCHING"]`, { timeout: 30000 });
  await page.click(card(slowId));
  await page.waitForSelector(`#detail-body[data-alert-id="${slowId}"][data-state="DISPATCHING"]`, { timeout: 20000 });
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
  await page.waitForSelector(`${card(slowId)}[data-state="CANCELLED"]`, { timeout: 30000 });
  const count = (k) => page.$eval(`#channel-rows tr[data-channel="SMS"] td.n-${k}`, (td) => td.textContent);
  // What was already handed to the carriers' binds (SUBMITTED) still gets its receipts; then nothing moves.
  await page.waitForSelector('#channel-rows tr[data-channel="SMS"] td.n-submitted:text-is("0")', { timeout: 30000 });
  await page.waitForSelector('#channel-rows tr[data-channel="SMS"] td.n-accepted:text-is("0")', { timeout: 30000 });
  const before = await count('delivered');
  await page.waitForTimeout(1500);
  const after = await count('delivered');
  if (before !== after) throw new Error(`delivered kept moving after cancel: ${before} -> ${after}`);
  const cancelled = await count('cancelled');
  if (cancelled === '0') throw new Error('nothing was cancelled: the alert had finished before the cancel');
  pass('cancel-stops', `delivered=${after} cancelled=${cancelled} planned=${await count('planned')}`);
  await page.screenshot({ path: join(shotDir, 'console-cancelled.png'), fullPage: true });

  // Language toggle: English labels.
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const english = await page.textContent('h2[data-i18n="channels"]');
  if (english.trim() !== 'Channels') throw new Error(`not English: ${english}`);
  pass('language-toggle', `${english} / ${await page.textContent('#detail-state')}`);
  await page.click(card(fastId));
  await page.waitForSelector('#map-blind[data-state="ready"]');
  await page.screenshot({ path: join(shotDir, 'console-en.png'), fullPage: true });

  if (external.length > 0) throw new Error(`page reached outside the engine: ${external.join(' ')}`);
  pass('offline', 'no external requests');
  if (consoleErrors.length > 0) throw new Error(`page errors: ${consoleErrors.join(' | ')}`);
  pass('no-page-errors');
} catch (e) {
  console.log(`FAIL ${e && e.stack ? e.stack : e} (+${Date.now() - t0} ms)`);
  exitCode = 1;
  try {
    const page = browser.pages()[0];
    console.log('DETAIL ' + await page.evaluate(() => JSON.stringify({
      connected: document.body.dataset.connected,
      cards: Array.from(document.querySelectorAll('li.alert-card')).map((li) => `${li.dataset.alertId}:${li.dataset.state}:${li.dataset.progress}`),
      detail: document.getElementById('detail-body').dataset, overall: document.getElementById('overall-text').textContent,
      rows: Array.from(document.querySelectorAll('#channel-rows tr')).map((tr) => tr.textContent) })));
    await page.screenshot({ path: join(shotDir, 'console-failed.png'), fullPage: true });
  } catch (ignored) { /* nothing more to show */ }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);

#!/usr/bin/env node
// Browser test of the whole product against a real launcher (npm run test:e2e; ./offerpulse test runs it after the
// Maven build). It starts launcher/target/offerpulse-launcher.jar on a free port with a temporary data directory,
// drives Debian's Chromium through playwright-core (no browser download, ever), saves a screenshot of every page
// under e2e/screenshots/, and always stops the launcher. Bounded: every wait has a limit, the whole run a deadline.
//
// Environment: OFFERPULSE_JAR (default ../launcher/target/offerpulse-launcher.jar), CHROME_BIN (default
// /usr/bin/chromium), JAVA_HOME (else java on the PATH), E2E_BASE_URL (use a running launcher instead of starting one), E2E_DEADLINE_S (default 170).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const JAR = process.env.OFFERPULSE_JAR ?? path.join(root, 'launcher', 'target', 'offerpulse-launcher.jar');
const CHROME = process.env.CHROME_BIN ?? '/usr/bin/chromium';
const SHOTS = path.join(here, 'screenshots');
const RUN_DIR = path.join(here, '.run');
const DEADLINE_MS = Number(process.env.E2E_DEADLINE_S ?? 170) * 1000;
const STARTUP_LIMIT_MS = 100_000;
const WAIT_MS = 20_000;
const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Rounds only need to rise at all to make the testimonial prompt eligible here (the default asks for +3 points).
// One partition per topic: fewer Kafka Streams tasks start faster on a small machine; the UI does not care.
const LAUNCHER_ARGS = ['--offerpulse.growth.testimonial.min-rise=0.0001', '--offerpulse.topics.partitions=1'];

const started = Date.now();
const results = [];
let launcher = null;
let dataDir = null;
let browser = null;

function log(msg) {
  console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startLauncher() {
  if (!fs.existsSync(JAR)) throw new Error(`${JAR} not found: build it first (./mvnw -B -pl launcher -am package)`);
  const port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerpulse-e2e-'));
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const logFile = path.join(RUN_DIR, 'launcher.log');
  const out = fs.openSync(logFile, 'w');
  // Run a private copy: a build that rewrites the jar while the JVM reads classes from it would break the run.
  const jar = path.join(dataDir, 'offerpulse-launcher.jar');
  fs.copyFileSync(JAR, jar);
  const args = [
    '-Xmx1g',
    '-XX:+UseSerialGC',
    // A short run: the quick C1 compiler costs far less CPU during start-up than full tiered compilation.
    '-XX:TieredStopAtLevel=1',
    '-jar',
    jar,
    `--server.port=${port}`,
    `--offerpulse.data.dir=${dataDir}`,
    '--offerpulse.kafka.embedded-port=0',
    '--logging.structured.format.console=',
    ...LAUNCHER_ARGS,
  ];
  log(`starting the launcher on port ${port} (data ${dataDir}, log ${path.relative(process.cwd(), logFile)})`);
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  launcher = spawn(java, args, { stdio: ['ignore', out, out], detached: true });
  launcher.on('exit', (code, signal) => {
    if (launcher) log(`launcher exited (${code ?? signal})`);
    launcher = null;
  });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < until) {
    if (!launcher) throw new Error(`the launcher stopped during start-up; see ${logFile}`);
    try {
      const res = await fetch(`${base}/actuator/health`);
      if (res.ok && (await res.json()).status === 'UP') {
        log('launcher is UP');
        return base;
      }
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`the launcher was not healthy within ${STARTUP_LIMIT_MS / 1000}s; see ${logFile}`);
}

async function stopLauncher() {
  const child = launcher;
  if (!child) return;
  launcher = null;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!done) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

async function cleanup() {
  try {
    await browser?.close();
  } catch {
    // ignore
  }
  browser = null;
  await stopLauncher();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------

let blocked = null;

/** Runs one named step; after a failure the remaining steps are reported as skipped (they build on each other). */
async function step(name, fn) {
  if (blocked) {
    results.push({ name, status: 'skipped' });
    log(`SKIP ${name} (after: ${blocked})`);
    return;
  }
  if (Date.now() - started > DEADLINE_MS) {
    blocked = 'deadline';
    results.push({ name, status: 'failed', error: 'deadline reached' });
    return;
  }
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, status: 'passed' });
    log(`PASS ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, status: 'failed', error: e instanceof Error ? e.message : String(e) });
    log(`FAIL ${name}: ${e instanceof Error ? e.stack : e}`);
    blocked = name;
  }
}

/**
 * Saves what a person sees. Whole pages are captured from the top (a full-page capture of a scrolled page draws
 * sticky elements mid-page); `{ viewportAtBottom: true }` captures the screen scrolled to the end instead, as in
 * the room where the answer box stays pinned to the bottom.
 */
async function shot(page, name, { viewportAtBottom = false } = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.evaluate((bottom) => window.scrollTo(0, bottom ? document.body.scrollHeight : 0), viewportAtBottom);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: !viewportAtBottom });
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function meterValues(page) {
  return page.$$eval('.room [role="meter"]', (els) => els.map((e) => e.getAttribute('aria-valuenow')));
}

async function typeAnswer(page, sentences) {
  const box = page.locator('#answer');
  for (const s of sentences) {
    await box.fill(s);
    await box.press('Enter');
  }
}

/** Waits until the transcript shows `count` tagged sentences (chips other than "Scoring…"). */
async function waitForTaggedSentences(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('.sentence[data-tag]').length >= n, count, { timeout: WAIT_MS });
}

async function endRoundAndReadDelta(page) {
  await page.getByRole('button', { name: 'End round' }).click();
  await page.getByTestId('delta-card').waitFor({ timeout: 40_000 });
  return (await page.getByTestId('delta-after').textContent())?.trim() ?? '';
}

async function promptState(page) {
  return page.evaluate(async () => {
    const identity = JSON.parse(localStorage.getItem('offerpulse.identity') ?? '{}');
    const res = await fetch('/api/user/prompts', { headers: { authorization: `Bearer ${identity.token}` } });
    return res.ok ? (await res.json()).testimonial : { status: res.status };
  });
}

const WEAK_ANSWER = [
  'Last year our checkout service kept failing during peak sales, and customers abandoned their carts.',
  'Um, so basically we tried a lot of things and stuff to fix it.',
  'I think it was a huge success in the end.',
];
const STRONG_ANSWER = [
  'In my last role our checkout service failed during peak sales and we lost about 8% of orders.',
  'I profiled the payment calls, found a retry storm and rewrote the retry logic with backoff myself.',
  'I also added a load test to our release pipeline so the problem could not come back.',
  'As a result, checkout errors dropped by 40% and revenue grew by $2M in the next quarter.',
  'I learned to measure before optimising, and I now start every performance fix with a profile.',
];
const STRONGER_ANSWER = [
  'At my previous company our mobile app took 9 seconds to start and reviews kept falling.',
  'I led a two-week investigation, traced the delay to synchronous network calls and moved them off the main thread.',
  'I then set a start-up budget of 2 seconds and added a check to our CI that fails any build over it.',
  'Start-up time fell from 9 to 1.8 seconds, crash reports dropped by 35% and our rating rose from 3.9 to 4.5 in two months.',
  'I learned that a clear budget beats heroics, and I now agree on a measurable target before I start any optimisation.',
];

async function main() {
  const base = process.env.E2E_BASE_URL ?? (await startLauncher());
  browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  await step('landing states the outcome and has one primary CTA', async () => {
    await page.goto(`${base}/`);
    const h1 = (await page.locator('h1').first().textContent()) ?? '';
    check(/offer probability/i.test(h1) && /interviewer/i.test(h1), `hero says: ${h1}`);
    check((await page.locator('.btn-primary').count()) === 1, 'exactly one primary button on the landing');
    await shot(page, '01-landing');
  });

  await step('the CTA leads straight into a round, by keyboard alone', async () => {
    // Tab from the top of the page to the CTA (skip link and navigation come first), then Enter.
    let onCta = false;
    for (let i = 0; i < 12 && !onCta; i++) {
      await page.keyboard.press('Tab');
      onCta = await page.evaluate(() => /Start a 3-minute mock round/.test(document.activeElement?.textContent ?? ''));
    }
    check(onCta, 'the CTA is reachable with Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/interview$/);
    await page.locator('#question-title').waitFor();
    await page.locator('#answer').waitFor();
    const focused = await page.evaluate(() => document.activeElement?.id);
    check(focused === 'answer', `the answer box has the focus (focus on ${focused})`);
    await shot(page, '02-interview-start');
  });

  let firstMeters = [];
  await step('a typed answer is tagged sentence by sentence and moves the meters', async () => {
    await typeAnswer(page, WEAK_ANSWER.slice(0, 1));
    await page.waitForURL(/\/interview\/s_[0-9a-f]+$/);
    await waitForTaggedSentences(page, 1);
    await page.waitForFunction(() => document.querySelector('.room [role="meter"]')?.getAttribute('aria-valuenow') !== null, null, { timeout: WAIT_MS });
    firstMeters = await meterValues(page);
    await typeAnswer(page, [...WEAK_ANSWER.slice(1), ...STRONG_ANSWER.slice(1, 4)]);
    await waitForTaggedSentences(page, 6);
    await page.waitForFunction(
      (before) => [...document.querySelectorAll('.room [role="meter"]')].some((m, i) => m.getAttribute('aria-valuenow') !== before[i]),
      firstMeters,
      { timeout: WAIT_MS },
    );
    const tags = await page.$$eval('.sentence[data-tag]', (els) => els.map((e) => e.getAttribute('data-tag')));
    check(tags.includes('RESULT') && tags.includes('ACTION'), `tags seen: ${tags.join(', ')}`);
    check((await page.locator('.room [role="meter"]').count()) === 5, 'five meters');
    check((await page.locator('.hint-list li').count()) <= 3, 'at most three hints');
    check((await page.locator('mark.weak').count()) >= 1, 'weak spans are highlighted');
    await shot(page, '03-interview-live', { viewportAtBottom: true });
  });

  let roundOneUrl = '';
  await step('ending the round shows the delta card from the round summary', async () => {
    roundOneUrl = page.url();
    const after = await endRoundAndReadDelta(page);
    check(/^\d{1,2}%$/.test(after), `offer probability on the card: ${after}`);
    check(!(await page.locator('[data-testid="delta-card"]').textContent())?.includes('NaN'), 'no NaN on the card');
    await shot(page, '04-delta-card');
  });

  await step('the dashboard shows the offer probability and the chart, also on reload', async () => {
    await page.getByRole('link', { name: 'See your dashboard' }).click();
    await page.waitForURL(/\/dashboard$/);
    const card = page.getByTestId('offer-probability-card');
    await card.waitFor();
    await page.waitForFunction(() => /\d%/.test(document.querySelector('.offer-value')?.textContent ?? ''), null, { timeout: WAIT_MS });
    check((await page.locator('.chart svg .chart-dot').count()) >= 1, 'chart has a point');
    await shot(page, '05-dashboard');
    await page.reload();
    await card.waitFor();
    check((await page.locator('h1').first().textContent())?.includes('Your progress'), 'deep link /dashboard reloads into the app');
  });

  await step('a reload of a finished round deep link shows its card again', async () => {
    await page.goto(roundOneUrl);
    await page.getByTestId('delta-card').waitFor({ timeout: 30_000 });
  });

  // ---- issue 7: sharing, testimonial prompt, KPIs ----
  let shareUrl = '';
  await step('share an improvement snapshot and open it logged out', async () => {
    await page.goto(`${base}/dashboard`);
    await page.getByRole('button', { name: 'Share Improvement Snapshot' }).click();
    const input = page.locator('#share-url');
    await input.waitFor();
    shareUrl = await input.inputValue();
    check(/\/s\/[A-Za-z0-9_-]+$/.test(shareUrl), `share url: ${shareUrl}`);
    await shot(page, '06-dashboard-shared');
    const stranger = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const publicPage = await stranger.newPage();
      await publicPage.goto(shareUrl.replace(/^https?:\/\/[^/]+/, base));
      await publicPage.locator('.share-page h1').waitFor();
      const headline = (await publicPage.locator('.share-page h1').textContent()) ?? '';
      check(/Offer probability \d+%/.test(headline), `public headline: ${headline}`);
      check((await publicPage.evaluate(() => localStorage.getItem('offerpulse.identity'))) === null, 'the viewer is not signed in');
      await shot(publicPage, '07-share-public');
    } finally {
      await stranger.close();
    }
  });

  await step('a revoked snapshot shows the friendly expired page', async () => {
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Link revoked').waitFor();
    const stranger = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const publicPage = await stranger.newPage();
      await publicPage.goto(shareUrl.replace(/^https?:\/\/[^/]+/, base));
      await publicPage.getByRole('heading', { name: 'This link has expired or was revoked' }).waitFor();
      await shot(publicPage, '08-share-revoked');
    } finally {
      await stranger.close();
    }
  });

  await step('a round that raises the offer probability shows the testimonial prompt; "Not now" dismisses it', async () => {
    await page.goto(`${base}/dashboard`);
    await page.getByRole('link', { name: 'Start the next round' }).first().click();
    await page.waitForURL(/\/interview$/);
    await typeAnswer(page, STRONG_ANSWER);
    await waitForTaggedSentences(page, STRONG_ANSWER.length);
    await endRoundAndReadDelta(page);
    const change = (await page.getByTestId('delta-change').textContent()) ?? '';
    check(change.includes('+'), `the stronger round should raise the estimate (card says ${change})`);
    const dialog = page.getByRole('dialog', { name: 'Share how OfferPulse helped' });
    await dialog.waitFor({ timeout: 15_000 });
    await shot(page, '09-testimonial-prompt');
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The dismissal goes through Kafka and the stream processor before the query side reflects it.
    let state = await promptState(page);
    for (let i = 0; i < 40 && state.state !== 'dismissed'; i++) {
      await sleep(250);
      state = await promptState(page);
    }
    check(state.state === 'dismissed' && state.show === false, `prompt state after "Not now": ${JSON.stringify(state)}`);
  });

  await step('after a dismissal the next rising round shows no prompt', async () => {
    await page.getByRole('button', { name: 'Start the next round' }).click();
    await page.waitForURL(/\/interview$/);
    await typeAnswer(page, STRONGER_ANSWER);
    await waitForTaggedSentences(page, STRONGER_ANSWER.length);
    await endRoundAndReadDelta(page);
    const change = (await page.getByTestId('delta-change').textContent()) ?? '';
    check(change.includes('+'), `this round must rise too, or the check below proves nothing (card says ${change})`);
    // The client polls GET /api/user/prompts for 8 s after the card; watch a little longer than that.
    await sleep(9000);
    check((await page.getByRole('dialog').count()) === 0, 'no testimonial prompt after a dismissal');
    await shot(page, '10-no-prompt-after-dismissal');
  });

  await step('the KPI page refuses a candidate and serves an analyst', async () => {
    await page.goto(`${base}/kpi`);
    await page.getByRole('heading', { name: 'KPIs are for analysts' }).waitFor();
    await shot(page, '11-kpi-forbidden');
    check((await page.getByRole('button', { name: /analyst/i }).count()) === 0, 'no way to grant oneself the role');
    if (!dataDir) {
      log('E2E_BASE_URL: no data directory to sign an operator token with; the analyst half is skipped');
      return;
    }
    // The operator grants the role (./offerpulse admin token analyst <user-id>); the browser then uses that token.
    const identity = await page.evaluate(() => JSON.parse(localStorage.getItem('offerpulse.identity') ?? '{}'));
    const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    const granted = spawnSync(java, ['-Dloader.main=com.offerpulse.launcher.admin.RoleToken', '-cp', JAR,
      'org.springframework.boot.loader.launch.PropertiesLauncher', 'analyst', identity.user_id, dataDir], { encoding: 'utf8' });
    check(granted.status === 0, `admin token: ${granted.stderr}`);
    await page.evaluate((token) => {
      const current = JSON.parse(localStorage.getItem('offerpulse.identity') ?? '{}');
      localStorage.setItem('offerpulse.identity', JSON.stringify({ ...current, token, roles: ['analyst', 'candidate'] }));
    }, granted.stdout.trim());
    await page.goto(`${base}/kpi`);
    await page.getByRole('heading', { name: 'Growth KPIs' }).waitFor();
    check((await page.locator('.kpi .chart svg').count()) === 1, 'north-star chart');
    check(!((await page.locator('.kpi').textContent()) ?? '').includes('NaN'), 'no NaN on the KPI page');
    await shot(page, '12-kpi');
  });

  await step('a fresh browser is another guest: an unguessable id, none of the first guest\'s rounds', async () => {
    const mine = await page.evaluate(() => JSON.parse(localStorage.getItem('offerpulse.identity') ?? '{}').user_id);
    const other = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const fresh = await other.newPage();
      await fresh.goto(`${base}/dashboard`);
      await fresh.waitForFunction(() => localStorage.getItem('offerpulse.identity') !== null, null, { timeout: 20_000 });
      const theirs = await fresh.evaluate(() => JSON.parse(localStorage.getItem('offerpulse.identity') ?? '{}'));
      check(/^g_[0-9a-f]{32}$/.test(mine) && /^g_[0-9a-f]{32}$/.test(theirs.user_id), `guest ids: ${mine}, ${theirs.user_id}`);
      check(mine !== theirs.user_id, 'two browsers are two guests');
      const res = await fresh.evaluate(async (token) => (await fetch('/api/user/sessions?limit=50', {
        headers: { authorization: `Bearer ${token}` } })).json(), theirs.token);
      check(Array.isArray(res.sessions) && res.sessions.length === 0, `the new guest sees no rounds (${res.sessions?.length})`);
    } finally {
      await other.close();
    }
  });

  await step('no uncaught errors in the page', async () => {
    check(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`);
  });
}

const hardStop = setTimeout(() => {
  log(`hard deadline of ${DEADLINE_MS / 1000 + 20}s reached: stopping`);
  void cleanup().finally(() => process.exit(1));
}, DEADLINE_MS + 20_000);

let fatal = null;
try {
  await main();
} catch (e) {
  fatal = e;
  log(`ERROR ${e instanceof Error ? e.stack : e}`);
} finally {
  await cleanup();
  clearTimeout(hardStop);
}

const passed = results.filter((r) => r.status === 'passed').length;
const failed = results.filter((r) => r.status === 'failed').length + (fatal ? 1 : 0);
const skipped = results.filter((r) => r.status === 'skipped').length;
log(`screenshots in ${path.relative(process.cwd(), SHOTS)}/`);
console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || skipped > 0 ? 1 : 0);

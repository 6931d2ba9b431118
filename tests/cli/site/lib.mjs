// Shared pieces of the browser tests: Debian's chromium driven by playwright-core, the site
// served on 127.0.0.1, every request recorded and any request to another host refused (and
// reported as a failure by finish()).
//
// Environment (set by tests/CMakeLists.txt): EUIOMKB_SITE = the built seed site (with pagefind/),
// EUIOMKB_CHROMIUM = the browser (default /usr/bin/chromium), EUIOMKB_SCREENSHOTS = where the
// screenshots go. When chromium or node_modules is missing the test exits 77 (ctest SKIP) with a
// message, except under CI=true, where that is a failure.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../../scripts/site-server.mjs';

export const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');

function missing(what) {
  if (process.env.CI === 'true') {
    console.error(`FAILED: ${what} (CI=true: the browser tests must run; scripts/test installs it)`);
    process.exit(1);
  }
  console.log(`SKIPPED: ${what} (scripts/test installs it; or apt-get install chromium; npm ci)`);
  process.exit(SKIP);
}

let failures = 0;
// Records a failed expectation and carries on, so that one run reports every problem.
export function fail(message) {
  failures += 1;
  console.error(`FAIL: ${message}`);
}
export function check(condition, message) {
  if (!condition) fail(message);
  return condition;
}

// Launches chromium, serves the site; returns {browser, context, origin, requests, close}.
export async function start({ root = process.env.EUIOMKB_SITE } = {}) {
  const executablePath = process.env.EUIOMKB_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) missing(`no browser at ${executablePath}`);
  let playwright;
  try {
    playwright = await import('playwright-core');
  } catch {
    missing(`playwright-core is not installed in ${repoRoot}/node_modules`);
  }
  if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`FAILED: no site at ${root} (the site.build test writes it)`);
    process.exit(1);
  }
  const { server, origin } = await serve(root);
  const browser = await playwright.chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  const allowed = new Set(['127.0.0.1']);
  // Every request of every page passes here: recorded, and refused unless it is for 127.0.0.1
  // (data: and blob: URLs stay inside the page).
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    requests.push(url.href);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || allowed.has(url.hostname)) {
      return route.continue();
    }
    fail(`request left 127.0.0.1: ${url.href}`);
    return route.abort('blockedbyclient');
  });
  // Requests a page makes outside route() (e.g. a service worker's) are caught here too.
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && !allowed.has(url.hostname)) {
      fail(`request left 127.0.0.1: ${url.href}`);
    }
  });
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { browser, context, origin, requests, close, allowed };
}

// Opens a page that records console errors and uncaught exceptions into `errors`.
export async function watchedPage(context, errors) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: exception: ${error.message}`));
  return page;
}

// Ends the test: exit status 1 if any expectation failed.
export async function finish(session) {
  if (session) await session.close();
  if (failures) {
    console.error(`${failures} failure(s)`);
    process.exit(1);
  }
  console.log('ok');
}

// Screenshots for review (not compared with anything): the home page, the som-11 meeting page
// and the source page its first citation points to, at 1280 and 390 pixels wide, full page,
// and the search page showing the results for a surname, written to $EUIOMKB_SCREENSHOTS as
// home-1280.png, meeting-390.png, source-1280.png, search-390.png, ...
// Fails only if a page does not load or a file is not written.
import fs from 'node:fs';
import path from 'node:path';
import { start, watchedPage, check, fail, finish } from './lib.mjs';

const session = await start();
const { context, origin } = session;
const out = process.env.EUIOMKB_SCREENSHOTS;
if (!out) {
  console.error('FAILED: EUIOMKB_SCREENSHOTS is not set');
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });
const errors = [];
const page = await watchedPage(context, errors);
await page.goto(`${origin}/meetings/som-11.html`);
const cite = await page.locator('a.cite').first().getAttribute('href');
const source = cite ? `sources/${cite.split('/').pop()}` : 'sources/index.html';
const shots = { home: 'index.html', meeting: 'meetings/som-11.html', source };
for (const width of [1280, 390]) {
  await page.setViewportSize({ width, height: 900 });
  for (const [name, rel] of Object.entries(shots)) {
    const response = await page.goto(`${origin}/${rel}`);
    if (!check(response && response.ok(), `${rel}: HTTP ${response && response.status()}`)) continue;
    await page.waitForTimeout(150);
    const file = path.join(out, `${name}-${width}.png`);
    // The source page at its passage (what a reader sees after a click), the others from the top.
    await page.screenshot({ path: file, fullPage: name !== 'source' });
    check(fs.statSync(file).size > 0, `${file} is empty`);
    console.log(`wrote ${file}`);
  }
}
// The search page with results for a surname, as a reader sees it after typing.
for (const width of [1280, 390]) {
  await page.setViewportSize({ width, height: 900 });
  const response = await page.goto(`${origin}/search.html`);
  if (!check(response && response.ok(), `search.html: HTTP ${response && response.status()}`)) continue;
  const box = page.locator('input[type="search"], input[type="text"]').first();
  await box.waitFor({ timeout: 10000 });
  await box.fill('Thompson');
  await page.locator('main a[href*="people/"]').first().waitFor({ timeout: 15000 });
  const file = path.join(out, `search-${width}.png`);
  await page.screenshot({ path: file, fullPage: false });
  check(fs.statSync(file).size > 0, `${file} is empty`);
  console.log(`wrote ${file}`);
}
for (const message of errors) fail(message);
await finish(session);

// Accessibility: axe-core (from node_modules, injected into the page) reports no serious or
// critical violation on a sample of every page type: the home page, search, each kind's index,
// and the first record page listed in each index (for meetings also som-11, the page with the
// most evidence), at a laptop's and a phone's width.
// Known failures of the generator's first skeleton (ed4924a on i15-site, reported to its owner;
// not fixed here): index.html "nested-interactive" (the timeline's <svg> is focusable inside a
// link or the reverse), search.html "label-title-only" (Pagefind UI's search input has only a
// title, no visible <label>), series/hou.html at 390px "scrollable-region-focusable" (the
// .table-wrap that scrolls sideways has no tabindex).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { start, watchedPage, check, fail, finish } from './lib.mjs';

const require = createRequire(import.meta.url);
const session = await start();
const { context, origin } = session;
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const errors = [];
const page = await watchedPage(context, errors);
const kinds = ['organisations', 'people', 'meetings', 'series', 'agreements', 'themes',
               'publications', 'frameworks', 'sources'];
const sample = ['index.html', 'search.html', 'meetings/som-11.html'];
for (const kind of kinds) {
  sample.push(`${kind}/index.html`);
  await page.goto(`${origin}/${kind}/index.html`);
  const first = await page.locator('main a[href$=".html"]:not([href^="http"]):not([href*="/"])').first();
  if (check(await first.count() === 1, `${kind}/index.html links to no record page`)) {
    sample.push(`${kind}/${await first.getAttribute('href')}`);
  }
}

let pages = 0;
for (const width of [1280, 390]) {
  await page.setViewportSize({ width, height: 800 });
  for (const rel of [...new Set(sample)]) {
    await page.goto(`${origin}/${rel}`);
    // Injected as a script element would break the page's CSP; evaluate() is not a page script.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const results = await window.axe.run(document, { resultTypes: ['violations'] });
      return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}x, e.g. ${v.nodes[0].target.join(' ')})`);
    });
    pages += 1;
    for (const violation of violations) fail(`${rel} at ${width}px: ${violation}`);
  }
}
console.log(`${pages} page checks with axe-core`);
for (const message of errors) fail(message);
await finish(session);

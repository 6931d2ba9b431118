// Every page of the seed site loads in chromium without a console error or uncaught exception,
// and a crawl from the home page finds no broken internal link or anchor: every link to the site
// reaches a file that exists, and every #fragment names an element id on the page it points to
// (text fragments "#:~:text=" only appear on links to original sources, which leave the site and
// are not followed). Every HTML file the generator wrote (pagefind/ aside) is visited, whether
// or not a link reaches it, and the ones no link reaches are reported. No request leaves
// 127.0.0.1 (lib.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { start, watchedPage, check, fail, finish } from './lib.mjs';

const session = await start();
const { context, origin } = session;
const root = process.env.EUIOMKB_SITE;

function htmlFiles(dir, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) {
      if (rel !== 'pagefind') out.push(...htmlFiles(path.join(dir, entry.name), rel + '/'));
    } else if (entry.name.endsWith('.html')) {
      out.push(rel);
    }
  }
  return out;
}

const written = htmlFiles(root);
check(written.length > 20, `only ${written.length} HTML pages in ${root}`);
const errors = [];
const page = await watchedPage(context, errors);
const ids = new Map();   // path -> Set of ids
const links = [];        // {from, href}
const reached = new Set(['index.html']);
const queue = ['index.html', ...written];
const seen = new Set();
while (queue.length) {
  const rel = queue.shift();
  if (seen.has(rel)) continue;
  seen.add(rel);
  const response = await page.goto(`${origin}/${rel}`, { waitUntil: 'load' });
  if (!check(response && response.ok(), `${rel}: HTTP ${response && response.status()}`)) continue;
  const found = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    names: [...document.querySelectorAll('a[name]')].map((e) => e.getAttribute('name')),
    // SVG links (the timeline) carry href as an attribute, not as a URL property.
    hrefs: [...document.querySelectorAll('a[href], link[href]')]
      .map((e) => new URL(e.getAttribute('href'), document.baseURI).href),
  }));
  ids.set(rel, new Set([...found.ids, ...found.names]));
  for (const href of found.hrefs) {
    links.push({ from: rel, href });
    const url = new URL(href);
    if (url.origin === origin && url.pathname.endsWith('.html')) {
      const target = decodeURIComponent(url.pathname.slice(1));
      reached.add(target);
      if (!seen.has(target)) queue.push(target);
    }
  }
}
for (const message of errors) fail(message);

// Links: files exist (fetched once each), fragments name an element of the target page.
const exists = new Map();
let checked = 0;
for (const { from, href } of links) {
  const url = new URL(href);
  if (url.origin !== origin) continue;   // external links (original sources) are not followed
  checked += 1;
  let target = decodeURIComponent(url.pathname.slice(1));
  if (target === '' || target.endsWith('/')) target += 'index.html';
  if (!exists.has(target)) {
    exists.set(target, ids.has(target) || fs.existsSync(path.join(root, target)));
  }
  if (!check(exists.get(target), `${from}: broken link ${href}`)) continue;
  const fragment = url.hash.slice(1);
  if (fragment && !fragment.startsWith(':~:') && target.endsWith('.html')) {
    const anchors = ids.get(target);
    check(anchors && anchors.has(decodeURIComponent(fragment)),
          `${from}: broken anchor ${href} (no id "${decodeURIComponent(fragment)}" in ${target})`);
  }
}
const unreached = written.filter((rel) => !reached.has(rel));
check(unreached.length === 0,
      `pages no link reaches: ${unreached.slice(0, 10).join(', ')}${unreached.length > 10 ? ' ...' : ''}`);
console.log(`${seen.size} pages loaded, ${checked} internal links checked, ` +
            `${session.requests.length} requests`);
await finish(session);

// Search: a reader types a person's surname into search.html (Pagefind's index, built by
// `euiomkb site --pagefind`, served from the site itself) and reaches that person's page from
// the results. The person is the first one listed on people/index.html; the surname is the last
// word of the name shown there.
import { start, watchedPage, check, fail, finish } from './lib.mjs';

const session = await start();
const { context, origin } = session;
const errors = [];
const page = await watchedPage(context, errors);

await page.goto(`${origin}/people/index.html`);
const person = page.locator('main a[href$=".html"]:not([href^="http"]):not([href*="/"])').first();
check(await person.count() === 1, 'people/index.html lists no person page');
const href = await person.getAttribute('href');
const name = (await person.innerText()).trim();
const surname = name.replace(/\(.*\)$/, '').trim().split(/\s+/).pop();
console.log(`searching for "${surname}" (${name}, people/${href})`);

await page.goto(`${origin}/search.html`);
const box = page.locator('input[type="search"], input[type="text"]').first();
await box.waitFor({ timeout: 10000 });
await box.fill(surname);
const result = page.locator(`a[href*="people/${href}"]`).first();
try {
  await result.waitFor({ timeout: 15000 });
  await Promise.all([page.waitForURL(new RegExp(`people/${href.replace('.', '\\.')}`)), result.click()]);
  check(page.url().includes(`/people/${href}`), `the result led to ${page.url()}`);
  check((await page.locator('h1').first().innerText()).includes(surname),
        `the person's page's heading does not name ${surname}`);
} catch (error) {
  const shown = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')).slice(0, 10));
  fail(`no search result links to people/${href} for "${surname}" (links shown: ${shown.join(', ')}): ${error.message.split('\n')[0]}`);
}
for (const message of errors) fail(message);
await finish(session);

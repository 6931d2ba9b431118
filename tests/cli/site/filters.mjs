// The index pages filter and sort in the browser: meetings/index.html offers a Year and a Series
// filter built from its rows; choosing a year leaves exactly the meetings of that year shown (as
// index.json counts them) and says how many; "All" shows every row again; the Year column sorts.
import fs from 'node:fs';
import path from 'node:path';
import { start, watchedPage, check, fail, finish } from './lib.mjs';

const session = await start();
const { context, origin } = session;
const errors = [];
const page = await watchedPage(context, errors);
const meetings = JSON.parse(fs.readFileSync(path.join(process.env.EUIOMKB_SITE, 'meetings/index.json'), 'utf8'));
const years = new Map();
for (const m of meetings) if (m.year) years.set(m.year, (years.get(m.year) || 0) + 1);
check(years.size >= 2, `index.json dates meetings in ${years.size} year(s)`);

await page.goto(`${origin}/meetings/index.html`);
const rows = page.locator('table.index tbody tr');
const total = await rows.count();
check(total === meetings.length, `the index shows ${total} rows, index.json lists ${meetings.length}`);
const year = page.getByLabel('Year');
const series = page.getByLabel('Series');
check(await year.count() === 1, 'no Year filter on meetings/index.html');
check(await series.count() === 1, 'no Series filter on meetings/index.html');
if (await year.count() === 1) {
  // The year with the most meetings, so that the filter leaves more than one row.
  const [chosen, expected] = [...years.entries()].sort((a, b) => b[1] - a[1])[0];
  await year.selectOption(chosen);
  const shown = page.locator('table.index tbody tr:visible');
  check(await shown.count() === expected, `year ${chosen}: ${await shown.count()} rows shown, index.json has ${expected}`);
  const shownYears = await shown.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-year')));
  check(shownYears.every((y) => y === chosen), `year ${chosen}: rows of other years shown (${shownYears.join(', ')})`);
  const status = await page.locator('.filters [aria-live]').innerText();
  check(status === `${expected} of ${total} shown`, `the filter says "${status}"`);
  console.log(`year ${chosen}: ${expected} of ${total} meetings shown`);
  await year.selectOption('');
  check(await page.locator('table.index tbody tr:visible').count() === total, '"All" does not show every row again');
}
// Sorting by year, twice: ascending, then descending.
const sort = page.getByRole('button', { name: 'Year' });
await sort.click();
const up = await rows.evaluateAll((trs) => trs.map((tr) => tr.cells[1].textContent));
const sorted = [...up].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
check(JSON.stringify(up) === JSON.stringify(sorted), 'the Year button does not sort the rows');
await sort.click();
const down = await rows.evaluateAll((trs) => trs.map((tr) => tr.cells[1].textContent));
check(JSON.stringify(down) === JSON.stringify([...sorted].reverse()), 'a second click does not reverse the order');
for (const message of errors) fail(message);
await finish(session);

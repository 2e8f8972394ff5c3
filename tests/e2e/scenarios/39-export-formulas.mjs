// Issue 13.9: CSV exports neutralise formulas hidden behind leading white space (space, no-break
// space, tab) and behind full-width look-alikes (＝ ＋ － ＠): the exported cell starts with an
// apostrophe. The file is generated here.
import { assertEqual, download, openWithPoliceCsv, parseCsv } from '../harness.mjs';

const LOCATIONS = [' =HYPERLINK("http://x")', '\u00a0+SUM(1)', '\uff1dcmd()', '\uff0bcmd()', '\uff0dcmd()', '\uff20SUM(1)', '\t=1+1'];
const quote = (text) => `"${text.replace(/"/g, '""')}"`;

export async function run({ browser, url }) {
  // Each location at its own point, away from the sample's, so each is the top location of its own cell;
  // each row comes twice with its Crime ID, so the second is rejected as a duplicate.
  const rows = LOCATIONS.flatMap((location, i) => {
    const row = (id) => `${id},2025-03,Metropolitan Police Service,Metropolitan Police Service,${(-0.3 + i * 0.02).toFixed(4)},51.8000,${quote(location)},E01000001,Brent 001A,Anti-social behaviour,,`;
    return [row(`id-${i}`), row(`id-${i}`)];
  });
  const { page, card } = await openWithPoliceCsv(browser, url, 'hidden-formulas.csv', rows);
  assertEqual(await card.getByRole('status').innerText(), '7 rows loaded, 7 rejected', 'status');

  const csv = parseCsv((await download(page, () => page.getByRole('button', { name: 'Export hotspots CSV' }).click())).bytes.toString('utf8'));
  const column = csv[0].indexOf('top_location');
  const exported = csv.slice(1).map((r) => r[column]).filter((text) => LOCATIONS.includes(text.slice(1)));
  assertEqual(exported.sort(), LOCATIONS.map((l) => `'${l}`).sort(), 'hotspot export: every hidden formula neutralised');

  const rejected = parseCsv((await download(page, () => card.getByRole('button', { name: 'Download rejected rows' }).click())).bytes.toString('utf8'));
  assertEqual(rejected.slice(1).map((r) => r[7]).sort(), LOCATIONS.map((l) => `'${l}`).sort(), 'rejected rows: every hidden formula neutralised');
}

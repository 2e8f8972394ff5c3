// Community Trigger radar: a hand-made case log (day-level dates, a household column) is loaded
// through the column-mapping dialog; the panel lists the groups worked out by hand and the map
// draws them; a changed threshold is kept across a reload; the CSV downloads without personal
// fields (the default) and with them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, download, loadFiles, openApp, parseCsv, waitForMapIdle, waitForSources } from '../harness.mjs';

// 0.0004407° of latitude is 49.0 m, 0.0004587° is 51.0 m.
const CASE_LOG = [
  'Case ref,Date received,Type,Latitude,Longitude,Address,Household ref',
  'CASE-A1,01/01/2025,Noise,51.5500000,-0.2500000,12 Acacia Avenue,', // 3 in 183 days: met
  'CASE-A2,15/03/2025 10:30,Noise,51.5500000,-0.2500000,12 Acacia Avenue,',
  'CASE-A3,02/07/2025,Harassment,51.5500000,-0.2500000,12 Acacia Avenue,',
  'CASE-B1,01/01/2025,Noise,51.5500000,-0.2350000,4 Birch Close,', // 3 in 184 days: not met
  'CASE-B2,15/03/2025,Noise,51.5500000,-0.2350000,4 Birch Close,',
  'CASE-B3,03/07/2025,Noise,51.5500000,-0.2350000,4 Birch Close,',
  'CASE-P1,10/08/2025,Drug use,51.5600000,-0.2500000,1 Poplar Row,', // 49 m apart: one place
  'CASE-P2,20/08/2025,Drug use,51.5600000,-0.2500000,1 Poplar Row,',
  'CASE-P3,30/08/2025,Drug use,51.5604407,-0.2500000,3 Poplar Row,',
  'CASE-Q1,01/02/2025,Graffiti,51.5700000,-0.2500000,1 Quince Lane,', // 51 m apart: two places
  'CASE-Q2,10/02/2025,Graffiti,51.5700000,-0.2500000,1 Quince Lane,',
  'CASE-Q3,20/02/2025,Graffiti,51.5704587,-0.2500000,3 Quince Lane,',
  'CASE-K1,05/05/2025,Harassment,51.5450000,-0.2600000,Rowan Street,HH-7', // one household, three places
  'CASE-K2,06/06/2025,Noise,51.5450000,-0.2550000,Larch Road,hh-7',
  'CASE-K3,07/07/2025,Harassment,51.5450000,-0.2650000,"=HYPERLINK(""http://x"")",HH-7',
  'CASE-R1,01/12/2025,Noise,51.5400000,-0.2500000,9 Rose Court,', // one short
  'CASE-R2,20/12/2025,Noise,51.5400000,-0.2500000,9 Rose Court,',
  'CASE-Z1,31/12/2025,Noise,51.5800000,-0.2800000,Zelkova Way,', // the latest complaint
].join('\r\n');

const PERSONAL = ['CASE-', 'HH-7', 'hh-7', 'Acacia', 'Poplar', 'Rose Court', 'HYPERLINK', '51.55,', '-0.25,'];

/** Pixels of the radar's teal (#01665e) in a screenshot of the map. */
async function tealPixels(page) {
  const png = await page.getByTestId('map').screenshot();
  return page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 1) + Math.abs(data[i + 1] - 102) + Math.abs(data[i + 2] - 94) < 40) count++;
    return count;
  }, png.toString('base64'));
}

export async function run({ browser, url, outDir }) {
  const path = join(outDir, 'case-log.csv');
  writeFileSync(path, CASE_LOG);
  const { page } = await openApp(browser, url);
  await loadFiles(page, [path]);
  const dialog = page.getByRole('dialog', { name: 'Map the columns of case-log.csv' });
  await dialog.waitFor();
  for (const [label, column] of [['Date or date-time column', 'Date received'], ['Reference column', 'Case ref'], ['Location text column', 'Address'], ['Person or household key column', 'Household ref']]) {
    assertEqual(await dialog.getByLabel(label).inputValue(), column, `${label} guessed from the header`);
  }
  await dialog.getByRole('button', { name: 'Load with this mapping' }).click();
  await page.locator('.source-card', { hasText: 'case-log.csv' }).waitFor();
  await waitForSources(page, 1);
  await waitForMapIdle(page);
  const before = await tealPixels(page);

  const panel = page.locator('.panel', { has: page.locator('summary', { hasText: 'Community Trigger radar' }) });
  await panel.locator('summary').click();
  const summary = panel.locator('.trigger-summary');
  await summary.filter({ hasText: '3 groups met the threshold, 1 is one complaint short' }).waitFor();
  assert((await summary.innerText()).startsWith('As of 31 Dec 2025'), `dated by the latest complaint (${await summary.innerText()})`);
  const rows = panel.locator('.trigger-table tbody tr');
  const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim())));
  assertEqual(table.map((r) => r.slice(0, 2)), [
    ['G1', '1 Poplar Row same place'],
    ['G2', 'HH-7 same person or household'],
    ['G3', '12 Acacia Avenue same place'],
    ['G4', '9 Rose Court same place'],
  ], 'the groups worked out by hand, most recent first');
  assertEqual(table[2][2], 'Met on 2 Jul 2025, 182 days ago 3 complaints: 1 Jan 2025, 15 Mar 2025, 2 Jul 2025 Noise ×2, Harassment', 'the 183-day group: when it was met, its dates and categories');
  assertEqual(table[1][2], 'Met on 7 Jul 2025, 177 days ago 3 complaints: 5 May 2025, 6 Jun 2025, 7 Jul 2025 Harassment ×2, Noise', 'the household, by its key alone');
  assertEqual(table[3][2], 'One short: one more by 1 Jun 2026 meets it (152 days left) 2 complaints: 1 Dec 2025, 20 Dec 2025 Noise ×2', 'days left to meet it');

  // On the map: the groups are drawn in the radar's colour and named in the symbol legend.
  const symbols = page.getByRole('list', { name: 'Map symbols' });
  await symbols.getByText('Community Trigger met (3)').waitFor();
  await symbols.getByText('One complaint short of the Trigger (1)').waitFor();
  // The layer is drawn on the map's next frames after the report arrives: look until it shows.
  let after = await tealPixels(page);
  for (let tries = 0; after <= 200 && tries < 40; tries++) {
    await page.waitForTimeout(250);
    after = await tealPixels(page);
  }
  assert(before === 0 && after > 200, `the groups are drawn (${before} → ${after} radar-coloured pixels)`);
  await page.screenshot({ path: join(outDir, 'community-trigger.png') });

  // A lower threshold: every pair now counts (worked out by hand: A, B, P, Q1–Q2, R and the household met; K3 and Z1 one short).
  const threshold = panel.getByLabel('Complaints (threshold)');
  await threshold.fill('0');
  await panel.getByRole('alert').filter({ hasText: 'The threshold must be a whole number of complaints from 1 to 50.' }).waitFor();
  await threshold.fill('2');
  await summary.filter({ hasText: '6 groups met the threshold, 2 are one complaint short' }).waitFor();

  // The workspace is written 0.6 s after a change; reload once it has been.
  await page.waitForTimeout(1500);
  await page.reload();
  await page.locator('.source-card', { hasText: 'case-log.csv' }).waitFor();
  await waitForSources(page, 1);
  await panel.locator('summary').click();
  assertEqual(await panel.getByLabel('Complaints (threshold)').inputValue(), '2', 'threshold kept');
  await summary.filter({ hasText: '6 groups met the threshold, 2 are one complaint short' }).waitFor();
  assert(await panel.locator('.trigger-table').getByText('HH-7').isVisible(), 'the household key came back with the file');

  // CSV without personal fields (the default), then with them.
  const plain = await download(page, () => panel.getByRole('button', { name: 'Export radar CSV' }).click());
  assertEqual(plain.name, 'community-trigger-radar.csv', 'file name');
  const plainText = plain.bytes.toString('utf8');
  const plainRows = parseCsv(plainText);
  assertEqual(plainRows[0], ['group', 'basis', 'status', 'rule', 'trigger_date', 'days_since_met', 'days_left', 'complaints_in_group', 'place_h3', 'complaint_date', 'category'], 'header without personal fields');
  for (const text of PERSONAL) assert(!plainText.includes(text), `no personal field in the plain CSV (${text})`);
  await panel.getByLabel(/Include personal fields/).check();
  const full = await download(page, () => panel.getByRole('button', { name: 'Export radar CSV' }).click());
  const fullRows = parseCsv(full.bytes.toString('utf8'));
  const reference = fullRows[0].indexOf('reference');
  const address = fullRows[0].indexOf('address');
  assert(reference > 0 && fullRows[0].includes('person_or_household_key'), `personal columns present (${fullRows[0]})`);
  assertEqual(fullRows.length, plainRows.length, 'the same complaints, with their personal fields');
  assert(fullRows.some((row) => row[reference] === 'CASE-K3' && row[address] === `'=HYPERLINK("http://x")`), 'formula in an address neutralised');
  // A group's link brings it into view.
  await panel.getByRole('button', { name: 'Show G1 on the map' }).click();
  await page.waitForFunction(() => Number(new URLSearchParams(window.location.hash.slice(1)).get('map')?.split('/')[0]) >= 14);
  await waitForMapIdle(page);
  await page.screenshot({ path: join(outDir, 'community-trigger-threshold-2.png') });
}

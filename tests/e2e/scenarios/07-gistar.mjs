// Statistics on the map: switch to Gi* hot spots, read the legend, export the CSV with z, p and bin.
import { join } from 'node:path';
import { assert, assertEqual, download, openApp, parseCsv, waitForMapIdle } from '../harness.mjs';

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  // The tooltip of a hovered cell follows the method: switched from the keyboard while the pointer stays, it shows the same cell's Gi* figures.
  await page.locator('.top-table tbody tr').first().click();
  await page.waitForTimeout(1000);
  await waitForMapIdle(page);
  const map = await page.getByTestId('map').boundingBox();
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
  const tooltip = page.locator('.map-tooltip');
  const [countLine, rankLine] = (await tooltip.innerText()).split('\n');
  assert(/^[\d,]+ incidents$/.test(countLine) && rankLine.includes('rank 1'), `the top cell's count tooltip (${countLine} / ${rankLine})`);
  await page.getByLabel('Hotspot method').focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('.legend', { hasText: 'Gi* hot and cold spots' }).waitFor();
  await page.waitForFunction(() => document.querySelector('.map-tooltip')?.textContent?.includes('z = '));
  const giLines = (await tooltip.innerText()).split('\n');
  assertEqual(giLines[0], countLine, 'the Gi* tooltip is for the same cell');
  assert(/^z = -?[\d.]+, p = /.test(giLines[1]) && /spot|Not significant/.test(giLines[2]), `the tooltip shows Gi* figures (${giLines.join(' / ')})`);
  await waitForMapIdle(page);
  const legend = await page.locator('.legend li').allInnerTexts();
  assertEqual(legend.length, 7, 'seven Gi* classes');
  assert(legend[0].startsWith('Hot spot, 99% confidence'), `first class is the strongest hot spot (${legend[0]})`);
  // Colour is not the only carrier: hot classes are hatched and cold ones dotted, in the legend as on the map.
  assertEqual([await page.locator('.legend .swatch.mark-hot').count(), await page.locator('.legend .swatch.mark-cold').count()], [3, 3], 'hot and cold swatches carry their patterns');
  const hot99 = Number(await page.locator('.legend li .count').first().innerText());
  assert(hot99 > 0, 'the sample has 99% hot spots');
  await page.screenshot({ path: join(outDir, 'gistar.png') });

  const csv = await download(page, () => page.getByRole('button', { name: 'Export hotspots CSV' }).click());
  const rows = parseCsv(csv.bytes.toString('utf8'));
  const header = rows[0];
  for (const column of ['gi_z', 'gi_p', 'gi_bin']) assert(header.includes(column), `CSV has ${column}`);
  const bins = rows.slice(1).map((r) => Number(r[header.indexOf('gi_bin')]));
  assert(bins.filter((b) => b === 3).length > 0 && bins.every((b) => b >= -3 && b <= 3), 'bins within −3…3 and some at +3');

  // Turning FDR off can only keep or raise the number of significant cells.
  await page.getByLabel('FDR correction').uncheck();
  await page.waitForFunction((before) => document.querySelector('.legend')?.textContent?.includes('no FDR correction') && Number(document.querySelector('.legend li .count')?.textContent) >= before, hot99);

  // Emerging hot spots over the twelve sample months: a legend of classes with counts, and a CSV column.
  await page.getByLabel('Hotspot method').selectOption('emerging');
  await page.locator('.legend', { hasText: 'emerging hot spots' }).waitFor({ timeout: 60_000 });
  await waitForMapIdle(page);
  const classes = await page.locator('.legend li').allInnerTexts();
  assert(classes.some((c) => /hot spot/i.test(c)), `some emerging hot spot class is present (${classes.join(' | ')})`);
  await page.screenshot({ path: join(outDir, 'emerging.png') });
  const emergingCsv = parseCsv((await download(page, () => page.getByRole('button', { name: 'Export hotspots CSV' }).click())).bytes.toString('utf8'));
  assert(emergingCsv[0].includes('emerging_class'), 'CSV has the emerging class column');

  // Change between periods: Jul–Dec against the six months before, rises and falls listed.
  await page.getByLabel('Hotspot method').selectOption('change');
  await page.getByLabel('From month').selectOption({ label: 'Jul 2025' });
  await page.locator('.legend', { hasText: 'change between periods' }).waitFor();
  const unit = await page.locator('.legend .muted').innerText();
  assert(unit.includes('2025-01…2025-06 → 2025-07…2025-12'), `the two periods are named (${unit})`);
  assert(await page.locator('.changes-table tbody tr').count() > 0, 'biggest rises and falls listed');
  const summary = await page.locator('.change-summary').innerText();
  assert(/significant rises?, \d+ significant falls?/.test(summary) && summary.includes('at least 6 incidents'), `significance of change stated with its minimum count (${summary})`);
  await page.screenshot({ path: join(outDir, 'change.png') });
}

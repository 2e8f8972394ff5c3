// GeoJSON points as incidents, shaped like the police.uk API's crimes (category slug, month, a nested
// street name, an altitude on some points) with a line and a point in Paris among them: the same
// column-mapping dialog as CSV, properties as columns, every feature accepted or rejected with a
// reason, the rejected ones downloadable; the file comes back after a reload.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, download, loadFiles, openApp, parseCsv, root, waitForSources } from '../harness.mjs';

const slug = (text) => text.toLowerCase().replace(/[^a-z]+/g, '-');

function apiStyleGeoJson() {
  // The API leaves out crimes without a location.
  const rows = parseCsv(readFileSync(join(root, 'data', 'brent-police-sample-2025.csv'), 'utf8')).slice(1, 801).filter((r) => r[4] !== '' && r[5] !== '');
  const features = rows.map((r, i) => ({
    type: 'Feature',
    properties: { category: slug(r[9]), persistent_id: r[0], month: r[1], location: { street: { id: 1000 + i, name: r[6] } }, context: '' },
    geometry: { type: 'Point', coordinates: i % 2 ? [Number(r[4]), Number(r[5]), 0] : [Number(r[4]), Number(r[5])] },
  }));
  features.push({ type: 'Feature', properties: { category: 'anti-social-behaviour', persistent_id: '', month: '2025-03', location: { street: { id: 1, name: 'Route' } }, context: '' }, geometry: { type: 'LineString', coordinates: [[-0.28, 51.55], [-0.27, 51.55]] } });
  features.push({ type: 'Feature', properties: { category: 'burglary', persistent_id: 'p', month: '2025-03', location: { street: { id: 2, name: 'Rue de Rivoli' } }, context: '' }, geometry: { type: 'Point', coordinates: [2.35, 48.86] } });
  return { rows, collection: { type: 'FeatureCollection', features } };
}

export async function run({ browser, url, outDir }) {
  const { rows, collection } = apiStyleGeoJson();
  const path = join(outDir, 'crimes-api.geojson');
  writeFileSync(path, JSON.stringify(collection));
  const { page } = await openApp(browser, url);
  await loadFiles(page, [path]);
  const dialog = page.getByRole('dialog', { name: 'Map the columns of crimes-api.geojson' });
  await dialog.waitFor();
  for (const [label, column] of [['Longitude column', 'Longitude'], ['Latitude column', 'Latitude'], ['Date or date-time column', 'month'], ['Category column', 'category'], ['Location text column', 'location.street.name']]) {
    assertEqual(await dialog.getByLabel(label).inputValue(), column, `${label} guessed from the properties`);
  }
  await page.screenshot({ path: join(outDir, 'geojson-incidents-mapping.png') });
  await dialog.getByRole('button', { name: 'Load with this mapping' }).click();
  const card = page.locator('.source-card', { hasText: 'crimes-api.geojson' });
  await card.waitFor();
  await waitForSources(page, 1);

  const status = async () => card.locator('.source-status').innerText();
  assertEqual(await status(), `${rows.length} rows loaded, 2 rejected`, 'every feature accounted for');
  const reasons = await card.locator('.reasons').innerText();
  assert(reasons.includes('Not a point (a line or an area): 1') && reasons.includes('Coordinates outside the UK: 1'), `reasons listed (${reasons})`);
  const rejected = parseCsv((await download(page, () => card.getByRole('button', { name: 'Download rejected rows' }).click())).bytes.toString('utf8'));
  assertEqual(rejected[0], ['line', 'Longitude', 'Latitude', 'category', 'persistent_id', 'month', 'location.street.id', 'location.street.name', 'context', 'reason'], 'rejected rows keep the columns');
  assertEqual(rejected.slice(1).map((r) => [r[0], r.at(-1)]), [[String(rows.length + 1), 'Not a point (a line or an area)'], [String(rows.length + 2), 'Coordinates outside the UK']], 'feature numbers and reasons');

  // The workspace is written 0.6 s after a change; reload once it has been.
  await page.waitForTimeout(1500);
  await page.reload();
  await card.waitFor();
  await waitForSources(page, 1);
  assertEqual(await status(), `${rows.length} rows loaded, 2 rejected`, 'the GeoJSON source is back after a reload');
}

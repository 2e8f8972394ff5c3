// Issue: hotspot map. Load the Met burglary extracts (or use the sample), set resolution 10 and a
// month range, export CSV and GeoJSON and check the counts against an independent count; export
// the map PNG and check it; check the command line writes the same CSV.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, download, loadFiles, mapCanvasPixels, openApp, parseCsv, root, sharedData, waitForMapIdle, waitForSources } from '../harness.mjs';
import { countPoliceCells } from '../independentCount.mjs';

export async function run({ browser, url, outDir }) {
  const metDir = join(sharedData, 'police-uk', 'met-burglary-2022-2023');
  const real = existsSync(metDir);
  const files = real ? readdirSync(metDir).filter((f) => f.endsWith('.csv')).sort().map((f) => join(metDir, f)) : [join(root, 'data', 'brent-police-sample-2025.csv')];
  const [from, to] = real ? ['2023-01', '2023-06'] : ['2025-03', '2025-08'];
  const categories = real ? ['Burglary'] : ['Anti-social behaviour'];
  const { page } = await openApp(browser, url);

  if (real) {
    // Start from an empty workspace: remove the sample, then load the real files.
    for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) await page.getByRole('button', { name: `Remove ${name}` }).click();
    await loadFiles(page, files);
    await waitForSources(page, files.length, 180_000);
    // A map this big is meshed in a worker, and the map may go idle before the mesh arrives: the map
    // must not say it is idle until its cells are drawn (the empty map before them has none).
    await waitForMapIdle(page, 60_000);
    const { rgba } = await mapCanvasPixels(page);
    let warm = 0;
    for (let i = 0; i < rgba.length; i += 4) if (rgba[i] - rgba[i + 2] > 40) warm++;
    assert(warm / (rgba.length / 4) > 0.05, `once the map says it is idle, its cells are drawn (${((100 * warm) / (rgba.length / 4)).toFixed(1)}% of the canvas in the ramp's colours)`);
  } else {
    await page.getByRole('button', { name: 'Remove brent-council-complaints-sample.csv' }).click();
  }
  await page.getByLabel('H3 resolution').selectOption('10');
  const monthValue = async (label, text) => {
    const options = await page.getByLabel(label).locator('option').evaluateAll((nodes) => nodes.map((n) => ({ value: n.value, text: n.textContent })));
    const [year, month] = text.split('-').map(Number);
    const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
    return options.find((o) => o.text === `${name} ${year}`).value;
  };
  await page.getByLabel('From month').selectOption(await monthValue('From month', from));
  await page.getByLabel('To month').selectOption(await monthValue('To month', to));
  await page.getByRole('button', { name: 'Select none' }).click();
  for (const category of categories) await page.getByRole('checkbox', { name: category, exact: true }).first().check();
  await waitForMapIdle(page);
  await page.waitForFunction(() => document.querySelector('.legend h2')?.textContent !== '0 categories');

  const csv = await download(page, () => page.getByRole('button', { name: 'Export hotspots CSV' }).click());
  assertEqual(csv.name, `hotspots_counts_${from}_${to}_res10.csv`, 'CSV file name carries method, period and resolution');
  const rows = parseCsv(csv.bytes.toString('utf8'));
  const header = rows[0];
  assertEqual(header.slice(0, 11), ['h3', 'resolution', 'lat', 'lng', 'count', 'harm', 'share', 'cumulative_share', 'rank', 'top_category', 'top_location'], 'CSV header');
  const exported = new Map(rows.slice(1).map((r) => [r[0], Number(r[4])]));
  const expected = countPoliceCells(files, { resolution: 10, from, to, categories });
  assertEqual(exported.size, expected.size, 'number of cells');
  for (const [cell, count] of expected) assertEqual(exported.get(cell), count, `count of ${cell}`);
  assertEqual(rows.slice(1).map((r) => Number(r[8])), rows.slice(1).map((_, i) => i + 1), 'ranks in order');

  const geojson = await download(page, () => page.getByRole('button', { name: 'Export hotspots GeoJSON' }).click());
  const collection = JSON.parse(geojson.bytes.toString('utf8'));
  assertEqual(collection.type, 'FeatureCollection', 'GeoJSON type');
  assertEqual(collection.features.length, expected.size, 'GeoJSON features');
  for (const feature of collection.features) {
    assertEqual(feature.properties.count, expected.get(feature.properties.h3), `GeoJSON count of ${feature.properties.h3}`);
    const ring = feature.geometry.coordinates[0];
    assertEqual(ring[0], ring[ring.length - 1], 'closed ring');
    let twiceArea = 0;
    for (let i = 0; i + 1 < ring.length; i++) twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    assert(twiceArea > 0, 'exterior ring counter-clockwise (RFC 7946 right-hand rule)');
  }

  // The command line gives the same CSV for the same files and filters.
  const cliOut = join(outDir, 'cli-hotspots.csv');
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'hotspots.ts'), ...files, '--res', '10', '--from', from, '--to', to, ...categories.flatMap((c) => ['--category', c]), '--out', cliOut], { cwd: root, stdio: 'pipe' });
  const cliCsv = readFileSync(cliOut, 'utf8');
  const appLines = csv.bytes.toString('utf8').split('\r\n');
  const cliLines = cliCsv.split('\r\n');
  const firstDifference = appLines.findIndex((line, i) => line !== cliLines[i]);
  assertEqual(firstDifference < 0 ? null : [appLines[firstDifference], cliLines[firstDifference]], null, 'CLI CSV equals the app export (first differing line)');
  assertEqual(cliLines.length, appLines.length, 'CLI CSV line count');

  for (const scale of [1, 2]) {
    await page.getByLabel('Image scale').selectOption(String(scale));
    const png = await download(page, () => page.getByRole('button', { name: 'Export map PNG' }).click());
    assertEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    const mapBox = await page.getByTestId('map').boundingBox();
    assertEqual([width, height], [Math.round(mapBox.width * scale), Math.round((mapBox.height + 56 + 64) * scale)], `PNG size at ${scale}x`);
    const distinct = await page.evaluate(async (base64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return colours.size;
    }, png.bytes.toString('base64'));
    assert(distinct > 20, `PNG has varied pixels (${distinct} colours sampled)`);
    writeFileSync(join(outDir, `map-export@${scale}x.png`), png.bytes);
  }
  await page.screenshot({ path: join(outDir, 'hotspots-res10.png') });

  // Exported at once after a change, before the new map is drawn (Gi* takes a while on 15,000
  // cells): the export waits for it, and the table and its name are both the new map's.
  await page.getByLabel('Hotspot method').selectOption('gistar');
  const atOnce = await download(page, () => page.getByRole('button', { name: 'Export hotspots CSV' }).click());
  assertEqual(atOnce.name, `hotspots_gi-hot-and-cold-spots_${from}_${to}_res10.csv`, 'CSV exported at once after a change is named for the new map');
  const atOnceRows = parseCsv(atOnce.bytes.toString('utf8'));
  assert(atOnceRows[0].some((name) => /gi/i.test(name)), `CSV exported at once holds the new map's Gi* columns (${atOnceRows[0].join(', ')})`);
  assertEqual(atOnceRows.length - 1, expected.size, 'cells of the CSV exported at once');
}

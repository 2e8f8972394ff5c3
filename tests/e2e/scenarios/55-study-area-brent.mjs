// A study area scopes everything: all-London police.uk burglary months and the London boroughs
// file loaded through the UI, Brent picked as the study area. Every exported cell, planned
// camera, candidate site, move, proposed zone and top location lies in Brent; the totals equal a
// point-in-polygon count of the raw rows made here with turf, and the incidents outside are said.
// Then the LSOA name prefix, a reload, the view link and the briefing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanIntersects } from '@turf/boolean-intersects';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { buffer } from '@turf/buffer';
import { point, polygon } from '@turf/helpers';
import { cellToBoundary } from 'h3-js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { assert, assertEqual, download, openOnFilesAlone, parseCsv, root, sharedData, waitForMapIdle, waitForSources } from '../harness.mjs';

const POLICE_DIR = join(sharedData, 'police-uk', 'met-burglary-2022-2023');
const BOROUGHS = join(sharedData, 'boundaries', 'london_boroughs_wgs84.geojson');

/** The raw rows as the app should take them: coordinates present, a line repeated with the same Crime ID in a file dropped. */
function rawRows(files) {
  const rows = [];
  for (const file of files) {
    const [header, ...lines] = parseCsv(readFileSync(file, 'utf8'));
    const at = (name) => header.indexOf(name);
    const seen = new Set();
    for (const fields of lines) {
      if (fields.length !== header.length) continue;
      const id = fields[at('Crime ID')];
      if (id) {
        const key = fields.join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const lng = Number(fields[at('Longitude')]);
      const lat = Number(fields[at('Latitude')]);
      if (fields[at('Longitude')] === '' || !Number.isFinite(lng) || !Number.isFinite(lat)) continue;
      rows.push({ lng, lat, location: fields[at('Location')], lsoa: fields[at('LSOA name')] });
    }
  }
  return rows;
}

const inside = (brent, lng, lat) => booleanPointInPolygon(point([lng, lat]), brent);
const cellPolygon = (h3) => polygon([cellToBoundary(h3, true)]);
const total = (csv) => csv.slice(1).reduce((sum, r) => sum + Number(r[csv[0].indexOf('count')]), 0);

async function exportCsv(page, button) {
  return parseCsv((await download(page, () => page.getByRole('button', { name: button }).click())).bytes.toString('utf8'));
}

export async function run({ browser, url, outDir }) {
  if (!existsSync(POLICE_DIR) || !existsSync(BOROUGHS)) return { skipped: `real data not found under ${sharedData}` };
  const files = readdirSync(POLICE_DIR).filter((f) => f.endsWith('.csv')).sort().map((f) => join(POLICE_DIR, f));
  const boroughs = JSON.parse(readFileSync(BOROUGHS, 'utf8'));
  const brent = boroughs.features.find((f) => f.properties.NAME === 'Brent');
  const nearBrent = buffer(brent, 5, { units: 'meters' });

  // Independent counts: distinct points tested once with turf.
  const rows = rawRows(files);
  const verdict = new Map();
  const isIn = (r) => {
    const key = `${r.lng},${r.lat}`;
    if (!verdict.has(key)) verdict.set(key, inside(brent, r.lng, r.lat));
    return verdict.get(key);
  };
  const expectedInside = rows.filter(isIn).length;
  const expectedOutside = rows.length - expectedInside;
  const insideLocations = new Set(rows.filter(isIn).map((r) => r.location));
  const expectedLsoa = rows.filter((r) => r.lsoa.startsWith('Brent ')).length;

  const { page, consoleErrors } = await openOnFilesAlone(browser, url, files, { category: 'Burglary', boundaries: BOROUGHS, timeout: 180_000 });
  const studyArea = page.getByLabel('Study area', { exact: true });
  await studyArea.locator('option', { hasText: /^Brent$/ }).waitFor({ state: 'attached' });
  await studyArea.selectOption({ label: 'Brent' });
  const outsideNote = page.getByTestId('outside-count');
  const outsideText = `${expectedOutside.toLocaleString('en-GB')} incidents outside Brent not shown.`;
  await page.waitForFunction((text) => document.querySelector('[data-testid="outside-count"]')?.textContent === text, outsideText, { timeout: 60_000 });
  assertEqual(await outsideNote.innerText(), outsideText, 'incidents outside are counted and said');
  assert((await page.locator('.legend').innerText()).includes('in Brent'), 'the legend names the study area');
  await waitForMapIdle(page);
  await page.screenshot({ path: join(outDir, 'study-area-brent.png') });

  // Counts: every cell touches Brent, the total is the independent count, top locations are Brent's.
  const counts = await exportCsv(page, 'Export hotspots CSV');
  const h3 = counts[0].indexOf('h3');
  assertEqual(total(counts), expectedInside, `exported cells hold the ${expectedInside} incidents inside Brent`);
  assert(counts.slice(1).every((r) => booleanIntersects(cellPolygon(r[h3]), brent)), 'every exported cell lies in Brent');
  assert(counts.slice(1).every((r) => r[counts[0].indexOf('study_area')] === 'Brent'), 'every row names the study area');
  const topLocations = counts.slice(1, 21).map((r) => r[counts[0].indexOf('top_location')]);
  assert(topLocations.every((l) => insideLocations.has(l)), `top locations are places in Brent (${topLocations.slice(0, 3).join('; ')})`);
  const tableLocations = await page.locator('.top-table tbody tr td:nth-child(2)').allTextContents();
  assert(tableLocations.length > 0 && tableLocations.every((l) => insideLocations.has(l)), `the top table lists places in Brent only (${tableLocations.filter((l) => !insideLocations.has(l)).join('; ')})`);

  // Gi* study cells: every cell of the export touches Brent; proposals (at most 40 ha) are cut to it.
  await page.getByLabel('Hotspot method').selectOption('gistar');
  await page.locator('.legend', { hasText: 'Gi*' }).waitFor();
  const gi = await exportCsv(page, 'Export hotspots CSV');
  assert(gi[0].includes('gi_z') && gi.slice(1).every((r) => booleanIntersects(cellPolygon(r[h3]), brent)), 'Gi* cells lie in Brent');
  await page.locator('summary', { hasText: 'PSPO zones' }).click();
  await page.getByLabel('Minimum cells').fill('2');
  await page.getByLabel('Maximum size (ha, 0 = none)').fill('40');
  await page.getByRole('button', { name: 'Propose zones' }).click();
  await page.locator('.proposals li').first().waitFor();
  const proposalTexts = await page.locator('.proposals li').allInnerTexts();
  assert(proposalTexts.every((t) => Number(/, ([\d.,]+) ha,/.exec(t)[1].replace(/,/g, '')) <= 40), `proposals are at most 40 ha (${proposalTexts.slice(0, 2).join(' | ')})`);
  while ((await page.locator('.proposals li').count()) > 0) await page.locator('.proposals li').first().getByRole('button', { name: 'Accept as zone' }).click();
  const zones = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Export zones GeoJSON' }).click())).bytes.toString('utf8'));
  const proposed = zones.features.filter((f) => /^Proposed zone/.test(f.properties.name));
  assert(proposed.length > 0, 'proposals accepted as zones');
  const corners = proposed.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2));
  assert(corners.every(([lng, lat]) => booleanPointInPolygon(point([lng, lat]), nearBrent)), 'every proposed zone lies in Brent');

  // Cameras: demand cell centres as candidates, then imported sites half outside Brent; moves.
  await page.getByLabel('Hotspot method').selectOption('count');
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  // The council's re-deployable cameras: two in Brent, one across the border (it may move into Brent).
  const insideRows = rows.filter(isIn);
  const outsideRow = rows.find((r) => !isIn(r));
  const register = [insideRows[100], insideRows[2000], outsideRow].map((r, i) => `RD-${i + 1},Site ${i + 1},${r.lat},${r.lng},Re-deployable`);
  const registerPath = join(outDir, 'redeployable-cameras.csv');
  writeFileSync(registerPath, `camera_id,site,lat,lon,type\n${register.join('\n')}\n`);
  await page.getByLabel('Load cameras').setInputFiles(registerPath);
  await page.locator('dialog[open] button.primary').click();
  await page.locator('.panel', { hasText: 'CCTV planner' }).getByText(/3 cameras on the ground: 0 fixed, 3 re-deployable/).waitFor();
  await page.getByLabel('Number of cameras').fill('10');
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.locator('.coverage-summary').waitFor();
  const plan = await exportCsv(page, 'Export plan CSV');
  assertEqual(plan.length - 1, 10, 'ten cameras planned');
  assert(plan.slice(1).every((r) => inside(brent, Number(r[2]), Number(r[1])) && r[9] === 'Brent'), 'every planned camera stands in Brent');
  await page.getByRole('button', { name: 'Suggest moves' }).click();
  await page.locator('.moves li').first().waitFor();
  const moves = await exportCsv(page, 'Export moves CSV');
  assert(moves.length > 1 && moves.slice(1).every((r) => inside(brent, Number(r[2]), Number(r[1]))), `every move goes to a place in Brent (${moves.length - 1} moves)`);

  const candidates = [...rows.filter(isIn).slice(0, 40), ...rows.filter((r) => !isIn(r)).slice(0, 40)];
  const sitesFile = join(outDir, 'candidate-sites-london.csv');
  writeFileSync(sitesFile, `id,lat,lng\n${candidates.map((c, i) => `S${i + 1},${c.lat},${c.lng}`).join('\n')}\n`);
  await page.getByLabel('Load candidate sites').setInputFiles(sitesFile);
  await page.locator('dialog[open] button.primary').click();
  await page.getByText('80 candidate sites loaded.').waitFor();
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.locator('.coverage-summary').waitFor();
  const atSites = await exportCsv(page, 'Export plan CSV');
  const key = (lat, lng) => `${Number(lat).toFixed(6)},${Number(lng).toFixed(6)}`;
  const insideSites = new Set(candidates.filter(isIn).map((c) => key(c.lat, c.lng)));
  // Sites are the imported candidates plus where the 3 re-deployable cameras stand now.
  assert(atSites.length > 1 && atSites.slice(1).every((r) => inside(brent, Number(r[2]), Number(r[1]))), 'cameras only inside Brent');
  assert(atSites.slice(1).some((r) => insideSites.has(key(r[1], r[2]))), 'cameras at the imported candidate sites inside Brent');
  assert((await page.locator('.plan-result').innerText()).includes('over 43 candidate sites'), 'the 40 sites outside Brent are not candidates');

  // The briefing names the study area and what it leaves out.
  await page.locator('summary', { hasText: 'Briefing' }).click();
  const pdf = await download(page, () => page.getByRole('button', { name: 'Export briefing PDF' }).click());
  const document = await getDocument({ data: new Uint8Array(pdf.bytes), isEvalSupported: false, standardFontDataUrl: join(root, 'node_modules', 'pdfjs-dist', 'standard_fonts') + '/' }).promise;
  const firstPage = (await (await document.getPage(1)).getTextContent()).items.map((item) => item.str).join(' ');
  assert(firstPage.includes(`Study area: Brent (${expectedOutside.toLocaleString('en-GB')} incidents outside it not shown)`), 'briefing names the study area');

  // The study area survives a reload (by name; the boundary file comes back from this browser).
  const link = new URL(page.url()).hash;
  assert(link.includes('area=Brent%40london_boroughs_wgs84.geojson'), `view link names the study area (${link})`);
  await page.reload();
  await waitForSources(page, files.length, 180_000);
  await page.waitForFunction((text) => document.querySelector('[data-testid="outside-count"]')?.textContent === text, outsideText, { timeout: 120_000 });
  assertEqual(total(await exportCsv(page, 'Export hotspots CSV')), expectedInside, 'the same total after a reload');

  // police.uk's own LSOA names: "Brent" as a prefix.
  await page.getByLabel('LSOA name starts with').fill('Brent');
  await page.getByRole('button', { name: 'Use LSOA names' }).click();
  await page.waitForFunction((text) => document.querySelector('[data-testid="outside-count"]')?.textContent === text, `${(rows.length - expectedLsoa).toLocaleString('en-GB')} incidents outside Brent not shown.`, { timeout: 60_000 });
  assertEqual(total(await exportCsv(page, 'Export hotspots CSV')), expectedLsoa, `LSOA prefix total (${expectedLsoa})`);
  assert(consoleErrors.filter((e) => !/glyphs|Failed to load resource/.test(e)).length === 0, `no console errors (${consoleErrors.join(' | ')})`);
}

// Camera coverage through buildings: plan 8 cameras on the sample, load building footprints
// (generated now as GeoJSON around the plan's hot cells, as an OpenStreetMap export would hold
// them), plan again, see the coverage fall, the inside-a-building report and the viewsheds drawn;
// reload and find the buildings kept.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, download, openApp, parseCsv, waitForMapIdle } from '../harness.mjs';

const M = 1 / 111_320;

/** 12 m houses on a 30 m grid within 300 m of each hot cell, none on a camera's own spot; one house built over a camera. */
function footprintsAround(centres, cameraSpots) {
  const features = [];
  const seen = new Set();
  const cos = Math.cos((51.55 * Math.PI) / 180);
  const house = (lat, lng, halfM) => {
    const [dLat, dLng] = [halfM * M, (halfM * M) / cos];
    return { type: 'Polygon', coordinates: [[[lng - dLng, lat - dLat], [lng + dLng, lat - dLat], [lng + dLng, lat + dLat], [lng - dLng, lat + dLat], [lng - dLng, lat - dLat]]] };
  };
  for (const [lat0, lng0] of centres) {
    for (let i = -10; i <= 10; i++) {
      for (let j = -10; j <= 10; j++) {
        // Snap to one grid across all centres, so overlapping neighbourhoods share houses.
        const lat = Math.round((lat0 + i * 30 * M) / (30 * M)) * 30 * M + 11 * M;
        const lng = Math.round((lng0 + (j * 30 * M) / cos) / ((30 * M) / cos)) * ((30 * M) / cos) + (11 * M) / cos;
        const key = `${lat.toFixed(7)},${lng.toFixed(7)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (cameraSpots.some(([la, ln]) => Math.abs(la - lat) < 8 * M && Math.abs(ln - lng) < (8 * M) / cos)) continue;
        features.push({ type: 'Feature', properties: { building: 'house' }, geometry: house(lat, lng, 6) });
      }
    }
  }
  return features;
}

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  const panel = page.locator('.panel', { hasText: 'CCTV planner' });
  await panel.getByText(/No building footprints/).waitFor();
  await page.getByLabel('Number of cameras').fill('8');
  await page.getByLabel('Coverage radius (m)').fill('100');
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.locator('.coverage-summary').waitFor();
  const share = async () => Number(/with the 8 planned cameras,\s*([\d.]+)%/.exec(await page.locator('.coverage-summary').innerText())[1]);
  const openShare = await share();
  const plan = parseCsv((await download(page, () => page.getByRole('button', { name: 'Export plan CSV' }).click())).bytes.toString('utf8')).slice(1).filter((r) => r.length > 2);
  const centres = plan.map((r) => [Number(r[1]), Number(r[2])]);

  // Buildings around the hot cells, with one fixed camera's spot built over (its camera must be reported).
  const cameras = parseCsv((await import('node:fs')).readFileSync(join(process.cwd(), 'data', 'brent-cctv-cameras-sample.csv'), 'utf8'));
  const header = cameras[0];
  const [latCol, lngCol, idCol] = [header.findIndex((h) => /^lat/i.test(h)), header.findIndex((h) => /^(lng|lon)/i.test(h)), header.findIndex((h) => /id/i.test(h))];
  const fixedCameras = cameras.slice(1).filter((r) => r.length > 2).map((r) => ({ id: r[idCol], lat: Number(r[latCol]), lng: Number(r[lngCol]) }));
  const features = footprintsAround(centres, centres);
  const covered = fixedCameras[0];
  features.push({ type: 'Feature', properties: { building: 'yes', name: 'Over a camera' }, geometry: { type: 'Polygon', coordinates: [[[covered.lng - 0.0002, covered.lat - 0.0001], [covered.lng + 0.0002, covered.lat - 0.0001], [covered.lng + 0.0002, covered.lat + 0.0001], [covered.lng - 0.0002, covered.lat + 0.0001], [covered.lng - 0.0002, covered.lat - 0.0001]]] } });
  // An OpenStreetMap export also holds points (entrances): reported and skipped, never silently dropped.
  features.push({ type: 'Feature', properties: { entrance: 'main' }, geometry: { type: 'Point', coordinates: [centres[0][1], centres[0][0]] } });
  const buildingsPath = join(outDir, 'generated-buildings.geojson');
  writeFileSync(buildingsPath, JSON.stringify({ type: 'FeatureCollection', features }));
  await page.getByLabel('Load building footprints').setInputFiles(buildingsPath);
  const polygons = features.length - 1;
  await panel.getByText(`generated-buildings.geojson: ${polygons.toLocaleString('en-GB')} building footprints; 1 repaired or skipped.`).waitFor({ timeout: 60_000 });
  assert(await page.getByLabel('Buildings block the view').isChecked(), 'walls block the view once buildings are loaded');

  await page.getByRole('button', { name: 'Plan cameras' }).click();
  const effect = page.locator('.buildings-effect');
  await effect.waitFor({ timeout: 60_000 });
  const text = await effect.innerText();
  const [, without, withBuildings] = /Without buildings: ([\d.]+)% covered; with buildings: ([\d.]+)%/.exec(text).map(Number);
  assert(withBuildings < without, `coverage falls with buildings (${without}% → ${withBuildings}%)`);
  assert(text.includes(`Inside a building footprint, counted as seeing nothing: ${covered.id}`), `the camera inside a building is named (${text})`);
  const blockedShare = await share();
  assert(blockedShare < openShare, `the plan's coverage is lower through buildings (${openShare}% → ${blockedShare}%)`);
  assertEqual(blockedShare, withBuildings, 'summary and comparison agree');

  const viewsheds = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Viewsheds GeoJSON' }).click())).bytes.toString('utf8'));
  const planned = viewsheds.features.filter((f) => f.properties.kind === 'planned');
  assertEqual(planned.length, 8, 'a viewshed per planned camera');
  assert(!viewsheds.features.some((f) => f.properties.camera === covered.id), 'no viewshed for the camera inside a building');
  const disc = Math.PI * 100 * 100;
  assert(planned.every((f) => f.properties.areaM2 > 0 && f.properties.areaM2 <= disc + 1), 'viewsheds within the bare radius');
  assert(planned.some((f) => f.properties.areaM2 < 0.8 * disc), `walls cut some planned viewsheds (${planned.map((f) => f.properties.areaM2).join(', ')} m²)`);

  // The evaluation takes what the cameras see as their coverage area.
  await page.locator('summary', { hasText: 'Did it work?' }).click();
  const areas = await page.getByLabel('Intervention area').locator('option').allInnerTexts();
  assert(areas.some((o) => /^Camera viewsheds \(\d+ cameras\)$/.test(o)), `the viewsheds offered as the cameras' area (${areas.join(', ')})`);
  await page.locator('summary', { hasText: 'Did it work?' }).click();

  // The planned camera whose view the walls cut most, from the plan CSV (NEW-k is rank k).
  const mostCut = planned.reduce((a, b) => (b.properties.areaM2 < a.properties.areaM2 ? b : a));
  const replanned = parseCsv((await download(page, () => page.getByRole('button', { name: 'Export plan CSV' }).click())).bytes.toString('utf8')).slice(1);
  const row = replanned.find((r) => `NEW-${r[0]}` === mostCut.properties.camera);
  const [lat, lng] = [Number(row[1]), Number(row[2])];

  // Reload, zoomed in on that camera: the buildings are kept with the workspace, and planning through them works again.
  await page.evaluate(([a, b]) => history.replaceState(null, '', `#map=17/${a}/${b}`), [lat, lng]);
  await page.reload();
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await panel.getByText(/generated-buildings\.geojson: [\d,]+ building footprints/).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.waitForFunction(() => !document.querySelector('.plan-steps') && !document.querySelector('button.primary[disabled]'), null, { timeout: 60_000 });
  const again = /with buildings: ([\d.]+)%/.exec(await page.locator('.buildings-effect').innerText())[1];
  assertEqual(Number(again), withBuildings, 'the same coverage through buildings after a reload');
  assertEqual(await page.locator('.notice.error').count(), 0, 'no error after the reload');

  // Click the camera in the middle of the map: its own viewshed is picked out.
  await waitForMapIdle(page);
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await waitForMapIdle(page);
  await page.screenshot({ path: join(outDir, 'buildings-viewsheds.png') });
}

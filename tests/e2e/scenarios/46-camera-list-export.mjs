// The control room's camera list: plan cameras and moves on the sample, export the list as CSV and
// GeoJSON, and check it against the plan, the moves, the cameras file and proj4.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, download, openApp, parseCsv, root } from '../harness.mjs';
import { proj4GridRef } from '../briefingPack.mjs';

const records = (text) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
};
const addMonths = (iso, months) => {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
};
const near = (a, b, tolerance) => Math.abs(Number(a) - Number(b)) <= tolerance;
const gridRefNear = (a, b) => a.split(' ')[0] === b.split(' ')[0] && a.split(' ').slice(1).every((v, i) => near(v, b.split(' ')[i + 1], 1));

export async function run({ browser, url }) {
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await page.getByLabel('Number of cameras').fill('4');
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.locator('.coverage-summary').waitFor();
  const plan = records((await download(page, () => page.getByRole('button', { name: 'Export plan CSV' }).click())).bytes.toString('utf8'));
  await page.getByRole('button', { name: 'Suggest moves' }).click();
  await page.locator('.moves li').first().waitFor();
  const moves = (await page.locator('.moves li').allInnerTexts()).map((t) => /^Move (RD-\d+) to .+: \+([\d,.]+) incidents/.exec(t)).filter(Boolean).map(([, id, gain]) => ({ id, gain: Number(gain.replace(/,/g, '')) }));
  assert(moves.length > 0, 'moves suggested');

  await page.locator('summary', { hasText: 'Camera list and justification' }).click();
  await page.getByLabel('DPIA reference').fill('DPIA-CCTV-2025-04');
  const csv = records((await download(page, () => page.getByRole('button', { name: 'Camera list CSV' }).click())).bytes.toString('utf8'));
  const geojson = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Camera list GeoJSON' }).click())).bytes.toString('utf8'));
  const today = new Date().toISOString().slice(0, 10);

  const onGround = records(readFileSync(join(root, 'data', 'brent-cctv-cameras-sample.csv'), 'utf8'));
  assertEqual(csv.length, onGround.length + plan.length, 'one row per camera on the ground and per planned camera');
  for (const camera of onGround) {
    const row = csv.find((r) => r.id === camera['Camera ID']);
    assert(row, `${camera['Camera ID']} listed`);
    assert(near(row.current_lat, camera.Latitude, 1e-6) && near(row.current_lng, camera.Longitude, 1e-6), `${row.id}: current position as in the cameras file`);
    assertEqual(row.type, /re-?deploy/i.test(camera.Type) ? 're-deployable' : 'fixed', `${row.id} type`);
    assertEqual(Number(row.radius_m), Number(camera['Radius (m)']), `${row.id} radius`);
    const move = moves.find((m) => m.id === row.id);
    assertEqual(row.status, move ? 'moved' : 'kept', `${row.id} status`);
    if (move) {
      assert(!(row.current_lat === row.proposed_lat && row.current_lng === row.proposed_lng), `${row.id} moves somewhere else`);
      assert(near(row.demand_gained, move.gain, 1), `${row.id} gain ${row.demand_gained} as the moves list says (${move.gain})`);
      assertEqual(row.next_review, addMonths(today, 3), `${row.id}, re-deployable and moving: reviewed in 3 months`);
    } else {
      assertEqual([row.proposed_lat, row.proposed_lng], [row.current_lat, row.current_lng], `${row.id} stays`);
      if (row.type === 'fixed') assertEqual(row.next_review, addMonths(today, 12), `${row.id}, fixed: reviewed in 12 months`);
    }
    assert(gridRefNear(row.current_grid_ref, proj4GridRef(Number(row.current_lat), Number(row.current_lng))), `${row.id} grid reference ${row.current_grid_ref} agrees with proj4`);
    assertEqual(row.dpia_reference, 'DPIA-CCTV-2025-04', `${row.id} DPIA reference`);
  }
  for (const planned of plan) {
    const row = csv.find((r) => r.id === `NEW-${planned.rank}`);
    assert(row, `NEW-${planned.rank} listed`);
    assertEqual([row.status, row.current_lat, row.current_grid_ref], ['new', '', ''], `${row.id} is new`);
    assert(near(row.proposed_lat, planned.lat, 1e-6) && near(row.proposed_lng, planned.lng, 1e-6), `${row.id} where the plan puts it`);
    assert(near(row.demand_gained, planned.marginal_gain, 0.051), `${row.id} gain as the plan's marginal gain`);
    assert(gridRefNear(row.proposed_grid_ref, proj4GridRef(Number(planned.lat), Number(planned.lng))), `${row.id} grid reference agrees with proj4`);
    assert(/^(New camera at .+)$/.test(row.change) && /^Adds [\d.]+ incidents/.test(row.why), `${row.id}: what changed and why`);
  }
  assert(csv.every((r) => Number(r.rank) >= 1 && Number(r.rank) <= csv.length && r.purpose !== '' && /^\d{4}-\d{2}-\d{2}$/.test(r.next_review)), 'every row has a rank, a purpose and a review date');

  const points = geojson.features.filter((f) => f.geometry.type === 'Point');
  const lines = geojson.features.filter((f) => f.geometry.type === 'LineString');
  assertEqual(points.length, csv.length, 'one GeoJSON point per camera');
  assertEqual(lines.length, moves.length, 'one GeoJSON line per move');
  for (const line of lines) {
    const row = csv.find((r) => r.id === line.properties.move);
    const expected = [row.current_lng, row.current_lat, row.proposed_lng, row.proposed_lat];
    assert(line.geometry.coordinates.flat().every((v, i) => near(v, expected[i], 1e-6)), `${row.id} move line from now to proposed`);
  }
}

// CCTV planner: plan 8 cameras at 100 m on the sample, see them and the coverage summary, solve
// exactly and read the gap, suggest moves for re-deployables, export the plan CSV.
import { join } from 'node:path';
import { assert, assertEqual, download, openApp, parseCsv, waitForMapIdle } from '../harness.mjs';

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await page.locator('.panel', { hasText: 'CCTV planner' }).getByText(/52 cameras on the ground: 40 fixed, 12 re-deployable/).waitFor();
  await page.getByLabel('Number of cameras').fill('8');
  await page.getByLabel('Coverage radius (m)').fill('100');
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  const summary = page.locator('.coverage-summary');
  await summary.waitFor();
  assert(/with the 8 planned cameras/.test(await summary.innerText()), 'summary names the 8 planned cameras');
  assertEqual(await page.locator('.plan-result tbody tr').count(), 8, 'eight planned cameras listed');
  await waitForMapIdle(page);
  const planned = await page.evaluate(() => document.querySelectorAll('.plan-result tbody tr').length);
  assertEqual(planned, 8, 'plan rows');

  await page.getByRole('button', { name: 'Solve exactly' }).click();
  const exact = page.locator('.exact-summary');
  await exact.waitFor({ timeout: 60_000 });
  const text = await exact.innerText();
  const gap = Number(/gap (-?[\d.]+)%/.exec(text)[1]);
  assert(gap >= 0, `exact is never worse than greedy (gap ${gap}%)`);

  await page.getByRole('button', { name: 'Suggest moves' }).click();
  await page.locator('.moves li').first().waitFor();
  const move = await page.locator('.moves li').first().innerText();
  assert(/^Move RD-\d+ to .+: \+[\d,.]+ incidents covered/.test(move) || move.startsWith('No move'), `move described (${move})`);

  const csv = await download(page, () => page.getByRole('button', { name: 'Export plan CSV' }).click());
  const rows = parseCsv(csv.bytes.toString('utf8'));
  // Planned on the synthetic sample, so every row says so, beside the study area (everywhere: empty).
  assertEqual(rows[0], ['rank', 'lat', 'lng', 'easting', 'northing', 'marginal_gain', 'covered_demand', 'top_location', 'method', 'study_area', 'data_note'], 'plan CSV header');
  assert(rows.slice(1).every((r) => r[9] === '' && r[10].startsWith('SYNTHETIC SAMPLE DATA')), 'plan rows labelled synthetic');
  assertEqual(rows.length - 1, 8, 'eight cameras in the CSV');
  assert(rows.slice(1).every((r) => Number(r[3]) > 500000 && Number(r[3]) < 540000 && Number(r[4]) > 175000 && Number(r[4]) < 195000), 'easting/northing in Brent');
  await page.screenshot({ path: join(outDir, 'cctv-plan.png') });

  // Cameras by hand: add one where the map is clicked, move one, delete one.
  await page.locator('summary', { hasText: 'Edit cameras by hand' }).click();
  await page.getByRole('button', { name: 'Add fixed camera' }).click();
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 3);
  const panel = page.locator('.panel', { hasText: 'CCTV planner' });
  await panel.getByText(/53 cameras on the ground: 41 fixed, 12 re-deployable/).waitFor();
  await page.getByRole('button', { name: 'Move RD-01' }).click();
  await page.mouse.click(box.x + box.width / 3, box.y + box.height / 2);
  await page.getByRole('button', { name: 'Delete FX-NEW-1' }).click();
  await panel.getByText(/52 cameras on the ground: 40 fixed, 12 re-deployable/).waitFor();
}

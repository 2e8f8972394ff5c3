// Camera files as councils publish them: a CSV register with a camera_id column and one camera far
// away (warned, added to the current cameras); the Sheffield register (ids in cam_number, 200+ km from
// the data: warned, replaces); a fault-report export that is not cameras (asked, cancelled); candidate
// sites whose names describe the planned cameras.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, openApp } from '../harness.mjs';
import { importDialog, missingData, SHEFFIELD } from '../geometryFiles.mjs';

const REGISTER = `camera_id,site,lat,lon,type
BR-101,Wembley High Road,51.5527,-0.2967,Fixed
BR-102,Harlesden Jubilee Clock,51.5365,-0.2478,Fixed
BR-103,Church End,51.5489,-0.2551,Re-deployable
BR-104,Kilburn High Road,51.5441,-0.2003,Fixed
BR-105,Piccadilly Gardens (Manchester),53.4808,-2.2364,Fixed
`;

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  const panel = page.locator('.panel', { hasText: 'CCTV planner' });
  await panel.getByText(/52 cameras on the ground/).waitFor();

  // A register with an id column and one camera 260 km away: read, warned, added to the sample's 52.
  const registerPath = join(outDir, 'brent-register.csv');
  writeFileSync(registerPath, REGISTER);
  await page.getByLabel('Load cameras').setInputFiles(registerPath);
  let { dialog, text } = await importDialog(page);
  assert(text.includes('5 rows read: 5 cameras (4 fixed, 1 re-deployable)'), `what was read (${text})`);
  assertEqual(await dialog.getByLabel('Camera ids from').inputValue(), 'camera_id', 'ids from camera_id');
  assertEqual(await dialog.getByLabel('Names from').inputValue(), 'site', 'names from site');
  assert(text.includes('Fixed or re-deployable: from "type"') && text.includes("Coverage radius: none in the file: the plan's radius is used"), 'fields named');
  assert(/1 of 5 cameras stand more than 2 km outside the area of the loaded incidents \(median \d+ km away, e\.g\. BR-105\)/.test(text), `the far camera is warned about (${text})`);
  await page.screenshot({ path: join(outDir, 'cameras-register-dialog.png') });
  await dialog.getByRole('button', { name: 'Add to the 52 current cameras' }).click();
  // The first user file replaces the synthetic sample's cameras; Undo brings them back beside the new ones.
  await panel.getByText(/^5 cameras on the ground: 4 fixed, 1 re-deployable/).waitFor();
  await page.locator('.notice', { hasText: 'replaces the synthetic sample' }).getByRole('button', { name: 'Undo' }).click();
  await panel.getByText(/57 cameras on the ground: 44 fixed, 13 re-deployable/).waitFor();
  await page.locator('summary', { hasText: 'Edit cameras by hand' }).click();
  await page.getByRole('button', { name: 'Move BR-105' }).waitFor();

  // The Sheffield register: ids from cam_number kept, all far away, replaces the current cameras.
  if (!missingData(SHEFFIELD)) {
    const count = JSON.parse(readFileSync(SHEFFIELD, 'utf8')).features.length;
    await page.getByLabel('Load cameras').setInputFiles(SHEFFIELD);
    ({ dialog, text } = await importDialog(page));
    assertEqual(await dialog.getByLabel('Camera ids from').inputValue(), 'cam_number', 'ids from cam_number');
    assert(text.includes(`${count} of ${count} cameras stand more than 2 km outside`), `Sheffield is far from Brent (${text})`);
    assert(text.includes('no type column, so all are read as fixed'), 'kind explained');
    assert(/\d+ cameras repeat an earlier id in the file; the later ones get a suffix, e\.g\. "\w+ \(2\)"/.test(text), `repeated ids explained (${text})`);
    await dialog.getByRole('button', { name: 'Replace the current cameras' }).click();
    await panel.getByText(new RegExp(`${count} cameras on the ground: ${count} fixed, 0 re-deployable`)).waitFor();
    await page.getByRole('button', { name: 'Move 1', exact: true }).waitFor();
  }
  const before = await panel.locator('p', { hasText: 'cameras on the ground' }).first().innerText();

  // A council fault report: points, but nothing says camera. Asked, cancelled, nothing changes.
  const faultsPath = join(outDir, 'street-faults.geojson');
  writeFileSync(faultsPath, JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: 300 }, (_, i) => ({ type: 'Feature', properties: { report_id: `FR-${i}`, fault_description: i % 2 ? 'Street light out' : 'Pothole', status: 'Open' }, geometry: { type: 'Point', coordinates: [-0.25 - i / 10_000, 51.55] } })) }));
  await page.getByLabel('Load cameras').setInputFiles(faultsPath);
  ({ dialog, text } = await importDialog(page));
  assert(/This does not look like a camera register: none of its columns \(report_id, fault_description, status\) names a camera/.test(text), `asked whether these are cameras (${text})`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assertEqual(await panel.locator('p', { hasText: 'cameras on the ground' }).first().innerText(), before, 'cameras unchanged');

  // Candidate sites with names: the plan says where each camera goes by the site's name.
  const sitesPath = join(outDir, 'lamp-columns.csv');
  writeFileSync(sitesPath, `column_ref,Site name,Latitude,Longitude\n${[[51.5527, -0.2967], [51.5365, -0.2478], [51.5489, -0.2551], [51.5441, -0.2003], [51.5580, -0.2820]].map(([lat, lng], i) => `LC-${i + 1},Lamp column ${i + 1},${lat},${lng}`).join('\n')}\n`);
  await page.getByLabel('Load candidate sites').setInputFiles(sitesPath);
  ({ dialog } = await importDialog(page));
  assertEqual(await dialog.getByLabel('Names from').inputValue(), 'Site name', 'site names from "Site name"');
  await dialog.getByRole('button', { name: 'Use 5 sites' }).click();
  await page.getByLabel('Number of cameras').fill('2');
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.locator('.plan-result tbody tr').nth(1).waitFor();
  const near = await page.locator('.plan-result tbody tr td:nth-child(2)').allInnerTexts();
  assert(near.every((n) => /^Lamp column \d$/.test(n)), `planned cameras named by their site (${near})`);
}

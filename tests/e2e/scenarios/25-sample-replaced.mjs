// The synthetic sample never leaks into real work: the user's first file (here named
// "my-sample.csv", to show a name makes nothing synthetic) replaces the whole sample (sources,
// zones, cameras); exports then say nothing about synthetic data. Undo in the notice brings the
// sample back beside the user's data, and every export labels it synthetic again.
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { copyFileSync } from 'node:fs';
import { assert, assertEqual, download, loadFiles, openApp, parseCsv, root, waitForMapIdle, waitForSources } from '../harness.mjs';
import { writeMonthlyFiles } from '../policeMonthly.mjs';

async function pdfText(bytes) {
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl: join(root, 'node_modules', 'pdfjs-dist', 'standard_fonts') + '/' }).promise;
  const pages = [];
  for (let i = 1; i <= document.numPages; i++) pages.push((await (await document.getPage(i)).getTextContent()).items.map((item) => item.str).join(' '));
  return pages.join('\n');
}

/** Every export a user can take away with the sample's parts: hotspot CSV and GeoJSON, the briefing PDF. */
async function exportsText(page) {
  const csv = await download(page, () => page.getByRole('button', { name: 'Export hotspots CSV' }).click());
  const geojson = await download(page, () => page.getByRole('button', { name: 'Export hotspots GeoJSON' }).click());
  const pdf = await download(page, () => page.getByRole('button', { name: 'Export briefing PDF' }).click());
  return { csv: csv.bytes.toString('utf8'), geojson: geojson.bytes.toString('utf8'), pdf: await pdfText(pdf.bytes) };
}

export async function run({ browser, url, outDir }) {
  const { paths } = writeMonthlyFiles(join(outDir, 'replace-sample'), { months: 2, rowsPerFile: 800, startYear: 2024 });
  const userFile = join(outDir, 'replace-sample', 'my-sample.csv');
  copyFileSync(paths[0], userFile);
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'Briefing' }).click();

  // With the sample showing, every export says it is synthetic.
  const before = await exportsText(page);
  const csvRows = parseCsv(before.csv);
  assertEqual(csvRows[0].at(-1), 'data_note', 'the CSV has a data_note column');
  assert(csvRows.slice(1).every((row) => row.at(-1).startsWith('SYNTHETIC SAMPLE DATA')), 'every CSV row labelled');
  assert(JSON.parse(before.geojson).features.every((f) => f.properties.data_note?.startsWith('SYNTHETIC SAMPLE DATA')), 'every GeoJSON feature labelled');
  assert(before.pdf.includes('SYNTHETIC SAMPLE DATA') && before.pdf.includes('Synthetic sample data'), 'the briefing is labelled');

  // The first file replaces the sample: its data files, 3 zones and 52 cameras.
  await loadFiles(page, [userFile]);
  const notice = page.locator('.notice', { hasText: 'my-sample.csv replaces the synthetic sample' });
  await notice.waitFor();
  assert((await notice.innerText()).includes('2 data files, 3 zones, 52 cameras removed'), 'the notice says what went');
  await page.waitForFunction(() => document.querySelectorAll('.source-card').length === 1);
  assertEqual(await page.locator('.source-card .source-name').innerText(), 'my-sample.csv', 'only the user file');
  assert((await page.locator('summary', { hasText: 'PSPO zones' }).innerText()).includes('(0)'), 'sample zones gone');
  assert((await page.locator('.panel', { hasText: 'CCTV planner' }).textContent()).includes('0 cameras on the ground'), 'sample cameras gone');
  await waitForMapIdle(page);
  const after = await exportsText(page);
  for (const [name, text] of Object.entries(after)) assert(!/synthetic/i.test(text), `no "synthetic" in the user-only ${name} export`);
  assert(after.pdf.includes('my-sample.csv') && after.pdf.includes('Open Government Licence'), 'the user file is listed with its own licence');

  // Undo brings the sample back beside the user's file, labelled again.
  await notice.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.notice', { hasText: 'The synthetic sample is back' }).waitFor();
  await waitForSources(page, 3);
  assert((await page.locator('summary', { hasText: 'PSPO zones' }).innerText()).includes('(3)'), 'sample zones back');
  assert((await page.locator('.panel', { hasText: 'CCTV planner' }).textContent()).includes('52 cameras on the ground'), 'sample cameras back');
  await waitForMapIdle(page);
  const undone = await exportsText(page);
  assert(parseCsv(undone.csv).slice(1).every((row) => row.at(-1).startsWith('SYNTHETIC SAMPLE DATA')), 'labelled again after undo');
  assert(undone.pdf.includes('SYNTHETIC SAMPLE DATA'), 'the briefing labelled again');
  assert(undone.pdf.includes('my-sample.csv') && undone.pdf.includes('Open Government Licence'), 'the user file keeps its own licence');

  // A second file is added beside the kept sample, not replacing it.
  await loadFiles(page, [paths[1]]);
  await waitForSources(page, 4);
  assertEqual(await page.locator('.notice', { hasText: 'replaces the synthetic sample' }).count(), 0, 'no second replacement');
  await page.screenshot({ path: join(outDir, 'sample-replaced-undone.png') });

  // Where the data came from survives a reload: the sample is still labelled, the user's files are not.
  await page.waitForTimeout(1000);
  await page.reload();
  await waitForSources(page, 4);
  await waitForMapIdle(page);
  await page.locator('summary', { hasText: 'Briefing' }).click();
  const reloaded = await exportsText(page);
  assert(parseCsv(reloaded.csv).slice(1).every((row) => row.at(-1).startsWith('SYNTHETIC SAMPLE DATA')), 'still labelled after a reload');
  assert(/2 sample data sources, 3 sample zones, 52 sample cameras/.test(reloaded.csv), 'the note counts the sample parts only');
}

// Justification per camera (Surveillance Camera Code principles 1-2): review intervals, DPIA reference
// and purpose set once, kept across a reload, and carried into the camera list and the pack's annex;
// cameras whose view holds little demand are flagged for review in both.
import { assert, assertEqual, download, openApp, parseCsv, waitForSources } from '../harness.mjs';
import { checkMarking, exportPack } from '../briefingPack.mjs';

const addMonths = (iso, months) => {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
};

async function openCameraList(page) {
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await page.locator('summary', { hasText: 'Camera list and justification' }).click();
}

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await openCameraList(page);
  await page.getByLabel('Review re-deployable every (months)').fill('2');
  await page.getByLabel('Review fixed every (months)').fill('6');
  await page.getByLabel('DPIA reference').fill('DPIA-CCTV-2025-04');
  await page.getByLabel(/^Purpose/).fill('To prevent and detect anti-social behaviour in Brent town centres');
  // Kept with the workspace: reload and find them again.
  await page.waitForTimeout(1500);
  await page.reload();
  await waitForSources(page, 2);
  await openCameraList(page);
  assertEqual(await page.getByLabel('Review re-deployable every (months)').inputValue(), '2', 're-deployable review interval kept');
  assertEqual(await page.getByLabel('Review fixed every (months)').inputValue(), '6', 'fixed review interval kept');
  assertEqual(await page.getByLabel('DPIA reference').inputValue(), 'DPIA-CCTV-2025-04', 'DPIA reference kept');

  const [header, ...rows] = parseCsv((await download(page, () => page.getByRole('button', { name: 'Camera list CSV' }).click())).bytes.toString('utf8'));
  const column = (name) => header.indexOf(name);
  const today = new Date().toISOString().slice(0, 10);
  for (const row of rows) {
    const months = row[column('type')] === 'fixed' ? 6 : 2;
    assertEqual(row[column('next_review')], addMonths(today, months), `${row[0]} reviewed every ${months} months`);
    assertEqual(row[column('purpose')], 'To prevent and detect anti-social behaviour in Brent town centres', `${row[0]} purpose`);
  }
  const incidents = rows.map((r) => Number(r[column('incidents_in_view')])).sort((a, b) => a - b);
  const median = (incidents[(incidents.length - 1) >> 1] + incidents[incidents.length >> 1]) / 2;
  const flagged = rows.filter((r) => r[column('review_flag')] !== '');
  assert(flagged.length > 0, 'some sample cameras see little demand');
  for (const row of rows) assertEqual(row[column('review_flag')] !== '', Number(row[column('incidents_in_view')]) < median / 4, `${row[0]} flagged exactly when under a quarter of the median camera (${median})`);

  await page.locator('summary', { hasText: 'Briefing' }).click();
  await page.getByLabel('Operation name').fill('Clearwater');
  const { pages } = await exportPack(page, outDir, 'pack-justification.pdf');
  checkMarking(pages, 'OFFICIAL-SENSITIVE');
  const annex = pages.join(' ').split('Annex B: camera justification')[1] ?? '';
  assert(annex.length > 0, 'justification annex present');
  for (const row of flagged) assert(new RegExp(`${row[0]} .+? - REVIEW: little demand`).test(annex), `${row[0]} flagged in the annex`);
  assert((annex.match(/DPIA: DPIA-CCTV-2025-04/g) ?? []).length === rows.length, 'a card per camera with the DPIA reference');
  assert(/Pressing need: \d+ incidents and [\d.]+ harm \(.+?\) in view over Jan 2025 - Dec 2025; rank \d+ of \d+/.test(annex), 'pressing need in numbers with rank');
}

// The PSPO evidence pack on the sample: one zone's order moved into the data's year and due for
// renewal, its evidence pack opened, the consultation checklist filled in and kept across a
// reload, and the pack downloaded as PDF and CSV. The CSV's counts equal a count of the raw sample
// rows made here with turf; the PDF prints the same figures, marks every page as synthetic, not
// evidence, and its pages are rendered for a look.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import { assert, assertEqual, download, openApp, parseCsv, root, waitForMapIdle, waitForSources } from '../harness.mjs';
import { checkMarking, renderPages } from '../briefingPack.mjs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const ZONE = 'Harlesden Town Centre PSPO';
const iso = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Anti-social behaviour in the raw sample file: every row with coordinates, by month, and those inside the zone. */
function independentCount() {
  const zone = JSON.parse(readFileSync(join(root, 'data', 'brent-pspo-zones-sample.geojson'), 'utf8')).features.find((f) => f.properties.name === ZONE);
  const rows = parseCsv(readFileSync(join(root, 'data', 'brent-police-sample-2025.csv'), 'utf8')).slice(1).filter((r) => r.length === 12 && r[9] === 'Anti-social behaviour' && r[4] !== '' && r[5] !== '');
  const inZone = rows.filter((r) => booleanPointInPolygon(point([Number(r[4]), Number(r[5])]), zone));
  const byMonth = (list) => Object.fromEntries([...new Set(rows.map((r) => r[1]))].sort().map((m) => [m, list.filter((r) => r[1] === m).length]));
  return { all: rows.length, zone: inZone.length, zoneByMonth: byMonth(inZone), allByMonth: byMonth(rows) };
}

/** Whole calendar months between two ISO dates, worked out here. */
function wholeMonths(from, to) {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty * 12 + tm - (fy * 12 + fm) - (td < fd ? 1 : 0);
}

async function pdfPages(bytes) {
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl: join(root, 'node_modules', 'pdfjs-dist', 'standard_fonts') + '/' }).promise;
  const pages = [];
  for (let i = 1; i <= document.numPages; i++) pages.push((await (await document.getPage(i)).getTextContent()).items.map((item) => item.str).join(' ').replace(/\s+/g, ' '));
  return pages;
}

export async function run({ browser, url, outDir }) {
  const expected = independentCount();
  const today = new Date();
  const packDate = iso(today);
  const expiry = iso(new Date(today.getFullYear(), today.getMonth() + 4, 1));
  const { page } = await openApp(browser, url);

  // The order started inside the data's year and expires in four months: renewal is due.
  await page.locator('summary', { hasText: 'PSPO zones' }).click();
  const row = page.locator('.zone-table tbody tr', { hasText: ZONE });
  await row.click();
  await page.getByLabel('Start date').fill('2025-07-01');
  await page.getByLabel('End date').fill(expiry);
  await row.locator('.renewal-reminder', { hasText: 'Renewal due: expires on' }).waitFor();
  assert(/Expired on 31 January 2026/.test(await page.locator('.zone-table tbody tr', { hasText: 'Wembley Park PSPO' }).innerText()), 'an order past its end is flagged as expired on the zone list');
  await page.locator('.zone-table').screenshot({ path: join(outDir, 'evidence-zone-list.png') });

  // The evidence pack: the tests in brief, then the consultation checklist.
  await page.locator('summary', { hasText: 'PSPO evidence pack' }).click();
  await page.getByLabel('Zone for the evidence pack').selectOption({ label: ZONE });
  await page.getByLabel('Pack date').fill(packDate);
  const findings = page.locator('.evidence-findings');
  await findings.waitFor();
  const brief = await findings.innerText();
  assert(brief.includes(`${expected.zone.toLocaleString('en-GB')} incidents were recorded in ${ZONE}`), `the panel counts the zone's ${expected.zone} incidents (${brief})`);
  assert(/Incidents in Harlesden Town Centre PSPO (fell|did not fall)/.test(brief), 'the effect of the order in plain words');
  assert(brief.includes('0 of 4 statutory consultees consulted'), 'nothing consulted yet');
  assert((await page.locator('.panel', { hasText: 'PSPO evidence pack' }).innerText()).includes('marked SYNTHETIC SAMPLE - NOT EVIDENCE'), 'the panel says a sample pack is not evidence');
  const consultee = { police: 'Chief officer of police for the area', community: 'Community representatives the council thinks appropriate' };
  await page.getByLabel(`Consulted on: ${consultee.police}`).fill('2026-10-01');
  await page.getByLabel(`Notes: ${consultee.police}`).fill('=HYPERLINK("http://x") supportive, wants the alcohol ban kept');
  await page.getByLabel(`Consulted on: ${consultee.community}`).fill('2026-10-15');
  await page.getByLabel('Renewal decision date').fill('2027-01-15');
  await findings.filter({ hasText: '2 of 4 statutory consultees consulted' }).waitFor();

  // The checklist survives a reload (the workspace is written 0.6 s after a change).
  await page.waitForTimeout(1500);
  await page.reload();
  await waitForSources(page, 2);
  await waitForMapIdle(page);
  await page.locator('summary', { hasText: 'PSPO evidence pack' }).click();
  await page.getByLabel('Zone for the evidence pack').selectOption({ label: ZONE });
  await page.getByLabel('Pack date').fill(packDate);
  assertEqual(await page.getByLabel(`Consulted on: ${consultee.police}`).inputValue(), '2026-10-01', 'consultation date kept');
  assertEqual(await page.getByLabel(`Notes: ${consultee.police}`).inputValue(), '=HYPERLINK("http://x") supportive, wants the alcohol ban kept', 'notes kept');
  assertEqual(await page.getByLabel('Renewal decision date').inputValue(), '2027-01-15', 'decision date kept');
  await findings.filter({ hasText: '2 of 4 statutory consultees consulted' }).waitFor();
  await page.locator('.evidence-findings').screenshot({ path: join(outDir, 'evidence-findings.png') });
  await page.locator('fieldset.consultation').screenshot({ path: join(outDir, 'evidence-checklist.png') });
  await page.locator('summary', { hasText: 'Workspace' }).click();
  assert((await page.getByRole('list', { name: 'PSPO renewals' }).innerText()).includes(`Renewal due: ${ZONE}`), 'the workspace lists the renewal due');
  await page.locator('.panel', { hasText: 'Your work is kept in this browser' }).screenshot({ path: join(outDir, 'evidence-workspace-renewals.png') });

  // The CSV: the same counts as the raw rows, formula-safe, labelled synthetic on every row.
  const csvFile = await download(page, () => page.getByRole('button', { name: 'Download evidence pack CSV' }).click());
  writeFileSync(join(outDir, csvFile.name), csvFile.bytes);
  const [header, ...rows] = parseCsv(csvFile.bytes.toString('utf8').trim());
  assertEqual(header, ['section', 'measure', 'item', 'value', 'data_note'], 'CSV columns');
  assert(rows.every((r) => r[4].startsWith('SYNTHETIC SAMPLE DATA')), 'every row says the data is synthetic');
  const value = (section, measure, item = '') => rows.find((r) => r[0] === section && r[1] === measure && r[2] === item)?.[3];
  assertEqual(value('pack', 'marking'), 'SYNTHETIC SAMPLE - NOT EVIDENCE', 'never marked as evidence');
  assertEqual(Number(value('detrimental_effect', 'zone_incidents')), expected.zone, 'zone incidents = turf count of the raw rows');
  assertEqual(Number(value('detrimental_effect', 'study_area_incidents')), expected.all, 'all incidents = raw rows with coordinates');
  for (const [month, n] of Object.entries(expected.zoneByMonth)) assertEqual(Number(value('by_month', 'zone_incidents', month)), n, `zone incidents in ${month}`);
  const zoneHa = Number(value('detrimental_effect', 'zone_area_ha'));
  const studyHa = Number(value('detrimental_effect', 'study_area_ha'));
  assert(Math.abs(Number(value('detrimental_effect', 'zone_incidents_per_ha')) - expected.zone / zoneHa) < 1e-3, 'rate per hectare = incidents / hectares');
  assert(Math.abs(Number(value('detrimental_effect', 'share_of_study_area_incidents')) - expected.zone / expected.all) < 1e-4, 'share of all incidents');
  const above = Object.keys(expected.zoneByMonth).filter((m) => expected.zoneByMonth[m] / zoneHa > expected.allByMonth[m] / studyHa).length;
  assertEqual(Number(value('persistence', 'months_above_study_area_rate')), above, 'months above the study area rate, counted here');
  assertEqual(Number(value('persistence', 'months_since_start')), wholeMonths('2025-07-01', packDate), 'months since the start');
  assertEqual(value('order', 'expiry_date'), expiry, 'expiry from the end date');
  assertEqual(value('order', 'renewal_decision_date'), '2027-01-15', 'the council’s decision date');
  assertEqual(value('order', 'status'), 'renewal due', 'renewal due');
  assertEqual(value('consultation', 'date', consultee.police), '2026-10-01', 'consultation date in the CSV');
  assert(value('consultation', 'notes', consultee.police).startsWith("'=HYPERLINK"), 'a formula in the notes is neutralised');
  // Six months either side of July 2025 cover the data's whole year.
  assertEqual(Number(value('effect', 'treated_before')) + Number(value('effect', 'treated_after')), expected.zone, 'before + after = the zone’s incidents');

  // The PDF: the same figures, marked on every page; rendered for a look.
  const pdf = await download(page, () => page.getByRole('button', { name: 'Download evidence pack PDF' }).click());
  writeFileSync(join(outDir, 'evidence-pack.pdf'), pdf.bytes);
  const pages = await pdfPages(pdf.bytes);
  checkMarking(pages, 'SYNTHETIC SAMPLE - NOT EVIDENCE');
  const text = pages.join(' ');
  assert(!text.includes('OFFICIAL-SENSITIVE'), 'a sample pack carries no protective marking of real evidence');
  assert(pages[0].includes(`PSPO evidence pack, ILLUSTRATION ONLY (synthetic sample, not evidence): ${ZONE}`), 'the title says illustration only');
  assert(text.includes(`${expected.zone.toLocaleString('en-GB')} incidents were recorded in ${ZONE}`), 'the PDF counts the same incidents');
  const rate = Number(value('detrimental_effect', 'zone_incidents_per_ha'));
  assert(text.includes(`${rate.toFixed(rate >= 10 ? 1 : 2)} per hectare`), 'the PDF prints the CSV rate per hectare');
  assert(text.includes(`in ${above} of 12 months`), 'months above the rate in the PDF');
  assert(text.includes(`${wholeMonths('2025-07-01', packDate)} months since the order started on 1 July 2025`), 'months since the start in the PDF');
  assert(text.includes('Renewal decision date: 15 January 2027 (set by the council)'), 'decision date in the PDF');
  assert(text.includes('2 of 4 statutory consultees consulted') && text.includes('1 October 2026'), 'consultation in the PDF');
  assert(text.includes('What these figures cannot show'), 'limits stated');
  renderPages(outDir, 'evidence-pack.pdf', 6);
}

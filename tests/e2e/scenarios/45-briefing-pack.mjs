// The briefing pack on the sample, as an officer would take it out: plan cameras and moves, export the
// PDF, and read it back: numbered places on the map, the table and the close-ups; grid references that
// proj4 agrees with; camera ids on the maps; the marking at top and bottom of every page.
import { assert, assertEqual, openApp, waitForMapIdle } from '../harness.mjs';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { checkGridRefs, colourShare, exportNamedPack, exportPack, planWithMoves } from '../briefingPack.mjs';
import { onePngPmtiles } from '../pmtilesFixture.mjs';

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await planWithMoves(page);
  const moved = (await page.locator('.moves li').allInnerTexts()).map((t) => /^Move (RD-\d+)/.exec(t)?.[1]).filter(Boolean);
  assert(moved.length > 0, 'at least one move suggested on the sample');
  await waitForMapIdle(page);

  const pages = await exportNamedPack(page, outDir, { operation: 'Clearwater', date: '2026-03-14', fileName: 'pack-sample.pdf' });
  const [map, closeUps] = pages;
  const rest = pages.slice(2).join(' ');
  assert(map.includes('Operation Clearwater') && map.includes('Date: 14 March 2026') && /Data: Jan 2025 - Dec 2025/.test(map), 'operation, date and data period on their own lines');

  // Numbering: the table on page 1 lists 1..N with grid references; each close-up repeats number, place and reference.
  const table = [...map.matchAll(/(\d+) (On or near [A-Za-z' ]+?) (TQ \d{5} \d{5}) (\d+)/g)].map(([, n, place, gridRef]) => ({ n: Number(n), place, gridRef }));
  assert(table.length >= 10 && table.every((row, i) => row.n === i + 1), `top-locations table numbered 1..${table.length}`);
  for (const row of table.slice(0, 6)) {
    assert(closeUps.includes(`${row.n} ${row.place} ${row.gridRef}`), `close-up ${row.n} names ${row.place} at ${row.gridRef}`);
    assert(rest.includes(`${row.n} ${row.place}`) && rest.includes(row.gridRef), `detail table repeats place ${row.n}`);
  }
  assert(/Zone: .+?\. Cameras that see it: .+?\./.test(closeUps), 'each close-up names its zone and cameras');
  const checked = checkGridRefs(pages.join(' '));
  assert(checked >= 60, `grid references beside lat/lng checked against proj4 (${checked})`);

  // Camera ids on every map: fixed, re-deployable and planned ones on page 1; the moved ones on the moves table.
  for (const id of ['FX-001', 'RD-01', 'NEW-1', 'NEW-4', ...moved]) assert(map.includes(id), `${id} labelled on the map`);
  assert(/FX-\d{3}|RD-\d{2}|NEW-\d/.test(closeUps), 'camera ids on the close-ups');
  assert(rest.includes('Moves and new cameras'), 'moves table');
  for (const id of moved) assert(new RegExp(`${id} TQ \\d{5} \\d{5} \\(.+?\\) .+?\\+\\d`).test(rest), `move of ${id}: from, to and demand gained`);
  assert(rest.includes('When to be there') && rest.includes('has no times of day'), 'police.uk anti-social behaviour has no times: the pack says so');
  assert(/In plain words .*The \d+ numbered places, about/.test(rest), 'plain-words finding');
  assert(rest.includes('Annex B: camera justification') && rest.includes('Next review:'), 'camera justification annex');

  // With the council's complaints (which have times) in the filter: the patrol-window table.
  await page.getByRole('button', { name: 'Select all' }).click();
  await waitForMapIdle(page);
  const timed = (await exportPack(page, outDir, 'pack-sample-all.pdf')).pages.join(' ');
  const section = timed.slice(timed.indexOf('When to be there'));
  const note = /the 3 busiest windows in bold\. ([\d,]+) of ([\d,]+) incidents have no time/.exec(section);
  assert(note, 'patrol windows with the untimed incidents counted out');
  const bands = [...section.matchAll(/(\d\d:00-\d\d:00) ((?:\d+ \*? ?){7})(\d+)/g)].map(([, band, days, all]) => ({ band, days: days.trim().split(/\s+/).filter((v) => v !== '*').map(Number), all: Number(all) }));
  assertEqual(bands.map((b) => b.band), ['00:00-03:00', '03:00-06:00', '06:00-09:00', '09:00-12:00', '12:00-15:00', '15:00-18:00', '18:00-21:00', '21:00-24:00'], 'eight three-hour bands');
  for (const b of bands) assertEqual(b.days.reduce((s, v) => s + v, 0), b.all, `${b.band}: the week's total is the sum of its days`);
  const [untimed, total] = note.slice(1).map((v) => Number(v.replace(/,/g, '')));
  assertEqual(bands.reduce((s, b) => s + b.all, 0), total - untimed, 'the table holds every timed incident in the area');
  assert((section.match(/\d+ \*/g) ?? []).length >= 3, 'the busiest windows marked');

  // With an offline basemap (a one-colour PMTiles archive built here): the map and close-ups show it.
  const basemap = join(outDir, 'pack-basemap.pmtiles');
  writeFileSync(basemap, onePngPmtiles([51, 102, 204]));
  await page.getByLabel('Load offline basemap').setInputFiles(basemap);
  await waitForMapIdle(page);
  await exportPack(page, outDir, 'pack-basemap.pdf');
  for (const pageNumber of [1, 2]) {
    const share = colourShare(outDir, 'pack-basemap.pdf', pageNumber, [51, 102, 204]);
    if (share !== null) assert(share > 0.02, `page ${pageNumber} shows the basemap (${(share * 100).toFixed(1)} % of the page in its colour)`);
  }
}

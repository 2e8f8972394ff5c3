// The briefing pack on real data: the Met's burglary files for 2022-2023 cut to Brent's rows (as a
// council analyst would before loading one borough), with the sample's Brent cameras and zones. The
// pack is read back (numbering, grid references against proj4, camera ids, marking on every page,
// "no times" for police.uk data) and its first pages rendered for a look.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellToLatLng } from 'h3-js';
import { assert, assertEqual, keepSample, loadFiles, openApp, parseCsv, sharedData, waitForMapIdle, waitForSources } from '../harness.mjs';
import { countPoliceCells } from '../independentCount.mjs';
import { checkGridRefs, exportNamedPack, planWithMoves, proj4GridRef } from '../briefingPack.mjs';

export async function run({ browser, url, outDir }) {
  const metDir = join(sharedData, 'police-uk', 'met-burglary-2022-2023');
  if (!existsSync(metDir)) return { skipped: `${metDir} is absent: the real-data briefing needs the Met burglary extracts` };
  const brentDir = join(outDir, 'brent-burglary');
  mkdirSync(brentDir, { recursive: true });
  const files = readdirSync(metDir).filter((f) => f.endsWith('.csv')).sort().map((name) => {
    const [header, ...lines] = readFileSync(join(metDir, name), 'utf8').split(/\r?\n/);
    const brent = lines.filter((line) => line !== '' && (parseCsv(line)[0]?.[8] ?? '').startsWith('Brent '));
    const path = join(brentDir, name.replace('metropolitan', 'brent'));
    writeFileSync(path, [header, ...brent, ''].join('\n'));
    return path;
  });

  const { page } = await openApp(browser, url);
  await loadFiles(page, files);
  // The files replace the synthetic sample; Undo brings back its cameras (for moves), then its data files go again.
  await keepSample(page);
  await waitForSources(page, files.length + 2, 180_000);
  for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) await page.getByRole('button', { name: `Remove ${name}` }).click();
  await waitForSources(page, files.length, 180_000);
  await page.getByRole('button', { name: 'Select none' }).click();
  await page.getByRole('checkbox', { name: 'Burglary', exact: true }).first().check();
  await page.waitForFunction(() => document.querySelector('.legend h2')?.textContent === 'Burglary');
  await waitForMapIdle(page);
  await planWithMoves(page);
  await waitForMapIdle(page);

  const pages = await exportNamedPack(page, outDir, { operation: 'Doorstep', date: '2024-02-01', fileName: 'pack-brent-burglary.pdf' });
  const [map, closeUps] = pages;
  const text = pages.join(' ');
  assert(/Data: Jan 2022 - Dec 2023/.test(map), 'data period from the files');

  // The first place is the busiest res-9 cell, counted here from the raw rows.
  const counts = [...countPoliceCells(files, { resolution: 9 })].sort((a, b) => b[1] - a[1]);
  const [topCell, topCount] = counts[0];
  const [lat, lng] = cellToLatLng(topCell);
  const first = new RegExp(`^.*? 1 (On or near [^\\d]+?) (TQ \\d{5} \\d{5}) (\\d+) 2 `).exec(map.slice(map.indexOf('Top locations')));
  assert(first, 'place 1 in the table');
  assertEqual(Number(first[3]), topCount, 'place 1 count as counted from the raw rows');
  assertEqual(first[2], proj4GridRef(lat, lng), 'place 1 grid reference as proj4 puts the cell centre');
  assert(closeUps.includes(`1 ${first[1]} ${first[2]}`), 'close-up 1 matches table row 1');
  assert(checkGridRefs(text) >= 40, 'grid references beside lat/lng agree with proj4');
  assert(/FX-\d{3}/.test(map) && /NEW-1/.test(map), 'camera ids on the map');
  assert(text.includes('has no times of day (police.uk gives the month only)'), 'patrol section says police.uk has no times');
  assert(/The \d+ numbered places, about .+? hold [\d,]+ of the [\d,]+ incidents/.test(text), 'plain-words concentration');
}

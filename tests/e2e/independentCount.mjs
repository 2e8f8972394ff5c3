// Counts police.uk rows per H3 cell straight from the raw files, without the app's code:
// rows with coordinates, inside the month range and categories, exact duplicate lines with a
// Crime ID counted once.
import { readFileSync } from 'node:fs';
import { latLngToCell } from 'h3-js';
import { parseCsv } from './harness.mjs';

export function countPoliceCells(paths, { resolution, from, to, categories }) {
  const counts = new Map();
  for (const path of paths) {
    const seen = new Set();
    const rows = parseCsv(readFileSync(path, 'utf8')).slice(1);
    for (const row of rows) {
      if (row.length !== 12 || row[4] === '' || row[5] === '') continue;
      if ((from && row[1] < from) || (to && row[1] > to)) continue;
      if (categories && !categories.includes(row[9])) continue;
      if (row[0] !== '') {
        const line = row.join('\u0001');
        if (seen.has(line)) continue;
        seen.add(line);
      }
      const cell = latLngToCell(Number(row[5]), Number(row[4]), resolution);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
  }
  return counts;
}

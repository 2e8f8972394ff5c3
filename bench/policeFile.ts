import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '../scripts/mulberry32.mjs';

/**
 * A deterministic police.uk-shaped file of `rows` rows over London: points snapped to 100,000
 * street points, 14 crime types, 12 months, ~25% anti-social behaviour without Crime ID.
 * Written once and reused, since benchmarks read it many times.
 */
const TYPES = ['Anti-social behaviour', 'Bicycle theft', 'Burglary', 'Criminal damage and arson', 'Drugs', 'Other crime', 'Other theft', 'Possession of weapons', 'Public order', 'Robbery', 'Shoplifting', 'Theft from the person', 'Vehicle crime', 'Violence and sexual offences'];
const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

export async function ensurePoliceFile(path: string, rows: number): Promise<number> {
  if (existsSync(path)) return statSync(path).size;
  const random = mulberry32(20250101);
  const points = Array.from({ length: 100_000 }, (_, i) => ({
    lng: (-0.5 + random() * 0.8).toFixed(6),
    lat: (51.3 + random() * 0.4).toFixed(6),
    street: `On or near Street ${i % 9000}${i % 17 === 0 ? ', North' : ''}`,
  }));
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    // Skewed toward a few points, as real incidents are.
    const p = points[Math.floor(random() ** 2.5 * points.length)];
    const type = random() < 0.25 ? 0 : 1 + Math.floor(random() * 13);
    const month = `2024-${String(1 + (i % 12)).padStart(2, '0')}`;
    const id = type === 0 ? '' : (i * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(8);
    const location = p.street.includes(',') ? `"${p.street}"` : p.street;
    buffer += `${id},${month},Metropolitan Police Service,Metropolitan Police Service,${p.lng},${p.lat},${location},E01000${i % 999},Borough ${i % 300}A,${TYPES[type]},${type === 0 ? '' : 'Investigation complete; no suspect identified'},\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return statSync(path).size;
}

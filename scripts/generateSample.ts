/** `npm run sample`: writes the synthetic Brent sample into data/ from seeds/brent.json. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample, type Seeds } from './sampleData';

const root = join(import.meta.dirname, '..');
const seeds = JSON.parse(readFileSync(join(root, 'seeds', 'brent.json'), 'utf8')) as Seeds;
const files = generateSample(seeds);
writeFileSync(join(root, 'data', 'brent-police-sample-2025.csv'), files.police);
writeFileSync(join(root, 'data', 'brent-council-complaints-sample.csv'), files.council);
writeFileSync(join(root, 'data', 'brent-cctv-cameras-sample.csv'), files.cameras);
writeFileSync(join(root, 'data', 'brent-pspo-zones-sample.geojson'), files.zones);
console.log(JSON.stringify(files.counts));

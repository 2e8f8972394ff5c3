/**
 * Command line: the app's hotspot table for files on disk, for analysts who script their monthly maps.
 *   npm run hotspots -- <files...> --res 9 [--from YYYY-MM --to YYYY-MM] [--category "Anti-social behaviour" ...] [--harm] [--harm-scheme cchi|ons-css|equal] --out hotspots.geojson|.csv
 * Council files that need a column mapping take it as JSON: --mapping '{"coordinates":"bng",...}'.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { nodeByteSource } from '../src/cli/nodeByteSource';
import { Dataset } from '../src/core/dataset';
import { hotspotsCsv, hotspotsGeoJson } from '../src/core/export/hotspots';
import { computeHotspots, hotspotExportRecords, type HotspotQuery } from '../src/core/hotspots/computeHotspots';
import { NO_FILTER } from '../src/core/hotspots/filter';
import { parseMonthLabel } from '../src/core/ingest/dates';
import { ingestFile } from '../src/core/ingest/ingestFile';
import type { ColumnMapping } from '../src/core/ingest/schema';
import { HARM_SCHEMES, harmWeight } from '../src/core/stats/harm';

function fail(message: string): never {
  console.error(`hotspots: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    res: { type: 'string', default: '9' },
    from: { type: 'string' },
    to: { type: 'string' },
    category: { type: 'string', multiple: true },
    harm: { type: 'boolean', default: false },
    'harm-scheme': { type: 'string', default: 'cchi' },
    mapping: { type: 'string' },
    out: { type: 'string' },
  },
});
if (positionals.length === 0 || !values.out) fail('usage: npm run hotspots -- <files...> --res 9 [--from YYYY-MM --to YYYY-MM] [--category NAME] --out hotspots.csv|.geojson');
const out = values.out;
if (!/\.(csv|geojson|json)$/i.test(out)) fail('--out must end in .csv or .geojson');
const month = (text: string | undefined, flag: string): number | null => {
  if (text === undefined) return null;
  return parseMonthLabel(text) ?? fail(`${flag} must be YYYY-MM, not ${text}`);
};

const dataset = new Dataset();
const mapping = values.mapping ? (JSON.parse(values.mapping) as ColumnMapping) : undefined;
for (const path of positionals) {
  const result = await ingestFile(dataset, await nodeByteSource(path), { mapping });
  if (result.status === 'needs-mapping') fail(`${path} needs a column mapping (--mapping); its columns are: ${result.request.header.join(', ')}`);
  const { summary } = result.source;
  console.error(`${summary.name}: ${summary.accepted} rows loaded, ${summary.rejected} rejected`);
}

const wanted = values.category;
const categories = wanted ? dataset.categories.list.filter((c) => wanted.includes(c.name)).map((c) => c.id) : null;
if (wanted && categories?.length === 0) fail(`no loaded category matches ${wanted.join(', ')}`);
const scheme = HARM_SCHEMES.find((s) => s.id === values['harm-scheme']) ?? fail(`--harm-scheme must be one of ${HARM_SCHEMES.map((s) => s.id).join(', ')}`);
const query: HotspotQuery = {
  filter: { ...NO_FILTER, monthFrom: month(values.from, '--from'), monthTo: month(values.to, '--to'), categories },
  resolution: Number(values.res),
  harmWeights: Object.fromEntries(dataset.categories.list.map((c) => [c.id, c.family === 'police.uk' ? harmWeight(scheme, c.name) : 1])),
  weighting: values.harm ? 'harm' : 'count',
  harmScheme: scheme.label,
  topN: 0,
  method: { kind: 'count' },
};
const { result, selection } = computeHotspots(dataset, query);
const records = hotspotExportRecords(dataset, selection, query, result);
writeFileSync(out, out.toLowerCase().endsWith('.csv') ? hotspotsCsv(records) : JSON.stringify(hotspotsGeoJson(records)));
console.error(`${records.length} cells, ${result.aggregate.totalCount} incidents → ${out}`);

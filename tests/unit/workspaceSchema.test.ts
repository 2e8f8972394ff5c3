import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkCamera, checkZone, keepValid, zoneSchema } from '../../src/core/workspace/panelSchemas';
import { salvageWorkspaceDocument } from '../../src/core/workspace/salvage';
import { packWorkspace, parseWorkspaceDocument, referencedFiles, unpackWorkspace, WORKSPACE_FORMAT, WORKSPACE_VERSION } from '../../src/core/workspace/workspaceFile';

const square = { type: 'Polygon', coordinates: [[[-0.25, 51.55], [-0.24, 51.55], [-0.24, 51.56], [-0.25, 51.55]]] };

const valid = () => structuredClone({
  format: WORKSPACE_FORMAT,
  version: WORKSPACE_VERSION,
  name: 'Brent',
  savedAt: '2026-01-01T00:00:00Z',
  sources: [
    { name: 'a.csv', fingerprint: 'sha256:aa', mapping: null, hidden: false },
    { name: 'b.csv', fingerprint: 'sha256:bb', mapping: { coordinates: 'bng', y: 'N', x: 'E', date: 'Date', category: 'Type' }, hidden: true },
  ],
  view: { resolution: 9, monthFrom: 24277, monthTo: null, weekdays: [0, 6], hours: null, classBreaks: 'quantile', classCount: 5, opacity: 0.75, method: 'gistar', weighting: 'harm', giK: 1, fdr: true, studyArea: { kind: 'boundary', name: 'Brent', geometry: square }, harmScheme: 'cchi', compareFrom: null, compareTo: null, minChangeCount: 5, topN: 20 },
  selectedCategories: ['police.uk/Burglary'],
  harmWeights: { 'police.uk/Burglary': 2.5 },
  panels: { zones: [] },
});

type Doc = ReturnType<typeof valid>;

/** Each field of the document made wrong in turn, with the message part that must name it. */
const wrongFields: [string, (doc: Doc) => void, RegExp][] = [
  ['version', (d) => void ((d as { version: unknown }).version = 'one'), /^.*version: expected a number/],
  ['name', (d) => void ((d as { name: unknown }).name = 7), /name: expected text/],
  ['savedAt', (d) => void ((d as { savedAt: unknown }).savedAt = null), /savedAt: expected text/],
  ['sources', (d) => void ((d as { sources: unknown }).sources = 'a.csv'), /sources: expected a list/],
  ['sources[1] not an object', (d) => void ((d.sources as unknown[])[1] = 'b.csv'), /sources\[1\]: expected a source entry/],
  ['sources[1].name', (d) => void ((d.sources[1] as { name: unknown }).name = 3), /sources\[1\]\.name: expected text/],
  ['sources[0].fingerprint', (d) => void (d.sources[0].fingerprint = ''), /sources\[0\]\.fingerprint: expected a file identity/],
  ['sources[1].mapping.coordinates', (d) => void ((d.sources[1].mapping as { coordinates: string }).coordinates = 'osgb'), /sources\[1\]\.mapping\.coordinates: expected one of wgs84, bng/],
  ['sources[1].mapping.date', (d) => void ((d.sources[1].mapping as { date?: unknown }).date = undefined), /sources\[1\]\.mapping\.date: expected text/],
  ['sources[0].hidden', (d) => void ((d.sources[0] as { hidden: unknown }).hidden = 'no'), /sources\[0\]\.hidden: expected true or false/],
  ['view', (d) => void ((d as { view: unknown }).view = 'wide'), /view: expected the view settings/],
  ['view.resolution', (d) => void (d.view.resolution = 7.5), /view\.resolution: expected a whole number/],
  ['view.resolution range', (d) => void (d.view.resolution = 15), /view\.resolution: above 11/],
  ['view.monthFrom', (d) => void ((d.view as { monthFrom: unknown }).monthFrom = '2024-01'), /view\.monthFrom: expected a number/],
  ['view.monthTo', (d) => void ((d.view as { monthTo: unknown }).monthTo = Number.NaN), /view\.monthTo: expected a number/],
  ['view.weekdays', (d) => void (d.view.weekdays = [0, 9]), /view\.weekdays\[1\]: above 6/],
  ['view.hours', (d) => void ((d.view as { hours: unknown }).hours = [-1]), /view\.hours\[0\]: below 0/],
  ['view.classBreaks', (d) => void (d.view.classBreaks = 'kmeans'), /view\.classBreaks: expected one of quantile, equal, jenks/],
  ['view.classCount', (d) => void (d.view.classCount = 40), /view\.classCount: above 7/],
  ['view.opacity', (d) => void (d.view.opacity = 2), /view\.opacity: above 1/],
  ['view.method', (d) => void (d.view.method = 'kde'), /view\.method: expected one of count, gistar, emerging, change/],
  ['view.weighting', (d) => void (d.view.weighting = 'cost'), /view\.weighting: expected one of count, harm/],
  ['view.giK', (d) => void (d.view.giK = 0), /view\.giK: below 1/],
  ['view.fdr', (d) => void ((d.view as { fdr: unknown }).fdr = 1), /view\.fdr: expected true or false/],
  ['view.studyArea', (d) => void ((d.view as { studyArea: unknown }).studyArea = { kind: 'circle' }), /view\.studyArea\.kind: expected a study area/],
  ['view.studyArea.geometry', (d) => void ((d.view.studyArea.geometry.coordinates[0][1] as unknown[])[0] = 'x'), /view\.studyArea\.geometry\.coordinates\[0\]\[1\]\[0\]: expected a number/],
  ['view.harmScheme', (d) => void (d.view.harmScheme = 'mine'), /view\.harmScheme: expected one of equal, cchi, ons-css/],
  ['view.compareFrom', (d) => void ((d.view as { compareFrom: unknown }).compareFrom = 5), /view\.compareFrom: below 22800/],
  ['view.compareTo', (d) => void ((d.view as { compareTo: unknown }).compareTo = true), /view\.compareTo: expected a number/],
  ['view.minChangeCount', (d) => void (d.view.minChangeCount = 0), /view\.minChangeCount: below 1/],
  ['view.topN', (d) => void (d.view.topN = 1.5), /view\.topN: expected a whole number/],
  ['selectedCategories', (d) => void ((d as { selectedCategories: unknown }).selectedCategories = 'Burglary'), /selectedCategories: expected a list/],
  ['selectedCategories[0]', (d) => void ((d.selectedCategories as unknown[])[0] = {}), /selectedCategories\[0\]: expected text/],
  ['harmWeights', (d) => void ((d as { harmWeights: unknown }).harmWeights = 'heavy'), /harmWeights: expected harm weights by category/],
  ['harmWeights value', (d) => void ((d.harmWeights as Record<string, unknown>)['police.uk/Burglary'] = 'high'), /harmWeights\.police\.uk\/Burglary: expected a number/],
  ['panels', (d) => void ((d as { panels: unknown }).panels = null), /panels: expected the panels’ settings/],
];

describe('workspace document schema', () => {
  it('accepts a complete document as it is', () => {
    expect(parseWorkspaceDocument(valid())).toEqual(valid());
  });
  it.each(wrongFields)('refuses a wrong %s with a message naming it', (_, spoil, message) => {
    const doc = valid();
    spoil(doc);
    expect(() => parseWorkspaceDocument(doc)).toThrow(message);
    expect(() => parseWorkspaceDocument(doc)).toThrow(/^This workspace file is damaged: /);
  });
  it('refuses a wrong format, and a newer version with its own message', () => {
    expect(() => parseWorkspaceDocument({ ...valid(), format: 'other' })).toThrow('This is not a Hotspot Planner workspace.');
    expect(() => parseWorkspaceDocument('text')).toThrow('This is not a Hotspot Planner workspace.');
    expect(() => parseWorkspaceDocument({ ...valid(), version: WORKSPACE_VERSION + 1 })).toThrow(/newer version/);
  });
  it('names an entry of sources that is not an object (it used to fail reading .replace)', () => {
    expect(() => parseWorkspaceDocument({ ...valid(), sources: [null] })).toThrow('This workspace file is damaged: sources[0]: expected a source entry.');
  });
  it('keeps the study area in the view and its boundary files with the document', () => {
    const doc = { ...valid(), view: { area: { kind: 'boundary', layer: 'boroughs.geojson', feature: 'Brent' }, countsLayer: 'wards.geojson', perHectare: true, method: 'areas' }, panels: { boundaries: [{ name: 'boroughs.geojson', fingerprint: 'sha256:cc', shown: true }] } };
    expect(parseWorkspaceDocument(doc).view).toEqual(doc.view);
    expect(referencedFiles(parseWorkspaceDocument(doc))).toEqual(['sha256:aa', 'sha256:bb', 'sha256:cc']);
    expect(() => parseWorkspaceDocument({ ...valid(), view: { area: { kind: 'lsoa', prefix: '' } } })).toThrow(/view\.area/);
  });
  it('lists the files a document needs, its offline basemap included', () => {
    expect(referencedFiles(parseWorkspaceDocument({ ...valid(), panels: { basemap: { kind: 'file', name: 'london.pmtiles', fingerprint: 'basemap:x' } } }))).toEqual(['sha256:aa', 'sha256:bb', 'basemap:x']);
    expect(referencedFiles(parseWorkspaceDocument({ ...valid(), panels: { basemap: { kind: 'online' } } }))).toEqual(['sha256:aa', 'sha256:bb']);
  });
});

describe('workspace file checks', () => {
  const files = new Map([['sha256:aa', strToU8('Crime ID,Month\n')], ['sha256:bb', strToU8('N,E,Date\n')]]);
  it('refuses a data entry that is not CSV text, naming the source', () => {
    const doc = parseWorkspaceDocument(valid());
    const bad = packWorkspace(doc, new Map([...files, ['sha256:bb', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])]]));
    expect(() => unpackWorkspace(bad)).toThrow(/damaged: the data of b\.csv \(sources\[1\]\): b\.csv is not a CSV file: it looks like a PNG image/);
  });
  it('refuses an archive whose entries would unpack beyond the limit before inflating them', () => {
    const json = strToU8(JSON.stringify(valid()));
    const zip = zipSync({ 'workspace.json': json, 'files/sha256_aa': new Uint8Array(1000), 'files/sha256_bb': new Uint8Array(1000) }, { level: 9 });
    // Declare 3 GB for each data entry in the central directory, as a ZIP bomb would.
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50 && zip[i + 46] === 0x66) view.setUint32(i + 24, 3 * 1024 ** 3, true);
    expect(() => unpackWorkspace(zip)).toThrow(/would unpack to more than 4 GB/);
  });
  it('carries an offline basemap with the workspace', () => {
    const doc = parseWorkspaceDocument({ ...valid(), panels: { basemap: { kind: 'file', name: 'l.pmtiles', fingerprint: 'basemap:l' } } });
    const { files: back } = unpackWorkspace(packWorkspace(doc, new Map([...files, ['basemap:l', new Uint8Array([1, 2, 3])]])));
    expect([...back.get('basemap:l')!]).toEqual([1, 2, 3]);
  });
});

describe('restoring what this browser kept', () => {
  it('drops only the wrong parts of an autosave, naming each', () => {
    const doc = valid();
    (doc.view as { resolution: unknown }).resolution = 7.5;
    (doc.sources as unknown[]).push({ name: 3 });
    (doc.harmWeights as Record<string, unknown>).Noise = 'loud';
    const salvaged = salvageWorkspaceDocument(doc)!;
    expect(salvaged.dropped).toEqual(['sources[2].name: expected text', 'view.resolution: expected a whole number', 'harmWeights.Noise: expected a number']);
    expect(salvaged.doc.sources.map((s) => s.name)).toEqual(['a.csv', 'b.csv']);
    expect(salvaged.doc.view.resolution).toBeUndefined();
    expect(salvaged.doc.view.method).toBe('gistar');
    expect(salvaged.doc.harmWeights).toEqual({ 'police.uk/Burglary': 2.5 });
    expect(salvageWorkspaceDocument(valid())).toEqual({ doc: valid(), dropped: [] });
    expect(salvageWorkspaceDocument({ format: 'other' })).toBeNull();
  });
});

describe('saved cameras and zones', () => {
  const camera = { id: 'C1', name: 'High Rd', kind: 'fixed', lat: 51.55, lng: -0.25, radiusM: 80, directionDeg: 90, fovDeg: 60 };
  it('accepts a good camera and refuses each bad field with its reason', () => {
    expect(checkCamera(camera)).toEqual({ ok: true, value: camera });
    expect(checkCamera({ ...camera, radiusM: 0 })).toEqual({ ok: false, reason: 'radiusM: below 1' });
    expect(checkCamera({ ...camera, radiusM: 'wide' })).toEqual({ ok: false, reason: 'radiusM: expected a number' });
    expect(checkCamera({ ...camera, directionDeg: 400 })).toEqual({ ok: false, reason: 'directionDeg: above 360' });
    expect(checkCamera({ ...camera, kind: 'ptz' })).toEqual({ ok: false, reason: 'kind: expected one of fixed, redeployable' });
    expect(checkCamera({ ...camera, lat: 48.85, lng: 2.35 })).toEqual({ ok: false, reason: 'coordinates outside the UK' });
  });
  it('keeps the valid entries of a list and names each dropped one', () => {
    const zone = { id: 'z', name: 'Z', orderRef: '', startDate: '2024-01-01', endDate: '', prohibitions: [], geometry: square };
    const spoilt = { ...zone, geometry: { type: 'Polygon', coordinates: [[['a', 51.5], [-0.2, 51.5], [-0.2, 51.6], ['a', 51.5]]] } };
    expect(checkZone(zone).ok).toBe(true);
    expect(keepValid([zone, spoilt, 'x'], 'zones', zoneSchema)).toEqual({
      kept: [zone],
      dropped: ['zones[1].geometry.coordinates[0][0][0]: expected a number', 'zones[2]: expected a zone'],
    });
  });
});

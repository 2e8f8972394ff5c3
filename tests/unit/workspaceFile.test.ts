import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packWorkspace, unpackWorkspace, WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceDocument } from '../../src/core/workspace/workspaceFile';

const doc: WorkspaceDocument = {
  format: WORKSPACE_FORMAT,
  version: WORKSPACE_VERSION,
  name: 'Test',
  savedAt: '2026-01-01T00:00:00Z',
  sources: [{ name: 'a.csv', fingerprint: '12:abcd', mapping: null, hidden: false }],
  view: { resolution: 10 },
  selectedCategories: ['police.uk/Burglary'],
  harmWeights: { 'police.uk/Burglary': 2.5 },
  panels: { zones: [{ name: 'Z' }] },
};

describe('workspace file', () => {
  it('round-trips the document and the data files byte for byte', () => {
    const data = strToU8('h3,count\n89195da49b7ffff,3\n');
    const { doc: back, files } = unpackWorkspace(packWorkspace(doc, new Map([['12:abcd', data]])));
    expect(back).toEqual(doc);
    expect([...files.get('12:abcd')!]).toEqual([...data]);
  });
  it('carries the building footprints and boundary files it uses, and opens an older file without them', () => {
    const withLayers = { ...doc, panels: { ...doc.panels, buildings: { name: 'buildings.geojson', fingerprint: '9:b' }, boundaries: [{ name: 'wards.geojson', fingerprint: '7:w', shown: true }] } };
    const data = strToU8('h3,count\n89195da49b7ffff,3\n');
    const [buildings, wards] = [strToU8('{"type":"FeatureCollection","features":[]}'), strToU8('{"type":"FeatureCollection"}')];
    const { files } = unpackWorkspace(packWorkspace(withLayers, new Map([['12:abcd', data], ['9:b', buildings], ['7:w', wards]])));
    expect([...files.keys()].sort()).toEqual(['12:abcd', '7:w', '9:b']);
    expect([...files.get('7:w')!]).toEqual([...wards]);
    const older = unpackWorkspace(packWorkspace(withLayers, new Map([['12:abcd', data]])));
    expect([...older.files.keys()]).toEqual(['12:abcd']);
  });
  it('refuses a file from a newer version with a message that says so', () => {
    const newer = zipSync({ 'workspace.json': strToU8(JSON.stringify({ ...doc, version: WORKSPACE_VERSION + 1 })) });
    expect(() => unpackWorkspace(newer)).toThrow(/newer version of Hotspot Planner/);
  });
  it('refuses damaged files', () => {
    expect(() => unpackWorkspace(strToU8('not a zip'))).toThrow(/not a readable ZIP/);
    expect(() => unpackWorkspace(zipSync({ 'other.txt': strToU8('x') }))).toThrow(/workspace.json is missing/);
    expect(() => unpackWorkspace(zipSync({ 'workspace.json': strToU8('{') }))).toThrow(/not valid JSON/);
    expect(() => unpackWorkspace(zipSync({ 'workspace.json': strToU8(JSON.stringify(doc)) }))).toThrow(/the data of a\.csv \(sources\[0\]\) is missing/);
    expect(() => unpackWorkspace(zipSync({ 'workspace.json': strToU8(JSON.stringify({ format: 'x' })) }))).toThrow(/not a Hotspot Planner workspace/);
  });
});

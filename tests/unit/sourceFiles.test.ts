import { describe, expect, it } from 'vitest';
import { fingerprintsIn } from '../../src/state/sourceFiles';

describe('files a stored workspace refers to', () => {
  it('include a kept workspace’s offline basemap, not only its sources (it was deleted at the next autosave)', () => {
    const named = { sources: [{ name: 'a.csv', fingerprint: 'sha256:aa' }], panels: { basemap: { kind: 'file', name: 'london.pmtiles', fingerprint: 'basemap:london.pmtiles:123' }, zones: [] } };
    expect([...fingerprintsIn(named)]).toEqual(['sha256:aa', 'basemap:london.pmtiles:123']);
  });
  it('are read from damaged documents and held lists alike', () => {
    expect([...fingerprintsIn({ sources: [null, { fingerprint: 5 }, { fingerprint: 'sha256:bb' }] })]).toEqual(['sha256:bb']);
    expect([...fingerprintsIn(['sha256:cc', 'basemap:x'])]).toEqual(['sha256:cc', 'basemap:x']);
    expect([...fingerprintsIn(undefined)]).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '../../src/core/workspace/viewLink';

describe('shareable view link', () => {
  it('round-trips the view, with category names that hold separators', () => {
    const view = { lng: -0.28, lat: 51.556, zoom: 13.5, resolution: 10, from: '2025-03', to: '2025-08', categories: ['police.uk/Anti-social behaviour', 'council/Noise & nuisance'], method: 'gistar', weighting: 'harm', weekdays: [4, 5], hours: [20, 21, 22] };
    expect(decodeView(`#${encodeView(view)}`, new Date('2026-01-15'))).toEqual({ view, ignored: [] });
  });
  it('ignores what it does not know and survives a broken hash', () => {
    expect(decodeView('#map=abc&res=x&other=1')).toEqual({ view: {}, ignored: ['map=abc', 'res=x'] });
    expect(decodeView('')).toEqual({ view: {}, ignored: [] });
    expect(decodeView('#cat=')).toEqual({ view: { categories: [] }, ignored: [] });
  });
  it('ignores and names every value out of bounds', () => {
    const today = new Date('2026-11-23');
    const read = (hash: string) => decodeView(hash, today);
    expect(read('#map=5/100/0').ignored).toEqual(['map=5/100/0']);
    expect(read('#map=5/51.5/200').ignored).toEqual(['map=5/51.5/200']);
    expect(read('#map=99/51.5/0').ignored).toEqual(['map=99/51.5/0']);
    expect(read('#map=//').ignored).toEqual(['map=//']);
    expect(read('#map=5/51.5/-0.2').view).toEqual({ zoom: 5, lat: 51.5, lng: -0.2 });
    for (const res of ['7.5', '6', '12', '', 'Infinity', '1e1']) expect(read(`#res=${res}`).ignored).toEqual(res === '1e1' ? [] : [`res=${res}`]);
    expect(read('#from=2099-12&to=1990-01')).toEqual({ view: {}, ignored: ['from=2099-12', 'to=1990-01'] });
    expect(read('#from=2024-03&to=2024-01')).toEqual({ view: {}, ignored: ['from=2024-03', 'to=2024-01'] });
    expect(read('#from=2026-11&to=2026-12')).toEqual({ view: { from: '2026-11' }, ignored: ['to=2026-12'] });
    expect(read('#from=2024-13').ignored).toEqual(['from=2024-13']);
    expect(read('#mode=kde&weight=cost').ignored).toEqual(['mode=kde', 'weight=cost']);
    expect(read('#mode=change').view).toEqual({ method: 'change' });
    expect(read('#days=0,7&hours=1,,2').ignored).toEqual(['days=0,7', 'hours=1,,2']);
    expect(read('#days=&hours=25').ignored).toEqual(['days=', 'hours=25']);
    expect(read('#days=0,6&hours=23').view).toEqual({ weekdays: [0, 6], hours: [23] });
  });
  it('carries the study area by name and ignores one out of bounds', () => {
    for (const area of [{ kind: 'boundary', feature: 'Park @ Church End', layer: 'wards.geojson' }, { kind: 'lsoa', prefix: 'Brent' }, { kind: 'zone', name: 'Wembley & Harlesden' }] as const) {
      expect(decodeView(`#${encodeView({ area })}`)).toEqual({ view: { area }, ignored: [] });
    }
    expect(decodeView('#area=Brent').ignored).toEqual(['area=Brent']);
    expect(decodeView('#lsoa=').ignored).toEqual(['lsoa=']);
  });
});

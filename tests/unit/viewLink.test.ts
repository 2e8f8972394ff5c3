import { describe, expect, it } from 'vitest';
import { decodeView, encodeView } from '../../src/core/workspace/viewLink';

describe('shareable view link', () => {
  it('round-trips the view, with category names that hold separators', () => {
    const view = { lng: -0.28, lat: 51.556, zoom: 13.5, resolution: 10, from: '2025-03', to: '2025-08', categories: ['police.uk/Anti-social behaviour', 'council/Noise & nuisance'], method: 'gistar', weighting: 'harm', weekdays: [4, 5], hours: [20, 21, 22] };
    expect(decodeView(`#${encodeView(view)}`)).toEqual(view);
  });
  it('ignores what it does not know and survives a broken hash', () => {
    expect(decodeView('#map=abc&res=x&other=1')).toEqual({});
    expect(decodeView('')).toEqual({});
    expect(decodeView('#cat=')).toEqual({ categories: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { HOUR_BANDS, patrolWindows } from '../../src/core/hotspots/patrolWindows';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

const wembley = { west: -0.3, south: 51.54, east: -0.26, north: 51.56 };

describe('patrol windows', () => {
  it('counts timed incidents in the area by three-hour band and weekday', async () => {
    const dataset = new Dataset();
    const council = [
      'Reference,Date received,Category,Easting,Northing',
      'A1,03/04/2025 22:15,Noise,519500,185000', // Thursday 21:00-24:00, in Wembley
      'A2,04/04/2025 09:00,Noise,519500,185000', // Friday 09:00-12:00
      'A3,04/04/2025 10:59,Noise,519500,185000', // Friday 09:00-12:00
      'A4,05/04/2025,Noise,519500,185000', // no time
      'A5,04/04/2025 09:30,Noise,530000,180000', // central London: outside the area
    ].join('\n');
    await ingestFile(dataset, memorySource('c.csv', council), { mapping: { coordinates: 'bng', x: 'Easting', y: 'Northing', date: 'Date received', category: 'Category', reference: 'Reference' } });
    const windows = patrolWindows(dataset, selectRows(dataset, NO_FILTER), wembley);
    expect(HOUR_BANDS).toHaveLength(8);
    expect(HOUR_BANDS[3]).toBe('09:00-12:00');
    expect(windows.total).toBe(4);
    expect(windows.timed).toBe(3);
    expect(windows.counts[7][3]).toBe(1);
    expect(windows.counts[3][4]).toBe(2);
    expect(windows.counts.flat().reduce((a, b) => a + b)).toBe(3);
    expect(patrolWindows(dataset, selectRows(dataset, NO_FILTER), null).timed).toBe(4);
  });
  it('has no timed incidents for police.uk data, which gives months only', async () => {
    const dataset = new Dataset();
    await ingestFile(dataset, memorySource('p.csv', [POLICE_HEADER, policeLine(), policeLine({ id: 'x2' })].join('\n')));
    const windows = patrolWindows(dataset, selectRows(dataset, NO_FILTER), wembley);
    expect(windows).toMatchObject({ total: 2, timed: 0 });
  });
});

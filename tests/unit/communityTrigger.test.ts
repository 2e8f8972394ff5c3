import { describe, expect, it } from 'vitest';
import { communityTriggerRadar, distanceM, thresholdStatus, type TriggerComplaint } from '../../src/core/trigger/communityTrigger';

const METRES_PER_DEGREE_LAT = (6_371_008.8 * Math.PI) / 180; // 111,195.08 m on the mean sphere
const BASE = { lat: 51.55, lng: -0.25 };

function complaint(reference: string, day: number, northM = 0, key: string | null = null): TriggerComplaint {
  return { reference, day, category: 'Noise', lat: BASE.lat + northM / METRES_PER_DEGREE_LAT, lng: BASE.lng, key };
}

const settings = { threshold: 3, windowDays: 183, distanceM: 50, referenceDay: 400 };

describe('thresholdStatus: periods count both their first and last day', () => {
  it('3 complaints spanning exactly 183 days meet a 183-day threshold', () => {
    expect(thresholdStatus([0, 100, 182], settings)).toEqual({ status: 'met', day: 182, days: 218 });
  });
  it('3 complaints spanning 184 days do not', () => {
    expect(thresholdStatus([0, 100, 183], { ...settings, referenceDay: 183 })).toEqual({ status: 'approaching', day: 282, days: 99 });
    expect(thresholdStatus([0, 100, 183], { ...settings, referenceDay: 400 })).toBeNull();
  });
  it('two complaints with the period still open are one short; dated by the period end', () => {
    // Latest two: days 300 and 350; the period from day 300 closes on day 482.
    expect(thresholdStatus([10, 300, 350], settings)).toEqual({ status: 'approaching', day: 482, days: 82 });
  });
  it('the first period that meets the threshold dates the group', () => {
    expect(thresholdStatus([0, 10, 20, 30], settings)).toEqual({ status: 'met', day: 20, days: 380 });
  });
});

describe('communityTriggerRadar', () => {
  it('measures distance on the sphere (49 m north is 49 m)', () => {
    const a = complaint('a', 0);
    const b = complaint('b', 0, 49);
    expect(distanceM(a.lat!, a.lng!, b.lat!, b.lng!)).toBeCloseTo(49, 6);
  });

  it('joins places 49 m apart and keeps places 51 m apart separate', () => {
    const near = [complaint('A1', 0), complaint('A2', 30), complaint('B1', 60, 49)];
    const joined = communityTriggerRadar(near, settings);
    expect(joined.filter((g) => g.status === 'met')).toHaveLength(1);
    expect(joined[0].members.map((i) => near[i].reference)).toEqual(['A1', 'A2', 'B1']);

    const far = [complaint('A1', 0), complaint('A2', 30), complaint('B1', 60, 51)];
    expect(communityTriggerRadar(far, settings).filter((g) => g.status === 'met')).toHaveLength(0);
  });

  it('lists a place once, not once per complaint location inside it', () => {
    const cluster = [complaint('1', 0), complaint('2', 5, 10), complaint('3', 9, 20), complaint('4', 12, 30)];
    const groups = communityTriggerRadar(cluster, settings);
    expect(groups).toHaveLength(1);
    expect(groups[0].members).toHaveLength(4);
  });

  it('groups by person or household key, ignoring case and spaces, and without a location', () => {
    const byKey: TriggerComplaint[] = [
      { reference: 'k1', day: 0, category: 'Noise', lat: null, lng: null, key: 'HH-0042' },
      { reference: 'k2', day: 50, category: 'Harassment', lat: null, lng: null, key: ' hh-0042 ' },
      { reference: 'k3', day: 150, category: 'Noise', lat: null, lng: null, key: 'HH-0042' },
      { reference: 'k4', day: 150, category: 'Noise', lat: null, lng: null, key: 'HH-0099' },
    ];
    const groups = communityTriggerRadar(byKey, settings);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ basis: 'key', label: 'HH-0042', status: 'met', day: 150 });
  });

  it('lists met groups first, the most recent first, then the closest to closing', () => {
    const complaints = [
      complaint('old1', 0), complaint('old2', 1), complaint('old3', 2),
      complaint('new1', 300, 500), complaint('new2', 301, 500), complaint('new3', 302, 500),
      complaint('soon1', 380, 1000), complaint('soon2', 390, 1000),
    ];
    const groups = communityTriggerRadar(complaints, settings);
    expect(groups.map((g) => [g.status, complaints[g.members[0]].reference])).toEqual([['met', 'new1'], ['met', 'old1'], ['approaching', 'soon1']]);
  });

  it('refuses settings that mean nothing', () => {
    expect(() => communityTriggerRadar([], { ...settings, threshold: 0 })).toThrow(/at least 1/);
  });
});

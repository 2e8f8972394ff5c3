import { describe, expect, it } from 'vitest';
import { monthIndexOf, monthLabel, parseMonthLabel, parseUkDate } from '../../src/core/ingest/dates';

describe('parseUkDate', () => {
  it('reads UK day-first dates with times', () => {
    // 3 April 2025 was a Thursday (weekday 3 with Monday = 0), day 20,181 since 1 January 1970 (Python: date(2025, 4, 3) - date(1970, 1, 1)).
    expect(parseUkDate('03/04/2025 14:30')).toEqual({ monthIndex: 2025 * 12 + 3, minuteOfDay: 870, weekday: 3, day: 20181 });
    expect(parseUkDate('3.4.2025')).toEqual({ monthIndex: 2025 * 12 + 3, minuteOfDay: -1, weekday: 3, day: 20181 });
    expect(parseUkDate('03-04-2025 00:05:59')?.minuteOfDay).toBe(5);
  });
  it('reads ISO dates and date-times with zones', () => {
    expect(parseUkDate('2024-02-29')).toEqual({ monthIndex: 2024 * 12 + 1, minuteOfDay: -1, weekday: 3, day: 19782 });
    expect(parseUkDate('2024-02-29T23:59:00Z')?.minuteOfDay).toBe(23 * 60 + 59);
    expect(parseUkDate('2024-02-29T08:15:00.000+01:00')?.minuteOfDay).toBe(8 * 60 + 15);
  });
  it('reads police.uk months, which have no day', () => {
    expect(parseUkDate('2023-01')).toEqual({ monthIndex: 2023 * 12, minuteOfDay: -1, weekday: -1, day: 0 });
  });
  it('rejects impossible and foreign dates', () => {
    for (const bad of ['31/02/2025', '29/02/2023', '12/13/2025', '2025-13', '01/01/2025 25:00', '01/01/2025 10:60', 'yesterday', '', '2025', '45123']) {
      expect(parseUkDate(bad), bad).toBeNull();
    }
  });
  it('round-trips month labels', () => {
    expect(monthLabel(monthIndexOf(2025, 1))).toBe('2025-01');
    expect(monthLabel(monthIndexOf(1999, 12))).toBe('1999-12');
    expect(parseMonthLabel('2025-12')).toBe(2025 * 12 + 11);
    expect(parseMonthLabel('2025-00')).toBeNull();
  });
});

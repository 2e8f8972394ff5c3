/**
 * Date parsing for UK extracts. UK files are day-first, so `03/04/2025` is 3 April.
 * Accepted: `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY` (each with optional ` HH:mm` or ` HH:mm:ss`),
 * ISO `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss[.sss]][Z|±hh:mm]`, `YYYY/MM/DD`, and police.uk's `YYYY-MM`
 * (month only, no day or time). Impossible dates (31/02, month 13, hour 25) are rejected.
 */
export interface ParsedDate {
  /** year * 12 + (month - 1): a dense month number that sorts and subtracts. */
  monthIndex: number;
  /** Minutes since midnight, or -1 when the source gives no time. */
  minuteOfDay: number;
  /** 0 = Monday ... 6 = Sunday, or -1 when the source gives no day. */
  weekday: number;
  /** Days since 1970-01-01, or 0 when the source gives no day (dates start in 1990, so no real date is day 0). */
  day: number;
}

export const MS_PER_DAY = 86_400_000;

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const YEAR_FIRST = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/;

export function monthIndexOf(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** `YYYY-MM` label of a month index. */
export function monthLabel(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

export const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Jan 2025": a month index as legends, titles and reports write it. */
export function monthInWords(monthIndex: number): string {
  return `${MONTH_ABBREVIATIONS[monthIndex % 12]} ${Math.floor(monthIndex / 12)}`;
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function dayLabel(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Parses `YYYY-MM` into a month index, or null. */
export function parseMonthLabel(text: string): number | null {
  const match = YEAR_MONTH.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return validYearMonth(year, month) ? monthIndexOf(year, month) : null;
}

function validYearMonth(year: number, month: number): boolean {
  return year >= 1990 && year <= 2100 && month >= 1 && month <= 12;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, month: number, day: number, hour?: string, minute?: string, second?: string): ParsedDate | null {
  if (!validYearMonth(year, month) || day < 1 || day > daysInMonth(year, month)) return null;
  let minuteOfDay = -1;
  if (hour !== undefined && minute !== undefined) {
    const h = Number(hour);
    const m = Number(minute);
    const s = second === undefined ? 0 : Number(second);
    if (h > 23 || m > 59 || s > 59) return null;
    minuteOfDay = h * 60 + m;
  }
  const dayNumber = Date.UTC(year, month - 1, day) / MS_PER_DAY;
  // 1 January 1970 was a Thursday (3, with Monday = 0).
  return { monthIndex: monthIndexOf(year, month), minuteOfDay, weekday: (dayNumber + 3) % 7, day: dayNumber };
}

/** Parses one date or date-time cell; null when it is not a real date in a known format. */
export function parseUkDate(raw: string): ParsedDate | null {
  const text = raw.trim();
  if (text.length < 7 || text.length > 40) return null;
  let match = DAY_FIRST.exec(text);
  if (match) return build(Number(match[3]), Number(match[2]), Number(match[1]), match[4], match[5], match[6]);
  match = YEAR_FIRST.exec(text);
  if (match) return build(Number(match[1]), Number(match[2]), Number(match[3]), match[4], match[5], match[6]);
  const month = parseMonthLabel(text);
  return month === null ? null : { monthIndex: month, minuteOfDay: -1, weekday: -1, day: 0 };
}

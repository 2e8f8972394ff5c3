import { monthLabel, MS_PER_DAY } from '../core/ingest/dates';

const integer = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export const formatInteger = (value: number): string => integer.format(Math.round(value));
export const formatNumber = (value: number): string => oneDecimal.format(value);
export const formatPercent = (share: number): string => `${oneDecimal.format(share * 100)}%`;
/** `1 day`, `3,025 days`. */
export const formatCount = (count: number, noun: string): string => `${formatInteger(count)} ${noun}${count === 1 ? '' : 's'}`;
export const formatMegabytes = (bytes: number): string => `${oneDecimal.format(bytes / 1_048_576)} MB`;

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2 Jul 2025` for a day number (days since 1970-01-01). */
export function formatDay(day: number): string {
  return dayFormat.format(new Date(day * MS_PER_DAY));
}

export { monthLabel };

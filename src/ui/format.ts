import { monthLabel } from '../core/ingest/dates';

const integer = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const formatInteger = (value: number): string => integer.format(Math.round(value));
export const formatNumber = (value: number): string => oneDecimal.format(value);
export const formatPercent = (share: number): string => `${oneDecimal.format(share * 100)}%`;
export const formatMegabytes = (bytes: number): string => `${oneDecimal.format(bytes / 1_048_576)} MB`;

/** `Mar 2025` for a month index. */
export function formatMonth(monthIndex: number): string {
  return `${MONTH_NAMES[monthIndex % 12]} ${Math.floor(monthIndex / 12)}`;
}

export { monthLabel };

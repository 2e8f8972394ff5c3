import { addMonths, isoDate } from '../cameras/justification';
import type { Zone } from './zone';

/**
 * When a PSPO runs and when it must be renewed. An order lasts at most three years (Anti-social
 * Behaviour, Crime and Policing Act 2014, s.60(1)) and may be extended by up to three years at a
 * time before it expires (s.60(2)); the council must consult before extending it (s.72(3)).
 * Dates are ISO `YYYY-MM-DD` text throughout, so they compare as strings.
 */
export const MAX_ORDER_MONTHS = 36;
/** The reminder shows from this many months before expiry: time to gather evidence and consult. */
export const RENEWAL_REMINDER_MONTHS = 6;
/** Without a date set by the council, the renewal decision falls this many months before expiry, leaving time to publish the extended order. */
export const DECISION_LEAD_MONTHS = 3;

export type OrderStatus = 'no dates' | 'not yet in force' | 'in force' | 'renewal due' | 'expired';

export interface OrderTimeline {
  start: string | null;
  expiry: string | null;
  /** Whether the expiry is the zone's own end date, or the longest the Act allows from the start. */
  expiryFrom: 'end date' | 'start + 3 years' | null;
  decisionDate: string | null;
  decisionFrom: 'set by the council' | `${typeof DECISION_LEAD_MONTHS} months before expiry` | null;
  /** Whole months from the start to the date asked about; negative before the start. */
  monthsSinceStart: number | null;
  /** Whole months from the date asked about to the expiry; negative once it has passed. */
  monthsToExpiry: number | null;
  status: OrderStatus;
  /** What is wrong with the dates as entered, in words. */
  problems: string[];
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** Whole calendar months from `from` to `to` (1 Feb to 15 Nov is 9; to 31 Oct is 8); negative when `to` is earlier. */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return -wholeMonthsBetween(to, from);
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty * 12 + tm - (fy * 12 + fm) - (td < fd ? 1 : 0);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 February 2023" for an ISO date, as a report writes it. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/**
 * The order's dates as of `today`: its start, its expiry (the zone's end date, else three years
 * from the start less a day), the renewal decision date (the council's, else three months before
 * expiry), the months since it started and the reminder state: renewal due from six months
 * before expiry, expired after it.
 */
export function orderTimeline(zone: Pick<Zone, 'startDate' | 'endDate'>, today: string, decisionDate = ''): OrderTimeline {
  const start = isoDate(zone.startDate);
  const end = isoDate(zone.endDate);
  const longest = start ? dayBefore(addMonths(start, MAX_ORDER_MONTHS)) : null;
  const expiry = end ?? longest;
  const setDecision = isoDate(decisionDate);
  const decision = setDecision ?? (expiry ? addMonths(expiry, -DECISION_LEAD_MONTHS) : null);
  const problems: string[] = [];
  if (start && end && end < start) problems.push(`The end date (${longDate(end)}) is before the start (${longDate(start)}).`);
  else if (start && longest && end && end > longest) problems.push(`The order runs from ${longDate(start)} to ${longDate(end)}, longer than the three years the Act allows (s.60).`);
  if (expiry && setDecision && setDecision > expiry) problems.push(`The renewal decision date (${longDate(setDecision)}) is after the order expires (${longDate(expiry)}).`);
  let status: OrderStatus = 'no dates';
  if (expiry) {
    if (today > expiry) status = 'expired';
    else if (start && today < start) status = 'not yet in force';
    else status = today >= addMonths(expiry, -RENEWAL_REMINDER_MONTHS) ? 'renewal due' : 'in force';
  }
  return {
    start,
    expiry,
    expiryFrom: end ? 'end date' : start ? 'start + 3 years' : null,
    decisionDate: decision,
    decisionFrom: setDecision ? 'set by the council' : decision ? `${DECISION_LEAD_MONTHS} months before expiry` : null,
    monthsSinceStart: start ? wholeMonthsBetween(start, today) : null,
    monthsToExpiry: expiry ? wholeMonthsBetween(today, expiry) : null,
    status,
    problems,
  };
}

const months = (n: number) => `${n} month${n === 1 ? '' : 's'}`;

/**
 * The reminder when renewal is due (from six months before expiry) or the order has expired; null
 * otherwise. With the zone's name it is a sentence for the workspace and the pack; without it, a
 * line for the zone's own row in the list.
 */
export function renewalReminder(timeline: OrderTimeline, today: string, name?: string): string | null {
  const { expiry, decisionDate, monthsToExpiry } = timeline;
  if (!expiry || monthsToExpiry === null) return null;
  if (timeline.status === 'expired') return name ? `${name} expired on ${longDate(expiry)}: it can no longer be enforced; a new order needs the full evidence and consultation.` : `Expired on ${longDate(expiry)}: no longer enforceable.`;
  if (timeline.status !== 'renewal due') return null;
  const within = monthsToExpiry < 1 ? 'in under a month' : `in ${months(monthsToExpiry)}`;
  const decide = decisionDate ? (decisionDate < today ? `; the renewal decision date (${longDate(decisionDate)}) has passed` : `; decide by ${longDate(decisionDate)}`) : '';
  return `Renewal due: ${name ? `${name} expires` : 'expires'} on ${longDate(expiry)} (${within})${decide}.`;
}

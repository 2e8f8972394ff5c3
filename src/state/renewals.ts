import { emptyConsultation, type ZoneConsultation } from '../core/zones/consultation';
import { orderTimeline, renewalReminder } from '../core/zones/orderDates';
import type { Zone } from '../core/zones/zone';
import type { AppState } from './store';

/** Today as YYYY-MM-DD in the user's own time zone (the date a council officer reads off the wall). */
export function todayIso(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** The zone's consultation record, or an empty one. */
export function consultationOf(state: Pick<AppState, 'consultations'>, zoneId: string): ZoneConsultation {
  return state.consultations.find((c) => c.zoneId === zoneId) ?? emptyConsultation(zoneId);
}

/** The renewal reminder for one zone as of `today` (a sentence naming it, or its list row's line), or null when none is due. */
export function zoneReminder(state: Pick<AppState, 'consultations'>, zone: Zone, today: string, named = true): string | null {
  return renewalReminder(orderTimeline(zone, today, consultationOf(state, zone.id).decisionDate), today, named ? zone.name : undefined);
}

/** Every zone whose order is due for renewal or has expired. */
export function renewalReminders(state: Pick<AppState, 'zones' | 'consultations'>, today: string, named = true): { zoneId: string; text: string }[] {
  return state.zones.flatMap((zone) => {
    const text = zoneReminder(state, zone, today, named);
    return text ? [{ zoneId: zone.id, text }] : [];
  });
}

import { latLngToCell } from 'h3-js';
import { csvDocument } from '../export/csv';
import { dayLabel } from '../ingest/dates';
import type { TriggerRule } from './communityTrigger';
import type { TriggerReport } from './triggerReport';

/** Without personal fields a place is given as its H3 cell at this resolution (about 0.1 km²), not a house's position. */
export const TRIGGER_EXPORT_RESOLUTION = 9;

export interface TriggerExportOptions {
  /** Include each complaint's reference, address, key and position, and the place's exact position. */
  personal: boolean;
  /** The synthetic-data note, when the sample is loaded. */
  note: string | null;
}

/** The rule a group was found by, in words: "3 complaints within 183 days, within 50 m". */
export function triggerRule(rule: TriggerRule, basis: 'place' | 'key'): string {
  const count = `${rule.threshold} complaint${rule.threshold === 1 ? '' : 's'} within ${rule.windowDays} day${rule.windowDays === 1 ? '' : 's'}`;
  return basis === 'place' ? `${count}, within ${rule.distanceM} m` : `${count}, same person or household`;
}

/**
 * The radar's groups as CSV, one line per complaint in each group (a complaint may sit in more than
 * one place's group). Personal fields are left out unless asked for; cells pass the shared writer,
 * which neutralises spreadsheet formulas.
 */
export function triggerCsv(report: TriggerReport, options: TriggerExportOptions): string {
  const header = ['group', 'basis', 'status', 'rule', 'trigger_date', 'days_since_met', 'days_left', 'complaints_in_group', 'place_h3', 'complaint_date', 'category'];
  if (options.personal) header.push('place_label', 'place_lat', 'place_lng', 'reference', 'address', 'person_or_household_key', 'complaint_lat', 'complaint_lng');
  const rows: (string | number)[][] = [];
  for (const group of report.groups) {
    const place = group.lat !== null && group.lng !== null ? { lat: group.lat, lng: group.lng } : null;
    const shared = [
      group.id,
      group.basis === 'place' ? 'same place' : 'same person or household',
      group.status === 'met' ? 'met' : 'one complaint short',
      triggerRule(report.rule, group.basis),
      dayLabel(group.day),
      group.status === 'met' ? group.days : '',
      group.status === 'met' ? '' : group.days,
      group.members.length,
      place ? latLngToCell(place.lat, place.lng, TRIGGER_EXPORT_RESOLUTION) : '',
    ];
    for (const member of group.members) {
      const complaint = report.cases[member];
      const row = [...shared, dayLabel(complaint.day), complaint.category];
      if (options.personal) row.push(group.label, place?.lat ?? '', place?.lng ?? '', complaint.reference, complaint.address, complaint.key, complaint.lat, complaint.lng);
      rows.push(row);
    }
  }
  return csvDocument(header, rows, options.note);
}

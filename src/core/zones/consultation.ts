/**
 * The consultation the Act requires before a council makes, extends, varies or discharges a PSPO
 * (Anti-social Behaviour, Crime and Policing Act 2014, s.72(3)-(5)): who must be consulted, and
 * what the council has recorded of it for each zone.
 */
export const STATUTORY_CONSULTEES = [
  { key: 'police', label: 'Chief officer of police for the area' },
  { key: 'policing-body', label: "Local policing body (in London, the Mayor's Office for Policing and Crime)" },
  { key: 'community', label: 'Community representatives the council thinks appropriate' },
  { key: 'land', label: 'Owners or occupiers of land in the restricted area (where reasonably practicable; not council land)' },
] as const;

export type ConsulteeKey = (typeof STATUTORY_CONSULTEES)[number]['key'];

export interface ConsulteeRecord {
  consultee: ConsulteeKey;
  /** When they were consulted, YYYY-MM-DD, or '' when not yet. */
  date: string;
  notes: string;
}

/** What the council has recorded for one zone: the consultees, and its own renewal decision date ('' = the default). */
export interface ZoneConsultation {
  zoneId: string;
  decisionDate: string;
  consultees: ConsulteeRecord[];
}

export const emptyConsultation = (zoneId: string): ZoneConsultation => ({ zoneId, decisionDate: '', consultees: [] });

/** The four statutory consultees in the Act's order, each with what is recorded (blank when nothing is). */
export function consulteeRows(consultation: ZoneConsultation | null | undefined): (ConsulteeRecord & { label: string })[] {
  return STATUTORY_CONSULTEES.map(({ key, label }) => {
    const record = consultation?.consultees.find((c) => c.consultee === key);
    return { consultee: key, label, date: record?.date ?? '', notes: record?.notes ?? '' };
  });
}

/** The consultation with one consultee's record changed (added when it had none). */
export function withConsulteeRecord(consultation: ZoneConsultation, consultee: ConsulteeKey, change: Partial<Omit<ConsulteeRecord, 'consultee'>>): ZoneConsultation {
  const current = consulteeRows(consultation).find((row) => row.consultee === consultee)!;
  const record: ConsulteeRecord = { consultee, date: change.date ?? current.date, notes: change.notes ?? current.notes };
  return { ...consultation, consultees: [...consultation.consultees.filter((c) => c.consultee !== consultee), record] };
}

/** The statutory consultees with no consultation date recorded yet. */
export function consulteesOutstanding(consultation: ZoneConsultation | null | undefined): string[] {
  return consulteeRows(consultation).filter((row) => row.date === '').map((row) => row.label);
}

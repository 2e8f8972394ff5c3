import { consulteeRows, consulteesOutstanding, STATUTORY_CONSULTEES, type ZoneConsultation } from '../zones/consultation';
import { longDate, orderTimeline, renewalReminder, type OrderTimeline } from '../zones/orderDates';
import type { Zone } from '../zones/zone';
import { MIN_TREND_MONTHS, type ZoneEvidence } from '../zones/zoneEvidence';
import { evaluationFinding, type Finding } from './plainWords';

/** What an evidence pack (PDF or CSV) is made from: the zone, its figures, the council's record and how the data was chosen. */
export interface EvidenceFacts {
  protectiveMarking: string;
  /** The synthetic-sample note (core/provenance), or null for the user's own data. */
  dataNote: string | null;
  /** YYYY-MM-DD: what "months since the start" and the reminder are counted to. */
  packDate: string;
  period: string;
  /** The categories counted, e.g. "Anti-social behaviour". */
  subject: string;
  harmLabel: string;
  zone: Zone;
  evidence: ZoneEvidence;
  consultation: ZoneConsultation | null;
}

/** The marking a pack built on synthetic data carries instead of the protective marking. */
export const NOT_EVIDENCE_MARKING = 'SYNTHETIC SAMPLE - NOT EVIDENCE';

export function evidenceMarking(protectiveMarking: string, dataNote: string | null): string {
  return dataNote === null ? protectiveMarking : NOT_EVIDENCE_MARKING;
}

export function evidenceTitle(zoneName: string, dataNote: string | null): string {
  return dataNote === null ? `PSPO evidence pack: ${zoneName}` : `PSPO evidence pack, ILLUSTRATION ONLY (synthetic sample, not evidence): ${zoneName}`;
}

/** Numbers as the pack prints them, and the CSV rounds its own to the same places where it says so. */
export const whole = (value: number): string => Math.round(value).toLocaleString('en-GB');
/** Rates per hectare: two decimals below 10, one above. */
export const rate = (value: number): string => value.toFixed(value >= 10 ? 1 : 2);
export const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;
/** "p < 0.001" or "p = 0.012". */
const pValue = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/** Where the numbers are read against, in a sentence. */
export const studyName = (evidence: ZoneEvidence): string => evidence.studyArea.name ?? 'the loaded data';

/** Section 1: the detrimental effect, as the zone's rate against the study area's and its share. */
export function detrimentalFinding(evidence: ZoneEvidence, subject: string, period: string, harmLabel: string): Finding {
  const { zone, ratePerHa, share, studyArea } = evidence;
  const name = evidence.query.zone.name;
  const study = studyName(evidence);
  const ratio = evidence.rateRatio === null ? `; ${study} has no incidents to compare with` : `, ${evidence.rateRatio.toFixed(1)} times the rate across ${study} (${rate(ratePerHa.studyArea.incidents)} per hectare)`;
  return {
    title: 'Detrimental effect on the quality of life',
    plain: `${whole(zone.total.incidents)} incidents were recorded in ${name} over ${period} (${subject}): ${rate(ratePerHa.zone.incidents)} per hectare${ratio}. The zone holds ${percent(share.incidents)} of the incidents in ${study} on ${percent(share.area)} of its area.`,
    technical: [
      `${name}: ${zone.areaHa.toFixed(1)} ha; ${study}: ${studyArea.areaHa.toFixed(1)} ha (${studyArea.measuredBy === 'boundary' ? 'its boundary' : 'the H3 cells of the map'}), ${whole(studyArea.total.incidents)} incidents.`,
      `Harm (${harmLabel}): ${whole(zone.total.harm)} in the zone, ${rate(ratePerHa.zone.harm)} per hectare against ${rate(ratePerHa.studyArea.harm)} across ${study}; ${percent(share.harm)} of its harm.`,
    ],
  };
}

/** Section 2: persistent or continuing: months with incidents, months above the area's rate, the trend, and how long the order has run. */
export function persistenceFinding(evidence: ZoneEvidence, timeline: OrderTimeline): Finding {
  const months = evidence.zone.monthly.length;
  const study = studyName(evidence);
  const { trend } = evidence;
  const trendText = trend
    ? trend.direction === 'no clear trend'
      ? `The monthly count shows no clear trend (Mann-Kendall, ${pValue(trend.p)}).`
      : `The monthly count is ${trend.direction} (Mann-Kendall, ${pValue(trend.p)}).`
    : `Too few months (${months}) to test for a trend: at least ${MIN_TREND_MONTHS} are needed.`;
  const since =
    timeline.start === null || timeline.monthsSinceStart === null
      ? "The order's start date is not recorded."
      : timeline.monthsSinceStart >= 0
        ? `${timeline.monthsSinceStart} months since the order started on ${longDate(timeline.start)}.`
        : `The order starts on ${longDate(timeline.start)}.`;
  return {
    title: 'Persistent or continuing',
    plain: `Incidents were recorded in ${evidence.monthsWithIncidents} of ${months} months; the zone's rate per hectare was above that of ${study} in ${evidence.monthsAboveRate} of ${months} months (${percent(months > 0 ? evidence.monthsAboveRate / months : 0)}). ${trendText} ${since}`,
    technical: trend ? [`Mann-Kendall on ${months} monthly counts: S = ${trend.s}, Var(S) = ${trend.varS.toFixed(2)}, z = ${trend.z.toFixed(3)}, two-sided p = ${trend.p.toPrecision(3)}, Kendall's tau = ${trend.tau.toFixed(3)}.`] : [],
  };
}

/** Section 3: the controlled before/after of the order so far, or why there is none. */
export function effectFinding(evidence: ZoneEvidence): Finding {
  if (evidence.effect.evaluation) return { ...evaluationFinding(evidence.effect.evaluation), title: 'Effect of the order so far' };
  return { title: 'Effect of the order so far', plain: evidence.effect.unavailable, technical: [] };
}

/** Section 4: the order's dates, and the reminder when renewal is due. */
export function datesFinding(orderRef: string, timeline: OrderTimeline, name: string, today: string): Finding {
  const { start, expiry, decisionDate } = timeline;
  const runs = start && expiry ? `runs from ${longDate(start)} to ${longDate(expiry)}${timeline.expiryFrom === 'start + 3 years' ? ' (no end date recorded: the longest the Act allows)' : ''}` : expiry ? `runs to ${longDate(expiry)}` : 'has no dates recorded';
  const decide = decisionDate ? ` Renewal decision date: ${longDate(decisionDate)} (${timeline.decisionFrom}).` : '';
  const reminder = renewalReminder(timeline, today, name);
  return {
    title: 'Prohibitions and dates',
    plain: `Order ${orderRef || '(no reference)'} ${runs}.${decide}${reminder ? ` ${reminder}` : ''}${timeline.problems.length > 0 ? ` ${timeline.problems.join(' ')}` : ''}`,
    technical: [],
  };
}

/** Section 5: who has been consulted, and who not yet. */
export function consultationFinding(consultation: ZoneConsultation | null | undefined): Finding {
  const dates = consulteeRows(consultation).map((row) => row.date).filter((date) => date !== '');
  const outstanding = consulteesOutstanding(consultation);
  const all = STATUTORY_CONSULTEES.length;
  return {
    title: 'Consultation (s.72)',
    plain:
      outstanding.length === 0
        ? `All ${all} statutory consultees have been consulted (the latest on ${longDate(dates.sort().at(-1)!)}).`
        : `${dates.length} of ${all} statutory consultees consulted; not yet recorded: ${outstanding.join('; ')}.`,
    technical: [],
  };
}

/** What these figures cannot show, stated in every pack. */
export const EVIDENCE_LIMITS = [
  'Counts are incidents recorded by the police and the council, not everything that happened: reporting varies between places and over time.',
  'police.uk places each incident at an anonymised map point near where it happened, so incidents near the edge of a zone may fall on either side of it.',
  'Only incidents inside the study area are counted, in the zone too; a month with no incidents recorded counts as zero.',
];

/** The five findings in the pack's order: one per test, the dates, the consultation. */
export function evidenceFindings(facts: EvidenceFacts): Finding[] {
  const { zone, evidence, consultation, packDate } = facts;
  const timeline = orderTimeline(zone, packDate, consultation?.decisionDate ?? '');
  return [
    detrimentalFinding(evidence, facts.subject, facts.period, facts.harmLabel),
    persistenceFinding(evidence, timeline),
    effectFinding(evidence),
    datesFinding(zone.orderRef, timeline, zone.name, packDate),
    consultationFinding(consultation),
  ];
}

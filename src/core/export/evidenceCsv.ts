import { monthLabel } from '../ingest/dates';
import { consulteeRows } from '../zones/consultation';
import { orderTimeline, renewalReminder } from '../zones/orderDates';
import { csvDocument } from './csv';
import { EVIDENCE_LIMITS, evidenceFindings, evidenceMarking, evidenceTitle, studyName, type EvidenceFacts } from './evidenceWords';

type Row = [section: string, measure: string, item: string, value: string | number];

const fixed = (value: number, places: number) => value.toFixed(places);

/**
 * The evidence pack's figures as one CSV per zone (section, measure, item, value), the same
 * numbers the PDF prints, unrounded where the PDF rounds; each section closes with its sentence in
 * plain words. Written by the shared CSV writer, so text from files cannot run as a formula, and a
 * pack on synthetic data carries the note on every row.
 */
export function evidenceCsv(content: EvidenceFacts): string {
  const { zone, evidence, consultation, packDate } = content;
  const { studyArea, ratePerHa, share } = evidence;
  const findings = evidenceFindings(content);
  const timeline = orderTimeline(zone, packDate, consultation?.decisionDate ?? '');
  const rows: Row[] = [
    ['pack', 'marking', '', evidenceMarking(content.protectiveMarking, content.dataNote)],
    ['pack', 'title', '', evidenceTitle(zone.name, content.dataNote)],
    ['pack', 'zone', '', zone.name],
    ['pack', 'order_ref', '', zone.orderRef],
    ['pack', 'pack_date', '', packDate],
    ['pack', 'study_area', '', studyName(evidence)],
    ['pack', 'data_period', '', content.period],
    ['pack', 'categories', '', content.subject],
    ['pack', 'harm_scheme', '', content.harmLabel],
    ['detrimental_effect', 'zone_area_ha', '', fixed(evidence.zone.areaHa, 2)],
    ['detrimental_effect', 'study_area_ha', '', fixed(studyArea.areaHa, 2)],
    ['detrimental_effect', 'study_area_measured_by', '', studyArea.measuredBy],
    ['detrimental_effect', 'zone_incidents', '', evidence.zone.total.incidents],
    ['detrimental_effect', 'study_area_incidents', '', studyArea.total.incidents],
    ['detrimental_effect', 'zone_harm', '', fixed(evidence.zone.total.harm, 2)],
    ['detrimental_effect', 'study_area_harm', '', fixed(studyArea.total.harm, 2)],
    ['detrimental_effect', 'zone_incidents_per_ha', '', fixed(ratePerHa.zone.incidents, 4)],
    ['detrimental_effect', 'study_area_incidents_per_ha', '', fixed(ratePerHa.studyArea.incidents, 4)],
    ['detrimental_effect', 'zone_harm_per_ha', '', fixed(ratePerHa.zone.harm, 4)],
    ['detrimental_effect', 'study_area_harm_per_ha', '', fixed(ratePerHa.studyArea.harm, 4)],
    ['detrimental_effect', 'rate_ratio', '', evidence.rateRatio === null ? '' : fixed(evidence.rateRatio, 4)],
    ['detrimental_effect', 'share_of_study_area_incidents', '', fixed(share.incidents, 4)],
    ['detrimental_effect', 'share_of_study_area_harm', '', fixed(share.harm, 4)],
    ['detrimental_effect', 'share_of_study_area_area', '', fixed(share.area, 4)],
    ...evidence.zone.byCategory.flatMap((c): Row[] => [['by_category', 'incidents', c.label, c.incidents], ['by_category', 'harm', c.label, fixed(c.harm, 2)]]),
    ['detrimental_effect', 'plain_words', '', findings[0].plain],
  ];
  evidence.zone.monthly.forEach((t, m) => {
    const month = monthLabel(evidence.monthFrom + m);
    const here = evidence.zone.areaHa > 0 ? t.incidents / evidence.zone.areaHa : 0;
    const there = studyArea.areaHa > 0 ? studyArea.monthly[m].incidents / studyArea.areaHa : 0;
    rows.push(
      ['by_month', 'zone_incidents', month, t.incidents],
      ['by_month', 'zone_harm', month, fixed(t.harm, 2)],
      ['by_month', 'zone_incidents_per_ha', month, fixed(here, 4)],
      ['by_month', 'study_area_incidents', month, studyArea.monthly[m].incidents],
      ['by_month', 'study_area_incidents_per_ha', month, fixed(there, 4)],
      ['by_month', 'above_study_area_rate', month, here > there ? 'yes' : 'no'],
    );
  });
  const months = evidence.zone.monthly.length;
  const trend = evidence.trend;
  rows.push(
    ['persistence', 'months', '', months],
    ['persistence', 'months_with_incidents', '', evidence.monthsWithIncidents],
    ['persistence', 'months_above_study_area_rate', '', evidence.monthsAboveRate],
    ['persistence', 'share_of_months_above', '', months > 0 ? fixed(evidence.monthsAboveRate / months, 4) : ''],
    ['persistence', 'mann_kendall_s', '', trend ? trend.s : ''],
    ['persistence', 'mann_kendall_var_s', '', trend ? fixed(trend.varS, 4) : ''],
    ['persistence', 'mann_kendall_z', '', trend ? fixed(trend.z, 4) : ''],
    ['persistence', 'mann_kendall_p', '', trend ? trend.p.toPrecision(4) : ''],
    ['persistence', 'kendall_tau', '', trend ? fixed(trend.tau, 4) : ''],
    ['persistence', 'trend', '', trend ? trend.direction : 'too few months'],
    ['persistence', 'months_since_start', '', timeline.monthsSinceStart ?? ''],
    ['persistence', 'plain_words', '', findings[1].plain],
  );
  const e = evidence.effect.evaluation;
  if (e) {
    rows.push(
      ['effect', 'start_month', '', monthLabel(e.startMonth)],
      ['effect', 'months_each_side', '', e.months],
      ['effect', 'control', '', e.controlName],
      ['effect', 'ring_m', '', `${evidence.query.bufferInnerM}-${evidence.query.bufferOuterM}`],
      ...(['treated', 'buffer', 'control'] as const).flatMap((area): Row[] => [['effect', `${area}_before`, '', e[area].before], ['effect', `${area}_after`, '', e[area].after]]),
      ['effect', 'relative_effect', '', e.effect.relativeEffect === null ? '' : fixed(e.effect.relativeEffect, 4)],
      ['effect', 'wdd', '', e.wdd.wdd],
      ['effect', 'wdd_se', '', fixed(e.wdd.se, 3)],
      ['effect', 'wdd_p_one_tailed', '', e.wdd.pOneTailed.toPrecision(3)],
      ['effect', 'ring_verdict', '', e.wdd.verdict],
    );
  } else rows.push(['effect', 'unavailable', '', evidence.effect.unavailable ?? '']);
  rows.push(['effect', 'plain_words', '', findings[2].plain], ...findings[2].technical.map((line, i): Row => ['effect', 'technical', String(i + 1), line]), ...EVIDENCE_LIMITS.map((limit, i): Row => ['limits', 'limit', String(i + 1), limit]));
  rows.push(
    ...zone.prohibitions.filter((p) => p.trim() !== '').map((p, i): Row => ['order', 'prohibition', String(i + 1), p]),
    ['order', 'start_date', '', timeline.start ?? ''],
    ['order', 'expiry_date', '', timeline.expiry ?? ''],
    ['order', 'expiry_from', '', timeline.expiryFrom ?? ''],
    ['order', 'renewal_decision_date', '', timeline.decisionDate ?? ''],
    ['order', 'decision_date_from', '', timeline.decisionFrom ?? ''],
    ['order', 'months_to_expiry', '', timeline.monthsToExpiry ?? ''],
    ['order', 'status', '', timeline.status],
    ['order', 'reminder', '', renewalReminder(timeline, packDate, zone.name) ?? ''],
    ...timeline.problems.map((problem, i): Row => ['order', 'problem', String(i + 1), problem]),
    ['order', 'plain_words', '', findings[3].plain],
    ...consulteeRows(consultation).flatMap((row): Row[] => [['consultation', 'date', row.label, row.date], ['consultation', 'notes', row.label, row.notes]]),
    ['consultation', 'plain_words', '', findings[4].plain],
  );
  return csvDocument(['section', 'measure', 'item', 'value'], rows, content.dataNote);
}

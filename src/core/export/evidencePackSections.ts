import { MONTH_ABBREVIATIONS, monthLabel } from '../ingest/dates';
import { consulteeRows, type ZoneConsultation } from '../zones/consultation';
import { longDate, orderTimeline } from '../zones/orderDates';
import type { ZoneEvidence } from '../zones/zoneEvidence';
import type { EvidencePackContent } from './evidencePack';
import { EVIDENCE_LIMITS, percent, rate, studyName, whole } from './evidenceWords';
import type { Finding } from './plainWords';
import { MARGIN, PAGE_W, type PdfWriter } from './pdf/writer';

/** Room for a table's header and first row, so a header never stands alone at the foot of a page. */
const TABLE_START_MM = 14;

/** The pack's sections after the map page, one per test, each leading with its finding in plain words. */
function lead(w: PdfWriter, heading: string, finding: Finding, minSpaceAfter?: number): void {
  w.heading(heading, minSpaceAfter);
  w.text(finding.plain, MARGIN, 10);
  for (const line of finding.technical) w.text(line, MARGIN, 8.5);
  w.y += 2;
}

export function detrimentalSection(w: PdfWriter, content: EvidencePackContent, finding: Finding): void {
  const { evidence, harmLabel } = content;
  const { zone, studyArea, ratePerHa, share } = evidence;
  lead(w, `1. ${finding.title}`, finding);
  w.ensureSpace(TABLE_START_MM);
  w.table(
    [{ title: '', width: 70 }, { title: content.zone.name, width: 60 }, { title: evidence.studyArea.name ?? 'All the loaded data', width: 60 }],
    [
      ['Area (hectares)', zone.areaHa.toFixed(1), studyArea.areaHa.toFixed(1)],
      ['Incidents', whole(zone.total.incidents), whole(studyArea.total.incidents)],
      ['Incidents per hectare', { text: rate(ratePerHa.zone.incidents), bold: true }, rate(ratePerHa.studyArea.incidents)],
      [`Harm (${harmLabel})`, whole(zone.total.harm), whole(studyArea.total.harm)],
      ['Harm per hectare', rate(ratePerHa.zone.harm), rate(ratePerHa.studyArea.harm)],
      [`Share of ${studyName(evidence)}'s incidents`, percent(share.incidents), '100.0 %'],
      [`Share of ${studyName(evidence)}'s area`, percent(share.area), '100.0 %'],
    ],
  );
  w.y += 3;
  w.ensureSpace(TABLE_START_MM + 5);
  w.text(`Incidents in ${content.zone.name} by category`, MARGIN, 10, 'bold');
  w.table(
    [{ title: 'Category', width: 90 }, { title: 'Incidents', width: 30 }, { title: 'Harm', width: 30 }, { title: 'Share of the zone', width: 35 }],
    zone.byCategory.map((c) => [c.label, whole(c.incidents), whole(c.harm), percent(zone.total.incidents > 0 ? c.incidents / zone.total.incidents : 0)]),
  );
}


/** Monthly incidents per hectare: the zone as grey bars, the study area as a black line with dots. */
function monthlyChart(w: PdfWriter, evidence: ZoneEvidence, x: number, y: number, width: number, height: number): void {
  const { doc } = w;
  const zoneRates = evidence.zone.monthly.map((t) => (evidence.zone.areaHa > 0 ? t.incidents / evidence.zone.areaHa : 0));
  const studyRates = evidence.studyArea.monthly.map((t) => (evidence.studyArea.areaHa > 0 ? t.incidents / evidence.studyArea.areaHa : 0));
  const n = zoneRates.length;
  if (n === 0) return;
  const top = Math.max(...zoneRates, ...studyRates) || 1;
  const plot = { x: x + 10, y: y + 6, w: width - 12, h: height - 14 };
  doc.setFont('helvetica', 'bold').setFontSize(8).setTextColor(0).text('Incidents per hectare by month', x, y + 2);
  doc.setDrawColor(0).setLineWidth(0.2).line(plot.x, plot.y, plot.x, plot.y + plot.h).line(plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h);
  doc.setFont('helvetica', 'normal').setFontSize(6);
  for (const tick of [0, top / 2, top]) {
    const ty = plot.y + plot.h - (tick / top) * plot.h;
    doc.line(plot.x - 1, ty, plot.x, ty).text(rate(tick), plot.x - 1.5, ty + 0.8, { align: 'right' });
  }
  const slot = plot.w / n;
  const labelEvery = Math.ceil(n / 12);
  zoneRates.forEach((value, m) => {
    const barH = (value / top) * plot.h;
    doc.setFillColor(170, 170, 170).rect(plot.x + m * slot + slot * 0.15, plot.y + plot.h - barH, slot * 0.7, barH, 'F');
    const month = evidence.monthFrom + m;
    if (m % labelEvery === 0) doc.setTextColor(0).text(`${MONTH_ABBREVIATIONS[month % 12]}${month % 12 === 0 || m === 0 ? ` ${String(Math.floor(month / 12)).slice(2)}` : ''}`, plot.x + (m + 0.5) * slot, plot.y + plot.h + 3, { align: 'center' });
  });
  const at = (m: number): [number, number] => [plot.x + (m + 0.5) * slot, plot.y + plot.h - (studyRates[m] / top) * plot.h];
  doc.setDrawColor(0).setLineWidth(0.4);
  for (let m = 1; m < n; m++) doc.line(...at(m - 1), ...at(m));
  for (let m = 0; m < n; m++) doc.setFillColor(0, 0, 0).circle(...at(m), 0.6, 'F');
  const key = plot.y + plot.h + 7;
  doc.setFillColor(170, 170, 170).rect(plot.x, key - 2, 3, 2.4, 'F');
  doc.text('the zone', plot.x + 4, key);
  doc.setDrawColor(0).line(plot.x + 22, key - 0.8, plot.x + 27, key - 0.8).setFillColor(0, 0, 0).circle(plot.x + 24.5, key - 0.8, 0.6, 'F');
  doc.text(studyName(evidence), plot.x + 28, key);
}

export function persistenceSection(w: PdfWriter, evidence: ZoneEvidence, finding: Finding): void {
  const chartH = 62;
  // The section moves whole to a new page rather than leave its text apart from its table and chart.
  lead(w, `2. ${finding.title}`, finding, chartH + 25);
  const { zone, studyArea } = evidence;
  const tableW = 150;
  w.ensureSpace(chartH);
  const top = w.y;
  const startPage = w.doc.getNumberOfPages();
  w.table(
    [{ title: 'Month', width: 22 }, { title: 'Incidents', width: 22 }, { title: 'Harm', width: 20 }, { title: 'Per hectare', width: 26 }, { title: `${evidence.studyArea.name ?? 'All the loaded data'}, per hectare`, width: 36 }, { title: 'Above?', width: 24 }],
    zone.monthly.map((t, m) => {
      const here = zone.areaHa > 0 ? t.incidents / zone.areaHa : 0;
      const there = studyArea.areaHa > 0 ? studyArea.monthly[m].incidents / studyArea.areaHa : 0;
      return [monthLabel(evidence.monthFrom + m), whole(t.incidents), whole(t.harm), rate(here), rate(there), here > there ? { text: 'above', bold: true } : 'not above'];
    }),
    MARGIN,
    8,
  );
  // The chart stands beside the first rows of the table, on the page the table starts on.
  const lastPage = w.doc.getNumberOfPages();
  w.doc.setPage(startPage);
  monthlyChart(w, evidence, MARGIN + tableW + 8, top, PAGE_W - 2 * MARGIN - tableW - 8, chartH);
  w.doc.setPage(lastPage);
  if (lastPage === startPage) w.y = Math.max(w.y, top + chartH);
}

export function effectSection(w: PdfWriter, evidence: ZoneEvidence, finding: Finding): void {
  lead(w, `3. ${finding.title}`, finding);
  const e = evidence.effect.evaluation;
  if (e) {
    w.ensureSpace(TABLE_START_MM);
    const from = (month: number) => `${monthLabel(month)} to ${monthLabel(month + e.months - 1)}`;
    w.table(
      [{ title: 'Area', width: 90 }, { title: `Before (${from(e.beforeFrom)})`, width: 55 }, { title: `After (${from(e.startMonth)})`, width: 55 }],
      [
        [e.name, whole(e.treated.before), whole(e.treated.after)],
        [`Ring ${evidence.query.bufferInnerM}-${evidence.query.bufferOuterM} m around it`, whole(e.buffer.before), whole(e.buffer.after)],
        [`Control: ${e.controlName}`, whole(e.control.before), whole(e.control.after)],
      ],
    );
    w.y += 2;
  }
  w.text('What these figures cannot show', MARGIN, 10, 'bold');
  for (const limit of EVIDENCE_LIMITS) w.text(`- ${limit}`, MARGIN + 2, 9);
}

export function datesSection(w: PdfWriter, content: EvidencePackContent, finding: Finding): void {
  lead(w, `4. ${finding.title}`, finding);
  const timeline = orderTimeline(content.zone, content.packDate, content.consultation?.decisionDate ?? '');
  const date = (iso: string | null) => (iso ? longDate(iso) : 'not recorded');
  w.ensureSpace(TABLE_START_MM);
  w.table(
    [{ title: 'Start', width: 40 }, { title: 'Expiry', width: 62 }, { title: 'Months since the start', width: 40 }, { title: 'Renewal decision date', width: 70 }, { title: 'Status', width: 40 }],
    [[date(timeline.start), `${date(timeline.expiry)}${timeline.expiryFrom === 'start + 3 years' ? ' (start + 3 years)' : ''}`, timeline.monthsSinceStart === null ? '' : String(timeline.monthsSinceStart), `${date(timeline.decisionDate)}${timeline.decisionFrom ? ` (${timeline.decisionFrom})` : ''}`, { text: timeline.status, bold: true }]],
  );
  w.y += 2;
  const prohibitions = content.zone.prohibitions.filter((p) => p.trim() !== '');
  w.text(prohibitions.length > 0 ? 'Prohibitions and requirements of the order' : 'No prohibitions are recorded for this zone.', MARGIN, 10, 'bold');
  prohibitions.forEach((p, i) => w.text(`${i + 1}. ${p}`, MARGIN + 2, 9));
}

export function consultationSection(w: PdfWriter, consultation: ZoneConsultation | null, finding: Finding): void {
  lead(w, `5. ${finding.title}`, finding);
  w.ensureSpace(TABLE_START_MM);
  w.table(
    [{ title: 'Statutory consultee', width: 110 }, { title: 'Consulted on', width: 35 }, { title: 'Notes', width: PAGE_W - 2 * MARGIN - 145 }],
    consulteeRows(consultation).map((row) => [row.label, row.date ? longDate(row.date) : { text: 'not yet', bold: true }, row.notes]),
  );
}

import type { CameraCard } from '../cameras/justification';
import { HOUR_BANDS, WEEKDAY_NAMES, type PatrolWindows } from '../hotspots/patrolWindows';
import type { BriefingPlace } from './briefingPlaces';
import { positionText } from './briefingPlaces';
import type { Finding } from './plainWords';
import { MARGIN, type Cell, type PdfWriter } from './pdf/writer';

/** The tables and text after the maps; each leaves itself out when it has nothing to say. */
export function placesTable(w: PdfWriter, places: readonly BriefingPlace[]): void {
  if (places.length === 0) return;
  w.heading('Top locations (numbers as on the maps)');
  w.table(
    [{ title: '#', width: 8 }, { title: 'Location (from the data)', width: 62 }, { title: 'Main category', width: 40 }, { title: 'Count', width: 14 }, { title: 'Share', width: 14 }, { title: 'Grid reference (lat, lng)', width: 58 }, { title: 'Zone', width: 40 }, { title: 'Cameras that see it', width: 37 }],
    places.map((p) => [{ text: String(p.rank), bold: true }, p.location || '(no location text)', p.category, String(p.count), p.share, positionText(p.lat, p.lng, p.gridRef), p.zones.join(', ') || 'none', p.cameras.join(', ') || 'none']),
  );
}

const position = (card: CameraCard, at: 'now' | 'proposed') => {
  const p = at === 'now' ? card.site.current : card.site.proposed;
  return p ? positionText(p.lat, p.lng, at === 'now' ? (card.gridRefNow ?? undefined) : card.gridRefProposed) : 'not yet placed';
};
const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export function camerasTable(w: PdfWriter, cards: readonly CameraCard[]): void {
  if (cards.length === 0) return;
  w.heading('Cameras (ids as on the maps)');
  w.table(
    [{ title: 'Camera', width: 20 }, { title: 'Type', width: 26 }, { title: 'Name', width: 46 }, { title: 'Position (grid reference, lat, lng)', width: 62 }, { title: 'Change', width: 47 }, { title: 'Incidents in view', width: 30 }, { title: 'Next review', width: 20 }, { title: 'Review?', width: 22 }],
    cards.map((c) => [
      { text: c.site.id, bold: true },
      c.site.kind === 'fixed' ? 'Fixed' : 'Re-deployable',
      c.site.name,
      position(c, c.site.current ? 'now' : 'proposed'),
      c.change,
      `${number(c.demand.incidents)} (rank ${c.rank} of ${c.of})`,
      c.nextReview,
      c.reviewFlag ? { text: 'REVIEW: little demand', bold: true } : '',
    ]),
  );
}

export function movesTable(w: PdfWriter, cards: readonly CameraCard[], unit: string): void {
  const changing = cards.filter((c) => c.site.status !== 'kept');
  if (changing.length === 0) return;
  w.heading('Moves and new cameras (arrows on the maps)');
  w.table(
    [{ title: 'Camera', width: 22 }, { title: 'From', width: 75 }, { title: 'To', width: 110 }, { title: `Demand gained (${unit})`, width: 66 }],
    changing.map((c) => [{ text: c.site.id, bold: true }, c.site.current ? position(c, 'now') : 'new camera', `${c.site.toLocation ? `${c.site.toLocation}, ` : ''}${position(c, 'proposed')}`, `+${number(c.site.gain)}`]),
  );
}

/** How many of the busiest windows are set in bold. */
const BUSIEST = 3;

export function patrolTable(w: PdfWriter, patrol: { windows: PatrolWindows; area: string } | null): void {
  if (!patrol) return;
  const { windows, area } = patrol;
  w.heading('When to be there');
  if (windows.timed === 0) {
    w.text(`The data for ${area} has no times of day (police.uk gives the month only), so no patrol windows can be given.`, MARGIN, 10);
    return;
  }
  const untimed = windows.total - windows.timed;
  w.text(`Incidents in ${area} by time of day and weekday; the ${BUSIEST} busiest windows in bold.${untimed > 0 ? ` ${number(untimed)} of ${number(windows.total)} incidents have no time and are not counted.` : ''}`, MARGIN, 10);
  const cells = windows.counts.flat();
  const threshold = [...cells].sort((a, b) => b - a)[BUSIEST - 1] ?? Infinity;
  const cell = (value: number): Cell => (value > 0 && value >= threshold ? { text: `${number(value)} *`, bold: true } : number(value));
  w.table(
    [{ title: 'Hours', width: 28 }, ...WEEKDAY_NAMES.map((d) => ({ title: d, width: 18 })), { title: 'All week', width: 20 }],
    HOUR_BANDS.map((band, b) => [band, ...windows.counts[b].map(cell), number(windows.counts[b].reduce((s, v) => s + v, 0))]),
  );
}

export function findingsText(w: PdfWriter, findings: readonly Finding[]): void {
  if (findings.length === 0) return;
  w.heading('In plain words');
  for (const f of findings) {
    w.text(f.title, MARGIN, 10, 'bold');
    w.text(f.plain, MARGIN + 4, 10);
    w.y += 1.5;
  }
}

export function technicalAnnex(w: PdfWriter, findings: readonly Finding[]): void {
  if (findings.length === 0) return;
  w.heading('Annex A: technical figures');
  for (const f of findings) {
    w.text(f.title, MARGIN, 9, 'bold');
    for (const line of f.technical) w.text(line, MARGIN + 4, 9);
    w.y += 1.5;
  }
}

export function justificationAnnex(w: PdfWriter, cards: readonly CameraCard[], period: string, harmLabel: string): void {
  if (cards.length === 0) return;
  w.heading('Annex B: camera justification (Surveillance Camera Code, principles 1 and 2)');
  w.text(`For each camera: its purpose and the pressing need in numbers (incidents and ${harmLabel} in its view over ${period}, rank among the cameras), when it went up and when it is next reviewed.`, MARGIN, 9);
  w.y += 1;
  for (const c of cards) {
    w.ensureSpace(22);
    w.text(`${c.site.id}  ${c.site.name}  (${c.site.kind === 'fixed' ? 'fixed' : 're-deployable'})${c.reviewFlag ? '  - REVIEW: little demand' : ''}`, MARGIN, 9.5, 'bold');
    w.text(`Purpose: ${c.purpose}.`, MARGIN + 4, 8.5);
    w.text(`Pressing need: ${number(c.demand.incidents)} incidents and ${number(c.demand.harm)} ${harmLabel} in view over ${period}; rank ${c.rank} of ${c.of}.${c.reviewFlag ? ` ${c.reviewFlag}.` : ''}`, MARGIN + 4, 8.5);
    w.text(`Position: ${position(c, 'proposed')}${c.site.status === 'moved' ? ` (moving from ${position(c, 'now')})` : ''}. Change: ${c.change}${c.why ? `: ${c.why}` : ''}.`, MARGIN + 4, 8.5);
    w.text(`Deployed: ${c.deployed}. Next review: ${c.nextReview}. DPIA: ${c.dpiaReference}.`, MARGIN + 4, 8.5);
    w.y += 1.5;
  }
}

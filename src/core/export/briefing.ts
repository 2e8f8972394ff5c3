import { jsPDF } from 'jspdf';

/**
 * The operation briefing pack: an A4 landscape PDF that an officer can read on paper. Page 1 is the
 * map with the top locations beside it; then cameras, PSPO zones with their prohibitions, and
 * the data sources with row counts and licence attribution. Sections the user turns off, or that
 * have nothing in them, are left out.
 */
export interface BriefingContent {
  operationName: string;
  operationDate: string;
  protectiveMarking: string;
  period: string;
  filters: string;
  /** Where the briefing is about and what lies outside it, e.g. "Study area: Brent (41,203 incidents outside it not shown)". */
  studyArea?: string;
  /** The framed map image (PNG bytes) and its pixel size. */
  map: { png: Uint8Array; width: number; height: number } | null;
  topLocations: { rank: number; location: string; category: string; count: number; share: string }[];
  cameras: { id: string; name: string; kind: string; lat: number; lng: number; note: string }[];
  zones: { name: string; orderRef: string; period: string; prohibitions: string[] }[];
  sources: { name: string; kind: string; rows: number; rejected: number; months: string; licence: string }[];
  /** Sentences summarising an intervention evaluation, when one was run. */
  evaluation: string[];
  generatedAt: string;
}

const PAGE_W = 297;
const PAGE_H = 210;
const MARGIN = 12;

/** jsPDF's built-in fonts speak Windows-1252; anything else becomes '?', never a broken glyph. */
export function pdfSafeText(text: string): string {
  return text.replace(/[\u2013\u2014]/g, '-').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[^\x20-\x7e\xa0-\xff\n]/g, '?');
}

class Writer {
  readonly doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  y = MARGIN;

  constructor(private readonly marking: string) {}

  text(value: string, x: number, size: number, style: 'normal' | 'bold' = 'normal', width = PAGE_W - MARGIN - x): void {
    this.doc.setFont('helvetica', style).setFontSize(size);
    const lines = this.doc.splitTextToSize(pdfSafeText(value), width) as string[];
    for (const line of lines) {
      this.ensureSpace(size * 0.45);
      this.doc.text(line, x, this.y + size * 0.35);
      this.y += size * 0.45;
    }
  }

  heading(value: string): void {
    this.ensureSpace(16);
    this.y += 3;
    this.text(value, MARGIN, 13, 'bold');
    this.y += 1;
  }

  /** A simple table: header row, then rows; long cells wrap within their column. */
  table(columns: { title: string; width: number }[], rows: string[][], x = MARGIN): void {
    const row = (cells: string[], bold: boolean) => {
      this.doc.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(9);
      const wrapped = cells.map((cell, i) => this.doc.splitTextToSize(pdfSafeText(cell), columns[i].width - 2) as string[]);
      const height = Math.max(...wrapped.map((w) => w.length)) * 4 + 1.5;
      this.ensureSpace(height);
      let cx = x;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => this.doc.text(line, cx + 1, this.y + 3.5 + j * 4));
        cx += columns[i].width;
      });
      this.y += height;
      this.doc.setDrawColor(220).line(x, this.y, cx, this.y);
    };
    row(columns.map((c) => c.title), true);
    for (const cells of rows) row(cells, false);
  }

  ensureSpace(height: number): void {
    if (this.y + height > PAGE_H - MARGIN - 6) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN + 6;
  }

  /** Marking at the top and page numbers at the foot of every page, once all pages exist. */
  finish(generatedAt: string): Uint8Array {
    const pages = this.doc.getNumberOfPages();
    for (let page = 1; page <= pages; page++) {
      this.doc.setPage(page).setFont('helvetica', 'bold').setFontSize(9).setTextColor(150, 0, 0);
      this.doc.text(pdfSafeText(this.marking), PAGE_W / 2, 6, { align: 'center' });
      this.doc.setFont('helvetica', 'normal').setFontSize(8).setTextColor(90);
      this.doc.text(pdfSafeText(`Hotspot Planner - generated ${generatedAt} - page ${page} of ${pages}`), PAGE_W / 2, PAGE_H - 5, { align: 'center' });
      this.doc.setTextColor(0);
    }
    return new Uint8Array(this.doc.output('arraybuffer'));
  }
}

export function buildBriefingPdf(content: BriefingContent): Uint8Array {
  const w = new Writer(content.protectiveMarking);
  w.y = MARGIN;
  w.text(`Operation ${content.operationName}`, MARGIN, 18, 'bold');
  w.text(`${content.operationDate} - ${content.period}`, MARGIN, 11);
  w.text(content.filters, MARGIN, 9);
  if (content.studyArea) w.text(content.studyArea, MARGIN, 9, 'bold');
  const top = w.y + 2;
  const mapWidth = content.topLocations.length > 0 ? 170 : PAGE_W - 2 * MARGIN;
  if (content.map) {
    const height = Math.min(PAGE_H - top - MARGIN - 8, (mapWidth * content.map.height) / content.map.width);
    const width = (height * content.map.width) / content.map.height;
    w.doc.addImage(content.map.png, 'PNG', MARGIN, top, width, height);
  }
  if (content.topLocations.length > 0) {
    w.y = top;
    const x = MARGIN + mapWidth + 4;
    w.text('Top locations', x, 12, 'bold');
    w.table(
      [{ title: '#', width: 8 }, { title: 'Location', width: 58 }, { title: 'Count', width: 14 }, { title: 'Share', width: 15 }],
      content.topLocations.map((t) => [String(t.rank), t.location || '(no location text)', String(t.count), t.share]),
      x,
    );
  }
  if (content.cameras.length > 0) {
    w.newPage();
    w.heading('Cameras');
    w.table(
      [{ title: 'Camera', width: 24 }, { title: 'Name', width: 80 }, { title: 'Type', width: 32 }, { title: 'Position (lat, lng)', width: 44 }, { title: 'Note', width: 93 }],
      content.cameras.map((c) => [c.id, c.name, c.kind, `${c.lat.toFixed(5)}, ${c.lng.toFixed(5)}`, c.note]),
    );
  }
  if (content.zones.length > 0) {
    if (content.cameras.length === 0) w.newPage();
    w.heading('PSPO zones in the area');
    for (const zone of content.zones) {
      w.text(`${zone.name} (${zone.orderRef}), ${zone.period}`, MARGIN, 10, 'bold');
      for (const prohibition of zone.prohibitions) w.text(`- ${prohibition}`, MARGIN + 4, 9);
      w.y += 1.5;
    }
  }
  if (content.evaluation.length > 0) {
    if (content.cameras.length === 0 && content.zones.length === 0) w.newPage();
    w.heading('Did it work?');
    for (const line of content.evaluation) w.text(line, MARGIN, 9);
  }
  if (content.sources.length > 0) {
    if (content.cameras.length === 0 && content.zones.length === 0 && content.evaluation.length === 0) w.newPage();
    w.heading('Data sources');
    w.table(
      [{ title: 'File', width: 80 }, { title: 'Kind', width: 40 }, { title: 'Rows loaded', width: 24 }, { title: 'Rejected', width: 20 }, { title: 'Months', width: 40 }, { title: 'Licence', width: 69 }],
      content.sources.map((s) => [s.name, s.kind, String(s.rows), String(s.rejected), s.months, s.licence]),
    );
  }
  return w.finish(content.generatedAt);
}

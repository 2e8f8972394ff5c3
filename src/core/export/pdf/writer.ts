import type { jsPDF } from 'jspdf';

export const PAGE_W = 297;
export const PAGE_H = 210;
export const MARGIN = 12;
/** Space kept at the top and bottom of every page for the marking and the page number. */
const BAND = 9;
export const BODY_TOP = MARGIN + BAND - 4;
export const BODY_BOTTOM = PAGE_H - MARGIN - BAND + 4;

/** The Government Security Classifications a pack may carry at the top and bottom of every page. */
export const PROTECTIVE_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;

/** jsPDF's built-in fonts speak Windows-1252; anything else becomes '?', never a broken glyph. */
export function pdfSafeText(text: string): string {
  return text.replace(/[\u2013\u2014]/g, '-').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[^\x20-\x7e\xa0-\xff\n]/g, '?');
}

export interface Column {
  title: string;
  width: number;
}

/** A cell: plain text, or text set in bold (the emphasis survives a mono printer where colour would not). */
export type Cell = string | { text: string; bold: true };

/** Text, headings and tables flowing down A4 landscape pages, in black on white. */
export class PdfWriter {
  y = BODY_TOP;

  private constructor(
    readonly doc: jsPDF,
    private readonly marking: string,
  ) {}

  /** jsPDF and its helpers (about 400 kB) load with the first PDF made, not with the page. */
  static async create(marking: string): Promise<PdfWriter> {
    const { jsPDF } = await import('jspdf');
    return new PdfWriter(new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true }), marking);
  }

  text(value: string, x: number, size: number, style: 'normal' | 'bold' = 'normal', width = PAGE_W - MARGIN - x): void {
    this.doc.setFont('helvetica', style).setFontSize(size);
    const lines = this.doc.splitTextToSize(pdfSafeText(value), width) as string[];
    for (const line of lines) {
      this.ensureSpace(size * 0.45);
      this.doc.text(line, x, this.y + size * 0.35);
      this.y += size * 0.45;
    }
  }

  heading(value: string, minSpaceAfter = 16): void {
    this.ensureSpace(minSpaceAfter);
    this.y += 3;
    this.text(value, MARGIN, 13, 'bold');
    this.y += 1;
  }

  /** A table: header row, then rows; long cells wrap within their column; the header repeats on a new page. */
  table(columns: Column[], rows: Cell[][], x = MARGIN, size = 9): void {
    const lineH = size * 0.44;
    const row = (cells: Cell[], header: boolean) => {
      const wrapped = cells.map((cell, i) => {
        const bold = header || typeof cell !== 'string';
        this.doc.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(size);
        return { bold, lines: this.doc.splitTextToSize(pdfSafeText(typeof cell === 'string' ? cell : cell.text), columns[i].width - 2) as string[] };
      });
      const height = Math.max(...wrapped.map((w) => w.lines.length)) * lineH + 1.5;
      const newPage = this.ensureSpace(height);
      if (newPage && !header) row(columns.map((c) => c.title), true);
      let cx = x;
      wrapped.forEach(({ bold, lines }, i) => {
        this.doc.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(size);
        lines.forEach((line, j) => this.doc.text(line, cx + 1, this.y + lineH * 0.85 + j * lineH));
        cx += columns[i].width;
      });
      this.y += height;
      this.doc.setDrawColor(header ? 0 : 170).setLineWidth(header ? 0.3 : 0.1).line(x, this.y, cx, this.y);
    };
    row(columns.map((c) => c.title), true);
    for (const cells of rows) row(cells, false);
  }

  /** Starts a new page when `height` does not fit; says whether it did. */
  ensureSpace(height: number): boolean {
    if (this.y + height <= BODY_BOTTOM) return false;
    this.newPage();
    return true;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = BODY_TOP;
  }

  /** The marking at the top and bottom of every page, and "page x of y", once all pages exist. */
  finish(generatedAt: string): Uint8Array {
    const pages = this.doc.getNumberOfPages();
    for (let page = 1; page <= pages; page++) {
      this.doc.setPage(page).setTextColor(0).setFont('helvetica', 'bold').setFontSize(10);
      this.doc.text(pdfSafeText(this.marking), PAGE_W / 2, MARGIN - 4, { align: 'center' });
      this.doc.text(pdfSafeText(this.marking), PAGE_W / 2, PAGE_H - MARGIN + 5, { align: 'center' });
      this.doc.setFont('helvetica', 'normal').setFontSize(8);
      this.doc.text(pdfSafeText(`page ${page} of ${pages}`), PAGE_W - MARGIN, PAGE_H - MARGIN + 5, { align: 'right' });
      this.doc.text(pdfSafeText(`Hotspot Planner, generated ${generatedAt}`), MARGIN, PAGE_H - MARGIN + 5);
    }
    return new Uint8Array(this.doc.output('arraybuffer'));
  }
}

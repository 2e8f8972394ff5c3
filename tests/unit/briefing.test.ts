import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefingPdf, pdfSafeText, type BriefingContent } from '../../src/core/export/briefing';

const STANDARD_FONTS = join(__dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'standard_fonts') + '/';

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages;
}

const content: BriefingContent = {
  operationName: 'Clearwater',
  operationDate: '14 March 2026',
  protectiveMarking: 'OFFICIAL-SENSITIVE',
  period: 'Jan 2025 – Dec 2025',
  filters: 'Anti-social behaviour · H3 res 9',
  map: null,
  topLocations: [{ rank: 1, location: 'On or near Olympic Way', category: 'Anti-social behaviour', count: 306, share: '3.0%' }],
  cameras: [{ id: 'RD-07', name: 'Olympic Way', kind: 'Re-deployable (planned)', lat: 51.559, lng: -0.28, note: '+43 incidents covered' }],
  zones: [{ name: 'Wembley Park PSPO', orderRef: 'LBB/PSPO/2023/02', period: '1 Feb 2023 to 31 Jan 2026', prohibitions: ['Spitting', '<script>alert(1)</script>'] }],
  sources: [{ name: 'brent-police-sample-2025.csv', kind: 'police.uk', rows: 36380, rejected: 340, months: 'Jan 2025 – Dec 2025', licence: 'Open Government Licence v3.0' }],
  evaluation: ['Wembley Park PSPO: 120 before, 90 after; WDD -12 (z -1.1): neither.'],
  generatedAt: '22/11/2026 15:00',
};

describe('briefing PDF', () => {
  it('has the operation, top locations, cameras, zones and sources, with marking and page numbers', async () => {
    const pages = await pdfPages(buildBriefingPdf(content));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Operation Clearwater');
    expect(pages[0]).toContain('On or near Olympic Way');
    expect(pages[0]).toContain('OFFICIAL-SENSITIVE');
    expect(pages[0]).toContain('page 1 of 2');
    expect(pages[1]).toContain('RD-07');
    expect(pages[1]).toContain('Wembley Park PSPO');
    expect(pages[1]).toContain('<script>alert(1)</script>');
    expect(pages[1]).toContain('Open Government Licence v3.0');
    expect(pages[1]).toContain('WDD -12');
  });
  it('leaves out empty sections and starts new pages when a table runs long', async () => {
    const many = { ...content, cameras: [], zones: [], sources: Array.from({ length: 60 }, (_, i) => ({ ...content.sources[0], name: `file-${i}.csv` })) };
    const pages = await pdfPages(buildBriefingPdf(many));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.join(' ')).not.toContain('Cameras');
    expect(pages.join(' ')).toContain('file-59.csv');
  });
  it('keeps text to what the PDF fonts can draw', () => {
    expect(pdfSafeText('Jan – Dec “quoted” café ≤ 5')).toBe('Jan - Dec "quoted" café ? 5');
  });
});

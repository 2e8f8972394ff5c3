// The briefing pack: name the operation, export the PDF, and read its pages back as text.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { assert, assertEqual, download, openApp, root } from '../harness.mjs';

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'Briefing' }).click();
  await page.getByLabel('Operation name').fill('Clearwater');
  await page.getByLabel('Operation date').fill('2026-03-14');
  const pdf = await download(page, () => page.getByRole('button', { name: 'Export briefing PDF' }).click());
  assertEqual(pdf.name, 'briefing_Clearwater_2026-03-14.pdf', 'file name');
  writeFileSync(join(outDir, pdf.name), pdf.bytes);
  const document = await getDocument({ data: new Uint8Array(pdf.bytes), isEvalSupported: false, standardFontDataUrl: join(root, 'node_modules', 'pdfjs-dist', 'standard_fonts') + '/' }).promise;
  const pages = [];
  for (let i = 1; i <= document.numPages; i++) pages.push((await (await document.getPage(i)).getTextContent()).items.map((item) => item.str).join(' '));
  assert(pages.length >= 3, `map and top locations, then cameras, zones and sources (${pages.length} pages)`);
  assert(pages[0].includes('Operation Clearwater') && pages[0].includes('14 March 2026'), 'title and date');
  assert(pages[0].includes('Top locations') && pages[0].includes('On or near'), 'top locations table');
  assert(pages[0].includes('OFFICIAL-SENSITIVE') && pages[0].includes(`page 1 of ${pages.length}`), 'marking and page number');
  const rest = pages.slice(1).join(' ');
  assert(rest.includes('FX-001') && rest.includes('RD-01'), 'cameras listed');
  assert(rest.includes('Wembley Park PSPO') && rest.includes('Spitting'), 'zones with prohibitions');
  assert(rest.includes('brent-police-sample-2025.csv') && rest.includes('Synthetic sample data'), 'sources with their licence note');
  const images = await (await document.getPage(1)).getOperatorList();
  assert(images.fnArray.length > 10, 'page 1 has drawing operations (the map image)');
}

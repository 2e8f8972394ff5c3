// Reading a briefing pack back: page texts, grid references checked with proj4, pages rendered for a look.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import proj4 from 'proj4';
import { assert, download, root } from './harness.mjs';

const BNG = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

/** The grid reference of a position, worked out here with proj4 (London lies in square TQ). */
export function proj4GridRef(lat, lng) {
  const [e, n] = proj4('EPSG:4326', BNG, [lng, lat]);
  const five = (v) => String(Math.floor(v) % 100000).padStart(5, '0');
  assert(e >= 500000 && e < 600000 && n >= 100000 && n < 200000, `${lat}, ${lng} lies in square TQ`);
  return `TQ ${five(e)} ${five(n)}`;
}

/** Every "TQ 12345 67890 (lat, lng)" in the text, checked against proj4; returns how many there were. */
export function checkGridRefs(text) {
  const pairs = [...text.matchAll(/(TQ \d{5} \d{5}) \((-?\d+\.\d{5}), (-?\d+\.\d{5})\)/g)];
  // The printed lat/lng is rounded to 5 decimals (about 1 m), so the reference may differ by a metre.
  for (const [, gridRef, lat, lng] of pairs) {
    const expected = proj4GridRef(Number(lat), Number(lng));
    const [a, b] = [gridRef, expected].map((g) => g.split(' ').slice(1).map(Number));
    assert(Math.abs(a[0] - b[0]) <= 1 && Math.abs(a[1] - b[1]) <= 1, `${gridRef} is where proj4 puts ${lat}, ${lng} (${expected})`);
  }
  return pairs.length;
}

/** Plans four cameras in the CCTV planner and asks for moves (`maxMoves`, or the panel's default), as a user would. */
export async function planWithMoves(page, maxMoves) {
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await page.getByLabel('Number of cameras').fill('4');
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.locator('.coverage-summary').waitFor();
  if (maxMoves !== undefined) await page.getByLabel('Moves', { exact: true }).fill(String(maxMoves));
  await page.getByRole('button', { name: 'Suggest moves' }).click();
  await page.locator('.moves li').first().waitFor();
}

/** Names the operation, exports the pack, renders its first pages and checks the marking on every page; returns the page texts. */
export async function exportNamedPack(page, outDir, { operation, date, fileName }) {
  await page.locator('summary', { hasText: 'Briefing' }).click();
  await page.getByLabel('Operation name').fill(operation);
  await page.getByLabel('Operation date').fill(date);
  const { pages } = await exportPack(page, outDir, fileName);
  renderPages(outDir, fileName);
  checkMarking(pages, 'OFFICIAL-SENSITIVE');
  return pages;
}

/** Clicks "Export briefing PDF", keeps the file, returns its bytes and page texts. */
export async function exportPack(page, outDir, fileName) {
  const pdf = await download(page, () => page.getByRole('button', { name: 'Export briefing PDF' }).click());
  writeFileSync(join(outDir, fileName), pdf.bytes);
  const document = await getDocument({ data: new Uint8Array(pdf.bytes), isEvalSupported: false, standardFontDataUrl: join(root, 'node_modules', 'pdfjs-dist', 'standard_fonts') + '/' }).promise;
  const pages = [];
  for (let i = 1; i <= document.numPages; i++) pages.push((await (await document.getPage(i)).getTextContent()).items.map((item) => item.str).join(' ').replace(/\s+/g, ' '));
  return { name: pdf.name, bytes: pdf.bytes, pages };
}

/** The marking at top and bottom of every page, and "page x of y". */
export function checkMarking(pages, marking) {
  pages.forEach((text, i) => {
    assert((text.match(new RegExp(marking, 'g')) ?? []).length >= 2, `page ${i + 1} carries ${marking} at top and bottom`);
    assert(text.includes(`page ${i + 1} of ${pages.length}`), `page ${i + 1} says "page ${i + 1} of ${pages.length}"`);
  });
}

/** The first pages as PNGs beside the PDF (pdftoppm, when installed) for a person to look at. */
export function renderPages(outDir, fileName, lastPage = 3) {
  if (!existsSync('/usr/bin/pdftoppm')) return false;
  const result = spawnSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-gray', '-f', '1', '-l', String(lastPage), join(outDir, fileName), join(outDir, fileName.replace(/\.pdf$/, ''))]);
  return result.status === 0;
}

/** Share of a page's pixels near `rgb` (rendered at 30 dpi with pdftoppm as PPM); null without pdftoppm. */
export function colourShare(outDir, fileName, pageNumber, rgb) {
  if (!existsSync('/usr/bin/pdftoppm')) return null;
  const prefix = join(outDir, `${fileName}-colour`);
  spawnSync('/usr/bin/pdftoppm', ['-r', '30', '-f', String(pageNumber), '-l', String(pageNumber), '-singlefile', join(outDir, fileName), prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // P6 header: magic, width, height, max value, each followed by one whitespace byte.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = ppm.subarray(header[0].length);
  let near = 0;
  for (let i = 0; i < width * height; i++) if (Math.abs(pixels[3 * i] - rgb[0]) < 14 && Math.abs(pixels[3 * i + 1] - rgb[1]) < 14 && Math.abs(pixels[3 * i + 2] - rgb[2]) < 14) near++;
  return near / (width * height);
}

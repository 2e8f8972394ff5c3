// Did it work? Mark a zone as the intervention, evaluate against the rest of the area with a
// displacement ring, read the chart and the WDD verdict, export the CSV.
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { assert, download, openApp, parseCsv, root, waitForMapIdle } from '../harness.mjs';

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'Did it work?' }).click();
  await page.getByLabel('Intervention area').selectOption({ label: 'Harlesden Town Centre PSPO' });
  await page.getByLabel('Started (month)').fill('2025-07');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const verdict = page.locator('.wdd-verdict');
  await verdict.waitFor();
  assert(/WDD -?[\d,.]+ \(SE [\d.]+, z -?[\d.]+, one-tailed p [\d.]+, 95% CI .+\)\. Ring: (displacement|diffusion of benefits|neither)\./.test(await verdict.innerText()), 'WDD verdict shown');
  assert(await page.locator('.evaluation-result [role="img"]').count() === 1, 'monthly chart drawn');
  // The rest of the borough dwarfs the zone: the headline is the relative effect and the WDD, the raw DiD is withheld, the chart scales the control.
  assert((await page.locator('.evaluation-headline').innerText()).startsWith('Relative effect'), 'headline leads with the relative effect');
  const resultText = await page.locator('.evaluation-result').innerText();
  assert(resultText.includes('Raw difference in differences not shown') && resultText.includes('control scaled to the area'), 'raw DiD withheld and control scaled in the chart');
  assert(/parallel trends/.test(await page.locator('.evaluation-result').innerText()), 'the design limits are stated');
  const csv = parseCsv((await download(page, () => page.getByRole('button', { name: 'Export evaluation CSV' }).click())).bytes.toString('utf8'));
  const measures = Object.fromEntries(csv.slice(1).map(([k, v]) => [k, v]));
  assert(measures.months_each_side === '6' && measures.verdict, 'CSV has the design and the verdict');
  assert(Number(measures.treated_before) > 0 && Number(measures.control_after) > Number(measures.treated_after), 'counts for each area');
  await page.locator('.evaluation-result').screenshot({ path: join(outDir, 'evaluation.png') });
  await waitForMapIdle(page);
  await page.screenshot({ path: join(outDir, 'evaluation-map.png') });

  // The evaluation goes into the briefing pack.
  await page.locator('summary', { hasText: 'Briefing' }).click();
  const pdf = await download(page, () => page.getByRole('button', { name: 'Export briefing PDF' }).click());
  const document = await getDocument({ data: new Uint8Array(pdf.bytes), isEvalSupported: false, standardFontDataUrl: join(root, 'node_modules', 'pdfjs-dist', 'standard_fonts') + '/' }).promise;
  let text = '';
  for (let i = 1; i <= document.numPages; i++) text += (await (await document.getPage(i)).getTextContent()).items.map((item) => item.str).join(' ');
  assert(text.includes('Did it work?') && text.includes('Weighted displacement difference'), 'evaluation section in the briefing');

  // The cameras' coverage can be the intervention too.
  const panel = page.locator('details', { has: page.locator('summary', { hasText: 'Did it work?' }) });
  // The panel's first list is the intervention area (its chart's description names the intervention area too).
  const intervention = panel.getByRole('combobox').first();
  const options = await intervention.locator('option').allInnerTexts();
  const coverage = options.find((o) => /^Camera coverage \(\d+ cameras\)$/.test(o));
  assert(coverage, `camera coverage offered as an intervention (${options.join(', ')})`);
  // Its area (the cameras' circles joined) is made when it is evaluated.
  await intervention.selectOption({ label: coverage });
  await panel.getByLabel('Started (month)').fill('2025-07');
  const zoneResult = await panel.locator('.evaluation-result').innerText();
  await panel.getByRole('button', { name: 'Evaluate' }).click();
  await page.waitForFunction((before) => document.querySelector('.evaluation-result')?.innerText !== before, zoneResult, { timeout: 30_000 });
  assert(/^Intervention\s/m.test(await panel.locator('.evaluation-result').innerText()), 'the cameras’ coverage evaluated, with its own counts');

  // Priority places: the top 25 cells, their share, and the arithmetic of a cut there.
  await page.locator('summary', { hasText: 'Priority places' }).click();
  const summary = await page.locator('.priority-summary').innerText();
  assert(/^25 of \d+ cells .* hold [\d.]+% of the incidents shown\.$/.test(summary), `priority summary (${summary})`);
  assert(/A 10% cut in these 25 cells = [\d.]+% fewer overall\./.test(await page.locator('.panel', { hasText: 'Priority places' }).innerText()), 'reduction arithmetic');
}

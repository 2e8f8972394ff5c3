// Moves on the map: each suggested move is an arrow with its camera and gain at the middle; the moves
// survive a reload; moving a camera by hand drops them (they no longer fit the layout).
import { join } from 'node:path';
import { planWithMoves } from '../briefingPack.mjs';
import { assert, assertEqual, openApp, waitForMapIdle, waitForSources } from '../harness.mjs';

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await planWithMoves(page, 3);
  const listed = (await page.locator('.moves li').allInnerTexts()).map((t) => /^Move (RD-\d+) to .+: \+([\d,.]+) incidents/.exec(t)).filter(Boolean).map(([, id, gain]) => `${id} +${Math.round(Number(gain.replace(/,/g, '')))}`);
  assert(listed.length > 0, 'moves suggested');
  await waitForMapIdle(page);
  const labels = async () => (await page.locator('.move-label').allInnerTexts()).sort();
  assertEqual(await labels(), [...listed].sort(), 'one arrow label per move, with camera and gain');
  const map = await page.getByTestId('map').boundingBox();
  for (const box of await page.locator('.move-label').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
    assert(box.width > 0 && box.x >= map.x - box.width && box.x <= map.x + map.width, 'label placed on the map');
  }
  // Zoom to the first move so its arrow is large enough to look at.
  await page.locator('.move-label').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, 'moves-on-map.png') });

  // The workspace is written 0.6 s after a change; reload once it has been.
  await page.waitForTimeout(1500);
  await page.reload();
  await waitForSources(page, 2);
  await waitForMapIdle(page);
  await page.locator('.move-label').first().waitFor();
  assertEqual(await labels(), [...listed].sort(), 'moves kept across a reload');

  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await page.locator('summary', { hasText: 'Edit cameras by hand' }).click();
  await page.getByRole('button', { name: 'Move RD-01' }).click();
  await page.mouse.click(map.x + map.width / 3, map.y + map.height / 2);
  await page.locator('.move-label').first().waitFor({ state: 'detached' });
  assertEqual(await page.locator('.move-label').count(), 0, 'moves dropped when the layout changes by hand');
}

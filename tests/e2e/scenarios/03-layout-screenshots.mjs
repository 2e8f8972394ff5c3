// Look at the app as a user would, at two common screen sizes: the map is the main thing, the
// legend is readable and nothing overlaps. Also pins a cell and checks the details panel.
import { join } from 'node:path';
import { assert, assertEqual, openApp } from '../harness.mjs';

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export async function run({ browser, url, outDir }) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    const { page, consoleErrors } = await openApp(browser, url, { viewport });
    const map = await page.getByTestId('map').boundingBox();
    assert(map.width * map.height > 0.4 * viewport.width * viewport.height, `map is the main thing on screen at ${viewport.width}x${viewport.height}`);
    const legend = await page.getByRole('region', { name: 'Legend' }).boundingBox().catch(() => null) ?? await page.locator('.legend').boundingBox();
    const legendItems = await page.locator('.legend li').count();
    assert(legendItems >= 2, 'legend has classes');
    assert(legend.x >= map.x && legend.y >= map.y && legend.x + legend.width <= map.x + map.width, 'legend inside the map');
    const navigation = await page.locator('.maplibregl-ctrl-top-right').boundingBox();
    assert(!overlaps(legend, navigation), 'legend clear of the zoom buttons');
    // Pin the top hotspot from the table; its details show counts and the H3 index.
    await page.locator('.top-table tbody tr').first().click();
    await page.getByRole('region', { name: 'Pinned cell' }).getByText('incidents in the current filter').waitFor();
    const index = await page.locator('.h3-index').innerText();
    assert(/^[0-9a-f]{15}$/.test(index), `H3 index shown (${index})`);
    await page.waitForTimeout(900);
    await page.screenshot({ path: join(outDir, `app-${viewport.width}x${viewport.height}.png`) });
    assertEqual(consoleErrors.filter((e) => !e.includes('net::ERR')), [], 'no console errors besides the offline basemap probe');
  }
}

// Look at the app as a user would, at two common screen sizes: the map is the main thing, the
// legend is readable and nothing overlaps. Also pins a cell and checks the details panel.
import { join } from 'node:path';
import { assert, assertEqual, mapCanvasPixels, openApp, waitForMapIdle } from '../harness.mjs';

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export async function run({ browser, url, outDir }) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    const { page, consoleErrors } = await openApp(browser, url, { viewport });
    const map = await page.getByTestId('map').boundingBox();
    assert(map.width * map.height > 0.4 * viewport.width * viewport.height, `map is the main thing on screen at ${viewport.width}x${viewport.height}`);
    // The map's own canvas fills it and shows the cells: the count ramp's warm colours (red well above
    // blue) cover a good share of it, which the plain background, zones and cameras never are.
    await waitForMapIdle(page);
    const canvas = await mapCanvasPixels(page);
    let warm = 0;
    for (let i = 0; i < canvas.rgba.length; i += 4) if (canvas.rgba[i] - canvas.rgba[i + 2] > 40) warm++;
    const warmShare = warm / (canvas.rgba.length / 4);
    assert(canvas.width >= map.width - 1 && canvas.height >= map.height - 1, `the map canvas fills the map (${canvas.width}x${canvas.height} in ${map.width}x${map.height})`);
    assert(warmShare > 0.1, `the hotspot cells are drawn (${(100 * warmShare).toFixed(1)}% of the canvas in the ramp's colours)`);
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

// Hostile view links never blank the app: each invalid value is ignored and named in a notice, the
// valid rest applies, and no legend shows undefined, NaN or infinity.
import { assert, assertEqual, openApp, waitForMapIdle, waitForSources } from '../harness.mjs';

const HOSTILE = [
  ['map=5/100/0', ['map=5/100/0']],
  ['map=99/51.5/-0.2&res=7.5', ['map=99/51.5/-0.2', 'res=7.5']],
  ['from=2099-12&to=1990-01', ['from=2099-12', 'to=1990-01']],
  ['res=12&mode=kde&weight=cost&days=0,9&hours=-1', ['res=12', 'mode=kde', 'weight=cost', 'days=0,9', 'hours=-1']],
  ['map=NaN/Infinity/1e999&res=Infinity&from=2024-13', ['map=NaN/Infinity/1e999', 'res=Infinity', 'from=2024-13']],
  ['cat=constructor|__proto__|toString&res=10', ['categories not in this workspace: constructor, __proto__, toString']],
];

export async function run({ browser, url }) {
  for (const [hash, ignored] of HOSTILE) {
    const { page, consoleErrors } = await openApp(browser, `${url}#${hash}`, { waitForSample: false });
    await waitForSources(page, 2);
    await waitForMapIdle(page);
    const notice = page.getByRole('alert').filter({ hasText: 'Parts of the view link were not valid and were ignored' });
    await notice.waitFor();
    const text = await notice.innerText();
    for (const part of ignored) assert(text.includes(part), `${hash}: the notice names ${part} (${text})`);
    const legend = await page.locator('.legend').innerText();
    assert(!/undefined|NaN|∞|Infinity/.test(legend), `${hash}: a sound legend (${legend})`);
    assert(/H3 res (7|8|9|10|11)\b/.test(legend), `${hash}: a resolution the app offers (${legend})`);
    assertEqual(consoleErrors.filter((e) => !/Failed to load resource/.test(e)), [], `${hash}: nothing thrown`);
    if (hash.includes('res=10')) assertEqual(await page.getByLabel('H3 resolution').inputValue(), '10', 'the valid part of a link still applies');
    await page.context().close();
  }
}

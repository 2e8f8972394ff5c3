// Work is never lost across an upgrade: the release before named each stored file by a SHA-256 of
// its blocks ("sha256:" and 64 hex digits); files are now named by MurmurHash3 x86_128. A workspace
// kept in this browser by that release (the synthetic sample, as a first start leaves it) comes
// back whole after the upgrade: each file is found under its older name, read, and kept under the
// name it has now, the older copies are released, and the sample, known by its files' names, is
// still labelled synthetic in what the user exports. The workspace is the one a user makes by
// loading a file and bringing the sample back beside it (Undo), as kept before the upgrade.
import { join } from 'node:path';
import { assert, assertEqual, autosaveStore, download, loadFiles, openApp, parseCsv, root, waitForMapIdle, waitForSources, waitUntilKept } from '../harness.mjs';

/** Moves each stored file to its older name and writes the autosave as the release before kept it. */
function keepAsBefore(page, older, autosave) {
  return page.evaluate(
    ({ older, autosave }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('keyval', 'readwrite');
          const store = transaction.objectStore('keyval');
          for (const [now, before] of older) {
            const file = store.get(`file:${now}`);
            file.onsuccess = () => {
              store.put(file.result, `file:${before}`);
              store.delete(`file:${now}`);
            };
          }
          const held = store.get('workspace:held:main');
          held.onsuccess = () => store.put((held.result ?? []).map((f) => new Map(older).get(f) ?? f), 'workspace:held:main');
          store.put(autosave, 'workspace:autosave');
          transaction.onerror = () => reject(transaction.error);
          transaction.oncomplete = () => resolve();
        };
      }),
    { older: [...older], autosave },
  );
}

export async function run({ browser, url }) {
  const { page } = await openApp(browser, url);
  await loadFiles(page, [join(root, 'tests', 'fixtures', 'police-small.csv')]);
  await page.locator('.notice', { hasText: 'replaces the synthetic sample' }).getByRole('button', { name: 'Undo' }).click();
  await waitForSources(page, 3);
  const now = await waitUntilKept(page, 3);
  const { autosave } = await autosaveStore(page);
  assert(now.sources.every((f) => /^mmh3-128:[0-9a-f]{32}$/.test(f)), `files are named by MurmurHash3 x86_128: ${now.sources}`);
  const sampleFiles = autosave.panels.sample.fingerprints;
  assertEqual(sampleFiles.length, 2, 'the sample is known by its two files');

  const older = new Map(now.sources.map((f, i) => [f, `sha256:${String(i + 1).repeat(64)}`]));
  const rename = (f) => older.get(f) ?? f;
  await keepAsBefore(page, older, {
    ...autosave,
    sources: autosave.sources.map((s) => ({ ...s, fingerprint: rename(s.fingerprint) })),
    panels: { ...autosave.panels, sample: { ...autosave.panels.sample, fingerprints: autosave.panels.sample.fingerprints.map(rename) } },
  });
  const before = await autosaveStore(page);
  assertEqual([...before.files].sort(), [...older.values()].sort(), 'the browser holds the files under their older names only');

  await page.reload();
  await waitForSources(page, 3);
  await waitForMapIdle(page);
  assertEqual(await page.locator('.notice', { hasText: 'did not come back' }).count(), 0, 'nothing is named as lost');

  await page.locator('summary', { hasText: 'Briefing' }).click();
  const csv = parseCsv((await download(page, () => page.getByRole('button', { name: 'Export hotspots CSV' }).click())).bytes.toString('utf8'));
  assert(csv.length > 1 && csv.slice(1).every((row) => row.at(-1).startsWith('SYNTHETIC SAMPLE DATA')), 'every exported row is still labelled synthetic');
  assert(/2 sample data sources/.test(csv[1].at(-1)), `the note counts both sample files: ${csv[1].at(-1)}`);

  // Kept under the names they have now, and the older copies released once nothing names them.
  const after = await waitUntilKept(page, 3);
  assertEqual([...after.sources].sort(), [...now.sources].sort(), 'the files are kept under the names they have now');
  for (let i = 0; i < 60 && (await autosaveStore(page)).files.some((f) => f.startsWith('sha256:')); i++) await page.waitForTimeout(250);
  const { autosave: saved, files } = await autosaveStore(page);
  assertEqual(files.filter((f) => f.startsWith('sha256:')), [], 'the older copies are released');
  assertEqual([...saved.panels.sample.fingerprints].sort(), [...sampleFiles].sort(), 'the saved sample names its files as they are named now');
}

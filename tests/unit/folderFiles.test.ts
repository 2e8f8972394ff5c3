import { describe, expect, it } from 'vitest';
import { droppedFiles, folderDataFiles, type DroppedEntry } from '../../src/ui/folderFiles';

/** A dropped file entry, as the browser's drop API gives one. */
function fileEntry(fullPath: string): DroppedEntry {
  const file = new File(['x'], fullPath.split('/').pop()!);
  return { isFile: true, isDirectory: false, fullPath, file: (resolve) => resolve(file) };
}

/** A folder entry listing its children `perCall` at a time, then an empty list, as Chromium does. */
function folderEntry(fullPath: string, children: DroppedEntry[], perCall = 2): DroppedEntry {
  return {
    isFile: false,
    isDirectory: true,
    fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (resolve) => {
          resolve(children.slice(at, at + perCall));
          at += perCall;
        },
      };
    },
  };
}

describe('a dropped or picked folder', () => {
  // A police.uk download as a Mac unzips it: a folder a month, and the ZIP's own __MACOSX copies.
  const month = (m: string) => folderEntry(`/police/${m}`, ['street', 'outcomes', 'stop-and-search'].map((kind) => fileEntry(`/police/${m}/${m}-metropolitan-${kind}.csv`)));
  const download = folderEntry('/police', [month('2023-02'), month('2023-01'), fileEntry('/police/.DS_Store'), folderEntry('/police/__MACOSX', [fileEntry('/police/__MACOSX/2023-01/._2023-01-metropolitan-street.csv')])]);

  it('walks folders to any depth, reading each listing until it comes back empty', async () => {
    const found = await droppedFiles([download, fileEntry('/notes.csv')]);
    expect(found).toHaveLength(9);
    expect(found.map((f) => f.path)).toContain('/police/__MACOSX/2023-01/._2023-01-metropolitan-street.csv');
    expect(found.find((f) => f.path === '/notes.csv')?.file.name).toBe('notes.csv');
  });

  it("keeps every data file in path order, months in order, and leaves out the system's own entries", async () => {
    const files = folderDataFiles(await droppedFiles([download]));
    expect(files.map((file) => file.name)).toEqual([
      '2023-01-metropolitan-outcomes.csv', '2023-01-metropolitan-stop-and-search.csv', '2023-01-metropolitan-street.csv',
      '2023-02-metropolitan-outcomes.csv', '2023-02-metropolitan-stop-and-search.csv', '2023-02-metropolitan-street.csv',
    ]);
  });
});

import { isSystemEntry } from '../core/ingest/zipArchive';

/**
 * The files of a folder the user picked or dropped, as police.uk downloads unpack: one folder a
 * month (`2023-01/2023-01-metropolitan-street.csv`, with the month's outcomes and stop-and-search
 * files beside it). Every file goes to the loader, which reads or refuses each with its reason; only
 * the entries an operating system adds for itself are left out (`.DS_Store`, and the `__MACOSX`
 * folder of a ZIP made on a Mac, whose `._` files share the data files' names). In path order, so
 * the months come in order.
 */
export function folderDataFiles(files: readonly { file: File; path: string }[]): File[] {
  return files
    .filter(({ path }) => !isSystemEntry(path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(({ file }) => file);
}

/** Said when a picked or dropped folder gives nothing to load. */
export const NO_FILES_IN_FOLDER = "The folder holds no files to load (the system's own entries, such as .DS_Store, are left out).";

/** The parts of the drop API used here, so the walk can be tested without a browser. */
export interface DroppedEntry {
  isFile: boolean;
  isDirectory: boolean;
  fullPath: string;
  file?(resolve: (file: File) => void, reject: (error: unknown) => void): void;
  createReader?(): { readEntries(resolve: (entries: DroppedEntry[]) => void, reject: (error: unknown) => void): void };
}

/** Every file under the dropped entries, folders walked to any depth, with its path. */
export async function droppedFiles(entries: readonly DroppedEntry[]): Promise<{ file: File; path: string }[]> {
  const found: { file: File; path: string }[] = [];
  const walk = async (entry: DroppedEntry): Promise<void> => {
    if (entry.isFile && entry.file) {
      found.push({ file: await new Promise<File>((resolve, reject) => entry.file!(resolve, reject)), path: entry.fullPath });
    } else if (entry.isDirectory && entry.createReader) {
      const reader = entry.createReader();
      // A folder is listed in pieces (Chromium gives 100 entries a call) until an empty one.
      for (;;) {
        const batch = await new Promise<DroppedEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return found;
}

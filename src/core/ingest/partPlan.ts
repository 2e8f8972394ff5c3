// How a file is cut into parts for the parse workers, and what of a part moves between workers.
import { BLOCK_BYTES } from './contentHash';
import { CsvRecordReader } from './csvRecords';
import { readBytes, type ParsedPart, type PartLayout, type PartRange } from './filePart';
import { looksLikeJsonObject } from './geoJsonRecords';
import type { ByteSource } from './ingestFile';
import { headerOf, layoutFor } from './layout';
import { isParquet } from './parquet';
import type { ColumnMapping } from './schema';
import { sniffEncoding } from './sniff';

/**
 * The layout of a CSV whose parts can be read apart: police.uk or a mapped extract (a table of H3
 * counts is read whole: its counts are summed in file order). Null for anything else, or when the
 * first line is not in the first MiB, or for UTF-16, whose bytes a line feed can be half of.
 */
export async function splittableLayout(file: ByteSource, mapping: ColumnMapping | undefined): Promise<PartLayout | null> {
  const head = await readBytes(file, 0, Math.min(file.size, 1 << 20));
  if (!readsAsCsv(head)) return null;
  const encoding = sniffEncoding(head, file.name);
  if (encoding !== 'utf-8' && encoding !== 'windows-1252') return null;
  const reader = new CsvRecordReader();
  const [first] = reader.push(new TextDecoder(encoding).decode(head, { stream: true }));
  if (!first) return null;
  const header = headerOf(first, file.name);
  const layout = layoutFor(header, mapping);
  if ('request' in layout || layout.kind === 'h3') return null;
  return { encoding, delimiter: reader.fieldDelimiter, header, layout };
}

/** Cuts at 4 MiB block boundaries, so each part hashes whole blocks: `count` parts of about equal size. */
export function partRanges(size: number, count: number): PartRange[] {
  const blocks = Math.ceil(size / BLOCK_BYTES);
  const parts = Math.max(1, Math.min(count, blocks));
  const cut = (k: number) => (k >= parts ? size : Math.floor((k * blocks) / parts) * BLOCK_BYTES);
  return Array.from({ length: parts }, (_, k) => ({ from: cut(k), to: cut(k + 1) }));
}

/** False for the formats read whole rather than in parts (Parquet, GeoJSON), told by their first bytes. */
export function readsAsCsv(head: Uint8Array): boolean {
  return !isParquet(head) && !looksLikeJsonObject(head);
}

/** The objects a part holds that can be moved to another worker rather than copied. */
export function transferablesOf(part: ParsedPart): ArrayBuffer[] {
  const arrays = [...Object.values(part.columns), ...Object.values(part.ids), part.dictionaries.lat, part.dictionaries.lng, part.categoryCounts, part.blockHashes];
  return arrays.flatMap((array) => (array ? [array.buffer as ArrayBuffer] : []));
}

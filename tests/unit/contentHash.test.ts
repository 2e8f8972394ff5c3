import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ContentHasher, identifyFile } from '../../src/core/ingest/contentHash';
import { Dataset } from '../../src/core/dataset';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

async function hashOf(bytes: Uint8Array, pieces: number[]): Promise<string> {
  const hasher = new ContentHasher();
  let offset = 0;
  for (const size of pieces) {
    hasher.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  hasher.push(bytes.subarray(offset));
  return hasher.finish();
}

describe('file identity from the whole content', () => {
  it('is SHA-256 over the length and each 4 MiB block digest (values from Python hashlib)', async () => {
    expect(await hashOf(new TextEncoder().encode('abc'), [])).toBe('sha256:c6e41acde509326dfe36504dd58eeafd4195bc8900d4e531a6d7780802609ae6');
    expect(await hashOf(new Uint8Array(0), [])).toBe('sha256:ba768b331fd86cec803be04e56ab2b3d4c0e98ef4ee4fcd4e72ad7cce61a1d1f');
  });
  it('does not depend on how the file was cut while reading', async () => {
    const bytes = new Uint8Array(9 << 20).map((_, i) => (i * 31) & 255);
    const blocks = [0, 1, 2].map((b) => createHash('sha256').update(bytes.subarray(b << 22, (b + 1) << 22)).digest());
    const expected = createHash('sha256').update(Buffer.concat([Buffer.from(`${bytes.length}:`), ...blocks])).digest('hex');
    expect(await hashOf(bytes, [])).toBe(`sha256:${expected}`);
    expect(await hashOf(bytes, [1, 4 << 20, 3, 1000])).toBe(`sha256:${expected}`);
  });
  it('tells apart two files of equal size and equal first 64 KiB', async () => {
    const asb = policeLine({ id: '', type: 'Anti-social behaviour', outcome: '' });
    const body = (last: string) => [POLICE_HEADER, ...Array.from({ length: 2000 }, () => asb), policeLine({ id: '', type: last, outcome: '' })].join('\n');
    const a = new TextEncoder().encode(body('Burglary'));
    const b = new TextEncoder().encode(body('Robbery!'));
    expect(a.length).toBe(b.length);
    expect(a.subarray(0, 65536)).toEqual(b.subarray(0, 65536));
    const dataset = new Dataset();
    const loaded = await Promise.all([a, b].map((bytes, i) => ingestFile(dataset, memorySource(`f${i}.csv`, bytes))));
    const [fa, fb] = loaded.map((r) => (r.status === 'loaded' ? r.source.summary.fingerprint : ''));
    expect(fa).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fa).not.toBe(fb);
    expect(await identifyFile(memorySource('a.csv', a))).toBe(fa);
  });
});

import { describe, expect, it } from 'vitest';
import { ContentHasher, identifyFile, murmur3x128 } from '../../src/core/ingest/contentHash';
import { Dataset } from '../../src/core/dataset';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

function hashOf(bytes: Uint8Array, pieces: number[]): string {
  const hasher = new ContentHasher();
  let offset = 0;
  for (const size of pieces) {
    hasher.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  hasher.push(bytes.subarray(offset));
  return hasher.finish();
}

const hex = (words: Uint32Array): string => Array.from(words, (w) => w.toString(16).padStart(8, '0')).join('');
const murmur = (bytes: Uint8Array, seed = 0): string => hex(murmur3x128(bytes, new Uint32Array(4), seed));

describe('MurmurHash3 x86_128', () => {
  it('gives the reference values', () => {
    // Values from murmurhash3js-revisited 3.0.0 (x86.hash128, seed 0), a port of the reference code.
    expect(murmur(new Uint8Array(0))).toBe('00000000000000000000000000000000');
    expect(murmur(new TextEncoder().encode('hello'))).toBe('2b2444a0db91def79adb31b69adb31b6');
    expect(murmur(new TextEncoder().encode('The quick brown fox jumps over the lazy dog'))).toBe('2f1583c3ecee2c675d7bf66ce5e91d2c');
  });
  it("passes SMHasher's verification (0xB3ECE62A): every tail length, every seed step", () => {
    // SMHasher hashes the keys {}, {0}, {0,1}, ... {0..254} with seeds 256, 255, ... 2, then the 256
    // results together with seed 0; the first four bytes, little-endian, are the published value.
    const key = Uint8Array.from({ length: 256 }, (_, i) => i);
    const results = new Uint32Array(256 * 4);
    for (let i = 0; i < 256; i++) murmur3x128(key.subarray(0, i), results.subarray(i * 4, i * 4 + 4), 256 - i);
    expect(murmur3x128(new Uint8Array(results.buffer), new Uint32Array(4))[0]).toBe(0xb3ece62a);
  });
  it('reads a block that starts at any byte of its buffer', () => {
    const buffer = Uint8Array.from({ length: 1000 }, (_, i) => (i * 131) & 255);
    for (const start of [1, 2, 3]) expect(murmur(buffer.subarray(start, start + 997))).toBe(murmur(buffer.slice(start, start + 997)));
  });
});

describe('file identity from the whole content', () => {
  it('is MurmurHash3 x86_128 over the length (two words) and each 4 MiB block hash', () => {
    const blockHash = (bytes: Uint8Array) => murmur3x128(bytes, new Uint32Array(4));
    const abc = new TextEncoder().encode('abc');
    expect(hashOf(abc, [])).toBe(`mmh3-128:${murmur(new Uint8Array(Uint32Array.from([3, 0, ...blockHash(abc)]).buffer))}`);
    expect(hashOf(new Uint8Array(0), [])).toBe(`mmh3-128:${murmur(new Uint8Array(8))}`);
  });
  it('does not depend on how the file was cut while reading', () => {
    const bytes = new Uint8Array(9 << 20).map((_, i) => (i * 31) & 255);
    const blocks = [0, 1, 2].flatMap((b) => [...murmur3x128(bytes.subarray(b << 22, (b + 1) << 22), new Uint32Array(4))]);
    const expected = `mmh3-128:${murmur(new Uint8Array(Uint32Array.from([bytes.length, 0, ...blocks]).buffer))}`;
    expect(hashOf(bytes, [])).toBe(expected);
    expect(hashOf(bytes, [1, 4 << 20, 3, 1000])).toBe(expected);
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
    expect(fa).toMatch(/^mmh3-128:[0-9a-f]{32}$/);
    expect(fa).not.toBe(fb);
    expect(await identifyFile(memorySource('a.csv', a))).toBe(fa);
  });
});

import { describe, expect, it } from 'vitest';
import { FIRST_HASH, hashText, IdsByHashes, SECOND_HASH, StringInterner } from '../../src/core/ingest/columns';
import { LineIndexer } from '../../src/core/ingest/lineIndex';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('text hashes', () => {
  it('are MurmurHash3 x86_32 (published test vectors)', () => {
    // Vectors from the MurmurHash3 reference implementation's users (SMHasher; Wikipedia's MurmurHash article).
    const murmur = (text: string, seed: number) => hashText(text, { ...FIRST_HASH, seed });
    expect(murmur('', 0)).toBe(0);
    expect(murmur('', 1)).toBe(0x514e28b7);
    expect(murmur('abc', 0)).toBe(0xb3dd93fa);
    expect(murmur('aaaa', 0x9747b28c)).toBe(0x5a97808a);
    expect(murmur('abcd', 0x9747b28c)).toBe(0xf0478627);
    expect(murmur('Hello, world!', 1234)).toBe(0xfaf6cdb3);
    expect(murmur('The quick brown fox jumps over the lazy dog', 0x9747b28c)).toBe(0x2fa826cd);
  });

  it('give ASCII bytes hashed in WebAssembly (LineIndexer) the numbers of their text, wherever the bytes lie', () => {
    const indexer = new LineIndexer();
    const texts = ['', 'a', 'ab', 'abc', 'On or near Kingsbury Road', 'Brent 012A', 'Anti-social behaviour', 'E01000527,Brent 012A,Drugs', 'The quick brown fox jumps over the lazy dog'];
    for (const text of texts) {
      for (let offset = 0; offset < 5; offset++) {
        const bytes = new Uint8Array(offset + text.length + 3).fill(0x7a);
        bytes.set(ascii(text), offset);
        indexer.index(bytes, 0, bytes.length);
        const to = offset + text.length;
        expect(indexer.hash(offset, to)).toBe(hashText(text));
        expect(indexer.hash(offset, to, SECOND_HASH)).toBe(hashText(text, SECOND_HASH));
      }
    }
  });

  it('tell 200,000 similar short texts apart with both hashes, and collide on one no more than chance allows', () => {
    const pairs = new Set<string>();
    const firsts = new Set<number>();
    let firstCollisions = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const text = `Type ${i}`;
      const first = hashText(text);
      if (firsts.has(first)) firstCollisions++;
      firsts.add(first);
      pairs.add(`${first}:${hashText(text, SECOND_HASH)}`);
    }
    expect(pairs.size).toBe(n);
    // Chance gives n^2 / 2^33, about 4.7; a weak mix gives thousands.
    expect(firstCollisions).toBeLessThan(20);
  });

  it('find ids by both hashes and the length: texts sharing a first hash, or both hashes, stay apart, through growth', () => {
    const ids = new IdsByHashes();
    ids.add(7, 1, 5, 0);
    ids.add(7, 2, 5, 1);
    ids.add(7, 2, 6, 2);
    // The first hash past 2^31, as LineIndexer.hash returns it.
    ids.add(0xfffffff9, 3, 5, 3);
    for (let k = 0; k < 5000; k++) ids.add(1000 + k * 4096, k, 10, 10 + k);
    expect([ids.idOf(7, 1, 5), ids.idOf(7, 2, 5), ids.idOf(7, 2, 6), ids.idOf(0xfffffff9, 3, 5)]).toEqual([0, 1, 2, 3]);
    expect(ids.idOf(7, 3, 5)).toBe(-1);
    expect(ids.idOf(1000 + 4999 * 4096, 4999, 10)).toBe(5009);
    // A text added twice keeps its first id.
    ids.add(7, 1, 5, 99);
    expect(ids.idOf(7, 1, 5)).toBe(0);
  });

  it('intern ASCII bytes once, found again by their hashes without decoding', () => {
    const interner = new StringInterner();
    const bytes = new TextEncoder().encode('xOn or near Park Roadx');
    const indexer = new LineIndexer();
    indexer.index(bytes, 0, bytes.length);
    const hashes = (from: number, to: number) => [indexer.hash(from, to), indexer.hash(from, to, SECOND_HASH)] as const;
    const id = interner.internAscii(bytes, 1, 21, ...hashes(1, 21));
    expect(interner.values[id]).toBe('On or near Park Road');
    expect(interner.internAscii(bytes, 1, 21, ...hashes(1, 21))).toBe(id);
    expect(interner.intern('On or near Park Road')).toBe(id);
    expect(interner.values[interner.internAscii(bytes, 1, 20, ...hashes(1, 20))]).toBe('On or near Park Roa');
  });
});

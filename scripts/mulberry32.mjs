// A small deterministic random generator (mulberry32), in plain JavaScript so the TypeScript generators
// and benchmarks and the end-to-end tests' file writers (plain node) share it: the same seed, the same files.

/** Numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

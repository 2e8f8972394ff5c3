/** Numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number;

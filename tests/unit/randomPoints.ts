/** A repeatable stream of numbers in [0, 1). */
export function randomStream(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

export const DEGREES = 180 / Math.PI;

/** A point spread evenly over the globe, as [lat, lng] in degrees. */
export function pointOnGlobe(random: () => number): [number, number] {
  return [Math.asin(2 * random() - 1) * DEGREES, random() * 360 - 180];
}

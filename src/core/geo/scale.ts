/** The longest round distance (1, 2 or 5 × 10ⁿ m) that fits in `maxUnits` at `metresPerUnit` (pixels or millimetres). */
export function niceScaleLength(metresPerUnit: number, maxUnits: number): { metres: number; units: number } {
  const maxMetres = metresPerUnit * maxUnits;
  const magnitude = 10 ** Math.floor(Math.log10(maxMetres));
  const metres = [5, 2, 1].map((f) => f * magnitude).find((m) => m <= maxMetres) ?? magnitude;
  return { metres, units: metres / metresPerUnit };
}

export const scaleLabel = (metres: number): string => (metres >= 1000 ? `${metres / 1000} km` : `${metres} m`);

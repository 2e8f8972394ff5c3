/**
 * Benjamini-Hochberg false discovery rate (Benjamini & Hochberg 1995): sort the m p-values; the
 * largest p_(i) with p_(i) ≤ (i / m)·q is the threshold, and every p at or below it is a
 * discovery. Returns that threshold, or null when nothing passes: a threshold of exactly 0 is a
 * real one (p-values of the strongest cells underflow to 0 beyond z ≈ 38) and must not mean "none".
 */
export function benjaminiHochbergThreshold(p: ArrayLike<number>, q: number): number | null {
  return thresholdOfSorted(Float64Array.from(p).sort(), q);
}

function thresholdOfSorted(sorted: Float64Array, q: number): number | null {
  const m = sorted.length;
  for (let i = m; i >= 1; i--) if (sorted[i - 1] <= (i / m) * q) return sorted[i - 1];
  return null;
}

/** Confidence levels as ArcGIS's Gi_Bin reports them: ±3 at 99%, ±2 at 95%, ±1 at 90%. */
export const CONFIDENCE_LEVELS = [
  { bin: 3, alpha: 0.01, label: '99% confidence' },
  { bin: 2, alpha: 0.05, label: '95% confidence' },
  { bin: 1, alpha: 0.1, label: '90% confidence' },
] as const;

/**
 * Hot (+) and cold (−) bins −3 … +3 from z and two-sided p. Without FDR a cell takes the highest
 * level whose alpha its p meets. With FDR the alpha of each level is replaced by that level's
 * Benjamini-Hochberg threshold over all cells (q = alpha), which guards against the many tests a
 * grid of cells makes: with thousands of cells, ~10% would pass at 90% by chance alone.
 */
export function hotspotBins(z: ArrayLike<number>, p: ArrayLike<number>, options: { fdr: boolean }): Int8Array {
  const sorted = options.fdr ? Float64Array.from(p).sort() : null;
  const levels = CONFIDENCE_LEVELS.map((level) => ({ bin: level.bin, threshold: sorted ? thresholdOfSorted(sorted, level.alpha) : level.alpha }));
  const bins = new Int8Array(z.length);
  for (let i = 0; i < z.length; i++) {
    for (const { bin, threshold } of levels) {
      if (threshold !== null && p[i] <= threshold) {
        bins[i] = z[i] > 0 ? bin : -bin;
        break;
      }
    }
  }
  return bins;
}

/**
 * Class breaks for a choropleth: up to k − 1 ascending thresholds (duplicates dropped, so skewed
 * data may give fewer classes). A value's class is the number of thresholds strictly below it.
 * - quantile: equal numbers of cells per class (thresholds at the i/k quantiles);
 * - equal: equal-width intervals between min and max;
 * - jenks: Fisher-Jenks natural breaks (minimises within-class squared deviation by dynamic
 *   programming, O(k·n²) on the sorted distinct values, sampled to at most 1,000 for speed).
 */
export type ClassBreakMethod = 'quantile' | 'equal' | 'jenks';

export function classBreaks(values: ArrayLike<number>, method: ClassBreakMethod, classes: number): number[] {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0 || classes < 2) return [];
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === max) return [];
  let thresholds: number[];
  if (method === 'equal') {
    thresholds = Array.from({ length: classes - 1 }, (_, i) => min + ((i + 1) * (max - min)) / classes);
  } else if (method === 'quantile') {
    thresholds = Array.from({ length: classes - 1 }, (_, i) => sorted[Math.min(sorted.length - 1, Math.floor(((i + 1) * sorted.length) / classes) - 1)]);
  } else {
    thresholds = jenksThresholds(sampleSorted(sorted, 1000), classes);
  }
  return [...new Set(thresholds.filter((t) => t >= min && t < max))].sort((a, b) => a - b);
}

/** Index of the class a value falls in: the number of thresholds strictly below it. */
export function classOf(value: number, thresholds: readonly number[]): number {
  let cls = 0;
  while (cls < thresholds.length && value > thresholds[cls]) cls++;
  return cls;
}

function sampleSorted(sorted: Float64Array, limit: number): Float64Array {
  if (sorted.length <= limit) return sorted;
  return Float64Array.from({ length: limit }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (limit - 1))]);
}

/** Fisher-Jenks: thresholds are the last values of each class but the top one. */
function jenksThresholds(data: Float64Array, classes: number): number[] {
  const n = data.length;
  const k = Math.min(classes, n);
  // cost[j][i]: least squared deviation splitting data[0..i] into j+1 classes; last[j][i]: start of the final class.
  const cost = Array.from({ length: k }, () => new Float64Array(n).fill(Infinity));
  const last = Array.from({ length: k }, () => new Int32Array(n));
  const prefix = new Float64Array(n + 1);
  const prefixSq = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = prefix[i] + data[i];
    prefixSq[i + 1] = prefixSq[i] + data[i] * data[i];
  }
  const ssd = (from: number, to: number): number => {
    const count = to - from + 1;
    const sum = prefix[to + 1] - prefix[from];
    return prefixSq[to + 1] - prefixSq[from] - (sum * sum) / count;
  };
  for (let i = 0; i < n; i++) cost[0][i] = ssd(0, i);
  for (let j = 1; j < k; j++) {
    for (let i = j; i < n; i++) {
      for (let start = j; start <= i; start++) {
        const candidate = cost[j - 1][start - 1] + ssd(start, i);
        if (candidate < cost[j][i]) {
          cost[j][i] = candidate;
          last[j][i] = start;
        }
      }
    }
  }
  const thresholds: number[] = [];
  let end = n - 1;
  for (let j = k - 1; j > 0; j--) {
    const start = last[j][end];
    thresholds.unshift(data[start - 1]);
    end = start - 1;
  }
  return thresholds;
}

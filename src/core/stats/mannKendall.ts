import { normalTwoSidedP } from './normal';

/**
 * Mann-Kendall trend test (Mann 1945; Kendall 1975) on a series x₁ … xₙ:
 *   S = Σ_{i<j} sign(x_j − x_i)
 *   Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18, summing over groups of t tied values
 *   z = (S − 1)/√Var if S > 0, (S + 1)/√Var if S < 0, 0 if S = 0 (continuity correction)
 *   τ = S / (n(n−1)/2); p two-sided from the normal.
 */
export interface MannKendall {
  s: number;
  varS: number;
  z: number;
  p: number;
  tau: number;
}

export function mannKendall(series: ArrayLike<number>): MannKendall {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += Math.sign(series[j] - series[i]);
  const ties = new Map<number, number>();
  for (let i = 0; i < n; i++) ties.set(series[i], (ties.get(series[i]) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) if (t > 1) tieTerm += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = s === 0 || varS <= 0 ? 0 : (s > 0 ? s - 1 : s + 1) / Math.sqrt(varS);
  return { s, varS, z, p: normalTwoSidedP(z), tau: n > 1 ? s / ((n * (n - 1)) / 2) : 0 };
}

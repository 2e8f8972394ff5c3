/**
 * Exact conditional test of two Poisson counts (Przyborowski & Wilenski 1940): given a total of
 * n = a + b incidents, under equal rates the later count b is Binomial(n, p0) with
 * p0 = later length / (earlier length + later length). The two-sided p sums the probabilities of
 * every outcome no more likely than the one observed (as R's binom.test does).
 */
const logFactorials: number[] = [0];

function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials.push(logFactorials[i - 1] + Math.log(i));
  return logFactorials[n];
}

function binomialLogPmf(k: number, n: number, p: number): number {
  if (p <= 0) return k === 0 ? 0 : -Infinity;
  if (p >= 1) return k === n ? 0 : -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p);
}

export function binomialTwoSidedP(k: number, n: number, p: number): number {
  if (n === 0) return 1;
  const observed = binomialLogPmf(k, n, p);
  // Relative tolerance so outcomes exactly as likely as the observed one are not lost to rounding.
  const bound = observed + Math.log1p(1e-7);
  let total = 0;
  for (let i = 0; i <= n; i++) {
    const logP = binomialLogPmf(i, n, p);
    if (logP <= bound) total += Math.exp(logP);
  }
  return Math.min(1, total);
}

export type ChangeClass = 'significant rise' | 'significant fall' | 'no significant change';

/** The change class of a cell from its counts and the periods' lengths (months), at level `alpha`. */
export function changeClass(earlier: number, later: number, earlierMonths: number, laterMonths: number, alpha: number): { className: ChangeClass; p: number } {
  const p = binomialTwoSidedP(later, earlier + later, laterMonths / (earlierMonths + laterMonths));
  if (p >= alpha) return { className: 'no significant change', p };
  return { className: later / laterMonths > earlier / earlierMonths ? 'significant rise' : 'significant fall', p };
}

/**
 * The fewest incidents over both periods for which any split can be significant at `alpha`: below
 * it, even all incidents in one period is no evidence of change (6 for equal periods at 5%).
 */
export function minimumTotalForSignificance(earlierMonths: number, laterMonths: number, alpha: number): number {
  const p0 = laterMonths / (earlierMonths + laterMonths);
  for (let n = 1; n < 10_000; n++) if (binomialTwoSidedP(n, n, p0) < alpha || binomialTwoSidedP(0, n, p0) < alpha) return n;
  return Infinity;
}

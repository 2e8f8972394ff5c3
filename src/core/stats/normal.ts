/**
 * Complementary error function, Chebyshev fit (Press et al., Numerical Recipes, §6.2 `erfcc`):
 * fractional error below 1.2·10⁻⁷ everywhere, so p-values stay accurate deep in the tail. The
 * exponent is summed before exp(), so the two-sided p of every z below about 38 is positive; only
 * beyond that does it underflow to 0 (which the FDR step handles as the smallest p).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const tail =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? tail : 2 - tail;
}

/** Two-sided p of a standard normal z: P(|Z| ≥ |z|) = erfc(|z| / √2). */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** One-sided upper-tail p: P(Z ≥ z). */
export function normalUpperP(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}

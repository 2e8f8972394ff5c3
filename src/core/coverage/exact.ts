import type highsLoader from 'highs';
import { CoreError } from '../errors';
import { coveredBeyondFixed, greedyPlacement, spacedFrom, type PlacementInput } from './greedy';

/**
 * The exact maximal covering location problem as an integer program, solved by HiGHS (WebAssembly):
 *
 *   maximise Σ_i w_i y_i
 *   s.t.     y_i ≤ Σ_{s covers i} x_s   for every demand point i not already covered
 *            Σ_s x_s = p
 *            x_s + x_t ≤ 1               for candidate pairs closer than the minimum spacing
 *            x_s ∈ {0,1}, 0 ≤ y_i ≤ 1
 *
 * Coverage is binary here (a point is covered or not): with distance decay the "best camera
 * counts" rule is not linear, so the exact model ignores decay and says so. The greedy answer on
 * the same binary model is reported beside it, with the gap.
 */
export interface ExactResult {
  sites: number[];
  objective: number;
  greedyObjective: number;
  /** (optimum − greedy) / optimum, in percent. */
  gapPct: number;
  status: string;
  solveMs: number;
}

type Loaded = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Loaded> | null = null;

/** Loads HiGHS once, on first use (3.5 MB of WebAssembly); in the browser `locateFile` points at the bundled highs.wasm. */
export function loadSolver(locateFile?: (file: string) => string): Promise<Loaded> {
  solver ??= import('highs').then(({ default: load }) => load(locateFile ? { locateFile } : {}));
  return solver;
}

export function mclpProgram(input: PlacementInput): { text: string; binary: PlacementInput } {
  const { matrix, weight, alreadyCovered, p } = input;
  const binary: PlacementInput = { ...input, matrix: { ...matrix, factor: new Float32Array(matrix.factor.length).fill(1) }, alreadyCovered: alreadyCovered.map((c) => (c > 0 ? 1 : 0)) };
  const coveredBy = new Map<number, number[]>();
  for (let s = 0; s < matrix.sites; s++) {
    if (input.excluded?.has(s)) continue;
    for (let e = matrix.offsets[s]; e < matrix.offsets[s + 1]; e++) {
      const i = matrix.demand[e];
      if (binary.alreadyCovered[i] > 0 || weight[i] <= 0) continue;
      const list = coveredBy.get(i);
      if (list) list.push(s);
      else coveredBy.set(i, [s]);
    }
  }
  const objective: string[] = [];
  const constraints: string[] = [];
  const bounds: string[] = [];
  for (const [i, sites] of coveredBy) {
    objective.push(`${weight[i]} y${i}`);
    constraints.push(` c${i}: y${i} - ${sites.map((s) => `x${s}`).join(' - ')} <= 0`);
    bounds.push(` 0 <= y${i} <= 1`);
  }
  const candidates = Array.from({ length: matrix.sites }, (_, s) => s).filter((s) => !input.excluded?.has(s));
  constraints.push(` count: ${candidates.map((s) => `x${s}`).join(' + ')} <= ${p}`);
  if (input.minSpacingM > 0) {
    for (let a = 0; a < candidates.length; a++) {
      for (let b = a + 1; b < candidates.length; b++) {
        if (!spacedFrom(input, candidates[b], [candidates[a]])) constraints.push(` sp${candidates[a]}_${candidates[b]}: x${candidates[a]} + x${candidates[b]} <= 1`);
      }
    }
  }
  const text = ['Maximize', ` obj: ${objective.length > 0 ? objective.join(' + ') : '0 x0'}`, 'Subject To', ...constraints, 'Bounds', ...bounds, 'Binary', ...candidates.map((s) => ` x${s}`), 'End'].join('\n');
  return { text, binary };
}

export async function exactPlacement(input: PlacementInput, options: { timeLimitS?: number; locateFile?: (file: string) => string } = {}): Promise<ExactResult> {
  const highs = await loadSolver(options.locateFile);
  const { text, binary } = mclpProgram(input);
  const started = performance.now();
  const solution = highs.solve(text, { time_limit: options.timeLimitS ?? 30, mip_rel_gap: 0 });
  const solveMs = performance.now() - started;
  if (solution.Status !== 'Optimal' && solution.Status !== 'Time limit reached') throw new CoreError('SOLVER_FAILED', `The exact solver stopped without an answer (${solution.Status}).`);
  const sites = Object.entries(solution.Columns)
    .filter(([name, column]) => name.startsWith('x') && (column as { Primal: number }).Primal > 0.5)
    .map(([name]) => Number(name.slice(1)))
    .sort((a, b) => a - b);
  const objective = coveredBeyondFixed(binary, sites);
  const greedyObjective = greedyPlacement(binary).objective;
  return { sites, objective, greedyObjective, gapPct: objective > 0 ? (100 * (objective - greedyObjective)) / objective : 0, status: solution.Status, solveMs };
}

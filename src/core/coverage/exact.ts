import type highsLoader from 'highs';
import { CoreError } from '../errors';
import { coverageOf } from './coverageMatrix';
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
  /** The best solution found: the optimum when `optimal`, else the best incumbent at the time limit. */
  sites: number[];
  objective: number;
  greedyObjective: number;
  /** True when HiGHS proved the solution optimal. */
  optimal: boolean;
  /** Proven upper bound on the optimum (equal to `objective` when optimal); null when the solver stopped before proving one. */
  bound: number | null;
  /** (bound − objective) / bound, in percent: the most the solution can fall short of the optimum; null without a bound. */
  boundGapPct: number | null;
  /** (objective − greedy) / objective, in percent. */
  gapPct: number;
  status: string;
  timeLimitS: number;
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

/** What HiGHS reports after a run, read from its model status and info. */
export interface SolverOutcome {
  optimal: boolean;
  status: string;
  /** False when no feasible solution was found in time. */
  hasSolution: boolean;
  /** mip_dual_bound; not finite when no bound was proved. */
  dualBound: number;
}

/** The plain verdict on an outcome: no solution is refused with the reason, never shown as "optimum 0". */
export function checkOutcome(outcome: SolverOutcome, timeLimitS: number): void {
  if (outcome.hasSolution) return;
  const reason = outcome.status === 'Time limit reached' ? `found no solution within its ${timeLimitS} s time limit` : `stopped without a solution (${outcome.status})`;
  throw new CoreError('SOLVER_FAILED', `The exact solver ${reason}; the greedy plan stands.`);
}

const DEFAULT_TIME_LIMIT_S = 30;

/**
 * Solves the program, starting from the greedy plan (so a solution stopped by the time limit is
 * never worse than greedy), and reads the incumbent, the proven bound and the status from HiGHS.
 */
export async function exactPlacement(input: PlacementInput, options: { timeLimitS?: number; locateFile?: (file: string) => string } = {}): Promise<ExactResult> {
  const highs = await loadSolver(options.locateFile);
  const timeLimitS = options.timeLimitS ?? DEFAULT_TIME_LIMIT_S;
  const { text, binary } = mclpProgram(input);
  const greedy = greedyPlacement(binary);
  const started = performance.now();
  const model = highs.createModel({ format: 'lp', data: text });
  try {
    model.options.set({ time_limit: timeLimitS, mip_rel_gap: 0, output_flag: false });
    const names = Array.from({ length: model.getDimensions().numCols }, (_, j) => model.getColName(j));
    model.setSolution({ colValue: startingPoint(names, binary, greedy.sites) });
    const { modelStatus } = model.run();
    const solveMs = performance.now() - started;
    const outcome: SolverOutcome = {
      optimal: modelStatus === highs.constants.modelStatus.optimal,
      status: statusName(modelStatus, highs.constants.modelStatus),
      hasSolution: model.info.get('primal_solution_status') === 2,
      dualBound: Number(model.info.get('mip_dual_bound')),
    };
    checkOutcome(outcome, timeLimitS);
    const values = model.getSolution().colValue;
    const sites = names.flatMap((name, j) => (name.startsWith('x') && values[j] > 0.5 ? [Number(name.slice(1))] : [])).sort((a, b) => a - b);
    const objective = coveredBeyondFixed(binary, sites);
    const bound = outcome.optimal ? objective : Number.isFinite(outcome.dualBound) ? Math.max(objective, outcome.dualBound) : null;
    return {
      sites,
      objective,
      greedyObjective: greedy.objective,
      optimal: outcome.optimal,
      bound,
      boundGapPct: bound === null ? null : bound > 0 ? (100 * (bound - objective)) / bound : 0,
      gapPct: objective > 0 ? (100 * (objective - greedy.objective)) / objective : 0,
      status: outcome.status,
      timeLimitS,
      solveMs,
    };
  } finally {
    model.dispose();
  }
}

/** The greedy sites and the demand they cover, as a full column vector in the model's column order. */
function startingPoint(names: readonly string[], binary: PlacementInput, sites: readonly number[]): Float64Array {
  const chosen = new Set(sites);
  const covered = coverageOf(binary.matrix, sites);
  return Float64Array.from(names, (name) => {
    const index = Number(name.slice(1));
    if (name.startsWith('x')) return chosen.has(index) ? 1 : 0;
    return name.startsWith('y') && covered[index] > 0 ? 1 : 0;
  });
}

function statusName(code: number, names: Readonly<Record<string, number>>): string {
  if (code === names.optimal) return 'Optimal';
  if (code === names.timeLimit) return 'Time limit reached';
  return Object.keys(names).find((name) => names[name] === code) ?? `status ${code}`;
}

const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const pct = (value: number) => `${value.toFixed(2)}%`;

/** One line on an exact solve, for the panel and the briefing: optimum and greedy gap, or what the time limit left. */
export function describeExact(exact: Omit<ExactResult, 'sites'>): string {
  const timing = `${exact.status}, ${Math.round(exact.solveMs)} ms`;
  if (exact.optimal) return `Optimum ${count.format(exact.objective)}, greedy ${count.format(exact.greedyObjective)}: gap ${pct(exact.gapPct)} (${timing}). Binary coverage, no decay.`;
  const found = `Stopped at the ${exact.timeLimitS} s time limit without proving the optimum. Best solution found ${count.format(exact.objective)} (greedy ${count.format(exact.greedyObjective)})`;
  const bound = exact.bound === null || exact.boundGapPct === null ? 'no bound on the optimum was proved in time, so how far it is from the optimum is unknown' : `the optimum is at most ${count.format(exact.bound)}, so this is at most ${pct(exact.boundGapPct)} below it`;
  return `${found}; ${bound} (${timing}). Binary coverage, no decay.`;
}

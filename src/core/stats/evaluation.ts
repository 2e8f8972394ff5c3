import { cellOrder } from '../hotspots/rank';
import { normalTwoSidedP, normalUpperP } from './normal';

/**
 * Did an intervention work? Controlled before/after counts, and the Weighted Displacement
 * Difference test (Wheeler & Ratcliffe 2018, Crime Science 7:11).
 *
 * Before/after with a control C for the treated area T:
 *   DiD = (T_after − T_before) − (C_after − C_before)
 *   relative effect = (T_after / T_before) / (C_after / C_before)   (< 1: T fell relative to C)
 *   expected T_after = T_before · C_after / C_before; observed − expected
 */
export interface Counts {
  before: number;
  after: number;
}

export interface BeforeAfterEffect {
  did: number;
  relativeEffect: number | null;
  expectedAfter: number | null;
  observedMinusExpected: number | null;
}

export function beforeAfterEffect(treated: Counts, control: Counts): BeforeAfterEffect {
  const did = treated.after - treated.before - (control.after - control.before);
  const controlRatio = control.before > 0 ? control.after / control.before : null;
  const relativeEffect = treated.before > 0 && controlRatio !== null && controlRatio > 0 ? treated.after / treated.before / controlRatio : null;
  const expectedAfter = controlRatio === null ? null : treated.before * controlRatio;
  return { did, relativeEffect, expectedAfter, observedMinusExpected: expectedAfter === null ? null : treated.after - expectedAfter };
}

/**
 * Whether a raw difference in differences means anything: only when the control's "before" count
 * is within a factor of 3 of the area's. A control far larger than the area (the rest of the
 * borough) makes the raw DiD mostly the control's own change, so the headline is then the relative
 * effect and the WDD, and charts show the control scaled to the area (× area before / control before).
 */
export const COMPARABLE_CONTROL_RATIO = 3;

export interface ControlComparison {
  comparable: boolean;
  /** Area before / control before: the factor that brings the control to the area's size; null without a "before" count. */
  scale: number | null;
}

export function compareControl(treated: Counts, control: Counts): ControlComparison {
  const scale = control.before > 0 && treated.before > 0 ? treated.before / control.before : null;
  return { comparable: scale !== null && scale >= 1 / COMPARABLE_CONTROL_RATIO && scale <= COMPARABLE_CONTROL_RATIO, scale };
}

/**
 * WDD = ΔT − ΔCt + ΔD − ΔCd, with Δ = after − before for the treated area T, its control Ct, the
 * displacement buffer D and the buffer's control Cd. Under Poisson counts its variance is the sum
 * of all eight counts; when one control C serves both (`sharedControl`), its change enters twice
 * and its variance as (wt + wd)²·Var(C), not wt²·Var(C) + wd²·Var(C). Negative = fewer incidents than the controls predict, counting any pushed
 * into the buffer. z and the one-tailed p test for a reduction; 95% interval WDD ± 1.96·SE.
 * The buffer's own comparison, (ΔD − ΔCd) over its SE, says whether incidents moved round the
 * corner (displacement, z > 1.645), the benefit spread (diffusion, z < −1.645), or neither.
 * With `scaleControls`, each control's change is weighted by (area before / control before).
 */
export interface WddResult {
  wdd: number;
  se: number;
  z: number;
  pOneTailed: number;
  low95: number;
  high95: number;
  bufferZ: number;
  bufferP: number;
  verdict: 'displacement' | 'diffusion of benefits' | 'neither';
}

export interface WddOptions {
  /** Weigh each control's change by (area before / control before). */
  scaleControls?: boolean;
  /** The area and its buffer share one control (the same counts are passed twice). */
  sharedControl?: boolean;
}

export function weightedDisplacementDifference(treated: Counts, treatedControl: Counts, buffer: Counts, bufferControl: Counts, options: WddOptions = {}): WddResult {
  const delta = (c: Counts) => c.after - c.before;
  // A control much larger than its area (e.g. the rest of the borough) is scaled to the area's
  // "before" count, so it contributes a trend rather than its size; its variance scales by w².
  const weight = (area: Counts, control: Counts) => (options.scaleControls && control.before > 0 ? area.before / control.before : 1);
  const wt = weight(treated, treatedControl);
  const wd = weight(buffer, bufferControl);
  const wdd = delta(treated) - wt * delta(treatedControl) + delta(buffer) - wd * delta(bufferControl);
  const poisson = (c: Counts, w = 1) => w * w * (c.before + c.after);
  const controlVariance = options.sharedControl ? poisson(treatedControl, wt + wd) : poisson(treatedControl, wt) + poisson(bufferControl, wd);
  const se = Math.sqrt(poisson(treated) + poisson(buffer) + controlVariance);
  const z = se > 0 ? wdd / se : 0;
  const bufferSe = Math.sqrt(poisson(buffer) + poisson(bufferControl, wd));
  const bufferZ = bufferSe > 0 ? (delta(buffer) - wd * delta(bufferControl)) / bufferSe : 0;
  const verdict = bufferZ > 1.645 ? 'displacement' : bufferZ < -1.645 ? 'diffusion of benefits' : 'neither';
  return { wdd, se, z, pOneTailed: 1 - normalUpperP(z), low95: wdd - 1.96 * se, high95: wdd + 1.96 * se, bufferZ, bufferP: normalTwoSidedP(bufferZ), verdict };
}

/**
 * Priority places: cells chosen by a rule, and what they hold. Rules: the top N cells, the top
 * cells covering X% of the area, the top cells holding X% of incidents, or every cell whose own
 * PAI ((n_i / N) / (1 / cells)) reaches a threshold.
 */
export type PriorityRule = { kind: 'topN'; n: number } | { kind: 'areaShare'; share: number } | { kind: 'incidentShare'; share: number } | { kind: 'cellPai'; threshold: number };

export function priorityCells(values: ArrayLike<number>, rule: PriorityRule): number[] {
  // The first places are all the top-N and area-share rules need: found without sorting every cell.
  const limit = rule.kind === 'topN' ? rule.n : rule.kind === 'areaShare' ? Math.round(rule.share * values.length) : values.length;
  const order = cellOrder(values, limit).filter((i) => values[i] > 0);
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  switch (rule.kind) {
    case 'topN':
      return order.slice(0, rule.n);
    case 'areaShare':
      return order.slice(0, Math.round(rule.share * values.length));
    case 'incidentShare': {
      const chosen: number[] = [];
      let running = 0;
      for (const i of order) {
        if (running >= rule.share * total) break;
        chosen.push(i);
        running += values[i];
      }
      return chosen;
    }
    case 'cellPai':
      return order.filter((i) => total > 0 && (values[i] / total) * values.length >= rule.threshold);
  }
}

/** "A 10% cut in these cells is a 3.1% cut everywhere": the whole-area effect of reductions inside the priority cells. */
export function reductionArithmetic(shareInside: number, reductions: readonly number[] = [0.05, 0.1, 0.15, 0.2]): { reduction: number; overall: number }[] {
  return reductions.map((reduction) => ({ reduction, overall: reduction * shareInside }));
}

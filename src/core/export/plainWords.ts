import type { Weighting } from '../vocabulary';
import { getHexagonAreaAvg, getHexagonEdgeLengthAvg, UNITS } from 'h3-js';
import { monthLabel } from '../ingest/dates';
import type { InterventionEvaluation } from '../zones/evaluateIntervention';

/** A finding for officers: one plain sentence on the page, the figures behind it in the annex. */
export interface Finding {
  title: string;
  plain: string;
  technical: string[];
}

/** The one-tailed test level below which a fall is called more than chance. */
export const CHANCE_LEVEL = 0.05;

const percent = (value: number) => `${Math.round(value)} %`;

/** "Did it work?" in one sentence: the fall relative to the control, and whether chance could explain it. */
export function evaluationFinding(e: InterventionEvaluation): Finding {
  const { controlName } = e;
  const r = e.effect.relativeEffect;
  const chance = e.wdd.pOneTailed < CHANCE_LEVEL ? 'more than chance alone would explain' : 'not clearly more than chance';
  const around = e.wdd.verdict === 'displacement' ? '; incidents rose in the streets around it, so some may have moved there' : e.wdd.verdict === 'diffusion of benefits' ? '; the streets around it improved too' : '';
  let plain: string;
  if (r === null) plain = `${e.name}: too few incidents before ${monthLabel(e.startMonth)} to say whether it worked.`;
  else if (r < 1) plain = `Incidents in ${e.name} fell ${percent((1 - r) * 100)} more than in ${controlName}; ${chance}${around}.`;
  else plain = `Incidents in ${e.name} did not fall relative to ${controlName} (${percent((r - 1) * 100)} worse), so there is no sign yet that it worked${around}.`;
  const relative = r === null ? 'n/a' : r.toFixed(2);
  return {
    title: `Did it work? ${e.name}`,
    plain,
    technical: [
      `${e.name}: ${e.treated.before} incidents in the ${e.months} months before ${monthLabel(e.startMonth)}, ${e.treated.after} after; ${controlName} went from ${e.control.before} to ${e.control.after} (relative effect ${relative}; difference in differences ${e.effect.did}).`,
      `Weighted displacement difference ${e.wdd.wdd.toFixed(1)} (95 % interval ${e.wdd.low95.toFixed(1)} to ${e.wdd.high95.toFixed(1)}; z ${e.wdd.z.toFixed(2)}, one-tailed p ${e.wdd.pOneTailed.toFixed(3)}); the surrounding ring shows ${e.wdd.verdict} (z ${e.wdd.bufferZ.toFixed(2)}).`,
      'This before/after design cannot rule out different underlying trends, regression to the mean or seasonal effects.',
    ],
  };
}

/** Where it happens in one sentence: how much the numbered places hold, in how small an area. */
export function concentrationFinding(top: readonly { count: number }[], totals: { incidents: number; cells: number; resolution: number; rankedBy: Weighting }): Finding {
  const held = top.reduce((sum, t) => sum + t.count, 0);
  const share = totals.incidents > 0 ? (100 * held) / totals.incidents : 0;
  const edgeM = getHexagonEdgeLengthAvg(totals.resolution, UNITS.m);
  const areaKm2 = top.length * getHexagonAreaAvg(totals.resolution, UNITS.km2);
  return {
    title: 'Where it happens',
    plain:
      top.length === 0
        ? 'No incidents match the filter, so there are no places to list.'
        : `The ${top.length} numbered places, about ${areaKm2 < 1 ? `${Math.round(areaKm2 * 100)} hectares` : `${areaKm2.toFixed(1)} km²`} in all, hold ${held.toLocaleString('en-GB')} of the ${Math.round(totals.incidents).toLocaleString('en-GB')} incidents (${share.toFixed(1)} %).`,
    technical: [
      `Places are H3 cells at resolution ${totals.resolution} (edge about ${Math.round(edgeM)} m); ${totals.cells.toLocaleString('en-GB')} cells hold incidents; ranked by ${totals.rankedBy === 'harm' ? 'harm-weighted incidents' : 'incident count'}.`,
    ],
  };
}

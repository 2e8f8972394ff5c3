import * as v from 'valibot';
import type { Camera } from '../cameras/importCameras';
import type { Zone } from '../zones/zone';
import { STATUTORY_CONSULTEES, type ConsulteeKey } from '../zones/consultation';
import { TRIGGER_LIMITS } from '../trigger/communityTrigger';
import { HOTSPOT_METHODS, MAX_RESOLUTION, MIN_RESOLUTION, WEIGHTINGS } from '../vocabulary';
import { areaGeometry, between, check, finite, flag, insideUkCheck, integerBetween, list, monthIndex, oneOf, text, ukPlace, type Checked } from './schemaParts';

/**
 * Schemas of what the panels save (zones, cameras, plans, evaluations, the basemap choice). Loose
 * objects: fields added by later versions are kept; the fields the app reads are checked.
 */
export const MAX_CAMERA_RADIUS_M = 5000;

export const cameraSchema = v.pipe(
  v.looseObject(
    {
      id: text(1000),
      name: text(1000),
      kind: oneOf(['fixed', 'redeployable']),
      ...ukPlace,
      radiusM: v.nullable(between(1, MAX_CAMERA_RADIUS_M)),
      directionDeg: v.nullable(between(0, 360)),
      fovDeg: v.nullable(between(1, 360)),
    },
    'expected a camera',
  ),
  insideUkCheck(),
);

/** A camera row from a file, or a saved camera: ok with the camera, or the reason it is refused. */
export function checkCamera(value: unknown): Checked<Camera> {
  return check(cameraSchema, value) as Checked<Camera>;
}

const dateText = v.pipe(text(10), v.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'expected a date YYYY-MM-DD or nothing'));

export const zoneSchema = v.looseObject(
  {
    id: text(200),
    name: text(1000),
    orderRef: text(1000),
    startDate: dateText,
    endDate: dateText,
    prohibitions: list(text(), 1000),
    geometry: areaGeometry(),
  },
  'expected a zone',
);

export function checkZone(value: unknown): Checked<Zone> {
  return check(zoneSchema, value) as Checked<Zone>;
}

const CONSULTEE_KEYS = STATUTORY_CONSULTEES.map((c) => c.key) as [ConsulteeKey, ...ConsulteeKey[]];

/** A zone's consultation record (s.72) and the council's renewal decision date. */
export const consultationSchema = v.object(
  {
    zoneId: text(200),
    decisionDate: dateText,
    consultees: list(v.object({ consultee: oneOf(CONSULTEE_KEYS), date: dateText, notes: text(10_000) }), STATUTORY_CONSULTEES.length),
  },
  'expected a zone consultation',
);

const site = v.object({ ...ukPlace });

export const planOptionsSchema = v.looseObject({
  cameras: integerBetween(1, 1000),
  radiusM: between(1, MAX_CAMERA_RADIUS_M),
  minSpacingM: between(0, 10_000),
  edgeFactor: between(0, 1),
  basis: oneOf(WEIGHTINGS),
});

/**
 * The question a saved plan answers. A plan saved without it (older files) is dropped with that
 * reason, never shown against settings it was not made for.
 */
const planQuerySchema = v.looseObject({
  map: v.looseObject({ filter: v.looseObject({}), resolution: integerBetween(MIN_RESOLUTION, MAX_RESOLUTION), weighting: oneOf(WEIGHTINGS), method: v.looseObject({ kind: oneOf(HOTSPOT_METHODS) }) }),
  cameras: list(cameraSchema, 100_000),
  options: planOptionsSchema,
});

const plannedCamera = v.looseObject({ rank: finite(), lat: finite(), lng: finite(), easting: finite(), northing: finite(), marginalGain: finite(), coveredDemand: finite(), topLocation: text() });

export const cameraPlanSchema = v.looseObject({
  planned: list(plannedCamera, 10_000),
  summary: v.record(v.string(), finite(), 'expected the coverage summary'),
  candidates: finite(),
  demandCells: finite(),
  method: oneOf(['greedy', 'exact']),
  exact: v.optional(v.looseObject({ status: text(1000) })),
  query: planQuerySchema,
});

export const movesSchema = v.looseObject({
  moves: list(v.looseObject({ cameraId: text(1000), toLat: finite(), toLng: finite(), toLocation: text(), gain: finite(), gainPct: finite() }), 1000),
  before: finite(),
  after: finite(),
  query: planQuerySchema,
});

const counts = v.looseObject({ before: finite(), after: finite() });
const series = list(finite(), 10_000);

export const evaluationSchema = v.looseObject({
  name: text(1000),
  beforeFrom: monthIndex(),
  months: integerBetween(1, 10_000),
  startMonth: monthIndex(),
  series: v.looseObject({ treated: series, control: series, buffer: series }),
  treated: counts,
  control: counts,
  buffer: counts,
  effect: v.looseObject({ did: finite(), relativeEffect: v.nullable(finite()), expectedAfter: v.nullable(finite()), observedMinusExpected: v.nullable(finite()) }),
  wdd: v.looseObject({ wdd: finite(), se: finite(), z: finite(), pOneTailed: finite(), low95: finite(), high95: finite(), bufferZ: finite(), bufferP: finite(), verdict: text(100) }),
  bufferGeometry: areaGeometry(),
});

/** Review intervals, DPIA reference and purpose for the cameras' justification cards. */
export const justificationSchema = v.object({
  reviewMonthsRedeployable: integerBetween(1, 60),
  reviewMonthsFixed: integerBetween(1, 60),
  dpiaReference: text(1000),
  purpose: text(5000),
});

/** The cameras panel's saved state, field by field (each restored or dropped on its own). */
export const camerasPanelSchemas = {
  justification: justificationSchema,
  planOptions: planOptionsSchema,
  plan: v.nullable(cameraPlanSchema),
  moves: v.nullable(movesSchema),
  candidateSites: list(site, 100_000),
  excludedZones: list(text(200), 10_000),
  mustCoverZones: list(text(200), 10_000),
} as const;

const limited = ({ min, max, whole }: { min: number; max: number; whole: boolean }) => (whole ? integerBetween(min, max) : between(min, max));

/** The Community Trigger radar's rule: threshold, period in days, and the distance that counts as the same place. */
export const triggerRuleSchema = v.object(
  { threshold: limited(TRIGGER_LIMITS.threshold), windowDays: limited(TRIGGER_LIMITS.windowDays), distanceM: limited(TRIGGER_LIMITS.distanceM) },
  'expected the radar’s threshold, period and distance',
);

/** The building footprints file the plan uses (its summary; the bytes are a stored file). */
export const buildingsSchema = v.looseObject({ name: text(1000), fingerprint: text(200) });

/** Loaded boundary files (study areas, reference layers): the file and whether its outlines are shown. */
export const boundaryLayersSchema = list(v.object({ name: text(1000), fingerprint: v.pipe(text(200), v.minLength(1, 'expected a file identity')), shown: flag() }), 1000);

export const basemapChoiceSchema = v.variant(
  'kind',
  [v.object({ kind: v.literal('online') }), v.object({ kind: v.literal('plain') }), v.object({ kind: v.literal('file'), name: text(1000), fingerprint: text(200) })],
  'expected a basemap choice',
);

/**
 * Checks each entry of a saved list on its own: the valid ones are kept, each invalid one is
 * described (`cameras[3].radiusM: …`) so the user is told what was dropped.
 */
export function keepValid<T extends v.GenericSchema>(values: unknown, label: string, schema: T): { kept: v.InferOutput<T>[]; dropped: string[] } {
  if (!Array.isArray(values)) return { kept: [], dropped: values === undefined ? [] : [`${label}: expected a list`] };
  const kept: v.InferOutput<T>[] = [];
  const dropped: string[] = [];
  values.forEach((value, i) => {
    const result = check(schema, value, `${label}[${i}]`);
    if (result.ok) kept.push(result.value);
    else dropped.push(result.reason);
  });
  return { kept, dropped };
}

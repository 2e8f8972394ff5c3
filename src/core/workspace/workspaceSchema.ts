import * as v from 'valibot';
import { HARM_SCHEMES } from '../stats/harm';
import { CLASS_BREAKS, HOTSPOT_METHODS, MAX_RESOLUTION, MIN_RESOLUTION, WEIGHTINGS } from '../vocabulary';
import { areaGeometry, check, flag, integerBetween, list, monthIndex, oneOf, text, between, type Checked } from './schemaParts';

const HARM_SCHEME_IDS = HARM_SCHEMES.map((s) => s.id) as [HarmSchemeId, ...HarmSchemeId[]];
type HarmSchemeId = (typeof HARM_SCHEMES)[number]['id'];

export const resolutionSchema = integerBetween(MIN_RESOLUTION, MAX_RESOLUTION);
export const weekdaysSchema = v.pipe(list(integerBetween(0, 6), 7), v.minLength(1, 'expected at least one day'));
export const hoursSchema = v.pipe(list(integerBetween(0, 23), 24), v.minLength(1, 'expected at least one hour'));

const columnName = text(1000);
const mappingSchema = v.object({
  coordinates: oneOf(['wgs84', 'bng']),
  y: columnName,
  x: columnName,
  date: columnName,
  time: v.optional(columnName),
  category: v.optional(columnName),
  reference: v.optional(columnName),
  location: v.optional(columnName),
  key: v.optional(columnName),
});

export const sourceEntrySchema = v.object(
  {
    name: text(1000),
    fingerprint: v.pipe(text(200), v.minLength(1, 'expected a file identity')),
    mapping: v.nullable(mappingSchema),
    hidden: flag(),
  },
  'expected a source entry',
);

const studyAreaSchema = v.variant(
  'kind',
  [v.object({ kind: v.literal('ring'), ringK: integerBetween(1, 3) }), v.object({ kind: v.literal('boundary'), name: text(1000), geometry: areaGeometry() })],
  'expected a study area',
);

/** The study area by name (a boundary file's feature, an LSOA name prefix or a zone); the view link reads with it too. */
export const areaChoiceSchema = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('boundary'), layer: text(1000), feature: text(1000) }),
    v.object({ kind: v.literal('lsoa'), prefix: v.pipe(text(200), v.minLength(1, 'expected an LSOA name prefix')) }),
    v.object({ kind: v.literal('zone'), name: text(1000) }),
  ],
  'expected a study area choice',
);

/** Saved view settings: every field optional (older files lack newer ones), none may be wrong. */
export const savedViewSchema = v.object(
  {
    resolution: v.optional(resolutionSchema),
    monthFrom: v.optional(v.nullable(monthIndex())),
    monthTo: v.optional(v.nullable(monthIndex())),
    weekdays: v.optional(v.nullable(weekdaysSchema)),
    hours: v.optional(v.nullable(hoursSchema)),
    classBreaks: v.optional(oneOf(CLASS_BREAKS)),
    classCount: v.optional(integerBetween(3, 7)),
    opacity: v.optional(between(0, 1)),
    method: v.optional(oneOf(HOTSPOT_METHODS)),
    weighting: v.optional(oneOf(WEIGHTINGS)),
    giK: v.optional(integerBetween(1, 3)),
    fdr: v.optional(flag()),
    studyArea: v.optional(studyAreaSchema),
    area: v.optional(v.nullable(areaChoiceSchema)),
    countsLayer: v.optional(v.nullable(text(1000))),
    perHectare: v.optional(flag()),
    harmScheme: v.optional(oneOf(HARM_SCHEME_IDS)),
    compareFrom: v.optional(v.nullable(monthIndex())),
    compareTo: v.optional(v.nullable(monthIndex())),
    minChangeCount: v.optional(integerBetween(1, 100)),
    topN: v.optional(integerBetween(1, 1000)),
  },
  'expected the view settings',
);

export type SavedView = v.InferOutput<typeof savedViewSchema>;

/** The document inside a workspace file and in the browser's autosave (the format check comes first). */
export const workspaceDocumentSchema = v.object(
  {
    format: v.literal('hotspot-planner-workspace', 'not a Hotspot Planner workspace'),
    version: integerBetween(1, Number.MAX_SAFE_INTEGER),
    name: text(200),
    savedAt: text(100),
    sources: list(sourceEntrySchema, 10_000),
    view: savedViewSchema,
    selectedCategories: v.nullable(list(text(1000), 100_000)),
    harmWeights: v.record(text(1000), between(0, 1e9), 'expected harm weights by category'),
    panels: v.record(v.string(), v.unknown(), 'expected the panels’ settings'),
  },
  'expected a workspace document',
);

export type WorkspaceDocument = v.InferOutput<typeof workspaceDocumentSchema>;
export type WorkspaceSource = WorkspaceDocument['sources'][number];

export function checkWorkspaceDocument(value: unknown): Checked<WorkspaceDocument> {
  return check(workspaceDocumentSchema, value);
}

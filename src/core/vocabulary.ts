import { getHexagonAreaAvg } from 'h3-js';

/**
 * The analysis vocabulary: every method, weighting, class-break scheme, study-area choice and
 * resolution bound the app knows, with its words. Controls, legends, titles, exports, view links,
 * saved workspaces and briefings import these; nothing else spells them.
 */

/** What a map shows. `areas` counts inside a loaded boundary layer's polygons instead of cells. */
export const HOTSPOT_METHODS = ['count', 'gistar', 'emerging', 'change', 'areas'] as const;
export type HotspotMethod = (typeof HOTSPOT_METHODS)[number];

export const METHOD_WORDS: Readonly<Record<HotspotMethod, { control: string; title: string }>> = {
  count: { control: 'Incident count', title: 'counts' },
  gistar: { control: 'Gi* hot spots (significance)', title: 'Gi* hot and cold spots' },
  emerging: { control: 'Emerging hot spots (trend)', title: 'emerging hot spots' },
  change: { control: 'Change between periods', title: 'change between periods' },
  areas: { control: 'Counts by area (wards, LSOAs…)', title: 'counts by area' },
};

/** What each incident weighs: one, or its category's harm. */
export const WEIGHTINGS = ['count', 'harm'] as const;
export type Weighting = (typeof WEIGHTINGS)[number];

export const WEIGHTING_WORDS: Readonly<Record<Weighting, { control: string; unit: string }>> = {
  count: { control: 'Each incident = 1', unit: 'incidents' },
  harm: { control: 'Harm-weighted', unit: 'harm-weighted incidents' },
};

/** Hot and cold cells are marked by a pattern as well as their colour (map, legends, figures, PDF). */
export type CellMark = 'hot' | 'cold';

export const CLASS_BREAKS = ['quantile', 'equal', 'jenks'] as const;
export type ClassBreaks = (typeof CLASS_BREAKS)[number];

export const CLASS_BREAK_WORDS: Readonly<Record<ClassBreaks, string>> = {
  quantile: 'Quantile',
  equal: 'Equal interval',
  jenks: 'Natural breaks (Jenks)',
};

/**
 * How a study area is chosen: a boundary file's feature, the police.uk LSOA names starting with a
 * prefix, or a zone. By name only (saved in workspaces and view links): the geometry stays in its
 * boundary file or zone.
 */
export type AreaChoice = { kind: 'boundary'; layer: string; feature: string } | { kind: 'lsoa'; prefix: string } | { kind: 'zone'; name: string };

/** The study area's name as legends, titles, file names and briefings show it. */
export function areaLabel(choice: AreaChoice): string {
  if (choice.kind === 'boundary') return choice.feature;
  if (choice.kind === 'zone') return choice.name;
  return choice.prefix.trim();
}

/** The study area with how it was chosen, where the user picks one. */
export function areaChoiceWords(choice: AreaChoice): string {
  return choice.kind === 'lsoa' ? `LSOA names starting "${areaLabel(choice)}"` : areaLabel(choice);
}

/**
 * The resolutions a hotspot map may use, read from h3's own cell areas: the coarsest whose cells
 * are no bigger than a ward (6 km²) and the finest whose cells still hold a street frontage
 * (0.002 km², a 45 m square). Finer cells split single addresses; coarser ones merge estates.
 */
const LARGEST_CELL_KM2 = 6;
const SMALLEST_CELL_KM2 = 0.002;
const H3_RESOLUTIONS = Array.from({ length: 16 }, (_, resolution) => resolution);
export const MIN_RESOLUTION = H3_RESOLUTIONS.find((resolution) => getHexagonAreaAvg(resolution, 'km2') <= LARGEST_CELL_KM2)!;
export const MAX_RESOLUTION = H3_RESOLUTIONS.filter((resolution) => getHexagonAreaAvg(resolution, 'km2') >= SMALLEST_CELL_KM2).at(-1)!;

/** A requested resolution as the nearest one the maps use. */
export function clampResolution(resolution: number): number {
  return Math.min(MAX_RESOLUTION, Math.max(MIN_RESOLUTION, Math.round(resolution)));
}

export const isHotspotMethod = (text: string): text is HotspotMethod => (HOTSPOT_METHODS as readonly string[]).includes(text);
export const isWeighting = (text: string): text is Weighting => (WEIGHTINGS as readonly string[]).includes(text);

/**
 * Colour-blind-safe ramps (ColorBrewer, Brewer & Harrower 2003): YlOrRd for counts and harm,
 * RdBu for the diverging Gi* bins.
 */
const YL_OR_RD: Record<number, string[]> = {
  3: ['#ffeda0', '#feb24c', '#f03b20'],
  4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
  5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
  7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
};

export function sequentialRamp(classes: number): string[] {
  if (classes <= 1) return ['#fd8d3c'];
  if (classes === 2) return ['#feb24c', '#e31a1c'];
  return YL_OR_RD[Math.min(7, classes)];
}

/** Gi* bins −3 … +3: cold spots blue, not significant light grey, hot spots red. */
export const GI_BIN_COLOURS: Record<number, string> = {
  [-3]: '#2166ac',
  [-2]: '#67a9cf',
  [-1]: '#d1e5f0',
  0: '#f0f0f0',
  1: '#fddbc7',
  2: '#ef8a62',
  3: '#b2182b',
};

/** Period change: falls blue, little change pale, rises red (ColorBrewer RdBu, reversed). */
export const CHANGE_COLOURS = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];

/** Study-area cells that are not significant: present, but quiet. */
export const NOT_SIGNIFICANT_COLOUR = 'rgba(190, 190, 190, 0.35)';

/** Emerging hot spot classes: reds for hot patterns, blues for cold, strongest for persistent and intensifying. */
export const EMERGING_COLOURS: Record<string, string> = {
  'no pattern': 'rgba(190, 190, 190, 0.35)',
  'new hot spot': '#fdae61',
  'consecutive hot spot': '#f46d43',
  'intensifying hot spot': '#a50026',
  'persistent hot spot': '#d73027',
  'diminishing hot spot': '#fee090',
  'sporadic hot spot': '#fddbc7',
  'oscillating hot spot': '#c51b7d',
  'historical hot spot': '#bf812d',
  'new cold spot': '#abd9e9',
  'consecutive cold spot': '#74add1',
  'intensifying cold spot': '#313695',
  'persistent cold spot': '#4575b4',
  'diminishing cold spot': '#e0f3f8',
  'sporadic cold spot': '#d1e5f0',
  'oscillating cold spot': '#8073ac',
  'historical cold spot': '#35978f',
};

/** Symbols drawn over the cells, shared by their map layers and the legend that explains them. */
export const SYMBOL_COLOURS = {
  fixedCamera: '#4b5563',
  redeployableCamera: '#1f78b4',
  plannedCamera: '#00875a',
  zone: '#6a3d9a',
  proposedZone: '#e66101',
  evaluationRing: '#ff7f00',
  priorityCell: '#c51b7d',
  triggerGroup: '#01665e',
} as const;

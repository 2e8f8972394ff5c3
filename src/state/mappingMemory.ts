import type { ColumnMapping } from '../core/ingest/schema';

/** Column mappings the user chose, per header signature, kept in this browser only. */
const STORAGE_KEY = 'hotspot-planner:mappings:v1';

/** A Map, not an object: a signature is header text, and a header named `constructor` must not find Object's. */
function readAll(): Map<string, ColumnMapping> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return new Map(stored && typeof stored === 'object' ? (Object.entries(stored) as [string, ColumnMapping][]) : []);
  } catch {
    return new Map();
  }
}

export function rememberedMapping(signature: string): ColumnMapping | undefined {
  return readAll().get(signature);
}

export function rememberMapping(signature: string, mapping: ColumnMapping): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(readAll().set(signature, mapping))));
}

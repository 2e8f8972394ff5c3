import type { ColumnMapping } from '../core/ingest/schema';

/** Column mappings the user chose, per header signature, kept in this browser only. */
const STORAGE_KEY = 'hotspot-planner:mappings:v1';

function readAll(): Record<string, ColumnMapping> {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, ColumnMapping>;
  } catch {
    return {};
  }
}

export function rememberedMapping(signature: string): ColumnMapping | undefined {
  return readAll()[signature];
}

export function rememberMapping(signature: string, mapping: ColumnMapping): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...readAll(), [signature]: mapping }));
}

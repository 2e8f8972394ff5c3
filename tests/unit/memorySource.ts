import type { ByteSource } from '../../src/core/ingest/ingestFile';

/** A file held in memory, read in slices like a browser File. */
export function memorySource(name: string, content: string | Uint8Array): ByteSource {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, size: bytes.length, read: async (offset, length) => bytes.slice(offset, offset + length) };
}

export const POLICE_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** One police.uk line; fields default to a plausible Brent burglary. */
export function policeLine(overrides: Partial<Record<'id' | 'month' | 'lng' | 'lat' | 'location' | 'type' | 'outcome' | 'lsoa', string>> = {}): string {
  const f = { id: 'abc', month: '2023-01', lng: '-0.279', lat: '51.556', location: 'On or near High Road', type: 'Burglary', outcome: 'Under investigation', lsoa: 'Brent 001A', ...overrides };
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [f.id, f.month, 'Metropolitan Police Service', 'Metropolitan Police Service', f.lng, f.lat, quote(f.location), 'E01000001', f.lsoa, f.type, quote(f.outcome), ''].join(',');
}

import type { MultiPolygon, Polygon } from 'geojson';

/** A Public Spaces Protection Order area: where it is, its order, when it runs, what it forbids. */
export interface Zone {
  id: string;
  name: string;
  orderRef: string;
  /** YYYY-MM-DD, or '' when unknown. */
  startDate: string;
  endDate: string;
  prohibitions: string[];
  geometry: Polygon | MultiPolygon;
}

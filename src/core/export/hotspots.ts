import type { Weighting } from '../vocabulary';
import { cellToLatLng } from 'h3-js';
import type { CellAggregate } from '../hotspots/aggregate';
import { cellFeatureCollection } from '../hotspots/cellFeatures';
import { rankCells } from '../hotspots/rank';
import type { FeatureCollection, Polygon } from 'geojson';
import { csvDocument } from './csv';

/** Optional per-cell statistics that travel with the export when they have been computed. */
export interface HotspotStatistics {
  giZ?: ArrayLike<number>;
  giP?: ArrayLike<number>;
  giBin?: ArrayLike<number>;
  emergingClass?: readonly string[];
}

export interface HotspotExportInput {
  aggregate: CellAggregate;
  topCategory: readonly string[];
  topLocation: readonly string[];
  /** Which value ranks the cells. */
  rankBy: Weighting;
  statistics?: HotspotStatistics;
  /** The study area's name, carried on every record so a file never loses where it is about. */
  areaName?: string | null;
}

export type HotspotRecord = Record<string, string | number | null>;

const round = (value: number, places: number): number => Number(value.toFixed(places));

/** One record per cell, highest ranked first: the content of both the CSV and the GeoJSON export. */
export function hotspotRecords(input: HotspotExportInput): HotspotRecord[] {
  const { aggregate, statistics } = input;
  const ranked = rankCells(input.rankBy === 'harm' ? aggregate.harm : aggregate.counts);
  return ranked.map(({ index, rank, share, cumulativeShare }) => {
    const cell = aggregate.cells[index];
    const [lat, lng] = cellToLatLng(cell);
    const record: HotspotRecord = {
      h3: cell,
      resolution: aggregate.resolution,
      lat: round(lat, 6),
      lng: round(lng, 6),
      count: aggregate.counts[index],
      harm: round(aggregate.harm[index], 3),
      share: round(share, 6),
      cumulative_share: round(cumulativeShare, 6),
      rank,
      top_category: input.topCategory[index],
      top_location: input.topLocation[index],
    };
    if (input.areaName) record.study_area = input.areaName;
    if (statistics?.giZ) record.gi_z = round(statistics.giZ[index], 4);
    if (statistics?.giP) record.gi_p = Number(statistics.giP[index].toPrecision(4));
    if (statistics?.giBin) record.gi_bin = statistics.giBin[index];
    if (statistics?.emergingClass) record.emerging_class = statistics.emergingClass[index];
    return record;
  });
}

export function hotspotsCsv(records: readonly HotspotRecord[]): string {
  const header = records.length > 0 ? Object.keys(records[0]) : ['h3', 'resolution', 'lat', 'lng', 'count', 'harm', 'share', 'cumulative_share', 'rank', 'top_category', 'top_location'];
  return csvDocument(header, records.map((record) => header.map((key) => record[key])));
}

/** RFC 7946 FeatureCollection of cell polygons (WGS84, lng/lat, exterior ring counter-clockwise). */
export function hotspotsGeoJson(records: readonly HotspotRecord[]): FeatureCollection<Polygon, HotspotRecord> {
  return cellFeatureCollection(records.map((record) => String(record.h3)), (index) => ({ ...records[index] }));
}

import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { csvDocument } from '../export/csv';
import { monthLabel } from '../ingest/dates';
import type { Zone } from './zone';
import type { ZoneStatistics } from './zoneStatistics';

/** `note` labels every feature (synthetic sample data present, see core/provenance). */
export function zonesToGeoJson(zones: readonly Zone[], note: string | null = null): FeatureCollection<Polygon | MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: zones.map((zone) => ({
      type: 'Feature',
      geometry: zone.geometry,
      properties: { name: zone.name, orderRef: zone.orderRef, startDate: zone.startDate, endDate: zone.endDate, prohibitions: zone.prohibitions, ...(note === null ? {} : { data_note: note }) },
    })),
  };
}

/** Text for XML: the five characters with meaning in markup are escaped, so zone names stay text. */
export function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const ring = (positions: Position[]) => `<LinearRing><coordinates>${positions.map(([lng, lat]) => `${lng},${lat}`).join(' ')}</coordinates></LinearRing>`;
const polygonKml = (rings: Position[][]) =>
  `<Polygon><outerBoundaryIs>${ring(rings[0])}</outerBoundaryIs>${rings.slice(1).map((hole) => `<innerBoundaryIs>${ring(hole)}</innerBoundaryIs>`).join('')}</Polygon>`;

/** KML 2.2 for Google Earth or My Maps; descriptions carry the order and prohibitions as plain text. */
export function zonesToKml(zones: readonly Zone[], note: string | null = null): string {
  const placemarks = zones.map((zone) => {
    const polygons = zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates;
    const geometry = polygons.length === 1 ? polygonKml(polygons[0]) : `<MultiGeometry>${polygons.map(polygonKml).join('')}</MultiGeometry>`;
    const description = [zone.orderRef && `Order ${zone.orderRef}`, zone.startDate && `${zone.startDate} to ${zone.endDate}`, ...zone.prohibitions.map((p) => `- ${p}`)].filter(Boolean).join('\n');
    const data = (['orderRef', 'startDate', 'endDate'] as const).map((key) => `<Data name="${key}"><value>${xmlText(zone[key])}</value></Data>`).join('');
    return `<Placemark><name>${xmlText(zone.name)}</name><description>${xmlText(description)}</description><ExtendedData>${data}<Data name="prohibitions"><value>${xmlText(zone.prohibitions.join('; '))}</value></Data></ExtendedData>${geometry}</Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>PSPO zones</name>${note === null ? '' : `<description>${xmlText(note)}</description>`}${placemarks.join('')}</Document></kml>\n`;
}

/** The evidence table a PSPO renewal report needs, one row per zone. */
export function zoneEvidenceCsv(stats: readonly ZoneStatistics[], areaName = '', note: string | null = null): string {
  return csvDocument(
    ['zone', 'incidents', 'area_ha', 'density_per_ha', 'density_vs_study_area', 'share_of_total', 'top_category', 'before_from', 'months_each_side', 'before', 'after', 'change', 'change_pct', 'p', 'note', 'study_area'],
    stats.map((s) => [
      s.name, s.incidents, s.areaHa.toFixed(2), s.densityPerHa.toFixed(3), s.densityRatio.toFixed(2), s.shareOfTotal.toFixed(4), s.byCategory[0]?.label ?? '',
      s.beforeAfter ? monthLabel(s.beforeAfter.beforeFrom) : '', s.beforeAfter?.months ?? '', s.beforeAfter?.before ?? '', s.beforeAfter?.after ?? '', s.beforeAfter?.change ?? '',
      s.beforeAfter?.changePct === null || s.beforeAfter === null ? '' : s.beforeAfter.changePct.toFixed(1), s.beforeAfter ? s.beforeAfter.p.toPrecision(3) : '', s.beforeAfter?.note ?? 'start date outside the data', areaName,
    ]),
    note,
  );
}

import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { polygon as turfPolygon } from '@turf/helpers';
import { wgs84ToBng } from '../src/core/geo/bng';
import { mulberry32 } from './mulberry32.mjs';

/**
 * Deterministic synthetic Brent data from the hand-written facts in seeds/brent.json. Every
 * incident is invented; places and street names are real so the maps read naturally.
 */
export interface Hotspot {
  name: string;
  lat: number;
  lng: number;
  spreadM: number;
  weight: number;
  trendPerMonth: number;
  area: string;
  streets: string[];
}

export interface Seeds {
  outline: [number, number][];
  hotspots: Hotspot[];
  backgroundStreets: string[];
  policePlaceNames: string[];
  policeCategories: Record<string, number>;
  policeOutcomes: string[];
  councilCategories: Record<string, number>;
  councilRowsPerMonth: number;
  policeRowsPerMonth: number;
  year: number;
  seasonality: number[];
  hourProfile: number[];
  weekdayProfile: number[];
  cameras: { fixedPerHotspotWeight: number; fixedRadiusM: [number, number]; redeployable: number; redeployableRadiusM: number };
  pspoZones: { name: string; orderRef: string; startDate: string; endDate: string; prohibitions: string[]; ring: [number, number][] }[];
}

const M_PER_DEG_LAT = 111_320;

class Sampler {
  constructor(readonly random: () => number) {}
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.random() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
    return weights.length - 1;
  }
  gaussian(): number {
    return Math.sqrt(-2 * Math.log(1 - this.random())) * Math.cos(2 * Math.PI * this.random());
  }
  around(lat: number, lng: number, spreadM: number): [number, number] {
    const dLat = (this.gaussian() * spreadM) / M_PER_DEG_LAT;
    const dLng = (this.gaussian() * spreadM) / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
    return [lat + dLat, lng + dLng];
  }
  hex(length: number): string {
    let text = '';
    while (text.length < length) text += Math.floor(this.random() * 0x100000000).toString(16).padStart(8, '0');
    return text.slice(0, length);
  }
}

interface StreetPoint {
  lat: number;
  lng: number;
  location: string;
  lsoaCode: string;
  lsoaName: string;
}

const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const line = (values: readonly (string | number)[]): string => values.map((v) => quote(String(v))).join(',');
const month2 = (m: number): string => String(m).padStart(2, '0');

export const POLICE_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
export const COUNCIL_HEADER = 'Reference,Date received,Category,Easting,Northing,Location,Description,Household';
export const CAMERA_HEADER = 'Camera ID,Name,Type,Latitude,Longitude,Radius (m)';

export interface SampleFiles {
  police: string;
  council: string;
  cameras: string;
  zones: string;
  counts: { policeRows: number; councilRows: number; streetPoints: number; cameras: number };
}

export function generateSample(seeds: Seeds, seed = 20250101): SampleFiles {
  const s = new Sampler(mulberry32(seed));
  const outline = turfPolygon([seeds.outline]);
  const inside = (lat: number, lng: number) => booleanPointInPolygon([lng, lat], outline);
  const [minLng, minLat, maxLng, maxLat] = seeds.outline.reduce(([a, b, c, d], [x, y]) => [Math.min(a, x), Math.min(b, y), Math.max(c, x), Math.max(d, y)], [Infinity, Infinity, -Infinity, -Infinity]);

  // The fixed set of map points police.uk snaps incidents to, with street names and synthetic LSOAs.
  const streetPoints: StreetPoint[] = [];
  const lsoaOf = (lat: number, lng: number) => {
    const cell = Math.floor((lat - minLat) / 0.006) * 40 + Math.floor((lng - minLng) / 0.009);
    return { lsoaCode: `E01099${String(cell).padStart(3, '0')}`, lsoaName: `Brent ${String(1 + (cell % 180)).padStart(3, '0')}${'ABCDE'[cell % 5]}` };
  };
  while (streetPoints.length < 1500) {
    const nearHotspot = s.random() < 0.65;
    const hotspot = s.pick(seeds.hotspots);
    const [lat, lng] = nearHotspot ? s.around(hotspot.lat, hotspot.lng, hotspot.spreadM * 1.6) : [minLat + s.random() * (maxLat - minLat), minLng + s.random() * (maxLng - minLng)];
    if (!inside(lat, lng)) continue;
    const special = s.random() < 0.06;
    const street = special ? s.pick(seeds.policePlaceNames) : nearHotspot ? s.pick(hotspot.streets) : s.pick(seeds.backgroundStreets);
    streetPoints.push({ lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)), location: `On or near ${street}`, ...lsoaOf(lat, lng) });
  }
  const nearestPoint = (lat: number, lng: number): StreetPoint => {
    let best = streetPoints[0];
    let bestD = Infinity;
    for (const p of streetPoints) {
      const d = (p.lat - lat) ** 2 + ((p.lng - lng) * 0.62) ** 2;
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    return best;
  };
  const hotspotWeight = (h: Hotspot, month: number) => h.weight * Math.max(0.15, 1 + h.trendPerMonth * (month - 5.5));

  const police: string[] = [POLICE_HEADER];
  const categories = Object.keys(seeds.policeCategories);
  const categoryShares = Object.values(seeds.policeCategories);
  const force = 'Metropolitan Police Service';
  for (let month = 0; month < 12; month++) {
    const rows = Math.round(seeds.policeRowsPerMonth * seeds.seasonality[month]);
    const monthText = `${seeds.year}-${month2(month + 1)}`;
    const weights = seeds.hotspots.map((h) => hotspotWeight(h, month));
    const crimes: string[][] = [];
    for (let i = 0; i < rows; i++) {
      const category = categories[s.weighted(categoryShares)];
      const asb = category === 'Anti-social behaviour';
      const point = s.random() < 0.7
        ? (() => {
            const h = seeds.hotspots[s.weighted(weights)];
            return nearestPoint(...s.around(h.lat, h.lng, h.spreadM));
          })()
        : s.pick(streetPoints);
      const noLocation = s.random() < 0.01;
      const fields = [
        asb ? '' : s.hex(64), monthText, force, force,
        noLocation ? '' : point.lng.toFixed(6), noLocation ? '' : point.lat.toFixed(6),
        noLocation ? 'No Location' : point.location, noLocation ? '' : point.lsoaCode, noLocation ? '' : point.lsoaName,
        category, asb ? '' : s.pick(seeds.policeOutcomes), '',
      ];
      police.push(line(fields));
      if (!asb && !noLocation) crimes.push(fields);
    }
    // As in real files, ~2% of crimes appear again with another outcome.
    for (let i = 0; i < Math.round(rows * 0.02); i++) {
      const again = [...s.pick(crimes)];
      again[10] = s.pick(seeds.policeOutcomes.filter((o) => o !== again[10]));
      police.push(line(again));
    }
  }

  // Council complaints: address-level points (not snapped), with dates and times. A complaint given
  // with a house address names the household that made it (one key per address, in order of first
  // appearance), so some households complain again and again; "near no." reports name none.
  const council: string[] = [COUNCIL_HEADER];
  const households = new Map<string, string>();
  const householdOf = (location: string): string => {
    if (!/^\d/.test(location)) return '';
    if (!households.has(location)) households.set(location, `HH-${String(households.size + 1).padStart(5, '0')}`);
    return households.get(location)!;
  };
  const councilNames = Object.keys(seeds.councilCategories);
  const councilShares = Object.values(seeds.councilCategories);
  let reference = 0;
  for (let month = 0; month < 12; month++) {
    const rows = Math.round(seeds.councilRowsPerMonth * seeds.seasonality[month]);
    const weights = seeds.hotspots.map((h) => hotspotWeight(h, month));
    const days = new Date(Date.UTC(seeds.year, month + 1, 0)).getUTCDate();
    for (let i = 0; i < rows; i++) {
      const h = seeds.hotspots[s.weighted(weights)];
      let [lat, lng] = s.random() < 0.75 ? s.around(h.lat, h.lng, h.spreadM * 0.9) : [minLat + s.random() * (maxLat - minLat), minLng + s.random() * (maxLng - minLng)];
      if (!inside(lat, lng)) [lat, lng] = [h.lat, h.lng];
      let day = 1 + Math.floor(s.random() * days);
      // Lean toward the busier weekdays.
      const weekday = (new Date(Date.UTC(seeds.year, month, day)).getUTCDay() + 6) % 7;
      if (s.random() > seeds.weekdayProfile[weekday] / 1.3) day = 1 + Math.floor(s.random() * days);
      const hour = s.weighted(seeds.hourProfile);
      const minute = Math.floor(s.random() * 60);
      const { easting, northing } = wgs84ToBng(lat, lng);
      const category = councilNames[s.weighted(councilShares)];
      const street = s.pick(h.streets);
      const number = 1 + Math.floor(s.random() * 180);
      const location = s.random() < 0.5 ? `${number} ${street}, ${h.area}` : `${street} (near no. ${number})`;
      let fields: (string | number)[] = [
        `ASB-${seeds.year}-${String(++reference).padStart(6, '0')}`,
        `${month2(day)}/${month2(month + 1)}/${seeds.year} ${month2(hour)}:${month2(minute)}`,
        category, Math.round(easting), Math.round(northing), location, `${category} reported by resident`, householdOf(location),
      ];
      // A real extract has a few broken rows: a blank easting, an impossible date, a zero easting.
      const flaw = s.random();
      if (flaw < 0.002) fields = [...fields.slice(0, 3), '', ...fields.slice(4)];
      else if (flaw < 0.004) fields = [fields[0], `31/02/${seeds.year} 10:00`, ...fields.slice(2)];
      else if (flaw < 0.005) fields = [...fields.slice(0, 3), 0, ...fields.slice(4)];
      council.push(line(fields));
    }
  }

  // Cameras: fixed ones in proportion to each hotspot's weight, re-deployables at the busiest places.
  const cameras: string[] = [CAMERA_HEADER];
  let fixed = 0;
  for (const h of seeds.hotspots) {
    for (let i = 0; i < Math.round(h.weight * seeds.cameras.fixedPerHotspotWeight); i++) {
      const p = nearestPoint(...s.around(h.lat, h.lng, h.spreadM * 0.8));
      const [low, high] = seeds.cameras.fixedRadiusM;
      cameras.push(line([`FX-${String(++fixed).padStart(3, '0')}`, `${p.location.replace('On or near ', '')}, ${h.area}`, 'Fixed', p.lat, p.lng, Math.round(low + s.random() * (high - low))]));
    }
  }
  const busiest = [...seeds.hotspots].sort((a, b) => b.weight - a.weight);
  for (let i = 0; i < seeds.cameras.redeployable; i++) {
    const h = busiest[i % busiest.length];
    const p = nearestPoint(...s.around(h.lat, h.lng, h.spreadM * 1.2));
    cameras.push(line([`RD-${String(i + 1).padStart(2, '0')}`, `${p.location.replace('On or near ', '')}, ${h.area}`, 'Re-deployable', p.lat, p.lng, seeds.cameras.redeployableRadiusM]));
  }

  const zones = {
    type: 'FeatureCollection',
    features: seeds.pspoZones.map((z) => ({
      type: 'Feature',
      properties: { name: z.name, orderRef: z.orderRef, startDate: z.startDate, endDate: z.endDate, prohibitions: z.prohibitions, synthetic: true },
      geometry: { type: 'Polygon', coordinates: [z.ring] },
    })),
  };

  return {
    police: police.join('\n') + '\n',
    council: council.join('\n') + '\n',
    cameras: cameras.join('\n') + '\n',
    zones: JSON.stringify(zones, null, 1) + '\n',
    counts: { policeRows: police.length - 1, councilRows: council.length - 1, streetPoints: streetPoints.length, cameras: cameras.length - 1 },
  };
}

/** Great Britain and Northern Ireland, with a margin for coastal points. */
const UK_BOUNDS = { latMin: 49.8, latMax: 60.95, lngMin: -8.7, lngMax: 1.8 };

export function insideUk(lat: number, lng: number): boolean {
  return lat >= UK_BOUNDS.latMin && lat <= UK_BOUNDS.latMax && lng >= UK_BOUNDS.lngMin && lng <= UK_BOUNDS.lngMax;
}

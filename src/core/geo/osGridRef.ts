import { wgs84ToBng } from './bng';

/**
 * An Ordnance Survey grid reference ("TQ 19380 85100") from British National Grid metres: two
 * letters for the 100 km square, then easting and northing within it. Digits are truncated, not
 * rounded, as OS references are (a reference names the square the point lies in). Points off the
 * National Grid (west/south of its origin, beyond 700 km E or 1300 km N) have none: null.
 */
export function osGridReference(easting: number, northing: number, digitsEach = 5): string | null {
  if (!(easting >= 0 && easting < 700_000 && northing >= 0 && northing < 1_300_000)) return null;
  const e100k = Math.floor(easting / 100_000);
  const n100k = Math.floor(northing / 100_000);
  // The 500 km letter (origin square "S") and the 100 km letter within it, both on a 5 × 5 grid
  // without "I" (after the OS guide's description of the lettering).
  let first = 19 - n100k - ((19 - n100k) % 5) + Math.floor((e100k + 10) / 5);
  let second = (((19 - n100k) * 5) % 25) + (e100k % 5);
  if (first > 7) first++;
  if (second > 7) second++;
  const within = (metres: number) => String(Math.floor((metres % 100_000) / 10 ** (5 - digitsEach))).padStart(digitsEach, '0');
  return `${String.fromCharCode(65 + first, 65 + second)} ${within(easting)} ${within(northing)}`;
}

/** The grid reference of a WGS84 position (through the same Helmert transform as everything else). */
export function gridReferenceOf(lat: number, lng: number): string {
  const { easting, northing } = wgs84ToBng(lat, lng);
  return osGridReference(easting, northing) ?? 'outside the National Grid';
}

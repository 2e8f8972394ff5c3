import * as v from 'valibot';
import { insideUk } from '../geo/ukBounds';

/**
 * Building blocks of the saved-state schemas, each with a message a user can read. A saved value
 * is checked against them before anything is applied, so a damaged or hand-edited value is refused
 * with the place it went wrong (`sources[2].name: expected text`) instead of failing later.
 */
export const text = (maxLength = 10_000) => v.pipe(v.string('expected text'), v.maxLength(maxLength, `longer than ${maxLength} characters`));
export const finite = () => v.pipe(v.number('expected a number'), v.finite('expected a finite number'));
export const between = (min: number, max: number) => v.pipe(finite(), v.minValue(min, `below ${min}`), v.maxValue(max, `above ${max}`));
export const integerBetween = (min: number, max: number) => v.pipe(finite(), v.integer('expected a whole number'), v.minValue(min, `below ${min}`), v.maxValue(max, `above ${max}`));
export const flag = () => v.boolean('expected true or false');
export const oneOf = <const T extends readonly [string, ...string[]]>(options: T) => v.picklist(options, `expected one of ${options.join(', ')}`);
export const list = <T extends v.GenericSchema>(item: T, maxItems = 1_000_000) => v.pipe(v.array(item, 'expected a list'), v.maxLength(maxItems, `more than ${maxItems} entries`));
/** Month indices (months since year 0) from 1900 to 2200: anything else is not a month of data. */
export const monthIndex = () => integerBetween(1900 * 12, 2200 * 12);

/** A position of 2 to 4 numbers (an altitude or measure after the first two is allowed and ignored). */
const numbersPosition = v.pipe(v.array(finite(), 'expected a position [longitude, latitude]'), v.minLength(2, 'expected a position [longitude, latitude]'), v.maxLength(4, 'a position has at most 4 numbers'));
/** A [lng, lat] position in degrees. */
const lngLatPosition = v.pipe(numbersPosition, v.check((p) => Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90, 'longitude or latitude out of range'));

/**
 * A Polygon or MultiPolygon. Saved geometry is in degrees with closed rings; a file being imported
 * may still be in another coordinate system or have open rings (both repaired later), so there
 * only numbers are required.
 */
export const areaGeometry = (saved = true) => {
  const ring = saved ? v.pipe(list(lngLatPosition), v.minLength(4, 'a ring needs at least 4 positions')) : list(numbersPosition);
  const polygonRings = v.pipe(list(ring), v.minLength(1, 'a polygon needs a ring'));
  return v.variant(
    'type',
    [
      v.object({ type: v.literal('Polygon'), coordinates: polygonRings }),
      v.object({ type: v.literal('MultiPolygon'), coordinates: v.pipe(list(polygonRings), v.minLength(1, 'a multipolygon needs a polygon')) }),
    ],
    'expected a Polygon or MultiPolygon',
  );
};

/** A latitude and longitude inside the UK (as for incidents). */
export const ukPlace = { lat: between(-90, 90), lng: between(-180, 180) };
export const insideUkCheck = <T extends { lat: number; lng: number }>() => v.check<T, string>((p) => insideUk(p.lat, p.lng), 'coordinates outside the UK');

/** `sources[2].name: expected text` — the first problem, with where it is. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], prefix = ''): string {
  const issue = issues[0];
  const path = (issue.path ?? []).reduce((text, item) => (typeof item.key === 'number' ? `${text}[${item.key}]` : `${text}${text ? '.' : ''}${String(item.key)}`), prefix);
  return path ? `${path}: ${issue.message}` : issue.message;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Checks a value against a schema; the reason names the first wrong part under `prefix`. */
export function check<T extends v.GenericSchema>(schema: T, value: unknown, prefix = ''): Checked<v.InferOutput<T>> {
  const result = v.safeParse(schema, value);
  return result.success ? { ok: true, value: result.output } : { ok: false, reason: describeIssues(result.issues, prefix) };
}

import { getBaseCellNumber, isPentagon, latLngToCell } from 'h3-js';
import { H3Lattice } from './h3Lattice';

/**
 * H3 cell indexes made from lattice places (see H3Lattice) and read back into them, without
 * h3-js, for hexagons of the 110 base cells that are not pentagons. An index names its base cell
 * and then, resolution by resolution, which of seven children holds the cell; each child's place
 * on a face's lattice follows from its parent's by H3's aperture-7 step, alternately turned
 * anticlockwise (Class III, odd resolutions) and clockwise. h3-js builds an index the same way but
 * through C compiled to asm.js, with memory allocated and freed on every call: this takes about half
 * its time for an index, two thirds for a hexagon's corners, and it is the first map's work.
 *
 * Which base cell a face's resolution-0 place is, and how its digits turn there, is read from h3-js
 * once, at first use, rather than written out: anything it cannot confirm (a pentagon, a place
 * whose two probes disagree) is left to h3-js, as is every place near an edge between faces.
 */

/** A lattice step from parent to child: the parent's place in the child's lattice, as i then j. */
function childI(i: number, j: number, classIII: boolean): number {
  // The parent's (i, j) unit vectors seen in the finer lattice, turned one way or the other.
  return classIII ? 2 * i + j : 3 * i - j;
}
function childJ(i: number, j: number, classIII: boolean): number {
  return classIII ? 3 * j - i : i + 2 * j;
}

/** The parent of a child's place, the inverse of the step rounded to the nearest parent (never a tie: a numerator over 7 never ends in .5). */
function parentI(i: number, j: number, classIII: boolean): number {
  return Math.round(classIII ? (3 * i - j) / 7 : (2 * i + j) / 7);
}
function parentJ(i: number, j: number, classIII: boolean): number {
  return Math.round(classIII ? (i + 2 * j) / 7 : (3 * j - i) / 7);
}

/**
 * H3's digits are unit vectors on the three axes i, j and k (k = -i - j on this lattice), written as
 * bits i = 4, j = 2, k = 1 of the vector with no negative part: 1 is k, 2 j, 3 j+k, 4 i, 5 i+k, 6
 * i+j. -1 for a step that is no digit.
 */
function digitOf(di: number, dj: number): number {
  const least = Math.min(di, dj, 0);
  const i = di - least;
  const j = dj - least;
  return i > 1 || j > 1 || least < -1 ? -1 : 4 * i + 2 * j - least;
}

const SQRT3_2 = Math.sqrt(3) / 2;

/** The lattice step of a digit, as (i, j). */
const DIGIT_I = [0, -1, 0, -1, 1, 0, 1];
const DIGIT_J = [0, -1, 1, 0, 0, -1, 1];
/** Each digit turned 60° anticlockwise: k → i+k → i → i+j → j → j+k → k. */
const TURNED_ANTICLOCKWISE = [0, 5, 3, 1, 6, 4, 2];
/** By turns × 8 + digit: the digit turned anticlockwise that many times (0 to 5). */
const TURNED = Uint8Array.from({ length: 48 }, (_, at) => {
  let digit = at % 8;
  for (let t = 0; t < at >> 3; t++) digit = digit < 7 ? TURNED_ANTICLOCKWISE[digit] : digit;
  return digit;
});

/** A resolution-0 place of a face: (i, j, k) each 0 to 2 with one of them 0, as i·9 + j·3 + k. */
function placeKey(i: number, j: number): number {
  const least = Math.min(i, j, 0);
  return i - least > 2 || j - least > 2 || least < -2 ? -1 : (i - least) * 9 + (j - least) * 3 - least;
}

interface BaseCellPlace {
  face: number;
  /** The place on the face's resolution-0 lattice. */
  i: number;
  j: number;
  baseCell: number;
  /** Anticlockwise 60° turns from the face's digits to the index's. */
  turns: number;
}

/** The lattices and base-cell places, made at first use. */
interface Grid {
  lattices: H3Lattice[];
  /** By face × 27 + placeKey: the base cell there, or null where h3-js is asked instead. */
  places: (BaseCellPlace | null)[];
  /** By base cell: its places on the faces it lies on (one, or two for base cells centred on a face's edge). */
  placesOf: BaseCellPlace[][];
}

let grid: Grid | null = null;

/**
 * The grid, made at first use: a few milliseconds and h3-js's first calls, which a worker can get
 * out of the way while it is idle, before the first cells it names or outlines.
 */
export function gridOf(): Grid {
  if (grid) return grid;
  const lattices = Array.from({ length: 16 }, (_, resolution) => new H3Lattice(resolution));
  const places: (BaseCellPlace | null)[] = new Array<BaseCellPlace | null>(20 * 27).fill(null);
  const placesOf: BaseCellPlace[][] = Array.from({ length: 122 }, () => []);
  /** The digit h3-js gives the resolution-1 child of (i, j) on `face` one step along `digit`, or -1 off its base cell. */
  const probe = (face: number, i: number, j: number, baseCell: number, digit: number): number => {
    const ci = childI(i, j, true) + DIGIT_I[digit];
    const cj = childJ(i, j, true) + DIGIT_J[digit];
    lattices[1].pointAt(face, ci - cj / 2, cj * SQRT3_2, point);
    const cell = latLngToCell(point[0], point[1], 1);
    return getBaseCellNumber(cell) === baseCell ? digitsOf(cell)[1] : -1;
  };
  for (let face = 0; face < 20; face++) {
    for (let i = -2; i <= 2; i++) {
      for (let j = -2; j <= 2; j++) {
        const key = placeKey(i, j);
        if (key < 0 || places[face * 27 + key]) continue;
        lattices[0].pointAt(face, i - j / 2, j * SQRT3_2, point);
        const onFace = lattices[0].faceMargin(face, point);
        const cell = latLngToCell(point[0], point[1], 0);
        if (isPentagon(cell)) continue;
        const baseCell = getBaseCellNumber(cell);
        // The turn that takes the face's k digit to h3-js's, confirmed on its j digit.
        const k = probe(face, i, j, baseCell, 1);
        const turns = [0, 1, 2, 3, 4, 5].find((t) => TURNED[t * 8 + 1] === k);
        if (turns === undefined || probe(face, i, j, baseCell, 2) !== TURNED[turns * 8 + 2]) continue;
        const place = { face, i, j, baseCell, turns };
        places[face * 27 + key] = place;
        // A base cell is read back on the faces its centre is on (at their edge, within rounding).
        if (onFace > -1e-9) placesOf[baseCell].push(place);
      }
    }
  }
  grid = { lattices, places, placesOf };
  return grid;
}

/** The index's digits, 1 to its resolution (0 holds the base cell), from its hex text; none for an index that is not a cell's. */
function digitsOf(cell: string): number[] {
  const high = parseInt(cell.slice(0, -8), 16);
  const low = parseInt(cell.slice(-8), 16);
  if (((high >>> 27) & 15) !== 1) return [];
  const resolution = (high >>> 20) & 15;
  const digits = [(high >>> 13) & 127];
  for (let r = 1; r <= resolution; r++) {
    const shift = 3 * (15 - r);
    digits.push(shift >= 32 ? (high >>> (shift - 32)) & 7 : shift > 29 ? ((low >>> shift) | (high << (32 - shift))) & 7 : (low >>> shift) & 7);
  }
  return digits;
}

const digits = new Uint8Array(16);
/** A point as H3Lattice.pointAt writes it: latitude, longitude, unit vector. */
const point = new Float64Array(5);

/**
 * The H3 index of the hexagon at lattice place (i, j) of `face` at `resolution`, as h3-js writes it;
 * null where h3-js is to be asked (a pentagon's base cell, or a place the grid could not confirm).
 */
export function cellAtPlace(face: number, i: number, j: number, resolution: number): string | null {
  const { places } = gridOf();
  let ci = i;
  let cj = j;
  for (let r = resolution; r >= 1; r--) {
    const classIII = r % 2 === 1;
    const pi = parentI(ci, cj, classIII);
    const pj = parentJ(ci, cj, classIII);
    const digit = digitOf(ci - childI(pi, pj, classIII), cj - childJ(pi, pj, classIII));
    if (digit < 0) return null;
    digits[r] = digit;
    ci = pi;
    cj = pj;
  }
  const key = placeKey(ci, cj);
  const place = key < 0 ? null : places[face * 27 + key];
  if (!place) return null;
  // Mode 1 (a cell), the resolution and the base cell, then three bits a digit, 7 past the resolution.
  let high = (1 << 27) | (resolution << 20) | (place.baseCell << 13);
  let low = 0;
  const turns = place.turns * 8;
  for (let r = 1; r <= 15; r++) {
    const digit = r <= resolution ? TURNED[turns + digits[r]] : 7;
    const shift = 3 * (15 - r);
    if (shift >= 32) high |= digit << (shift - 32);
    else {
      low |= digit << shift;
      if (shift > 29) high |= digit >>> (32 - shift);
    }
  }
  return high.toString(16) + (low >>> 0).toString(16).padStart(8, '0');
}

/** How clearly inside its face a hexagon's centre and corners must be for them to be read on its lattice. */
const FACE_MARGIN = 1e-9;
/** A hexagon's corners in lattice units from its centre, in the order h3-js gives them. */
const CORNER_X = [0.5, 0, -0.5, -0.5, 0, 0.5];
const CORNER_Y = [1 / (2 * Math.sqrt(3)), 1 / Math.sqrt(3), 1 / (2 * Math.sqrt(3)), -1 / (2 * Math.sqrt(3)), -1 / Math.sqrt(3), -1 / (2 * Math.sqrt(3))];

/**
 * The six corners of a hexagon, in degrees into `lat` and `lng`, as h3-js's cellToBoundary gives
 * them; false for a pentagon, a cell near an edge between faces (where h3-js adds corners), or one
 * the grid could not confirm: h3-js is to be asked.
 */
export function hexagonCorners(cell: string, lat: Float64Array, lng: Float64Array): boolean {
  const { lattices, placesOf } = gridOf();
  const cellDigits = digitsOf(cell);
  const resolution = cellDigits.length - 1;
  for (const place of resolution < 0 ? [] : (placesOf[cellDigits[0]] ?? [])) {
    let ci = place.i;
    let cj = place.j;
    const turnsBack = ((6 - place.turns) % 6) * 8;
    for (let r = 1; r <= resolution; r++) {
      const digit = TURNED[turnsBack + cellDigits[r]];
      const classIII = r % 2 === 1;
      const next = childI(ci, cj, classIII) + DIGIT_I[digit];
      cj = childJ(ci, cj, classIII) + DIGIT_J[digit];
      ci = next;
    }
    const lattice = lattices[resolution];
    const [x, y] = [ci - cj / 2, cj * SQRT3_2];
    lattice.pointAt(place.face, x, y, point);
    const margin = lattice.faceMargin(place.face, point);
    if (margin < FACE_MARGIN) continue;
    const [cx, cy, cz] = [point[2], point[3], point[4]];
    let farthest = 0;
    for (let c = 0; c < 6; c++) {
      lattice.pointAt(place.face, x + CORNER_X[c], y + CORNER_Y[c], point);
      lat[c] = point[0];
      lng[c] = point[1];
      const [dx, dy, dz] = [point[2] - cx, point[3] - cy, point[4] - cz];
      farthest = Math.max(farthest, dx * dx + dy * dy + dz * dz);
    }
    // Every corner is on the face if the centre is by more than twice the farthest corner's chord.
    const inside = margin - 2 * Math.sqrt(farthest) >= FACE_MARGIN;
    if (inside) return true;
  }
  return false;
}

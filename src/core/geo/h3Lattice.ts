/**
 * Where a point falls on H3's grid, found without h3-js: the icosahedron face it projects onto and
 * the hexagon of that face's lattice that holds it. H3 names a cell from exactly these two (its
 * `latLngToCell` is the face's gnomonic projection, rounded to the nearest lattice centre), so points
 * with the same lattice key share a cell, and h3-js need only be asked once per key. A point too near
 * an edge between two faces or two hexagons, where rounding could tip it either way, has no key and
 * is left to h3-js.
 */

/**
 * The H3 grid's definition (H3 v4, faceijk.c): each icosahedron face's centre in radians of latitude
 * and longitude, and the azimuth from that centre of the face's i axis at Class II resolutions.
 */
const FACE_CENTRES: readonly (readonly [number, number, number])[] = [
  [0.80358264971899, 1.2483974196173961, 5.6199582685239395],
  [1.3077478834556382, 2.5369450098779214, 5.7603390817141875],
  [1.054751253523952, -1.3475173589003966, 0.78021365439343],
  [0.6001915955381868, -0.45060390946975576, 0.4304693639799999],
  [0.49171542819877384, 0.40198820291130694, 6.130269123335111],
  [0.1727453274156187, 1.6781468852804338, 2.692877706530643],
  [0.6059293215713507, 2.9539233298124117, 2.982963003477244],
  [0.42737051832897965, -1.8888762003362853, 3.532912002790141],
  [-0.07906611854921283, -0.7334295133808677, 3.494305004259568],
  [-0.23096164445538364, 0.506495587332349, 3.0032141694995382],
  [0.07906611854921283, 2.4081631402089254, 5.930472956509812],
  [0.23096164445538364, -2.635097066257444, 0.13837848409025486],
  [-0.1727453274156187, -1.4634457683093596, 0.4487149470591504],
  [-0.6059293215713507, -0.18766932377738163, 0.15862965011254937],
  [-0.42737051832897965, 1.2527164532535078, 5.891865957979238],
  [-0.6001915955381868, 2.6909887441200375, 2.711123289609793],
  [-0.49171542819877384, -2.7396044506784865, 3.294508837434268],
  [-0.80358264971899, -1.8931952339723972, 3.80481969224544],
  [-1.3077478834556382, -0.6046476437118721, 3.6644388790551923],
  [-1.054751253523952, 1.7940752946893965, 2.361378999196363],
];

/** Resolution 0's hexagon spacing on the gnomonic plane of a face: 1/φ², φ the golden ratio. */
const RES0_SPACING = (3 - Math.sqrt(5)) / 2;
/** The turn between Class II and Class III (odd resolution) lattices: asin(√(3/28)). */
const CLASS_III_TURN = Math.asin(Math.sqrt(3 / 28));
const SQRT3_2 = Math.sqrt(3) / 2;
const RADIANS = Math.PI / 180;
/**
 * How much nearer than any other a face or a lattice centre must be for the point to get a key: far
 * above the rounding of either computation (about 1e-15 of the plane's extent, so 1e-8 of a hexagon
 * at resolution 15), and met by all but about one point in a million.
 */
const FACE_MARGIN = 1e-12;
const HEXAGON_MARGIN = 2e-6;
/** Lattice neighbours in (i, j) with k = 0, H3's axes 120° apart. */
const NEIGHBOUR_I = [1, -1, 0, 0, 1, -1];
const NEIGHBOUR_J = [0, 0, 1, -1, 1, -1];

export class H3Lattice {
  /** Per face: centre (x, y, z), then the plane's x axis and y axis scaled to lattice units. */
  private readonly frames = new Float64Array(FACE_CENTRES.length * 9);
  /** Where `locate` found the last point: its face, and its hexagon's centre (i, j) on that face's lattice. */
  face = 0;
  i = 0;
  j = 0;
  /** Lattice units per unit of the gnomonic plane. */
  private readonly scale: number;

  constructor(readonly resolution: number) {
    const scale = Math.sqrt(7) ** resolution / RES0_SPACING;
    this.scale = scale;
    FACE_CENTRES.forEach(([lat, lng, axisAzimuth], face) => {
      const azimuth = resolution % 2 === 1 ? axisAzimuth - CLASS_III_TURN : axisAzimuth;
      const [sinLat, cosLat, sinLng, cosLng] = [Math.sin(lat), Math.cos(lat), Math.sin(lng), Math.cos(lng)];
      const north = [-sinLat * cosLng, -sinLat * sinLng, cosLat];
      const east = [-sinLng, cosLng, 0];
      const [sinAz, cosAz] = [Math.sin(azimuth), Math.cos(azimuth)];
      // x runs along the i axis; y a quarter turn anticlockwise from it (H3's theta grows anticlockwise, azimuths clockwise).
      const frame = [cosLat * cosLng, cosLat * sinLng, sinLat];
      for (let axis = 0; axis < 3; axis++) frame.push(scale * (cosAz * north[axis] + sinAz * east[axis]));
      for (let axis = 0; axis < 3; axis++) frame.push(scale * (sinAz * north[axis] - cosAz * east[axis]));
      this.frames.set(frame, face * 9);
    });
  }

  /**
   * Finds the hexagon holding (lat, lng) in degrees, as `face`, `i` and `j`: points found at the same
   * place share an H3 cell. False where the point lies within a rounding error of an edge between
   * faces or hexagons.
   */
  locate(lat: number, lng: number): boolean {
    const cosLat = Math.cos(lat * RADIANS);
    const px = cosLat * Math.cos(lng * RADIANS);
    const py = cosLat * Math.sin(lng * RADIANS);
    const pz = Math.sin(lat * RADIANS);
    const frames = this.frames;
    // The nearest face centre, as H3 chooses it, and how clearly nearest it is.
    let face = 0;
    let best = -2;
    let second = -2;
    for (let f = 0, at = 0; f < 20; f++, at += 9) {
      const dot = px * frames[at] + py * frames[at + 1] + pz * frames[at + 2];
      if (dot > best) {
        second = best;
        best = dot;
        face = f;
      } else if (dot > second) second = dot;
    }
    // Squared chord distances are 2 - 2·dot, so the faces' margin is twice the dots'.
    if (2 * (best - second) < FACE_MARGIN) return false;
    // Gnomonic projection onto the face's plane, in lattice units.
    const at = face * 9;
    const x = (px * frames[at + 3] + py * frames[at + 4] + pz * frames[at + 5]) / best;
    const y = (px * frames[at + 6] + py * frames[at + 7] + pz * frames[at + 8]) / best;
    // The lattice centre (i, j) sits at (i - j/2, j·√3/2). Rounding lands within 0.66 of the point,
    // and the nearest centre is within 0.58, so it is the rounded one or one of its six neighbours.
    const roundedJ = Math.round(y / SQRT3_2);
    const roundedI = Math.round(x + roundedJ / 2);
    let i = roundedI;
    let j = roundedJ;
    let nearest = squaredDistance(x, y, i, j);
    for (let n = 0; n < 6; n++) {
      const d = squaredDistance(x, y, roundedI + NEIGHBOUR_I[n], roundedJ + NEIGHBOUR_J[n]);
      if (d < nearest) {
        nearest = d;
        i = roundedI + NEIGHBOUR_I[n];
        j = roundedJ + NEIGHBOUR_J[n];
      }
    }
    // A hexagon is the set of points nearer its centre than its six neighbours': the margin to the edge.
    let runnerUp = Infinity;
    for (let n = 0; n < 6; n++) runnerUp = Math.min(runnerUp, squaredDistance(x, y, i + NEIGHBOUR_I[n], j + NEIGHBOUR_J[n]));
    if (runnerUp - nearest < HEXAGON_MARGIN) return false;
    this.face = face;
    this.i = i;
    this.j = j;
    return true;
  }

  /**
   * The point at (x, y) in lattice units on `face`'s plane: its latitude and longitude in degrees
   * into out[0] and out[1], and its unit vector into out[2] to out[4] (see faceMargin).
   */
  pointAt(face: number, x: number, y: number, out: Float64Array): void {
    const frames = this.frames;
    const at = face * 9;
    const toPlane = 1 / (this.scale * this.scale);
    const px = frames[at] + (x * frames[at + 3] + y * frames[at + 6]) * toPlane;
    const py = frames[at + 1] + (x * frames[at + 4] + y * frames[at + 7]) * toPlane;
    const pz = frames[at + 2] + (x * frames[at + 5] + y * frames[at + 8]) * toPlane;
    const length = Math.sqrt(px * px + py * py + pz * pz);
    out[0] = Math.asin(pz / length) / RADIANS;
    out[1] = Math.atan2(py, px) / RADIANS;
    out[2] = px / length;
    out[3] = py / length;
    out[4] = pz / length;
  }

  /**
   * How clearly `face` is the nearest to the unit vector in out[2] to out[4] (as pointAt writes it):
   * the cosine of its angle to that face's centre less the greatest to another's, negative when
   * another face is nearer. It changes by at most twice the chord a point moves.
   */
  faceMargin(face: number, out: Float64Array): number {
    const frames = this.frames;
    const [px, py, pz] = [out[2], out[3], out[4]];
    let other = -2;
    for (let f = 0, at = 0; f < 20; f++, at += 9) if (f !== face) other = Math.max(other, px * frames[at] + py * frames[at + 1] + pz * frames[at + 2]);
    return px * frames[face * 9] + py * frames[face * 9 + 1] + pz * frames[face * 9 + 2] - other;
  }
}

/**
 * Ids by lattice place (face, i, j), in an open-addressing table over typed arrays: a Map keyed by
 * one number packing the three boxed a double for every point looked up, and the collector's time
 * was most of the lookup's.
 */
export class LatticeIds {
  /** Slots of three integers (i, face and j packed, id); id -1 is empty. */
  private slots = new Int32Array(3 << 12).fill(-1);
  private count = 0;

  /** The id at this place, or -1. */
  get(face: number, i: number, j: number): number {
    const slots = this.slots;
    const at = this.slotOf(slots, i, packFaceJ(face, j));
    return slots[at + 2];
  }

  set(face: number, i: number, j: number, id: number): void {
    const faceJ = packFaceJ(face, j);
    const at = this.slotOf(this.slots, i, faceJ);
    if (this.slots[at + 2] < 0) this.count++;
    this.slots[at] = i;
    this.slots[at + 1] = faceJ;
    this.slots[at + 2] = id;
    // At most half full, so probes stay short.
    if (this.count * 2 * 3 >= this.slots.length) this.grow();
  }

  private slotOf(slots: Int32Array, i: number, faceJ: number): number {
    const mask = slots.length / 3 - 1;
    let hash = Math.imul(i ^ Math.imul(faceJ, 0x85ebca77), 0x9e3779b1);
    hash ^= hash >>> 15;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      if (slots[at + 2] < 0 || (slots[at] === i && slots[at + 1] === faceJ)) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(-1);
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] < 0) continue;
      slots.set(old.subarray(at, at + 3), this.slotOf(slots, old[at], old[at + 1]));
    }
    this.slots = slots;
  }
}

/** A face (under 20) and a lattice j (within ±2^23 up to resolution 15) in one integer. */
const packFaceJ = (face: number, j: number): number => (face << 24) | (j + (1 << 23));

function squaredDistance(x: number, y: number, i: number, j: number): number {
  const dx = x - (i - j / 2);
  const dy = y - j * SQRT3_2;
  return dx * dx + dy * dy;
}

/** shpjs ships no types: it reads a zipped Shapefile (ArrayBuffer) into GeoJSON, reprojecting from the .prj. */
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export default function shp(input: ArrayBuffer | Uint8Array | string): Promise<FeatureCollection | FeatureCollection[]>;
}

import proj4 from 'proj4';

/**
 * British National Grid (EPSG:27700) ⇄ WGS84 through the 7-parameter Helmert transform (no OSTN15
 * grid): accurate to a few metres, ample for H3 cells of 29 m edge and up.
 */
const BNG = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const converter = proj4(BNG, 'EPSG:4326');

export function bngToWgs84(easting: number, northing: number): { lat: number; lng: number } {
  const [lng, lat] = converter.forward([easting, northing]);
  return { lat, lng };
}

export function wgs84ToBng(lat: number, lng: number): { easting: number; northing: number } {
  const [easting, northing] = converter.inverse([lng, lat]);
  return { easting, northing };
}

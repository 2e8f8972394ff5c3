import policeUrl from '../../data/brent-police-sample-2025.csv?url';
import councilUrl from '../../data/brent-council-complaints-sample.csv?url';
import camerasUrl from '../../data/brent-cctv-cameras-sample.csv?url';
import type { ColumnMapping } from '../core/ingest/schema';

import zonesUrl from '../../data/brent-pspo-zones-sample.geojson?url';

export const SAMPLE_CAMERAS_URL = camerasUrl;
export const SAMPLE_ZONES_URL = zonesUrl;

/** The synthetic Brent sample the app opens on when nothing else is loaded (see data/README.md). */
export const SAMPLE_FILES: { url: string; name: string; mapping?: ColumnMapping }[] = [
  { url: policeUrl, name: 'brent-police-sample-2025.csv' },
  {
    url: councilUrl,
    name: 'brent-council-complaints-sample.csv',
    mapping: { coordinates: 'bng', x: 'Easting', y: 'Northing', date: 'Date received', category: 'Category', reference: 'Reference', location: 'Location', key: 'Household' },
  },
];

import type { CoordinateRow } from './coordinates-sources';
import { tableFile } from './table-file';

export interface CommuneLocation {
  lat: number;
  lon: number;
  /**
   * "geonames" (GeoNames town centre, CC BY 4.0), "official" (La Poste / IGN file),
   * "geofla" (IGN GEOFLA 2016 centroid of the commune's outline) or "former-communes"
   * (mean of the GEOFLA centroids of the communes it was made from).
   */
  source: 'geonames' | 'official' | 'geofla' | 'former-communes';
  /** A town centre is where people live; a centroid may be fields or hills away from it. */
  precision: 'town-centre' | 'centroid';
}

const table = /* @__PURE__ */ tableFile<Record<string, CoordinateRow>>('commune-coordinates.json');
const sources = {
  G: ['geonames', 'town-centre'],
  O: ['official', 'town-centre'],
  F: ['geofla', 'centroid'],
  C: ['former-communes', 'centroid'],
} as const;

/** The commune's reference point, or undefined when no source places it. */
export function communeLocation(code: string): CommuneLocation | undefined {
  const row = table()[code];
  if (!row) return undefined;
  const [source, precision] = sources[row[2]];
  return { lat: row[0], lon: row[1], source, precision };
}

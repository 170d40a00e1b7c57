import type { CoordinateRow } from './coordinates-sources';
import rows from './data/commune-coordinates.json';

export interface CommuneLocation {
  lat: number;
  lon: number;
  /** "geonames" (CC BY 4.0) or "official" (La Poste / IGN file, Licence Ouverte). */
  source: 'geonames' | 'official';
}

const table = rows as unknown as Record<string, CoordinateRow>;

/** The commune's reference point (its main place), or undefined when no source has it. */
export function communeLocation(code: string): CommuneLocation | undefined {
  const row = table[code];
  return row && { lat: row[0], lon: row[1], source: row[2] === 'O' ? 'official' : 'geonames' };
}

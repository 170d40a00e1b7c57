import { findCommune } from '../reference/communes';
import { communeLocation } from '../reference/coordinates';
import { UnprocessableError } from './errors';
import type { Point } from './geo';

export interface Located {
  point: Point;
  /**
   * "site": the site's own coordinates; "town-centre": the commune's main place;
   * "centroid": the middle of the commune's territory (no town-centre point is known).
   */
  precision: 'site' | 'town-centre' | 'centroid';
}

/** People read the commune's name, never its code. */
const unplaced = (field: string, code: string, key: 'location.home' | 'location.site' | 'location.commune') =>
  new UnprocessableError([{ field, message: key, params: { commune: findCommune(code)?.name ?? code } }]);

function atCommune(code: string): Located | undefined {
  const location = communeLocation(code);
  return location && { point: { lat: location.lat, lon: location.lon }, precision: location.precision };
}

/** Where a vacancy's site is: its own coordinates, else its commune's point. */
export function locateSite(site: { commune: string; coordinates?: Point | undefined }): Located {
  if (site.coordinates) return { point: site.coordinates, precision: 'site' };
  const found = atCommune(site.commune);
  if (!found) throw unplaced('site.commune', site.commune, 'location.site');
  return found;
}

/** Where a seeker lives, at commune level only (privacy): never more precise than that. */
export function locateHome(home: { commune: string }): Located {
  const found = atCommune(home.commune);
  if (!found) throw unplaced('home.commune', home.commune, 'location.home');
  return found;
}

export const locateCommune = (code: string, field: string): Located => {
  const found = atCommune(code);
  if (!found) throw unplaced(field, code, 'location.commune');
  return found;
};

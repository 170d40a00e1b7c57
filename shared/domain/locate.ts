import { communeLocation } from '../reference/coordinates';
import { UnprocessableError } from './errors';
import type { Point } from './geo';

export interface Located {
  point: Point;
  /** False when only the commune's main place is known. */
  precise: boolean;
}

const noCoordinates = (field: string, commune: string) =>
  new UnprocessableError([
    {
      field,
      message: `commune ${commune} has no known coordinates; give the site's coordinates or import the official commune file (DATA.md)`,
    },
  ]);

/** Where a vacancy's site is: its own coordinates, else its commune's main place. */
export function locateSite(site: { commune: string; coordinates?: Point | undefined }): Located {
  if (site.coordinates) return { point: site.coordinates, precise: true };
  const location = communeLocation(site.commune);
  if (!location) throw noCoordinates('body.site.commune', site.commune);
  return { point: { lat: location.lat, lon: location.lon }, precise: false };
}

/** Where a seeker lives, at commune level only (privacy): never more precise than that. */
export function locateHome(home: { commune: string }): Located {
  const location = communeLocation(home.commune);
  if (!location) {
    throw new UnprocessableError([
      {
        field: 'body.home.commune',
        message: `commune ${home.commune} has no known coordinates yet, so commute times cannot be computed; pick the nearest larger commune, or ask the operator to import the official commune file`,
      },
    ]);
  }
  return { point: { lat: location.lat, lon: location.lon }, precise: false };
}

export const locateCommune = (code: string, field: string): Located => {
  const location = communeLocation(code);
  if (!location) throw noCoordinates(field, code);
  return { point: { lat: location.lat, lon: location.lon }, precise: false };
};

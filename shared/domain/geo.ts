/**
 * Points, distances and the spatial cells used to find candidates in reach.
 * Cells are a lat/lon grid at `level` bits per axis (level 10 ≈ 19.5 km north–south),
 * addressed as integers so that neighbours are simple arithmetic.
 */
export interface Point {
  lat: number;
  lon: number;
}

export interface Cell {
  level: number;
  x: number;
  y: number;
}

const earthRadiusKm = 6371.0088;
/** Shortest length of one degree of latitude (at the equator), so bounds stay conservative. */
const kmPerDegreeLat = 110.57;
/** Length of one degree of longitude at the equator, times cos(latitude) elsewhere. */
const kmPerDegreeLonAtEquator = 111.32;
/** Levels of the first reach index (format 1), finest to coarsest: read until it is migrated. */
export const cellLevels = [10, 9, 8, 7, 6] as const;
/**
 * Levels of the reach index (format 2), finest to coarsest. Level 11 for reaches under ~10 km,
 * 10 under ~20 km, 8 under ~78 km, 6 beyond (bench:match-designs measured these against
 * every level: the skipped ones saved queries and cost almost no extra reads).
 */
export const reachLevels = [11, 10, 8, 6] as const;
/** Directions (evenly spread) along which a seeker's reach is projected: see `projectionKm`. */
export const reachDirections = 8;

export function distanceKm(a: Point, b: Point): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function cellOf(point: Point, level: number): Cell {
  const n = 2 ** level;
  const x = Math.min(n - 1, Math.floor(((point.lon + 180) / 360) * n));
  const y = Math.min(n - 1, Math.floor(((point.lat + 90) / 180) * n));
  return { level, x, y };
}

export const cellId = ({ level, x, y }: Cell) => `L${level}#${x}:${y}`;

function cellBox({ level, x, y }: Cell) {
  const n = 2 ** level;
  return {
    west: (x / n) * 360 - 180,
    east: ((x + 1) / n) * 360 - 180,
    south: (y / n) * 180 - 90,
    north: ((y + 1) / n) * 180 - 90,
  };
}

/** North–south size of a cell at this level, in km (its smallest side outside the polar regions). */
export const cellHeightKm = (level: number) => (180 / 2 ** level) * kmPerDegreeLat;

/** East–west size of a cell at this level at latitude `lat` (narrower towards the poles). */
export const cellWidthKm = (level: number, lat: number) =>
  (360 / 2 ** level) * kmPerDegreeLonAtEquator * Math.cos((Math.min(89, Math.abs(lat)) * Math.PI) / 180);

/** How many rings of cells around a point's cell cover a disc of `reachKm` at this level. */
export function ringsFor(point: Point, level: number, reachKm: number): number {
  const smallest = Math.min(
    cellHeightKm(level),
    cellWidthKm(level, Math.abs(point.lat) + reachKm / kmPerDegreeLat),
  );
  return Math.max(1, Math.ceil((reachKm * 1.02) / smallest));
}

/**
 * A lower bound of the distance from a point to any point of a cell: the distance to the
 * nearest point of the lat/lon box, less 2 % and 0.5 km, which covers the gap between
 * that point and the true nearest one for boxes of this size.
 */
export function minDistanceToCellKm(point: Point, cell: Cell): number {
  const box = cellBox(cell);
  const nearest = {
    lat: Math.min(box.north, Math.max(box.south, point.lat)),
    lon: Math.min(box.east, Math.max(box.west, point.lon)),
  };
  return Math.max(0, distanceKm(point, nearest) * 0.98 - 0.5);
}

/**
 * The finest level at which a disc of `reachKm` around `home` is covered by the 3×3
 * cells around home's cell: the cell must be at least `reachKm` tall and wide, widths
 * measured at the highest latitude the disc reaches (2 % margin for great circles).
 */
export function coverLevel(home: Point, reachKm: number, levels: readonly number[] = cellLevels): number {
  const maxLat = Math.abs(home.lat) + reachKm / kmPerDegreeLat;
  for (const level of levels) {
    if (reachKm <= cellHeightKm(level) && reachKm * 1.02 <= cellWidthKm(level, maxLat)) return level;
  }
  return levels[levels.length - 1] as number;
}

function cellCentre(cell: Cell): Point {
  const box = cellBox(cell);
  return { lat: (box.south + box.north) / 2, lon: (box.west + box.east) / 2 };
}

/** East and north offsets (km) of `point` from `origin` on the plane tangent at `origin`. */
function planarOffsetKm(origin: Point, point: Point) {
  const dLon = ((((point.lon - origin.lon + 540) % 360) + 360) % 360) - 180;
  return {
    east: dLon * kmPerDegreeLonAtEquator * Math.cos((origin.lat * Math.PI) / 180),
    north: (point.lat - origin.lat) * kmPerDegreeLat,
  };
}

const along = (offset: { east: number; north: number }, direction: number) => {
  const angle = (2 * Math.PI * direction) / reachDirections;
  return offset.east * Math.cos(angle) + offset.north * Math.sin(angle);
};

/**
 * For any unit vector u, the distance from home h to site p is at least (p − c)·u − (h − c)·u,
 * c being the centre of h's cell. So a seeker who reaches p has
 * `reach + (h − c)·u ≥ (p − c)·u`: the left side is stored with the seeker (one item per
 * direction u), the right side is what a site asks for, along the direction nearest to
 * where it lies from c. The plane is tangent at c; the reach is widened by the plane's error
 * (0.2 %, plus the change of the east–west scale with latitude) and 0.3 km.
 */
export function seekerProjectionKm(home: Point, cell: Cell, reachKm: number, direction: number): number {
  const centre = cellCentre(cell);
  // Home lies within half a cell height of the centre's latitude, a site in reach within 1.5:
  // the plane's east–west scale is that of the centre, the true one that of their mean latitude.
  const spanDeg = 180 / 2 ** cell.level;
  const tilt = Math.tan((Math.min(85, Math.abs(centre.lat) + spanDeg) * Math.PI) / 180);
  const widened = reachKm * (1.002 + (tilt * spanDeg * Math.PI) / 180) + 0.3;
  return widened + along(planarOffsetKm(centre, home), direction);
}

/** The direction (0 … reachDirections − 1) nearest to where `site` lies from the cell's centre, and how far along it. */
export function siteProjection(site: Point, cell: Cell): { direction: number; km: number } {
  const offset = planarOffsetKm(cellCentre(cell), site);
  const turns = Math.atan2(offset.north, offset.east) / (2 * Math.PI);
  const direction =
    ((Math.round(turns * reachDirections) % reachDirections) + reachDirections) % reachDirections;
  return { direction, km: along(offset, direction) };
}

/** The cell and its 8 neighbours (fewer at the poles, wrapping around the antimeridian). */
export function neighbourhood(point: Point, level: number, radius = 1): Cell[] {
  const { x, y } = cellOf(point, level);
  const n = 2 ** level;
  const cells: Cell[] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const ny = y + dy;
      if (ny < 0 || ny >= n) continue;
      cells.push({ level, x: (x + dx + n) % n, y: ny });
    }
  }
  return cells;
}

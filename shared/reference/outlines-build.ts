/**
 * `npm run geo:build`: the EPCI outlines of the web app's catchment map
 * (web/public/geo/epci-outlines.json), made offline from the commune outlines of
 * ../shared/data/geo/ (IGN GEOFLA 2016, Licence Ouverte; see DATA.md):
 *  1. each 2016 commune joins today's commune (itself, or the commune nouvelle it merged
 *     into, from the COG links of @etalab/decoupage-administratif) and so today's EPCI;
 *  2. topojson-server builds a topology (shared borders stored once), topojson-simplify
 *     simplifies it without breaking shared borders (Visvalingam), topojson-client merges
 *     the communes of each EPCI (a dissolve: interior borders go);
 *  3. the EPCI outlines become a new, quantized topology (~1 m → 1e4 steps across the box).
 * Tests rebuild it and compare (test/unit/outlines.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature, mergeArcs } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { findCommune, findEpci } from './communes';
import { buildCompactReference } from './compact';

/** ../shared/data/ beside the clone (as CI lays it out); BASSIN_SHARED_DATA points elsewhere (a worktree). */
const sharedData = process.env.BASSIN_SHARED_DATA
  ? new URL(`file://${resolve(process.env.BASSIN_SHARED_DATA)}/`)
  : new URL('../../../shared/data/', import.meta.url);
export const outlineSources = [
  'communes-64-pyrenees-atlantiques.geojson',
  'communes-65-hautes-pyrenees.geojson',
].map((name) => new URL(`geo/${name}`, sharedData));
export const outlinesFile = new URL('../../web/public/geo/epci-outlines.json', import.meta.url);

/** Keeps this share of the points that matter most (by triangle area). */
const keep = 0.12;

type CommuneFeatures = FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string }>;

export function buildOutlines(): {
  topology: Topology;
  epcis: number;
  communes: number;
  unmatched: string[];
} {
  const { formerCommunes } = buildCompactReference();
  const currentOf = new Map<string, string>();
  for (const [current, formers] of formerCommunes)
    for (const former of formers) currentOf.set(former, current);
  const communes: CommuneFeatures = { type: 'FeatureCollection', features: [] };
  for (const source of outlineSources)
    communes.features.push(...(JSON.parse(readFileSync(source, 'utf8')) as CommuneFeatures).features);

  const unmatched: string[] = [];
  const epciOf = (code: string) => {
    const current = findCommune(code) ? code : currentOf.get(code);
    const epci = current ? findCommune(current)?.epci : undefined;
    if (!epci) unmatched.push(code);
    return epci;
  };
  const byCommune = presimplify(
    topology({ communes }, 1e6) as unknown as Topology<{ communes: GeometryCollection }>,
  );
  const simplified = simplify(byCommune, quantile(byCommune, 1 - keep));
  const collection = simplified.objects.communes as GeometryCollection<{ code: string; nom: string }>;
  const groups = new Map<string, typeof collection.geometries>();
  for (const geometry of collection.geometries) {
    const code = (geometry.properties as { code?: string } | undefined)?.code;
    const epci = code && epciOf(code);
    if (epci) groups.set(epci, [...(groups.get(epci) ?? []), geometry]);
  }
  const merged: FeatureCollection<MultiPolygon, { name: string }> = {
    type: 'FeatureCollection',
    features: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, geometries]) => ({
        type: 'Feature',
        id: code,
        properties: { name: findEpci(code)?.name ?? code },
        geometry: feature(simplified, mergeArcs(simplified, geometries as never)).geometry as MultiPolygon,
      })),
  };
  return {
    topology: topology({ epci: merged }, 1e4),
    epcis: merged.features.length,
    communes: communes.features.length,
    unmatched,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const { commandLine } = await import('../../infra/cli');
  commandLine({
    command: 'npm run geo:build --',
    summary:
      "Builds the web map's EPCI outlines (web/public/geo/epci-outlines.json) from the IGN GEOFLA\n" +
      'commune outlines in ../shared/data/geo/ (BASSIN_SHARED_DATA: another folder), dissolved per\n' +
      'EPCI and simplified with topojson.',
    options: {},
  });
  const built = buildOutlines();
  const text = `${JSON.stringify(built.topology)}\n`;
  writeFileSync(outlinesFile, text);
  console.log(
    `${built.communes} commune outlines → ${built.epcis} EPCI outlines, ${(text.length / 1024).toFixed(0)} KB` +
      (built.unmatched.length ? `; no current EPCI for ${built.unmatched.join(', ')}` : ''),
  );
}

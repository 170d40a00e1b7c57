import { readFileSync } from 'node:fs';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { buildOutlines, outlinesFile } from '../../shared/reference/outlines-build';
import { pilotTerritory } from '../../shared/reference/territories';

describe('the EPCI outlines of the catchment map', () => {
  it('are what `npm run geo:build` makes from the commune outlines, every pilot EPCI included, compact', () => {
    const built = buildOutlines();
    const text = readFileSync(outlinesFile, 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(built.topology)));
    expect(built.unmatched).toEqual([]);
    const ids = ((built.topology as Topology).objects.epci as GeometryCollection).geometries.map((g) => g.id);
    for (const epci of pilotTerritory.epcis) expect(ids).toContain(epci);
    expect(text.length).toBeLessThan(80_000);
  });
});

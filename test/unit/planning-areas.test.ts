import { describe, expect, it } from 'vitest';
import { areaDefinition, builtInArea, pilotArea, resolveArea } from '../../shared/domain/planning/areas';
import { atomIdOfUnit, territoryNode, unitsOfAtom } from '../../shared/domain/planning/atoms';
import { personNodesOf } from '../../shared/domain/planning/person-figures';
import { listUnits, unitOfCommune } from '../../shared/domain/planning/units';
import { listCommunes } from '../../shared/reference/communes';
import { pilotTerritory } from '../../shared/reference/territories';

describe('statistical units and areas', () => {
  it('partition France: every commune is in exactly one unit, big communes alone', () => {
    const communes = listCommunes();
    const seen = new Map<string, string>();
    for (const unit of listUnits())
      for (const code of unit.communes) {
        expect(seen.has(code), code).toBe(false);
        seen.set(code, unit.id);
      }
    expect(seen.size).toBe(communes.length);
    expect(unitOfCommune('64445')?.id).toBe('C64445'); // Pau, 77,000 people
    expect(unitOfCommune('64335')?.id).toBe('C64335'); // Lescar, over 5,000
    expect(unitOfCommune('64129')?.communes).toEqual(['64129']);
    expect(unitOfCommune('64230')?.id).toBe('C64230'); // Gan
    expect(unitOfCommune('64348')?.id).toBe('C64348');
    expect(unitOfCommune('64132')?.id).toBe('E200067254'); // Bizanos, small: rest of the Pau agglomeration
  });

  it('resolves the pilot territory to its 10 EPCIs exactly, and names its source', () => {
    const resolved = resolveArea(pilotArea);
    expect(pilotTerritory.epcis).toHaveLength(10);
    expect(resolved.exact).toBe(true);
    const epcis = new Set(resolved.units.map((unit) => atomIdOfUnit(unit.id)));
    expect([...epcis].sort()).toEqual([...pilotTerritory.epcis].sort());
    expect(pilotArea.source).toMatch(/2019 pilot contract/);
    expect(personNodesOf(resolved)).toEqual({ nodes: [territoryNode], exact: true });
  });

  it('counts a small commune alone as its whole unit, and says the area is not exact', () => {
    const resolved = resolveArea({
      ...pilotArea,
      id: 'bizanos',
      kind: 'custom',
      epcis: [],
      communes: ['64132'],
    });
    expect(resolved.exact).toBe(false);
    expect(resolved.units.map((unit) => unit.id)).toEqual(['E200067254']);
    expect(personNodesOf(resolved)).toEqual({ nodes: ['200067254'], exact: false });
    expect(unitsOfAtom('200067254').map((unit) => unit.id)).toContain('C64445');
  });

  it('knows EPCIs and départements as built-in areas; validates custom definitions by code', () => {
    expect(builtInArea('epci-200069300')?.name).toBe('CA Tarbes-Lourdes-Pyrénées');
    expect(builtInArea('dep-65')?.kind).toBe('departement');
    expect(builtInArea('epci-999999999')).toBeUndefined();
    const bad = areaDefinition.safeParse({ name: 'x', epcis: ['123456789'], communes: ['99999'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['name', 'epcis.0', 'communes.0']),
    );
    expect(areaDefinition.safeParse({ name: 'Vide' }).success).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import nafCodes from '@socialgouv/codes-naf/index.json';
import { describe, expect, it } from 'vitest';
import {
  findCommune,
  findEpci,
  foldForSearch,
  isKnownCommune,
  searchCommunes,
} from '../../shared/reference/communes';
import { buildCompactReference } from '../../shared/reference/compact';
import { isKnownOccupation, occupationDomain, occupations } from '../../shared/reference/occupations';
import { occupationSearch, sectorList } from '../../shared/reference/search';
import { sectorOfNaf, sectors } from '../../shared/reference/sectors';

describe('sectors', () => {
  const nafIds = new Set((nafCodes as { id: string }[]).map((naf) => naf.id));

  it('are defined only by NAF rév. 2 codes that exist', () => {
    for (const sector of sectors)
      for (const code of sector.naf) expect(nafIds, `${sector.slug}: ${code}`).toContain(code);
  });

  it('include the pilot territory’s four sectors, with unique slugs', () => {
    const slugs = sectors.map((s) => s.slug);
    expect(slugs).toEqual(expect.arrayContaining(['aeronautics', 'agrifood', 'chemistry', 'geoscience']));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('place an establishment by its longest matching NAF code', () => {
    expect(sectorOfNaf('30.30Z')).toBe('aeronautics');
    expect(sectorOfNaf('33.16Z')).toBe('aeronautics');
    expect(sectorOfNaf('33.12Z')).toBe('industrial-maintenance');
    expect(sectorOfNaf('10.51A')).toBe('agrifood');
    expect(sectorOfNaf('25.40Z')).toBe('defence');
    expect(sectorOfNaf('25.11Z')).toBe('metalworking');
    expect(sectorOfNaf('47.11F')).toBeUndefined();
  });

  it('are listed with NAF labels', () => {
    const aeronautics = sectorList().find((s) => s.slug === 'aeronautics');
    expect(aeronautics?.naf).toContainEqual({
      code: '30.30Z',
      label: 'Construction aéronautique et spatiale',
    });
  });
});

describe('communes and EPCI', () => {
  it('compact tables are exactly what build.ts makes from @etalab/decoupage-administratif', () => {
    const { communes, epcis } = buildCompactReference();
    const read = (name: string) => JSON.parse(readFileSync(`shared/reference/data/${name}`, 'utf8'));
    expect(read('communes.json')).toEqual(communes);
    expect(read('epci.json')).toEqual(epcis);
  });

  it('finds a commune by INSEE code with postcodes, population and EPCI', () => {
    const lescar = findCommune('64335');
    expect(lescar).toMatchObject({ name: 'Lescar', postcodes: ['64230'], departement: '64' });
    expect(lescar?.population).toBeGreaterThan(5000);
    expect(findEpci(lescar?.epci ?? '')?.name).toBe('CA Pau Béarn Pyrénées');
    expect(isKnownCommune('99999')).toBe(false);
    expect(isKnownCommune('2A004')).toBe(true);
  });

  it('searches by name prefix without accents or case, biggest first', () => {
    expect(foldForSearch('Saint-Pé-de-Bigorre')).toBe('saint pe de bigorre');
    expect(searchCommunes('PAU', 5)[0]?.code).toBe('64445');
    expect(searchCommunes('saint pe de', 10).map((c) => c.name)).toContain('Saint-Pé-de-Bigorre');
    expect(searchCommunes('orthez', 3)[0]?.name).toBe('Orthez');
  });

  it('searches by postal code', () => {
    expect(searchCommunes('64230', 10).map((c) => c.name)).toContain('Lescar');
    expect(searchCommunes('65000', 3)[0]?.name).toBe('Tarbes');
  });
});

describe('occupations', () => {
  it('are well-formed, unique ROME codes', () => {
    const codes = occupations.map((o) => o.code);
    for (const code of codes) expect(code).toMatch(/^[A-N]\d{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(isKnownOccupation('H2913')).toBe(true);
    expect(isKnownOccupation('H9999')).toBe(false);
    expect(occupationDomain('H2913')).toBe('H29');
  });

  it('are found by code prefix or by words of the label, accent-insensitive', () => {
    expect(occupationSearch('H29', 50).every((o) => o.code.startsWith('H29'))).toBe(true);
    expect(occupationSearch('soudage', 5).map((o) => o.code)).toEqual(['H2913']);
    expect(occupationSearch('maintenance aeronefs', 5).map((o) => o.code)).toEqual(['I1602']);
    expect(occupationSearch(undefined, 3)).toHaveLength(3);
  });
});

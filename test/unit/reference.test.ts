import { existsSync, readFileSync } from 'node:fs';
import nafCodes from '@socialgouv/codes-naf/index.json';
import { describe, expect, it } from 'vitest';
import { findCommune, findEpci, isKnownCommune, searchCommunes } from '../../shared/reference/communes';
import { buildCompactReference } from '../../shared/reference/compact';
import { findJobTitle, listJobTitles } from '../../shared/reference/job-titles';
import {
  findOccupation,
  isKnownOccupation,
  occupationCodes,
  occupationDomain,
} from '../../shared/reference/occupations';
import { buildRomeReference, romeDataDir } from '../../shared/reference/rome-build';
import { occupationSearch, sectorList, skillSearch } from '../../shared/reference/search';
import { sectorOfNaf, sectors } from '../../shared/reference/sectors';
import { findSkill, skillCodeOfLabel } from '../../shared/reference/skill-referential';
import { foldForSearch } from '../../shared/reference/text-search';
import { everydayTitles } from '../support/samples';

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
    const { communes, epcis, departements } = buildCompactReference();
    const read = (name: string) => JSON.parse(readFileSync(`shared/reference/data/${name}`, 'utf8'));
    expect(read('communes.json')).toEqual(communes);
    expect(read('epci.json')).toEqual(epcis);
    expect(read('departements.json')).toEqual(departements);
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

describe('the ROME referential', () => {
  // The official files sit next to the checkout (../shared/data/rome/), not in it: a checkout
  // elsewhere (a git worktree, a CI clone) has none to rebuild from.
  it.skipIf(!existsSync(romeDataDir))(
    'tables are exactly what rome-build.ts makes from ../shared/data/rome/',
    () => {
      const { occupations, jobTitles, skills } = buildRomeReference();
      const read = (name: string) => JSON.parse(readFileSync(`shared/reference/data/${name}`, 'utf8'));
      expect(read('occupations.json')).toEqual(occupations);
      expect(read('job-titles.json')).toEqual(jobTitles);
      expect(read('skills.json')).toEqual(skills);
    },
  );

  it('has every ROME 4.0 code under a ROME 3 fiche, and every job title under a ROME code', () => {
    const codes = occupationCodes();
    expect(codes).toHaveLength(1584);
    for (const code of codes) expect(code).toMatch(/^[A-N]\d{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(findOccupation('H2916')).toMatchObject({
      label: 'Soudeur / Soudeuse Tungsten Inert Gas -TIG-',
      parent: { code: 'H2913', label: 'Soudage manuel' },
      domain: { code: 'H29', label: 'Mécanique, travail des métaux et outillage' },
    });
    expect(isKnownOccupation('H9999')).toBe(false);
    expect(occupationDomain('H2913')).toBe('H29');
    const titles = listJobTitles();
    expect(titles).toHaveLength(13_120);
    for (const title of titles) expect(isKnownOccupation(title.occupation), title.label).toBe(true);
    expect(findJobTitle('15158')).toMatchObject({ label: 'Fraiseur / Fraiseuse', occupation: 'H2903' });
  });

  it('finds the job titles people type, each reaching its ROME code among the first five', () => {
    for (const [typed, code] of everydayTitles)
      expect(
        occupationSearch(typed, 5).map((hit) => hit.occupation.code),
        typed,
      ).toContain(code);
  });

  it('searches the way people type: any case or accent, every word a prefix, either gender, hyphens ignored', () => {
    const first = (query: string) => occupationSearch(query, 5)[0];
    expect(first('soud tig')?.occupation.code).toBe('H2916');
    expect(first('SOUDEUSE')).toMatchObject({ label: 'Soudeur / Soudeuse', occupation: { code: 'H2913' } });
    expect(first('Cheffe soudeuse')?.occupation.code).toBe('H2915');
    expect(first('aide soignant')?.label).toBe('Aide-soignant / Aide-soignante');
    expect(first('operateur commande numerique')?.occupation.code).toBe('H2903');
    // The exact title comes first, rarely used titles last.
    expect(first('cariste')?.label).toBe('Cariste');
    const caristes = occupationSearch('cariste', 100);
    const rare = caristes.findIndex((hit) => hit.rare);
    expect(rare).toBeGreaterThan(0);
    expect(caristes.slice(rare).every((hit) => hit.rare)).toBe(true);
    // Each answer names the title, its code OGR, its ROME code, its parent fiche and labels.
    expect(first('fraiseur')).toEqual({
      code: '15158',
      label: 'Fraiseur / Fraiseuse',
      principal: false,
      rare: false,
      occupation: { code: 'H2903', label: expect.any(String) },
      parent: { code: 'H2903', label: 'Conduite d’équipement d’usinage'.replaceAll('’', "'") },
      domain: { code: 'H29', label: 'Mécanique, travail des métaux et outillage' },
    });
    expect(occupationSearch('H29', 50).every((hit) => hit.occupation.code.startsWith('H29'))).toBe(true);
    expect(occupationSearch(undefined, 3)).toHaveLength(3);
    expect(occupationSearch('zzzz', 3)).toEqual([]);
  });

  it('suggests the skills of an occupation’s fiche first, then any', () => {
    const h2913 = skillSearch(undefined, 'H2913', 20);
    expect(h2913.map((skill) => skill.label)).toContain('Lecture de plan, de schéma');
    expect(h2913.every((skill) => skill.ofOccupation)).toBe(true);
    const typed = skillSearch('lecture', 'H2913', 5);
    expect(typed[0]).toMatchObject({ label: 'Lecture de plan, de schéma', ofOccupation: true });
    expect(typed.slice(1).some((skill) => !skill.ofOccupation)).toBe(true);
    expect(skillCodeOfLabel('LECTURE DE PLAN, DE SCHEMA')).toBe('103070');
    expect(findSkill('103070')).toMatchObject({ kind: 'knowledge' });
  });
});

describe('sectors by their words', () => {
  it('finds sectors by words of their French label', () => {
    expect(sectorList('métallurgie').map((s) => s.slug)).toEqual(['metalworking']);
    expect(sectorList('aero').map((s) => s.slug)).toEqual(['aeronautics']);
    expect(sectorList()).toHaveLength(18);
  });
});
